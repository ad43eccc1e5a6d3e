//! Approval in the core: the status moves open from each status, the lock on an approved plan
//! (what stays editable, what is refused, a revision), comments, and the change list between
//! two plans. The library's side (snapshots, saving) is tested in flightplan-store.

use chrono::{TimeZone, Utc};
use flightplan_core::approval::{check_edit, moves, set_status, start_revision};
use flightplan_core::changes::{changes, ChangeKind};
use flightplan_core::comments::{add_comment, resolve_comment};
use flightplan_core::plan::{Pattern, Plan, PlanStatus};
use flightplan_core::Dec;
use flightplan_core::{sample_plan, validate};
use rust_decimal::Decimal;

fn approved() -> Plan {
    let mut p = sample_plan();
    p.status = PlanStatus::Proposed;
    p.version = 1;
    set_status(&p, PlanStatus::Approved, "Dana Lee", Utc.with_ymd_and_hms(2027, 1, 3, 10, 0, 0).unwrap()).unwrap()
}

#[test]
fn each_status_offers_its_moves() {
    let to = |s: PlanStatus| moves(s).into_iter().map(|m| (m.to, m.label, m.needs_name)).collect::<Vec<_>>();
    assert_eq!(to(PlanStatus::Draft), [(PlanStatus::Proposed, "Propose to the client".to_string(), false)]);
    assert_eq!(to(PlanStatus::Proposed), [(PlanStatus::Approved, "Approve".to_string(), true), (PlanStatus::Draft, "Back to draft".to_string(), false)]);
    assert_eq!(to(PlanStatus::Approved), [(PlanStatus::Live, "Set live".to_string(), false), (PlanStatus::Closed, "Close".to_string(), false)]);
    assert_eq!(to(PlanStatus::Live), [(PlanStatus::Closed, "Close".to_string(), false)]);
    assert!(to(PlanStatus::Closed).is_empty());
}

#[test]
fn the_lock_refuses_approved_figures_and_allows_the_rest() {
    let saved = approved();
    // A rate is what was approved.
    let mut edit = saved.clone();
    edit.lines[0].rate = Some(Dec(Decimal::new(130, 2)));
    let e = check_edit(&saved, &edit).unwrap_err();
    assert_eq!(e.code, "plan_locked");
    assert!(e.message.contains("it changes rate of line \"google-brand\" from 1.20 to 1.30"), "{}", e.message);
    // The flight's shape is too.
    let mut edit = saved.clone();
    edit.lines[0].pattern = Some(Pattern::Flighting { on: 2, off: 1 });
    assert!(check_edit(&saved, &edit).unwrap_err().message.contains("flighting of line \"google-brand\" from continuous to flighting 2 on, 1 off"));
    // Delivered creative and a review date are not.
    let mut edit = saved.clone();
    edit.lines[0].creative[0].delivered = 4;
    edit.last_reviewed = chrono::NaiveDate::from_ymd_opt(2027, 1, 20);
    check_edit(&saved, &edit).unwrap();
    // Nor is a move to live; a move back to draft is.
    let mut live = saved.clone();
    live.status = PlanStatus::Live;
    check_edit(&saved, &live).unwrap();
    let mut back = saved.clone();
    back.status = PlanStatus::Draft;
    assert!(check_edit(&saved, &back).unwrap_err().message.contains("it moves the plan from approved to draft"));
    // A revision may change anything.
    let mut revision = start_revision(&saved).unwrap();
    revision.lines[0].rate = Some(Dec(Decimal::new(130, 2)));
    check_edit(&saved, &revision).unwrap();
    assert_eq!(revision.revises.as_ref().map(|r| r.version), Some(1));
    // A draft is never locked.
    check_edit(&revision, &sample_plan()).unwrap();
}

#[test]
fn comments_are_added_resolved_and_checked() {
    let at = Utc.with_ymd_and_hms(2027, 1, 5, 9, 30, 0).unwrap();
    let p = add_comment(&sample_plan(), None, "Jordan", "Budget confirmed by finance", at).unwrap();
    let p = add_comment(&p, Some("radio-nyc"), "Sam (client)", "Why NYC only?", at).unwrap();
    assert_eq!(p.comments.iter().map(|c| (c.id.as_str(), c.line.as_deref())).collect::<Vec<_>>(), [("c1", None), ("c2", Some("radio-nyc"))]);
    let p = resolve_comment(&p, "c2", true).unwrap();
    assert!(p.comments[1].resolved);
    assert_eq!(add_comment(&p, Some("nope"), "Jo", "Hi", at).unwrap_err().code, "unknown_line");
    assert_eq!(add_comment(&p, None, "Jo", "  ", at).unwrap_err().code, "missing_field");
    // The file round-trips, and a duplicate id is refused naming it.
    let text = flightplan_core::write_plan(&p);
    assert!(text.contains("\"at\": \"2027-01-05T09:30:00Z\""), "{text}");
    assert_eq!(flightplan_core::parse_plan(&text).unwrap(), p);
    let mut dup = p.clone();
    dup.comments[1].id = "c1".into();
    let e = validate(&dup).into_iter().next().unwrap();
    assert_eq!((e.code.as_str(), e.path.as_deref()), ("duplicate_comment", Some("comments[1].id")));
}

#[test]
fn changes_list_each_figure_with_its_difference() {
    let before = approved();
    let mut after = start_revision(&before).unwrap();
    after.fees.tech_fee_pct = Dec(Decimal::from(3));
    after.lines[8].end = chrono::NaiveDate::from_ymd_opt(2027, 3, 21).unwrap(); // radio ends a week early
    let c = changes(&before, &after).unwrap();
    let find = |line: Option<&str>, field: &str| c.changes.iter().find(|x| x.line.as_deref() == line && x.field == field).unwrap();
    let fee = find(None, "fees.tech_fee_pct");
    assert_eq!((fee.kind, fee.before.as_deref(), fee.after.as_deref()), (ChangeKind::Percent, Some("2"), Some("3")));
    // 1% more of 250,000.00 net media: 2,500.00 more tech fee.
    assert_eq!(find(None, "totals.tech_fee").difference, Some(Dec(Decimal::new(250000, 2))));
    let end = find(Some("radio-nyc"), "end");
    assert_eq!((end.kind, end.before.as_deref(), end.after.as_deref()), (ChangeKind::Date, Some("2027-03-28"), Some("2027-03-21")));
    // Its last week is gone and the money moved to the other weeks.
    let last = find(Some("radio-nyc"), "weeks.2027-03-22");
    assert_eq!((last.after.as_deref(), last.kind), (None, ChangeKind::Money));
    assert!(find(Some("radio-nyc"), "weeks.2027-02-01").difference.unwrap() > Decimal::ZERO);
    assert_eq!((c.from_version, c.to_version), (1, 2));
    // What was set (the fee rate, the end date) is told from what follows (fees, weeks, months).
    let set: Vec<(Option<&str>, &str)> = c.changes.iter().filter(|x| !x.derived).map(|x| (x.line.as_deref(), x.field.as_str())).collect();
    assert_eq!(set, [(None, "fees.tech_fee_pct"), (Some("radio-nyc"), "end")]);
    assert!(find(None, "totals.tech_fee").derived && last.derived && find(None, "totals.months.2027-03").derived);
}
