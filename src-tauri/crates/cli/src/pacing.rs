//! `flightplan pacing`: pacing, KPI performance, recommendations and reconciliation as of a day,
//! as JSON, from a plan and the platform reports downloaded for it: stage 6 of the app, printed.

use crate::actuals::{load_with_actuals, SourceArgs};
use crate::print_json;
use clap::Args;
use flightplan_core::actuals::Unmatched;
use flightplan_core::pacing::default_as_of;
use flightplan_core::recommend::monitor;
use flightplan_core::Error;
use std::path::PathBuf;

#[derive(Args)]
pub struct PacingArgs {
    plan: PathBuf,
    /// Report files to import first (any known platform's export, or a mapped CSV/XLSX).
    #[arg(long, num_args = 1..)]
    actuals: Vec<PathBuf>,
    /// The day to pace as of (its actuals count), YYYY-MM-DD. Default: the last day the actuals
    /// cover, else today, never past the plan's end.
    #[arg(long)]
    as_of: Option<String>,
    /// The day taken as today for the default --as-of (YYYY-MM-DD); default: the system date.
    #[arg(long)]
    today: Option<String>,
    #[command(flatten)]
    source: SourceArgs,
}

pub fn parse_day(s: &str, flag: &str) -> Result<chrono::NaiveDate, Vec<Error>> {
    flightplan_core::date::parse(s).map_err(|m| vec![Error::new("bad_date", format!("{flag}: {m}"))])
}

pub fn run(a: PacingArgs) -> Result<(), Vec<Error>> {
    let loaded = load_with_actuals(&a.plan, &a.actuals, &a.source)?;
    let plan = &loaded.plan;
    let as_of = match (&a.as_of, &a.today) {
        (Some(d), _) => parse_day(d, "--as-of")?,
        (None, Some(t)) => default_as_of(plan, parse_day(t, "--today")?),
        (None, None) => default_as_of(plan, chrono::Local::now().date_naive()),
    };
    let m = monitor(plan, as_of).map_err(|e| vec![e])?;
    let unmatched: Vec<&Unmatched> = loaded.imports.iter().flat_map(|i| &i.unmatched).collect();
    // Stage 6's screen (`review_plan` in the app) plus the rows no line claimed and what each
    // report file said.
    let mut out = serde_json::to_value(&m).map_err(|e| vec![Error::new("internal", e.to_string())])?;
    if let Some(o) = out.as_object_mut() {
        o.insert("unmatched".into(), serde_json::to_value(unmatched).unwrap_or_default());
    }
    loaded.add_reports(&mut out);
    print_json(&out)
}
