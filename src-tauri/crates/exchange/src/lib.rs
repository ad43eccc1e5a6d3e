//! Getting a plan out to the spreadsheets planners and finance already use: an XLSX workbook
//! (the mix with totals formulas, the weekly flowchart, fees and totals) and a CSV of the lines.
//!
//! Every figure comes from `flightplan_core::compute`; the CSV writes decimals exactly as the
//! core has them, and the workbook's totals are live `SUM` formulas whose cached results are the
//! core's totals, so the sheet and the PDF agree to the cent.

mod csv_lines;
mod workbook;

pub use csv_lines::write_csv;
pub use workbook::write_xlsx;

use flightplan_core::plan::{Buying, Funnel};

pub(crate) fn funnel(f: Option<Funnel>) -> &'static str {
    match f {
        Some(Funnel::Awareness) => "awareness",
        Some(Funnel::Consideration) => "consideration",
        Some(Funnel::Conversion) => "conversion",
        Some(Funnel::Retention) => "retention",
        None => "",
    }
}

pub(crate) fn buying(b: Option<Buying>) -> &'static str {
    match b {
        Some(Buying::Auction) => "auction",
        Some(Buying::Programmatic) => "programmatic",
        Some(Buying::Direct) => "direct",
        Some(Buying::Offline) => "offline",
        None => "",
    }
}

pub(crate) fn kpi_code(k: flightplan_core::plan::Kpi) -> String {
    serde_json::to_value(k).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}
