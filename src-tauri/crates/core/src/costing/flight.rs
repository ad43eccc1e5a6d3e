//! Flights: when a line spends, week by week.
//!
//! The flowchart is what clients read as "the plan", so a line's weeks must add up to its net
//! exactly. A line spends evenly per active day, weighted per week by its pattern (continuous,
//! flighting with hiatus weeks, pulsing) or its explicit weights; the weekly amounts are then
//! rounded with the largest remainder method. Weeks run Monday to Sunday.
//!
//! The split is exact integer arithmetic: each week's weight on a common decimal scale times its
//! active days, over the net in minor units (i64 where it fits, i128 otherwise).

use crate::error::Result;
use crate::money::{split_ints_into, split_largest_remainder, split_small_into, to_units};
use crate::plan::{Calendar, Line, Pattern};
use crate::Dec;
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
    let mut out = Vec::new();
    flight_weeks_into(line, &[], &mut out);
    out
}

/// [`flight_weeks`] into a reused buffer. `mondays`, if it holds at least the flight's weeks,
/// gives their starts (the flowchart's grid from the flight's first week) instead of date
/// arithmetic: this runs for every week of every line on each keystroke.
pub(crate) fn flight_weeks_into(line: &Line, mondays: &[NaiveDate], out: &mut Vec<FlightWeek>) {
    out.clear();
    let n = flight_week_count(line.start, line.end);
    out.reserve(n);
    let days = WeekDays::of(line);
    if mondays.len() >= n {
        for (k, ws) in mondays[..n].iter().enumerate() {
            out.push(FlightWeek { week_start: *ws, days: days.get(k), weight: week_weight(line, k) });
        }
        return;
    }
    let mut ws = monday(line.start);
    for k in 0..n {
        out.push(FlightWeek { week_start: ws, days: days.get(k), weight: week_weight(line, k) });
        ws = ws.checked_add_days(Days::new(7)).unwrap_or(ws);
    }
}

/// Active days per flight week, on day numbers (no date arithmetic).
struct WeekDays {
    start: i32,
    end: i32,
    first_monday: i32,
}

impl WeekDays {
    fn of(line: &Line) -> WeekDays {
        WeekDays { start: line.start.num_days_from_ce(), end: line.end.num_days_from_ce(), first_monday: monday(line.start).num_days_from_ce() }
    }

    /// Days of week `k` of the flight inside it (at least 1 for every week of a flight).
    fn get(&self, k: usize) -> u32 {
        let wn = self.first_monday + 7 * k as i32;
        ((wn + 6).min(self.end) - wn.max(self.start) + 1).max(0) as u32
    }
}

/// Days the line is on air: the active days of its weeks that are not hiatus weeks.
pub fn on_air_days(line: &Line) -> u32 {
    if line.end < line.start {
        return 0;
    }
    if line.weights.is_none() && matches!(line.pattern, None | Some(Pattern::Continuous)) {
        // Every week has weight 1.
        return (line.end.num_days_from_ce() - line.start.num_days_from_ce() + 1) as u32;
    }
    let days = WeekDays::of(line);
    (0..flight_week_count(line.start, line.end)).filter(|k| !week_weight(line, *k).is_zero()).map(|k| days.get(k)).sum()
}

/// Weeks the line is on air: the Monday-to-Sunday weeks of its flight that are not hiatus weeks
/// (a poster is booked for the whole week it goes up in).
pub fn on_air_weeks(line: &Line) -> u32 {
    (0..flight_week_count(line.start, line.end)).filter(|k| !week_weight(line, *k).is_zero()).count() as u32
}

/// Each flight week's weight as the line stands: its explicit weights, else its pattern's.
pub fn week_weights(line: &Line) -> Vec<Decimal> {
    (0..flight_week_count(line.start, line.end)).map(|k| week_weight(line, k)).collect()
}

fn week_weight(line: &Line, k: usize) -> Decimal {
    if let Some(w) = &line.weights {
        return w.get(k).copied().unwrap_or(Dec(Decimal::ZERO)).0;
    }
    let c = Cycle::of(line);
    if k % c.weeks < c.on {
        Decimal::ONE
    } else {
        c.off_weight
    }
}

