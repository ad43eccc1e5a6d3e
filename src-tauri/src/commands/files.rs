//! Plans in and out of the library as `flightplan/1` JSON files: the file a colleague emails,
//! the copy kept next to the client folder. The shell asks for the file in the native dialog;
//! the webview never names a path.
//!
//! An import is read with the plan file's rules, so a broken file is refused with the JSON path,
//! file line and line id of the first problem, and the library is unchanged.

use super::guarded;
use crate::commands::export::{ask_save, write_export, Exported, ExportedFiles, PLAN_FILE};
use crate::dialogs::{AppDialogs, Ask};
use crate::library::PlanLibrary;
use chrono::Utc;
use flightplan_core::{parse_plan, write_plan, Error, Result};
use tauri::State;

/// Ask for a plan file in the open dialog and read it into the library; its new id, or `None`
/// when the planner cancels.
#[tauri::command]
pub async fn import_plan_file(library: State<'_, PlanLibrary>, dialogs: State<'_, AppDialogs>) -> Result<Option<i64>> {
    guarded(async move {
        let ask = Ask::Open { title: "Import a plan file".into(), filters: vec![PLAN_FILE] };
        let Some(file) = dialogs.ask(ask).await else { return Ok(None) };
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| file.display().to_string());
        let text = flightplan_files::read_text_bounded(&file, flightplan_files::PLAN_FILE_LIMIT, "plan file")
            .map_err(|e| Error { message: e.message.replace(&file.display().to_string(), &name), path: None, ..e })?;
        let plan = parse_plan(&text).map_err(|e| Error { message: format!("{name}: {}", e.message), ..e })?;
        library.with(|lib| lib.import(&plan, Utc::now())).map(Some)
    })
    .await
}

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
        let Some(target) = ask_save(&dialogs, "Export the plan file", &plan, crate::commands::opening::PLAN_EXTENSION, PLAN_FILE).await else { return Ok(None) };
        write_export(&target, write_plan(&plan).as_bytes())?;
        let export = exports.register(&target);
        Ok(Some(Exported { export, path: target.display().to_string(), warnings: Vec::new() }))
    })
    .await
}
