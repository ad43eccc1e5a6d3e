//! The six stages' completeness: what each stage needs before it is done, judged on what the
//! planner has really filled in.
//!
//! The stage rail's "Complete" is a promise to the planner, so a row added and left empty (the
//! placeholder "Segment 2", a competitor with no channel or angle, a "Line 3" with no channel
//! or money) never completes a stage; each such row is also a `placeholder_row` finding naming
//! it, so the planner sees why the stage is not done. Completion is about what has been filled
//! in, never about money: the figures come from costing.

use crate::finding::{Finding, Severity};
use crate::plan::{Competitor, Kpi, Line, LineStatus, Plan, Pricing, Segment};
pub use crate::view::{StageCheck, StageProgress};
use rust_decimal::Decimal;

pub const TITLES: [&str; 6] = ["Goals & KPIs", "Audience & market", "Channels & split", "The plan", "Buy & launch", "Monitor & optimise"];

/// A segment with nothing but its placeholder name ("Segment 2") and kind.
pub fn is_placeholder_segment(s: &Segment) -> bool {
    let name = s.name.trim();
    let placeholder_name = name.is_empty() || numbered(name, "Segment");
    placeholder_name && s.description.trim().is_empty() && s.size.is_none() && s.value.is_none()
}

/// A competitor with no channel, angle or notes: nothing seen yet.
pub fn is_placeholder_competitor(c: &Competitor) -> bool {
    c.channel.trim().is_empty() && c.angle.trim().is_empty() && c.notes.trim().is_empty()
}

/// A line as added and left: no channel and no money.
pub fn is_placeholder_line(l: &Line) -> bool {
    let funded = l.budget.is_some_and(|b| b > Decimal::ZERO) || l.share.is_some_and(|s| s > Decimal::ZERO);
    l.channel.trim().is_empty() && !funded
}

/// "Segment 2", "Segment", "segment 12".
fn numbered(name: &str, word: &str) -> bool {
    let lower = name.to_lowercase();
    let Some(rest) = lower.strip_prefix(&word.to_lowercase()) else { return false };
    rest.trim().chars().all(|c| c.is_ascii_digit())
}

/// Primary KPIs counted on the target audience's universe: stage 2 needs the universe for them.
pub const AUDIENCE_KPIS: [Kpi; 5] = [Kpi::Reach, Kpi::EffectiveReach, Kpi::Frequency, Kpi::Grps, Kpi::Cpp];

/// Every stage's checks, on the plan and the net media its lines leave unallocated.
pub fn progress(plan: &Plan, unallocated: Decimal) -> Vec<StageProgress> {
    let goal = plan.goal.as_ref();
    let lines: Vec<&Line> = plan.lines.iter().filter(|l| !is_placeholder_line(l)).collect();
    let any = !lines.is_empty();
    let all = |f: &dyn Fn(&Line) -> bool| any && lines.iter().all(|l| f(l));
    let c = |label, done| StageCheck { label, done };
    let checks: [Vec<StageCheck>; 6] = [
        vec![
            c("Objective", goal.is_some()),
            c("Primary KPI", goal.is_some_and(|g| g.kpi.is_some())),
            c("KPI target", goal.and_then(|g| g.target).is_some_and(|t| !t.is_zero())),
            c("Budget", !plan.budget.is_zero()),
            c("Period", plan.end >= plan.start),
        ],
        [
            // A goal counted in people (reach, frequency, points) needs the people it counts.
            goal.and_then(|g| g.kpi).filter(|k| AUDIENCE_KPIS.contains(k)).map(|_| c("Target universe", plan.universe.is_some())),
            Some(c("Audience summary", !plan.audience.summary.trim().is_empty())),
        ]
        .into_iter()
        .flatten()
        .chain([
            c("At least one segment", plan.audience.segments.iter().any(|s| !is_placeholder_segment(s))),
            c("Competitor evidence", plan.competitors.iter().any(|x| !is_placeholder_competitor(x))),
        ])
        .collect(),
        vec![
            c("At least one channel", any),
            c("Every line funded", all(&|l| l.budget.is_some_and(|b| b > Decimal::ZERO) || l.share.is_some_and(|s| s > Decimal::ZERO))),
            c("Budget fully allocated", any && unallocated.is_zero()),
        ],
        vec![
            c("Lines on the plan", any),
            c("Every line priced", all(&|l| l.pricing == Pricing::Flat || l.rate.is_some())),
            c("A KPI per line", all(&|l| l.kpi.is_some())),
            c("Creative listed", all(&|l| !l.creative.is_empty())),
        ],
        vec![
            c("Naming convention", plan.monitoring.naming_template.is_some()),
            c("Creative delivered", all(&|l| l.creative.iter().all(|x| x.delivered >= x.count))),
            c("Every line booked", all(&|l| l.launch.status != LineStatus::Planned)),
            c("Lines live", lines.iter().any(|l| matches!(l.launch.status, LineStatus::Live | LineStatus::Paused | LineStatus::Ended))),
        ],
        vec![
            c("Actuals recorded", !plan.actuals.is_empty()),
            c("Invoices entered", !plan.invoices.is_empty()),
            c("A learning logged", !plan.learnings.is_empty()),
        ],
    ];
    checks
        .into_iter()
        .enumerate()
        .map(|(i, checks)| StageProgress {
            stage: i as u8 + 1,
            title: TITLES[i],
            phase: if i < 4 { "planning" } else { "buying" },
            complete: checks.iter().all(|c| c.done),
            checks,
        })
        .collect()
}

/// A `placeholder_row` finding for every row added and left empty.
pub fn placeholders(plan: &Plan, out: &mut Vec<Finding>) {
    let f = |stage: u8, line: Option<&str>, message: String, fix: &str| Finding {
        code: "placeholder_row",
        severity: Severity::Info,
        message,
        stage,
        line: line.map(str::to_string),
        fix: fix.to_string(),
    };
    for (i, s) in plan.audience.segments.iter().enumerate().filter(|(_, s)| is_placeholder_segment(s)) {
        out.push(f(
            2,
            None,
            format!(
                "Segment {} (\u{201c}{}\u{201d}) is an empty placeholder: it has no description, size or value, so it does not count as a segment.",
                i + 1,
                s.name.trim()
            ),
            "Describe the segment (who, how many, what they are worth), or remove the row.",
        ));
    }
    for (i, c) in plan.competitors.iter().enumerate().filter(|(_, c)| is_placeholder_competitor(c)) {
        out.push(f(
            2,
            None,
            format!("Competitor row {} (\u{201c}{}\u{201d}) records no channel or angle, so it is not evidence yet.", i + 1, c.competitor.trim()),
            "Note where the ad runs and its angle, or remove the row.",
        ));
    }
    for l in plan.lines.iter().filter(|l| is_placeholder_line(l)) {
        out.push(f(
            3,
            Some(&l.id),
            format!("\u{201c}{}\u{201d} is an empty placeholder: no channel and no money, so it does not count as a line.", l.name.trim()),
            "Choose its channel and give it a share or an amount, or remove it.",
        ));
    }
}
