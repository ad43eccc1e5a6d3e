//! `flightplan roll-forward`: write the next period's plan, re-based on this period's actuals.

use crate::actuals::{load_with_actuals, save, SourceArgs};
use crate::pacing::parse_day;
use crate::print_json;
use clap::Args;
use flightplan_core::rollforward::roll_forward;
use flightplan_core::Error;
use std::path::PathBuf;

#[derive(Args)]
pub struct RollForwardArgs {
    plan: PathBuf,
    #[arg(long, num_args = 1..)]
    actuals: Vec<PathBuf>,
    /// Where to write the next plan.
    #[arg(short, long)]
    output: PathBuf,
    /// Actuals up to this day count (default: the plan's end).
    #[arg(long)]
    as_of: Option<String>,
    #[command(flatten)]
    source: SourceArgs,
}

pub fn run(a: RollForwardArgs) -> Result<(), Vec<Error>> {
    let loaded = load_with_actuals(&a.plan, &a.actuals, &a.source)?;
    let plan = &loaded.plan;
    let as_of = match &a.as_of {
        Some(s) => parse_day(s, "--as-of")?,
        None => plan.end,
    };
    let parent = a.plan.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| plan.name.clone());
    let next = roll_forward(plan, &parent, as_of).map_err(|e| vec![e])?;
    save(&next.plan, &a.output)?;
    let mut out = serde_json::json!({
        "written": a.output.display().to_string(),
        "parent": parent,
        "shifted_days": next.shifted_days,
        "start": next.plan.start.to_string(),
        "end": next.plan.end.to_string(),
        "rebased": next.rebased,
    });
    loaded.add_reports(&mut out);
    print_json(&out)
}
