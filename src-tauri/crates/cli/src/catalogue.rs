//! `flightplan catalogue [PLAN.json] [--universe N] [--library PATH]`: the channel catalogue the
//! planner adds lines from (channels with their medium, pricing, default rate and units), each
//! medium's market norms, and the reach models, as JSON. The channels are the library's rate card
//! with `--library` (as the app's stage 3 lists them), else the built-in one. CPP defaults are
//! priced on the plan's universe (or `--universe`), since a point is 1% of it.

use crate::library::open;
use crate::plan_file::load;
use crate::print_json;
use flightplan_core::catalogue::catalogue_for;
use flightplan_core::rate_card::default_rate_card;
use flightplan_core::Dec;
use flightplan_core::Error;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct CatalogueArgs {
    /// A plan file whose universe prices the CPP defaults.
    plan: Option<PathBuf>,
    /// The universe to price CPP defaults on, instead of a plan's (e.g. 37500000).
    #[arg(long)]
    universe: Option<String>,
    /// The library whose rate card lists the channels (else the built-in card).
    #[arg(long)]
    library: Option<PathBuf>,
}

pub fn run(a: CatalogueArgs) -> Result<(), Vec<Error>> {
    let universe = match (&a.universe, &a.plan) {
        (Some(u), _) => {
            let u = flightplan_core::dec::parse(u).map_err(|m| vec![Error::at("invalid_field", "--universe", m)])?;
            if u.is_sign_negative() || u.is_zero() {
                return Err(vec![Error::at("out_of_range", "--universe", "the universe must be greater than zero")]);
            }
            Some(u)
        }
        (None, Some(p)) => load(p)?.universe.map(Dec::get),
        (None, None) => None,
    };
    let card = match a.library {
        Some(path) => open(Some(path))?.rate_card().map_err(|e| vec![e])?.card,
        None => default_rate_card(),
    };
    print_json(&catalogue_for(&card, universe))
}
