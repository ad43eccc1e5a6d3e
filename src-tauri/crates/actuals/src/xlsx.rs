//! XLSX reports (Meta's "Export table data" default, and spreadsheets planners keep) read as
//! rows of text cells, so one pipeline handles CSV and XLSX alike. The first sheet is the report.

use crate::Record;
use calamine::{open_workbook_auto_from_rs, Data, Reader};
use flightplan_core::Error;
use std::io::Cursor;

/// XLSX files are ZIP archives.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

pub fn records(bytes: &[u8], file: &str) -> Result<Vec<Record>, Error> {
    let bad = |m: String| Error { code: "bad_xlsx".into(), message: format!("{file}: {m}"), path: Some(file.into()), line: None };
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| bad(format!("not a readable workbook ({e})")))?;
    let range = wb.worksheet_range_at(0).ok_or_else(|| bad("the workbook has no sheets".into()))?.map_err(|e| bad(format!("{e}")))?;
    let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            let mut cells: Vec<String> = vec![String::new(); first_col];
            cells.extend(row.iter().map(text));
            Record { line: first_row + i + 1, cells }
        })
        .collect())
}

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => dt.as_datetime().map(|d| d.date().format("%Y-%m-%d").to_string()).unwrap_or_else(|| dt.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}
