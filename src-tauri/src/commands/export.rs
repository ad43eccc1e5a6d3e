//! Files the planner exports: the one-page client PDF, the plan as a spreadsheet (XLSX or CSV) or
//! as a mediaplanschema 3.0 document, and opening an exported file in the system's viewer.
//!
//! The PDF, XLSX and CSV lay out the core's report (`flightplan_core::report`: the scenario marked
//! presented, costed as of today), exactly as `flightplan export` does, so the app and the CLI
//! give the same file for the same plan and day.
//!
//! The webview has no file system access and sends no paths: each export asks where to save in
//! the native dialog, from Rust (`crate::dialogs`), renders the plan as stored (autosave has
//! already written every edit) off the async runtime's threads, and writes through
//! `flightplan_files`, so a failed export never leaves half a file, a stray temporary or a
//! replaced symlink behind. The written file gets a number; `open_export` opens only files by
//! those numbers, so it is no general "open any file" door.

use super::guarded;
use crate::dialogs::{AppDialogs, Ask, Filter};
use crate::library::PlanLibrary;
use crate::today::Today;
use flightplan_core::plan::Paper;
use flightplan_core::{compute, Error, Plan, Report, Result};
use flightplan_files::Replace;
use flightplan_pdf::PdfOptions;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::State;

/// What the UI tells the planner after an export.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Exported {
    /// The number `open_export` takes to open this file.
    pub export: u32,
    /// Where the file went, for the notice (never sent back).
    pub path: String,
    /// What the file leaves off or changes: lines shown by channel, notes or creative rows that
    /// did not fit the page, shortened labels, characters no font could print.
    pub warnings: Vec<String>,
}

/// The files written in this session after the planner chose where: the only ones
/// `open_export` will open, by their number.
#[derive(Default)]
pub struct ExportedFiles(Mutex<Vec<PathBuf>>);

impl ExportedFiles {
    /// Remember a written file; its number.
    pub fn register(&self, path: &Path) -> u32 {
        match self.0.lock() {
            Ok(mut v) => {
                v.push(path.to_path_buf());
                (v.len() - 1) as u32
            }
            Err(_) => u32::MAX,
        }
    }

    fn get(&self, export: u32) -> Option<PathBuf> {
        self.0.lock().ok()?.get(export as usize).cloned()
    }
}

pub const PDF: Filter = Filter { name: "PDF", extensions: &["pdf"] };
pub const XLSX: Filter = Filter { name: "XLSX workbook", extensions: &["xlsx"] };
pub const CSV: Filter = Filter { name: "CSV", extensions: &["csv"] };
/// Plan files: `.flightplan` (the registered type), and plain `.json` as older exports wrote.
pub const PLAN_FILE: Filter = Filter { name: "Flightplan plan", extensions: &["flightplan", "json"] };
pub const MEDIAPLAN: Filter = Filter { name: "mediaplanschema JSON", extensions: &["json"] };

/// "Acme Coffee" + "Q1 2027: Launch" → "Acme Coffee Q1 2027 Launch.pdf": a name every system
/// accepts, offered in the save dialog.
pub fn export_file_name(plan: &Plan, ext: &str) -> String {
    let raw = format!("{} {}", plan.client, plan.name);
    let cleaned: String = raw.chars().map(|c| if "\\/:*?\"<>|".contains(c) || c.is_control() { ' ' } else { c }).collect();
    let base = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let base = base.trim_start_matches('.');
    let base: String = base.chars().take(120).collect();
    format!("{}.{ext}", if base.is_empty() { "plan" } else { base.as_str() })
}

/// `path` with `ext` added when the dialog handed back a name without an extension.
pub fn with_extension(mut path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_none() {
        path.set_extension(ext);
    }
    path
}

