//! A plan from any media-plan spreadsheet: find the sheet and header row of the lines, read the
//! columns through the guessed or saved mapping, skip title, section, subtotal and total rows,
//! spread merged cells over the cells they cover, and take the plan's own details from labelled
//! cells (`Client:`, `Budget`, `Currency`).
//!
//! Flightplan's own XLSX and CSV exports are read the same way; `own_export.rs` then recovers
//! what they state only as figures (fee rates, weekly spreads).

use crate::cells::{self, DateOrder};
use crate::columns::{self, header_score, resolve, LineField, PlanMapping};
use crate::conventions::{date_order, plan_currency};
use crate::line_rows::{Columns, RowContext, RowLine};
use crate::plan_header::{self, get, HeaderField, HeaderValue};
use crate::preview::{ImportChoices, ImportPreview, PreviewLine, Problem, SkippedRow, SourceKind, SourceRef, MAX_IMPORT_LINES, MAX_SHEET_ROWS};
use crate::{calendar, hidden, own_export, plan_details};
use chrono::NaiveDate;
use flightplan_actuals::{Record, Sheet};
use flightplan_core::money::{round_dp, sum, Currency};
use flightplan_core::plan::{CommissionBasis, NumberStyle, Plan};
use flightplan_core::Dec;
use rust_decimal::Decimal;
use std::collections::HashSet;

/// How far down a sheet the header row may be.
const HEADER_SEARCH: usize = 40;

/// Sheets that explain a layout rather than hold a plan.
fn is_documentation(name: &str) -> bool {
    let n = name.to_lowercase();
    ["documentation", "dictionary", "instructions", "readme", "read me", "glossary", "help"].iter().any(|d| n.contains(d))
}

/// The cells of a sheet with every merged range's value copied into each cell it covers.
fn filled(sheet: &Sheet) -> Vec<Record> {
    let mut rows = sheet.records.clone();
    let first = rows.first().map(|r| r.line).unwrap_or(1);
    for &(r0, c0, r1, c1) in &sheet.merged {
        let Some(top) = (r0 as usize + 1).checked_sub(first).and_then(|i| rows.get(i)) else { continue };
        let Some(value) = top.cells.get(c0 as usize).cloned().filter(|v| !v.is_empty()) else { continue };
        for r in r0..=r1.min(r0 + MAX_SHEET_ROWS as u32) {
            let Some(row) = (r as usize + 1).checked_sub(first).and_then(|i| rows.get_mut(i)) else { continue };
            for c in c0..=c1.min(c0 + 512) {
                let c = c as usize;
                if row.cells.len() <= c {
                    row.cells.resize(c + 1, String::new());
                }
                if row.cells[c].is_empty() {
                    row.cells[c] = value.clone();
                }
            }
        }
    }
    rows
}

/// The header row of a sheet: the mapping's, else the row naming the most line fields.
fn header_row(rows: &[Record], mapping: &PlanMapping) -> Option<usize> {
    if let Some(h) = mapping.header_row {
        return rows.iter().position(|r| r.line == h);
    }
    let mut best: Option<(usize, usize)> = None;
    for (i, r) in rows.iter().take(HEADER_SEARCH).enumerate() {
        let mut score = header_score(&r.cells);
        // A mapped header counts its mapped columns too.
        score += r.cells.iter().filter(|c| !c.trim().is_empty() && mapping.columns.keys().any(|k| columns::normalise(k) == columns::normalise(c))).count();
        if score > 0 && best.is_none_or(|(_, s)| score > s) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i)
}

fn is_total(text: &str) -> Option<&'static str> {
    let t = text.trim().to_lowercase();
    let first = t.split([' ', ':']).next().unwrap_or("");
    if matches!(first, "total" | "totals" | "grand" | "gesamt" | "summe" | "totaal" | "totale") && (first != "grand" || t.contains("total")) {
        return Some("total row");
    }
    if t.contains("subtotal") || t.contains("sub-total") || t.contains("sub total") || t.contains("zwischensumme") {
        return Some("subtotal row");
    }
    if t.ends_with(" total") || t.ends_with(" totals") || t.ends_with(" total:") || first == "net spend" {
        return Some("subtotal row");
    }
    None
}