/// A pattern as a repeating cycle of `weeks`: the first `on` at weight 1, the rest at
/// `off_weight` (0 for flighting's hiatus, `base` for pulsing). Continuous is all on.
struct Cycle {
    weeks: usize,
    on: usize,
    off_weight: Decimal,
}

impl Cycle {
    fn of(line: &Line) -> Cycle {
        match &line.pattern {
            None | Some(Pattern::Continuous) => Cycle { weeks: 1, on: 1, off_weight: Decimal::ZERO },
            // Summed wide: `on` and `off` are whatever the file says.
            Some(Pattern::Flighting { on, off }) => {
                Cycle { weeks: (u64::from(*on) + u64::from(*off)).max(1) as usize, on: *on as usize, off_weight: Decimal::ZERO }
            }
            Some(Pattern::Pulsing { on, off, base }) => {
                Cycle { weeks: (u64::from(*on) + u64::from(*off)).max(1) as usize, on: *on as usize, off_weight: base.0 }
            }
        }
    }
}

/// A week's share of a line's net media.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekNet {
    #[serde(serialize_with = "crate::date::serialize")]
    pub week_start: NaiveDate,
    pub net: Dec,
}

/// Spread `net` over the flight: per active day, times the week's weight, rounded to `dp`
/// places so the weeks sum exactly to `net`.
pub fn spread(net: Decimal, dp: u32, weeks: &[FlightWeek]) -> Result<Vec<WeekNet>> {
    let parts = spread_amounts(net, dp, weeks)?;
    Ok(weeks.iter().zip(parts).map(|(w, net)| WeekNet { week_start: w.week_start, net: Dec(net) }).collect())
}

/// [`spread`]'s amounts alone, one per flight week, in order.
pub fn spread_amounts(net: Decimal, dp: u32, weeks: &[FlightWeek]) -> Result<Vec<Decimal>> {
    let mut buf = SpreadBuf::default();
    spread_units(net, dp, weeks, &mut buf)?;
    Ok(buf.units.iter().map(|u| Decimal::from_i128_with_scale(*u, dp)).collect())
}

/// Buffers reused across spreads (costing spreads every line on each recompute).
#[derive(Debug, Default)]
pub(crate) struct SpreadBuf {
    /// The spread: each week's amount in minor units (an amount at `dp` places).
    pub units: Vec<i128>,
    weights: Vec<i128>,
    rems: Vec<i128>,
    /// Each week's integer weight (weight on the common scale × active days) in the i64 path.
    pub small: Vec<i64>,
    small_rems: Vec<i64>,
    /// [`week_parts`]: each week's remainder over `den`, the weeks that round up, hiatus weeks,
    /// and whether the remainders are exact.
    pub week_rems: Vec<u64>,
    pub den: u64,
    pub ups: u64,
    pub hiatus: Vec<bool>,
    pub exact: bool,
}

/// [`spread_amounts`] in integer minor units, into `buf.units`.
pub(crate) fn spread_units(net: Decimal, dp: u32, weeks: &[FlightWeek], buf: &mut SpreadBuf) -> Result<()> {
    if spread_small(net, dp, weeks, buf).is_some() {
        return Ok(());
    }
    if spread_whole_weights(net, dp, weeks, buf).is_none() {
        let weights: Vec<Decimal> = weeks.iter().map(|w| Decimal::from(w.days) * w.weight).collect();
        let parts = split_largest_remainder(net, &weights, dp)?;
        buf.units.clear();
        // Every part is at exactly `dp` places.
        buf.units.extend(parts.iter().map(|p| p.mantissa()));
    }
    Ok(())
}

/// [`spread_whole_weights`] in i64, the usual case: the same integer weights, so the same
/// parts. `None` when something does not fit; the general path then decides.
fn spread_small(net: Decimal, dp: u32, weeks: &[FlightWeek], buf: &mut SpreadBuf) -> Option<()> {
    spread_small_weeks(net, dp, weeks.iter().map(|w| (w.days, w.weight)), buf)
}

