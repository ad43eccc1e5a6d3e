//! The reach goal: a plan judged on "reach X% of the target at N+ exposures", whether it gets
//! there, and if not, what more money on the same lines would close the gap.
//!
//! The extra spend is worked out the way the plan would be changed: the money is added to the
//! lines whose reach grows with spend, in proportion to their net media (largest remainder, to
//! the minor unit), each line's delivery is recomputed at its current rate through the same
//! `deliver` and reach model as the plan, and the smallest amount in minor units at which the
//! reach shown (2 places) meets the target is found by bisection. Adding exactly that amount to
//! the plan meets the goal; one minor unit less does not.

use crate::delivery::deliver;
use crate::error::Result;
use crate::money::{round_dp, split_largest_remainder, to_units, Currency};
use crate::plan::{Kpi, Line, Plan, Pricing};
use crate::reach::{plan_reach, LineReachInput, DEFAULT_EFFECTIVE_FREQUENCY};
use crate::Dec;
use rust_decimal::Decimal;
use serde::Serialize;

/// The plan's reach goal and how the plan stands against it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReachGoal {
    /// `reach` (1+) or `effective_reach` (N+).
    pub kpi: Kpi,
    /// The exposures that count: 1 for reach, the plan's effective frequency for reach at N+.
    pub frequency: u32,
    /// The target, percent of the target audience.
    pub target_pct: Dec,
    /// What the plan delivers at `frequency`+, percent; null when it cannot be worked out.
    pub reach_pct: Option<Dec>,
    /// Whether the plan meets the target; null when its reach cannot be worked out.
    pub met: Option<bool>,
    /// Percentage points short of the target (0 when met).
    pub gap_pct: Option<Dec>,
    /// The least extra net media, in the plan currency, that closes the gap on the lines' current
    /// rates; null when met, not measurable, or when no spend on these lines closes it.
    pub extra_spend: Option<Dec>,
    /// Ids of the lines the extra spend goes to (those whose reach grows with spend).
    pub extra_lines: Vec<String>,
    /// When short and no spend closes the gap: the most these lines reach at 1,000 times their
    /// spend, percent.
    pub limit_pct: Option<Dec>,
}

/// How far the search for the extra spend goes before calling the gap unclosable.
const MAX_MULTIPLE: i128 = 1000;

/// Everything the goal needs from the costing of the plan.
pub(crate) struct GoalInputs<'a> {
    pub plan: &'a Plan,
    pub nets: &'a [Decimal],
    pub inputs: &'a [LineReachInput],
    pub currency: Currency,
    pub reach_pct: Option<Decimal>,
    pub effective_reach_pct: Option<Decimal>,
}

/// The plan's reach goal, if its primary KPI is reach or reach at N+ with a target.
pub(crate) fn reach_goal(g: &GoalInputs) -> Result<Option<ReachGoal>> {
    let Some(goal) = &g.plan.goal else { return Ok(None) };
    let (Some(kpi @ (Kpi::Reach | Kpi::EffectiveReach)), Some(target)) = (goal.kpi, goal.target) else {
        return Ok(None);
    };
    let frequency = match kpi {
        Kpi::Reach => 1,
        _ => g.plan.effective_frequency.unwrap_or(DEFAULT_EFFECTIVE_FREQUENCY),
    };
    let delivered = if frequency == 1 { g.reach_pct } else { g.effective_reach_pct };
    let mut out = ReachGoal {
        kpi,
        frequency,
        target_pct: target,
        reach_pct: delivered.map(Dec),
        met: None,
        gap_pct: None,
        extra_spend: None,
        extra_lines: Vec::new(),
        limit_pct: None,
    };
    let Some(delivered) = delivered else { return Ok(Some(out)) };
    out.met = Some(delivered >= target);
    out.gap_pct = Some(Dec(round_dp((target - delivered).max(Decimal::ZERO), 2)));
    if delivered >= target {
        return Ok(Some(out));
    }
    let scalable: Vec<usize> = (0..g.plan.lines.len()).filter(|i| grows_with_spend(&g.plan.lines[*i], g.nets[*i], g.inputs[*i])).collect();
    if scalable.is_empty() {
        return Ok(Some(out));
    }
    out.extra_lines = scalable.iter().map(|i| g.plan.lines[*i].id.clone()).collect();
    let dp = g.currency.minor_units();
    let base: Vec<Decimal> = scalable.iter().map(|i| g.nets[*i]).collect();
    let base_units = to_units(base.iter().copied().sum(), dp)?;
    let search = Search { g, scalable: &scalable, base: &base, dp, frequency, target: target.0 };
    // Double until the target is met, then bisect down to the minor unit.
    let (mut lo, mut hi) = (0i128, base_units.max(1));
    loop {
        let (met, reached) = search.at(hi)?;
        if met {
            break;
        }
        if hi >= base_units.max(1).saturating_mul(MAX_MULTIPLE) {
            out.limit_pct = reached.map(Dec);
            return Ok(Some(out));
        }
        lo = hi;
        hi = hi.saturating_mul(2).min(base_units.max(1).saturating_mul(MAX_MULTIPLE));
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if search.at(mid)?.0 {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    out.extra_spend = Some(Dec(Decimal::from_i128_with_scale(hi, dp)));
    Ok(Some(out))
}

/// A line whose points, and so reach, grow when money is added at its rate: it is funded, has
/// points, no reach estimate of its own, and is priced per unit of delivery (not a flat fee or a
/// booked number of faces or insertions).
fn grows_with_spend(line: &Line, net: Decimal, input: LineReachInput) -> bool {
    let priced = match line.pricing {
        Pricing::Cpm | Pricing::Cpc | Pricing::Cpa | Pricing::Cpv | Pricing::Cpp => true,
        Pricing::PerInsertion => line.insertions.is_none(),
        Pricing::Flat | Pricing::PerFaceWeek => false,
    };
    priced && net > Decimal::ZERO && input.reach_pct.is_none() && input.trps.is_some_and(|t| t > Decimal::ZERO)
}

struct Search<'a> {
    g: &'a GoalInputs<'a>,
    scalable: &'a [usize],
    base: &'a [Decimal],
    dp: u32,
    frequency: u32,
    target: Decimal,
}

impl Search<'_> {
    /// The plan with `extra` minor units added to the scalable lines: whether it meets the
    /// target, and the reach it shows.
    fn at(&self, extra: i128) -> Result<(bool, Option<Decimal>)> {
        let g = self.g;
        let parts = split_largest_remainder(Decimal::from_i128_with_scale(extra, self.dp), self.base, self.dp)?;
        let mut inputs = g.inputs.to_vec();
        for ((i, part), net) in self.scalable.iter().zip(parts).zip(self.base) {
            let line = &g.plan.lines[*i];
            let d = deliver(line, net.checked_add(part).unwrap_or(*net), g.plan.universe.map(Dec::get))?;
            inputs[*i].trps = d.trps.map(|t| round_dp(t, 2));
        }
        let eff = if self.frequency == 1 { None } else { Some(self.frequency) };
        let r = plan_reach(&inputs, g.plan.reach_model.as_ref(), g.plan.duplication_factor.map(Dec::get), eff.or(Some(1)))?;
        let reached = if self.frequency == 1 { r.reach_pct } else { r.effective_reach_pct };
        Ok((reached.is_some_and(|v| v >= self.target), reached))
    }
}
