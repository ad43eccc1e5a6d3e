//! Roll-forward: "Start next plan" from what this one learned.
//!
//! The loop between buying and planning closes here. The next period's plan keeps the lines,
//! budget, goal and learnings; its flights move forward by the plan's length (in whole weeks, so
//! weekdays and weekly weights line up); its rates are re-based on what the lines actually
//! cost where there were enough events (CPM, CPC, CPA and the CTR and CVR behind the delivery
//! estimates); actuals, invoices and launch progress start empty; and `parent` links back.

use crate::error::{Error, Result};
use crate::money::{div, mul, round_dp, Currency};
use crate::performance::delivered;
use crate::plan::{Launch, Learning, Plan, PlanStatus, Pricing};
use crate::Dec;
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// A rate the roll-forward changed, and the evidence for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rebase {
    pub line: String,
    /// `rate`, `ctr` or `cvr`.
    pub field: String,
    pub from: Option<Dec>,
    pub to: Dec,
    /// `from` and `to` as a planner reads them: CTR and CVR as percents to 2 places (half away
    /// from zero), a rate as it is.
    pub from_shown: Option<Dec>,
    pub to_shown: Option<Dec>,
    pub evidence: String,
}

impl Rebase {
    fn new(line: &str, field: &str, from: Option<Decimal>, to: Decimal, evidence: String) -> Rebase {
        let shown = |v: Decimal| if field == "rate" { Some(v) } else { crate::performance::percent_shown(v).ok() };
        Rebase {
            line: line.to_string(),
            field: field.to_string(),
            from: from.map(Dec),
            to: Dec(to),
            from_shown: from.and_then(shown).map(Dec),
            to_shown: shown(to).map(Dec),
            evidence,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollForward {
    pub plan: Plan,
    pub rebased: Vec<Rebase>,
    /// Days every date moved forward.
    pub shifted_days: i64,
}

/// The next period's plan from `plan` and its actuals. `parent` is how the new plan names this
/// one (its library id or file name); `as_of` dates the carried re-basing learnings.
pub fn roll_forward(plan: &Plan, parent: &str, as_of: NaiveDate) -> Result<RollForward> {
    let dp = Currency::from_code(&plan.currency)
        .map(|c| c.minor_units())
        .ok_or_else(|| Error::at("invalid_currency", "currency", format!("\"{}\" is not an ISO 4217 code", plan.currency)))?;
    let days = (plan.end - plan.start).num_days() + 1;
    let shift = Duration::days(((days + 6) / 7).max(1) * 7);
    let s = &plan.monitoring;
    let mut next = plan.clone();
    let mut rebased = Vec::new();
    for (line, was) in next.lines.iter_mut().zip(&plan.lines) {
        let d = delivered(plan, was, as_of)?;
        let enough_impr = d.impressions >= Decimal::from(s.min_impressions);
        let enough_clicks = d.clicks >= Decimal::from(s.min_clicks);
        let enough_conv = d.conversions >= Decimal::from(s.min_conversions);
        let mut set_rate = |to: Decimal, evidence: String, rebased: &mut Vec<Rebase>| {
            rebased.push(Rebase::new(&line.id, "rate", line.rate.map(Dec::get), to, evidence));
            line.rate = Some(Dec(to));
        };
        match line.pricing {
            Pricing::Cpm if enough_impr => {
                let cpm = round_dp(mul(div(d.spend.0, d.impressions.0, "CPM")?, Decimal::ONE_THOUSAND, "CPM")?, dp);
                set_rate(cpm, format!("{} spent on {} impressions", d.spend, d.impressions.normalize()), &mut rebased);
            }
            Pricing::Cpc if enough_clicks => {
                let cpc = round_dp(div(d.spend.0, d.clicks.0, "CPC")?, dp);
                set_rate(cpc, format!("{} spent on {} clicks", d.spend, d.clicks.normalize()), &mut rebased);
            }
            Pricing::Cpa if enough_conv => {
                let cpa = round_dp(div(d.spend.0, d.conversions.0, "CPA")?, dp);
                set_rate(cpa, format!("{} spent on {} conversions", d.spend, d.conversions.normalize()), &mut rebased);
            }
            _ => {}
        }
        if enough_impr && enough_clicks && line.ctr.is_some() {
            let ctr = round_dp(div(d.clicks.0, d.impressions.0, "CTR")?, 6);
            rebased.push(Rebase::new(
                &line.id,
                "ctr",
                line.ctr.map(Dec::get),
                ctr,
                format!("{} clicks on {} impressions", d.clicks.normalize(), d.impressions.normalize()),
            ));
            line.ctr = Some(Dec(ctr));
        }
        if enough_clicks && enough_conv && line.cvr.is_some() {
            let cvr = round_dp(div(d.conversions.0, d.clicks.0, "CVR")?, 6);
            rebased.push(Rebase::new(
                &line.id,
                "cvr",
                line.cvr.map(Dec::get),
                cvr,
                format!("{} conversions on {} clicks", d.conversions.normalize(), d.clicks.normalize()),
            ));
            line.cvr = Some(Dec(cvr));
        }
        line.start += shift;
        line.end += shift;
        for c in &mut line.creative {
            c.due = c.due.map(|d| d + shift);
            c.delivered = 0;
        }
        // Launch progress belongs to the old flight; saved campaign names and the budget
        // control choice carry over.
        line.launch = Launch { campaigns: line.launch.campaigns.clone(), budget_control: line.launch.budget_control, ..Launch::default() };
    }
    for r in &rebased {
        next.learnings.push(Learning {
            date: as_of,
            line: Some(r.line.clone()),
            text: format!("{} re-based from {} to {} ({})", r.field, r.from.map(|f| f.to_string()).unwrap_or_else(|| "none".into()), r.to, r.evidence),
        });
    }
    next.name = format!("{} (next period)", plan.name);
    next.start = plan.start + shift;
    next.end = plan.end + shift;
    next.parent = Some(parent.to_string());
    next.status = PlanStatus::Draft;
    next.version = 1;
    next.last_reviewed = None;
    next.actuals.clear();
    next.invoices.clear();
    next.scenarios.clear();
    Ok(RollForward { plan: next, rebased, shifted_days: shift.num_days() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    /// What a re-based figure shows: CTR and CVR as percents rounded by the core, a rate as is.
    #[test]
    fn a_rebased_figure_is_shown_in_its_unit() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let cases = [
            ("ctr", Some("0.119413"), "0.12345", (Some("11.94"), "12.35")),
            ("cvr", None, "0.004995", (None, "0.50")),
            ("rate", Some("1.20"), "1.50", (Some("1.20"), "1.50")),
        ];
        for (field, from, to, (from_shown, to_shown)) in cases {
            let r = Rebase::new("l", field, from.map(d), d(to), String::new());
            assert_eq!((r.from_shown.map(|v| v.to_string()).as_deref(), r.to_shown.unwrap().to_string().as_str()), (from_shown, to_shown), "{field}");
        }
    }
}
