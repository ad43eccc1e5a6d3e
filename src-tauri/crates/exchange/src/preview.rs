//! The import preview: what a plan file would become, shown before anything is saved.
//!
//! A planner importing "my current plan" must see the lines as they will land, how each column
//! was read, every problem with the sheet and row (or JSON path) it is on, the rows that carry
//! no cost, and every currency conversion, and only then say yes. [`preview_import`] builds that
//! from a [`PlanSource`] and the planner's [`ImportChoices`] and changes nothing;
//! [`commit_import`] turns an accepted preview into the `Plan`, or refuses with every problem
//! that blocks it.

use crate::columns::{ColumnGuess, PlanMapping};
use flightplan_core::plan::Plan;
use flightplan_core::Dec;
use flightplan_core::{Error, Totals};
use serde::{Deserialize, Serialize};

/// Largest file an import reads: a plan of a few thousand lines is well under a megabyte.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// Most lines a plan may import; rows past it are refused, not dropped.
pub const MAX_IMPORT_LINES: usize = 5_000;
/// Most rows a sheet may have for the line sheet search (title, header, lines, totals, notes).
pub const MAX_SHEET_ROWS: usize = 20_000;

/// Which reader to use; guessed from the bytes when not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportFormat {
    Xlsx,
    Csv,
    Mediaplan,
}

impl ImportFormat {
    pub fn parse(s: &str) -> Option<ImportFormat> {
        match s.to_ascii_lowercase().as_str() {
            "xlsx" | "excel" => Some(ImportFormat::Xlsx),
            "csv" => Some(ImportFormat::Csv),
            "mediaplan" | "mediaplanschema" | "json" => Some(ImportFormat::Mediaplan),
            _ => None,
        }
    }
}

/// What the file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Flightplan's own XLSX export (sheets Mix, Flowchart, Fees & totals).
    FlightplanXlsx,
    /// Flightplan's own CSV of the lines.
    FlightplanCsv,
    /// Any other spreadsheet, read through a column mapping.
    Spreadsheet,
    /// A mediaplanschema JSON document (2.0 or 3.0).
    Mediaplan,
    /// A Flightplan plan file (`flightplan/1` JSON).
    FlightplanPlan,
}

/// The planner's corrections, applied on top of what the preview guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct ImportChoices {
    /// Column mapping for spreadsheets (a saved one, or the preview's with corrections).
    #[cfg_attr(feature = "ts", ts(optional))]
    pub mapping: Option<PlanMapping>,
    /// The plan's currency for a file that does not state one.
    #[cfg_attr(feature = "ts", ts(optional))]
    pub currency: Option<String>,
}

/// Where in the file something is: a sheet, row and column, or a JSON path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SourceRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub sheet: Option<String>,
    /// 1-based row (for CSV, the file's line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub row: Option<usize>,
    /// The column's header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub column: Option<String>,
    /// The column's letter (`E`), so `sheet!E7` names the cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub cell: Option<String>,
    /// A JSON path (`lineitems[2].cost_total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub path: Option<String>,
}

impl SourceRef {
    pub fn row(sheet: Option<&str>, row: usize) -> SourceRef {
        SourceRef { sheet: sheet.map(str::to_string), row: Some(row), ..Default::default() }
    }

    pub fn path(path: impl Into<String>) -> SourceRef {
        SourceRef { path: Some(path.into()), ..Default::default() }
    }

