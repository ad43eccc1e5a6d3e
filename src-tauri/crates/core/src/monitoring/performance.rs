//! Performance against the KPI: what each line actually cost per thousand, per click, per
//! conversion and returned per unit of spend, beside what the plan assumed and targeted, and
//! whether an auction line has enough optimisation events to leave its learning phase.
//!
//! The plan's assumptions (rate, CTR, CVR) produce the planned figures through costing, so the
//! two columns compare like with like. A figure whose denominator is zero is unknown (null),
//! never zero.

use crate::costing::compute;
use crate::error::Result;
use crate::flight::flight_weeks;
use crate::learning::optimises_for_conversions;
use crate::money::{add, div, mul, round_dp, sub, Currency};
use crate::phasing::Phasing;
use crate::plan::{Actual, Buying, Kpi, Line, Plan};
use crate::view::LineView;
use crate::Dec;
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// Unit costs and ratios. Money to the currency's minor unit, CTR and CVR as fractions to
/// 6 places, ROAS to 2 places; CTR and CVR also as the percents a planner reads (`ctr_pct`,
/// 2 places, half away from zero), so no ring rounds them on its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Metrics {
    pub cpm: Option<Dec>,
    pub cpc: Option<Dec>,
    pub cpa: Option<Dec>,
    pub roas: Option<Dec>,
    pub ctr: Option<Dec>,
    pub cvr: Option<Dec>,
    /// `ctr` as a percent to 2 places ("11.94" for 0.119413).
    pub ctr_pct: Option<Dec>,
    /// `cvr` as a percent to 2 places.
    pub cvr_pct: Option<Dec>,
}

impl Metrics {
    /// Fill the percents shown from the fractions (after `ctr` or `cvr` is set); none for one
    /// too large to show.
    fn with_percents(mut self) -> Result<Metrics> {
        self.ctr_pct = self.ctr.and_then(|f| percent_shown(f.0).ok()).map(Dec);
        self.cvr_pct = self.cvr.and_then(|f| percent_shown(f.0).ok()).map(Dec);
        Ok(self)
    }
}

