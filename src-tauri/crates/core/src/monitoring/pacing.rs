//! Pacing: is each line spending on plan, as of a given day?
//!
//! Expected spend to date follows the line's flight, week by week (weights, hiatus weeks and
//! pulses), not a straight line, so a line in a burst week is not flagged for spending faster
//! than in its quiet weeks. Actuals that cover several days (a week, a month, a report's whole
//! period) count for their days up to the as-of day, phased by the same flight (`phasing`). From it come variance, pace %, the projected end spend, the daily
//! spend needed to land on budget and the ≥110% / ≤90% alerts (plan settings). The day is
//! passed in: the core has no clock.

use crate::costing::compute;
use crate::error::{Error, Result};
use crate::flight::{flight_weeks, spread, FlightWeek};
use crate::money::{add, div, mul, round_dp, sub, sum, Currency};
use crate::phasing::Phasing;
use crate::plan::{Actual, Line, Plan};
use crate::Dec;
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum PaceAlert {
    /// Pace at or above `over_pace_pct`.
    Overpacing,
    /// Pace at or below `under_pace_pct`.
    Underpacing,
}

/// Spend against expectation, for a line or the plan. Money is rounded to the currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Pace {
    pub budget: Dec,
    pub expected: Dec,
    pub actual: Dec,
    /// actual − expected.
    pub variance: Dec,
    /// actual / expected × 100, to 1 place; none before any spend is expected.
    pub pace_pct: Option<Dec>,
    /// actual / expected × budget: where the line lands at this pace.
    pub projected: Option<Dec>,
    /// (budget − actual) / on-air days left; none when no on-air day is left.
    pub daily_needed: Option<Dec>,
    pub days_left: u32,
    pub alert: Option<PaceAlert>,
}

