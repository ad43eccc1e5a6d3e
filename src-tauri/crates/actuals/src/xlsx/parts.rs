//! The parts of a workbook around its sheets, each inflated within its limit: the archive
//! itself (its entry count read from the end record before anything is allocated), the
//! workbook's list of sheets and date system, their relationships, the shared strings and which
//! cell styles show dates. A ZIP that holds no workbook is told apart here.

use crate::limits::{MAX_CELL_CHARS, MAX_PART_XML_BYTES, MAX_XLSX_ENTRIES};
use crate::Error;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::cell::Cell as Flag;
use std::io::{Cursor, Read};
use std::rc::Rc;
use zip::ZipArchive;

/// Shared strings a workbook may hold.
const MAX_SHARED_STRINGS: usize = 5_000_000;

/// A sheet as the workbook lists it.
pub(super) struct Listed {
    pub(super) name: String,
    pub(super) rid: Option<String>,
    pub(super) hidden: bool,
}

/// Shared strings, in one buffer.
#[derive(Default)]
pub(super) struct Strings {
    text: String,
    spans: Vec<(usize, usize)>,
}

impl Strings {
    pub(super) fn get(&self, i: usize) -> Option<&str> {
        let (a, b) = *self.spans.get(i)?;
        self.text.get(a..b)
    }
}

pub(super) fn bad(file: &str, m: impl std::fmt::Display) -> Error {
    Error::new("bad_xlsx", m.to_string()).in_file(file)
}

pub(super) fn too_large(file: &str, m: impl std::fmt::Display) -> Error {
    Error::new("too_large", m.to_string()).in_file(file)
}
/// The archive within its entry limit, its sheets as listed, and its date system.
pub(super) fn open_archive<'a>(bytes: &'a [u8], file: &str) -> Result<(ZipArchive<Cursor<&'a [u8]>>, Vec<Listed>, bool), Error> {
    if let Some(n) = declared_entries(bytes) {
        if n > MAX_XLSX_ENTRIES {
            return Err(too_large(file, format!("the workbook holds {n} parts; a report has a few dozen (at most {MAX_XLSX_ENTRIES} are read)")));
        }
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(file, format!("not a readable workbook: the file may be cut short or damaged, download it again ({e})")))?;
    if archive.len() > MAX_XLSX_ENTRIES {
        return Err(too_large(file, format!("the workbook holds {} parts; at most {MAX_XLSX_ENTRIES} are read", archive.len())));
    }
    not_a_workbook(&archive, file)?;
    let (listed, date1904) = match part(&mut archive, "xl/workbook.xml", file)? {
        Some(xml) => workbook(&xml, file)?,
        None => (Vec::new(), false),
    };
    Ok((archive, listed, date1904))
}

/// A ZIP that is not a workbook (no `xl/` part): an archive of CSVs, an OpenDocument file.
fn not_a_workbook(archive: &ZipArchive<Cursor<&[u8]>>, file: &str) -> Result<(), Error> {
    let has = |name: &str| archive.file_names().any(|n| n.eq_ignore_ascii_case(name));
    if archive.file_names().any(|n| n.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("xl/"))) {
        return Ok(());
    }
    let message = if has("mimetype") && has("content.xml") {
        "this is an OpenDocument file (.ods), not an .xlsx workbook: save it as .xlsx or .csv".to_string()
    } else {
        let mut names: Vec<String> = archive.file_names().filter(|n| !n.ends_with('/')).take(3).map(|n| format!("\"{}\"", crate::cells::shorten(n))).collect();
        if archive.len() > names.len() && !names.is_empty() {
            names.push("…".into());
        }
        let holds = if names.is_empty() { "nothing".to_string() } else { names.join(", ") };
        format!("this is a ZIP archive, not an .xlsx workbook (it holds {holds}): extract it and import the report inside")
    };
    Err(Error::new("not_a_report", message).in_file(file))
}

