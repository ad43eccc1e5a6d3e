//! The plan library's everyday work: import, save, list, trash, versions.

use chrono::{DateTime, TimeZone, Utc};
use flightplan_core::plan::PlanStatus;
use flightplan_core::Dec;
use flightplan_core::{sample_plan, Plan};
use flightplan_store::{Library, PlanSummary};
use rust_decimal::Decimal;
use std::str::FromStr;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, day, hour, 0, 0).unwrap()
}

fn named(name: &str) -> Plan {
    let mut p = sample_plan();
    p.name = name.to_string();
    p
}

fn names(list: &[PlanSummary]) -> Vec<&str> {
    list.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn sample_plan_round_trips_exactly() {
    let mut lib = Library::open_in_memory().unwrap();
    assert_eq!(lib.path(), None);
    let plan = sample_plan();
    let id = lib.import(&plan, at(1, 9)).unwrap();
    assert_eq!(lib.get(id).unwrap(), plan);

    let list = lib.list().unwrap();
    assert_eq!(list.len(), 1);
    let s = &list[0];
    assert_eq!(s.id, id);
    assert_eq!(s.name, plan.name);
    assert_eq!(s.client, plan.client);
    assert_eq!(s.currency, plan.currency);
    assert_eq!(s.start, plan.start.format("%Y-%m-%d").to_string());
    assert_eq!(s.end, plan.end.format("%Y-%m-%d").to_string());
    assert_eq!(s.budget, plan.budget.to_string());
    assert_eq!(s.created_at, "2025-03-01T09:00:00.000Z");
    assert_eq!(s.updated_at, "2025-03-01T09:00:00.000Z");
    assert_eq!(s.deleted_at, None);
}

#[test]
fn save_replaces_the_document_and_keeps_money_exact() {
    let mut lib = Library::open_in_memory().unwrap();
    let id = lib.import(&sample_plan(), at(1, 9)).unwrap();
    let mut plan = lib.get(id).unwrap();
    plan.name = "Spring push, revised".into();
    plan.budget = Dec(Decimal::from_str("12345678901234567.89").unwrap());
    plan.status = PlanStatus::Approved;
    plan.lines.truncate(1);
    lib.save(id, &plan, at(2, 10)).unwrap();

    assert_eq!(lib.get(id).unwrap(), plan);
    let s = &lib.list().unwrap()[0];
    assert_eq!(s.name, "Spring push, revised");
    assert_eq!(s.budget, "12345678901234567.89");
    assert_eq!(s.status, "approved");
    assert_eq!(s.created_at, "2025-03-01T09:00:00.000Z");
    assert_eq!(s.updated_at, "2025-03-02T10:00:00.000Z");
    // The summary is the plan file's own JSON text.
    let json = serde_json::to_value(s).unwrap();
    assert_eq!(json["budget"], "12345678901234567.89");
    assert!(json.get("deleted_at").is_none());
}

#[test]
fn list_is_most_recently_updated_first() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.import(&named("A"), at(1, 9)).unwrap();
    let _b = lib.import(&named("B"), at(2, 9)).unwrap();
    let _c = lib.import(&named("C"), at(3, 9)).unwrap();
    assert_eq!(names(&lib.list().unwrap()), ["C", "B", "A"]);
    lib.save(a, &named("A2"), at(4, 9)).unwrap();
    assert_eq!(names(&lib.list().unwrap()), ["A2", "C", "B"]);
    // Same timestamp: the newer plan first, so the order is stable.
    lib.import(&named("D"), at(4, 9)).unwrap();
    assert_eq!(names(&lib.list().unwrap()), ["D", "A2", "C", "B"]);
}

#[test]
fn delete_restore_and_purge() {
    let mut lib = Library::open_in_memory().unwrap();
    let a = lib.import(&named("A"), at(1, 9)).unwrap();
    let b = lib.import(&named("B"), at(2, 9)).unwrap();

    lib.delete(a, at(3, 9)).unwrap();
    assert_eq!(names(&lib.list().unwrap()), ["B"]);
    let trash = lib.trash().unwrap();
    assert_eq!(names(&trash), ["A"]);
    assert_eq!(trash[0].deleted_at.as_deref(), Some("2025-03-03T09:00:00.000Z"));
    assert_eq!(lib.get(a).unwrap_err().code, "plan_deleted");
    assert_eq!(lib.save(a, &named("A2"), at(3, 10)).unwrap_err().code, "plan_deleted");
    assert_eq!(lib.snapshot(a, "v1", at(3, 10)).unwrap_err().code, "plan_deleted");
    assert_eq!(lib.duplicate(a, at(3, 10)).unwrap_err().code, "plan_deleted");
    // Deleting again keeps the first deletion time.
    lib.delete(a, at(4, 9)).unwrap();
    assert_eq!(lib.trash().unwrap()[0].deleted_at.as_deref(), Some("2025-03-03T09:00:00.000Z"));

    // Undo: the plan is back, unchanged.
    lib.restore(a).unwrap();
    assert_eq!(lib.get(a).unwrap(), named("A"));
    assert_eq!(names(&lib.list().unwrap()), ["B", "A"]);
    assert!(lib.trash().unwrap().is_empty());
    lib.restore(a).unwrap();

    lib.snapshot(b, "sent", at(5, 9)).unwrap();
    let version = lib.versions(b).unwrap()[0].id;
    lib.delete(b, at(5, 10)).unwrap();
    lib.purge(b).unwrap();
    assert_eq!(lib.get(b).unwrap_err().code, "plan_not_found");
    assert_eq!(lib.restore(b).unwrap_err().code, "plan_not_found");
    assert_eq!(lib.get_version(version).unwrap_err().code, "version_not_found");
    assert!(lib.trash().unwrap().is_empty());
    // Ids are never reused after a purge.
    let c = lib.import(&named("C"), at(6, 9)).unwrap();
    assert!(c > b);
    lib.purge(a).unwrap();
    assert_eq!(names(&lib.list().unwrap()), ["C"]);
}

