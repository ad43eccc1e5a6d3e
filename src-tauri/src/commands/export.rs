//! The one-page client PDF, written to the path the planner picked in the native save dialog.
//!
//! The webview has no file system access; this command is the narrow door for this one file.
//! It renders the plan as stored (autosave has already written every edit), off the async
//! runtime's threads because layout and font work take a noticeable moment, and writes through
//! a temporary file in the same folder so a failed export never leaves half a PDF behind.

use crate::library::PlanLibrary;
use flightplan_core::{compute, Error, Result};
use flightplan_pdf::PdfOptions;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use tauri::State;

/// What the UI tells the planner after an export.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportedPdf {
    pub path: String,
    /// e.g. lines folded to fit the page, characters no font could print.
    pub warnings: Vec<String>,
}

/// Render stored plan `id` to a one-page PDF at `path` (from the native save dialog).
#[tauri::command]
pub async fn export_pdf(
    library: State<'_, PlanLibrary>,
    id: i64,
    path: String,
) -> Result<ExportedPdf> {
    let mut target = PathBuf::from(&path);
    if !target.is_absolute() {
        return Err(Error::at(
            "invalid_path",
            "path",
            format!("\"{path}\" is not a full path: choose where to save the PDF in the save dialog"),
        ));
    }
    // The dialog may hand back a name without the extension; a PDF without one is hard to open.
    if target.extension().is_none() {
        target.set_extension("pdf");
    }
    let plan = library.with(|lib| lib.get(id))?;
    let view = compute(&plan)?;
    let today = chrono::Local::now().date_naive();
    let path = target.display().to_string();
    let rendered = tauri::async_runtime::spawn_blocking(move || {
        let rendered = flightplan_pdf::render(&plan, &view, &PdfOptions::new(today))?;
        write_atomically(&target, &rendered.bytes)?;
        Ok::<_, Error>(rendered)
    })
    .await
    .map_err(|e| Error::new("export_failed", format!("the PDF export stopped unexpectedly ({e})")))??;
    Ok(ExportedPdf {
        path,
        warnings: rendered.warnings,
    })
}

/// Write `bytes` to `path` through a temporary file in the same folder, renamed into place.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |what: &str, e: std::io::Error| {
        Error::at("export_io", "path", format!("could not {what} {} ({e})", path.display()))
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::at("export_io", "path", format!("{} is not a file name", path.display())))?;
    let tmp = dir.join(format!("{name}.partial"));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp).map_err(|e| io("write", e))?;
        file.write_all(bytes).map_err(|e| io("write", e))?;
        file.sync_all().map_err(|e| io("write", e))?;
        std::fs::rename(&tmp, path).map_err(|e| io("replace", e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
