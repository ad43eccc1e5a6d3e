//! Stage 6, monitor and optimise: the review of a day (pacing, KPI performance,
//! recommendations, reconciliation), the preview of a platform report before its rows join the
//! plan, and "Start next plan".
//!
//! A preview changes nothing: it returns the plan's complete actuals as they would be after the
//! import, and the UI commits them as one edit (autosaved, undoable) when the planner accepts.
//! Unmatched rows are listed with their file lines so the planner can assign them; assigning
//! saves the campaign name on the line, and the next preview matches it.

use super::guarded;
use super::plan_from_json;
use crate::library::PlanLibrary;
use chrono::{NaiveDate, Utc};
use flightplan_actuals::{parse, ColumnMapping, Platform, Skipped};
use flightplan_core::actuals::{import, Unmatched};
use flightplan_core::pacing::default_as_of;
use flightplan_core::plan::Actual;
use flightplan_core::recommend::{monitor, Monitor};
use flightplan_core::rollforward::{roll_forward, Rebase};
use flightplan_core::{Error, Result};
use crate::dialogs::{AppDialogs, Ask, Filter};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::State;

/// Pace, judge and reconcile `plan` as of `as_of` (YYYY-MM-DD); without it, as of the last day
/// the actuals cover, else today.
#[tauri::command]
pub async fn review_plan(plan: serde_json::Value, as_of: Option<String>) -> Result<Monitor> {
    guarded(async move {
        let plan = plan_from_json(&plan)?;
        let day = match as_of.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => flightplan_core::date::parse(s).map_err(|m| Error::at("bad_date", "as_of", m))?,
            None => default_as_of(&plan, chrono::Local::now().date_naive()),
        };
        monitor(&plan, day)
    })
    .await
}

/// Reports the planner picked in the open dialog this session, by number: a preview is re-run on
/// the same file (after an assignment) by its number, never by a path from the webview.
#[derive(Default)]
pub struct ChosenReports(Mutex<Vec<PathBuf>>);

impl ChosenReports {
    fn add(&self, path: PathBuf) -> u32 {
        match self.0.lock() {
            Ok(mut v) => {
                v.push(path);
                (v.len() - 1) as u32
            }
            Err(_) => u32::MAX,
        }
    }

    fn get(&self, report: u32) -> Option<PathBuf> {
        self.0.lock().ok()?.get(report as usize).cloned()
    }
}

const REPORTS: Filter = Filter { name: "Platform reports (CSV, XLSX)", extensions: &["csv", "xlsx"] };

/// A report the planner picked: its number for `preview_actuals`, and its name for the screen.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChosenReport {
    pub report: u32,
    pub file: String,
}

/// Ask for a platform report in the native open dialog; `None` when the planner cancels.
#[tauri::command]
pub async fn choose_report(chosen: State<'_, ChosenReports>, dialogs: State<'_, AppDialogs>) -> Result<Option<ChosenReport>> {
    guarded(async move {
        let ask = Ask::Open { title: "Import a platform report".into(), filters: vec![REPORTS] };
        let Some(path) = dialogs.ask(ask).await else { return Ok(None) };
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
        Ok(Some(ChosenReport { report: chosen.add(path), file }))
    })
    .await
}

/// What importing a report would do, before anything changes.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ActualsPreview {
    pub file: String,
    /// `meta`, `google`, `tiktok` or `mapped`.
    pub platform: String,
    /// `UTF-8`, `UTF-16LE`, ... or `xlsx`.
    pub encoding: String,
    pub header_line: usize,
    pub rows_read: usize,
    /// Title, date-range and total rows left out, with their file lines.
    pub skipped: Vec<SkippedRow>,
    /// Rows matched to lines, summed per line, campaign and day or week.
    pub added: Vec<Actual>,
    /// Existing actuals the import replaces (same campaign, same dates).
    pub replaced: usize,
    pub unmatched: Vec<Unmatched>,
    /// The plan's complete actuals after the import: what the UI saves on accept.
    pub actuals: Vec<Actual>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SkippedRow {
    pub line: usize,
    pub reason: String,
}

