//! `flightplan allocate PLAN.json [--budget AMOUNT]`: the split that maximises total response.
//!
//! The core's allocator does the work; this ring reads the file, parses the amount the way plan
//! files write decimals, and prints the split (exact money, summing to the budget) as JSON.

use crate::plan_file::load;
use crate::print_json;
use clap::{Args, ValueEnum};
use flightplan_core::allocation::{allocate, allocate_on, SplitBasis};
use flightplan_core::Error;
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
pub enum BasisArg {
    /// The net media already on the lines.
    Allocated,
    /// The whole plan budget, unallocated money included.
    Budget,
}

#[derive(Args)]
pub struct AllocateArgs {
    /// The plan file (flightplan/1 JSON); lines with a `response` curve are optimised.
    pub plan: PathBuf,
    /// Split this amount instead of the plan budget, e.g. 250000.00.
    #[arg(long, value_name = "AMOUNT")]
    pub budget: Option<String>,
    /// Print what the app's "Optimise split" shows: `{allocation, curves, unallocated,
    /// split_gain, unallocated_gain, …}`, each curved line's response curve sampled from zero.
    #[arg(long, conflicts_with = "budget")]
    pub curves: bool,
    /// What to split: `allocated` (the lines' net media) or `budget` (the plan budget). Default:
    /// the budget for the plain split, the allocated money with --curves (as the app does).
    #[arg(long, value_enum, conflicts_with = "budget")]
    pub basis: Option<BasisArg>,
}

pub fn run(args: AllocateArgs) -> Result<(), Vec<Error>> {
    let budget = match args.budget.as_deref() {
        Some(s) => Some(flightplan_core::dec::parse(s).map_err(|m| vec![Error::at("invalid_argument", "--budget", m)])?),
        None => None,
    };
    let plan = load(&args.plan)?;
    let basis = args.basis.map(|b| match b {
        BasisArg::Allocated => SplitBasis::Allocated,
        BasisArg::Budget => SplitBasis::Budget,
    });
    if args.curves {
        let basis = basis.unwrap_or(SplitBasis::Allocated);
        return print_json(&flightplan_core::optimise::optimise_on(&plan, basis).map_err(|e| vec![e])?);
    }
    let allocation = match (budget, basis) {
        (Some(b), _) => allocate(&plan, Some(b)),
        (None, Some(basis)) => allocate_on(&plan, basis),
        (None, None) => allocate(&plan, None),
    }
    .map_err(|e| vec![e])?;
    print_json(&allocation)
}
