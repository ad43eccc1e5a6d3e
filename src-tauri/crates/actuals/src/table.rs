//! Any CSV or XLSX as plain rows of text cells, for readers other than report import (plan
//! import in `flightplan-exchange`), so there is one way of decoding spreadsheet bytes: the same
//! encodings, delimiters and cell texts as report parsing.
//!
//! [`read_table`] gives the rows of a CSV or of a workbook's first sheet; [`read_workbook`] gives
//! every sheet of a workbook by name, with its merged ranges, for layouts that spread a plan
//! over several sheets or merge a label over the rows it covers.

use crate::{csv_records, text, xlsx, Record};
use calamine::{open_workbook_auto_from_rs, Data, Reader, Sheets};
use flightplan_core::Error;
use std::io::Cursor;

/// A file's rows as text cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub records: Vec<Record>,
    /// `UTF-8`, `UTF-16LE`, `windows-1252`, ... or `xlsx`.
    pub encoding: String,
    /// The file writes decimals with a comma (`1.234,50`): a semicolon-separated CSV.
    pub decimal_comma: bool,
}

/// One sheet of a workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// Rows with their 1-based sheet row number in `line`; cell `i` is column `i` (A = 0).
    pub records: Vec<Record>,
    /// Merged ranges, 0-based and inclusive: `(first_row, first_col, last_row, last_col)`.
    pub merged: Vec<(u32, u32, u32, u32)>,
}

/// Read CSV or XLSX bytes (the first sheet) into rows of text cells. `file` names it in errors.
pub fn read_table(bytes: &[u8], file: &str) -> Result<Table, Error> {
    if xlsx::is_xlsx(bytes) {
        return Ok(Table { records: xlsx::records(bytes, file)?, encoding: "xlsx".into(), decimal_comma: false });
    }
    let (text, enc) = text::decode(bytes);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let delim = text::delimiter(&text);
    Ok(Table { records: csv_records(&text, delim, file)?, encoding: enc.to_string(), decimal_comma: delim == b';' })
}

/// Every sheet of an XLSX workbook, in workbook order, with merged ranges.
pub fn read_workbook(bytes: &[u8], file: &str) -> Result<Vec<Sheet>, Error> {
    let bad = |m: String| Error { code: "bad_xlsx".into(), message: format!("{file}: {m}"), path: Some(file.into()), line: None };
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| bad(format!("not a readable workbook ({e})")))?;
    if let Sheets::Xlsx(x) = &mut wb {
        x.load_merged_regions().map_err(|e| bad(format!("{e}")))?;
    }
    let names = wb.sheet_names().to_vec();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = wb.worksheet_range(&name).map_err(|e| bad(format!("sheet \"{name}\": {e}")))?;
        let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
        let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
        let records = range
            .rows()
            .enumerate()
            .map(|(i, row)| {
                let mut cells: Vec<String> = vec![String::new(); first_col];
                cells.extend(row.iter().map(cell_text));
                Record { line: first_row + i + 1, cells }
            })
            .collect();
        let merged = match &wb {
            Sheets::Xlsx(x) => x
                .merged_regions_by_sheet(&name)
                .iter()
                .map(|(_, _, d)| (d.start.0, d.start.1, d.end.0, d.end.1))
                .collect(),
            _ => Vec::new(),
        };
        sheets.push(Sheet { name, records, merged });
    }
    Ok(sheets)
}

/// A cell as text: numbers in full (`12500`, `0.012`), dates as `YYYY-MM-DD`, errors as `#DIV/0!`.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => dt.as_datetime().map(|d| d.date().format("%Y-%m-%d").to_string()).unwrap_or_else(|| dt.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}