/// A fraction as the percent a planner reads: ×100, to 2 places, half away from zero.
pub fn percent_shown(fraction: Decimal) -> Result<Decimal> {
    Ok(round_dp(mul(fraction, Decimal::ONE_HUNDRED, "a percent")?, 2))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum LearningState {
    /// Fewer optimisation events in the last 7 days than the threshold.
    Learning,
    /// At or above the threshold.
    Optimising,
    /// The flight has not started by the as-of day.
    NotStarted,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LearningStatus {
    pub events_last_7_days: Dec,
    pub threshold: u32,
    pub state: LearningState,
}

/// Delivered totals to date (unrounded counts as imported).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Delivered {
    pub spend: Dec,
    pub impressions: Dec,
    pub clicks: Dec,
    pub conversions: Dec,
    pub revenue: Dec,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LinePerformance {
    pub line: String,
    /// The KPI the line is judged on: its own, else the plan's primary KPI.
    pub kpi: Option<Kpi>,
    pub target: Option<Dec>,
    /// `target` in the KPI's unit as a planner reads it (`Kpi::shown`).
    pub target_shown: Option<Dec>,
    pub delivered: Delivered,
    pub actual: Metrics,
    pub planned: Metrics,
    /// Auction lines only.
    pub learning: Option<LearningStatus>,
}

/// The line's KPI and target: its own, falling back to the goal's.
pub fn kpi_of(plan: &Plan, line: &Line) -> (Option<Kpi>, Option<Decimal>) {
    let goal = plan.goal.as_ref();
    match &line.kpi {
        Some(k) => {
            let goal_target = goal.filter(|g| g.kpi == Some(k.kpi)).and_then(|g| g.target);
            (Some(k.kpi), k.target.or(goal_target).map(Dec::get))
        }
        None => (goal.and_then(|g| g.kpi), goal.and_then(|g| g.target).map(Dec::get)),
    }
}

/// A line's actuals up to the end of `as_of`, summed. A row that covers days after `as_of`
/// counts for its days up to it, phased by the line's flight; such a partial share is rounded
/// (spend and revenue to the currency, conversions to 2 places, impressions and clicks to whole
/// numbers). Rows wholly up to `as_of` count exactly as imported.
pub fn delivered(plan: &Plan, line: &Line, as_of: NaiveDate) -> Result<Delivered> {
    let dp = Currency::from_code(&plan.currency).map(|c| c.minor_units()).unwrap_or(2);
    let phasing = line_phasing(line)?;
    let mut d = Delivered::default();
    for a in plan.actuals.iter().filter(|a| a.line == line.id && a.start <= as_of) {
        let part = Part::of(&phasing, a, None, as_of)?;
        d.spend = Dec(add(d.spend.0, part.take(a.spend.0, dp)?, "actual spend")?);
        d.impressions = Dec(add(d.impressions.0, part.take_opt(a.impressions.map(Dec::get), 0)?, "impressions")?);
        d.clicks = Dec(add(d.clicks.0, part.take_opt(a.clicks.map(Dec::get), 0)?, "clicks")?);
        d.conversions = Dec(add(d.conversions.0, part.take_opt(a.conversions.map(Dec::get), 2)?, "conversions")?);
        d.revenue = Dec(add(d.revenue.0, part.take_opt(a.revenue.map(Dec::get), dp)?, "revenue")?);
    }
    Ok(d)
}

/// The phasing of a line's flight.
pub fn line_phasing(line: &Line) -> Result<Phasing> {
    Phasing::of_flight(line.start, line.end, &flight_weeks(line))
}

/// Which part of a row falls in a window of days: all of it, or a fraction.
struct Part {
    fraction: Option<(Decimal, Decimal)>,
}

impl Part {
    /// The part of `a` on days after `after` (if given) up to `upto`.
    fn of(phasing: &Phasing, a: &Actual, after: Option<NaiveDate>, upto: NaiveDate) -> Result<Part> {
        let hi = phasing.fraction(a.start, a.end, upto)?;
        let lo = match after {
            Some(day) if day >= a.start => Some(phasing.fraction(a.start, a.end, day)?.unwrap_or((Decimal::ONE, Decimal::ONE))),
            _ => None,
        };
        let fraction = match (hi, lo) {
            (None, None) => None,
            (Some(f), None) => Some(f),
            (hi, Some((ln, ld))) => {
                let (hn, hd) = hi.unwrap_or((Decimal::ONE, Decimal::ONE));
                // hn/hd − ln/ld over one denominator (both fractions share theirs unless one is 1).
                let num = sub(mul(hn, ld, "phased actuals")?, mul(ln, hd, "phased actuals")?, "phased actuals")?;
                Some((num.max(Decimal::ZERO), mul(hd, ld, "phased actuals")?))
            }
        };
        Ok(Part { fraction })
    }

    fn take(&self, v: Decimal, dp: u32) -> Result<Decimal> {
        match self.fraction {
            None => Ok(v),
            Some((num, _)) if num.is_zero() => Ok(Decimal::ZERO),
            Some((num, den)) => Ok(round_dp(div(mul(v, num, "phased actuals")?, den, "phased actuals")?, dp)),
        }
    }

    fn take_opt(&self, v: Option<Decimal>, dp: u32) -> Result<Decimal> {
        v.map_or(Ok(Decimal::ZERO), |v| self.take(v, dp))
    }
}

fn ratio(a: Decimal, b: Decimal, scale: Decimal, dp: u32, what: &str) -> Result<Option<Decimal>> {
    if b.is_zero() {
        return Ok(None);
    }
    Ok(Some(round_dp(mul(div(a, b, what)?, scale, what)?, dp)))
}

/// Metrics from totals; `revenue` None leaves ROAS unknown.
pub fn metrics(spend: Decimal, impr: Option<Decimal>, clicks: Option<Decimal>, conv: Option<Decimal>, revenue: Option<Decimal>, dp: u32) -> Result<Metrics> {
    let z = Decimal::ZERO;
    let (i, c, v) = (impr.unwrap_or(z), clicks.unwrap_or(z), conv.unwrap_or(z));
    Metrics {
        cpm: ratio(spend, i, Decimal::ONE_THOUSAND, dp, "CPM")?.map(Dec),
        cpc: ratio(spend, c, Decimal::ONE, dp, "CPC")?.map(Dec),
        cpa: ratio(spend, v, Decimal::ONE, dp, "CPA")?.map(Dec),
        roas: match revenue {
            Some(r) if !spend.is_zero() => ratio(r, spend, Decimal::ONE, 2, "ROAS")?.map(Dec),
            _ => None,
        },
        // A ratio of a count nobody reported is unknown, not zero.
        ctr: if clicks.is_some() { ratio(c, i, Decimal::ONE, 6, "CTR")?.map(Dec) } else { None },
        cvr: if conv.is_some() { ratio(v, c, Decimal::ONE, 6, "CVR")?.map(Dec) } else { None },
        ctr_pct: None,
        cvr_pct: None,
    }
    .with_percents()
}

/// Performance of every line as of the end of `as_of`.
pub fn performance(plan: &Plan, as_of: NaiveDate) -> Result<Vec<LinePerformance>> {
    let dp = Currency::from_code(&plan.currency).map(|c| c.minor_units()).unwrap_or(2);
    let view = compute(plan)?;
    plan.lines.iter().zip(&view.lines).map(|(l, v)| line_performance(plan, l, v, as_of, dp)).collect()
}

fn line_performance(plan: &Plan, line: &Line, view: &LineView, as_of: NaiveDate, dp: u32) -> Result<LinePerformance> {
    let (kpi, target) = kpi_of(plan, line);
    let d = delivered(plan, line, as_of)?;
    // A count no row reported (a CTV line's clicks) stays unknown instead of counting as zero.
    let reported = |f: fn(&Actual) -> Option<Decimal>| plan.actuals.iter().any(|a| a.line == line.id && a.start <= as_of && f(a).is_some());
    let actual = metrics(
        d.spend.0,
        reported(|a| a.impressions.map(Dec::get)).then_some(d.impressions.0),
        reported(|a| a.clicks.map(Dec::get)).then_some(d.clicks.0),
        reported(|a| a.conversions.map(Dec::get)).then_some(d.conversions.0),
        reported(|a| a.revenue.map(Dec::get)).then_some(d.revenue.0),
        dp,
    )?;
    let planned_revenue = match (plan.goal.as_ref().and_then(|g| g.revenue_per_conversion), view.conversions) {
        (Some(rpc), Some(c)) => Some(mul(rpc.0, c.0, "planned revenue")?),
        _ => None,
    };
    let mut planned = metrics(view.net.0, view.impressions.map(Dec::get), view.clicks.map(Dec::get), view.conversions.map(Dec::get), planned_revenue, dp)?;
    if planned.ctr.is_none() {
        planned.ctr = line.ctr;
        planned = planned.with_percents()?;
    }
    let learning = if line.buying == Some(Buying::Auction) && optimises_for_conversions(line) {
        // Conversions on the 7 days ending on the as-of day (a longer row counts for its days
        // inside them).
        let after = as_of - Duration::days(7);
        let phasing = line_phasing(line)?;
        let mut events = Decimal::ZERO;
        for a in plan.actuals.iter().filter(|a| a.line == line.id && a.start <= as_of && a.end > after) {
            let part = Part::of(&phasing, a, Some(after), as_of)?;
            events = add(events, part.take_opt(a.conversions.map(Dec::get), 2)?, "events")?;
        }
        let threshold = plan.settings.learning_events_per_week;
        let state = if as_of < line.start {
            LearningState::NotStarted
        } else if events >= Decimal::from(threshold) {
            LearningState::Optimising
        } else {
            LearningState::Learning
        };
        Some(LearningStatus { events_last_7_days: Dec(events), threshold, state })
    } else {
        None
    };
    let target_shown = kpi_shown(kpi, target)?;
    Ok(LinePerformance { line: line.id.clone(), kpi, target: target.map(Dec), target_shown: target_shown.map(Dec), delivered: d, actual, planned, learning })
}

/// A KPI value as shown, when both are known; none for a value too large to show (an absurd
/// target is still judged, on its exact value).
pub(crate) fn kpi_shown(kpi: Option<Kpi>, value: Option<Decimal>) -> Result<Option<Decimal>> {
    Ok(match (kpi, value) {
        (Some(k), Some(v)) => k.shown(v).ok(),
        _ => None,
    })
}
