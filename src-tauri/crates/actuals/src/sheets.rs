//! Any CSV or XLSX as plain rows of text cells, for readers other than report import (plan
//! import in `flightplan-exchange`), so there is one way of decoding spreadsheet bytes: the same
//! encodings, delimiters, cell cleaning and bounded workbook reading as report parsing.
//!
//! [`read_table`] gives the rows of a CSV or of a workbook's first visible sheet;
//! [`read_workbook`] gives every sheet of a workbook by name, with its merged ranges and the rows
//! and columns it hides, for layouts that spread a plan over several sheets, merge a label over
//! the rows it covers or hide what is no longer part of the plan.
//! Unlike a report, whose rows are walked without being held, these rows are kept, so the cells
//! held are capped ([`MAX_HELD_CELLS`]).

use crate::table::{Flow, Row, Table as Walk};
use crate::{text, xlsx, Error};

/// The most cells a table or workbook read here may hold: far past any media plan (a 5,000-line
/// plan with 60 columns is 300,000), far below what would fill memory.
pub const MAX_HELD_CELLS: usize = 5_000_000;

/// A row of a file as cells, with its 1-based line (file line for CSV, sheet row for XLSX).
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub line: usize,
    pub cells: Vec<String>,
}

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
    /// The rows and columns the sheet hides (none for a CSV).
    pub hidden: crate::Hidden,
}

/// Hold every row of `walk`, counting cells against [`MAX_HELD_CELLS`] (`held` runs across the
/// sheets of one workbook). A sheet's rows are dense from its first row: a row without cells is
/// an empty record, so record `i` is row `first + i` (as merged ranges and row numbers expect).
fn hold(walk: &Walk, file: &str, held: &mut usize) -> Result<Vec<Record>, Error> {
    let mut records: Vec<Record> = Vec::new();
    let dense = matches!(walk, Walk::Sheet(_));
    walk.each(file, &mut |row: &Row| {
        if dense {
            if let Some(last) = records.last().map(|r| r.line) {
                for line in last + 1..row.line {
                    *held += 1;
                    if *held > MAX_HELD_CELLS {
                        break;
                    }
                    records.push(Record { line, cells: Vec::new() });
                }
            }
        }
        *held += row.len();
        if *held > MAX_HELD_CELLS {
            return Err(Error::new("too_large", format!("the file holds more than {MAX_HELD_CELLS} cells, far more than any media plan")).in_file(file));
        }
        records.push(Record { line: row.line, cells: row.owned() });
        Ok(Flow::Go)
    })?;
    Ok(records)
}

/// Read CSV or XLSX bytes (the first visible sheet) into rows of text cells. `file` names it in
/// errors.
pub fn read_table(bytes: &[u8], file: &str) -> Result<Table, Error> {
    let mut held = 0;
    crate::sniff::refuse_binary(bytes, file)?;
    if xlsx::is_xlsx(bytes) {
        let walk = Walk::Sheet(xlsx::open(bytes, file)?);
        return Ok(Table { records: hold(&walk, file, &mut held)?, encoding: "xlsx".into(), decimal_comma: false });
    }
    let (text, enc) = text::decode(bytes);
    let delimiter = text::delimiter(&text);
    let walk = Walk::Csv { text, delimiter };
    Ok(Table { records: hold(&walk, file, &mut held)?, encoding: enc.to_string(), decimal_comma: delimiter == b';' })
}

/// Every sheet of an XLSX workbook, in workbook order, with its merged ranges and hidden rows and
/// columns.
pub fn read_workbook(bytes: &[u8], file: &str) -> Result<Vec<Sheet>, Error> {
    let mut held = 0;
    let mut out = Vec::new();
    for xlsx::Named { name, sheet, hidden: sheet_hidden } in xlsx::sheets(bytes, file)? {
        let merged = sheet.merged(file)?;
        let hidden = crate::Hidden { sheet: sheet_hidden, ..sheet.hidden(file)? };
        let records = hold(&Walk::Sheet(sheet), file, &mut held)?;
        out.push(Sheet { name, records, merged, hidden });
    }
    Ok(out)
}
