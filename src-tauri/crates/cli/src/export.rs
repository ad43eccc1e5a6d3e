//! `flightplan export PLAN.json -o OUT.pdf|OUT.xlsx|OUT.csv|NAME.mediaplan.json [--paper a4|letter]`:
//! the costed plan as the one-page client PDF, a spreadsheet, a CSV of the lines, or a
//! mediaplanschema 3.0 document. The format follows the output's name; the file is written whole
//! (to a temporary name, then renamed) or not at all. The PDF, XLSX and CSV lay out the core's
//! report (`flightplan_core::report`: the scenario marked presented, costed as of the day), the
//! same call the desktop's export makes, so both give the same bytes for the same plan and day.

use crate::plan_file::load;
use crate::print_json;
use chrono::NaiveDate;
use flightplan_core::plan::Paper;
use flightplan_core::{compute, Error};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct ExportArgs {
    /// The plan file (flightplan/1 JSON).
    plan: PathBuf,
    /// Where to write: .pdf, .xlsx, .csv or NAME.mediaplan.json.
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    /// Paper for the PDF; defaults to the plan's own setting.
    #[arg(long, value_enum)]
    paper: Option<PaperArg>,
    /// The day of the report (YYYY-MM-DD): the dated checks are judged on it, the PDF prints it
    /// as "Prepared on", and a mediaplanschema document takes it as created_at; defaults to
    /// today (the local date).
    #[arg(long)]
    date: Option<NaiveDate>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

pub fn run(args: ExportArgs) -> Result<(), Vec<Error>> {
    let written = load(&args.plan)?;
    let today = args.date.unwrap_or_else(|| chrono::Local::now().date_naive());
    let file_name = args.output.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let ext = if file_name.ends_with(".mediaplan.json") {
        "mediaplan".to_string()
    } else {
        args.output.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase()
    };
    let mut warnings = Vec::new();
    let paper = args.paper.map(|p| match p {
        PaperArg::A4 => Paper::A4,
        PaperArg::Letter => Paper::Letter,
    });
    let bytes = match ext.as_str() {
        "pdf" | "xlsx" | "csv" => {
            let (bytes, w) = flightplan_cli::export_bytes(&written, &ext, today, paper).map_err(|e| vec![e])?;
            warnings = w;
            bytes
        }
        "mediaplan" => {
            // created_at for a plan not imported from a document: the --date day, else now.
            let at = match args.date {
                Some(d) => format!("{d}T00:00:00Z"),
                None => chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            };
            // A document for other tools carries the plan as written, scenarios and all.
            let written_view = compute(&written).map_err(|e| vec![e])?;
            let doc = flightplan_exchange::write_mediaplan(&written, &written_view, &at).map_err(|e| vec![e])?;
            let mut text = serde_json::to_string_pretty(&doc).map_err(|e| vec![Error::new("export_failed", e.to_string())])?;
            text.push('\n');
            text.into_bytes()
        }
        _ => {
            return Err(vec![Error::new(
                "unsupported_format",
                format!("{}: the output must end in .pdf, .xlsx, .csv or .mediaplan.json", args.output.display()),
            )])
        }
    };
    crate::plan_file::write_atomically(&args.output, &bytes).map_err(|e| vec![e])?;
    print_json(&serde_json::json!({
        "output": args.output.display().to_string(),
        "format": ext,
        "bytes": bytes.len(),
        "warnings": warnings,
    }))
}
