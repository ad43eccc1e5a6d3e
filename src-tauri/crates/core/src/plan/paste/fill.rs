//! Fill down (Ctrl+D) and fill right (Ctrl+R) on the line grid, as a spreadsheet does them but
//! never wrong.
//!
//! Fill-down copies one field from a line to the lines below it: the same field, so the value is
//! copied as held. Fill-right copies the leftmost selected cell of each row into the selected
//! cells to its right, which are other fields: a value fills only a field of its own kind (a date
//! fills a date, an amount an amount), is checked by that field's own rules (a budget's decimal
//! places, a share's 0–100%), and anything else is refused with the reason, changing nothing.

use super::cells::{self, read_cell, LineField, Value};
use super::dates::DateOrder;
use crate::error::{Error, Result};
use crate::money::Currency;
use crate::plan::{Line, NumberStyle, Plan};

/// Copy field `field` of line `from` to the lines `to` (indexes into the plan's lines): fill
/// down, as Ctrl+D does in a spreadsheet. The value is copied as held, never re-read.
pub fn fill_down(plan: &Plan, field: LineField, from: usize, to: &[usize]) -> Result<Plan> {
    let source = plan.lines.get(from).cloned().ok_or_else(|| no_line(from))?;
    let mut next = plan.clone();
    for i in to {
        let line = next.lines.get_mut(*i).ok_or_else(|| no_line(*i))?;
        cells::copy(&source, line, field);
    }
    Ok(next)
}

/// Copy field `from` of each line in `rows` into fields `to` of the same line: fill right, as
/// Ctrl+R does in a spreadsheet. All or nothing: a target of another kind than the source (a date
/// into a rate), a source cell that is empty, or a value the target's rules refuse is an error
/// naming the line and field, and the plan is left as it was.
pub fn fill_right(plan: &Plan, rows: &[usize], from: LineField, to: &[LineField]) -> Result<Plan> {
    for t in to {
        if *t == LineField::Id {
            return Err(Error::new("fill_refused", "fill right does not change a line's id"));
        }
        if kind(*t) != kind(from) {
            return Err(Error::new(
                "fill_refused",
                format!(
                    "fill right copies {} ({}) only into cells of the same kind, and {} holds {}: nothing was changed",
                    cells::label(from),
                    kind_words(kind(from)),
                    cells::label(*t),
                    kind_words(kind(*t))
                ),
            ));
        }
    }
    let currency = Currency::from_code(&plan.currency).or_else(|| Currency::from_code("USD"));
    let mut next = plan.clone();
    for i in rows {
        let line = next.lines.get_mut(*i).ok_or_else(|| no_line(*i))?;
        let Some(value) = held(line, from) else {
            return Err(Error::at("fill_refused", path(*i, from), format!("{} is empty: there is nothing to fill right", cells::label(from))).on_line(&line.id));
        };
        for t in to {
            let read = match (kind(*t), currency) {
                // Rates are held as fractions: kept as they are.
                (Kind::Fraction, _) => Ok(Some(value.clone())),
                (_, Some(c)) => read_cell(*t, &value.text(), DateOrder::YearFirst, NumberStyle::CommaDot, c),
                (_, None) => Err(format!("\"{}\" is not a currency this version knows", plan.currency)),
            };
            let v = match read {
                Ok(Some(v)) => v,
                Ok(None) => continue,
                Err(m) => return Err(Error::at("invalid_field", path(*i, *t), m).on_line(&line.id)),
            };
            if *t == LineField::KpiTarget && line.kpi.is_none() {
                return Err(Error::at("fill_refused", path(*i, *t), "the line has no KPI: choose its KPI before its target").on_line(&line.id));
            }
            cells::set(line, *t, &v);
        }
    }
    Ok(next)
}

fn no_line(i: usize) -> Error {
    Error::new("unknown_line", format!("the plan has no line {}", i.saturating_add(1)))
}

/// `lines[i].rate`, `lines[i].kpi.target`: the plan-file path of a line's field.
fn path(i: usize, f: LineField) -> String {
    let name = match f {
        LineField::KpiTarget => "kpi.target".to_string(),
        LineField::Kpi => "kpi.kpi".to_string(),
        other => serde_json::to_value(other).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
    };
    format!("lines[{i}].{name}")
}

/// What a field holds: a value fills only a field of the same kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Date,
    Amount,
    Share,
    Fraction,
    Count,
    Pricing,
    Kpi,
    Role,
    Demand,
    Buying,
}

fn kind(f: LineField) -> Kind {
    use LineField::*;
    match f {
        Id | Name | Channel | Vendor | Notes => Kind::Text,
        Start | End => Kind::Date,
        Rate | Budget | KpiTarget => Kind::Amount,
        Share => Kind::Share,
        Ctr | Cvr | Vtr => Kind::Fraction,
        Impressions => Kind::Count,
        Pricing => Kind::Pricing,
        Kpi => Kind::Kpi,
        Role => Kind::Role,
        Demand => Kind::Demand,
        Buying => Kind::Buying,
    }
}

fn kind_words(k: Kind) -> &'static str {
    match k {
        Kind::Text => "text",
        Kind::Date => "a date",
        Kind::Amount => "an amount",
        Kind::Share => "a share of the budget",
        Kind::Fraction => "a rate such as a CTR",
        Kind::Count => "a count",
        Kind::Pricing => "a pricing model",
        Kind::Kpi => "a KPI",
        Kind::Role => "a funnel role",
        Kind::Demand => "demand capture or creation",
        Kind::Buying => "a buying method",
    }
}

/// The value a line holds in `field`; none when the cell is empty.
fn held(line: &Line, field: LineField) -> Option<Value> {
    use LineField::*;
    let text = |s: &str| (!s.trim().is_empty()).then(|| Value::Text(s.to_string()));
    match field {
        Id => text(&line.id),
        Name => text(&line.name),
        Channel => text(&line.channel),
        Vendor => text(&line.vendor),
        Notes => text(&line.notes),
        Role => line.role.map(Value::Role),
        Demand => line.demand.map(Value::Demand),
        Buying => line.buying.map(Value::Buying),
        Pricing => Some(Value::Pricing(line.pricing)),
        Rate => line.rate.map(|v| Value::Dec(v.0)),
        Budget => line.budget.map(|v| Value::Dec(v.0)),
        Share => line.share.map(|v| Value::Dec(v.0)),
        Start => Some(Value::Date(line.start)),
        End => Some(Value::Date(line.end)),
        Kpi => line.kpi.as_ref().map(|k| Value::Kpi(k.kpi)),
        KpiTarget => line.kpi.as_ref().and_then(|k| k.target).map(|v| Value::Dec(v.0)),
        Ctr => line.ctr.map(|v| Value::Dec(v.0)),
        Cvr => line.cvr.map(|v| Value::Dec(v.0)),
        Vtr => line.vtr.map(|v| Value::Dec(v.0)),
        Impressions => line.impressions.map(|v| Value::Dec(v.0)),
    }
}
