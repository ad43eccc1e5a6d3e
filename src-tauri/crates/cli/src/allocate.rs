//! `flightplan allocate PLAN.json [--budget AMOUNT]`: the split that maximises total response.
//!
//! The core's allocator does the work; this ring reads the file, parses the amount the way plan
//! files write decimals, and prints the split (exact money, summing to the budget) as JSON.

use crate::plan_file::load;
use crate::print_json;
use clap::Args;
use flightplan_core::allocate::allocate;
use flightplan_core::Error;
use std::path::PathBuf;

#[derive(Args)]
pub struct AllocateArgs {
    /// The plan file (flightplan/1 JSON); lines with a `response` curve are optimised.
    pub plan: PathBuf,
    /// Split this amount instead of the plan budget, e.g. 250000.00.
    #[arg(long, value_name = "AMOUNT")]
    pub budget: Option<String>,
    /// Print what the app's "Optimise split" shows: `{allocation, curves}`, each curved line's
    /// response curve sampled from zero spend (plan budget only).
    #[arg(long, conflicts_with = "budget")]
    pub curves: bool,
}

pub fn run(args: AllocateArgs) -> Result<(), Vec<Error>> {
    let budget = match args.budget.as_deref() {
        Some(s) => Some(flightplan_core::dec::parse(s).map_err(|m| vec![Error::at("invalid_argument", "--budget", m)])?),
        None => None,
    };
    let plan = load(&args.plan)?;
    if args.curves {
        return print_json(&flightplan_core::optimise::optimise(&plan).map_err(|e| vec![e])?);
    }
    let allocation = allocate(&plan, budget).map_err(|e| vec![e])?;
    print_json(&allocation)
}
