//! Files the planner exports: the one-page client PDF, the plan as a spreadsheet (XLSX or CSV),
//! and opening an exported file in the system's viewer.
//!
//! The webview has no file system access; these commands are narrow doors for files at paths the
//! planner picked in a native dialog. They render the plan as stored (autosave has already
//! written every edit), off the async runtime's threads because layout and font work take a
//! noticeable moment, and write through a temporary file in the same folder so a failed export
//! never leaves half a file behind. Only files exported in this session can be opened.

use crate::library::PlanLibrary;
use flightplan_core::{compute, Error, Result};
use flightplan_pdf::PdfOptions;
use serde::Serialize;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::State;

/// What the UI tells the planner after an export.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportedPdf {
    pub path: String,
    /// e.g. lines folded to fit the page, characters no font could print.
    pub warnings: Vec<String>,
}

/// The files exported in this session: the only ones `open_export` will open.
#[derive(Default)]
pub struct ExportedFiles(Mutex<HashSet<PathBuf>>);

pub fn register_export(exports: &ExportedFiles, path: &str) {
    if let Ok(mut set) = exports.0.lock() {
        set.insert(PathBuf::from(path));
    }
}

/// `path` as a full path, or an error on `field` telling the planner to use the dialog.
pub fn absolute(path: &str, field: &str, hint: &str) -> Result<PathBuf> {
    let p = PathBuf::from(path);
    if p.is_absolute() {
        Ok(p)
    } else {
        Err(Error::at("invalid_path", field, format!("\"{path}\" is not a full path: {hint}")))
    }
}

/// `path` with `ext` added when the dialog handed back a name without an extension.
pub fn with_extension(mut path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_none() {
        path.set_extension(ext);
    }
    path
}

/// Render stored plan `id` to a one-page PDF at `path` (from the native save dialog).
#[tauri::command]
pub async fn export_pdf(
    library: State<'_, PlanLibrary>,
    exports: State<'_, ExportedFiles>,
    id: i64,
    path: String,
) -> Result<ExportedPdf> {
    let target = with_extension(absolute(&path, "path", "choose where to save the PDF in the save dialog")?, "pdf");
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
    register_export(&exports, &path);
    Ok(ExportedPdf { path, warnings: rendered.warnings })
}

/// Write stored plan `id` as a spreadsheet at `path`: `format` is `xlsx` (a formatted workbook
/// with the lines, flowchart and totals) or `csv` (one row per line, exact decimals). Returns the
/// path written.
#[tauri::command]
pub async fn export_table(
    library: State<'_, PlanLibrary>,
    exports: State<'_, ExportedFiles>,
    id: i64,
    path: String,
    format: String,
) -> Result<String> {
    if format != "xlsx" && format != "csv" {
        return Err(Error::at("invalid_field", "format", format!("\"{format}\" is not a spreadsheet format (use xlsx or csv)")));
    }
    let target = with_extension(absolute(&path, "path", "choose where to save it in the save dialog")?, &format);
    let plan = library.with(|lib| lib.get(id))?;
    let view = compute(&plan)?;
    let path = target.display().to_string();
    tauri::async_runtime::spawn_blocking(move || {
        let bytes = if format == "xlsx" {
            flightplan_exchange::write_xlsx(&plan, &view)?
        } else {
            flightplan_exchange::write_csv(&plan, &view)?.into_bytes()
        };
        write_atomically(&target, &bytes)
    })
    .await
    .map_err(|e| Error::new("export_failed", format!("the export stopped unexpectedly ({e})")))??;
    register_export(&exports, &path);
    Ok(path)
}

/// Open a file exported in this session in the system's default app (the PDF viewer, the
/// spreadsheet). Any other path is refused: this is not a general "open file" door.
#[tauri::command]
pub async fn open_export<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    exports: State<'_, ExportedFiles>,
    path: String,
) -> Result<()> {
    let known = exports.0.lock().map(|set| set.contains(Path::new(&path))).unwrap_or(false);
    if !known {
        return Err(Error::at("not_exported", "path", format!("{path} was not exported in this session, so it is not opened")));
    }
    use tauri::Manager;
    let opener = app
        .try_state::<tauri_plugin_opener::Opener<R>>()
        .ok_or_else(|| Error::new("open_failed", "this build cannot open files in other apps"))?;
    opener
        .open_path(&path, None::<&str>)
        .map_err(|e| Error::at("open_failed", "path", format!("the system could not open {path} ({e})")))
}

/// Write `bytes` to `path` through a temporary file in the same folder, renamed into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
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