impl From<&Skipped> for SkippedRow {
    fn from(s: &Skipped) -> Self {
        SkippedRow { line: s.line, reason: s.reason.clone() }
    }
}

/// Preview importing report `report` (a number from `choose_report`) into `plan`'s lines; the
/// same file is read again after each assignment. `platform` is `meta`, `google`, `tiktok` or
/// `auto`; `mapping` reads any other CSV or XLSX. A malformed file is an error naming its file
/// line; nothing is changed either way.
#[tauri::command]
pub async fn preview_actuals(
    chosen: State<'_, ChosenReports>,
    plan: serde_json::Value,
    report: u32,
    platform: Option<String>,
    mapping: Option<serde_json::Value>,
) -> Result<ActualsPreview> {
    guarded(async move {
        let plan = plan_from_json(&plan)?;
        let platform = match platform.as_deref().unwrap_or("auto") {
            "auto" => None,
            p => Some(Platform::parse(p).ok_or_else(|| {
                Error::at("invalid_field", "platform", format!("\"{p}\" is not a platform (use meta, google, tiktok or auto)"))
            })?),
        };
        let mapping: ColumnMapping = match mapping {
            None | Some(serde_json::Value::Null) => ColumnMapping::default(),
            Some(v) => serde_json::from_value(v)
                .map_err(|e| Error::at("bad_mapping", "mapping", format!("the column mapping could not be read ({e})")))?,
        };
        let file = chosen.get(report).ok_or_else(|| Error::at("unknown_report", "report", "no report was chosen under this number"))?;
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| file.display().to_string());
        let bytes = tauri::async_runtime::spawn_blocking({
            let file = file.clone();
            move || flightplan_files::read_bounded(&file, flightplan_actuals::limits::MAX_REPORT_BYTES as u64, "report")
        })
        .await
        .map_err(|e| Error::new("file_unreadable", format!("reading the report stopped unexpectedly ({e})")))??;
        let report = parse(&bytes, &name, platform, &mapping)?;
        let imported = import(&plan, &report.rows, report.platform.name(), &mapping.campaigns)
            .map_err(|e| Error { message: format!("{name}: {}", e.message), path: Some(name.clone()), ..e })?;
        Ok(ActualsPreview {
            file: name,
            platform: report.platform.name().to_string(),
            encoding: report.encoding.clone(),
            header_line: report.header_line,
            rows_read: report.rows.len(),
            skipped: report.skipped.iter().map(SkippedRow::from).collect(),
            added: imported.added,
            replaced: imported.replaced,
            unmatched: imported.unmatched,
            actuals: imported.actuals,
        })
    })
    .await
}

/// The next plan, made by "Start next plan".
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct NextPlan {
    pub id: i64,
    pub name: String,
    #[cfg_attr(test, ts(type = "string"))]
    pub start: String,
    #[cfg_attr(test, ts(type = "string"))]
    pub end: String,
    /// The rates re-based on this period's actuals, with the evidence.
    pub rebased: Vec<Rebase>,
}

/// Roll stored plan `id` forward into the next period as a new plan in the library: flights
/// shifted, rates re-based where the actuals are enough, learnings carried, actuals empty, and a
/// link back to this plan.
#[tauri::command]
pub async fn roll_forward_plan(library: State<'_, PlanLibrary>, id: i64) -> Result<NextPlan> {
    guarded(async move {
        let plan = library.with(|lib| lib.get(id))?;
        let today = chrono::Local::now().date_naive();
        let as_of: NaiveDate = default_as_of(&plan, today);
        let parent = format!("{} (library plan {id})", plan.name);
        let next = roll_forward(&plan, &parent, as_of)?;
        let new_id = library.with(|lib| lib.import(&next.plan, Utc::now()))?;
        Ok(NextPlan {
            id: new_id,
            name: next.plan.name.clone(),
            start: next.plan.start.to_string(),
            end: next.plan.end.to_string(),
            rebased: next.rebased,
        })
    })
    .await
}
