//! The learning phase: what an auction line must spend each week before the platform's delivery
//! stabilises.
//!
//! Auction platforms need about 50 optimisation events a week per campaign or ad set to leave
//! learning (a plan setting, `learning_events_per_week`). A line's minimum weekly spend is that
//! many events times its expected cost per event. Lines below it never optimise, and a budget
//! spread over more lines than it can fund this way is the "spread thin" mistake.

use crate::flight::on_air_days;
use crate::plan::{Buying, Funnel, Line, Pricing};
use crate::view::LineView;
use crate::Dec;
use rust_decimal::Decimal;

/// An auction line's weekly spend set against its learning threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct LearningNeed {
    pub line: usize,
    /// Expected cost per optimisation event (conversion).
    pub cost_per_event: Decimal,
    /// events × cost per event.
    pub weekly_minimum: Decimal,
    /// The line's net per on-air week: net / (on-air days / 7).
    pub weekly_spend: Decimal,
    pub on_air_days: u32,
}

impl LearningNeed {
    pub fn underfunded(&self) -> bool {
        self.weekly_spend < self.weekly_minimum
    }
}

/// Whether a line optimises for conversions (so the 50-conversions rule applies to it).
pub fn optimises_for_conversions(line: &Line) -> bool {
    line.pricing == Pricing::Cpa
        || matches!(line.role, Some(Funnel::Conversion) | Some(Funnel::Retention))
        || (line.role.is_none() && line.kpi.as_ref().is_some_and(|k| k.kpi.fits(Funnel::Conversion)))
}

/// The cost per event: the CPA rate on CPA lines, otherwise net / estimated conversions.
pub fn cost_per_event(line: &Line, view: &LineView) -> Option<Decimal> {
    if line.pricing == Pricing::Cpa {
        return line.rate.filter(|r| *r > Decimal::ZERO).map(Dec::get);
    }
    let conv = view.conversions.filter(|c| *c > Decimal::ZERO)?;
    view.net.checked_div(conv.0)
}

/// The learning need of every funded, conversion-optimised auction line whose cost per event is
/// known. Arithmetic that would overflow drops the line (it is then simply not judged).
pub fn learning_needs(lines: &[Line], views: &[LineView], events_per_week: u32) -> Vec<LearningNeed> {
    let mut out = Vec::new();
    for (i, (line, view)) in lines.iter().zip(views).enumerate() {
        if line.buying != Some(Buying::Auction) || view.net <= Decimal::ZERO || !optimises_for_conversions(line) {
            continue;
        }
        let Some(cpe) = cost_per_event(line, view) else { continue };
        let on_air_days = on_air_days(line);
        if on_air_days == 0 {
            continue;
        }
        let weekly = view.net.checked_mul(Decimal::from(7)).and_then(|x| x.checked_div(Decimal::from(on_air_days)));
        let minimum = cpe.checked_mul(Decimal::from(events_per_week));
        if let (Some(weekly_spend), Some(weekly_minimum)) = (weekly, minimum) {
            out.push(LearningNeed { line: i, cost_per_event: cpe, weekly_minimum, weekly_spend, on_air_days });
        }
    }
    out
}

/// How many of these lines the same weekly money could take out of learning, funding the
/// cheapest minimums first.
pub fn fundable(needs: &[LearningNeed]) -> usize {
    let total = needs.iter().try_fold(Decimal::ZERO, |a, n| a.checked_add(n.weekly_spend)).unwrap_or(Decimal::MAX);
    let mut mins: Vec<Decimal> = needs.iter().map(|n| n.weekly_minimum).collect();
    mins.sort();
    let mut used = Decimal::ZERO;
    let mut k = 0;
    for m in mins {
        match used.checked_add(m) {
            Some(u) if u <= total => used = u,
            _ => break,
        }
        k += 1;
    }
    k
}
