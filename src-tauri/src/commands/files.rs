//! Plans out of the library as `flightplan/1` JSON files: the file a colleague is emailed, the
//! copy kept next to the client folder. The shell asks where in the native save dialog; the
//! webview never names a path. Plan files come back in through "Import plan…"
//! (`plan_import.rs`), which previews them like any other plan.

use super::guarded;
use crate::commands::export::{ask_save, write_exported, Exported, ExportedFiles, PLAN_FILE};
use crate::dialogs::AppDialogs;
use crate::library::PlanLibrary;
use flightplan_core::{write_plan, Result};
use tauri::State;

/// Ask where to save, then write stored plan `id` there as a `flightplan/1` file. `None` when
/// the planner cancels.
#[tauri::command]
pub async fn export_plan_file(
    library: State<'_, PlanLibrary>,
    exports: State<'_, ExportedFiles>,
    dialogs: State<'_, AppDialogs>,
    id: i64,
) -> Result<Option<Exported>> {
    guarded(async move {
        let plan = library.with(|lib| lib.get(id))?;
        let Some(target) = ask_save(&dialogs, "Export the plan file", &plan, crate::commands::opening::PLAN_EXTENSION, PLAN_FILE).await else {
            return Ok(None);
        };
        write_exported(&exports, target, "the plan file export", move || Ok((write_plan(&plan).into_bytes(), Vec::new()))).await.map(Some)
    })
    .await
}
