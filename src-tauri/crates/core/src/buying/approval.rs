//! Approval: a plan's status moves (Draft → Proposed → Approved → Live → Closed), the sign-off
//! that records who approved it and when, the lock on an approved plan, and revisions.
//!
//! The approved plan is the one the client agreed to pay for. Once approved it is locked: an
//! edit that would change what was approved (money, dates, rates, lines, fees, the goal) is
//! refused, naming what it would change, unless it starts a revision: a new draft with the
//! next version number that remembers the version it revises. Buying and monitoring go on
//! while a plan is approved or live, so launch state, delivered creative, actuals, invoices,
//! learnings, review dates, monitoring thresholds and comments stay editable. The store takes a
//! named snapshot when a plan is approved and keeps the lock on every save (`flightplan-store`).

use crate::changes::{changes, Changes};
use crate::costing::compute;
use crate::error::{Error, Result};
use crate::finding::Severity;
use crate::plan::{Approval, Plan, PlanStatus, Revision};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// A status a plan can move to from where it is, for the UI's status menu.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatusMove {
    pub to: PlanStatus,
    /// "Propose to client", "Approve", …
    pub label: String,
    /// Moving there records a name (approving).
    pub needs_name: bool,
}

/// Whether a plan may move from `from` to `to`: draft → proposed; proposed → draft (withdrawn
/// or sent back) or approved; approved → live or closed (cancelled); live → closed. An approved
/// or live plan goes back to draft only as a revision ([`start_revision`]).
pub fn can_move(from: PlanStatus, to: PlanStatus) -> bool {
    use PlanStatus::*;
    matches!((from, to), (Draft, Proposed) | (Proposed, Draft) | (Proposed, Approved) | (Approved, Live) | (Approved, Closed) | (Live, Closed))
}

/// The moves open from `status`, in the order a planner takes them.
pub fn moves(status: PlanStatus) -> Vec<StatusMove> {
    use PlanStatus::*;
    [(Proposed, "Propose to the client"), (Approved, "Approve"), (Live, "Set live"), (Closed, "Close"), (Draft, "Back to draft")]
        .into_iter()
        .filter(|(to, _)| can_move(status, *to))
        .map(|(to, label)| StatusMove { to, label: label.to_string(), needs_name: to == Approved })
        .collect()
}

/// Whether a plan in `status` is locked against edits to what was approved.
pub fn is_locked(status: PlanStatus) -> bool {
    matches!(status, PlanStatus::Approved | PlanStatus::Live | PlanStatus::Closed)
}

/// "a draft", "an approved", …
fn with_article(s: PlanStatus) -> String {
    let label = status_label(s);
    format!("{} {label}", if label.starts_with('a') { "an" } else { "a" })
}

pub fn status_label(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::Draft => "draft",
        PlanStatus::Proposed => "proposed",
        PlanStatus::Approved => "approved",
        PlanStatus::Live => "live",
        PlanStatus::Closed => "closed",
    }
}

/// The plan moved to `to`. Approving needs `by` (who approves; `at` is when, passed in) and a
/// plan that costs without errors: a plan with money that does not add up or a broken
/// guardrail must not be signed off, and the error lists those findings.
pub fn set_status(plan: &Plan, to: PlanStatus, by: &str, at: DateTime<Utc>) -> Result<Plan> {
    if plan.status == to {
        return Ok(plan.clone());
    }
    if !can_move(plan.status, to) {
        let hint = if is_locked(plan.status) && to == PlanStatus::Draft { " (start a revision to change an approved plan)" } else { "" };
        return Err(Error::at("invalid_status_move", "status", format!("{} plan cannot move to {}{hint}", with_article(plan.status), status_label(to))));
    }
    let mut next = plan.clone();
    next.status = to;
    if to == PlanStatus::Approved {
        let by = by.trim();
        if by.is_empty() {
            return Err(Error::at("missing_field", "approval.by", "say who approves the plan"));
        }
        let view = compute(plan)?;
        let errors: Vec<String> = view.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.message.clone()).collect();
        if !errors.is_empty() {
            return Err(Error::new(
                "not_approvable",
                format!("the plan cannot be approved while it has {} error{}: {}", errors.len(), if errors.len() == 1 { "" } else { "s" }, errors.join(" ")),
            ));
        }
        next.approval = Some(Approval { by: by.to_string(), at, version: plan.version });
    }
    Ok(next)
}

