//! A plan's budget split by the allocator: lines with a response curve optimised within their
//! bounds, lines without one kept as they are, money rounded to minor units that sum exactly.
//!
//! The numeric method lives in `allocate.rs`; this module is the planner-facing side: reading
//! curves and bounds off the plan, clear errors for bounds that cannot hold, and the figures
//! `flightplan allocate` prints (before and after, with the gain).

use crate::allocate::{round_to_units, solve, Problem};
use crate::costing::line_nets;
use crate::error::{Error, Result};
use crate::format::validate;
use crate::money::{add, format_money, round_dp, sub, to_units, Currency};
use crate::plan::Plan;
use crate::reach::{dec_f64, f64_dec};
use crate::Dec;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One line of an allocation, as `flightplan allocate` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AllocatedLine {
    pub id: String,
    /// Net media in this split, in the plan currency.
    pub budget: Dec,
    /// Response at that budget (2 places); null for a line with no curve.
    pub response: Option<Dec>,
    /// d response / d spend at that budget, per currency unit (6 places).
    pub marginal_response: Option<Dec>,
    /// The line's net media as the plan stands, and its response there.
    pub current_budget: Dec,
    /// budget − current_budget, exactly: what the split moves onto (or off) this line.
    pub change: Dec,
    pub current_response: Option<Dec>,
    /// `min` or `max` when the line sits on its bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub at_bound: Option<&'static str>,
    /// A line with no response curve keeps its budget and is not optimised.
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub fixed: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Which money "Optimise split" splits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum SplitBasis {
    /// The net media already on the lines (the default): the same money, split better, so the
    /// gain is the split's alone.
    #[default]
    Allocated,
    /// The whole plan budget, including money no line has yet (or cutting lines back to the
    /// budget when they are over it).
    Budget,
}

/// The optimised split of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Allocation {
    /// What was split: the allocated net media or the plan budget (or an amount given).
    pub basis: SplitBasis,
    pub budget: Dec,
    pub lines: Vec<AllocatedLine>,
    pub total_response: Dec,
    /// Total response of the plan's current split, and what the new split gains over it.
    pub current_total_response: Dec,
    pub gain: Dec,
}

/// Split the plan's allocated net media (`SplitBasis::Allocated`) or its whole budget
/// (`SplitBasis::Budget`) across the lines to maximise total response; see [`allocate`].
pub fn allocate_on(plan: &Plan, basis: SplitBasis) -> Result<Allocation> {
    match basis {
        SplitBasis::Budget => allocate(plan, None),
        SplitBasis::Allocated => {
            let currency = Currency::from_code(&plan.currency)
                .ok_or_else(|| Error::at("unknown_currency", "currency", format!("\"{}\" is not a currency", plan.currency)))?;
            let nets = line_nets(plan, currency)?;
            let allocated = crate::money::sum(nets.iter().copied(), "net media")?;
            let mut a = allocate(plan, Some(round_dp(allocated, currency.minor_units())))?;
            a.basis = SplitBasis::Allocated;
            Ok(a)
        }
    }
}