#[test]
fn duplicate_is_a_new_plan_named_copy() {
    let mut lib = Library::open_in_memory().unwrap();
    let plan = sample_plan();
    let id = lib.import(&plan, at(1, 9)).unwrap();
    lib.snapshot(id, "first", at(1, 10)).unwrap();
    let copy = lib.duplicate(id, at(2, 9)).unwrap();
    assert_ne!(copy, id);
    let got = lib.get(copy).unwrap();
    assert_eq!(got.name, format!("{} (copy)", plan.name));
    // The copy is a draft (the sample is proposed); everything else is the plan's.
    assert_eq!(got.status, PlanStatus::Draft);
    assert_eq!(Plan { name: plan.name.clone(), status: plan.status, ..got }, plan);
    assert!(lib.versions(copy).unwrap().is_empty());
    assert_eq!(lib.get(id).unwrap(), plan);
    assert_eq!(lib.list().unwrap()[0].id, copy);
}

#[test]
fn snapshots_freeze_the_plan_as_it_was() {
    let mut lib = Library::open_in_memory().unwrap();
    let original = sample_plan();
    let id = lib.import(&original, at(1, 9)).unwrap();
    let v1 = lib.snapshot(id, "  Sent to client  ", at(1, 10)).unwrap();
    let mut revised = original.clone();
    revised.budget = Dec(Decimal::from_str("42000.00").unwrap());
    lib.save(id, &revised, at(2, 9)).unwrap();
    let v2 = lib.snapshot(id, "Approved", at(3, 9)).unwrap();

    let versions = lib.versions(id).unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!((versions[0].id, versions[0].name.as_str()), (v2, "Approved"));
    assert_eq!((versions[1].id, versions[1].name.as_str()), (v1, "Sent to client"));
    assert_eq!(versions[1].plan_id, id);
    assert_eq!(versions[1].created_at, "2025-03-01T10:00:00.000Z");
    assert_eq!(lib.get_version(v1).unwrap(), original);
    assert_eq!(lib.get_version(v2).unwrap(), revised);
    assert_eq!(lib.get(id).unwrap(), revised);

    assert_eq!(lib.snapshot(id, "   ", at(4, 9)).unwrap_err().code, "invalid_version_name");
    assert_eq!(lib.versions(id).unwrap().len(), 2);
}

#[test]
fn missing_plans_and_versions_are_named_errors() {
    let mut lib = Library::open_in_memory().unwrap();
    let e = lib.get(99).unwrap_err();
    assert_eq!(e.code, "plan_not_found");
    assert!(e.message.contains("99"), "{}", e.message);
    assert_eq!(lib.save(99, &sample_plan(), at(1, 9)).unwrap_err().code, "plan_not_found");
    assert_eq!(lib.delete(99, at(1, 9)).unwrap_err().code, "plan_not_found");
    assert_eq!(lib.restore(99).unwrap_err().code, "plan_not_found");
    assert_eq!(lib.purge(99).unwrap_err().code, "plan_not_found");
    assert_eq!(lib.duplicate(99, at(1, 9)).unwrap_err().code, "plan_not_found");
    assert_eq!(lib.snapshot(99, "x", at(1, 9)).unwrap_err().code, "plan_not_found");
    assert_eq!(lib.versions(99).unwrap_err().code, "plan_not_found");
    assert_eq!(lib.get_version(7).unwrap_err().code, "version_not_found");
    assert!(lib.list().unwrap().is_empty());
}

#[test]
fn a_file_library_keeps_plans_across_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("plans.flightplan-library");
    let plan = sample_plan();
    let id = {
        let mut lib = Library::open(&path).unwrap();
        assert_eq!(lib.path(), Some(path.as_path()));
        let id = lib.import(&plan, at(1, 9)).unwrap();
        lib.snapshot(id, "first", at(1, 10)).unwrap();
        lib.close().unwrap();
        id
    };
    let lib = Library::open(&path).unwrap();
    lib.integrity_check().unwrap();
    assert_eq!(lib.get(id).unwrap(), plan);
    assert_eq!(lib.versions(id).unwrap().len(), 1);

    // A copy made with the backup API is a library of its own.
    let copy = dir.path().join("copy.flightplan-library");
    lib.backup_to(&copy).unwrap();
    drop(lib);
    let copied = Library::open(&copy).unwrap();
    assert_eq!(copied.get(id).unwrap(), plan);
    assert_eq!(copied.versions(id).unwrap()[0].name, "first");
}

#[test]
fn the_library_file_is_wal_and_stores_money_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plans.db");
    let mut lib = Library::open(&path).unwrap();
    lib.import(&sample_plan(), at(1, 9)).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    // Budget is stored as text, never as a binary float.
    let kind: String = conn.query_row("SELECT typeof(budget) FROM plans", [], |r| r.get(0)).unwrap();
    assert_eq!(kind, "text");
}