/// Integer weights of a line's `n` flight weeks into `buf.small` (each week's weight on a
/// common decimal scale times its active days, so zero exactly on hiatus weeks), with their
/// total and the largest; `None` when they do not fit i64. Straight from the line's pattern
/// or weights, without its weeks as [`FlightWeek`]s: this runs for every line on each keystroke.
fn line_weights_small(line: &Line, n: usize, buf: &mut SpreadBuf) -> Option<(i64, i64)> {
    let days = WeekDays::of(line);
    buf.small.clear();
    if line.weights.is_some() {
        let scale = (0..n).map(|k| week_weight(line, k).scale()).max().unwrap_or(0);
        if scale as usize >= POW10.len() {
            return None;
        }
        let (mut total, mut max): (i64, i64) = (0, 0);
        for k in 0..n {
            let x = scaled_weight(week_weight(line, k), scale)?.checked_mul(i64::from(days.get(k)))?;
            total = total.checked_add(x)?;
            max = max.max(x);
            buf.small.push(x);
        }
        return Some((total, max));
    }
    // A pattern has two weights, 1 and the off weeks' (if the flight reaches an off week): the
    // common scale and both integers once, then the weeks by a counter through the cycle.
    let c = Cycle::of(line);
    let any_off = c.on < c.weeks && n > c.on;
    let scale = if any_off { c.off_weight.scale() } else { 0 };
    let on_x = *POW10.get(scale as usize)?;
    let off_x = if any_off { scaled_weight(c.off_weight, scale)? } else { 0 };
    let (mut total, mut max, mut phase): (i64, i64, usize) = (0, 0, 0);
    for k in 0..n {
        // Only the first and last weeks can be partial.
        let active = if k == 0 || k + 1 == n { days.get(k) } else { 7 };
        let x = if phase < c.on { on_x } else { off_x }.checked_mul(i64::from(active))?;
        phase = if phase + 1 == c.weeks { 0 } else { phase + 1 };
        total = total.checked_add(x)?;
        max = max.max(x);
        buf.small.push(x);
    }
    Some((total, max))
}

/// A line's weekly amounts before rounding, exactly: week k is `buf.units[k] + buf.week_rems[k] /
/// buf.den` minor units (the floor and the remainder of its share of the net), `buf.ups` weeks
/// must round up for the weeks to sum to the net, and `buf.hiatus[k]` marks a week of weight
/// zero. The flowchart (`flowchart.rs`) then decides which weeks round up, so that the
/// columns add up too. When the weights are too fine to hold exactly (more than 19 significant
/// digits), the remainders are kept to about 18 digits and `buf.exact` is false.
pub(crate) fn week_parts(line: &Line, n: usize, net: Decimal, dp: u32, buf: &mut SpreadBuf) -> Result<()> {
    if net.is_sign_negative() && !net.is_zero() {
        return Err(crate::error::Error::new("negative_value", format!("a line's net media of {net} is negative")));
    }
    let units = to_units(net, dp)?;
    if line.weights.is_none() {
        if let Some(()) = i64::try_from(units).ok().and_then(|u| parts_pattern(line, n, u, buf)) {
            return Ok(());
        }
    }
    if let (Some((total, max)), Ok(u)) = (line_weights_small(line, n, buf), i64::try_from(units)) {
        if total > 0 && u.checked_mul(max).is_some() {
            parts_small(u, total, buf);
            return Ok(());
        }
    }
    let days = WeekDays::of(line);
    let weeks: Vec<Decimal> = (0..n).map(|k| crate::money::mul(Decimal::from(days.get(k)), week_weight(line, k), "a week's weight")).collect::<Result<_>>()?;
    parts_general(units, &weeks, buf)
}