/// A revision of an approved (or live) plan: a draft with the next version number that records
/// the version it revises, so the approved one stays as it was in the library.
pub fn start_revision(plan: &Plan) -> Result<Plan> {
    if !matches!(plan.status, PlanStatus::Approved | PlanStatus::Live) {
        return Err(Error::at(
            "invalid_status_move",
            "status",
            format!("only an approved or live plan is revised; this plan is {}", status_label(plan.status)),
        ));
    }
    let mut next = plan.clone();
    let version = plan.version.checked_add(1).ok_or_else(|| Error::overflow("the version number"))?;
    next.revises = plan.approval.as_ref().map(|a| Revision { version: a.version, approved_by: a.by.clone(), approved_at: a.at });
    next.approval = None;
    next.status = PlanStatus::Draft;
    next.version = version;
    Ok(next)
}

/// Whether `next` may replace `saved`: anything while `saved` is a draft or proposed; when it is
/// approved, live or closed, only a revision of it, an allowed status move, or changes to what
/// stays editable (see the module). A refused edit is `plan_locked`, naming what it changes.
pub fn check_edit(saved: &Plan, next: &Plan) -> Result<()> {
    if !is_locked(saved.status) {
        return Ok(());
    }
    let revision = next.status == PlanStatus::Draft
        && next.version == saved.version.saturating_add(1)
        && next.revises.as_ref().map(|r| r.version) == saved.approval.as_ref().map(|a| a.version);
    if revision {
        return Ok(());
    }
    if next.status != saved.status && !can_move(saved.status, next.status) {
        return Err(locked(saved, format!("it moves the plan from {} to {}", status_label(saved.status), status_label(next.status))));
    }
    if next.approval != saved.approval || next.version != saved.version || next.revises != saved.revises {
        return Err(locked(saved, "it changes the approval record".into()));
    }
    if locked_part(saved) == locked_part(next) {
        return Ok(());
    }
    let what = match changes(saved, next) {
        Ok(c) => describe(&c),
        Err(_) => "it changes what was approved".into(),
    };
    Err(locked(saved, what))
}

fn locked(saved: &Plan, what: String) -> Error {
    let by = match &saved.approval {
        Some(a) => format!(" (approved by {} on {})", a.by, a.at.format("%Y-%m-%d")),
        None => String::new(),
    };
    Error::new(
        "plan_locked",
        format!(
            "version {} of the plan is {}{by} and locked: {what}. Start a revision (version {}) to change it.",
            saved.version,
            status_label(saved.status),
            saved.version.saturating_add(1)
        ),
    )
}

/// "it changes net media of line \"meta-pros\" from 12000.00 to 13000.00 (and 3 more)".
fn describe(c: &Changes) -> String {
    let mut parts: Vec<String> = Vec::new();
    for l in &c.lines_added {
        parts.push(format!("it adds line \"{}\"", l.id));
    }
    for l in &c.lines_removed {
        parts.push(format!("it removes line \"{}\"", l.id));
    }
    // What the planner edited (a line's money, rate, dates, …) before what follows from it
    // (its fees and delivery, other lines' shares, the totals).
    const EDITED: [&str; 12] = ["net", "rate", "start", "end", "flighting", "pricing", "buying", "name", "channel", "ctr", "cvr", "vtr"];
    let rank = |ch: &&crate::changes::Change| match (&ch.line, EDITED.iter().position(|f| *f == ch.field)) {
        (Some(_), Some(i)) => i,
        (Some(_), None) => EDITED.len(),
        (None, _) => EDITED.len() + 1,
    };
    let mut ordered: Vec<_> = c.changes.iter().collect();
    ordered.sort_by_key(rank);
    for ch in ordered {
        let on = ch.line.as_ref().map(|l| format!(" of line \"{l}\"")).unwrap_or_default();
        let (b, a) = (ch.before.as_deref().unwrap_or("none"), ch.after.as_deref().unwrap_or("none"));
        parts.push(format!("it changes {}{on} from {b} to {a}", ch.label.to_lowercase()));
    }
    match parts.len() {
        0 => "it changes what was approved".into(),
        1 => parts.remove(0),
        n => format!("{} (and {} more)", parts.remove(0), n - 1),
    }
}

/// The part of a plan that approval locks: everything but its status and approval record,
/// launch state, delivered creative, stage 6's records, review date, monitoring thresholds and
/// comments.
fn locked_part(plan: &Plan) -> Plan {
    let mut p = plan.clone();
    p.status = PlanStatus::Draft;
    p.approval = None;
    p.revises = None;
    p.comments.clear();
    p.actuals.clear();
    p.invoices.clear();
    p.learnings.clear();
    p.last_reviewed = None;
    p.monitoring = Default::default();
    for l in &mut p.lines {
        l.launch = Default::default();
        for c in &mut l.creative {
            c.delivered = 0;
        }
    }
    p
}