fn looks_numeric(s: &str) -> bool {
    cells::amount(s, false).ok().flatten().is_some() || cells::amount(s, true).ok().flatten().is_some()
}

/// Read a workbook (or a CSV as one unnamed sheet) into an import preview.
pub fn preview(file: &str, sheets: &[Sheet], csv: bool, decimal_comma: bool, choices: &ImportChoices) -> ImportPreview {
    let mapping = choices.mapping.clone().unwrap_or_default();
    let names: Vec<String> = if csv { Vec::new() } else { sheets.iter().map(|s| s.name.clone()).collect() };
    let own_xlsx = !csv && ["Mix", "Flowchart", "Fees & totals"].iter().all(|n| names.iter().any(|s| s == n));
    let mut problems: Vec<Problem> = Vec::new();
    let grids: Vec<Vec<Record>> = sheets.iter().map(filled).collect();

    // The sheet of lines: the mapping's, Flightplan's Mix, else the best header.
    let chosen = if let Some(want) = &mapping.sheet {
        let found = names.iter().position(|n| n.eq_ignore_ascii_case(want));
        if found.is_none() {
            problems.push(Problem::error(
                "no_sheet",
                SourceRef::default(),
                format!("the mapping names sheet \"{want}\", which the file does not have (it has {})", names.join(", ")),
            ));
        }
        found
    } else if own_xlsx {
        names.iter().position(|n| n == "Mix")
    } else {
        // The best header on a shown sheet; on a hidden one only when no shown sheet has one.
        let best = |hidden: bool| {
            let mut best: Option<(usize, usize)> = None;
            for (i, g) in grids.iter().enumerate() {
                if (!csv && is_documentation(&sheets[i].name)) || sheets[i].hidden.sheet != hidden {
                    continue;
                }
                if let Some(h) = header_row(g, &mapping) {
                    let score = header_score(&g[h].cells);
                    if best.is_none_or(|(_, s)| score > s) {
                        best = Some((i, score));
                    }
                }
            }
            best.map(|(i, _)| i)
        };
        best(false).or_else(|| best(true)).or(if grids.is_empty() { None } else { Some(0) })
    };
    let sheet_name = |i: usize| if csv { None } else { Some(sheets[i].name.as_str()) };
    let kind_default = if own_xlsx { SourceKind::FlightplanXlsx } else { SourceKind::Spreadsheet };

    let blank = |kind: SourceKind, problems: Vec<Problem>| ImportPreview {
        file: file.to_string(),
        kind,
        source: source_words(kind, csv),
        sheets: names.clone(),
        sheet: None,
        header_row: None,
        columns: Vec::new(),
        mapping: Some(mapping.clone()),
        currency: None,
        currency_source: None,
        plan: empty_plan(file),
        lines: Vec::new(),
        rows_without_cost: Vec::new(),
        skipped: Vec::new(),
        conversions: Vec::new(),
        problems,
        totals: None,
        labelled: Vec::new(),
    };
    let Some(si) = chosen else {
        problems.push(Problem::error("no_rows", SourceRef::default(), "the file has no rows"));
        return blank(kind_default, problems);
    };
    let rows = &grids[si];
    let sheet = sheet_name(si);
    if rows.len() > MAX_SHEET_ROWS {
        problems.push(Problem::error(
            "too_many_rows",
            SourceRef { sheet: sheet.map(str::to_string), ..Default::default() },
            format!("{} rows is more than a plan import reads ({MAX_SHEET_ROWS})", rows.len()),
        ));
        return blank(kind_default, problems);
    }
    let Some(hi) = header_row(rows, &mapping) else {
        let at = SourceRef { sheet: sheet.map(str::to_string), row: mapping.header_row, ..Default::default() };
        problems.push(Problem::error(
            "no_header",
            at,
            "no header row names the lines and their cost (e.g. Line, Channel, Budget): map the columns, or give the header row",
        ));
        let mut p = blank(kind_default, problems);
        p.sheet = sheet.map(str::to_string);
        return p;
    };
    let header = &rows[hi];
    let hid = &sheets[si].hidden;
    let guesses = resolve(&header.cells, &mapping, &hid.columns);
    hidden::columns(&guesses, &hid.columns, sheet, header.line, &mut problems);
    let cols = Columns {
        by_field: guesses.iter().filter_map(|g| g.field.map(|f| (f, g.index))).collect(),
        headers: guesses.iter().map(|g| g.header.clone()).collect(),
        letters: guesses.iter().map(|g| g.letter.clone()).collect(),
    };
    let own_csv = csv && cols.has(LineField::Id) && header.cells.iter().any(|h| h == "agency_commission") && header.cells.iter().any(|h| h == "share_pct");
    let kind = if own_csv { SourceKind::FlightplanCsv } else { kind_default };
    if !cols.has(LineField::Budget) && !cols.has(LineField::Share) {
        problems.push(Problem::warning(
            "no_cost_column",
            SourceRef::row(sheet, header.line),
            "no column is read as the lines' cost (net media): every line imports at 0 until one is mapped",
        ));
    }

    // The plan's own details: above the header, then the other sheets (rows and sheets the
    // planner hid are not read).
    let hidden_rows: HashSet<usize> = hid.rows.iter().copied().collect();
    let mut found: Vec<HeaderValue> = Vec::new();
    plan_header::scan(&hidden::shown(&rows[..hi], &hid.rows), sheet, &mut found);
    for (i, g) in grids.iter().enumerate() {
        if i == si || is_documentation(&sheets[i].name) {
            continue;
        }
        if sheets[i].hidden.sheet {
            problems.extend(hidden::sheet(&sheets[i].name, g));
        } else {
            plan_header::scan(&hidden::shown(g, &sheets[i].hidden.rows), sheet_name(i), &mut found);
        }
    }

    // The currency: the planner's, the file's label, a header, a column, the amounts' signs.
    let (currency, currency_source) = plan_currency(choices, &mapping, &found, rows, hi, &cols, decimal_comma, sheet, &mut problems);
    let plan_cur = currency.as_deref().and_then(Currency::from_code);
    let date_order = date_order(&mapping, rows, hi, &cols, currency.as_deref(), sheet, &mut problems);

    // The rows.
    let mut ctx = RowContext { sheet, cols: &cols, decimal_comma, currency: plan_cur, date_order, section: None };
    let mut read: Vec<RowLine> = Vec::new();
    let mut skipped_hidden = Vec::new();
    let mut skipped: Vec<SkippedRow> = Vec::new();
    for r in rows[..hi].iter().filter(|r| r.cells.iter().any(|c| !c.trim().is_empty())) {
        let hidden = hidden_rows.contains(&r.line);
        if hidden {
            skipped_hidden.push(r.line);
        }
        let reason = if hidden { "hidden in the sheet" } else { "above the header (title or plan details)" };
        skipped.push(SkippedRow { at: SourceRef::row(sheet, r.line), reason: reason.into() });
    }
    let name_cols: Vec<usize> =
        [LineField::Name, LineField::Channel, LineField::Vendor, LineField::Id].iter().filter_map(|f| cols.by_field.get(f).copied()).collect();
    for r in &rows[hi + 1..] {
        let values: Vec<&str> = r.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
        if values.is_empty() {
            continue;
        }
        let at = SourceRef::row(sheet, r.line);
        // A row the planner hid (a stale option, last quarter's line) is not part of the plan shown.
        if hidden_rows.contains(&r.line) {
            skipped.push(SkippedRow { at, reason: "hidden in the sheet".into() });
            skipped_hidden.push(r.line);
            continue;
        }
        let labels: Vec<&str> = name_cols.iter().filter_map(|i| r.cells.get(*i)).map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
        let first_text = values.iter().find(|v| !looks_numeric(v)).copied();
        if let Some(reason) = labels.iter().chain(first_text.iter()).find_map(|t| is_total(t)) {
            skipped.push(SkippedRow { at, reason: reason.into() });
            continue;
        }
        let distinct: HashSet<&str> = values.iter().copied().collect();
        if distinct.len() == 1 && !looks_numeric(values[0]) && cells::date(values[0], date_order).is_err() {
            let text = values[0].to_string();
            let first_col = r.cells.iter().position(|c| !c.trim().is_empty());
            let in_lead_col = first_col == cols.by_field.get(&LineField::Channel).copied()
                || first_col == Some(0)
                || first_col == cols.headers.iter().position(|h| !h.is_empty());
            if in_lead_col {
                // A heading is a few words; a sentence is a note under the table.
                if text.ends_with('.') || text.split_whitespace().count() > 6 {
                    skipped.push(SkippedRow { at, reason: "a note, not a line".into() });
                } else {
                    skipped.push(SkippedRow { at, reason: format!("section heading: channel \"{text}\" for the rows below that name none") });
                    ctx.section = Some(text);
                }
                continue;
            }
        }
        if labels.is_empty() && first_text.is_none() {
            skipped.push(SkippedRow { at, reason: "figures without a line name (a subtotal)".into() });
            continue;
        }
        if read.len() >= MAX_IMPORT_LINES {
            problems.push(Problem::error("too_many_lines", at, format!("more than {MAX_IMPORT_LINES} lines: a plan import stops here")));
            break;
        }
        read.push(ctx.read(r.line, &r.cells));
    }

    problems.extend(hidden::rows(&skipped_hidden, sheet));

    // A lone title above the header names the plan when no label does.
    let title = rows[..hi].iter().find_map(|r| {
        let vals: HashSet<&str> = r.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
        let only = vals.into_iter().collect::<Vec<_>>();
        (only.len() == 1 && !plan_header::is_label(only[0]) && !looks_numeric(only[0])).then(|| only[0].to_string())
    });
    let mut mapping = mapping;
    if mapping.plan_name.is_none() && get(&found, HeaderField::Name).is_none() {
        mapping.plan_name = title.clone();
    }
    let mut preview = assemble(file, kind, csv, &names, sheet, header.line, guesses, mapping, currency, currency_source, found, read, skipped, problems);
    // A file written with decimal commas is shown the same way once imported.
    if decimal_comma {
        let spaced = rows[hi..].iter().flat_map(|r| &r.cells).any(|c| space_grouped(c));
        preview.plan.settings.number_style = if spaced { NumberStyle::SpaceComma } else { NumberStyle::DotComma };
    }
    if let Some(m) = preview.mapping.as_mut() {
        if m.plan_name == title {
            m.plan_name = None;
        }
    }
    // The creative list and notes, on a sheet of their own (Flightplan's "Creative & notes").
    for (i, g) in grids.iter().enumerate() {
        if i != si && !is_documentation(&sheets[i].name) && !sheets[i].hidden.sheet {
            plan_details::read_sheet(&hidden::shown(g, &sheets[i].hidden.rows), sheet_name(i), &mut preview.plan, &mut preview.problems);
        }
    }
    if own_xlsx {
        own_export::weights_from_flowchart(&mut preview, &grids[names.iter().position(|n| n == "Flowchart").unwrap_or(0)]);
    }
    crate::preview::finish(preview)
}

