//! XLSX reports (Meta's and TikTok's "Export" default, and spreadsheets planners keep) read
//! straight from the ZIP archive, row by row, so one pipeline handles CSV and XLSX alike. Every
//! sheet is offered, with its name (which its errors carry) and whether it is hidden; the report
//! reader takes the first with a report header. Dates typed as numbers are read in the
//! workbook's own date system (1900 or 1904).
//!
//! A workbook is a ZIP of XML parts, and a hostile one can claim anything: a 2 KB file with cells
//! at A1 and XFD1048576 (a "dense range" of 17 billion cells), a shared string that inflates to
//! gigabytes, ten million empty rows. So nothing is sized from what the file says: every part is
//! inflated through a counter that stops at its limit (`limits`), only cells that exist are
//! visited, and a row is held only while it is read. A formula whose result was never saved is an
//! error naming its cell, not a silent zero.

mod parts;

use crate::limits::{MAX_CELL_CHARS, MAX_COLUMNS, MAX_SHEET_CELLS, MAX_SHEET_XML_BYTES};
use crate::table::Flow;
use crate::Error;
use chrono::{Days, NaiveDate};
use parts::{attr, bad, entry_name, open_archive, part, relationship_target, shared_parts, text_of, too_large, xml_error, Limited, Strings};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::cell::Cell as Flag;
use std::io::{BufReader, Cursor};
use std::rc::Rc;
use zip::ZipArchive;

mod hidden;
pub use hidden::Hidden;

/// XLSX files are ZIP archives.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// A cell's text as read, and whether the workbook typed it as a number.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub number: bool,
}

/// What a walk of the sheet calls with each row's number and cells.
pub type RowFn<'f> = dyn FnMut(usize, &[Cell]) -> Result<Flow, Error> + 'f;

/// A workbook's ZIP archive, over the bytes read.
type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;
/// A sheet's XML as read through its size limit.
type SheetXml<'z, 'a> = Reader<BufReader<Limited<zip::read::ZipFile<'z, Cursor<&'a [u8]>>>>>;

/// A sheet of the workbook, ready to walk. The sheets of one workbook share its strings.
pub struct Sheet<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    path: String,
    /// The sheet's name, which its errors carry.
    name: String,
    strings: Rc<Strings>,
    date_styles: Rc<Vec<bool>>,
    date1904: bool,
}

/// A sheet of the workbook with its name and whether it is hidden.
pub struct Named<'a> {
    pub name: String,
    pub hidden: bool,
    pub sheet: Sheet<'a>,
}

/// Every sheet of the workbook in workbook order (hidden ones too: a plan's lookup sheet may be
/// hidden, a report's data may sit on one), each with what it needs (shared strings, date
/// styles), within limits. A workbook that lists no sheet it holds gives its worksheet parts,
/// by name.
pub fn sheets<'a>(bytes: &'a [u8], file: &str) -> Result<Vec<Named<'a>>, Error> {
    let (mut archive, listed, date1904) = open_archive(bytes, file)?;
    let rels = part(&mut archive, "xl/_rels/workbook.xml.rels", file)?;
    let (strings, date_styles) = shared_parts(&mut archive, file)?;
    let mut found: Vec<(String, bool, String)> = Vec::with_capacity(listed.len());
    for l in listed {
        let target = match (&l.rid, &rels) {
            (Some(rid), Some(rels)) => relationship_target(rels, rid, file)?,
            _ => None,
        };
        if let Some(path) = target.and_then(|t| entry_name(&archive, &t)) {
            found.push((l.name, l.hidden, path));
        }
    }
    if found.is_empty() {
        let mut parts: Vec<String> = archive.file_names().filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml")).map(str::to_string).collect();
        parts.sort();
        found = parts.into_iter().map(|p| (p.trim_start_matches("xl/worksheets/").trim_end_matches(".xml").to_string(), false, p)).collect();
    }
    if found.is_empty() {
        return Err(bad(file, "the workbook has no sheets"));
    }
    Ok(found
        .into_iter()
        .map(|(name, hidden, path)| Named {
            sheet: Sheet { archive: archive.clone(), path, name: name.clone(), strings: strings.clone(), date_styles: date_styles.clone(), date1904 },
            name,
            hidden,
        })
        .collect())
}

