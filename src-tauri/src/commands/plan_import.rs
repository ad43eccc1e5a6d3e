//! "Import plan…": a plan from the file a planner already has (an agency's media-plan
//! spreadsheet, Flightplan's own XLSX or CSV export, a mediaplanschema 2.0/3.0 document or a
//! `flightplan/1` plan file), seen before anything is saved.
//!
//! The shell asks for the file in its own open dialog and reads it once into a numbered
//! `PlanSource` held here; the webview only ever names that number. The preview is pure: the UI
//! calls it again with the planner's corrected column mapping or currency, as often as it likes.
//! Committing previews once more under the same choices and imports the plan only when the
//! preview has no error, in one library transaction, so a refused file leaves the library as it
//! was and its errors name the sheet and row or the JSON path.
//!
//! "Update from file…" reads a chosen spreadsheet the same way and previews it as an update of a
//! stored plan (`flightplan_exchange::update_from`): the figures that would change, what is kept.
//! The UI applies the updated plan as one edit, through the same save as any other.

use super::guarded;
use crate::dialogs::{AppDialogs, Ask, Filter};
use crate::library::PlanLibrary;
use chrono::Utc;
use flightplan_core::{Error, Result};
use flightplan_exchange::{
    commit_import, preview_import, read_plan_source, update_from, ImportChoices, ImportFormat, ImportPreview, PlanSource, PlanUpdate, SourceKind,
};
use serde::Serialize;
use std::path::Path;
use std::sync::{Arc, Mutex};
use tauri::State;

/// How many chosen files are held at once; an older number answers "choose the file again".
/// A source holds a whole workbook's cells, so the session does not keep every file it saw.
const HELD: usize = 4;

/// The files chosen for import this session, by number (`None` once let go).
#[derive(Default)]
pub struct PlanImports(Mutex<Vec<Option<Arc<PlanSource>>>>);

impl PlanImports {
    fn add(&self, source: PlanSource) -> Result<u32> {
        let mut held = self.0.lock().map_err(|_| Error::new("internal", "the chosen files could not be read back"))?;
        held.push(Some(Arc::new(source)));
        let n = held.len() - 1;
        let keep_from = held.len().saturating_sub(HELD);
        for old in held.iter_mut().take(keep_from) {
            *old = None;
        }
        u32::try_from(n).map_err(|_| Error::new("too_many_imports", "too many files were chosen in this session: restart Flightplan"))
    }

    fn get(&self, source: u32) -> Result<Arc<PlanSource>> {
        let held = self.0.lock().map_err(|_| Error::new("internal", "the chosen files could not be read back"))?;
        held.get(source as usize).and_then(Clone::clone).ok_or_else(|| {
            Error::at("unknown_import", "source", "no file is open for import under this number (it was imported or set aside): choose the file again")
        })
    }

    fn release(&self, source: u32) {
        if let Ok(mut held) = self.0.lock() {
            if let Some(slot) = held.get_mut(source as usize) {
                *slot = None;
            }
        }
    }
}

/// Every kind of plan file first (the dialog's default), then spreadsheets and JSON documents.
const PLAN_FILES: Filter = Filter { name: "Plans (XLSX, CSV, mediaplanschema or flightplan JSON)", extensions: &["xlsx", "csv", "json", "flightplan"] };
const SPREADSHEETS: Filter = Filter { name: "Spreadsheets (XLSX, CSV)", extensions: &["xlsx", "csv"] };
const PLAN_DOCUMENTS: Filter = Filter { name: "Plan documents (mediaplanschema, flightplan/1 JSON)", extensions: &["json", "flightplan"] };

/// A file the planner picked for import: its number for `preview_plan_import`, its name, and
/// what it turned out to be.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChosenPlanImport {
    pub source: u32,
    pub file: String,
    pub kind: SourceKind,
}

/// The file's own name, for every message.
fn name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// The reader the file's extension asks for (a `.xlsx` that is not a workbook is said so);
/// anything else is recognised from its bytes.
fn format_of(name: &str) -> Option<ImportFormat> {
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e)?;
    match ext {
        "xlsx" => Some(ImportFormat::Xlsx),
        "csv" => Some(ImportFormat::Csv),
        // mediaplanschema and flightplan/1 documents are told apart by their content.
        "json" | "flightplan" => Some(ImportFormat::Mediaplan),
        _ => None,
    }
}

/// Ask for a plan file in the native open dialog (for `update`, the spreadsheet to update the
/// open plan from) and read it, once, for the previews; `None`
/// when the planner cancels. A file that cannot be read at all (too large, not a workbook,
/// malformed JSON, a plan file whose structure breaks) is an error naming it; nothing changes.
#[tauri::command]
pub async fn choose_plan_import(imports: State<'_, PlanImports>, dialogs: State<'_, AppDialogs>, update: Option<bool>) -> Result<Option<ChosenPlanImport>> {
    guarded(async move {
        // "Update from file…" asks for the plan's spreadsheet sent back, in words of its own.
        let ask = match update {
            Some(true) => Ask::Open { title: "Update the plan from a spreadsheet".into(), filters: vec![SPREADSHEETS, PLAN_FILES] },
            _ => Ask::Open { title: "Import a plan".into(), filters: vec![PLAN_FILES, SPREADSHEETS, PLAN_DOCUMENTS] },
        };
        let Some(path) = dialogs.ask(ask).await else { return Ok(None) };
        let file = name_of(&path);
        let (source, kind) = tauri::async_runtime::spawn_blocking({
            let file = file.clone();
            move || {
                let limit = flightplan_exchange::MAX_IMPORT_BYTES as u64;
                let bytes = flightplan_files::read_bounded(&path, limit, "plan to import").map_err(|e| Error { file: Some(file.clone()), ..e })?;
                let source = read_plan_source(&bytes, &file, format_of(&file))?;
                let kind = preview_import(&source, &ImportChoices::default()).kind;
                Ok::<_, Error>((source, kind))
            }
        })
        .await
        .map_err(|e| Error::new("file_unreadable", format!("reading {file} stopped unexpectedly ({e})")))??;
        Ok(Some(ChosenPlanImport { source: imports.add(source)?, file, kind }))
    })
    .await
}

