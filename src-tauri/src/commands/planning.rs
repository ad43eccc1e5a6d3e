//! Stages 3 and 4's planning intelligence in the UI: the channel catalogue lines are added from,
//! "Optimise split" on the lines' response curves (before and after, accept or reject) and the
//! scenarios side by side.
//!
//! Accepting returns the changed plan rather than saving it, so it lands in the UI's history
//! like any edit: autosaved, and undone with Ctrl+Z if the room changes its mind.

use super::guarded;
use super::plan_from_json;
use crate::library::PlanLibrary;
use flightplan_core::allocation::SplitBasis;
use flightplan_core::catalogue::{catalogue_for, Catalogue};
use flightplan_core::optimise::{accept, optimise_on, Optimised};
use flightplan_core::response::result_unit;
use flightplan_core::response_fit::{fit_hill, HillFit, KnownPoint};
use flightplan_core::scenario::{compare, Comparison};
use flightplan_core::{dec, Error, Plan, Result};
use tauri::State;

/// The channel catalogue (each channel's medium, pricing, default rate and units), each medium's
/// market norms and the reach models explained, from the core. `universe` is the plan's, as the
/// plan file writes it: a CPP is the price of 1% of it, so CPP defaults are priced on it and are
/// empty without one. It is taken alone, not the plan, so the catalogue still answers while an
/// edit elsewhere on the plan is refused. The entries are the library's rate card: the built-in
/// catalogue as the planner last edited it.
#[tauri::command]
pub async fn catalogue(library: State<'_, PlanLibrary>, universe: Option<String>) -> Result<Catalogue> {
    guarded(async move {
        let universe = match universe.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            None => None,
            Some(text) => {
                let u = dec::parse(text).map_err(|m| Error::at("invalid_field", "universe", m))?;
                if u.is_sign_negative() || u.is_zero() {
                    return Err(Error::at("out_of_range", "universe", "the universe must be greater than zero"));
                }
                Some(u)
            }
        };
        let card = library.with(|lib| lib.rate_card())?.card;
        Ok(catalogue_for(&card, universe))
    })
    .await
}

/// The optimised split of `plan`'s money and each curved line's response curve. `basis` is the
/// money split: `allocated` (the default: the money on the lines, its gain against the plan as it
/// stands) or `budget` (the whole budget, unallocated money too, after the planner said yes).
#[tauri::command]
pub async fn optimise_split(plan: serde_json::Value, basis: Option<SplitBasis>) -> Result<Optimised> {
    guarded(async move { optimise_on(&plan_from_json(&plan)?, basis.unwrap_or_default()) }).await
}

/// `plan` with its optimised split accepted: the curved lines' budgets become the optimum's.
/// The optimum is recomputed from the plan sent, so what is accepted is what was shown for it.
#[tauri::command]
pub async fn accept_split(plan: serde_json::Value, basis: Option<SplitBasis>) -> Result<Plan> {
    guarded(async move {
        let plan = plan_from_json(&plan)?;
        let o = optimise_on(&plan, basis.unwrap_or_default())?;
        accept(&plan, &o.allocation)
    })
    .await
}

/// The plan as written and each scenario side by side, with the differences.
#[tauri::command]
pub async fn compare_scenarios(plan: serde_json::Value) -> Result<Comparison> {
    guarded(async move { compare(&plan_from_json(&plan)?) }).await
}

/// A Hill response curve fitted to two or three points the planner knows (spend → result) for
/// `plan`'s lines: the curve to store on a line, its numbers with their units and meaning, and
/// how well it passes the points. `max`, when the planner knows the most a line can return, is
/// kept as given.
#[tauri::command]
pub async fn fit_curve(plan: serde_json::Value, points: Vec<KnownPoint>, max: Option<String>) -> Result<HillFit> {
    guarded(async move {
        let plan = plan_from_json(&plan)?;
        let max = match max.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
            None => None,
            Some(text) => Some(dec::parse(text).map_err(|m| Error::at("invalid_field", "max", m))?),
        };
        fit_hill(&points, max, &plan.currency, &result_unit(&plan))
    })
    .await
}