/// A week of the pacing chart: planned and actual spend, cumulative.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PaceWeek {
    #[serde(serialize_with = "crate::date::serialize")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub week_start: NaiveDate,
    pub planned_cumulative: Dec,
    /// None for weeks that start after the as-of day.
    pub actual_cumulative: Option<Dec>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LinePacing {
    pub line: String,
    pub name: String,
    #[serde(flatten)]
    pub pace: Pace,
    pub weeks: Vec<PaceWeek>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Pacing {
    #[serde(serialize_with = "crate::date::serialize")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub as_of: NaiveDate,
    pub currency: String,
    pub lines: Vec<LinePacing>,
    pub total: Pace,
    /// The plan's total for the chart, on every week any line runs: each line's cumulative
    /// spend carried from its last week up to that one, summed exactly.
    pub weeks: Vec<PaceWeek>,
}

/// Unrounded pace figures, summed into the total before rounding.
struct Raw {
    budget: Decimal,
    expected: Decimal,
    actual: Decimal,
    daily_needed: Option<Decimal>,
    days_left: u32,
}

/// The day stage 6 paces as of when the planner has not picked one: the last day the plan's
/// actuals cover (pacing against days with no data yet would read as under-pacing), else
/// `today`, but never past the plan's end.
pub fn default_as_of(plan: &Plan, today: NaiveDate) -> NaiveDate {
    plan.actuals.iter().map(|a| a.end).max().unwrap_or(today).min(plan.end)
}

/// Pacing of every line and the plan as of the end of `as_of` (actuals up to that day count; a
/// row covering several days counts for its days up to `as_of`, phased by the flight).
pub fn pacing(plan: &Plan, as_of: NaiveDate) -> Result<Pacing> {
    let currency = Currency::from_code(&plan.currency)
        .ok_or_else(|| Error::at("invalid_currency", "currency", format!("\"{}\" is not an ISO 4217 code", plan.currency)))?;
    let dp = currency.minor_units();
    let view = compute(plan)?;
    let by_line = actuals_by_line(plan);
    let mut lines = Vec::new();
    let mut raws = Vec::new();
    for (i, (line, lv)) in plan.lines.iter().zip(&view.lines).enumerate() {
        let mine = by_line.get(i).map(Vec::as_slice).unwrap_or(&[]);
        let (raw, weeks) = line_raw(line, mine, lv.net.0, as_of, dp).map_err(|e| e.on_line(&line.id))?;
        lines.push(LinePacing { line: line.id.clone(), name: line.name.clone(), pace: finish(plan, &raw, dp)?, weeks });
        raws.push(raw);
    }
    let needed: Vec<Decimal> = raws.iter().filter_map(|r| r.daily_needed).collect();
    let total = Raw {
        budget: sum(raws.iter().map(|r| r.budget), "total budget")?,
        expected: sum(raws.iter().map(|r| r.expected), "total expected spend")?,
        actual: sum(raws.iter().map(|r| r.actual), "total actual spend")?,
        daily_needed: if needed.is_empty() { None } else { Some(sum(needed, "total daily spend needed")?) },
        days_left: raws.iter().map(|r| r.days_left).max().unwrap_or(0),
    };
    let weeks = total_weeks(&lines, as_of)?;
    Ok(Pacing { as_of, currency: plan.currency.clone(), lines, total: finish(plan, &total, dp)?, weeks })
}

/// The plan's actuals per line, by the line's index (one pass, not one per line).
pub(crate) fn actuals_by_line(plan: &Plan) -> Vec<Vec<&Actual>> {
    let index: HashMap<&str, usize> = plan.lines.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
    let mut out: Vec<Vec<&Actual>> = vec![Vec::new(); plan.lines.len()];
    for a in &plan.actuals {
        if let Some(&i) = index.get(a.line.as_str()) {
            out[i].push(a);
        }
    }
    out
}

/// The plan's chart: on every week any line runs, each line's cumulative figures carried from
/// its latest week up to that one, summed exactly. Built from each line's week-on-week changes
/// placed on the common weeks, so it is linear in lines × weeks. Actual spend shows on the weeks
/// that have started by `as_of`.
fn total_weeks(lines: &[LinePacing], as_of: NaiveDate) -> Result<Vec<PaceWeek>> {
    let mut starts: Vec<NaiveDate> = lines.iter().flat_map(|l| l.weeks.iter().map(|w| w.week_start)).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut planned = vec![Decimal::ZERO; starts.len()];
    let mut actual = vec![Decimal::ZERO; starts.len()];
    for l in lines {
        let (mut last_planned, mut last_actual) = (Decimal::ZERO, Decimal::ZERO);
        for w in &l.weeks {
            let Ok(k) = starts.binary_search(&w.week_start) else { continue };
            planned[k] = add(planned[k], sub(w.planned_cumulative.0, last_planned, "planned spend")?, "planned spend")?;
            last_planned = w.planned_cumulative.0;
            if let Some(a) = w.actual_cumulative {
                actual[k] = add(actual[k], sub(a.0, last_actual, "actual spend")?, "actual spend")?;
                last_actual = a.0;
            }
        }
    }
    let (mut p, mut a) = (Decimal::ZERO, Decimal::ZERO);
    let mut out = Vec::with_capacity(starts.len());
    for (k, week_start) in starts.into_iter().enumerate() {
        p = add(p, planned[k], "planned spend")?;
        a = add(a, actual[k], "actual spend")?;
        out.push(PaceWeek { week_start, planned_cumulative: Dec(p), actual_cumulative: (week_start <= as_of).then_some(Dec(a)) });
    }
    Ok(out)
}

fn line_raw(line: &Line, mine: &[&Actual], net: Decimal, as_of: NaiveDate, dp: u32) -> Result<(Raw, Vec<PaceWeek>)> {
    let weeks = flight_weeks(line);
    let nets = spread(net, dp, &weeks)?;
    let phasing = Phasing::of_flight(line.start, line.end, &weeks)?;
    // Rows that start after the as-of day have not happened yet.
    let mine: Vec<&Actual> = mine.iter().copied().filter(|a| a.start <= as_of).collect();
    let mut actual = Decimal::ZERO;
    for a in &mine {
        actual = add(actual, phasing.share(a.spend.0, a.start, a.end, as_of)?, "actual spend")?;
    }
    let in_weeks = weekly_actuals(&phasing, &weeks, &mine, as_of)?;
    let mut expected = Decimal::ZERO;
    let mut days_left = 0u32;
    let mut chart = Vec::with_capacity(weeks.len());
    let (mut planned_cum, mut actual_cum) = (Decimal::ZERO, Decimal::ZERO);
    for ((w, wn), spent) in weeks.iter().zip(&nets).zip(&in_weeks) {
        let first = w.week_start.max(line.start);
        let last = (w.week_start + Duration::days(6)).min(line.end);
        let elapsed = if as_of < first { 0 } else { ((as_of.min(last) - first).num_days() + 1) as u32 };
        if elapsed >= w.days {
            expected = add(expected, wn.net.0, "expected spend")?;
        } else if elapsed > 0 {
            let part = div(mul(wn.net.0, Decimal::from(elapsed), "expected spend")?, Decimal::from(w.days), "expected spend")?;
            expected = add(expected, part, "expected spend")?;
        }
        if !w.is_hiatus() {
            days_left += w.days - elapsed.min(w.days);
        }
        planned_cum = add(planned_cum, wn.net.0, "planned spend")?;
        actual_cum = add(actual_cum, *spent, "actual spend")?;
        let shown = (w.week_start <= as_of).then_some(actual_cum);
        chart.push(PaceWeek { week_start: w.week_start, planned_cumulative: Dec(planned_cum), actual_cumulative: shown.map(Dec) });
    }
    // Spend dated outside the flight still counts toward the line (it was spent).
    let remaining = sub(net, actual, "remaining budget")?.max(Decimal::ZERO);
    let daily_needed = if days_left > 0 { Some(div(remaining, Decimal::from(days_left), "daily spend needed")?) } else { None };
    Ok((Raw { budget: net, expected, actual, daily_needed, days_left }, chart))
}

/// Actual spend per flight week up to `as_of`, each row phased over the weeks it touches (and
/// only those, so the work is the rows plus the weeks). Spend before the flight's first week
/// lands in that week, so the chart's cumulative line includes it; spend after the last week is
/// in the line's total but on no week of its chart.
fn weekly_actuals(phasing: &Phasing, weeks: &[FlightWeek], mine: &[&Actual], as_of: NaiveDate) -> Result<Vec<Decimal>> {
    let mut out = vec![Decimal::ZERO; weeks.len()];
    let Some(first) = weeks.first().map(|w| w.week_start) else { return Ok(out) };
    let n = weeks.len();
    let index = |d: NaiveDate| -> usize {
        if d < first {
            0
        } else {
            usize::try_from((d - first).num_days() / 7).unwrap_or(usize::MAX)
        }
    };
    for a in mine {
        let k0 = index(a.start);
        if k0 >= n {
            continue;
        }
        let k1 = index(a.end.min(as_of)).min(n - 1);
        let mut before = Decimal::ZERO;
        for (k, slot) in out.iter_mut().enumerate().take(k1 + 1).skip(k0) {
            let through = (weeks[k].week_start + Duration::days(6)).min(as_of);
            let upto = phasing.share(a.spend.0, a.start, a.end, through)?;
            *slot = add(*slot, sub(upto, before, "actual spend")?, "actual spend")?;
            before = upto;
        }
    }
    Ok(out)
}

fn finish(plan: &Plan, r: &Raw, dp: u32) -> Result<Pace> {
    let s = &plan.monitoring;
    let pace = if r.expected > Decimal::ZERO { Some(mul(div(r.actual, r.expected, "pace")?, Decimal::ONE_HUNDRED, "pace")?) } else { None };
    let projected = if r.expected > Decimal::ZERO { Some(mul(div(r.actual, r.expected, "projected spend")?, r.budget, "projected spend")?) } else { None };
    let alert = pace.and_then(|p| {
        if p >= s.over_pace_pct {
            Some(PaceAlert::Overpacing)
        } else if p <= s.under_pace_pct {
            Some(PaceAlert::Underpacing)
        } else {
            None
        }
    });
    Ok(Pace {
        budget: Dec(round_dp(r.budget, dp)),
        expected: Dec(round_dp(r.expected, dp)),
        actual: Dec(round_dp(r.actual, dp)),
        variance: Dec(round_dp(sub(r.actual, r.expected, "variance")?, dp)),
        pace_pct: pace.map(|p| round_dp(p, 1)).map(Dec),
        projected: projected.map(|p| round_dp(p, dp)).map(Dec),
        daily_needed: r.daily_needed.map(|d| round_dp(d, dp)).map(Dec),
        days_left: r.days_left,
        alert,
    })
}