/// [`week_parts`] for a pattern (continuous, flighting or pulsing) in i64, the usual line: its
/// total weight in closed form, then every full on or off week from one division each, and
/// only the first and last (partial) weeks on their own. `None` when something does not fit.
fn parts_pattern(line: &Line, n: usize, units: i64, buf: &mut SpreadBuf) -> Option<()> {
    if n == 0 || units < 0 {
        return None;
    }
    let days = WeekDays::of(line);
    let c = Cycle::of(line);
    let any_off = c.on < c.weeks && n > c.on;
    let scale = if any_off { c.off_weight.scale() } else { 0 };
    let on_x = *POW10.get(scale as usize)?;
    let off_x = if any_off { scaled_weight(c.off_weight, scale)? } else { 0 };
    let weight = |k: usize| if k % c.weeks < c.on { on_x } else { off_x };
    let on_count = (n / c.weeks) * c.on + (n % c.weeks).min(c.on);
    let full = on_x.checked_mul(on_count as i64)?.checked_add(off_x.checked_mul((n - on_count) as i64)?)?;
    // Seven days a week, less the days the first and last weeks are off air.
    let short = |k: usize| weight(k).checked_mul(7 - i64::from(days.get(k)));
    let mut total = full.checked_mul(7)?.checked_sub(short(0)?)?;
    if n > 1 {
        total = total.checked_sub(short(n - 1)?)?;
    }
    if total <= 0 {
        return None;
    }
    let part = |x: i64| -> Option<(i64, i64)> {
        let p = units.checked_mul(x)?;
        Some((p / total, p % total))
    };
    let (on_full, off_full) = (part(on_x.checked_mul(7)?)?, part(off_x.checked_mul(7)?)?);
    let edge = |k: usize| part(weight(k).checked_mul(i64::from(days.get(k)))?);
    let (first, last) = (edge(0)?, edge(n - 1)?);
    buf.units.resize(n, 0);
    buf.week_rems.resize(n, 0);
    buf.hiatus.resize(n, false);
    let mut assigned: i64 = 0;
    let mut phase = 0usize;
    for (k, ((f, r), h)) in buf.units.iter_mut().zip(buf.week_rems.iter_mut()).zip(buf.hiatus.iter_mut()).enumerate() {
        let on = phase < c.on;
        let (wf, wr) = if k == 0 {
            first
        } else if k + 1 == n {
            last
        } else if on {
            on_full
        } else {
            off_full
        };
        *f = i128::from(wf);
        *r = wr as u64;
        *h = !on && off_x == 0;
        assigned += wf;
        phase = if phase + 1 == c.weeks { 0 } else { phase + 1 };
    }
    buf.den = total as u64;
    buf.ups = (units - assigned) as u64;
    buf.exact = true;
    Some(())
}

/// [`week_parts`] in i64: one division per distinct weight among the last two (a flight's full
/// weeks weigh the same, and a pattern alternates between two weights).
fn parts_small(units: i64, total: i64, buf: &mut SpreadBuf) {
    let n = buf.small.len();
    buf.units.clear();
    buf.week_rems.clear();
    buf.hiatus.clear();
    buf.units.reserve(n);
    buf.week_rems.reserve(n);
    buf.hiatus.reserve(n);
    let mut seen = [(-1i64, 0i64, 0i64); 2]; // (weight, floor, remainder)
    let mut assigned: i64 = 0;
    for w in &buf.small {
        if seen[0].0 != *w {
            seen.swap(0, 1);
            if seen[0].0 != *w {
                let p = units * *w;
                seen[0] = (*w, p / total, p % total);
            }
        }
        let (_, f, r) = seen[0];
        assigned += f;
        buf.units.push(f as i128);
        buf.week_rems.push(r as u64);
        buf.hiatus.push(*w == 0);
    }
    buf.den = total as u64;
    buf.ups = (units - assigned) as u64;
    buf.exact = true;
}