/// What file `source` (a number from `choose_plan_import`) would import as under the planner's
/// `choices`: the lines, the columns as read, every problem with its place, rows without a cost,
/// conversions and the core's totals. Changes nothing; call it again after each correction.
#[tauri::command]
pub async fn preview_plan_import(imports: State<'_, PlanImports>, source: u32, choices: ImportChoices) -> Result<ImportPreview> {
    guarded(async move {
        let chosen = imports.get(source)?;
        tauri::async_runtime::spawn_blocking(move || preview_import(&chosen, &choices))
            .await
            .map_err(|e| Error::new("internal", format!("the preview stopped unexpectedly ({e})")))
    })
    .await
}

/// Import file `source` under `choices` into the library as a new plan; its id. Refused, with
/// the first blocking problem (naming its sheet, row and column or JSON path) and how many more
/// there are, while the preview has an error; the library is then unchanged.
#[tauri::command]
pub async fn commit_plan_import(library: State<'_, PlanLibrary>, imports: State<'_, PlanImports>, source: u32, choices: ImportChoices) -> Result<i64> {
    guarded(async move {
        let chosen = imports.get(source)?;
        let plan = tauri::async_runtime::spawn_blocking(move || commit_import(&preview_import(&chosen, &choices)))
            .await
            .map_err(|e| Error::new("internal", format!("the import stopped unexpectedly ({e})")))?
            .map_err(first_of)?;
        let id = library.with(|lib| lib.import(&plan, Utc::now()))?;
        imports.release(source);
        Ok(id)
    })
    .await
}

/// What updating stored plan `id` from file `source` (a number from `choose_plan_import`)
/// would do: the file read in the plan's currency, its lines matched to the plan's, the figures
/// that change and what the plan keeps. Changes nothing; the UI applies `plan` as an edit.
#[tauri::command]
pub async fn preview_plan_update(library: State<'_, PlanLibrary>, imports: State<'_, PlanImports>, id: i64, source: u32) -> Result<PlanUpdate> {
    guarded(async move {
        let plan = library.with(|lib| lib.get(id))?;
        let chosen = imports.get(source)?;
        tauri::async_runtime::spawn_blocking(move || {
            let choices = ImportChoices { currency: Some(plan.currency.clone()), ..Default::default() };
            update_from(&plan, &preview_import(&chosen, &choices))
        })
        .await
        .map_err(|e| Error::new("internal", format!("the update preview stopped unexpectedly ({e})")))
    })
    .await
}

/// The first blocking problem as the command's error, saying how many more the preview lists.
fn first_of(errors: Vec<Error>) -> Error {
    let more = errors.len().saturating_sub(1);
    let mut first = errors.into_iter().next().unwrap_or_else(|| Error::new("import_refused", "the plan was not imported"));
    if more > 0 {
        first.message = format!("{} (and {more} more {} in the preview)", first.message, if more == 1 { "problem" } else { "problems" });
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_picks_the_reader_and_older_files_are_let_go() {
        assert_eq!(format_of("Q1 plan.XLSX"), Some(ImportFormat::Xlsx));
        assert_eq!(format_of("lines.csv"), Some(ImportFormat::Csv));
        assert_eq!(format_of("spring.mediaplan.json"), Some(ImportFormat::Mediaplan));
        assert_eq!(format_of("Cold Brew Q1.flightplan"), Some(ImportFormat::Mediaplan));
        assert_eq!(format_of("plan"), None);
        assert_eq!(format_of("plan.ods"), None);

        let imports = PlanImports::default();
        let csv = "Line,Channel,Budget\nSearch,Google,100\n";
        let numbers: Vec<u32> = (0..6).map(|i| imports.add(read_plan_source(csv.as_bytes(), &format!("{i}.csv"), None).unwrap()).unwrap()).collect();
        assert_eq!(numbers, [0, 1, 2, 3, 4, 5]);
        assert!(imports.get(1).is_err(), "only the last {HELD} are held");
        assert_eq!(imports.get(2).unwrap().file, "2.csv");
        assert_eq!(imports.get(5).unwrap().file, "5.csv");
        imports.release(5);
        assert_eq!(imports.get(5).unwrap_err().code, "unknown_import");
        assert_eq!(imports.get(99).unwrap_err().code, "unknown_import");

        let e = first_of(vec![Error::new("a", "first"), Error::new("b", "second"), Error::new("c", "third")]);
        assert_eq!((e.code.as_str(), e.message.as_str()), ("a", "first (and 2 more problems in the preview)"));
    }
}
