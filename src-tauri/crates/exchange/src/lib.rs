//! Getting a plan out to the spreadsheets and tools planners and finance already use, and back
//! in: an XLSX workbook (the mix with totals formulas, the weekly flowchart, fees and totals, the
//! plan's header), a CSV of the lines, and the open mediaplanschema JSON standard (3.0 out; 2.0
//! and 3.0 in); and importing a plan from any of those or from any media-plan spreadsheet
//! through a column mapping.
//!
//! Every exported figure comes from `flightplan_core::compute`; the CSV writes decimals exactly
//! as the core has them, and the workbook's totals are live `SUM` formulas whose cached results
//! are the core's totals, so the sheet and the PDF agree to the cent.
//!
//! Import is two steps so a planner sees before anything is saved: [`read_plan_source`] reads the
//! bytes once, [`preview_import`] shows what they would become under the planner's choices (it
//! changes nothing and may be called again with a corrected mapping or currency), and
//! [`commit_import`] turns an accepted preview into the `Plan`.

mod calendar;
mod cells;
mod columns;
mod conventions;
mod csv_lines;
mod derive;
mod hidden;
mod line_rows;
mod mediaplan;
mod own_export;
mod plan_details;
mod plan_file;
mod plan_header;
mod preview;
mod returned;
mod spreadsheet;
mod words;
mod workbook;
mod xml_text;

pub use cells::DateOrder;
pub use columns::{ColumnGuess, GuessSource, LineField, PlanMapping};
pub use csv_lines::write_csv;
pub use mediaplan::{same_json, write_mediaplan};
pub use preview::{
    commit_import, Conversion, ImportChoices, ImportFormat, ImportPreview, PreviewLine, Problem, ProblemLevel, SkippedRow, SourceKind, SourceRef,
    MAX_IMPORT_BYTES, MAX_IMPORT_LINES, MAX_SHEET_ROWS,
};
pub use returned::{update_from, PlanUpdate};
pub use workbook::write_xlsx;

use flightplan_actuals::Sheet;
use flightplan_core::plan::{Buying, Funnel, Plan};
use flightplan_core::Error;

/// A file read once, ready to preview under any choices.
#[derive(Debug, Clone)]
pub struct PlanSource {
    pub file: String,
    body: Body,
}

#[derive(Debug, Clone)]
enum Body {
    Sheets {
        sheets: Vec<Sheet>,
        csv: bool,
        decimal_comma: bool,
    },
    Document(serde_json::Value),
    /// A Flightplan plan file (`flightplan/1`), its structure read.
    PlanFile(Plan),
}

impl PlanSource {
    /// The format the bytes were read as.
    pub fn format(&self) -> ImportFormat {
        match &self.body {
            Body::Sheets { csv: true, .. } => ImportFormat::Csv,
            Body::Sheets { .. } => ImportFormat::Xlsx,
            Body::Document(_) | Body::PlanFile(_) => ImportFormat::Mediaplan,
        }
    }
}

/// Read a plan file's bytes: XLSX, CSV, mediaplanschema JSON or a Flightplan plan file (JSON
/// whose `format` is `flightplan/1`, read under `Mediaplan`) (`format`, or guessed from the
/// bytes). `file` names it in every message. Refuses files over [`MAX_IMPORT_BYTES`].
pub fn read_plan_source(bytes: &[u8], file: &str, format: Option<ImportFormat>) -> Result<PlanSource, Error> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(Error::new("file_too_large", format!("{} bytes is more than a plan import reads ({MAX_IMPORT_BYTES} bytes)", bytes.len())).in_file(file));
    }
    let is_xlsx = bytes.starts_with(b"PK\x03\x04");
    let looks_json = bytes.iter().find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF) == Some(&b'{');
    let format = format.unwrap_or(if is_xlsx {
        ImportFormat::Xlsx
    } else if looks_json {
        ImportFormat::Mediaplan
    } else {
        ImportFormat::Csv
    });
    let body = match format {
        ImportFormat::Xlsx => {
            if !is_xlsx {
                return Err(Error::new("bad_xlsx", "this is not an XLSX workbook").in_file(file));
            }
            Body::Sheets { sheets: flightplan_actuals::read_workbook(bytes, file)?, csv: false, decimal_comma: false }
        }
        ImportFormat::Csv => {
            let table = flightplan_actuals::read_table(bytes, file)?;
            let mut records = table.records;
            for r in &mut records {
                for c in &mut r.cells {
                    unescape_formula(c);
                }
            }
            Body::Sheets {
                sheets: vec![Sheet { name: String::new(), records, merged: Vec::new(), hidden: Default::default() }],
                csv: true,
                decimal_comma: table.decimal_comma,
            }
        }
        ImportFormat::Mediaplan => {
            let text = std::str::from_utf8(bytes).map_err(|e| Error::new("invalid_json", format!("this is not UTF-8 text ({e})")).in_file(file))?;
            let text = text.trim_start_matches('\u{feff}');
            let doc = serde_json::from_str(text).map_err(|e| Error::json("invalid_json", "the JSON is malformed", &e).in_file(file))?;
            if plan_file::is_plan_file(&doc) {
                Body::PlanFile(plan_file::read(text, file)?)
            } else {
                Body::Document(doc)
            }
        }
    };
    Ok(PlanSource { file: file.to_string(), body })
}

/// Undo the CSV export's guard against formula injection: a text cell that began with `=`, `+`,
/// `-`, `@`, a tab or a carriage return was written with a `'` in front.
fn unescape_formula(cell: &mut String) {
    let mut chars = cell.chars();
    if chars.next() == Some('\'') && matches!(chars.next(), Some('=' | '+' | '-' | '@' | '\t' | '\r')) {
        cell.remove(0);
    }
}

/// What the file would import as under `choices`: the lines, the column mapping, every problem,
/// rows without a cost, currency conversions. Changes nothing.
pub fn preview_import(source: &PlanSource, choices: &ImportChoices) -> ImportPreview {
    match &source.body {
        Body::Sheets { sheets, csv, decimal_comma } => spreadsheet::preview(&source.file, sheets, *csv, *decimal_comma, choices),
        Body::Document(doc) => mediaplan::preview(&source.file, doc, choices),
        Body::PlanFile(plan) => plan_file::preview(&source.file, plan, choices),
    }
}

/// Read, preview and commit in one go (the CLI): the plan, and the preview it came from; or
/// every problem that blocks it.
pub fn import_plan(bytes: &[u8], file: &str, format: Option<ImportFormat>, choices: &ImportChoices) -> Result<(Plan, ImportPreview), Vec<Error>> {
    let source = read_plan_source(bytes, file, format).map_err(|e| vec![e])?;
    let preview = preview_import(&source, choices);
    let plan = commit_import(&preview)?;
    Ok((plan, preview))
}

pub(crate) fn funnel(f: Option<Funnel>) -> &'static str {
    match f {
        Some(f) => words::funnel_word(f),
        None => "",
    }
}

pub(crate) fn buying(b: Option<Buying>) -> &'static str {
    match b {
        Some(b) => words::buying_word(b),
        None => "",
    }
}

pub(crate) fn kpi_code(k: flightplan_core::plan::Kpi) -> String {
    serde_json::to_value(k).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_csv_guard_is_undone_exactly() {
        for (cell, want) in [("'=1+1", "=1+1"), ("'-5", "-5"), ("'@x", "@x"), ("'hello", "'hello"), ("=1", "=1"), ("''=x", "''=x")] {
            let mut c = cell.to_string();
            super::unescape_formula(&mut c);
            assert_eq!(c, want, "{cell}");
        }
    }
}
