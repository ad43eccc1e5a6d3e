//! Reading the reports planners download from ad platforms into actuals rows.
//!
//! Planners do not type delivery numbers; they download them. Each platform's file has its own
//! quirks (title and date-range rows above the header, `Total:` rows, UTF-16 tab-separated
//! "Excel .csv", BOMs, ` --` blanks, thousands separators, percent signs, CRLF, ad-set rows to
//! roll up), so this crate turns CSV or XLSX bytes into clean [`ImportRow`]s and leaves
//! matching them to plan lines to the pure core (`flightplan_core::actuals`).
//!
//! Parsing is all or nothing: the first malformed row fails the whole file with its line number
//! and the reason, so a planner never imports half a report.

mod cells;
mod layout;
mod table;
mod text;
mod xlsx;

pub use layout::{ColumnMapping, Platform};
pub use table::{read_table, read_workbook, Sheet, Table};

use flightplan_core::actuals::ImportRow;
use flightplan_core::plan::Period;
use flightplan_core::Error;
use layout::Columns;
use serde::Serialize;

/// A row of a file as cells, with its 1-based line number in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A line of the file that was not data, and why (title rows, platform totals, blanks).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

/// A parsed report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub platform: Platform,
    /// `UTF-8`, `UTF-16LE`, ... or `xlsx`.
    pub encoding: String,
    pub header_line: usize,
    /// The currency the file states (header or column), if any.
    pub currency: Option<String>,
    pub rows: Vec<ImportRow>,
    pub skipped: Vec<Skipped>,
}

/// How many rows from the top a header may be found in.
const HEADER_SEARCH: usize = 30;

/// Parse a report. `file` names the file in messages. `platform` `None` detects it from the
/// header; a mapping that maps columns forces [`Platform::Mapped`].
pub fn parse(bytes: &[u8], file: &str, platform: Option<Platform>, mapping: &ColumnMapping) -> Result<Report, Error> {
    let (records, encoding, decimal_comma) = if xlsx::is_xlsx(bytes) {
        (xlsx::records(bytes, file)?, "xlsx".to_string(), false)
    } else {
        let (text, enc) = text::decode(bytes);
        // One line end, so the CSV reader's line numbers are the file's.
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let delim = text::delimiter(&text);
        (csv_records(&text, delim, file)?, enc.to_string(), delim == b';')
    };
    parse_records(&records, file, platform, mapping, encoding, decimal_comma)
}

fn fail(code: &str, file: &str, line: usize, msg: impl Into<String>) -> Error {
    Error {
        code: code.to_string(),
        message: format!("{file}, line {line}: {}", msg.into()),
        path: Some(file.to_string()),
        line: None,
    }
}

fn csv_records(text: &str, delim: u8, file: &str) -> Result<Vec<Record>, Error> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
            fail("bad_csv", file, line, format!("not readable as CSV ({e})"))
        })?;
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(out.len() + 1);
        out.push(Record { line, cells: rec.iter().map(|c| c.trim_start_matches('\u{feff}').to_string()).collect() });
    }
    Ok(out)
}

fn is_total(cells: &[String]) -> bool {
    cells.iter().any(|c| {
        let c = c.trim().to_lowercase();
        c.starts_with("total:")
            || c.strip_prefix("total of ").is_some_and(|r| r.starts_with(|ch: char| ch.is_ascii_digit()))
            || c == "total"
    })
}