/// Ask where to save `plan` as `ext`; `None` when the planner cancels.
pub async fn ask_save(dialogs: &AppDialogs, title: &str, plan: &Plan, ext: &str, filter: Filter) -> Option<PathBuf> {
    let ask = Ask::Save { title: title.into(), file_name: export_file_name(plan, ext), filters: vec![filter] };
    dialogs.ask(ask).await.map(|p| with_extension(p, ext))
}

/// Write `bytes` at `path` whole or not at all; what the planner can replace from the app: a
/// regular file they may write (the save dialog already asked), never a link or a read-only file.
fn write_export(path: &Path, bytes: &[u8]) -> Result<()> {
    flightplan_files::write_file(path, bytes, Replace::RegularOnly)
}

fn stopped(what: &str, e: impl std::fmt::Display) -> Error {
    Error::new("export_failed", format!("{what} stopped unexpectedly ({e})"))
}

/// The last step of every export: make the file's bytes (and what it leaves off) off the async
/// runtime's threads, write them at `target` whole or not at all, and number the file for
/// `open_export`.
pub async fn write_exported(
    exports: &ExportedFiles,
    target: PathBuf,
    what: &str,
    make: impl FnOnce() -> Result<(Vec<u8>, Vec<String>)> + Send + 'static,
) -> Result<Exported> {
    let (target, warnings) = tauri::async_runtime::spawn_blocking(move || {
        let (bytes, warnings) = make()?;
        write_export(&target, &bytes)?;
        Ok::<_, Error>((target, warnings))
    })
    .await
    .map_err(|e| stopped(what, e))??;
    let export = exports.register(&target);
    Ok(Exported { export, path: target.display().to_string(), warnings })
}

/// The one-page client PDF of `report` on `paper` (none: the plan's own setting), with what it
/// leaves off: the bytes both the export and the print view (`print::print_pdf`) hand out.
pub fn one_page_pdf(report: &Report, paper: Option<Paper>) -> Result<(Vec<u8>, Vec<String>)> {
    let rendered = flightplan_pdf::render(report, &PdfOptions { paper })?;
    Ok((rendered.bytes, rendered.warnings))
}

/// Ask where to save, then render stored plan `id` to a one-page PDF there: the core's report
/// of it today (the presented scenario, the dated checks), on `paper` (`a4` or `letter`, asked
/// for this export; none uses the plan's own setting, which the export leaves as it is). `None`
/// when the planner cancels.
#[tauri::command]
pub async fn export_pdf(
    library: State<'_, PlanLibrary>,
    exports: State<'_, ExportedFiles>,
    dialogs: State<'_, AppDialogs>,
    today: State<'_, Today>,
    id: i64,
    paper: Option<Paper>,
) -> Result<Option<Exported>> {
    guarded(async move {
        let plan = library.with(|lib| lib.get(id))?;
        let report = flightplan_core::report(&plan, today.get())?;
        let Some(target) = ask_save(&dialogs, "Export the one-page plan", &plan, "pdf", PDF).await else { return Ok(None) };
        let written = write_exported(&exports, target, "the PDF export", move || one_page_pdf(&report, paper));
        written.await.map(Some)
    })
    .await
}

/// Ask where to save, then write stored plan `id` as a spreadsheet: `format` is `xlsx` (a
/// formatted workbook with the lines, flowchart and totals) or `csv` (one row per line, exact
/// decimals), both of the core's report of it today. `None` when the planner cancels.
#[tauri::command]
pub async fn export_table(
    library: State<'_, PlanLibrary>,
    exports: State<'_, ExportedFiles>,
    dialogs: State<'_, AppDialogs>,
    today: State<'_, Today>,
    id: i64,
    format: String,
) -> Result<Option<Exported>> {
    guarded(async move {
        let filter = match format.as_str() {
            "xlsx" => XLSX,
            "csv" => CSV,
            _ => return Err(Error::at("invalid_field", "format", format!("\"{format}\" is not a spreadsheet format (use xlsx or csv)"))),
        };
        let plan = library.with(|lib| lib.get(id))?;
        let report = flightplan_core::report(&plan, today.get())?;
        let title = if format == "xlsx" { "Export the plan as an XLSX workbook" } else { "Export the lines as CSV" };
        let Some(target) = ask_save(&dialogs, title, &plan, &format, filter).await else { return Ok(None) };
        let written = write_exported(&exports, target, "the export", move || {
            // The workbook's warnings: text XML cannot hold, replaced.
            if format == "xlsx" {
                flightplan_exchange::write_xlsx(&report)
            } else {
                Ok((flightplan_exchange::write_csv(&report)?.into_bytes(), Vec::new()))
            }
        });
        written.await.map(Some)
    })
    .await
}