fn source_words(kind: SourceKind, csv: bool) -> String {
    match kind {
        SourceKind::FlightplanXlsx => "Flightplan XLSX export".into(),
        SourceKind::FlightplanCsv => "Flightplan CSV export".into(),
        _ if csv => "CSV spreadsheet".into(),
        _ => "XLSX spreadsheet".into(),
    }
}

pub(crate) fn empty_plan(file: &str) -> Plan {
    let day = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN);
    let mut plan: Plan = serde_json::from_value(serde_json::json!({
        "format": flightplan_core::plan::FORMAT, "name": stem(file), "client": "", "currency": "",
        "start": "2000-01-01", "end": "2000-01-01", "budget": "0", "lines": []
    }))
    .unwrap_or_else(|_| flightplan_core::sample_plan());
    plan.start = day;
    plan.end = day;
    plan.lines.clear();
    plan
}

/// The file's name without its folder and extension: the plan's name when the file has none.
pub(crate) fn stem(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let base = base.strip_suffix(".mediaplan.json").unwrap_or(base);
    match base.rfind('.') {
        Some(i) if i > 0 => base[..i].to_string(),
        _ => base.to_string(),
    }
}

/// Settle ids, dates and the plan's own details; collect every problem.
#[allow(clippy::too_many_arguments)]
fn assemble(
    file: &str,
    kind: SourceKind,
    csv: bool,
    names: &[String],
    sheet: Option<&str>,
    header_line: usize,
    guesses: Vec<columns::ColumnGuess>,
    mut mapping: PlanMapping,
    currency: Option<String>,
    currency_source: Option<String>,
    found: Vec<HeaderValue>,
    read: Vec<RowLine>,
    skipped: Vec<SkippedRow>,
    mut problems: Vec<Problem>,
) -> ImportPreview {
    let mut plan = empty_plan(file);
    let dc_date = mapping.date_order.unwrap_or(if currency.as_deref() == Some("USD") { DateOrder::MonthFirst } else { DateOrder::DayFirst });
    let header_date = |f: HeaderField, problems: &mut Vec<Problem>| -> Option<NaiveDate> {
        let h = get(&found, f)?;
        cells::date(&h.value, dc_date).map_err(|m| problems.push(Problem::error("bad_date", h.at.clone(), m))).ok()
    };
    let mut start = header_date(HeaderField::Start, &mut problems);
    let mut end = header_date(HeaderField::End, &mut problems);
    if let (None, None, Some(h)) = (start, end, get(&found, HeaderField::Period)) {
        if let Ok((s, e)) = cells::flight(&h.value, dc_date) {
            (start, end) = (Some(s), Some(e));
        }
    }
    let line_start = read.iter().filter_map(|r| r.start).min();
    let line_end = read.iter().filter_map(|r| r.end).max();
    let (Some(p_start), Some(p_end)) = (start.or(line_start), end.or(line_end)) else {
        let missing = if start.or(line_start).is_none() { "start" } else { "end" };
        let at = SourceRef { sheet: sheet.map(str::to_string), ..Default::default() };
        let message = format!("neither the plan nor any line has a readable {missing} date: map the start and end columns, or fix the dates");
        let mut preview = finish_plan(file, kind, csv, names, sheet, header_line, guesses, mapping, currency, currency_source, plan, read, skipped, problems);
        // After the rows' own problems, which usually say why.
        preview.problems.push(Problem::error("no_dates", at, message));
        return preview;
    };
    plan.start = p_start;
    plan.end = p_end;

    // Ids: the row's own, else made from the name; unique either way.
    let mut used: HashSet<String> = HashSet::new();
    let mut read = read;
    for r in read.iter_mut() {
        let base = r.id.clone().filter(|s| !s.trim().is_empty()).unwrap_or_else(|| slug(&r.line.name));
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        if r.id.as_deref().is_some_and(|own| own != id) {
            r.problems.push(Problem::warning("duplicate_line_id", r.at.clone(), format!("the id \"{base}\" is used by an earlier row: this line is \"{id}\"")));
        }
        used.insert(id.clone());
        r.line.id = id;
        if r.start.is_none() || r.end.is_none() {
            r.problems.push(Problem::info("plan_dates", r.at.clone(), format!("no flight dates: runs for the plan period ({p_start} to {p_end})")));
        }
        r.line.start = r.start.unwrap_or(p_start);
        r.line.end = r.end.unwrap_or(p_end);
        if r.line.channel.is_empty() {
            r.line.channel = if r.line.vendor.is_empty() { "Unassigned".into() } else { r.line.vendor.clone() };
            r.problems.push(Problem::warning("no_channel", r.at.clone(), format!("no channel: filed under \"{}\"", r.line.channel)));
        }
    }
    // A date the plan's calendar cannot hold, named at its own cell (see `calendar.rs`).
    let mut dated: Vec<calendar::Dated> = Vec::new();
    for (f, d) in [(HeaderField::Start, start), (HeaderField::End, end)] {
        if let (Some(d), Some(h)) = (d, get(&found, f).or_else(|| get(&found, HeaderField::Period))) {
            dated.push((d, h.at.clone(), None));
        }
    }
    for r in &read {
        for (d, at) in [(r.start, &r.dates_at[0]), (r.end, &r.dates_at[1])] {
            if let (Some(d), Some(at)) = (d, at) {
                dated.push((d, at.clone(), Some(r.line.id.clone())));
            }
        }
    }
    problems.extend(calendar::outlier(&dated));

    // The plan's details.
    let text = |f: HeaderField| get(&found, f).map(|h| h.value.clone());
    plan.name = mapping.plan_name.clone().or_else(|| text(HeaderField::Name)).unwrap_or_else(|| stem(file));
    plan.client = mapping.client.clone().or_else(|| text(HeaderField::Client)).unwrap_or_default();
    if plan.client.trim().is_empty() {
        plan.client = "Unknown client".into();
        problems.push(Problem::warning(
            "no_client",
            SourceRef::default(),
            "the file names no client: imported as \"Unknown client\" (set the client in the mapping or the plan)",
        ));
    }
    plan.brand = text(HeaderField::Brand).unwrap_or_default();
    plan.prepared_by = text(HeaderField::PreparedBy).unwrap_or_default();
    plan.currency = currency.clone().unwrap_or_default();
    let dp = Currency::from_code(&plan.currency).map(|c| c.minor_units()).unwrap_or(2);
    let header_number = |f: HeaderField, problems: &mut Vec<Problem>| -> Option<Decimal> {
        let h = get(&found, f)?;
        match cells::amount(&h.value, false) {
            Ok(v) => v.map(|a| a.value),
            Err(m) => {
                problems.push(Problem::error("bad_amount", h.at.clone(), m));
                None
            }
        }
    };
    let nets: Vec<Decimal> = read.iter().filter_map(|r| r.line.budget.map(Dec::get)).collect();
    plan.budget = match header_number(HeaderField::Budget, &mut problems) {
        Some(b) => Dec(b),
        None => Dec(sum(nets.iter().copied(), "plan budget").unwrap_or_default()),
    };
    let rounded = round_dp(plan.budget.0, dp);
    if rounded != plan.budget {
        if let Some(h) = get(&found, HeaderField::Budget) {
            problems.push(Problem::warning("rounded", h.at.clone(), format!("the budget {} is rounded to {rounded}", plan.budget)));
        }
    }
    plan.budget = Dec(rounded.normalize().max(Decimal::ZERO));
    plan.budget = Dec(round_dp(plan.budget.0, dp));
    plan.universe = header_number(HeaderField::Universe, &mut problems).map(Dec);
    plan_details::apply(&found, &mut plan, &mut problems);
    if let Some(p) = header_number(HeaderField::CommissionPct, &mut problems) {
        plan.fees.agency_commission_pct = Dec(p);
    }
    if let Some(b) = text(HeaderField::CommissionBasis) {
        plan.fees.agency_commission_basis = if b.trim().eq_ignore_ascii_case("net") { CommissionBasis::Net } else { CommissionBasis::Gross };
    }
    if let Some(v) = header_number(HeaderField::AdServingCpm, &mut problems) {
        plan.fees.ad_serving_cpm = Dec(v);
    }
    if let Some(v) = header_number(HeaderField::TechFeePct, &mut problems) {
        plan.fees.tech_fee_pct = Dec(v);
    }
    let fees_stated = [HeaderField::CommissionPct, HeaderField::AdServingCpm, HeaderField::TechFeePct].iter().any(|f| get(&found, *f).is_some());

    // Money precision: a line's cost carries at most the currency's minor units.
    for r in read.iter_mut() {
        if let Some(b) = r.line.budget {
            let c = round_dp(b.0, dp);
            if c.normalize() != b.normalize() {
                r.problems.push(Problem::warning("rounded", r.at.clone(), format!("the cost {b} is rounded to {c}")));
            }
            r.line.budget = Some(Dec(c));
        }
    }
    plan.lines = read.iter().map(|r| r.line.clone()).collect();
    own_export::settle_units(&mut plan, &mut read);
    own_export::settle_delivery(&mut plan, &mut read);
    if !fees_stated {
        own_export::fees_from_lines(&mut plan, &read, &mut problems);
    } else if read.iter().any(|r| r.ad_serving.is_some()) {
        own_export::ad_served_from_lines(&mut plan, &read);
        own_export::check_fees(&plan, &read, &mut problems);
    }
    mapping.sheet = sheet.map(str::to_string).or(mapping.sheet);
    // Every column read as a field, and every one the planner set to "not imported" (so a saved
    // mapping keeps that correction instead of letting the guess back in).
    mapping.columns = guesses
        .iter()
        .filter_map(|g| match (g.field, g.source) {
            (Some(f), _) => Some((g.header.clone(), f)),
            (None, columns::GuessSource::Mapping) => Some((g.header.clone(), LineField::Ignore)),
            (None, _) => None,
        })
        .collect();
    let mut preview = finish_plan(file, kind, csv, names, sheet, header_line, guesses, mapping, currency, currency_source, plan, read, skipped, problems);
    preview.labelled = found.iter().map(|h| h.field).collect();
    preview
}

