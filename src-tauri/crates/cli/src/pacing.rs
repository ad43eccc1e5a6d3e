//! `flightplan pacing`: pacing, KPI performance and recommendations as of a day, as JSON, from a
//! plan and the platform reports downloaded for it.

use crate::actuals::{load_with_actuals, SourceArgs};
use crate::print_json;
use clap::Args;
use flightplan_core::actuals::Unmatched;
use flightplan_core::recommend::review;
use flightplan_core::Error;
use std::path::PathBuf;

#[derive(Args)]
pub struct PacingArgs {
    plan: PathBuf,
    /// Report files to import first (Meta, Google Ads, TikTok, or mapped CSV/XLSX).
    #[arg(long, num_args = 1..)]
    actuals: Vec<PathBuf>,
    /// The day to pace as of (its actuals count), YYYY-MM-DD.
    #[arg(long)]
    as_of: String,
    #[command(flatten)]
    source: SourceArgs,
}

pub fn parse_day(s: &str, flag: &str) -> Result<chrono::NaiveDate, Vec<Error>> {
    flightplan_core::date::parse(s).map_err(|m| vec![Error::new("bad_date", format!("{flag}: {m}"))])
}

pub fn run(a: PacingArgs) -> Result<(), Vec<Error>> {
    let as_of = parse_day(&a.as_of, "--as-of")?;
    let (plan, imports) = load_with_actuals(&a.plan, &a.actuals, &a.source)?;
    let r = review(&plan, as_of).map_err(|e| vec![e])?;
    let unmatched: Vec<&Unmatched> = imports.iter().flat_map(|i| &i.unmatched).collect();
    print_json(&serde_json::json!({
        "as_of": a.as_of,
        "pacing": r.pacing,
        "performance": r.performance,
        "recommendations": r.recommendations,
        "unmatched": unmatched,
    }))
}
