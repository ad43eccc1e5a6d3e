//! Reading a report: find its header and dialect, learn its number and date style, then turn
//! each data row into an [`ImportRow`], skipping title, total, summary and note rows, and
//! summing what was read.

use crate::cells::{is_blank, number, Decimals, Evidence};
use crate::dates::{self, DateStyle, Order};
use crate::header;
use crate::layout::{Columns, DateKind, Platform};
use crate::limits::{MAX_DATA_ROWS, MAX_REPORT_BYTES, MAX_SKIPPED_LISTED};
use crate::order::{self, DateCells, DateColumns, Habits};
use crate::repeats::Repeats;
use crate::results;
use crate::table::{Flow, Row, Table};
use crate::title::{Stated, Title};
use crate::totals::{self, compare, Label, TotalRow, Totals};
use crate::{fail, text, xlsx, DateRange, ReadOptions, Report, Skipped, Warning};
use chrono::{Days, NaiveDate};
use flightplan_core::actuals::ImportRow;
use flightplan_core::paste::DateOrder;
use flightplan_core::plan::MAX_ACTUAL_DAYS;
use flightplan_core::Dec;
use flightplan_core::Error;
use rust_decimal::Decimal;

/// Read a report's bytes.
pub fn read(bytes: &[u8], file: &str, opts: &ReadOptions) -> Result<Report, Error> {
    if bytes.len() > MAX_REPORT_BYTES {
        return Err(Error::new(
            "too_large",
            format!("the file is {} MiB; reports of up to {} MiB are read (export a shorter period)", bytes.len() >> 20, MAX_REPORT_BYTES >> 20),
        )
        .in_file(file));
    }
    crate::sniff::refuse_binary(bytes, file)?;
    let forced = if opts.mapping.maps_columns() { Some(Platform::Mapped) } else { opts.platform };
    if !xlsx::is_xlsx(bytes) {
        let (text, enc) = text::decode(bytes);
        let delimiter = text::delimiter(&text);
        let table = Table::Csv { text, delimiter };
        let searched = header::search(&table, file, forced, &opts.mapping)?;
        if searched.found.is_none() {
            return header::no_table(&[(None, searched)], file, forced, enc.to_string());
        }
        return read_table(&table, searched, Format { file, encoding: enc.to_string(), semicolons: delimiter == b';' }, opts, Vec::new());
    }
    // A workbook: its first visible sheet with a header, else any other sheet with one.
    let mut sheets = xlsx::sheets(bytes, file)?;
    sheets.sort_by_key(|s| s.hidden);
    let mut tried: Vec<(Option<String>, header::Searched)> = Vec::new();
    let mut failed: Option<Error> = None;
    for xlsx::Named { name, sheet, .. } in sheets {
        let table = Table::Sheet(sheet);
        match header::search(&table, file, forced, &opts.mapping) {
            Ok(searched) if searched.found.is_some() => {
                let notes = if tried.is_empty() {
                    Vec::new()
                } else {
                    let passed: Vec<String> = tried.iter().filter_map(|(n, _)| n.as_ref().map(|n| format!("\"{}\"", crate::cells::shorten(n)))).collect();
                    vec![Warning {
                        line: None,
                        message: format!(
                            "the report was read from the sheet \"{}\": the sheets before it ({}) have no report header",
                            crate::cells::shorten(&name),
                            passed.join(", ")
                        ),
                    }]
                };
                return read_table(&table, searched, Format { file, encoding: "xlsx".into(), semicolons: false }, opts, notes).map_err(|mut e| {
                    e.sheet.get_or_insert(name);
                    e
                });
            }
            Ok(searched) => tried.push((Some(name), searched)),
            // A sheet that cannot be read may not be the report: the others are looked at.
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
    }
    if let Some(e) = failed {
        return Err(e);
    }
    header::no_table(&tried, file, forced, "xlsx".into())
}

/// How the file was written: its name, encoding and delimiter.
struct Format<'f> {
    file: &'f str,
    encoding: String,
    semicolons: bool,
}

