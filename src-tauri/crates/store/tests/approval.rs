//! Approval in the library: a plan moves Draft → Proposed → Approved, approving records who
//! and when and keeps an approved version, the approved plan refuses edits to what was
//! approved until a revision starts, and the changes since approval list every figure.

use chrono::{DateTime, TimeZone, Utc};
use flightplan_core::plan::{Actual, LineStatus, PlanStatus};
use flightplan_core::Dec;
use flightplan_core::{comments, sample_plan, Plan};
use flightplan_store::Library;
use std::str::FromStr;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, day, hour, 0, 0).unwrap()
}

fn d(s: &str) -> Dec {
    Dec::from_str(s).unwrap()
}

/// The sample plan as a first draft.
fn draft() -> Plan {
    let mut p = sample_plan();
    p.status = PlanStatus::Draft;
    p.version = 1;
    p
}

/// A library with the sample plan, proposed and then approved by Dana Lee on 3 January.
fn approved() -> (Library, i64) {
    let mut lib = Library::open_in_memory().unwrap();
    let id = lib.import(&draft(), at(1, 9)).unwrap();
    lib.set_status(id, PlanStatus::Proposed, "", at(2, 9)).unwrap();
    let a = lib.approve(id, "Dana Lee", at(3, 10)).unwrap();
    assert_eq!(a.plan.status, PlanStatus::Approved);
    (lib, id)
}

#[test]
fn approving_records_who_and_when_and_keeps_an_approved_version() {
    let (lib, id) = approved();
    let plan = lib.get(id).unwrap();
    let approval = plan.approval.clone().unwrap();
    assert_eq!((approval.by.as_str(), approval.at, approval.version), ("Dana Lee", at(3, 10), 1));
    assert_eq!(lib.list().unwrap()[0].status, "approved");
    let versions = lib.versions(id).unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!((versions[0].name.as_str(), versions[0].kind.as_str()), ("Approved v1 by Dana Lee", "approved"));
    let (v, snapshot) = lib.approved_version(id).unwrap().unwrap();
    assert_eq!(v.id, versions[0].id);
    assert_eq!(snapshot, plan);
    assert!(lib.changes_since_approval(id).unwrap().is_empty());
    // A copy starts as an unlocked draft.
    let mut lib = lib;
    let copy = lib.duplicate(id, at(4, 9)).unwrap();
    let copied = lib.get(copy).unwrap();
    assert_eq!((copied.status, copied.approval.is_none()), (PlanStatus::Draft, true));
    let mut edit = copied.clone();
    edit.lines[0].budget = Some(Dec(d("1.00").0));
    lib.save(copy, &edit, at(4, 10)).unwrap();
}

#[test]
fn only_allowed_moves_are_taken() {
    let mut lib = Library::open_in_memory().unwrap();
    let id = lib.import(&draft(), at(1, 9)).unwrap();
    let e = lib.set_status(id, PlanStatus::Approved, "Dana Lee", at(2, 9)).unwrap_err();
    assert_eq!(e.code, "invalid_status_move");
    assert_eq!(e.message, "a draft plan cannot move to approved");
    lib.set_status(id, PlanStatus::Proposed, "", at(2, 9)).unwrap();
    let e = lib.set_status(id, PlanStatus::Approved, "  ", at(2, 10)).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_deref()), ("missing_field", Some("approval.by")));
    lib.approve(id, "Dana Lee", at(3, 10)).unwrap();
    let e = lib.set_status(id, PlanStatus::Draft, "", at(4, 9)).unwrap_err();
    assert_eq!(e.message, "an approved plan cannot move to draft (start a revision to change an approved plan)");
    lib.set_status(id, PlanStatus::Live, "", at(4, 9)).unwrap();
    lib.set_status(id, PlanStatus::Closed, "", at(30, 9)).unwrap();
    assert_eq!(lib.get(id).unwrap().status, PlanStatus::Closed);
}

#[test]
fn a_plan_with_money_that_does_not_add_up_cannot_be_approved() {
    let mut lib = Library::open_in_memory().unwrap();
    let mut plan = draft();
    plan.budget = Dec(d("200000.00").0); // the lines take 250,000.00
    plan.status = PlanStatus::Proposed;
    let id = lib.import(&plan, at(1, 9)).unwrap();
    let e = lib.approve(id, "Dana Lee", at(3, 10)).unwrap_err();
    assert_eq!(e.code, "not_approvable");
    assert!(e.message.contains("$50,000.00 over the $200,000.00 budget"), "{}", e.message);
    assert_eq!(lib.get(id).unwrap().status, PlanStatus::Proposed);
    assert!(lib.versions(id).unwrap().is_empty());
}

