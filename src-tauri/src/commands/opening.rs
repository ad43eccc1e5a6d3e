//! Plan files the system asks Flightplan to open: a double-click on a `.flightplan` file, "Open
//! with", a plan attached to an e-mail.
//!
//! The system hands the path to the app (as a launch argument, to the running window through the
//! single-instance plugin, or as an "opened" event on macOS). The file is read here, in the shell,
//! and the planner is asked before anything changes: the UI hears an `open-file` event and shows
//! what the file holds; only "Import" (`import_opened_file`) puts it in the library. The webview
//! never names the path: it answers by the number the shell gave the file.

use super::guarded;
use crate::library::PlanLibrary;
use chrono::Utc;
use flightplan_core::{parse_plan, Error, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{Emitter, State};

/// The extension registered for plan files (`Q1 plan.flightplan`, a `flightplan/1` JSON file).
pub const PLAN_EXTENSION: &str = "flightplan";

/// The event the UI hears when the system opens a plan file.
pub const OPEN_FILE_EVENT: &str = "open-file";

/// A file the system opened, waiting for the planner's answer.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OpenedFile {
    /// The number `import_opened_file` and `dismiss_opened_file` take.
    pub pending: u32,
    /// The file's name (not its path).
    pub file: String,
    /// What the file holds, when it is a plan: name, client and period.
    pub name: Option<String>,
    pub client: Option<String>,
    #[cfg_attr(test, ts(type = "string | null"))]
    pub start: Option<String>,
    #[cfg_attr(test, ts(type = "string | null"))]
    pub end: Option<String>,
    pub lines: usize,
    /// Why the file cannot be imported, if it cannot (the core's error, naming the field).
    pub error: Option<Error>,
}

/// Files opened by the system this session, by number; `None` once answered.
#[derive(Default)]
pub struct OpenedFiles(Mutex<Vec<Option<(PathBuf, OpenedFile)>>>);

/// Read `path` as a plan file for the planner to confirm.
fn look_at(path: &Path, pending: u32) -> OpenedFile {
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    let read = flightplan_files::read_text_bounded(path, flightplan_files::PLAN_FILE_LIMIT, "plan file")
        .map_err(|e| Error { file: Some(file.clone()), ..e })
        .and_then(|text| parse_plan(&text).map_err(|e| e.in_file(&file)));
    match read {
        Ok(plan) => OpenedFile {
            pending,
            file,
            name: Some(plan.name.clone()),
            client: Some(plan.client.clone()),
            start: Some(plan.start.to_string()),
            end: Some(plan.end.to_string()),
            lines: plan.lines.len(),
            error: None,
        },
        Err(e) => OpenedFile { pending, file, name: None, client: None, start: None, end: None, lines: 0, error: Some(e) },
    }
}

impl OpenedFiles {
    /// Take in files the system opened; what the UI should be told about each.
    pub fn offer(&self, paths: impl IntoIterator<Item = PathBuf>) -> Vec<OpenedFile> {
        let Ok(mut held) = self.0.lock() else { return Vec::new() };
        paths
            .into_iter()
            .map(|path| {
                let opened = look_at(&path, held.len() as u32);
                held.push(Some((path, opened.clone())));
                opened
            })
            .collect()
    }

    fn waiting(&self) -> Vec<OpenedFile> {
        self.0.lock().map(|h| h.iter().flatten().map(|(_, o)| o.clone()).collect()).unwrap_or_default()
    }

    fn take(&self, pending: u32) -> Option<PathBuf> {
        let mut held = self.0.lock().ok()?;
        held.get_mut(pending as usize)?.take().map(|(p, _)| p)
    }
}

/// The plan files among a launch's arguments (`flightplan-desktop "Q1 plan.flightplan"`):
/// existing files named `.flightplan` or `.json`, relative ones taken from `cwd`. The program's
/// own name and any flag are skipped.
pub fn plan_files_in(args: &[String], cwd: &Path) -> Vec<PathBuf> {
    args.iter()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(|a| {
            let p = PathBuf::from(a.strip_prefix("file://").unwrap_or(a));
            if p.is_absolute() {
                p
            } else {
                cwd.join(p)
            }
        })
        .filter(|p| {
            let ext = p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            matches!(ext.as_deref(), Some(PLAN_EXTENSION) | Some("json")) && p.is_file()
        })
        .collect()
}

/// Offer files to the planner: hold them and tell the UI (which also asks `opened_files` when it
/// starts, in case it was not listening yet).
pub fn offer<R: tauri::Runtime>(app: &tauri::AppHandle<R>, paths: Vec<PathBuf>) {
    use tauri::Manager;
    if paths.is_empty() {
        return;
    }
    let Some(files) = app.try_state::<OpenedFiles>() else { return };
    for opened in files.offer(paths) {
        let _ = app.emit(OPEN_FILE_EVENT, opened);
    }
}

/// The files the system opened that the planner has not answered yet.
#[tauri::command]
pub async fn opened_files(opened: State<'_, OpenedFiles>) -> Result<Vec<OpenedFile>> {
    guarded(async move { Ok(opened.waiting()) }).await
}

/// Import opened file `pending` into the library (the planner said yes); its new id. The file is
/// read again and checked with the plan file's rules: a broken file changes nothing.
#[tauri::command]
pub async fn import_opened_file(library: State<'_, PlanLibrary>, opened: State<'_, OpenedFiles>, pending: u32) -> Result<i64> {
    guarded(async move {
        let path = opened.take(pending).ok_or_else(|| Error::at("not_opened", "pending", "no file is waiting under this number (it was already answered)"))?;
        let seen = look_at(&path, pending);
        if let Some(e) = seen.error {
            return Err(e.in_file(seen.file));
        }
        let text = flightplan_files::read_text_bounded(&path, flightplan_files::PLAN_FILE_LIMIT, "plan file")?;
        let plan = parse_plan(&text)?;
        library.with(|lib| lib.import(&plan, Utc::now()))
    })
    .await
}

/// The planner declined opened file `pending`: forget it.
#[tauri::command]
pub async fn dismiss_opened_file(opened: State<'_, OpenedFiles>, pending: u32) -> Result<()> {
    guarded(async move {
        opened.take(pending);
        Ok(())
    })
    .await
}