/// The workbook's shared strings and which styles are dates.
pub(super) fn shared_parts(archive: &mut ZipArchive<Cursor<&[u8]>>, file: &str) -> Result<(Rc<Strings>, Rc<Vec<bool>>), Error> {
    let strings = match part(archive, "xl/sharedStrings.xml", file)? {
        Some(xml) => shared_strings(&xml, file)?,
        None => Strings::default(),
    };
    let date_styles = match part(archive, "xl/styles.xml", file)? {
        Some(xml) => styles(&xml, file)?,
        None => Vec::new(),
    };
    Ok((Rc::new(strings), Rc::new(date_styles)))
}

/// The entry count an archive's end record declares, if it can be found (before anything is
/// allocated for them).
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    let tail_from = bytes.len().saturating_sub(22 + 65_535);
    let tail = bytes.get(tail_from..)?;
    let at = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let n = tail.get(at + 10..at + 12)?;
    let n = u16::from_le_bytes([n[0], n[1]]) as usize;
    // 0xFFFF defers to a ZIP64 record: far more than any workbook.
    Some(if n == 0xFFFF { usize::MAX } else { n })
}

/// Counts the bytes an entry inflates to and stops past the limit.
pub(super) struct Limited<R> {
    pub(super) inner: R,
    pub(super) left: u64,
    pub(super) hit: Rc<Flag<bool>>,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            // One byte more than allowed means the part is too large.
            let mut probe = [0u8; 1];
            if self.inner.read(&mut probe)? > 0 {
                self.hit.set(true);
                return Err(std::io::Error::other("part too large"));
            }
            return Ok(0);
        }
        let max = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..max])?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// Find an entry by name, exactly or ignoring case (some writers capitalise).
pub(super) fn entry_name(archive: &ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    if archive.index_for_name(name).is_some() {
        return Some(name.to_string());
    }
    archive.file_names().find(|n| n.eq_ignore_ascii_case(name)).map(str::to_string)
}

/// A small part (workbook, relationships, shared strings, styles) inflated, within its limit.
pub(super) fn part(archive: &mut ZipArchive<Cursor<&[u8]>>, name: &str, file: &str) -> Result<Option<Vec<u8>>, Error> {
    let Some(name) = entry_name(archive, name) else { return Ok(None) };
    let entry = archive.by_name(&name).map_err(|e| bad(file, format!("{name} is not readable ({e})")))?;
    let hit = Rc::new(Flag::new(false));
    let mut r = Limited { inner: entry, left: MAX_PART_XML_BYTES, hit: hit.clone() };
    let mut out = Vec::new();
    if let Err(e) = r.read_to_end(&mut out) {
        if hit.get() {
            return Err(too_large(file, format!("{name} inflates to more than {} MiB", MAX_PART_XML_BYTES >> 20)));
        }
        return Err(bad(file, format!("{name} is not readable ({e})")));
    }
    Ok(Some(out))
}

pub(super) fn xml_error(file: &str, what: &str, e: impl std::fmt::Display) -> Error {
    bad(file, format!("{what} is not well-formed XML ({e})"))
}

pub(super) fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == key).and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// The sheets the workbook lists (name, relationship id, hidden), and whether dates count from
/// 1904.
fn workbook(xml: &[u8], file: &str) -> Result<(Vec<Listed>, bool), Error> {
    let mut r = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let (mut listed, mut date1904) = (Vec::new(), false);
    loop {
        match r.read_event_into(&mut buf).map_err(|e| xml_error(file, "xl/workbook.xml", e))? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"workbookPr" => date1904 = matches!(attr(&e, b"date1904").as_deref(), Some("1" | "true")),
                b"sheet" if listed.len() < MAX_XLSX_ENTRIES => listed.push(Listed {
                    name: attr(&e, b"name").unwrap_or_default(),
                    rid: attr(&e, b"id"),
                    hidden: matches!(attr(&e, b"state").as_deref(), Some("hidden" | "veryHidden")),
                }),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok((listed, date1904))
}

pub(super) fn relationship_target(xml: &[u8], rid: &str, file: &str) -> Result<Option<String>, Error> {
    let mut r = Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match r.read_event_into(&mut buf).map_err(|e| xml_error(file, "xl/_rels/workbook.xml.rels", e))? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" && attr(&e, b"Id").as_deref() == Some(rid) => {
                return Ok(attr(&e, b"Target").map(|t| match t.strip_prefix('/') {
                    Some(abs) => abs.to_string(),
                    None => format!("xl/{}", t.trim_start_matches("./")),
                }));
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
        buf.clear();
    }
}

