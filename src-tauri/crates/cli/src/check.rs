//! `flightplan check PLAN.json`: the plan health check as a gate a script can stop on.
//!
//! It prints every finding (with counts per severity) as JSON and exits non-zero when any finding
//! is an error, so a plan with money that does not add up or a broken guardrail cannot slip out.
//! The core has no clock; this ring supplies today (or `--as-of`) for the date-based checks.

use crate::plan_file::load;
use crate::print_json;
use chrono::NaiveDate;
use clap::Args;
use flightplan_core::{compute_as_of, Error, Severity};
use std::path::PathBuf;

#[derive(Args)]
pub struct CheckArgs {
    /// The plan file (flightplan/1 JSON).
    pub plan: PathBuf,
    /// Judge the plan as of this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
}

/// Today's date (the local date, as `export` and the desktop use), or the `--as-of` override.
pub fn as_of(arg: Option<&str>) -> Result<NaiveDate, Error> {
    match arg {
        Some(s) => flightplan_core::date::parse(s).map_err(|m| Error::at("invalid_argument", "--as-of", m)),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

pub fn run(args: CheckArgs) -> Result<(), Vec<Error>> {
    let today = as_of(args.as_of.as_deref()).map_err(|e| vec![e])?;
    let plan = load(&args.plan)?;
    let view = compute_as_of(&plan, Some(today)).map_err(|e| vec![e])?;
    let count = |s: Severity| view.findings.iter().filter(|f| f.severity == s).count();
    let errors = count(Severity::Error);
    print_json(&serde_json::json!({
        "plan": plan.name,
        "as_of": today.format("%Y-%m-%d").to_string(),
        "errors": errors,
        "warnings": count(Severity::Warning),
        "info": count(Severity::Info),
        "findings": view.findings,
    }))?;
    if errors > 0 {
        let codes: Vec<&str> = view.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.code).collect();
        return Err(vec![Error::new(
            "plan_has_errors",
            format!(
                "{errors} finding{} {} errors: {}",
                if errors == 1 { "" } else { "s" },
                if errors == 1 { "is an" } else { "are" },
                codes.join(", ")
            ),
        )]);
    }
    Ok(())
}