#[allow(clippy::too_many_arguments)]
fn finish_plan(
    file: &str,
    kind: SourceKind,
    csv: bool,
    names: &[String],
    sheet: Option<&str>,
    header_line: usize,
    guesses: Vec<columns::ColumnGuess>,
    mapping: PlanMapping,
    currency: Option<String>,
    currency_source: Option<String>,
    mut plan: Plan,
    read: Vec<RowLine>,
    skipped: Vec<SkippedRow>,
    mut problems: Vec<Problem>,
) -> ImportPreview {
    let mut lines = Vec::with_capacity(read.len());
    let mut conversions = Vec::new();
    let mut without_cost = Vec::new();
    for r in &read {
        if r.no_cost {
            without_cost.push(r.line.id.clone());
            problems.push(
                Problem::warning("no_cost", r.at.clone(), format!("\"{}\" states no cost: imported at 0 for you to fill in", r.line.name)).on_line(&r.line.id),
            );
        }
        problems.extend(r.problems.iter().cloned().map(|p| p.on_line(&r.line.id)));
        if let Some(c) = &r.conversion {
            let mut c = c.clone();
            c.line = r.line.id.clone();
            problems.push(
                Problem::info("converted", c.at.clone(), format!("{} {} converted at {} to {} {}", c.amount, c.from, c.rate, c.converted, c.to))
                    .on_line(&r.line.id),
            );
            conversions.push(c);
        }
        lines.push(PreviewLine { id: r.line.id.clone(), at: r.at.clone(), no_cost: r.no_cost, net: None });
    }
    if plan.lines.len() != read.len() {
        plan.lines = read.into_iter().map(|r| r.line).collect();
    }
    ImportPreview {
        file: file.to_string(),
        kind,
        source: source_words(kind, csv),
        sheets: names.to_vec(),
        sheet: sheet.map(str::to_string),
        header_row: Some(header_line),
        columns: guesses,
        mapping: Some(mapping),
        currency,
        currency_source,
        plan,
        lines,
        rows_without_cost: without_cost,
        skipped,
        conversions,
        problems,
        totals: None,
        labelled: Vec::new(),
    }
}

/// `1 234,56` (a space, no-break or narrow no-break space between thousands).
fn space_grouped(cell: &str) -> bool {
    let c: Vec<char> = cell.trim().chars().collect();
    !cell.contains('.') && c.windows(5).any(|w| w[0].is_ascii_digit() && matches!(w[1], ' ' | '\u{a0}' | '\u{202f}') && w[2..].iter().all(char::is_ascii_digit))
}

/// A line id from its name: `Meta — Prospecting (UK)` → `meta-prospecting-uk`.
pub(crate) fn slug(name: &str) -> String {
    let s: String = name.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
    let s = s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    if s.is_empty() {
        "line".into()
    } else {
        s.chars().take(60).collect()
    }
}
