//! What `flightplan export` writes, as a library: the same function the command runs, so other
//! rings' tests (the desktop's) can check they give the same bytes for the same plan and day.
//! The command itself is `main.rs`.

use chrono::NaiveDate;
use flightplan_core::plan::{Paper, Plan};
use flightplan_core::Error;

/// The bytes of `plan` exported as `format` (`pdf`, `xlsx` or `csv`) on `today`, with the
/// warnings to show: the core's report (the scenario marked presented, costed as of `today`)
/// laid out by the PDF or the spreadsheet writer.
pub fn export_bytes(plan: &Plan, format: &str, today: NaiveDate, paper: Option<Paper>) -> Result<(Vec<u8>, Vec<String>), Error> {
    let report = flightplan_core::report(plan, today)?;
    match format {
        "pdf" => {
            let out = flightplan_pdf::render(&report, &flightplan_pdf::PdfOptions { paper })?;
            Ok((out.bytes, out.warnings))
        }
        "xlsx" => flightplan_exchange::write_xlsx(&report),
        "csv" => Ok((flightplan_exchange::write_csv(&report)?.into_bytes(), Vec::new())),
        _ => Err(Error::new("unsupported_format", format!("\"{format}\" is not an export format (pdf, xlsx or csv)"))),
    }
}