    /// `sheet "Mix", row 7, column "Budget"` or `lineitems[2].cost_total`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = &self.sheet {
            parts.push(format!("sheet \"{s}\""));
        }
        if let Some(r) = self.row {
            parts.push(format!("row {r}"));
        }
        if let Some(c) = &self.column {
            parts.push(format!("column \"{c}\""));
        }
        if let Some(p) = &self.path {
            parts.push(p.clone());
        }
        parts.join(", ")
    }

    /// The sheet, row and column header on an error (its cell or JSON path is [`SourceRef::error_path`]).
    pub fn place(&self, mut e: Error) -> Error {
        if let Some(row) = self.row {
            e = e.at_row(self.sheet.as_deref(), row);
        } else if let Some(s) = &self.sheet {
            e.sheet = Some(s.clone());
        }
        if let Some(c) = &self.column {
            e.column = Some(c.clone());
        }
        e
    }

    /// The error path: a cell `Mix!E7`, a whole row `Mix!7:7` (Excel's notation; a CSV has no
    /// sheet: `E7`, `7:7`), or a JSON path `lineitems[2].cost_total`.
    pub fn error_path(&self) -> Option<String> {
        if let Some(p) = &self.path {
            return Some(p.clone());
        }
        let row = self.row?;
        let cell = match &self.cell {
            Some(c) => format!("{c}{row}"),
            None => format!("{row}:{row}"),
        };
        Some(match &self.sheet {
            Some(s) => format!("{s}!{cell}"),
            None => cell,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ProblemLevel {
    /// Blocks the import until fixed (in the file, the mapping or the currency).
    Error,
    /// Imported, but the planner should look (a row without a cost, a rounded amount).
    Warning,
    /// Worth knowing (where the currency came from, a section heading read as a channel).
    Info,
}

/// One thing the preview found, with where it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Problem {
    pub level: ProblemLevel,
    pub code: String,
    pub message: String,
    #[serde(flatten)]
    pub at: SourceRef,
    /// The id the line gets in the plan, when the problem is about a line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub line: Option<String>,
}

impl Problem {
    pub fn new(level: ProblemLevel, code: &str, at: SourceRef, message: impl Into<String>) -> Problem {
        Problem { level, code: code.to_string(), message: message.into(), at, line: None }
    }

    pub fn error(code: &str, at: SourceRef, message: impl Into<String>) -> Problem {
        Problem::new(ProblemLevel::Error, code, at, message)
    }

    pub fn warning(code: &str, at: SourceRef, message: impl Into<String>) -> Problem {
        Problem::new(ProblemLevel::Warning, code, at, message)
    }

    pub fn info(code: &str, at: SourceRef, message: impl Into<String>) -> Problem {
        Problem::new(ProblemLevel::Info, code, at, message)
    }

    pub fn on_line(mut self, id: &str) -> Problem {
        self.line = Some(id.to_string());
        self
    }

    /// As the error every ring reports: the file, sheet, row, cell or JSON path and line as
    /// fields beside the plain message.
    pub fn to_error(&self, file: &str) -> Error {
        self.at.place(Error { path: self.at.error_path(), line: self.line.clone(), ..Error::new(&self.code, self.message.clone()) }.in_file(file))
    }
}

/// A line's cost converted into the plan's currency at the rate the file states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Conversion {
    pub line: String,
    #[serde(flatten)]
    pub at: SourceRef,
    pub from: String,
    pub to: String,
    pub amount: Dec,
    pub rate: Dec,
    /// amount × rate, rounded half away from zero to the plan currency's minor unit.
    pub converted: Dec,
}

/// A line of the preview: where it came from, beside `plan.lines[i]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PreviewLine {
    pub id: String,
    #[serde(flatten)]
    pub at: SourceRef,
    /// The row or item stated no cost: imported at 0, for the planner to fill in.
    pub no_cost: bool,
    /// The line's net media as the core costs it, once the plan costs (as `totals`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub net: Option<Dec>,
}

/// A row that is not a line, and why (title, section heading, subtotal, total, notes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
// The report preview has its own `SkippedRow` (file lines); this one is the plan import's.
#[cfg_attr(feature = "ts", ts(rename = "ImportSkippedRow"))]
pub struct SkippedRow {
    #[serde(flatten)]
    pub at: SourceRef,
    pub reason: String,
}

