//! Stage 6, monitor and optimise: the review of a day (pacing, KPI performance,
//! recommendations, reconciliation), the preview of a platform report before its rows join the
//! plan, and "Start next plan".
//!
//! A preview changes nothing: it returns the plan's complete actuals as they would be after the
//! import, and the UI commits them as one edit (autosaved, undoable) when the planner accepts.
//! Unmatched rows are listed with their file lines so the planner can assign them; assigning
//! saves the campaign (or ad set) name on the line, and the next preview matches it. The preview
//! also says what the file held, as `flightplan actuals import` does: the dialect recognised, the
//! period covered, the exact totals of every data row read (matched or not, for comparison with
//! the platform's own total row) and warnings. A report without dates that states no period is
//! refused with `no_period`; the UI asks for the period and previews again with it.

use super::guarded;
use super::plan_from_json;
use crate::dialogs::{AppDialogs, Ask, Filter};
use crate::library::PlanLibrary;
use crate::today::Today;
use chrono::{NaiveDate, Utc};
use flightplan_actuals::{read_report, ColumnMapping, DateOrder, DateRange, Platform, ReadOptions, Report, Skipped};
use flightplan_core::actuals::{import, Unmatched};
use flightplan_core::pacing::default_as_of;
use flightplan_core::plan::Actual;
use flightplan_core::recommend::{monitor, Monitor};
use flightplan_core::rollforward::{roll_forward, Rebase};
use flightplan_core::{Error, Result};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::State;

/// Pace, judge and reconcile `plan` as of `as_of` (YYYY-MM-DD); without it, as of the last day
/// the actuals cover, else today.
#[tauri::command]
pub async fn review_plan(today: State<'_, Today>, plan: serde_json::Value, as_of: Option<String>) -> Result<Monitor> {
    guarded(async move {
        let plan = plan_from_json(&plan)?;
        let day = match as_of.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => flightplan_core::date::parse(s).map_err(|m| Error::at("bad_date", "as_of", m))?,
            None => default_as_of(&plan, today.get()),
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

/// What importing a report would do, before anything changes: what the file held (as
/// `flightplan actuals import` prints it) and what the import would add, replace and leave out.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ActualsPreview {
    pub file: String,
    /// `google`, `meta`, `tiktok`, `linkedin`, `microsoft`, `amazon`, `snapchat`, `pinterest`
    /// or `mapped`.
    pub platform: String,
    /// The platform and language the header was recognised as; none for a mapped file.
    pub dialect: Option<ReportDialect>,
    /// `UTF-8`, `UTF-16LE`, ... or `xlsx`.
    pub encoding: String,
    pub header_line: usize,
    /// The currency the file states (a column, a `(EUR)` header, a symbol), if any; it is the
    /// plan's, or the preview would have failed.
    pub currency: Option<String>,
    /// The days the report covers: its title's range, the period given, or its rows' span.
    pub period: Option<ReportPeriod>,
    pub rows_read: usize,
    /// Sums of every data row read, matched to a line or not.
    pub totals: ReportTotals,
    /// Title, date-range and total rows left out, with their file lines.
    pub skipped: Vec<SkippedRow>,
    /// What the planner should know: the file's own total disagreeing with its rows, a period
    /// given that differs from the title's, replaced rows that reached outside this report.
    pub warnings: Vec<ReportWarning>,
    /// Rows matched to lines, summed per line, source and range of days.
    pub added: Vec<Actual>,
    /// Existing actuals the import replaces (same source, overlapping days).
    pub replaced: usize,
    pub unmatched: Vec<Unmatched>,
    /// The plan's complete actuals after the import: what the UI saves on accept.
    pub actuals: Vec<Actual>,
    /// The added rows with days outside the plan's period (the core's count and days); null
    /// when every row is inside it.
    pub outside_period: Option<flightplan_core::actuals::OutsidePeriod>,
    /// How the file's numeric dates were read, when some read two ways (`01/09/2025`); null
    /// when every date reads one way. The preview offers the other order.
    pub dates: Option<ReportDates>,
}

/// The order a report's numeric dates were read in, one date that reads two ways as written
/// with its two readings (YYYY-MM-DD), and the evidence: `given` (the planner chose), `proven`
/// (a date with a part over 12), `shape` (the dates' own run), `title` (the report's stated
/// range) or `habit` (a decimal comma, `;` or the language: not proof, and warned).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReportDates {
    pub order: DateOrder,
    pub example: String,
    pub read_as: String,
    pub otherwise: String,
    #[cfg_attr(test, ts(type = "\"given\" | \"proven\" | \"shape\" | \"title\" | \"habit\""))]
    pub basis: flightplan_actuals::DatesBasis,
}

impl From<&flightplan_actuals::DatesRead> for ReportDates {
    fn from(d: &flightplan_actuals::DatesRead) -> Self {
        ReportDates { order: d.order, example: d.example.clone(), read_as: d.read_as.to_string(), otherwise: d.otherwise.to_string(), basis: d.basis }
    }
}

/// A report's dialect: `{platform: "google", language: "pt", label: "Google Ads (pt)"}`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReportDialect {
    pub platform: String,
    /// ISO 639-1: `en`, `pt`, `es`, ...
    pub language: String,
    pub label: String,
}

/// A range of days, both ends inclusive (YYYY-MM-DD).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReportPeriod {
    pub start: String,
    pub end: String,
}

impl From<DateRange> for ReportPeriod {
    fn from(r: DateRange) -> Self {
        ReportPeriod { start: r.start.to_string(), end: r.end.to_string() }
    }
}

