//! How a spreadsheet writes its money and dates: the plan's currency (the planner's choice, a
//! `Currency` label, a header such as `Budget (EUR)`, a currency column, the amounts' own signs)
//! and whether `04/01/2027` is day or month first (shown by the file's own dates where it can
//! be, else by the currency's custom).

use crate::cells::{self, DateOrder};
use crate::columns::{self, LineField, PlanMapping};
use crate::line_rows::Columns;
use crate::plan_header::{get, HeaderField, HeaderValue};
use crate::preview::{ImportChoices, Problem, SourceRef};
use flightplan_actuals::Record;
use flightplan_core::money::Currency;
use std::collections::HashSet;

#[allow(clippy::too_many_arguments)]
pub fn plan_currency(
    choices: &ImportChoices,
    mapping: &PlanMapping,
    found: &[HeaderValue],
    rows: &[Record],
    hi: usize,
    cols: &Columns,
    dc: bool,
    sheet: Option<&str>,
    problems: &mut Vec<Problem>,
) -> (Option<String>, Option<String>) {
    let header = &rows[hi];
    let mut stated: Option<(String, String)> = None;
    if let Some(h) = get(found, HeaderField::Currency) {
        stated = Some((h.value.trim().to_ascii_uppercase(), format!("the \"{}\" cell ({})", h.at.column.clone().unwrap_or_default(), h.at.describe())));
    }
    if stated.is_none() {
        for f in [LineField::Budget, LineField::Rate, LineField::Cpm, LineField::Cpc, LineField::Cpa, LineField::Cpv, LineField::Cpp] {
            if let Some(c) = cols.by_field.get(&f).and_then(|i| header.cells.get(*i)).and_then(|h| columns::header_currency(h)) {
                stated = Some((c, format!("the \"{}\" column's header", header.cells[cols.by_field[&f]].trim())));
                break;
            }
        }
    }
    if stated.is_none() {
        if let Some(ci) = cols.by_field.get(&LineField::Currency) {
            let codes: HashSet<String> =
                rows[hi + 1..].iter().filter_map(|r| r.cells.get(*ci)).map(|c| c.trim().to_ascii_uppercase()).filter(|c| c.len() == 3).collect();
            if codes.len() == 1 {
                let c = codes.into_iter().next().unwrap_or_default();
                stated = Some((c, format!("the \"{}\" column", cols.headers[*ci])));
            }
        }
    }
    let mut dollar = false;
    if stated.is_none() {
        if let Some(bi) = cols.by_field.get(&LineField::Budget) {
            let mut codes: HashSet<&str> = HashSet::new();
            for r in &rows[hi + 1..] {
                if let Some(Ok(Some(a))) = r.cells.get(*bi).map(|c| cells::amount(c, dc)) {
                    if let Some(c) = a.currency {
                        codes.insert(c);
                    }
                    dollar |= a.dollar_sign;
                }
            }
            if codes.len() == 1 {
                let c = codes.into_iter().next().unwrap_or_default().to_string();
                stated = Some((c, format!("the currency signs in the \"{}\" column", cols.headers[*bi])));
            }
        }
    }
    let chosen = choices.currency.clone().or_else(|| mapping.currency.clone()).map(|c| c.trim().to_ascii_uppercase());
    let at = SourceRef { sheet: sheet.map(str::to_string), ..Default::default() };
    match (chosen, stated) {
        (Some(c), Some((s, from))) if c != s => {
            problems.push(Problem::error(
                "currency_conflict",
                at,
                format!("the file is in {s} ({from}) but {c} was chosen: import it in {s}, or convert the file"),
            ));
            (Some(s), Some(from))
        }
        (Some(c), _) => valid_currency(c, "chosen for the import".into(), at, problems),
        (None, Some((s, from))) => valid_currency(s, from, at, problems),
        (None, None) if dollar => {
            problems.push(Problem::info(
                "currency_guessed",
                at,
                "amounts are written with $ and the file names no currency: read as USD (choose another if they are not US dollars)",
            ));
            (Some("USD".into()), Some("the $ signs in the amounts (a guess)".into()))
        }
        (None, None) => {
            problems.push(Problem::error(
                "no_currency",
                at,
                "the file states no currency: choose the plan's currency (in the import preview, or --currency CODE)",
            ));
            (None, None)
        }
    }
}

fn valid_currency(code: String, from: String, at: SourceRef, problems: &mut Vec<Problem>) -> (Option<String>, Option<String>) {
    if Currency::from_code(&code).is_none() {
        problems.push(Problem::error("unknown_currency", at, format!("\"{code}\" ({from}) is not an ISO 4217 currency code")));
        return (None, None);
    }
    (Some(code), Some(from))
}

pub fn date_order(
    mapping: &PlanMapping,
    rows: &[Record],
    hi: usize,
    cols: &Columns,
    currency: Option<&str>,
    sheet: Option<&str>,
    problems: &mut Vec<Problem>,
) -> DateOrder {
    if let Some(o) = mapping.date_order {
        return o;
    }
    let date_cols: Vec<usize> = [LineField::Start, LineField::End, LineField::Flight].iter().filter_map(|f| cols.by_field.get(f).copied()).collect();
    let texts: Vec<&str> = rows[hi + 1..]
        .iter()
        .flat_map(|r| date_cols.iter().filter_map(|i| r.cells.get(*i)))
        .flat_map(|c| c.split([' ', '–', '—']))
        .map(str::trim)
        .filter(|c| c.contains('/') || (c.contains('.') && c.matches('.').count() == 2))
        .collect();
    if let Some(o) = cells::date_order_of(texts.iter().copied()) {
        return o;
    }
    let order = if currency == Some("USD") { DateOrder::MonthFirst } else { DateOrder::DayFirst };
    if !texts.is_empty() {
        let how = if order == DateOrder::MonthFirst { "month first (US)" } else { "day first" };
        // Say what the example became, so the planner can see at once whether it is right.
        let example = match cells::date(texts[0], order) {
            Ok(d) => format!("\"{}\" is {}", texts[0], d.format("%-d %B %Y")),
            Err(_) => format!("dates such as \"{}\"", texts[0]),
        };
        problems.push(Problem::warning(
            "ambiguous_dates",
            SourceRef { sheet: sheet.map(str::to_string), ..Default::default() },
            format!("the dates read either way: read {how}, so {example}; set date_order in the mapping if that is wrong"),
        ));
    }
    order
}
