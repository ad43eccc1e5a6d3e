//! Flights: when a line spends, week by week.
//!
//! The flowchart is what clients read as "the plan", so a line's weeks must add up to its net
//! exactly. A line spends evenly per active day, weighted per week by its pattern (continuous,
//! flighting with hiatus weeks, pulsing) or its explicit weights; the weekly amounts are then
//! rounded with the largest remainder method. Weeks run Monday to Sunday.

use crate::error::Result;
use crate::money::{split_ints, split_largest_remainder, to_units};
use crate::plan::{Calendar, Line, Pattern};
use chrono::{Datelike, Days, Duration, NaiveDate, Weekday};
use rust_decimal::Decimal;
use serde::Serialize;

/// The Monday that starts the week holding `d`.
pub fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// How many Monday-to-Sunday weeks a flight touches (0 if it ends before it starts).
pub fn flight_week_count(start: NaiveDate, end: NaiveDate) -> usize {
    if end < start {
        return 0;
    }
    ((monday(end) - monday(start)).num_days() / 7 + 1) as usize
}

/// One week of a flight: how many of its days the line is on air, and the week's weight.
#[derive(Debug, Clone, PartialEq)]
pub struct FlightWeek {
    pub week_start: NaiveDate,
    pub days: u32,
    pub weight: Decimal,
}

impl FlightWeek {
    /// A hiatus week is inside the flight but carries no spend.
    pub fn is_hiatus(&self) -> bool {
        self.weight.is_zero()
    }
}

/// The weeks of a line's flight with their active days and weights.
pub fn flight_weeks(line: &Line) -> Vec<FlightWeek> {
    let n = flight_week_count(line.start, line.end);
    let first = monday(line.start);
    // Day arithmetic on day numbers: this runs for every week of every line on each keystroke.
    let (s, e, f) = (line.start.num_days_from_ce(), line.end.num_days_from_ce(), first.num_days_from_ce());
    let mut out = Vec::with_capacity(n);
    let mut ws = first;
    for k in 0..n {
        let wn = f + 7 * k as i32;
        let days = ((wn + 6).min(e) - wn.max(s) + 1).max(0) as u32;
        out.push(FlightWeek { week_start: ws, days, weight: week_weight(line, k) });
        ws = ws.checked_add_days(Days::new(7)).unwrap_or(ws);
    }
    out
}

fn week_weight(line: &Line, k: usize) -> Decimal {
    if let Some(w) = &line.weights {
        return w.get(k).copied().unwrap_or(Decimal::ZERO);
    }
    match &line.pattern {
        None | Some(Pattern::Continuous) => Decimal::ONE,
        Some(Pattern::Flighting { on, off }) => {
            let cycle = (*on + *off).max(1) as usize;
            if k % cycle < *on as usize {
                Decimal::ONE
            } else {
                Decimal::ZERO
            }
        }
        Some(Pattern::Pulsing { on, off, base }) => {
            let cycle = (*on + *off).max(1) as usize;
            if k % cycle < *on as usize {
                Decimal::ONE
            } else {
                *base
            }
        }
    }
}

/// A week's share of a line's net media.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekNet {
    #[serde(serialize_with = "crate::date::serialize")]
    pub week_start: NaiveDate,
    #[serde(serialize_with = "crate::dec::serialize")]
    pub net: Decimal,
}

/// Spread `net` over the flight: per active day, times the week's weight, rounded to `dp`
/// places so the weeks sum exactly to `net`.
pub fn spread(net: Decimal, dp: u32, weeks: &[FlightWeek]) -> Result<Vec<WeekNet>> {
    let parts = spread_amounts(net, dp, weeks)?;
    Ok(weeks.iter().zip(parts).map(|(w, net)| WeekNet { week_start: w.week_start, net }).collect())
}

/// [`spread`]'s amounts alone, one per flight week, in order.
pub fn spread_amounts(net: Decimal, dp: u32, weeks: &[FlightWeek]) -> Result<Vec<Decimal>> {
    match spread_whole_weights(net, dp, weeks) {
        Some(parts) => Ok(parts),
        None => {
            let weights: Vec<Decimal> = weeks.iter().map(|w| Decimal::from(w.days) * w.weight).collect();
            split_largest_remainder(net, &weights, dp)
        }
    }
}

/// Week weights on a common decimal scale, as integers times active days, split in integer
/// minor units. Falls back (`None`) only if the integers would not fit.
fn spread_whole_weights(net: Decimal, dp: u32, weeks: &[FlightWeek]) -> Option<Vec<Decimal>> {
    if net.is_sign_negative() {
        return None;
    }
    let scale = weeks.iter().map(|w| w.weight.scale()).max().unwrap_or(0);
    let mut weights: Vec<i128> = Vec::with_capacity(weeks.len());
    let mut total: i128 = 0;
    for w in weeks {
        let m = w.weight.mantissa().checked_mul(10i128.checked_pow(scale - w.weight.scale())?)?;
        let x = m.checked_mul(w.days as i128)?;
        total = total.checked_add(x)?;
        weights.push(x);
    }
    if total <= 0 {
        return None;
    }
    let units = to_units(net, dp).ok()?;
    let parts = split_ints(units, &weights, total)?;
    Some(parts.into_iter().map(|u| Decimal::from_i128_with_scale(u, dp)).collect())
}

/// The month a week is banded under on the flowchart. Standard calendar: the month holding the
/// week's Thursday (most of its days). Broadcast calendar: the month of its Sunday, since a
/// broadcast month ends on its last Sunday.
pub fn month_of_week(week_start: NaiveDate, calendar: Calendar) -> (i32, u32) {
    let d = match calendar {
        Calendar::Standard => week_start + Duration::days(3),
        Calendar::Broadcast => week_start + Duration::days(6),
    };
    (d.year(), d.month())
}

/// A month band over consecutive weeks of the flowchart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MonthBand {
    pub year: i32,
    pub month: u32,
    /// e.g. "Jan 2027".
    pub label: String,
    /// Index of the first week in the grid, and how many weeks the band spans.
    pub first_week: usize,
    pub weeks: usize,
}

pub fn month_bands(weeks: &[NaiveDate], calendar: Calendar) -> Vec<MonthBand> {
    let mut bands: Vec<MonthBand> = Vec::new();
    for (i, ws) in weeks.iter().enumerate() {
        let (y, m) = month_of_week(*ws, calendar);
        match bands.last_mut() {
            Some(b) if b.year == y && b.month == m => b.weeks += 1,
            _ => bands.push(MonthBand { year: y, month: m, label: month_label(y, m), first_week: i, weeks: 1 }),
        }
    }
    bands
}

pub fn month_label(year: i32, month: u32) -> String {
    const NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!("{} {year}", NAMES[(month as usize + 11) % 12])
}

/// Every week from the one holding `start` to the one holding `end`.
pub fn week_grid(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let first = monday(start);
    (0..flight_week_count(start, end)).map(|k| first + Duration::days(7 * k as i64)).collect()
}

pub fn is_monday(d: NaiveDate) -> bool {
    d.weekday() == Weekday::Mon
}