/// [`week_parts`] for weights that do not fit i64: integers on a common scale in i128,
/// coarsened (far-out digits rounded, a positive weight never to zero) until the products fit.
fn parts_general(units: i128, weeks: &[Decimal], buf: &mut SpreadBuf) -> Result<()> {
    let mut scale = weeks.iter().map(|w| w.scale()).max().unwrap_or(0);
    loop {
        let ints: Option<Vec<i128>> = weeks
            .iter()
            .map(|w| {
                let m = if w.scale() <= scale {
                    w.mantissa().checked_mul(10i128.checked_pow(scale - w.scale())?)?
                } else {
                    let mut r = crate::money::round_dp(*w, scale);
                    r.rescale(scale);
                    r.mantissa().max(i128::from(!w.is_zero()))
                };
                Some(m)
            })
            .collect();
        let fits = ints.as_ref().and_then(|ints| {
            let total = ints.iter().try_fold(0i128, |a, b| a.checked_add(*b))?;
            let max = ints.iter().copied().max().unwrap_or(0);
            units.checked_mul(max)?;
            Some(total)
        });
        if let (Some(ints), Some(total)) = (ints, fits) {
            if total <= 0 {
                return Err(crate::error::Error::new("invalid_field", "every week of the flight is a hiatus"));
            }
            // Remainders are below the total; past u64 they keep their top 62 bits.
            let bits = 128 - total.leading_zeros();
            let shift = if bits <= 64 { 0 } else { bits - 62 };
            let mut assigned = 0i128;
            buf.units.clear();
            buf.week_rems.clear();
            buf.hiatus.clear();
            for w in &ints {
                let p = units * *w;
                let (f, r) = (p / total, p % total);
                assigned += f;
                buf.units.push(f);
                let r = if r > 0 { ((r >> shift) as u64).max(1) } else { 0 };
                buf.week_rems.push(r);
                buf.hiatus.push(*w == 0);
            }
            buf.den = ((total >> shift) as u64).max(1);
            buf.ups = u64::try_from(units - assigned).map_err(|_| crate::error::Error::overflow("a weekly spread"))?;
            buf.exact = shift == 0;
            return Ok(());
        }
        if scale == 0 {
            return Err(crate::error::Error::overflow("a weekly spread"));
        }
        scale -= 1;
    }
}

const POW10: [i64; 19] = {
    let mut p = [1i64; 19];
    let mut i = 1;
    while i < 19 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// A non-negative weight as an integer on a common `scale` (at least its own), if it fits i64.
fn scaled_weight(w: Decimal, scale: u32) -> Option<i64> {
    let m = i64::try_from(w.mantissa()).ok().filter(|m| *m >= 0)?;
    m.checked_mul(*POW10.get((scale - w.scale()) as usize)?)
}

fn split_small(net: Decimal, dp: u32, total: i64, max: i64, buf: &mut SpreadBuf) -> Option<()> {
    if net.is_sign_negative() {
        return None;
    }
    let units = i64::try_from(to_units(net, dp).ok()?).ok()?;
    split_small_into(units, &buf.small, total, max, &mut buf.units, &mut buf.small_rems)
}

fn spread_small_weeks(net: Decimal, dp: u32, weeks: impl Iterator<Item = (u32, Decimal)> + Clone, buf: &mut SpreadBuf) -> Option<()> {
    let scale = weeks.clone().map(|(_, w)| w.scale()).max().unwrap_or(0);
    if scale as usize >= POW10.len() {
        return None;
    }
    buf.small.clear();
    let (mut total, mut max): (i64, i64) = (0, 0);
    for (days, w) in weeks {
        let x = scaled_weight(w, scale)?.checked_mul(i64::from(days))?;
        total = total.checked_add(x)?;
        max = max.max(x);
        buf.small.push(x);
    }
    split_small(net, dp, total, max, buf)
}

/// Week weights on a common decimal scale, as integers times active days, split in integer
/// minor units. Falls back (`None`) only if the integers would not fit.
fn spread_whole_weights(net: Decimal, dp: u32, weeks: &[FlightWeek], buf: &mut SpreadBuf) -> Option<()> {
    if net.is_sign_negative() {
        return None;
    }
    let scale = weeks.iter().map(|w| w.weight.scale()).max().unwrap_or(0);
    buf.weights.clear();
    let mut total: i128 = 0;
    for w in weeks {
        let m = w.weight.mantissa().checked_mul(10i128.checked_pow(scale - w.weight.scale())?)?;
        let x = m.checked_mul(w.days as i128)?;
        total = total.checked_add(x)?;
        buf.weights.push(x);
    }
    if total <= 0 {
        return None;
    }
    let units = to_units(net, dp).ok()?;
    split_ints_into(units, &buf.weights, total, &mut buf.units, &mut buf.rems)
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

/// A day as every output writes it for people: "4 Jan 2027", unambiguous in every market the plan
/// may travel to (the app's one date rule; the PDF's too; plan files keep ISO).
pub fn day_label(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

/// Every week from the one holding `start` to the one holding `end`.
pub fn week_grid(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let first = monday(start);
    (0..flight_week_count(start, end)).map(|k| first + Duration::days(7 * k as i64)).collect()
}

pub fn is_monday(d: NaiveDate) -> bool {
    d.weekday() == Weekday::Mon
}