/// The workbook's first visible sheet (else its first).
pub fn open<'a>(bytes: &'a [u8], file: &str) -> Result<Sheet<'a>, Error> {
    let mut all = sheets(bytes, file)?;
    let at = all.iter().position(|s| !s.hidden).unwrap_or(0);
    Ok(all.swap_remove(at).sheet)
}

/// A date serial as a day (the time of day dropped).
fn serial_date(v: f64, date1904: bool) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&v) {
        return None;
    }
    let days = v.floor() as u64;
    if date1904 {
        return NaiveDate::from_ymd_opt(1904, 1, 1)?.checked_add_days(Days::new(days));
    }
    // Serial 60 is the 29 February 1900 that never was (Lotus's leap-year mistake).
    let base = if days < 60 { NaiveDate::from_ymd_opt(1899, 12, 31)? } else { NaiveDate::from_ymd_opt(1899, 12, 30)? };
    base.checked_add_days(Days::new(days))
}

/// A stored number as the spreadsheet shows it: to 15 significant digits, Excel's precision, so
/// a binary float's tail (`19560.520000000001`, `0.0007000000000000001`) is not read as money.
fn as_shown(stored: &str) -> String {
    let Ok(v) = stored.trim().parse::<f64>() else { return stored.to_string() };
    if !v.is_finite() {
        return stored.to_string();
    }
    match rust_decimal::Decimal::from_scientific(&format!("{v:.14e}")) {
        Ok(d) => d.normalize().to_string(),
        Err(_) => stored.to_string(),
    }
}

/// A number typed in a date column read as a day: a date serial in the workbook's date system
/// (1900, or 1904 as older Mac workbooks count), or `20250901` stored as a number.
pub fn serial_day(v: f64, date1904: bool) -> Option<NaiveDate> {
    if (19_000_101.0..=99_991_231.0).contains(&v) && v.fract() == 0.0 {
        let n = v as u32;
        return NaiveDate::from_ymd_opt(i32::try_from(n / 10_000).ok()?, (n / 100) % 100, n % 100);
    }
    serial_date(v, date1904)
}

/// `B12` → column 1 (0-based).
fn column_of(reference: &str) -> Option<usize> {
    let letters = reference.bytes().take_while(u8::is_ascii_alphabetic);
    let mut col = 0usize;
    let mut any = false;
    for b in letters {
        col = col.checked_mul(26)?.checked_add((b.to_ascii_uppercase() - b'A') as usize + 1)?;
        any = true;
        if col > MAX_COLUMNS {
            return Some(col - 1);
        }
    }
    any.then(|| col - 1)
}

/// `B12` → row 11 (0-based).
fn row_of(reference: &str) -> Option<usize> {
    let digits = reference.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    digits.parse::<usize>().ok().filter(|n| *n > 0).map(|n| n - 1)
}

