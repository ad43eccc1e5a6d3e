//! "Optimise split" in the channels stage: the allocator's answer shaped for a planner to judge
//! before accepting it. Each curved line's response curve is sampled so the UI can draw it with
//! the current and the optimised spend marked on it, with its numbers in plain units, and
//! accepting writes the optimised budgets onto the lines as fixed amounts, so the plan then
//! costs exactly what was shown.
//!
//! By default the split works on the money already on the lines, so its gain is the better
//! split's alone, against the plan as it stands. With money unallocated, the answer also says
//! what splitting the whole budget would add, so the UI can ask "allocate the unallocated
//! $3.2M too?"; asked for the whole budget, it says how much of its gain is the split and how
//! much the extra money.

use crate::allocation::{allocate_on, Allocation, SplitBasis};
use crate::costing::line_nets;
use crate::error::{Error, Result};
use crate::money::{round_dp, sub, sum, Currency};
use crate::plan::Plan;
use crate::reach::{dec_f64, f64_dec};
use crate::response::{parameters, result_unit, CurveParameter, Response};
use crate::Dec;
use serde::Serialize;

/// Points sampled per curve: enough for a smooth line at the width of a card.
pub const CURVE_POINTS: usize = 48;

/// A point on a response curve: spend in the plan currency, response to 2 places.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CurvePoint {
    pub spend: Dec,
    pub response: Dec,
}

/// One line's response curve from zero spend to past both its current and optimised spend.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LineCurve {
    pub id: String,
    pub name: String,
    pub points: Vec<CurvePoint>,
    /// The spend past which each extra unit buys less (the knee); zero for a concave curve.
    pub knee: Dec,
    /// The curve's numbers with their units and what they mean.
    pub parameters: Vec<CurveParameter>,
}

/// The optimised split and the curves behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Optimised {
    /// The split, on `allocation.basis`; its `gain` is against the plan as it stands.
    pub allocation: Allocation,
    pub curves: Vec<LineCurve>,
    /// What the responses count ("conversions", "USD of revenue", "results").
    pub result_unit: String,
    /// Plan budget − the lines' net media as the plan stands (negative: over budget).
    pub unallocated: Dec,
    /// The gain from splitting the allocated money better (same money before and after).
    pub split_gain: Dec,
    /// What splitting the whole budget adds (or, over budget, costs) beyond the allocated
    /// money's best split; null when nothing is unallocated or it cannot be split.
    pub unallocated_gain: Option<Dec>,
}

/// Optimise the split of the money already on the lines (see [`optimise_on`]).
pub fn optimise(plan: &Plan) -> Result<Optimised> {
    optimise_on(plan, SplitBasis::Allocated)
}

/// Optimise the plan's split on `basis` and sample every curved line's response curve.
pub fn optimise_on(plan: &Plan, basis: SplitBasis) -> Result<Optimised> {
    let allocation = allocate_on(plan, basis)?;
    let currency =
        Currency::from_code(&plan.currency).ok_or_else(|| Error::at("unknown_currency", "currency", format!("\"{}\" is not a currency", plan.currency)))?;
    let net_media = sum(line_nets(plan, currency)?, "net media")?;
    let unallocated = round_dp(sub(plan.budget.0, net_media, "unallocated")?, currency.minor_units());
    let other = match basis {
        SplitBasis::Allocated => SplitBasis::Budget,
        SplitBasis::Budget => SplitBasis::Allocated,
    };
    let other = if unallocated.is_zero() { None } else { allocate_on(plan, other).ok() };
    let (split_gain, unallocated_gain) = match (basis, other) {
        (_, None) => (allocation.gain, None),
        (SplitBasis::Allocated, Some(whole)) => (allocation.gain, Some(whole.total_response - allocation.total_response)),
        (SplitBasis::Budget, Some(allocated)) => (allocated.gain, Some(allocation.total_response - allocated.total_response)),
    };
    let unit = result_unit(plan);
    let mut curves = Vec::new();
    for (i, line) in plan.lines.iter().enumerate() {
        let Some(r) = &line.response else { continue };
        let curve = r.curve(&format!("lines[{i}].response")).map_err(|e| e.on_line(&line.id))?;
        let a = allocation.lines.iter().find(|a| a.id == line.id);
        let (now, best) = a.map_or((0.0, 0.0), |a| (dec_f64(a.current_budget.0), dec_f64(a.budget.0)));
        // Show the curve's shape past the interesting spends: both marks, and its bend.
        let end = (now.max(best) * 1.5).max(curve.k * 2.0).max(1.0);
        let points = (0..=CURVE_POINTS)
            .map(|p| {
                let x = end * p as f64 / CURVE_POINTS as f64;
                CurvePoint { spend: Dec(round_dp(f64_dec(x), 2)), response: Dec(round_dp(f64_dec(curve.value(x)), 2)) }
            })
            .collect();
        curves.push(LineCurve {
            id: line.id.clone(),
            name: line.name.clone(),
            points,
            knee: Dec(round_dp(f64_dec(curve.inflection()), 2)),
            parameters: parameters(Some(r), matches!(r, Response::Adbudg { .. }), &plan.currency, &unit),
        });
    }
    Ok(Optimised { allocation, curves, result_unit: unit, unallocated: Dec(unallocated), split_gain, unallocated_gain: unallocated_gain.map(Dec) })
}

