//! Findings: what is wrong or missing in a plan, in the planner's words, with where to fix it.
//!
//! A finding never stops a plan from computing; it is shown next to the thing it is about (the
//! stage rail, the line, the CLI's `findings`). Codes are stable and listed in
//! `docs/findings.md`.

use crate::costing::{LineView, Totals};
use crate::money::{format_money, Currency};
use crate::plan::Plan;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The stage (1–6) where the planner fixes it.
    pub stage: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<String>,
    pub fix: String,
}

/// Check a costed plan.
pub fn check(plan: &Plan, lines: &[LineView], totals: &Totals, currency: Currency) -> Vec<Finding> {
    let money = |v| format_money(v, currency, plan.settings.number_style);
    let mut out = Vec::new();
    if totals.unallocated.is_sign_positive() && !totals.unallocated.is_zero() {
        out.push(Finding {
            code: "budget_unallocated",
            severity: Severity::Warning,
            message: format!(
                "{} of the {} budget is not allocated to any line (net media {}).",
                money(totals.unallocated),
                money(totals.budget),
                money(totals.net_media)
            ),
            stage: 3,
            line: None,
            fix: "Allocate the remainder to a line, or lower the plan budget.".into(),
        });
    } else if totals.unallocated.is_sign_negative() && !totals.unallocated.is_zero() {
        out.push(Finding {
            code: "budget_over_allocated",
            severity: Severity::Error,
            message: format!(
                "The lines' net media of {} is {} over the {} budget.",
                money(totals.net_media),
                money(-totals.unallocated),
                money(totals.budget)
            ),
            stage: 3,
            line: None,
            fix: "Reduce line budgets or shares, or raise the plan budget.".into(),
        });
    }
    for (line, view) in plan.lines.iter().zip(lines) {
        if line.start < plan.start || line.end > plan.end {
            out.push(Finding {
                code: "flight_outside_period",
                severity: Severity::Warning,
                message: format!(
                    "The flight {} to {} runs outside the plan period {} to {}.",
                    line.start, line.end, plan.start, plan.end
                ),
                stage: 4,
                line: Some(view.id.clone()),
                fix: "Move the flight dates inside the plan period, or extend the period.".into(),
            });
        }
    }
    out
}