/// Parse rows already split into cells (CSV or a sheet).
pub fn parse_records(
    records: &[Record],
    file: &str,
    platform: Option<Platform>,
    mapping: &ColumnMapping,
    encoding: String,
    decimal_comma: bool,
) -> Result<Report, Error> {
    let forced = if mapping.maps_columns() { Some(Platform::Mapped) } else { platform };
    let mut found: Option<(usize, Platform, Columns)> = None;
    for (i, r) in records.iter().take(HEADER_SEARCH).enumerate() {
        let p = match forced {
            Some(p) => p,
            None => match layout::detect(&r.cells) {
                Some(p) => p,
                None => continue,
            },
        };
        if let Some(cols) = layout::columns(&r.cells, p, mapping) {
            found = Some((i, p, cols));
            break;
        }
    }
    let Some((hi, platform, cols)) = found else {
        let want = match forced {
            Some(Platform::Mapped) => "the mapped date, campaign and spend columns".to_string(),
            Some(p) => format!("a {} report header (date, campaign and spend columns)", p.name()),
            None => "a Meta, Google Ads or TikTok report header; give --platform or a column mapping".to_string(),
        };
        return Err(fail("no_header", file, records.first().map(|r| r.line).unwrap_or(1), format!("no header row found: expected {want}")));
    };
    let header = &records[hi];
    let mut skipped: Vec<Skipped> =
        records[..hi].iter().map(|r| Skipped { line: r.line, reason: "above the header (title or date range)".into() }).collect();
    let mut rows = Vec::new();
    let width = header.cells.len();
    for r in &records[hi + 1..] {
        if r.cells.iter().all(|c| c.trim().is_empty()) {
            skipped.push(Skipped { line: r.line, reason: "blank".into() });
            continue;
        }
        if is_total(&r.cells) {
            skipped.push(Skipped { line: r.line, reason: "platform total row".into() });
            continue;
        }
        if r.cells.len() != width {
            return Err(fail(
                "bad_row",
                file,
                r.line,
                format!("the row has {} fields but the header (line {}) has {width}", r.cells.len(), header.line),
            ));
        }
        rows.push(row(r, &header.cells, &cols, file, decimal_comma)?);
    }
    let currency = cols.header_currency.clone().or_else(|| rows.iter().find_map(|r: &ImportRow| r.currency.clone()));
    Ok(Report { platform, encoding, header_line: header.line, currency, rows, skipped })
}

fn row(r: &Record, header: &[String], c: &Columns, file: &str, dc: bool) -> Result<ImportRow, Error> {
    let cell = |i: usize| r.cells.get(i).map(String::as_str).unwrap_or("");
    let num = |i: Option<usize>| -> Result<Option<rust_decimal::Decimal>, Error> {
        let Some(i) = i else { return Ok(None) };
        // A measure column that is present but blank means none that day (Meta leaves Results
        // empty when there were none).
        cells::number(cell(i), dc)
            .map(|v| Some(v.unwrap_or_default()))
            .map_err(|m| fail("bad_number", file, r.line, format!("column \"{}\": {m}", header[i])))
    };
    let campaign = cell(c.campaign).trim().to_string();
    if campaign.is_empty() || cells::is_blank(&campaign) {
        return Err(fail("bad_row", file, r.line, format!("column \"{}\" is empty: every row needs a campaign", header[c.campaign])));
    }
    let date = cells::date(cell(c.date)).map_err(|m| fail("bad_date", file, r.line, format!("column \"{}\": {m}", header[c.date])))?;
    let mut period = c.period;
    if let Some(e) = c.date_end {
        let end = cells::date(cell(e)).map_err(|m| fail("bad_date", file, r.line, format!("column \"{}\": {m}", header[e])))?;
        period = match (end - date).num_days() {
            0 => Period::Day,
            6 => Period::Week,
            n => {
                return Err(fail(
                    "bad_period",
                    file,
                    r.line,
                    format!("the row covers {} days ({date} to {end}); export the report by day or by week", n + 1),
                ))
            }
        };
    }
    let spend = cells::number(cell(c.spend), dc)
        .map_err(|m| fail("bad_number", file, r.line, format!("column \"{}\": {m}", header[c.spend])))?
        .unwrap_or_default();
    let currency = match c.currency.map(|i| cell(i).trim()).filter(|s| !cells::is_blank(s)) {
        Some(code) => Some(code.to_ascii_uppercase()),
        None => c.header_currency.clone(),
    };
    Ok(ImportRow {
        file_line: r.line,
        campaign,
        date,
        period,
        spend,
        impressions: num(c.impressions)?,
        clicks: num(c.clicks)?,
        conversions: num(c.conversions)?,
        revenue: num(c.revenue)?,
        currency,
    })
}
