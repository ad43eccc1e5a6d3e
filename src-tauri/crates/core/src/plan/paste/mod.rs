//! Paste from a spreadsheet onto the line grid, never wrong.
//!
//! A planner copies a block from Excel or Sheets: maybe with a header row, its columns in the
//! spreadsheet's order, dates and numbers in their locale's style. `read_block` reads it
//! whole: a header row is recognised and its columns mapped to line fields by name in any
//! order (without one, columns fill the grid's columns from where the block was pasted); every
//! cell is read strictly (a date by the date order, refused if ambiguous; a number in the
//! planner's style); and a row that names its channel becomes a whole new line starting from
//! the channel's rate card entry (buying method, role, demand, pricing, default rate), so a
//! pasted $2.4M TV line is an offline buy with an insertion order, not a platform auction.
//! Every problem names its row and column. `place` then puts the rows on the plan, all or
//! nothing: over existing rows a whole line replaces the row (keeping its id, so its actuals
//! and comments stay attached), a partial block sets only its columns, and rows past the end
//! become new lines. `fill_down` copies one field down the rows (Ctrl+D) and `fill_right` one
//! cell into the cells to its right (Ctrl+R), in `fill.rs`.
//!
//! The UI sends the clipboard text and renders the answer; it reads nothing itself.

mod cells;
mod dates;
mod fill;

pub use cells::{field_for_heading, label, number, read_cell, LineField, GRID_COLUMNS};
pub use dates::{full_year, parse_date, DateOrder};
pub use fill::{fill_down, fill_right};

use crate::error::{Error, Result};
use crate::format::validate;
use crate::limits::MAX_LINES;
use crate::money::Currency;
use crate::plan::{Line, NumberStyle, Plan, Pricing};
use crate::rate_card::{RateCard, RateCardEntry};
use crate::Dec;
use serde::{Deserialize, Serialize};

/// How to read a block: the date order and number style of the planner's locale, and the grid
/// column the block was pasted at (0 = `GRID_COLUMNS[0]`) for a block without a header row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PasteOptions {
    #[serde(default)]
    pub dates: DateOrder,
    #[serde(default)]
    pub numbers: NumberStyle,
    #[serde(default)]
    pub first_column: usize,
}

/// A pasted column and the field it fills (none: left out).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PastedColumn {
    /// 1-based, as the spreadsheet counts.
    pub column: usize,
    /// The header row's text for it, if the block has a header row.
    pub heading: Option<String>,
    pub field: Option<LineField>,
}

/// A problem with a pasted cell or row; nothing is placed while any remains.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PasteProblem {
    /// 1-based row of the pasted block (the header row is row 1 when there is one).
    pub row: usize,
    /// 1-based column, when the problem is one cell's.
    pub column: Option<usize>,
    pub field: Option<LineField>,
    /// "Row 3, Start: \"5/3/2027\" could be 5 March 2027 or 3 May 2027: …"
    pub message: String,
}

/// A read cell, as the plan file writes it ("2027-05-03", "2400000.00", "cpm").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PastedCell {
    pub field: LineField,
    pub value: String,
}

/// A pasted data row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PastedRow {
    /// 1-based row of the pasted block.
    pub row: usize,
    /// Which grid row it lands on, counted from where the block was pasted (0 = that row).
    pub offset: usize,
    pub cells: Vec<PastedCell>,
    /// The whole line the row makes, when the block names channels (its id is given on placing).
    pub line: Option<Line>,
    /// The rate card entry the line started from ("Meta — Prospecting"), if any.
    pub entry: Option<String>,
    /// Things worth knowing that do not stop the paste.
    pub notes: Vec<String>,
}

/// A pasted block, read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PastedRows {
    /// The first row was a header row (column names, matched in any order).
    pub header: bool,
    pub columns: Vec<PastedColumn>,
    pub rows: Vec<PastedRow>,
    /// The block names channels, so each row is a whole line: pasted over a row, it replaces it.
    pub whole_lines: bool,
    pub problems: Vec<PasteProblem>,
}