#[test]
fn an_approved_plan_refuses_edits_to_what_was_approved() {
    let (mut lib, id) = approved();
    let before = lib.get(id).unwrap();
    let mut edit = before.clone();
    edit.lines[2].budget = Some(Dec(d("50000.00").0));
    let e = lib.save(id, &edit, at(5, 9)).unwrap_err();
    assert_eq!(e.code, "plan_locked");
    assert!(e.message.starts_with("version 1 of the plan is approved (approved by Dana Lee on 2027-01-03) and locked: it changes"), "{}", e.message);
    assert!(e.message.contains("line \"meta-pros\" from 48000.00 to 50000.00"), "{}", e.message);
    assert!(e.message.ends_with("Start a revision (version 2) to change it."), "{}", e.message);
    assert_eq!(lib.get(id).unwrap(), before);
    // A fee is what was approved too.
    let mut fees = before.clone();
    fees.fees.tech_fee_pct = Dec(d("3").0);
    assert_eq!(lib.save(id, &fees, at(5, 9)).unwrap_err().code, "plan_locked");
}

#[test]
fn buying_monitoring_and_comments_go_on_while_approved() {
    let (mut lib, id) = approved();
    lib.set_status(id, PlanStatus::Live, "", at(4, 9)).unwrap();
    let mut plan = lib.get(id).unwrap();
    plan.lines[0].launch.status = LineStatus::Live;
    plan.lines[0].launch.tracking_verified = true;
    plan.actuals.push(Actual {
        line: plan.lines[0].id.clone(),
        start: chrono::NaiveDate::from_ymd_opt(2027, 1, 10).unwrap(),
        end: chrono::NaiveDate::from_ymd_opt(2027, 1, 10).unwrap(),
        spend: Dec(d("1200.00").0),
        impressions: None,
        clicks: Some(Dec(d("900").0)),
        conversions: None,
        revenue: None,
        source: String::new(),
    });
    let plan = comments::add_comment(&plan, Some("meta-pros"), "Sam (client)", "Can we see a Reels split?", at(5, 11)).unwrap();
    lib.save(id, &plan, at(5, 12)).unwrap();
    let saved = lib.get(id).unwrap();
    assert_eq!(saved.comments[0].text, "Can we see a Reels split?");
    assert_eq!(saved.actuals.len(), 1);
    let resolved = comments::resolve_comment(&saved, "c1", true).unwrap();
    lib.save(id, &resolved, at(6, 9)).unwrap();
    assert!(lib.get(id).unwrap().comments[0].resolved);
    assert!(lib.changes_since_approval(id).unwrap().is_empty(), "launch, actuals and comments change no approved figure");
}

#[test]
fn a_revision_unlocks_and_the_changes_since_approval_list_every_figure() {
    let (mut lib, id) = approved();
    let revision = lib.start_revision(id, at(6, 9)).unwrap();
    assert_eq!((revision.status, revision.version), (PlanStatus::Draft, 2));
    let revises = revision.revises.clone().unwrap();
    assert_eq!((revises.version, revises.approved_by.as_str()), (1, "Dana Lee"));
    assert!(revision.approval.is_none());
    // The approved version is still there as it was.
    assert_eq!(lib.approved_version(id).unwrap().unwrap().1.status, PlanStatus::Approved);

    let mut edit = lib.get(id).unwrap();
    edit.lines[2].budget = Some(Dec(d("50000.00").0)); // meta-pros, 48,000.00 before
    edit.lines.retain(|l| l.id != "morningbrew-direct");
    let mut added = edit.lines[0].clone();
    added.id = "bing".into();
    added.name = "Search — Bing".into();
    added.budget = Some(Dec(d("14000.00").0));
    edit.lines.push(added);
    lib.save(id, &edit, at(6, 10)).unwrap();

    let c = lib.changes_since_approval(id).unwrap();
    assert_eq!((c.from_version, c.to_version), (1, 2));
    assert_eq!(c.approved_by.as_deref(), Some("Dana Lee"));
    assert_eq!(c.lines_added.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["bing"]);
    assert_eq!(c.lines_removed.iter().map(|l| (l.id.as_str(), l.net.to_string())).collect::<Vec<_>>(), [("morningbrew-direct", "16000.00".to_string())]);
    let find = |line: Option<&str>, field: &str| c.changes.iter().find(|x| x.line.as_deref() == line && x.field == field).cloned();
    let net = find(Some("meta-pros"), "net").unwrap();
    assert_eq!((net.before.as_deref(), net.after.as_deref(), net.difference), (Some("48000.00"), Some("50000.00"), Some(d("2000.00"))));
    // Its fees and gross follow: 2% tech fee of 2,000 more is 40.00 more.
    assert_eq!(find(Some("meta-pros"), "tech_fee").unwrap().difference, Some(d("40.00")));
    assert!(find(Some("meta-pros"), "gross").is_some());
    assert!(find(Some("meta-pros"), "impressions").is_some());
    // Net media: +2,000 − 16,000 + 14,000 = 0; the budget did not move, but the weeks did.
    assert!(find(None, "totals.net_media").is_none());
    assert!(c.changes.iter().any(|x| x.line.is_none() && x.field.starts_with("totals.weeks.")));
    assert!(find(Some("google-brand"), "net").is_none(), "an unchanged line lists nothing");
}
