//! Phasing: how a row of actuals that covers several days falls on those days.
//!
//! Platform reports come per day, per week, per month or for a whole campaign, but pacing asks
//! "how much was spent up to this day", the learning window "in the last seven days" and
//! reconciliation "in this month". So a range row is spread over its days the way the line was
//! planned to spend: by the flight's weekly weights (a hiatus week gets nothing, a burst week
//! more, days outside the flight nothing). A row that touches no on-air day of the flight (a
//! report for days the line was not planned to run) is spread evenly over its days.
//!
//! The part of a row up to a day telescopes: `amount × weight(start..day) / weight(start..end)`,
//! and the whole amount exactly once the day reaches the row's end, so the parts of a row cut at
//! any days (weeks of a chart, months of a reconciliation) sum exactly to the row. Each question
//! costs O(1) after an O(weeks) set-up per line, which keeps pacing linear in lines × weeks.

use crate::error::{Error, Result};
use crate::flight::{monday, FlightWeek};
use crate::money::{add, div, mul};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// A line's flight as weights per day, ready to phase actuals over.
#[derive(Debug, Clone)]
pub struct Phasing {
    /// Day numbers (days from the common era) of the flight's first and last day.
    start: i32,
    end: i32,
    first_monday: i32,
    weights: Vec<Decimal>,
    /// Weight-days of the flight before week `k` (one more entry than weeks).
    before: Vec<Decimal>,
}

impl Phasing {
    /// The phasing of a flight from its weeks (`flight::flight_weeks`).
    pub fn of_flight(start: NaiveDate, end: NaiveDate, weeks: &[FlightWeek]) -> Result<Phasing> {
        let mut before = Vec::with_capacity(weeks.len() + 1);
        let mut acc = Decimal::ZERO;
        before.push(acc);
        for w in weeks {
            // Weights are not negative (validation); a negative one would make shares meaningless.
            let wd = mul(w.weight.max(Decimal::ZERO), Decimal::from(w.days), "flight weight")?;
            acc = add(acc, wd, "flight weight")?;
            before.push(acc);
        }
        Ok(Phasing {
            start: start.num_days_from_ce(),
            end: end.num_days_from_ce(),
            first_monday: monday(start).num_days_from_ce(),
            weights: weeks.iter().map(|w| w.weight.max(Decimal::ZERO)).collect(),
            before,
        })
    }

    /// No flight to follow: every row is spread evenly over its days.
    pub fn even() -> Phasing {
        Phasing { start: 0, end: -1, first_monday: 0, weights: Vec::new(), before: vec![Decimal::ZERO] }
    }

    /// Weight-days of the flight's days up to and including `day`.
    fn through(&self, day: i32) -> Result<Decimal> {
        let n = self.weights.len();
        if n == 0 || day < self.start {
            return Ok(Decimal::ZERO);
        }
        if day >= self.end {
            return Ok(self.before[n]);
        }
        // start <= day < end, so the week index is inside the flight.
        let k = (((day - self.first_monday) / 7) as usize).min(n - 1);
        let from = (self.first_monday + 7 * k as i32).max(self.start);
        let days = Decimal::from(day - from + 1);
        add(self.before[k], mul(self.weights[k], days, "flight weight")?, "flight weight")
    }

    /// The fraction of a row covering `start..=end` that falls on days up to `day`, as
    /// (numerator, denominator); `None` when the whole row does (day on or after its end).
    pub fn fraction(&self, start: NaiveDate, end: NaiveDate, day: NaiveDate) -> Result<Option<(Decimal, Decimal)>> {
        if day >= end {
            return Ok(None);
        }
        if day < start {
            return Ok(Some((Decimal::ZERO, Decimal::ONE)));
        }
        let (s, e, d) = (start.num_days_from_ce(), end.num_days_from_ce(), day.num_days_from_ce());
        let before_start = self.through(s - 1)?;
        let whole = self.through(e)? - before_start;
        if whole > Decimal::ZERO {
            return Ok(Some((self.through(d)? - before_start, whole)));
        }
        // No on-air day in the row: evenly by days.
        Ok(Some((Decimal::from(d - s + 1), Decimal::from(e - s + 1))))
    }