/// Everything the import would do, for the planner to accept or correct. Sent to the UI; the
/// planner's answer comes back as [`ImportChoices`], not as an edited preview.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportPreview {
    pub file: String,
    pub kind: SourceKind,
    /// In words: `mediaplanschema 2.0`, `Flightplan XLSX export`, `spreadsheet`.
    pub source: String,
    /// Every sheet of a workbook, and the one the lines were read from.
    pub sheets: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub sheet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub header_row: Option<usize>,
    /// Every column of the header row and the field it is read as.
    pub columns: Vec<ColumnGuess>,
    /// The mapping in force (the guesses with the planner's corrections): save it for the next
    /// file of this layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub mapping: Option<PlanMapping>,
    /// The plan's currency, and where it came from; `None` until the file or the planner says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub currency_source: Option<String>,
    /// The plan as it would be imported (its lines in file order). With an error among the
    /// problems it is incomplete and [`commit_import`] refuses it.
    pub plan: Plan,
    /// One per `plan.lines`, in the same order.
    pub lines: Vec<PreviewLine>,
    /// Ids of the lines whose row stated no cost (imported at 0, not dropped).
    pub rows_without_cost: Vec<String>,
    pub skipped: Vec<SkippedRow>,
    pub conversions: Vec<Conversion>,
    pub problems: Vec<Problem>,
    /// The plan's costed totals when it is complete and valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub totals: Option<Totals>,
    /// The plan details the file labelled (its budget, period, fees, goal…), so an update from
    /// the file takes only those and keeps the rest of the plan (`returned.rs`).
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub(crate) labelled: Vec<crate::plan_header::HeaderField>,
}

impl ImportPreview {
    /// Whether [`commit_import`] would accept it.
    pub fn ready(&self) -> bool {
        !self.problems.iter().any(|p| p.level == ProblemLevel::Error)
    }

    /// The blocking problems as errors naming the sheet, row or JSON path.
    pub fn errors(&self) -> Vec<Error> {
        self.problems.iter().filter(|p| p.level == ProblemLevel::Error).map(|p| p.to_error(&self.file)).collect()
    }
}

/// The plan an accepted preview imports: refused, with every blocking problem, while the preview
/// has an error or the plan breaks a `flightplan/1` rule.
pub fn commit_import(preview: &ImportPreview) -> Result<Plan, Vec<Error>> {
    let errors = preview.errors();
    if !errors.is_empty() {
        return Err(errors);
    }
    let rules = flightplan_core::validate(&preview.plan);
    if !rules.is_empty() {
        return Err(rules.into_iter().map(|e| plan_rule(e, preview)).collect());
    }
    flightplan_core::compute(&preview.plan).map_err(|e| vec![plan_rule(e, preview)])?;
    Ok(preview.plan.clone())
}

/// A plan rule broken by an imported line, with the file and the row or item it came from.
fn plan_rule(e: Error, preview: &ImportPreview) -> Error {
    match e.line.as_ref().and_then(|id| preview.lines.iter().find(|l| &l.id == id)) {
        Some(at) => at.at.place(e.in_file(&preview.file)),
        None => e,
    }
}

/// Fill in what is derived once the plan is assembled: its totals when it costs, and a rule
/// it breaks as an error problem (so `ready` is false exactly when commit would refuse).
pub(crate) fn finish(mut preview: ImportPreview) -> ImportPreview {
    if preview.ready() {
        let rules = flightplan_core::validate(&preview.plan);
        if rules.is_empty() {
            match flightplan_core::compute(&preview.plan) {
                Ok(view) => {
                    for (line, costed) in preview.lines.iter_mut().zip(&view.lines) {
                        line.net = (line.id == costed.id).then_some(costed.net);
                    }
                    preview.totals = Some(view.totals);
                }
                Err(e) => preview.problems.push(rule_problem(e, &preview.lines)),
            }
        } else {
            let found: Vec<Problem> = rules.into_iter().map(|e| rule_problem(e, &preview.lines)).collect();
            preview.problems.extend(found);
        }
    }
    preview
}

fn rule_problem(e: Error, lines: &[PreviewLine]) -> Problem {
    let at = e.line.as_ref().and_then(|id| lines.iter().find(|l| &l.id == id)).map(|l| l.at.clone()).unwrap_or_default();
    Problem { level: ProblemLevel::Error, code: e.code, message: e.message, at, line: e.line }
}