/// The exact sums of a report's data rows, as decimal strings; a measure the file has no
/// column for is `null`, not 0.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReportTotals {
    pub spend: String,
    pub impressions: Option<String>,
    pub clicks: Option<String>,
    pub conversions: Option<String>,
}

/// Something about the file that does not stop the import, with the file line it is about.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReportWarning {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub line: Option<usize>,
    pub message: String,
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

fn platform_arg(platform: Option<&str>) -> Result<Option<Platform>> {
    match platform.map(str::trim).unwrap_or("auto") {
        "auto" | "" => Ok(None),
        p => Platform::parse(p).map(Some).ok_or_else(|| {
            Error::at(
                "invalid_field",
                "platform",
                format!("\"{p}\" is not a platform (use auto, google, meta, tiktok, linkedin, microsoft, amazon, snapchat, pinterest or mapped)"),
            )
        }),
    }
}

/// The period the planner gave, `START..END` (the date-range picker's two days).
fn period_arg(period: Option<&str>) -> Result<Option<DateRange>> {
    match period.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(p) => DateRange::parse(p).map(Some).map_err(|e| Error::at(e.code.as_str(), "period", e.message)),
    }
}

/// What the preview shows of a report read and matched.
fn preview_of(file: String, report: Report, imported: flightplan_core::actuals::Import) -> ActualsPreview {
    let t = &report.totals;
    let mut warnings: Vec<ReportWarning> = report.warnings.iter().map(|w| ReportWarning { line: w.line, message: w.message.clone() }).collect();
    warnings.extend(imported.warnings.into_iter().map(|message| ReportWarning { line: None, message }));
    ActualsPreview {
        file,
        platform: report.platform.name().to_string(),
        dialect: report.dialect.as_ref().map(|d| ReportDialect { platform: d.platform.name().to_string(), language: d.language.clone(), label: d.label() }),
        encoding: report.encoding,
        header_line: report.header_line,
        currency: report.currency,
        period: report.period.map(ReportPeriod::from),
        rows_read: report.rows.len(),
        totals: ReportTotals {
            spend: t.spend.to_string(),
            impressions: t.impressions.map(|d| d.to_string()),
            clicks: t.clicks.map(|d| d.to_string()),
            conversions: t.conversions.map(|d| d.to_string()),
        },
        skipped: report.skipped.iter().map(SkippedRow::from).collect(),
        warnings,
        added: imported.added,
        replaced: imported.replaced,
        unmatched: imported.unmatched,
        actuals: imported.actuals,
        outside_period: imported.outside_period,
        dates: report.dates.as_ref().map(ReportDates::from),
    }
}

/// Preview importing report `report` (a number from `choose_report`) into `plan`'s lines; the
/// same file is read again after each assignment. `platform` is `auto` (detect from the header)
/// or a platform's name; `mapping` reads any other CSV or XLSX; `period` (`START..END`) is the
/// period a report without a date column covers, asked for after a `no_period` refusal; `dates`
/// (`day_first` or `month_first`) how the file writes numeric dates, when the planner says
/// (otherwise learnt from the file, with a warning when it cannot tell). A malformed file is an
/// error naming its file line; nothing is changed either way.
#[tauri::command]
pub async fn preview_actuals(
    chosen: State<'_, ChosenReports>,
    plan: serde_json::Value,
    report: u32,
    platform: Option<String>,
    mapping: Option<serde_json::Value>,
    period: Option<String>,
    dates: Option<DateOrder>,
) -> Result<ActualsPreview> {
    guarded(async move {
        let plan = plan_from_json(&plan)?;
        let platform = platform_arg(platform.as_deref())?;
        let period = period_arg(period.as_deref())?;
        let mapping: ColumnMapping = match mapping {
            None | Some(serde_json::Value::Null) => ColumnMapping::default(),
            Some(v) => serde_json::from_value(v).map_err(|e| Error::at("bad_mapping", "mapping", format!("the column mapping could not be read ({e})")))?,
        };
        let file = chosen.get(report).ok_or_else(|| Error::at("unknown_report", "report", "no report was chosen under this number"))?;
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| file.display().to_string());
        let bytes = tauri::async_runtime::spawn_blocking({
            let file = file.clone();
            move || flightplan_files::read_bounded(&file, flightplan_actuals::limits::MAX_REPORT_BYTES as u64, "report")
        })
        .await
        .map_err(|e| Error::new("file_unreadable", format!("reading the report stopped unexpectedly ({e})")))??;
        let report = read_report(&bytes, &name, &ReadOptions { platform, mapping: mapping.clone(), period, date_order: dates })?;
        let imported = import(&plan, &report.rows, report.platform.name(), &mapping.campaigns).map_err(|e| e.in_file(&name))?;
        Ok(preview_of(name, report, imported))
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
pub async fn roll_forward_plan(library: State<'_, PlanLibrary>, today: State<'_, Today>, id: i64) -> Result<NextPlan> {
    guarded(async move {
        let plan = library.with(|lib| lib.get(id))?;
        let today = today.get();
        let as_of: NaiveDate = default_as_of(&plan, today);
        let parent = format!("{} (library plan {id})", plan.name);
        let next = roll_forward(&plan, &parent, as_of)?;
        let new_id = library.with(|lib| lib.import(&next.plan, Utc::now()))?;
        Ok(NextPlan { id: new_id, name: next.plan.name.clone(), start: next.plan.start.to_string(), end: next.plan.end.to_string(), rebased: next.rebased })
    })
    .await
}
