//! A line's flight weights edited week by week in the app (a hiatus week 0, a heavy week 2),
//! through the core, which starts from the line's weights or its pattern's and checks them.
//! Like every grid edit it returns the changed plan for the UI to commit: autosaved, undoable.

use super::{guarded, plan_from_json};
use flightplan_core::weights::{reset_weights as reset, set_week_weight as set};
use flightplan_core::{Plan, Result};

/// `plan` with week `week` (0 = the flight's first week) of line `line` (an index into its
/// lines) weighted `weight` as typed; refused, naming `lines[i].weights[k]`, when it is not a
/// number, is negative, is past the flight, or would leave every week a hiatus.
#[tauri::command]
pub async fn set_week_weight(plan: serde_json::Value, line: usize, week: usize, weight: String) -> Result<Plan> {
    guarded(async move { set(&plan_from_json(&plan)?, line, week, &weight) }).await
}

/// `plan` with line `line`'s weights cleared: even weeks again.
#[tauri::command]
pub async fn reset_weights(plan: serde_json::Value, line: usize) -> Result<Plan> {
    guarded(async move { reset(&plan_from_json(&plan)?, line) }).await
}
