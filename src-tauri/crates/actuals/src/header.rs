//! Finding a report's header: the first of its top rows that a dialect (or the saved mapping)
//! recognises, on the sheet that has one.
//!
//! The search is bounded (`limits`: 60 rows, a CSV's first MiB, 2,000 filled cells a row) so a
//! file of one endless line costs its first MiB. A workbook's report is not always on its first
//! sheet (a summary or notes sheet may come first), so every sheet is looked at, visible ones
//! first, and a workbook with no header anywhere says which sheets were seen.

use crate::dialects::{detect, Dialect};
use crate::layout::{mapped, ColumnMapping, Columns, Platform};
use crate::limits::{HEADER_SEARCH_BYTES, HEADER_SEARCH_ROWS, MAX_HEADER_CELLS};
use crate::table::{Flow, Table};
use crate::totals::Totals;
use crate::{fail, Report, Skipped, Warning};
use flightplan_core::Error;

/// Cells kept of a row too wide to be a header, for the messages that quote it.
const KEPT_CELLS: usize = 16;

/// The top rows of a table, and the header among them if one was recognised.
pub struct Searched {
    /// Each row's line and cells, up to and including the header.
    pub top: Vec<(usize, Vec<String>)>,
    /// The header's index in `top`, its dialect (none for a mapped file) and columns.
    pub found: Option<(usize, Option<Dialect>, Columns)>,
    /// The first row too wide to be a header.
    wide: Option<usize>,
}

/// Look for the header in the table's top rows.
pub fn search(table: &Table, file: &str, forced: Option<Platform>, mapping: &ColumnMapping) -> Result<Searched, Error> {
    let mut s = Searched { top: Vec::new(), found: None, wide: None };
    table.each_within(HEADER_SEARCH_BYTES, file, &mut |row| {
        // A row of thousands of cells (one endless line) is no header: keep a few for messages.
        if row.filled() > MAX_HEADER_CELLS {
            s.wide.get_or_insert(row.line);
            s.top.push((row.line, row.cells().take(KEPT_CELLS).map(crate::cells::shorten).collect()));
            return Ok(if s.top.len() >= HEADER_SEARCH_ROWS { Flow::Stop } else { Flow::Go });
        }
        let cells = row.owned();
        let hit = match forced {
            Some(Platform::Mapped) => mapped(&cells, mapping).map(|c| (None, c)),
            only => detect(&cells, only).map(|(d, c)| (Some(d), c)),
        };
        s.top.push((row.line, cells));
        if let Some((d, c)) = hit {
            s.found = Some((s.top.len() - 1, d, c));
            return Ok(Flow::Stop);
        }
        Ok(if s.top.len() >= HEADER_SEARCH_ROWS { Flow::Stop } else { Flow::Go })
    })?;
    Ok(s)
}

/// Whether a table's top rows are only titles and notes (one filled cell a row, or none).
fn only_notes(s: &Searched) -> bool {
    s.top.iter().all(|(_, cells)| cells.iter().filter(|c| !c.trim().is_empty()).count() <= 1)
}

/// No header on any table searched (one for a CSV, each sheet of a workbook, by name): a file
/// with only title or note lines ("No data available.", a preamble and nothing else) is an
/// empty report; anything else is an error naming what was expected, and the sheets seen.
pub fn no_table(tried: &[(Option<String>, Searched)], file: &str, forced: Option<Platform>, encoding: String) -> Result<Report, Error> {
    let sheets: Vec<String> = tried.iter().filter_map(|(name, _)| name.as_ref().map(|n| format!("\"{}\"", crate::cells::shorten(n)))).collect();
    let on_sheets = if sheets.len() > 1 { format!(" on any of the workbook's sheets ({})", sheets.join(", ")) } else { String::new() };
    if let Some((sheet, s)) = tried.iter().find(|(_, s)| !only_notes(s)) {
        let want = match forced {
            Some(Platform::Mapped) => "the mapped spend column and a mapped campaign, ad set or ad column".to_string(),
            Some(p) => format!("a {} report header (a spend column and a campaign, ad set or ad column)", p.title()),
            None => "a report header with a spend column and a campaign, ad set or ad column in one of the known dialects (Google Ads, Meta, TikTok, LinkedIn, Microsoft, Amazon, Snapchat, Pinterest); otherwise save a column mapping".to_string(),
        };
        let message = match s.wide {
            Some(line) if sheets.len() <= 1 => {
                format!("no header row found: line {line} has more than {MAX_HEADER_CELLS} cells, which no report header has; expected {want}")
            }
            _ => format!("no header row found{on_sheets} in the first {HEADER_SEARCH_ROWS} rows (or first MiB): expected {want}"),
        };
        let mut e = fail("no_header", file, s.top.first().map(|r| r.0).unwrap_or(1), message);
        e.sheet = sheet.clone();
        return Err(e);
    }
    let said: Vec<String> =
        tried.iter().flat_map(|(_, s)| s.top.iter().flat_map(|(_, c)| c.iter().filter(|s| !s.trim().is_empty()).cloned())).take(3).collect();
    let message = if said.is_empty() {
        format!("the file is empty{}: nothing was imported", if sheets.len() > 1 { format!(" (sheets {})", sheets.join(", ")) } else { String::new() })
    } else {
        format!(
            "the file has no table of rows{on_sheets} (it says: {}): nothing was imported",
            said.iter().map(|s| format!("\"{}\"", crate::cells::shorten(s))).collect::<Vec<_>>().join(", ")
        )
    };
    let top = tried.first().map(|(_, s)| s.top.as_slice()).unwrap_or_default();
    Ok(Report {
        platform: forced.unwrap_or(Platform::Mapped),
        dialect: None,
        encoding,
        header_line: 0,
        currency: None,
        period: None,
        rows: Vec::new(),
        skipped: top.iter().map(|(line, _)| Skipped { line: *line, reason: "title or note line".into() }).collect(),
        warnings: vec![Warning { line: None, message }],
        totals: Totals::default(),
        dates: None,
    })
}
