//! `flightplan launch`: each line's launch checklist and status, and the status moves
//! (planned → booked → live ⇄ paused → ended) with the core's gate on going live.
//!
//! Without `--line` it only reports. With `--line ID --to STATUS -o OUT.json` it applies the
//! move through `flightplan_core::launch::transition` (live is refused with `launch_blocked`
//! unless the checklist is done or `--override-by` and `--reason` say who overrode it and why)
//! and writes the updated plan whole.

use crate::actuals::save;
use crate::pacing::parse_day;
use crate::plan_file::load;
use crate::print_json;
use flightplan_core::launch::{board, transition};
use flightplan_core::plan::LineStatus;
use flightplan_core::Error;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct LaunchArgs {
    /// The plan file (flightplan/1 JSON).
    plan: PathBuf,
    /// The line to move (its id).
    #[arg(long, requires_all = ["to", "output"])]
    line: Option<String>,
    /// The status to move it to.
    #[arg(long, value_parser = ["planned", "booked", "live", "paused", "ended"], requires = "line")]
    to: Option<String>,
    /// Who overrides an unfinished checklist to go live (needs --reason).
    #[arg(long, requires = "reason")]
    override_by: Option<String>,
    /// Why the checklist is overridden.
    #[arg(long, requires = "override_by")]
    reason: Option<String>,
    /// The day of the move, recorded with an override (YYYY-MM-DD); defaults to today.
    #[arg(long)]
    on: Option<String>,
    /// Where to write the updated plan (may be PLAN itself).
    #[arg(short = 'o', long = "output", requires = "line")]
    output: Option<PathBuf>,
}

fn status(s: &str) -> LineStatus {
    match s {
        "booked" => LineStatus::Booked,
        "live" => LineStatus::Live,
        "paused" => LineStatus::Paused,
        "ended" => LineStatus::Ended,
        _ => LineStatus::Planned,
    }
}

pub fn run(a: LaunchArgs) -> Result<(), Vec<Error>> {
    let plan = load(&a.plan)?;
    let (Some(id), Some(to), Some(out)) = (&a.line, &a.to, &a.output) else {
        let lines = board(&plan).map_err(|e| vec![e])?;
        return print_json(&serde_json::json!({ "lines": lines }));
    };
    let on = match &a.on {
        Some(d) => parse_day(d, "--on")?,
        None => chrono::Local::now().date_naive(),
    };
    let from = plan.lines.iter().find(|l| &l.id == id).map(|l| l.launch.status);
    let by = match (&a.override_by, &a.reason) {
        (Some(b), Some(r)) => Some((b.as_str(), r.as_str())),
        _ => None,
    };
    let next = transition(&plan, id, status(to), on, by).map_err(|e| vec![e])?;
    save(&next, out)?;
    let line = next.lines.iter().find(|l| &l.id == id);
    print_json(&serde_json::json!({
        "line": id,
        "from": from,
        "to": line.map(|l| l.launch.status),
        "override": line.and_then(|l| l.launch.override_.as_ref()),
        "written": out.display().to_string(),
    }))
}
