//! `flightplan check PLAN.json`: the plan health check as a gate a script can stop on.
//!
//! It prints every finding (with counts per severity) as JSON and exits non-zero when any finding
//! is an error, so a plan with money that does not add up or a broken guardrail cannot slip out.
//! It judges what the client is shown: the core's report (`report(plan, today)`, the presented
//! scenario applied), as `export` and the desktop's exports do, so no two rings disagree. The core
//! has no clock; this ring supplies today (or `--now`) for the date-based checks.

use crate::plan_file::load;
use crate::print_json;
use chrono::NaiveDate;
use clap::Args;
use flightplan_core::{compute_as_of, report, Error, Plan, PlanView, Severity};
use std::path::PathBuf;

#[derive(Args)]
pub struct CheckArgs {
    /// The plan file (flightplan/1 JSON).
    pub plan: PathBuf,
    #[command(flatten)]
    pub day: Day,
}

/// The day a command judges the plan on, and whether it takes the plan as written.
#[derive(Args)]
pub struct Day {
    /// Judge the plan as of this day (YYYY-MM-DD) instead of today (the local date).
    #[arg(long, alias = "as-of", value_name = "YYYY-MM-DD")]
    pub now: Option<String>,
    /// The plan as written: without its presented scenario applied (and, for `compute`, without
    /// the dated checks unless --now is given).
    #[arg(long)]
    pub as_written: bool,
}

/// Today's date (the local date, as `export` and the desktop use), or the `--now` override.
pub fn as_of(arg: Option<&str>) -> Result<NaiveDate, Error> {
    match arg {
        Some(s) => flightplan_core::date::parse(s).map_err(|m| Error::at("invalid_argument", "--now", m)),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

/// The costed plan as of `today`: the core's report (the presented scenario applied, as the
/// client sees it), or with `as_written` the plan as the file has it; the presented scenario's
/// name, when one was applied.
pub fn costed(plan: &Plan, today: NaiveDate, as_written: bool) -> Result<(PlanView, Option<String>), Error> {
    if as_written {
        return Ok((compute_as_of(plan, Some(today))?, None));
    }
    let r = report(plan, today)?;
    Ok((r.view, r.presented))
}

pub fn run(args: CheckArgs) -> Result<(), Vec<Error>> {
    let today = as_of(args.day.now.as_deref()).map_err(|e| vec![e])?;
    let plan = load(&args.plan)?;
    let (view, presented) = costed(&plan, today, args.day.as_written).map_err(|e| vec![e])?;
    let count = |s: Severity| view.findings.iter().filter(|f| f.severity == s).count();
    let errors = count(Severity::Error);
    print_json(&serde_json::json!({
        "plan": plan.name,
        "as_of": today.format("%Y-%m-%d").to_string(),
        "presented": presented,
        "errors": errors,
        "warnings": count(Severity::Warning),
        "info": count(Severity::Info),
        "findings": view.findings,
    }))?;
    if errors > 0 {
        let codes: Vec<&str> = view.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.code).collect();
        return Err(vec![Error::new(
            "plan_has_errors",
            format!("{errors} finding{} {} errors: {}", if errors == 1 { "" } else { "s" }, if errors == 1 { "is an" } else { "are" }, codes.join(", ")),
        )]);
    }
    Ok(())
}