/// Read a pasted block (tab-separated text, quoted cells as spreadsheets write them) for `plan`,
/// with new lines starting from `card`.
pub fn read_block(text: &str, options: &PasteOptions, plan: &Plan, card: &RateCard) -> PastedRows {
    let currency = Currency::from_code(&plan.currency).or_else(|| Currency::from_code("USD"));
    let table = split_rows(text);
    let mut problems = Vec::new();
    let first = table.iter().position(|r| r.iter().any(|c| !c.trim().is_empty()));
    let width = table.iter().map(|r| r.len()).max().unwrap_or(0);
    let header = first.is_some_and(|i| is_header(&table[i], options.numbers, options.dates));
    // Columns: by heading, or the grid's from the pasted column.
    let mut hints: Vec<Option<Pricing>> = vec![None; width];
    let columns: Vec<PastedColumn> = (0..width)
        .map(|c| match (header, first) {
            (true, Some(h)) => {
                let heading = table[h].get(c).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
                let found = heading.as_deref().and_then(field_for_heading);
                hints[c] = found.and_then(|f| f.1);
                PastedColumn { column: c + 1, heading, field: found.map(|f| f.0) }
            }
            _ => PastedColumn { column: c + 1, heading: None, field: GRID_COLUMNS.get(options.first_column + c).copied() },
        })
        .collect();
    for (i, col) in columns.iter().enumerate() {
        if let Some(f) = col.field {
            if columns[..i].iter().any(|c| c.field == Some(f)) {
                problems.push(PasteProblem {
                    row: first.map_or(1, |r| r + 1),
                    column: Some(col.column),
                    field: Some(f),
                    message: format!("Column {}: a second {} column; keep one", col.column, label(f)),
                });
            }
        }
    }
    let whole_lines = columns.iter().any(|c| c.field == Some(LineField::Channel));
    let mut rows = Vec::new();
    let data_start = first.map_or(table.len(), |f| f + usize::from(header));
    for (r, cells) in table.iter().enumerate().skip(data_start) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(currency) = currency else { break };
        let row = r + 1;
        let mut read = Vec::new();
        for (c, cell) in cells.iter().enumerate() {
            let Some(field) = columns.get(c).and_then(|col| col.field) else { continue };
            match read_cell(field, cell, options.dates, options.numbers, currency) {
                Ok(Some(v)) => read.push((field, c, v)),
                Ok(None) => {}
                Err(m) => problems.push(PasteProblem { row, column: Some(c + 1), field: Some(field), message: format!("Row {row}, {}: {m}", label(field)) }),
            }
        }
        let hint = read.iter().find_map(|(f, c, _)| (*f == LineField::Rate).then(|| hints.get(*c).copied().flatten()).flatten());
        let mut pasted = PastedRow {
            row,
            offset: r - data_start,
            cells: read.iter().map(|(f, _, v)| PastedCell { field: *f, value: v.text() }).collect(),
            line: None,
            entry: None,
            notes: Vec::new(),
        };
        if whole_lines {
            whole_line(plan, card, &read, hint, &mut pasted, &mut problems);
        }
        rows.push(pasted);
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(PasteProblem { row: 1, column: None, field: None, message: "The block has no rows to paste".into() });
    }
    PastedRows { header, columns, rows, whole_lines, problems }
}

/// The line a row of a block with channels makes: its channel's rate card entry (matched by
/// channel, and by name among a channel's entries), the plan's period, then the row's cells.
fn whole_line(
    plan: &Plan,
    card: &RateCard,
    read: &[(LineField, usize, cells::Value)],
    hint: Option<Pricing>,
    pasted: &mut PastedRow,
    problems: &mut Vec<PasteProblem>,
) {
    let text = |f: LineField| read.iter().find(|(x, _, _)| *x == f).map(|(_, _, v)| v.text());
    let row = pasted.row;
    let Some(channel) = text(LineField::Channel) else {
        let column = read.first().map(|(_, c, _)| c + 1);
        problems.push(PasteProblem { row, column, field: Some(LineField::Channel), message: format!("Row {row}: the line needs a channel") });
        return;
    };
    let name = text(LineField::Name);
    let entry = card.entry_for(&channel, name.as_deref());
    let blank = RateCardEntry {
        channel: channel.clone(),
        name: name.clone().unwrap_or_else(|| channel.clone()),
        vendor: String::new(),
        demand: None,
        role: None,
        buying: None,
        pricing: hint.unwrap_or(Pricing::Cpm),
        rate: None,
        ad_served: None,
        medium: None,
        typical_cpm: None,
        spot_length: None,
        dayparts: Vec::new(),
        faces: None,
        insertions: None,
        readership: None,
    };
    let mut line = RateCard::new_line(entry.unwrap_or(&blank), "", plan.start, plan.end, plan.universe.map(Dec::get));
    line.channel = channel.clone();
    if let Some(e) = entry {
        pasted.entry = Some(e.label());
        if hint.is_some_and(|h| h != e.pricing) && text(LineField::Pricing).is_none() {
            line.rate = None;
        }
    } else {
        pasted.notes.push(format!(
            "\u{201c}{channel}\u{201d} is not in the rate card, so the line has no buying method, role or default rate: add the channel to the rate card, or set them"
        ));
    }
    if let Some(p) = hint {
        line.pricing = p;
    }
    for (f, _, v) in read {
        cells::set(&mut line, *f, v);
    }
    if line.budget.is_none() && line.share.is_none_or(|s| s.is_zero()) {
        pasted.notes.push("The row has no budget or share yet".into());
    }
    // The line's own rules, each as this row's problem (in its column when it has one).
    let mut check = plan.clone();
    line.id = "pasted".into();
    check.lines = vec![line.clone()];
    check.scenarios.clear();
    check.actuals.clear();
    check.invoices.clear();
    check.learnings.clear();
    check.comments.clear();
    for e in validate(&check).into_iter().filter(|e| e.path.as_deref().is_some_and(|p| p.starts_with("lines[0]"))) {
        let field = e.path.as_deref().and_then(cells::field_of_path);
        let column = field.and_then(|f| read.iter().find(|(x, _, _)| *x == f).map(|(_, c, _)| c + 1));
        // "line \"pasted\": lines[0].rate: a CPM line needs a rate" → "a CPM line needs a rate".
        let what = e.path.as_deref().and_then(|p| e.message.split_once(&format!("{p}: "))).map_or(e.message.as_str(), |(_, m)| m);
        let hint = match entry {
            // A point's price follows the universe: the card has its CPM, the plan no universe.
            Some(e) if field == Some(LineField::Rate) && e.rate.is_none() && e.typical_cpm.is_some() => {
                " (its rate card entry prices a point from the plan's universe: give the plan a universe in stage 2)"
            }
            Some(e) if field == Some(LineField::Rate) && e.rate.is_none() => " (the rate card has no default rate for it)",
            _ => "",
        };
        problems.push(PasteProblem { row, column, field, message: format!("Row {row}: {what}{hint}") });
    }
    line.id = String::new();
    pasted.line = Some(line);
}

