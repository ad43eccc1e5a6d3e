//! What a scenario's budget does to lines with a fixed amount, and how the comparison says so.
//!
//! Lines with a share follow a scenario's budget; lines with a fixed amount do not, unless the
//! scenario scales them (`scale_amounts`). A "budget −10%" that leaves the amounts alone would
//! otherwise show a plan $750,000 over its budget as if it were a saving: so the comparison
//! names the lines it leaves and why, and reports money on no line (or lines over the budget)
//! as its own figure, never as a saving.

use crate::error::{Error, Result};
use crate::money::{Currency, MoneyFormat};
use crate::plan::Plan;
use crate::scenario::Scenario;
use crate::Dec;
use rust_decimal::Decimal;
use serde::Serialize;

/// A line a scenario leaves as written although it changes the budget.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UnchangedLine {
    pub id: String,
    pub name: String,
    pub net: Dec,
    pub reason: String,
}

/// A scenario's budget and its lines not matching: `unallocated` (money on no line; not spent,
/// and not a saving either) or `over_budget` (the lines cost more than the budget).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BudgetGap {
    pub kind: &'static str,
    /// How much, not negative.
    pub amount: Dec,
    pub message: String,
}

/// Lines with a fixed amount that the scenario does not set itself, scaled by the scenario's
/// budget over the plan's: exact amounts rounded so they add up to their exact total rounded.
pub(crate) fn scale_amounts(out: &mut Plan, plan: &Plan, scenario: &Scenario, budget: Decimal) -> Result<()> {
    if plan.budget.is_zero() || budget == plan.budget {
        return Ok(());
    }
    let Some(currency) = Currency::from_code(&plan.currency) else { return Ok(()) };
    let own = |id: &str| scenario.lines.iter().any(|c| c.id == id && (c.budget.is_some() || c.share.is_some()));
    let idx: Vec<usize> = plan.lines.iter().enumerate().filter(|(_, l)| l.budget.is_some() && !own(&l.id)).map(|(i, _)| i).collect();
    let exact: Vec<Decimal> = idx
        .iter()
        .map(|i| {
            let net = plan.lines[*i].budget.unwrap_or_default();
            crate::money::div(crate::money::mul(net.0, budget, "a scaled line")?, plan.budget.0, "a scaled line")
        })
        .collect::<Result<_>>()?;
    for (i, part) in idx.into_iter().zip(crate::money::round_parts(&exact, currency.minor_units())?) {
        out.lines[i].budget = Some(Dec(part));
    }
    Ok(())
}

fn money(plan: &Plan) -> Result<MoneyFormat> {
    let c = Currency::from_code(&plan.currency).ok_or_else(|| Error::at("unknown_currency", "currency", format!("\"{}\" is not a currency", plan.currency)))?;
    Ok(MoneyFormat::new(c, plan.settings.number_style))
}

/// The lines scenario `s` leaves at their fixed amount although it changes the budget.
pub(crate) fn unchanged_lines(plan: &Plan, s: &Scenario) -> Result<Vec<UnchangedLine>> {
    let b = match s.budget {
        Some(b) if b != plan.budget && !s.scale_amounts => b,
        _ => return Ok(Vec::new()),
    };
    let money = money(plan)?;
    let own = |id: &str| s.lines.iter().any(|c| c.id == id && (c.budget.is_some() || c.share.is_some()));
    Ok(plan
        .lines
        .iter()
        .filter_map(|l| l.budget.filter(|_| !own(&l.id)).map(|net| (l, net)))
        .map(|(l, net)| UnchangedLine {
            id: l.id.clone(),
            name: l.name.clone(),
            net,
            reason: format!(
                "a fixed amount of {}: the scenario changes the budget to {} but not this line (lines with a share follow the budget; scale the amounts with it, or give the line its own budget in the scenario)",
                money.format(net.0),
                money.format(b.0)
            ),
        })
        .collect())
}

/// A scenario's unallocated money (budget − net media) as its own figure, when not zero.
pub(crate) fn budget_gap(plan: &Plan, unallocated: Decimal) -> Result<Option<BudgetGap>> {
    if unallocated.is_zero() {
        return Ok(None);
    }
    let money = money(plan)?;
    let amount = unallocated.abs();
    Ok(Some(if unallocated > Decimal::ZERO {
        BudgetGap {
            kind: "unallocated",
            amount: Dec(amount),
            message: format!("{} of this scenario's budget is on no line: unallocated, not a saving.", money.format(amount)),
        }
    } else {
        BudgetGap { kind: "over_budget", amount: Dec(amount), message: format!("The lines cost {} more than this scenario's budget.", money.format(amount)) }
    }))
}
