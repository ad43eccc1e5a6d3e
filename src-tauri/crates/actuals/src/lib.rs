//! Reading the reports planners download from ad platforms into actuals rows.
//!
//! Planners do not type delivery numbers; they download them, from any platform, in the
//! language their account is set to, at whatever level and for whatever period they chose. This
//! crate turns those CSV or XLSX bytes into clean [`ImportRow`]s and leaves matching them to
//! plan lines to the pure core (`flightplan_core::actuals`):
//! - which platform and language wrote the file: the header row is scored against a catalogue
//!   of dialects that is data (`data/dialects.csv`), or read through a saved [`ColumnMapping`];
//! - the layouts platforms really produce: title and preamble lines, total and summary rows of
//!   every kind, notes and footers, quoted line breaks, `="…"` cells, `--` blanks, duplicate
//!   column names, UTF-16 "Excel .csv", BOMs;
//! - numbers, money and dates in the file's own locale (`1.683,00`, `R$ 12,28`,
//!   `ter., 5 de mai. de 2026`), the decimal separator and day order learnt from the file itself
//!   (the day order from the strongest evidence there is, `order`, or given by the planner);
//! - periods: a row's own dates (a day, a week, a month, Meta's Reporting starts to ends), else
//!   the range the title lines state, else the period the caller gives, else an error asking
//!   for it;
//! - what was read: [`Totals`] of every data row, and [`Warning`]s (e.g. the file's own total
//!   row disagreeing with its rows).
//!
//! Parsing is all or nothing: the first malformed row fails the whole file with its line number
//! and the reason, so a planner never imports half a report. No file can take unbounded memory
//! or time: the limits are in [`limits`] (docs/reports.md).

mod cells;
mod dates;
mod dialects;
mod header;
mod layout;
pub mod limits;
mod order;
mod repeats;
mod report;
mod results;
mod sheets;
mod sniff;
mod table;
mod text;
mod title;
mod totals;
mod xlsx;

pub use dialects::Dialect;
pub use layout::{ColumnMapping, Platform};
pub use sheets::{read_table, read_workbook, Record, Sheet, Table, MAX_HELD_CELLS};
pub use totals::Totals;
pub use xlsx::Hidden;

use chrono::NaiveDate;
use flightplan_core::actuals::ImportRow;
pub use flightplan_core::paste::DateOrder;
use flightplan_core::Error;
use serde::Serialize;

/// A line of the file that was not data, and why (title rows, platform totals, blanks, notes).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

/// Something the planner should know about the file that does not stop the import.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    /// The file line it is about, if one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub message: String,
}

/// A range of days, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateRange {
    #[serde(with = "flightplan_core::date")]
    pub start: NaiveDate,
    #[serde(with = "flightplan_core::date")]
    pub end: NaiveDate,
}

impl DateRange {
    /// Parse `2025-01-01..2025-12-31` (the CLI's `--period`, the preview's date-range picker).
    pub fn parse(s: &str) -> Result<DateRange, Error> {
        let bad = |m: String| Error::new("bad_period", m);
        let (a, b) = s.split_once("..").ok_or_else(|| bad(format!("\"{s}\" is not a period: write it as 2025-01-01..2025-12-31")))?;
        let start = flightplan_core::date::parse(a.trim()).map_err(bad)?;
        let end = flightplan_core::date::parse(b.trim()).map_err(bad)?;
        if end < start {
            return Err(bad(format!("the period ends ({end}) before it starts ({start})")));
        }
        if (end - start).num_days() >= flightplan_core::plan::MAX_ACTUAL_DAYS {
            return Err(bad(format!("the period {start} to {end} is longer than ten years")));
        }
        Ok(DateRange { start, end })
    }
}

/// How to read a report.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The platform, when the planner said; `None` detects it from the header.
    pub platform: Option<Platform>,
    /// A saved column mapping; one that maps columns reads the file as [`Platform::Mapped`].
    pub mapping: ColumnMapping,
    /// The period a report without a date column covers, when the planner gave it.
    pub period: Option<DateRange>,
    /// Whether the file's numeric dates put the day or the month first, when the planner said
    /// (`--dates dmy|mdy`); `None`, `YearFirst` and `Unknown` learn it from the file.
    pub date_order: Option<DateOrder>,
}

/// A parsed report: everything the import preview shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub platform: Platform,
    /// The dialect the header was recognised as (platform and language); none for a mapped file.
    pub dialect: Option<Dialect>,
    /// `UTF-8`, `UTF-16LE`, ... or `xlsx`.
    pub encoding: String,
    /// The header's line (0 when the file has no table).
    pub header_line: usize,
    /// The currency the file states (header, column or amounts), if any.
    pub currency: Option<String>,
    /// The days the report covers: its title's range, the period given, or its rows' span.
    pub period: Option<DateRange>,
    pub rows: Vec<ImportRow>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<Warning>,
    /// Sums of every data row read, matched to a line or not.
    pub totals: Totals,
    /// How numeric dates were read, when some read two ways; none when every date reads one way.
    pub dates: Option<DatesRead>,
}

/// How a report's numeric dates were read where some of them read two ways (`01/09/2025`): a
/// wrong reading imports without a single error, so the preview says which order was used, on
/// what evidence, and offers the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatesRead {
    /// `DayFirst` or `MonthFirst`.
    pub order: DateOrder,
    /// A date of the file that reads two ways, as written.
    pub example: String,
    /// The example read in `order`.
    pub read_as: NaiveDate,
    /// The example read the other way.
    pub otherwise: NaiveDate,
    /// What settled the order.
    pub basis: DatesBasis,
}

/// The evidence a file's date order rests on, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DatesBasis {
    /// The planner said (`--dates`, the preview's choice).
    Given,
    /// A date with a part over 12 (`13/09/2025`).
    Proven,
    /// The dates' own run: consecutive days one way, months apart the other.
    Shape,
    /// The range in the report's title or file name.
    Title,
    /// A habit of the file (a decimal comma, `;`, the header's language): not proof, so warned.
    Habit,
}

/// Read a report. `file` names the file in messages (and may state a period, as TikTok's
/// export names do).
pub fn read_report(bytes: &[u8], file: &str, options: &ReadOptions) -> Result<Report, Error> {
    report::read(bytes, file, options)
}

/// [`read_report`] with a platform and mapping and no period (the older entry point).
pub fn parse(bytes: &[u8], file: &str, platform: Option<Platform>, mapping: &ColumnMapping) -> Result<Report, Error> {
    read_report(bytes, file, &ReadOptions { platform, mapping: mapping.clone(), ..ReadOptions::default() })
}

/// An error about a line of the file.
pub(crate) fn fail(code: &str, file: &str, line: usize, msg: impl Into<String>) -> Error {
    Error::new(code, msg).in_file(file).at_row(None, line)
}
