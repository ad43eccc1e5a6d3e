//! `flightplan compare PLAN.json`: the plan as written and each of its scenarios side by side.
//!
//! Clients choose between variants (conservative, base, aggressive), so the planner needs every
//! total, reach and response figure of each, and how far each moves from the plan. The core's
//! `scenario::compare` makes the figures; this ring reads the file and prints them as JSON.

use crate::plan_file::load;
use crate::print_json;
use clap::Args;
use flightplan_core::scenario::compare;
use flightplan_core::Error;
use std::path::PathBuf;

#[derive(Args)]
pub struct CompareArgs {
    /// The plan file (flightplan/1 JSON) with its `scenarios`.
    pub plan: PathBuf,
}

pub fn run(args: CompareArgs) -> Result<(), Vec<Error>> {
    let plan = load(&args.plan)?;
    let comparison = compare(&plan).map_err(|e| vec![e])?;
    print_json(&comparison)
}