/// `1` → `A`.
fn column_name(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The cell being read.
#[derive(Default)]
struct Current {
    col: usize,
    kind: String,
    style: usize,
    value: String,
    saw_value: bool,
    formula: Option<String>,
    inline: String,
}

impl<'a> Sheet<'a> {
    /// Whether the workbook counts dates from 1904 (older Mac workbooks) rather than 1900.
    pub fn date1904(&self) -> bool {
        self.date1904
    }

    /// Walk the sheet's rows in order (rows without cells are not visited). Every error on the
    /// way, the walker's own included, names the sheet.
    pub fn each(&self, file: &str, f: &mut RowFn) -> Result<(), Error> {
        self.walk(file, f).map_err(|mut e| {
            if e.sheet.is_none() && !self.name.is_empty() {
                e.sheet = Some(self.name.clone());
            }
            e
        })
    }

    /// A reader of the sheet's XML that stops at [`MAX_SHEET_XML_BYTES`], and the flag it raises
    /// when the part is larger (its read error is then the limit's, not malformed XML). Every
    /// pass over the sheet reads through one.
    fn limited_xml<'z>(&self, archive: &'z mut Archive<'a>, file: &str) -> Result<(SheetXml<'z, 'a>, Rc<Flag<bool>>), Error> {
        let entry = archive.by_name(&self.path).map_err(|e| bad(file, format!("{} is not readable ({e})", self.path)))?;
        let hit = Rc::new(Flag::new(false));
        let limited = Limited { inner: entry, left: MAX_SHEET_XML_BYTES, hit: hit.clone() };
        Ok((Reader::from_reader(BufReader::new(limited)), hit))
    }

    fn walk(&self, file: &str, f: &mut RowFn) -> Result<(), Error> {
        let mut archive = self.archive.clone();
        let (mut r, hit) = self.limited_xml(&mut archive, file)?;
        let mut buf = Vec::new();
        let mut row: Vec<Cell> = Vec::new();
        let mut width = 0usize;
        let (mut row_no, mut last_row) = (0usize, 0usize);
        let mut visited = 0u64;
        let mut cur = Current::default();
        let (mut in_cell, mut in_v, mut in_f, mut in_is_t) = (false, false, false, false);
        let sheet_too_large = || too_large(file, format!("the sheet inflates to more than {} MiB", MAX_SHEET_XML_BYTES >> 20));
        loop {
            let ev = match r.read_event_into(&mut buf) {
                Ok(ev) => ev,
                Err(e) => return Err(if hit.get() { sheet_too_large() } else { xml_error(file, &self.path, e) }),
            };
            match ev {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"row" => {
                    let given = if e.attributes_raw().is_empty() { None } else { attr(&e, b"r").and_then(|v| v.parse().ok()).filter(|n| *n > 0) };
                    row_no = given.unwrap_or(last_row + 1);
                    last_row = row_no;
                    width = 0;
                }
                Event::End(e) if e.local_name().as_ref() == b"row" => {
                    if width > 0 && f(row_no, &row[..width])? == Flow::Stop {
                        return Ok(());
                    }
                    width = 0;
                }
                Event::Start(e) if e.local_name().as_ref() == b"c" => {
                    cur = self.start_cell(&e, width, file, row_no)?;
                    in_cell = true;
                }
                Event::Empty(e) if e.local_name().as_ref() == b"c" => {
                    // A styled but empty cell: nothing to read.
                    let _ = self.start_cell(&e, width, file, row_no)?;
                }
                Event::End(e) if e.local_name().as_ref() == b"c" => {
                    in_cell = false;
                    let text = self.finish_cell(&mut cur, file, row_no)?;
                    if let Some((text, number)) = text {
                        if cur.col >= width {
                            visited += (cur.col + 1 - width) as u64;
                            if visited > MAX_SHEET_CELLS {
                                return Err(too_large(file, format!("the sheet has more than {MAX_SHEET_CELLS} cells up to each row's last one")));
                            }
                            while row.len() <= cur.col {
                                row.push(Cell::default());
                            }
                            for c in &mut row[width..=cur.col] {
                                c.text.clear();
                                c.number = false;
                            }
                            width = cur.col + 1;
                        }
                        row[cur.col] = Cell { text, number };
                    }
                }
                Event::Start(e) if in_cell => match e.local_name().as_ref() {
                    b"v" => in_v = true,
                    b"f" => {
                        in_f = true;
                        cur.formula.get_or_insert_with(String::new);
                    }
                    b"t" => in_is_t = true,
                    _ => {}
                },
                Event::Empty(e) if in_cell && e.local_name().as_ref() == b"f" => {
                    cur.formula.get_or_insert_with(String::new);
                }
                Event::Empty(e) if in_cell && e.local_name().as_ref() == b"v" => cur.saw_value = true,
                Event::End(e) if in_cell => match e.local_name().as_ref() {
                    b"v" => {
                        in_v = false;
                        cur.saw_value = true;
                    }
                    b"f" => in_f = false,
                    b"t" => in_is_t = false,
                    _ => {}
                },
                Event::Text(t) if in_cell && (in_v || in_f || in_is_t) => {
                    let text = text_of(&t, file)?;
                    let target = if in_v {
                        &mut cur.value
                    } else if in_f {
                        cur.formula.get_or_insert_with(String::new)
                    } else {
                        &mut cur.inline
                    };
                    if target.len() + text.len() > MAX_CELL_CHARS * 4 {
                        return Err(too_large(
                            file,
                            format!("cell {}{row_no} holds more than the {MAX_CELL_CHARS} characters a cell can", column_name(cur.col)),
                        ));
                    }
                    target.push_str(&text);
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        if hit.get() {
            return Err(sheet_too_large());
        }
        Ok(())
    }

    /// The sheet's merged ranges, 0-based and inclusive: `(first_row, first_col, last_row,
    /// last_col)`. Read in a pass of their own (they follow the cells), within the same limit.
    pub fn merged(&self, file: &str) -> Result<Vec<(u32, u32, u32, u32)>, Error> {
        let mut out = Vec::new();
        self.each_start(file, |e| {
            if e.local_name().as_ref() != b"mergeCell" {
                return Ok(());
            }
            let range = attr(e, b"ref").and_then(|r| {
                let (a, b) = r.split_once(':')?;
                let (ra, ca) = (row_of(a)?, column_of(a)?);
                let (rb, cb) = (row_of(b)?, column_of(b)?);
                Some((ra.min(rb) as u32, ca.min(cb) as u32, ra.max(rb) as u32, ca.max(cb) as u32))
            });
            if let Some(range) = range {
                if out.len() >= MAX_SHEET_CELLS as usize {
                    return Err(too_large(file, "the sheet merges more ranges than it could hold cells"));
                }
                out.push(range);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Read the sheet's XML within its limit, handing every element's opening (or empty) tag to
    /// `on`: the passes that look for one kind of element (merged ranges, hidden rows and columns).
    fn each_start(&self, file: &str, mut on: impl FnMut(&BytesStart) -> Result<(), Error>) -> Result<(), Error> {
        let mut archive = self.archive.clone();
        let (mut r, hit) = self.limited_xml(&mut archive, file)?;
        let mut buf = Vec::new();
        loop {
            let ev = match r.read_event_into(&mut buf) {
                Ok(ev) => ev,
                Err(e) if hit.get() => return Err(too_large(file, format!("the sheet inflates to more than {} MiB ({e})", MAX_SHEET_XML_BYTES >> 20))),
                Err(e) => return Err(xml_error(file, &self.path, e)),
            };
            match ev {
                Event::Start(e) | Event::Empty(e) => on(&e)?,
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        Ok(())
    }

    fn start_cell(&self, e: &BytesStart, width: usize, file: &str, row_no: usize) -> Result<Current, Error> {
        let col = match attr(e, b"r") {
            Some(r) => column_of(&r).ok_or_else(|| bad(file, format!("row {row_no} has a cell named \"{r}\", which is not a cell reference")))?,
            None => width,
        };
        if col >= MAX_COLUMNS {
            return Err(too_large(file, format!("row {row_no} has a cell past column XFD, the last a sheet can have")));
        }
        Ok(Current { col, kind: attr(e, b"t").unwrap_or_default(), style: attr(e, b"s").and_then(|v| v.parse().ok()).unwrap_or(0), ..Current::default() })
    }

    /// The cell's text and whether it is a typed number; `None` for an empty cell.
    fn finish_cell(&self, cur: &mut Current, file: &str, row_no: usize) -> Result<Option<(String, bool)>, Error> {
        let name = || format!("{}{row_no}", column_name(cur.col));
        if let Some(f) = &cur.formula {
            if !cur.saw_value && cur.kind != "inlineStr" {
                let shown: String = f.chars().take(80).collect();
                let mut e = Error::new(
                    "formula_not_calculated",
                    format!(
                        "the cell holds a formula (={shown}) whose result was never saved; open the file in a spreadsheet, let it calculate and save it again"
                    ),
                )
                .in_file(file)
                .at_row(None, row_no);
                e.path = Some(name());
                return Err(e);
            }
        }
        let value = std::mem::take(&mut cur.value);
        Ok(match cur.kind.as_str() {
            "s" => {
                let i: usize = value.trim().parse().map_err(|_| bad(file, format!("cell {} points at shared string \"{value}\"", name())))?;
                let s = self.strings.get(i).ok_or_else(|| bad(file, format!("cell {} points at shared string {i}, which the workbook lacks", name())))?;
                Some((s.to_string(), false))
            }
            "inlineStr" => Some((std::mem::take(&mut cur.inline), false)),
            "str" | "e" | "d" => Some((value, false)),
            "b" => Some((if value.trim() == "1" { "TRUE".into() } else { "FALSE".into() }, false)),
            _ if value.is_empty() => None,
            _ => {
                let date = self.date_styles.get(cur.style).copied().unwrap_or(false);
                match value.trim().parse::<f64>().ok().filter(|_| date).and_then(|v| serial_date(v, self.date1904)) {
                    Some(d) => Some((d.format("%Y-%m-%d").to_string(), false)),
                    None => Some((as_shown(&value), true)),
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::parts::is_date_format;
    use super::*;

    #[test]
    fn cell_references_and_names() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("AB12"), Some(27));
        assert_eq!(column_of("XFD1048576"), Some(16_383));
        assert_eq!(column_of("ZZZZZZZZZZZZZZZZZZZZ1").map(|c| c >= MAX_COLUMNS), Some(true));
        assert_eq!(column_of("12"), None);
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(16_383), "XFD");
    }

    #[test]
    fn stored_numbers_as_shown() {
        assert_eq!(as_shown("19560.520000000001"), "19560.52");
        assert_eq!(as_shown("0.0007000000000000001"), "0.0007");
        assert_eq!(as_shown("1143951"), "1143951");
        assert_eq!(as_shown("1E+300"), "1E+300", "too large for a decimal: left for the number reader to refuse");
    }

    #[test]
    fn date_serials_and_formats() {
        assert_eq!(serial_date(45658.0, false), NaiveDate::from_ymd_opt(2025, 1, 1));
        assert_eq!(serial_date(45658.75, false), NaiveDate::from_ymd_opt(2025, 1, 1));
        assert_eq!(serial_date(1.0, false), NaiveDate::from_ymd_opt(1900, 1, 1));
        assert_eq!(serial_date(0.0, true), None);
        assert_eq!(serial_date(f64::NAN, false), None);
        assert_eq!(serial_day(44_074.0, true), NaiveDate::from_ymd_opt(2024, 9, 1), "1904 counts 1,462 days fewer");
        assert_eq!(serial_day(45_536.0, false), NaiveDate::from_ymd_opt(2024, 9, 1));
        assert_eq!(serial_day(20_250_901.0, false), NaiveDate::from_ymd_opt(2025, 9, 1), "yyyymmdd stored as a number");
        assert_eq!(serial_day(20_250_231.0, false), None);
        assert!(is_date_format("yyyy-mm-dd"));
        assert!(is_date_format("[$-409]d-mmm-yy;@"));
        assert!(!is_date_format("#,##0.00\" days\""));
        assert!(!is_date_format("0.00%"));
    }
}
