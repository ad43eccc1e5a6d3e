//! A report as a table of rows, whether it came as CSV text or as an XLSX sheet.
//!
//! The reader goes over a report more than once (the top rows to find the header, the data to
//! learn its number and date style, then the data again to read it), so a table is walked
//! row by row each time instead of being held as millions of cells: memory stays that of the
//! file and of the rows read from it.

use crate::xlsx::{Cell, Sheet};
use crate::{fail, Error};
use std::borrow::Cow;

/// The rows of a report.
pub enum Table<'a> {
    Csv { text: Cow<'a, str>, delimiter: u8 },
    Sheet(Sheet<'a>),
}

/// Whether to go on walking the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Go,
    Stop,
}

/// One row of the table: its 1-based line (file line for CSV, sheet row for XLSX) and cells.
pub struct Row<'r> {
    pub line: usize,
    cells: Cells<'r>,
}

enum Cells<'r> {
    Csv(&'r csv::StringRecord),
    Sheet(&'r [Cell]),
}

impl<'r> Row<'r> {
    /// How many cells the row has (for CSV, its fields).
    pub fn len(&self) -> usize {
        match &self.cells {
            Cells::Csv(r) => r.len(),
            Cells::Sheet(c) => c.len(),
        }
    }

    /// Cell `i`, cleaned (see [`clean`]); empty when the row is shorter.
    pub fn get(&self, i: usize) -> &'r str {
        match &self.cells {
            Cells::Csv(r) => clean(r.get(i).unwrap_or("")),
            Cells::Sheet(c) => c.get(i).map(|c| clean(&c.text)).unwrap_or(""),
        }
    }

    /// Whether cell `i` is a number typed as such in a workbook (written with a `.` decimal
    /// point whatever the file's locale).
    pub fn typed_number(&self, i: usize) -> bool {
        match &self.cells {
            Cells::Csv(_) => false,
            Cells::Sheet(c) => c.get(i).is_some_and(|c| c.number),
        }
    }

    /// Whether the row comes from a workbook (whose rows have no fixed width).
    pub fn is_sheet(&self) -> bool {
        matches!(self.cells, Cells::Sheet(_))
    }

    /// The cells in order, cleaned.
    pub fn cells(&self) -> impl Iterator<Item = &'r str> + '_ {
        (0..self.len()).map(move |i| self.get(i))
    }

    /// The non-empty cells.
    pub fn filled(&self) -> usize {
        self.cells().filter(|c| !c.is_empty()).count()
    }

    /// The row's cells as owned text (for the few rows kept: the header and title lines).
    pub fn owned(&self) -> Vec<String> {
        self.cells().map(str::to_string).collect()
    }
}

/// A cell as platforms write it, without what is not its value: surrounding spaces (also
/// no-break ones), a byte-order mark, and Excel's `="…"` quoting that keeps leading zeros.
pub fn clean(cell: &str) -> &str {
    let b = cell.as_bytes();
    if let (Some(first), Some(last)) = (b.first(), b.last()) {
        // Most cells need nothing taken off.
        if first.is_ascii_graphic() && *first != b'=' && last.is_ascii_graphic() {
            return cell;
        }
    }
    let c = cell.trim_matches(|ch: char| ch.is_whitespace() || ch == '\u{feff}');
    match c.strip_prefix("=\"").and_then(|s| s.strip_suffix('"')) {
        Some(inner) => inner.trim(),
        None => c,
    }
}

impl Table<'_> {
    /// Whether typed date serials count from 1904 (a workbook's setting).
    pub fn date1904(&self) -> bool {
        matches!(self, Table::Sheet(s) if s.date1904())
    }

    /// Walk the rows in order until `f` says stop.
    pub fn each(&self, file: &str, f: &mut dyn FnMut(&Row) -> Result<Flow, Error>) -> Result<(), Error> {
        self.each_within(usize::MAX, file, f)
    }

    /// Walk the rows a CSV's first `bytes` hold (cut after the last line end within them, or
    /// inside an endless first line), or a sheet's rows, until `f` says stop.
    pub fn each_within(&self, bytes: usize, file: &str, f: &mut dyn FnMut(&Row) -> Result<Flow, Error>) -> Result<(), Error> {
        match self {
            Table::Csv { text, delimiter } => {
                let text = head(text, bytes);
                let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(*delimiter).from_reader(text.as_bytes());
                let mut rec = csv::StringRecord::new();
                // File lines counted from the records' byte offsets (the reader's own count skips
                // blank lines).
                let mut lines = Lines { bytes: text.as_bytes(), at: 0, line: 1 };
                loop {
                    match rdr.read_record(&mut rec) {
                        Ok(true) => {}
                        Ok(false) => return Ok(()),
                        Err(e) => {
                            let l = match e.position() {
                                Some(p) => lines.of(p.byte()),
                                None => lines.line,
                            };
                            return Err(fail("bad_csv", file, l, format!("not readable as CSV ({e})")));
                        }
                    }
                    let line = match rec.position() {
                        Some(p) => lines.of(p.byte()),
                        None => lines.line,
                    };
                    if f(&Row { line, cells: Cells::Csv(&rec) })? == Flow::Stop {
                        return Ok(());
                    }
                }
            }
            Table::Sheet(sheet) => sheet.each(file, &mut |line, cells| f(&Row { line, cells: Cells::Sheet(cells) })),
        }
    }
}

/// The first `bytes` of `text`, ending after a line end when one is within them.
fn head(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = &text[..end];
    match cut.rfind('\n') {
        Some(i) => &cut[..=i],
        None => cut,
    }
}

/// Line numbers of byte offsets, counted forward as the reader goes.
struct Lines<'t> {
    bytes: &'t [u8],
    at: usize,
    line: usize,
}

impl Lines<'_> {
    fn of(&mut self, byte: u64) -> usize {
        let mut to = usize::try_from(byte).unwrap_or(usize::MAX).min(self.bytes.len());
        // A record's position is where the reader started looking: blank lines it passed over
        // come first.
        while self.bytes.get(to) == Some(&b'\n') {
            to += 1;
        }
        if to > self.at {
            self.line += self.bytes[self.at..to].iter().filter(|b| **b == b'\n').count();
            self.at = to;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn cells_lose_what_is_not_their_value() {
        assert_eq!(clean("  12,50 \u{a0}"), "12,50");
        assert_eq!(clean("=\"00123\""), "00123");
        assert_eq!(clean("\u{feff}Day"), "Day");
        assert_eq!(clean("=SUM(A1)"), "=SUM(A1)");
        assert_eq!(clean("=\""), "=\"");
    }
}
