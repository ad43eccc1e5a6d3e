//! Findings of one kind gathered into one row: "10 lines spend under their learning minimum"
//! rather than ten rows that push the plan below the fold. A group keeps its findings (by
//! index into `PlanView::findings`) so the UI can expand it to each line's own message.

use crate::finding::{Finding, Severity};
use serde::Serialize;

/// Every finding with one code, in the order they were raised.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FindingGroup {
    pub code: &'static str,
    pub severity: Severity,
    pub stage: u8,
    /// What the findings have in common, e.g. "Learning phase underfunded".
    pub title: &'static str,
    pub count: usize,
    /// The finding's own message when there is one; "3 lines: …" when there are more.
    pub message: String,
    pub fix: String,
    /// Indexes into `PlanView::findings`.
    pub findings: Vec<usize>,
    /// The lines the findings name, each once, in plan order.
    pub lines: Vec<String>,
}

/// A finding code in a few words.
pub fn title(code: &str) -> &'static str {
    match code {
        "budget_unallocated" => "Budget not fully allocated",
        "budget_over_allocated" => "Lines over the budget",
        "flight_outside_period" => "Flight outside the plan period",
        "actuals_outside_period" => "Actuals outside the plan period",
        "no_goal" => "No goal",
        "no_kpi_target" => "No KPI target",
        "kpi_mismatch" => "KPI does not fit the goal",
        "line_kpi_mismatch" => "Line KPI does not fit its role",
        "no_competitor_evidence" => "No competitor evidence",
        "budget_spread_thin" => "Budget spread thin",
        "learning_underfunded" => "Under the learning-phase minimum",
        "plan_not_revisited" => "Plan not revisited",
        "period_ended" => "Plan period ended",
        "thin_creative" => "Thin creative",
        "creative_late" => "Creative due after the flight starts",
        "channel_over_max_share" => "Channel over its maximum share",
        "blended_cac_over_max" => "Blended CAC over the maximum",
        "blended_roas_under_min" => "Blended ROAS under the minimum",
        "guardrail_unchecked" => "Guardrail cannot be checked",
        "competitor_date_implausible" => "Competitor date cannot be right",
        "live_before_flight" => "Live long before the flight",
        "placeholder_row" => "Empty placeholder row",
        _ => "Finding",
    }
}

/// Group findings by code, in order of first appearance; errors, then warnings, then info.
pub fn group(findings: &[Finding]) -> Vec<FindingGroup> {
    let mut groups: Vec<FindingGroup> = Vec::new();
    // Each group's lines so far, for naming each once (a plan may raise one code on every line).
    let mut seen: Vec<std::collections::HashSet<&str>> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        let k = match groups.iter().position(|g| g.code == f.code) {
            Some(k) => k,
            None => {
                groups.push(FindingGroup {
                    code: f.code,
                    severity: f.severity,
                    stage: f.stage,
                    title: title(f.code),
                    count: 0,
                    message: String::new(),
                    fix: f.fix.clone(),
                    findings: Vec::new(),
                    lines: Vec::new(),
                });
                seen.push(std::collections::HashSet::new());
                groups.len() - 1
            }
        };
        let g = &mut groups[k];
        g.count += 1;
        g.severity = g.severity.min(f.severity);
        g.findings.push(i);
        if let Some(l) = &f.line {
            if seen[k].insert(l.as_str()) {
                g.lines.push(l.clone());
            }
        }
    }
    for g in &mut groups {
        g.message = match (g.count, g.lines.len()) {
            (1, _) => findings[g.findings[0]].message.clone(),
            (n, 0) => format!("{n} findings: {}.", g.title.to_lowercase()),
            (n, l) if l == n => format!("{n} lines: {}.", g.title.to_lowercase()),
            (n, l) => format!("{n} findings on {l} line{}: {}.", if l == 1 { "" } else { "s" }, g.title.to_lowercase()),
        };
    }
    groups.sort_by_key(|g| g.severity);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(code: &'static str, line: Option<&str>, severity: Severity) -> Finding {
        Finding { code, severity, message: format!("{code} on {line:?}"), stage: 3, line: line.map(str::to_string), fix: "fix".into() }
    }

    #[test]
    fn ten_alike_are_one_row_that_expands() {
        let mut all: Vec<Finding> = (0..10).map(|i| f("learning_underfunded", Some(&format!("l{i}")), Severity::Warning)).collect();
        all.insert(3, f("budget_over_allocated", None, Severity::Error));
        let groups = group(&all);
        assert_eq!(groups.len(), 2);
        assert_eq!((groups[0].code, groups[0].count, groups[0].message.as_str()), ("budget_over_allocated", 1, "budget_over_allocated on None"));
        let g = &groups[1];
        assert_eq!((g.count, g.message.as_str()), (10, "10 lines: under the learning-phase minimum."));
        assert_eq!(g.findings, [0, 1, 2, 4, 5, 6, 7, 8, 9, 10]);
        assert_eq!(g.lines.len(), 10);
    }
}
