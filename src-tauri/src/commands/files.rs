//! Plans in and out of the library as `flightplan/1` JSON files: the file a colleague emails,
//! the copy kept next to the client folder. Paths come from the native open and save dialogs.
//!
//! An import is read with the plan file's rules, so a broken file is refused with the JSON path,
//! file line and line id of the first problem, and the library is unchanged.

use crate::commands::export::{absolute, register_export, with_extension, write_atomically, ExportedFiles};
use crate::library::PlanLibrary;
use chrono::Utc;
use flightplan_core::{parse_plan, write_plan, Error, Result};
use tauri::State;

/// Read the plan file at `path` (from the native open dialog) into the library; returns its id.
#[tauri::command]
pub async fn import_plan_file(library: State<'_, PlanLibrary>, path: String) -> Result<i64> {
    let file = absolute(&path, "path", "choose the plan file in the open dialog")?;
    let text = std::fs::read(&file)
        .map_err(|e| Error::at("file_unreadable", "path", format!("could not read {} ({e})", file.display())))?;
    let text = String::from_utf8(text).map_err(|_| {
        Error::at("invalid_json", "path", format!("{} is not a text file: a plan file is UTF-8 JSON", file.display()))
    })?;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.clone());
    let plan = parse_plan(&text).map_err(|e| Error { message: format!("{name}: {}", e.message), ..e })?;
    library.with(|lib| lib.import(&plan, Utc::now()))
}

/// Write stored plan `id` as a `flightplan/1` file at `path` (from the native save dialog).
/// Returns the path written.
#[tauri::command]
pub async fn export_plan_file(
    library: State<'_, PlanLibrary>,
    exports: State<'_, ExportedFiles>,
    id: i64,
    path: String,
) -> Result<String> {
    let target = with_extension(absolute(&path, "path", "choose where to save the plan in the save dialog")?, "json");
    let plan = library.with(|lib| lib.get(id))?;
    write_atomically(&target, write_plan(&plan).as_bytes())?;
    let path = target.display().to_string();
    register_export(&exports, &path);
    Ok(path)
}