/// The plan with `allocation` accepted: every optimised line gets its allocated budget as a
/// fixed amount (no longer a share). A split of the allocated money keeps the plan budget (any
/// unallocated money stays unallocated); a split of a budget makes it the plan budget.
pub fn accept(plan: &Plan, allocation: &Allocation) -> Result<Plan> {
    let mut next = plan.clone();
    for a in allocation.lines.iter().filter(|a| !a.fixed) {
        let line = next
            .lines
            .iter_mut()
            .find(|l| l.id == a.id)
            .ok_or_else(|| Error::new("unknown_line", format!("the split names line \"{}\", which the plan no longer has", a.id)))?;
        line.budget = Some(a.budget);
        crate::scenario::clear_booked_units(line);
        line.share = None;
    }
    if allocation.basis == SplitBasis::Budget {
        next.budget = allocation.budget;
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::costing::compute;
    use crate::money::sum;
    use crate::response::Response;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// The sample plan with its own hill curves on the six auction lines replaced by three
    /// S-shaped ones on the first three lines.
    fn curved() -> Plan {
        let mut plan = crate::sample_plan();
        for l in &mut plan.lines {
            l.response = None;
            l.min_budget = None;
        }
        for (i, (max, k)) in [("900", "20000"), ("400", "15000"), ("300", "30000")].into_iter().enumerate() {
            plan.lines[i].response = Some(Response::Hill { max: Dec(d(max)), shape: Dec(d("1.8")), half_saturation: Dec(d(k)) });
        }
        plan
    }

    #[test]
    fn curves_run_from_zero_past_both_marks() {
        let plan = curved();
        let o = optimise(&plan).unwrap();
        assert_eq!(o.curves.len(), 3);
        for c in &o.curves {
            assert_eq!(c.points.len(), CURVE_POINTS + 1);
            assert_eq!(c.points[0].spend, Decimal::ZERO);
            assert_eq!(c.points[0].response, d("0.00"));
            let last = &c.points[CURVE_POINTS].spend;
            let a = o.allocation.lines.iter().find(|a| a.id == c.id).unwrap();
            assert!(*last >= a.budget && *last >= a.current_budget, "{} ends at {last}", c.id);
            // A hill curve never falls as spend grows.
            assert!(c.points.windows(2).all(|w| w[1].response >= w[0].response));
            assert!(c.knee > Decimal::ZERO, "shape 1.8 has a knee");
        }
    }

    #[test]
    fn accepting_costs_the_plan_at_the_optimised_split() {
        let plan = curved();
        let o = optimise(&plan).unwrap();
        assert!(o.allocation.gain >= Decimal::ZERO);
        let next = accept(&plan, &o.allocation).unwrap();
        let view = compute(&next).unwrap();
        for a in &o.allocation.lines {
            let line = view.lines.iter().find(|l| l.id == a.id).unwrap();
            assert_eq!(line.net, a.budget, "line {}", a.id);
        }
        let nets = sum(view.lines.iter().map(|l| l.net.0), "nets").unwrap();
        assert_eq!(nets, o.allocation.budget);
        // Accepting again is a no-op: the optimum of the optimum is itself.
        let again = optimise(&next).unwrap();
        assert_eq!(again.allocation.gain, Decimal::ZERO);
    }

    #[test]
    fn a_plan_without_curves_says_so() {
        let mut plan = curved();
        plan.lines.iter_mut().for_each(|l| l.response = None);
        let e = optimise(&plan).unwrap_err();
        assert_eq!(e.code, "nothing_to_allocate");
    }
}
