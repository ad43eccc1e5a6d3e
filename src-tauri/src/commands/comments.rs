//! Comments on a plan and its lines in the app: who said what and when (the shell's clock), and
//! marking one resolved. Comments never change a figure, so they stay open on an approved plan.
//!
//! Each returns the changed plan instead of saving it, so it lands in the UI's history like any
//! edit: autosaved, and undone with Ctrl+Z.

use super::{guarded, plan_from_json};
use chrono::Utc;
use flightplan_core::comments::{add_comment as add, resolve_comment as resolve};
use flightplan_core::{Plan, Result};

/// `plan` with a comment by `author` on line `line` (by id), or on the whole plan when none.
#[tauri::command]
pub async fn add_comment(plan: serde_json::Value, line: Option<String>, author: String, text: String) -> Result<Plan> {
    guarded(async move { add(&plan_from_json(&plan)?, line.as_deref(), &author, &text, Utc::now()) }).await
}

/// `plan` with comment `comment` marked resolved (or open again).
#[tauri::command]
pub async fn resolve_comment(plan: serde_json::Value, comment: String, resolved: bool) -> Result<Plan> {
    guarded(async move { resolve(&plan_from_json(&plan)?, &comment, resolved) }).await
}