pub(super) fn text_of(e: &quick_xml::events::BytesText, file: &str) -> Result<String, Error> {
    e.unescape().map(|t| t.into_owned()).map_err(|e| xml_error(file, "a text", e))
}

/// Shared strings: each `<si>`'s text runs joined (phonetic guides left out).
fn shared_strings(xml: &[u8], file: &str) -> Result<Strings, Error> {
    let mut r = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut s = Strings::default();
    let (mut in_si, mut in_t, mut in_phonetic) = (false, false, 0usize);
    let mut start = 0usize;
    loop {
        match r.read_event_into(&mut buf).map_err(|e| xml_error(file, "xl/sharedStrings.xml", e))? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"si" => {
                    in_si = true;
                    start = s.text.len();
                }
                b"t" => in_t = true,
                b"rPh" => in_phonetic += 1,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == b"si" => {
                s.spans.push((s.text.len(), s.text.len()));
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"si" => {
                    in_si = false;
                    if s.spans.len() >= MAX_SHARED_STRINGS {
                        return Err(too_large(file, format!("the workbook has more than {MAX_SHARED_STRINGS} shared strings")));
                    }
                    s.spans.push((start, s.text.len()));
                }
                b"t" => in_t = false,
                b"rPh" => in_phonetic = in_phonetic.saturating_sub(1),
                _ => {}
            },
            Event::Text(e) if in_si && in_t && in_phonetic == 0 => {
                s.text.push_str(&text_of(&e, file)?);
                if s.text.len() - start > MAX_CELL_CHARS * 4 || s.text[start..].chars().count() > MAX_CELL_CHARS {
                    return Err(too_large(file, format!("shared string {} is longer than the {MAX_CELL_CHARS} characters a cell can hold", s.spans.len() + 1)));
                }
            }
            Event::CData(e) if in_si && in_t && in_phonetic == 0 => {
                s.text.push_str(&String::from_utf8_lossy(&e));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(s)
}

/// Whether each cell style (`cellXfs`) shows a date.
fn styles(xml: &[u8], file: &str) -> Result<Vec<bool>, Error> {
    let mut r = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut custom: Vec<(u32, bool)> = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    let mut in_xfs = false;
    loop {
        match r.read_event_into(&mut buf).map_err(|e| xml_error(file, "xl/styles.xml", e))? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"numFmt" => {
                    if let (Some(id), Some(code)) = (attr(&e, b"numFmtId").and_then(|v| v.parse().ok()), attr(&e, b"formatCode")) {
                        custom.push((id, is_date_format(&code)));
                    }
                }
                b"cellXfs" => in_xfs = true,
                b"xf" if in_xfs => ids.push(attr(&e, b"numFmtId").and_then(|v| v.parse().ok()).unwrap_or(0)),
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"cellXfs" => in_xfs = false,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(ids
        .into_iter()
        .map(|id| match custom.iter().find(|(c, _)| *c == id) {
            Some((_, date)) => *date,
            None => matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58),
        })
        .collect())
}

/// A number format shows a date when, outside quoted text and `[...]` codes, it has a day or
/// year part.
pub(super) fn is_date_format(code: &str) -> bool {
    let (mut quoted, mut bracket) = (false, false);
    for ch in code.chars() {
        match ch {
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            'd' | 'D' | 'y' | 'Y' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}
