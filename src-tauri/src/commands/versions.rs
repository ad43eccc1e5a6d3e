//! A planner takes a named snapshot before a client meeting or a big change, so the plan can be
//! compared with (or rolled back to) what was agreed. Autosave keeps the working copy; versions
//! keep the moments worth naming.

use super::guarded;
use crate::library::PlanLibrary;
use chrono::Utc;
use flightplan_core::Result;
use flightplan_store::VersionSummary;
use tauri::State;

/// Save the stored plan `id` as it stands now as a version called `name`; returns the plan's
/// versions, newest first (the new one on top).
#[tauri::command]
pub async fn snapshot_plan(library: State<'_, PlanLibrary>, id: i64, name: String) -> Result<Vec<VersionSummary>> {
    guarded(async move {
        library.with(|lib| {
            lib.snapshot(id, &name, Utc::now())?;
            lib.versions(id)
        })
    })
    .await
}

/// The saved versions of plan `id`, newest first.
#[tauri::command]
pub async fn list_versions(library: State<'_, PlanLibrary>, id: i64) -> Result<Vec<VersionSummary>> {
    guarded(async move { library.with(|lib| lib.versions(id)) }).await
}