/// Read a table whose header was found.
fn read_table(table: &Table, searched: header::Searched, format: Format, opts: &ReadOptions, notes: Vec<Warning>) -> Result<Report, Error> {
    let Format { file, encoding, semicolons } = format;
    let header::Searched { top, found, .. } = searched;
    let Some((hi, dialect, cols)) = found else {
        return Err(Error::new("internal", "a table was read without its header").in_file(file));
    };
    let platform = dialect.as_ref().map(|d| d.platform).unwrap_or(Platform::Mapped);
    let language = dialect.as_ref().map(|d| d.language.clone()).unwrap_or_else(|| "en".into());
    let (header_line, header) = (top[hi].0, top[hi].1.clone());
    let mut reader = Reader::new(file, &header, cols, &language, table.date1904());
    reader.warnings.extend(notes);
    reader.note_duplicates(&header);
    // Title lines above the header: skipped, and read for the period they state once the
    // file's date order is known.
    let mut title = Title::default();
    for (line, cells) in &top[..hi] {
        reader.skip(*line, "above the header (title or date range)");
        title.add(&cells.join(" "));
    }
    drop(top);
    // Learn the file's number and date style from its own data, then read it.
    // The look stops once both are settled (after a thousand rows at least): a decimal
    // separator seen, and a day or month first seen unless every date so far was unambiguous.
    let mut evidence = Evidence::default();
    let mut date_cells = DateCells::default();
    let mut seen = 0usize;
    walk_data(table, file, header_line, &mut |row| {
        for i in reader.cols.numbers() {
            if !row.typed_number(i) {
                evidence.see(row.get(i));
            }
        }
        for i in [reader.cols.date.map(|(i, _)| i), reader.cols.end].into_iter().flatten() {
            if !row.typed_number(i) {
                date_cells.see(row.get(i));
            }
        }
        seen += 1;
        let settled = evidence.settled() && date_cells.settled();
        Ok(if seen >= 1000 && settled { Flow::Stop } else { Flow::Go })
    })?;
    let fallback = if semicolons || !matches!(language.as_str(), "en" | "ja") { Decimals::Comma } else { Decimals::Dot };
    reader.decimals = evidence.decide(fallback);
    let habits = Habits { language: &language, semicolons, decimal_comma: evidence.decide(Decimals::Dot) == Decimals::Comma };
    let given = opts.date_order.and_then(|o| match o {
        DateOrder::DayFirst => Some(Order::DayMonth),
        DateOrder::MonthFirst => Some(Order::MonthDay),
        DateOrder::YearFirst | DateOrder::Unknown => None,
    });
    let decided =
        order::decide(given, &date_cells, DateColumns { kind: reader.cols.date.map(|(_, k)| k), ranged: reader.cols.end.is_some() }, &title, file, &habits);
    drop(date_cells);
    reader.date_style = decided.style;
    reader.warnings.extend(decided.warning.map(|message| Warning { line: None, message }));
    let dates = decided.read;
    let title = title.read(file, reader.date_style);
    walk_data(table, file, header_line, &mut |row| reader.row(row).map(|()| Flow::Go))?;
    reader.finish(
        Report {
            platform,
            dialect,
            encoding,
            header_line,
            currency: None,
            period: None,
            rows: Vec::new(),
            skipped: Vec::new(),
            warnings: Vec::new(),
            totals: Totals::default(),
            dates,
        },
        opts,
        &title,
    )
}

/// Walk the rows after the header line, until `f` says stop.
fn walk_data(table: &Table, file: &str, header_line: usize, f: &mut dyn FnMut(&Row) -> Result<Flow, Error>) -> Result<(), Error> {
    let mut past = false;
    table.each(file, &mut |row| {
        if past {
            return f(row);
        }
        past = row.line == header_line;
        Ok(Flow::Go)
    })
}

/// Reads data rows into import rows.
struct Reader<'h> {
    file: &'h str,
    header: &'h [String],
    cols: Columns,
    decimals: Decimals,
    date_style: DateStyle,
    width: usize,
    rows: Vec<ImportRow>,
    skipped: Vec<Skipped>,
    more_skipped: usize,
    warnings: Vec<Warning>,
    totals: Totals,
    total_row: Option<TotalRow>,
    row_currency: Option<String>,
    /// Typed date serials count from 1904 (a workbook's setting).
    date1904: bool,
    repeats: Repeats,
    /// Meta Results that are not conversions (reach, clicks), by their result indicator.
    left_out: results::LeftOut,
}