/// Split `budget` (default: the plan budget) across the plan's lines to maximise total
/// response. Lines with a `response` curve are optimised within `min_budget`/`max_budget`;
/// lines without one keep their current net media. Budgets are exact minor units summing to the
/// budget. The gain is against the plan's current split and its response.
pub fn allocate(plan: &Plan, budget: Option<Decimal>) -> Result<Allocation> {
    if let Some(e) = validate(plan).into_iter().next() {
        return Err(e);
    }
    let currency =
        Currency::from_code(&plan.currency).ok_or_else(|| Error::at("unknown_currency", "currency", format!("\"{}\" is not a currency", plan.currency)))?;
    let dp = currency.minor_units();
    let money = |v: Decimal| format_money(v, currency, plan.settings.number_style);
    let budget = budget.unwrap_or(plan.budget.0);
    if budget < Decimal::ZERO || budget.normalize().scale() > dp {
        return Err(Error::new("invalid_budget", format!("{budget} is not an amount of {} (at most {dp} decimal places, not negative)", currency.code())));
    }
    let nets = line_nets(plan, currency)?;
    let mut curves = Vec::new();
    let mut idx = Vec::new();
    let (mut lo_u, mut hi_u) = (Vec::new(), Vec::new());
    let mut fixed = Decimal::ZERO;
    for (i, (line, net)) in plan.lines.iter().zip(&nets).enumerate() {
        let Some(r) = &line.response else {
            fixed = add(fixed, *net, "fixed budgets")?;
            continue;
        };
        let curve = r.curve(&format!("lines[{i}].response")).map_err(|e| e.on_line(&line.id))?;
        let bound = |name: &str, v: Option<Decimal>| -> Result<Option<i128>> {
            match v {
                None => Ok(None),
                Some(v) if v < Decimal::ZERO || v.normalize().scale() > dp => {
                    Err(Error::at("invalid_field", format!("lines[{i}].{name}"), format!("{v} must be a non-negative amount with at most {dp} decimal places"))
                        .on_line(&line.id))
                }
                Some(v) => to_units(v, dp).map(Some),
            }
        };
        let lo = bound("min_budget", line.min_budget.map(Dec::get))?.unwrap_or(0);
        let hi = bound("max_budget", line.max_budget.map(Dec::get))?;
        if hi.is_some_and(|h| h < lo) {
            return Err(Error::at(
                "infeasible_bounds",
                format!("lines[{i}].max_budget"),
                format!(
                    "the max budget {} is under the min budget {}",
                    money(line.max_budget.unwrap_or_default().0),
                    money(line.min_budget.unwrap_or_default().0)
                ),
            )
            .on_line(&line.id));
        }
        curves.push(curve);
        idx.push(i);
        lo_u.push(lo);
        hi_u.push(hi);
    }
    if curves.is_empty() {
        return Err(Error::new("nothing_to_allocate", "no line has a response curve: give lines a `response` to optimise on"));
    }
    let free = sub(budget, fixed, "budget to allocate")?;
    if free < Decimal::ZERO {
        return Err(Error::new("infeasible_bounds", format!("lines without a response curve already take {} of the {} budget", money(fixed), money(budget))));
    }
    let free_u = to_units(free, dp)?;
    let lo_sum: i128 = lo_u.iter().sum();
    if lo_sum > free_u {
        return Err(Error::new(
            "infeasible_bounds",
            format!("the lines' min budgets add up to {}, over the {} there is to allocate", money(Decimal::from_i128_with_scale(lo_sum, dp)), money(free)),
        ));
    }
    if hi_u.iter().all(Option::is_some) {
        let hi_sum: i128 = hi_u.iter().flatten().sum();
        if hi_sum < free_u {
            return Err(Error::new(
                "infeasible_bounds",
                format!(
                    "the lines' max budgets add up to {}, under the {} there is to allocate",
                    money(Decimal::from_i128_with_scale(hi_sum, dp)),
                    money(free)
                ),
            ));
        }
    }
    let scale = 10f64.powi(dp as i32);
    let problem = Problem {
        curves: curves.clone(),
        lo: lo_u.iter().map(|u| *u as f64 / scale).collect(),
        hi: hi_u.iter().map(|u| u.map_or(f64::INFINITY, |h| h as f64 / scale)).collect(),
        budget: free_u as f64 / scale,
    };
    let solution = solve(&problem)?;
    let scaled: Vec<f64> = solution.spend.iter().map(|x| x * scale).collect();
    let units = round_to_units(&scaled, &lo_u, &hi_u, free_u);

    let mut lines = Vec::with_capacity(plan.lines.len());
    let (mut total, mut current_total) = (0.0, 0.0);
    for (i, (line, net)) in plan.lines.iter().zip(&nets).enumerate() {
        let Some(k) = idx.iter().position(|j| *j == i) else {
            lines.push(AllocatedLine {
                id: line.id.clone(),
                budget: Dec(*net),
                response: None,
                marginal_response: None,
                current_budget: Dec(*net),
                change: Dec(round_dp(Decimal::ZERO, dp)),
                current_response: None,
                at_bound: None,
                fixed: true,
            });
            continue;
        };
        let c = &curves[k];
        let x = units[k] as f64 / scale;
        let (v, cur) = (c.value(x), c.value(dec_f64(*net)));
        total += v;
        current_total += cur;
        lines.push(AllocatedLine {
            id: line.id.clone(),
            budget: Dec(Decimal::from_i128_with_scale(units[k], dp)),
            response: Some(Dec(round_dp(f64_dec(v), 2))),
            marginal_response: Some(Dec(round_dp(f64_dec(c.marginal(x)), 6))),
            current_budget: Dec(*net),
            change: Dec(Decimal::from_i128_with_scale(units[k], dp) - *net),
            current_response: Some(Dec(round_dp(f64_dec(cur), 2))),
            at_bound: if hi_u[k] == Some(units[k]) {
                Some("max")
            } else if units[k] == lo_u[k] {
                Some("min")
            } else {
                None
            },
            fixed: false,
        });
    }
    let total_response = round_dp(f64_dec(total), 2);
    let current_total_response = round_dp(f64_dec(current_total), 2);
    Ok(Allocation {
        basis: SplitBasis::Budget,
        budget: Dec(round_dp(budget, dp)),
        lines,
        total_response: Dec(total_response),
        current_total_response: Dec(current_total_response),
        gain: Dec(total_response - current_total_response),
    })
}