/// Ask where to save, then write stored plan `id` as a mediaplanschema 3.0 document
/// (`NAME.mediaplan.json`), the open standard other planning tools read. A plan imported from
/// such a document gives it back with the planner's changes. `None` when the planner cancels.
#[tauri::command]
pub async fn export_mediaplan(
    library: State<'_, PlanLibrary>,
    exports: State<'_, ExportedFiles>,
    dialogs: State<'_, AppDialogs>,
    id: i64,
) -> Result<Option<Exported>> {
    guarded(async move {
        let plan = library.with(|lib| lib.get(id))?;
        let view = compute(&plan)?;
        let title = "Export the plan as mediaplanschema";
        let Some(target) = ask_save(&dialogs, title, &plan, "mediaplan.json", MEDIAPLAN).await else { return Ok(None) };
        let created_at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let written = write_exported(&exports, target, "the export", move || {
            let doc = flightplan_exchange::write_mediaplan(&plan, &view, &created_at)?;
            let mut text = serde_json::to_string_pretty(&doc).map_err(|e| Error::new("export_failed", format!("the document could not be written ({e})")))?;
            text.push('\n');
            Ok((text.into_bytes(), Vec::new()))
        });
        written.await.map(Some)
    })
    .await
}

/// Open file `export` (a number this session's exports returned) in the system's default app:
/// the PDF viewer, the spreadsheet. Nothing else can be opened through here.
#[tauri::command]
pub async fn open_export<R: tauri::Runtime>(app: tauri::AppHandle<R>, exports: State<'_, ExportedFiles>, export: u32) -> Result<()> {
    guarded(async move {
        let path = exports
            .get(export)
            .ok_or_else(|| Error::at("not_exported", "export", "no file was exported under this number in this session, so nothing is opened"))?;
        use tauri::Manager;
        let opener =
            app.try_state::<tauri_plugin_opener::Opener<R>>().ok_or_else(|| Error::new("open_failed", "this build cannot open files in other apps"))?;
        opener
            .open_path(path.display().to_string(), None::<&str>)
            .map_err(|e| Error::at("open_failed", "export", format!("the system could not open {} ({e})", path.display())))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::export_file_name;

    fn named(client: &str, name: &str, ext: &str) -> String {
        let mut plan = flightplan_core::sample_plan();
        plan.client = client.into();
        plan.name = name.into();
        export_file_name(&plan, ext)
    }

    #[test]
    fn the_offered_name_is_the_client_and_plan_without_characters_a_file_system_refuses() {
        assert_eq!(named("Northwind Coffee Co.", "Q1 2027 Cold Brew Launch", "pdf"), "Northwind Coffee Co. Q1 2027 Cold Brew Launch.pdf");
        assert_eq!(named("A/B: Tests", "Plan \"v2\"?", "xlsx"), "A B Tests Plan v2.xlsx");
        assert_eq!(named("  ", "", "json"), "plan.json");
        assert_eq!(named("..hidden", "x", "csv"), "hidden x.csv");
        assert_eq!(named("Tab\there", "new\nline", "pdf"), "Tab here new line.pdf");
        assert_eq!(named(&"é".repeat(300), "x", "pdf").chars().count(), 124, "long names are cut to 120 characters");
    }
}