impl<'h> Reader<'h> {
    fn new(file: &'h str, header: &'h [String], cols: Columns, language: &str, date1904: bool) -> Reader<'h> {
        let totals = Totals::with(cols.impressions.is_some(), cols.clicks.is_some(), cols.conversions.is_some());
        Reader {
            file,
            header,
            decimals: Decimals::Dot,
            date_style: DateStyle::for_language(language),
            width: header.len(),
            cols,
            rows: Vec::new(),
            skipped: Vec::new(),
            more_skipped: 0,
            warnings: Vec::new(),
            totals,
            total_row: None,
            row_currency: None,
            date1904,
            repeats: Repeats::default(),
            left_out: results::LeftOut::default(),
        }
    }

    fn name(&self, i: usize) -> String {
        crate::cells::shorten(crate::table::clean(self.header.get(i).map(String::as_str).unwrap_or("")))
    }

    fn skip(&mut self, line: usize, reason: &str) {
        if self.skipped.len() < MAX_SKIPPED_LISTED {
            self.skipped.push(Skipped { line, reason: reason.into() });
        } else {
            self.more_skipped += 1;
        }
    }

    /// A measure read from a column that appears more than once is read from its first.
    fn note_duplicates(&mut self, header: &[String]) {
        let read: Vec<usize> =
            self.cols.numbers().chain([self.cols.campaign, self.cols.ad_set, self.cols.ad, self.cols.date.map(|d| d.0)].into_iter().flatten()).collect();
        for i in read {
            let name = crate::dialects::normalise(&header[i]).0;
            let n = header.iter().filter(|h| crate::dialects::normalise(h).0 == name).count();
            if n > 1 {
                self.warnings
                    .push(Warning { line: None, message: format!("the column \"{}\" appears {n} times; the first (column {}) is read", self.name(i), i + 1) });
            }
        }
    }

    fn keep_total(&mut self, row: &Row, label: &str) {
        if self.total_row.is_none() {
            let cell = |i: Option<usize>| i.map(|i| row.get(i).to_string());
            self.total_row = Some(TotalRow {
                line: row.line,
                label: label.to_string(),
                cells: [cell(Some(self.cols.spend)), cell(self.cols.impressions), cell(self.cols.clicks), cell(self.cols.conversions)],
            });
        }
    }

    /// Whether a row labelled "perhaps a total" (`Total - filtered`, or a campaign `Total –
    /// Autumn`) is one: a total row leaves the day blank where data rows give one, and with no
    /// day to go by, every cell but its label and its figures.
    fn blank_but_measures(&self, row: &Row, label: usize) -> bool {
        if let Some((day, _)) = self.cols.date.filter(|(d, _)| *d != label) {
            return is_blank(row.get(day));
        }
        let figures: Vec<usize> = self.cols.numbers().chain(self.cols.currency).collect();
        (0..row.len()).filter(|i| *i != label && !figures.contains(i)).all(|i| is_blank(row.get(i)))
    }

    fn row(&mut self, row: &Row) -> Result<(), Error> {
        let filled = row.filled();
        if filled == 0 {
            self.skip(row.line, "blank");
            return Ok(());
        }
        // The label of a total row is in its first filled cell (TikTok's date column, Google's
        // first column) or its name column.
        let first = (0..row.len()).find(|i| !row.get(*i).is_empty());
        let name = [self.cols.campaign, self.cols.ad_set, self.cols.ad].into_iter().flatten().find(|i| !row.get(*i).is_empty());
        let total = [first, name].into_iter().flatten().find(|i| match totals::label(row.get(*i)) {
            Label::Total => true,
            Label::Perhaps => self.blank_but_measures(row, *i),
            Label::Name => false,
        });
        if let Some(i) = total {
            self.skip(row.line, "platform total row");
            self.keep_total(row, row.get(i));
            return Ok(());
        }
        if filled == 1 && row.get(self.cols.spend).is_empty() {
            // "No data available.", Microsoft's copyright footer, a note under the table.
            self.skip(row.line, "a note, not a data row");
            return Ok(());
        }
        let csv_width = !row_is_sheet(row);
        if csv_width && row.len() != self.width {
            let extra_empty = row.len() > self.width && (self.width..row.len()).all(|i| row.get(i).is_empty());
            if !extra_empty {
                return Err(fail("bad_row", self.file, row.line, format!("the row has {} fields but the header has {}", row.len(), self.width)));
            }
        }
        let names = [self.cols.campaign, self.cols.ad_set, self.cols.ad].map(|c| c.map(|i| row.get(i)).filter(|s| !is_blank(s)).map(str::to_string));
        if names.iter().all(Option::is_none) {
            if self.rows.is_empty() {
                // Meta's "Include summary row": the first row, totals without a name.
                self.skip(row.line, "platform summary row");
                self.keep_total(row, "summary row");
                return Ok(());
            }
            let cols: Vec<String> =
                [self.cols.campaign, self.cols.ad_set, self.cols.ad].into_iter().flatten().map(|i| format!("\"{}\"", self.name(i))).collect();
            return Err(fail("bad_row", self.file, row.line, format!("{} empty: every row needs a name to match to a line", cols.join(" and "))));
        }
        if self.rows.len() >= MAX_DATA_ROWS {
            return Err(fail(
                "too_large",
                self.file,
                row.line,
                format!("the report has more than {MAX_DATA_ROWS} data rows; export it by week or month, or a shorter period"),
            ));
        }
        let range = self.range(row)?;
        let amount = |i: usize| -> Result<Option<crate::cells::Amount>, Error> {
            number(row.get(i), if row.typed_number(i) { Decimals::Dot } else { self.decimals })
                .map_err(|m| fail("bad_number", self.file, row.line, m).in_column(self.name(i)))
        };
        let spend_cell = amount(self.cols.spend)?;
        let spend = spend_cell.as_ref().map(|a| a.value).unwrap_or_default();
        // A measure column that is present but blank counts as 0 (Meta leaves Results empty
        // when there were none); a missing column is unknown.
        let measure = |i: Option<usize>| -> Result<Option<Decimal>, Error> {
            match i {
                None => Ok(None),
                Some(i) => Ok(Some(amount(i)?.map(|a| a.value).unwrap_or_default())),
            }
        };
        let (impressions, clicks, mut conversions, revenue) =
            (measure(self.cols.impressions)?, measure(self.cols.clicks)?, measure(self.cols.conversions)?, measure(self.cols.revenue)?);
        // Meta's Results count conversions only on rows whose result is one.
        if let (Some(t), Some(n)) = (self.cols.result_type, conversions) {
            if !results::is_conversion(row.get(t)) {
                if !n.is_zero() {
                    self.left_out.add(row.get(t), n);
                }
                conversions = None;
            }
        }
        let currency = match self.cols.currency.map(|i| row.get(i)).filter(|s| !is_blank(s)) {
            Some(code) => Some(code.trim().to_ascii_uppercase()),
            None => spend_cell.and_then(|a| a.currency).filter(|c| !c.is_empty()).or_else(|| self.cols.header_currency.clone()),
        };
        if self.row_currency.is_none() {
            self.row_currency.clone_from(&currency);
        }
        self.totals.add(spend, impressions, clicks, conversions).map_err(|e| fail(&e.code, self.file, row.line, e.message))?;
        let [campaign, ad_set, ad] = names;
        let (start, end) = range.unwrap_or((NaiveDate::MIN, NaiveDate::MIN));
        let read = ImportRow {
            file_line: row.line,
            campaign: campaign.unwrap_or_default(),
            ad_set,
            ad,
            start,
            end,
            spend: Dec(spend),
            impressions: impressions.map(Dec),
            clicks: clicks.map(Dec),
            conversions: conversions.map(Dec),
            revenue: revenue.map(Dec),
            currency,
        };
        if let Some(first) = self.repeats.check(row, self.rows.len()).and_then(|i| self.rows.get(i)) {
            if (ImportRow { file_line: first.file_line, ..read.clone() }) == *first {
                let line = first.file_line;
                self.repeats.found(row.line, line);
            }
        }
        self.rows.push(read);
        Ok(())
    }

    /// The days a row covers, from its date columns (`None` when the report has none).
    fn range(&self, row: &Row) -> Result<Option<(NaiveDate, NaiveDate)>, Error> {
        let Some((i, kind)) = self.cols.date else { return Ok(None) };
        let day = |j: usize| -> Result<NaiveDate, Error> {
            let cell = row.get(j);
            let parsed = if row.typed_number(j) {
                cell.parse::<f64>().ok().and_then(|v| xlsx::serial_day(v, self.date1904)).ok_or_else(|| format!("\"{cell}\" is not a date"))
            } else {
                dates::parse(cell, self.date_style)
            };
            parsed.map_err(|m| fail("bad_date", self.file, row.line, m).in_column(self.name(j)))
        };
        let (start, end) = match kind {
            DateKind::Day => {
                let s = day(i)?;
                (
                    s,
                    match self.cols.end {
                        Some(j) => day(j)?,
                        None => s,
                    },
                )
            }
            DateKind::Week => {
                let s = day(i)?;
                let e = s
                    .checked_add_days(Days::new(6))
                    .ok_or_else(|| fail("bad_date", self.file, row.line, format!("the week of {s} runs past the last date there is")))?;
                (s, e)
            }
            DateKind::Month => dates::parse_month(row.get(i), self.date_style).map_err(|m| fail("bad_date", self.file, row.line, m).in_column(self.name(i)))?,
        };
        if end < start {
            return Err(fail("bad_period", self.file, row.line, format!("the row ends ({end}) before it starts ({start})")));
        }
        if (end - start).num_days() >= MAX_ACTUAL_DAYS {
            return Err(fail("bad_period", self.file, row.line, format!("the row covers {start} to {end}, more than ten years")));
        }
        Ok(Some((start, end)))
    }

    fn finish(mut self, mut report: Report, opts: &ReadOptions, title: &Stated) -> Result<Report, Error> {
        self.warnings.extend(self.left_out.warning());
        self.warnings.extend(self.repeats.warning());
        if let Some(t) = &self.total_row {
            if let Some(m) = compare(t, &self.totals, self.decimals) {
                self.warnings.push(Warning { line: Some(t.line), message: m });
            }
        }
        let span = self.rows.iter().map(|r| (r.start, r.end)).reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
        if self.cols.date.is_none() {
            let period = match (opts.period.as_ref(), title.range) {
                (Some(p), Some((s, e))) => {
                    if (p.start, p.end) != (s, e) {
                        self.warnings.push(Warning {
                            line: None,
                            message: format!("the report's title says {s} to {e}; the period given, {} to {}, is used", p.start, p.end),
                        });
                    }
                    Some((p.start, p.end))
                }
                (Some(p), None) => Some((p.start, p.end)),
                (None, t) => t,
            };
            match period {
                Some((s, e)) => {
                    if e < s || (e - s).num_days() >= MAX_ACTUAL_DAYS {
                        return Err(fail("bad_period", self.file, report.header_line, format!("the period {s} to {e} is not a range of at most ten years")));
                    }
                    for r in &mut self.rows {
                        r.start = s;
                        r.end = e;
                    }
                    report.period = Some(DateRange { start: s, end: e });
                }
                None if !self.rows.is_empty() => {
                    let said = match &title.all_time {
                        Some(t) => format!(" (its title says \"{}\")", crate::cells::shorten(t)),
                        None => String::new(),
                    };
                    return Err(fail(
                        "no_period",
                        self.file,
                        report.header_line,
                        format!("the report has no date column and states no date range{said}: give the period it covers, e.g. 2025-01-01..2025-12-31, or download it with a date range"),
                    ));
                }
                None => {}
            }
        } else {
            report.period = title.range.map(|(s, e)| DateRange { start: s, end: e }).or(span.map(|(s, e)| DateRange { start: s, end: e }));
        }
        if self.rows.is_empty() {
            self.warnings.push(Warning { line: None, message: "the report has a header but no data rows: nothing was imported".into() });
        }
        if self.more_skipped > 0 {
            self.skipped.push(Skipped { line: 0, reason: format!("and {} more rows (blank, totals or notes)", self.more_skipped) });
        }
        report.currency = self.cols.header_currency.clone().or(self.row_currency.take());
        report.rows = self.rows;
        report.skipped = self.skipped;
        report.warnings = self.warnings;
        report.totals = self.totals;
        Ok(report)
    }
}

fn row_is_sheet(row: &Row) -> bool {
    row.is_sheet()
}
