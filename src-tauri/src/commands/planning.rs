//! Stages 3 and 4's planning intelligence in the UI: "Optimise split" on the lines' response
//! curves (before and after, accept or reject) and the scenarios side by side.
//!
//! Accepting returns the changed plan rather than saving it, so it lands in the UI's history
//! like any edit: autosaved, and undone with Ctrl+Z if the room changes its mind.

use super::guarded;
use super::plan_from_json;
use flightplan_core::optimise::{accept, optimise, Optimised};
use flightplan_core::scenario::{compare, Comparison};
use flightplan_core::{Plan, Result};

/// The optimised split of `plan`'s budget and each curved line's response curve.
#[tauri::command]
pub async fn optimise_split(plan: serde_json::Value) -> Result<Optimised> {
    guarded(async move {
        optimise(&plan_from_json(&plan)?)
    })
    .await
}

/// `plan` with its optimised split accepted: the curved lines' budgets become the optimum's.
/// The optimum is recomputed from the plan sent, so what is accepted is what was shown for it.
#[tauri::command]
pub async fn accept_split(plan: serde_json::Value) -> Result<Plan> {
    guarded(async move {
        let plan = plan_from_json(&plan)?;
        let o = optimise(&plan)?;
        accept(&plan, &o.allocation)
    })
    .await
}

/// The plan as written and each scenario side by side, with the differences.
#[tauri::command]
pub async fn compare_scenarios(plan: serde_json::Value) -> Result<Comparison> {
    guarded(async move {
        compare(&plan_from_json(&plan)?)
    })
    .await
}