    /// The part of `amount`, spread over `start..=end`, that falls on days up to `day`. Exactly
    /// `amount` once `day` reaches `end`, and 0 before `start`.
    pub fn share(&self, amount: Decimal, start: NaiveDate, end: NaiveDate, day: NaiveDate) -> Result<Decimal> {
        match self.fraction(start, end, day)? {
            None => Ok(amount),
            Some((num, _)) if num.is_zero() => Ok(Decimal::ZERO),
            Some((num, den)) => div(mul(amount, num, "phased actuals")?, den, "phased actuals"),
        }
    }

    /// The part of `amount` that falls on days after `after` up to `day` (`after` < `day`).
    pub fn share_between(&self, amount: Decimal, start: NaiveDate, end: NaiveDate, after: NaiveDate, day: NaiveDate) -> Result<Decimal> {
        let upto = self.share(amount, start, end, day)?;
        let before = self.share(amount, start, end, after)?;
        upto.checked_sub(before).ok_or_else(|| Error::overflow("phased actuals"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flight::FlightWeek;
    use std::str::FromStr;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// A flight Mon 2025-09-01 to Sun 2025-09-21 weighted 1 : 0 : 2.
    fn flight() -> Phasing {
        let weeks = [
            FlightWeek { week_start: day("2025-09-01"), days: 7, weight: d("1") },
            FlightWeek { week_start: day("2025-09-08"), days: 7, weight: d("0") },
            FlightWeek { week_start: day("2025-09-15"), days: 7, weight: d("2") },
        ];
        Phasing::of_flight(day("2025-09-01"), day("2025-09-21"), &weeks).unwrap()
    }

    #[test]
    fn a_range_follows_the_flight_weights() {
        let p = flight();
        let (s, e) = (day("2025-09-01"), day("2025-09-21"));
        // Weight-days 7 + 0 + 14 = 21; 2,100 spread: 700 in week 1, nothing in the hiatus, 1,400 last.
        assert_eq!(p.share(d("2100"), s, e, day("2025-09-07")).unwrap(), d("700"));
        assert_eq!(p.share(d("2100"), s, e, day("2025-09-14")).unwrap(), d("700"));
        assert_eq!(p.share(d("2100"), s, e, day("2025-09-15")).unwrap(), d("900"));
        assert_eq!(p.share(d("2100"), s, e, day("2025-09-21")).unwrap(), d("2100"));
        assert_eq!(p.share(d("2100"), s, e, day("2025-08-31")).unwrap(), d("0"));
    }

    #[test]
    fn a_range_outside_the_flight_is_even_by_days() {
        let p = flight();
        // Only hiatus days: evenly over the 4 days.
        assert_eq!(p.share(d("10"), day("2025-09-09"), day("2025-09-12"), day("2025-09-10")).unwrap(), d("5"));
        // Days before the flight and its first day: all of it on the flight's day.
        assert_eq!(p.share(d("10"), day("2025-08-30"), day("2025-09-01"), day("2025-08-31")).unwrap(), d("0"));
        let even = Phasing::even();
        assert_eq!(even.share(d("31"), day("2025-01-01"), day("2025-01-31"), day("2025-01-10")).unwrap(), d("10"));
    }

    #[test]
    fn parts_of_a_row_sum_exactly_to_it() {
        let p = flight();
        let (s, e) = (day("2025-09-03"), day("2025-09-19"));
        let amount = d("1000.00");
        let cuts = ["2025-09-05", "2025-09-07", "2025-09-16", "2025-09-19"];
        let mut prev = s.pred_opt().unwrap();
        let mut total = Decimal::ZERO;
        for c in cuts {
            total += p.share_between(amount, s, e, prev, day(c)).unwrap();
            prev = day(c);
        }
        assert_eq!(total, amount);
    }
}