/// The plan with `pasted` placed from grid row `at` on: whole lines replace the rows they land
/// on (keeping each row's id) and rows past the end become new lines; a block without channels
/// sets only its columns on the rows it lands on. Refused, changing nothing, while the block
/// has problems (`paste_problems`, naming the first few) or when it would take the plan past
/// [`MAX_LINES`] (`too_large`, as the plan itself would be).
pub fn place(plan: &Plan, pasted: &PastedRows, at: usize) -> Result<Plan> {
    if !pasted.problems.is_empty() {
        let shown: Vec<&str> = pasted.problems.iter().take(3).map(|p| p.message.as_str()).collect();
        let more = pasted.problems.len().saturating_sub(3);
        return Err(Error::new(
            "paste_problems",
            format!("nothing was pasted: {}{}", shown.join("; "), if more > 0 { format!(" (and {more} more)") } else { String::new() }),
        ));
    }
    let mut next = plan.clone();
    let mut taken: std::collections::HashSet<String> = next.lines.iter().map(|l| l.id.clone()).collect();
    for r in &pasted.rows {
        let index = at + r.offset;
        match (&r.line, next.lines.get_mut(index)) {
            (Some(line), Some(old)) => {
                let id = old.id.clone();
                *old = line.clone();
                old.id = id;
            }
            (Some(line), None) => {
                // A plan past the most lines would be refused by every costing: refuse the paste.
                if next.lines.len() >= MAX_LINES {
                    let would = next.lines.len() + pasted.rows.iter().filter(|r| r.line.is_some() && at + r.offset >= next.lines.len()).count();
                    return Err(Error::at(
                        "too_large",
                        "lines",
                        format!("nothing was pasted: the plan would have {would} lines; a plan may have at most {MAX_LINES}"),
                    ));
                }
                let mut line = line.clone();
                line.id = fresh_id(&mut taken, next.lines.len() + 1);
                next.lines.push(line);
            }
            (None, Some(old)) => {
                for c in &r.cells {
                    // Cells were read once already; their text is the file's own form.
                    if let Ok(Some(v)) = read_file_cell(c, &next.currency) {
                        cells::set(old, c.field, &v);
                    }
                }
            }
            (None, None) => {
                return Err(Error::new(
                    "paste_problems",
                    format!("nothing was pasted: row {} has no line to land on, and without a Channel column it cannot make one", r.row),
                ))
            }
        }
    }
    Ok(next)
}

/// Re-read a cell from its plan-file form (ISO dates, plain decimals, file names of choices).
fn read_file_cell(c: &PastedCell, currency: &str) -> std::result::Result<Option<cells::Value>, String> {
    let currency = Currency::from_code(currency).or_else(|| Currency::from_code("USD")).ok_or("no currency")?;
    let value = match c.field {
        // Rates came out as fractions and shares as percents: keep them as they are.
        LineField::Ctr | LineField::Cvr | LineField::Vtr => {
            return Ok(crate::dec::parse(&c.value).ok().map(cells::Value::Dec));
        }
        _ => c.value.as_str(),
    };
    read_cell(c.field, value, DateOrder::YearFirst, NumberStyle::CommaDot, currency)
}

fn fresh_id(taken: &mut std::collections::HashSet<String>, mut n: usize) -> String {
    while taken.contains(&format!("line-{n}")) {
        n += 1;
    }
    let id = format!("line-{n}");
    taken.insert(id.clone());
    id
}

/// Whether a row is a header: every non-empty cell names a line field (two at least when the
/// row has more than one), and none reads as a number or a date.
fn is_header(row: &[String], numbers: NumberStyle, dates: DateOrder) -> bool {
    let cells: Vec<&str> = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    let known = cells.iter().filter(|c| field_for_heading(c).is_some()).count();
    let data = cells.iter().any(|c| number(c, numbers).is_ok() || parse_date(c, dates).is_ok());
    !data && known > 0 && (known == cells.len() || (known >= 2 && known * 2 >= cells.len()))
}

/// Tab-separated rows as spreadsheets put them on the clipboard: CRLF or LF, quoted cells that
/// may hold tabs, newlines and doubled quotes.
fn split_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().delimiter(b'\t').has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader.records().filter_map(|r| r.ok()).map(|r| r.iter().map(str::to_string).collect()).collect()
}
