//! Hostile and clumsy plans: whatever a plan file holds, reading it and every core entry point
//! (costing, findings as of a day, pacing and recommendations, scenarios, the allocator, the
//! launch board and status moves, roll-forward, reconciliation) give a value or a clean error,
//! never a panic, and stay within a time and memory bound.
//!
//! The cases are the sample plan (with actuals, invoices and learnings added) with a few of its
//! values replaced by extremes: decimals at the edges of what a decimal holds, dates from year 1
//! to 9999, huge counts, odd text. A fixed number of cases runs in every `cargo test`.

use chrono::NaiveDate;
use flightplan_core::plan::LineStatus;
use flightplan_core::{parse_plan, read_plan, validate};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::alloc::{GlobalAlloc, Layout, System};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Counts live bytes and their peak, so each case can be held to a memory bound.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = System.alloc(l);
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        System.dealloc(p, l);
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Per case: far above what the sample plan needs (a few MB), far below a runaway.
const MEMORY_BOUND: usize = 256 * 1024 * 1024;
/// Per case, in an unoptimised test build: a hang detector, not a benchmark.
const TIME_BOUND: Duration = Duration::from_secs(20);

/// The sample plan with stage 6 records, so pacing, performance and reconciliation have work.
fn base() -> Value {
    let mut v: Value = serde_json::from_str(flightplan_core::SAMPLE_PLAN_JSON).unwrap();
    let ids: Vec<String> = v["lines"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap().to_string()).collect();
    let start = NaiveDate::parse_from_str(v["start"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    let mut actuals = Vec::new();
    for (i, id) in ids.iter().enumerate().take(4) {
        for w in 0..3 {
            let d = start + chrono::Duration::days(7 * w + i as i64);
            actuals.push(json!({ "line": id, "date": d.to_string(), "period": if w == 2 { "week" } else { "day" },
                "spend": format!("{}.25", 100 + 37 * i), "impressions": "12000", "clicks": "150", "conversions": "4.5",
                "revenue": "380.00", "source": format!("meta:{id}") }));
        }
    }
    v["actuals"] = Value::Array(actuals);
    // A KPI target on every line, so the recommendations judge each line against one.
    for (i, l) in v["lines"].as_array_mut().unwrap().iter_mut().enumerate() {
        if l.get("kpi").is_none_or(Value::is_null) {
            let kpi = ["cpa", "ctr", "cpm", "roas", "cpc"][i % 5];
            l["kpi"] = json!({ "kpi": kpi, "target": "12.50" });
        }
    }
    v["invoices"] = json!([{ "vendor": "Meta", "month": start.format("%Y-%m").to_string(), "amount": "512.50", "number": "INV-1", "line": ids[0] }]);
    v["learnings"] = json!([{ "date": start.to_string(), "line": ids[1], "text": "Hooks in the first second win." }]);
    v
}

/// Every leaf of the document with its JSON pointer.
fn leaves(v: &Value, at: String, out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(m) => m.iter().for_each(|(k, x)| leaves(x, format!("{at}/{k}"), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| leaves(x, format!("{at}/{i}"), out)),
        leaf => out.push((at, leaf.clone())),
    }
}

const DECIMALS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "0.0000000000000000000000000001",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "1000000000000000000000000000",
    "99999999999999.99",
    "0.5",
    "100",
    "100.0000000000001",
    "12345678901234567890.123456789",
    "0.00001",
    "1e3",
    "NaN",
    "",
    " 5 ",
    "5,5",
    "1000000000000000000000000",
    "7922816251426433759354395033",
    "0.01",
    "0.99",
    "10000000000000000000000000000",
];
const DATES: &[&str] = &["0001-01-01", "9999-12-31", "2025-09-0é", "2026-02-29", "2028-02-29", "1970-01-01", "2027-12-31", "2030-06-30", "not a date"];
const TEXTS: &[&str] = &["", " ", "é", "=1+1", "\u{202e}evil", "a\nb", "{client}_{line}", "🚀🚀🚀", "\0"];
const INTS: &[i64] = &[0, 1, -1, 53, 4_294_967_295, 4_294_967_296, i64::MAX, i64::MIN];

fn is_date(s: &str) -> bool {
    s.len() == 10 && s.as_bytes()[4] == b'-' && NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// A replacement of the same kind as `old`, chosen by `pick`.
fn extreme(old: &Value, pick: usize) -> Value {
    match old {
        Value::String(s) if is_date(s) => Value::String(DATES[pick % DATES.len()].into()),
        Value::String(s) if s.parse::<rust_decimal::Decimal>().is_ok() => Value::String(DECIMALS[pick % DECIMALS.len()].into()),
        Value::String(_) => match pick % 4 {
            0 => Value::String("x".repeat(20_000)),
            _ => Value::String(TEXTS[pick % TEXTS.len()].into()),
        },
        Value::Number(_) => json!(INTS[pick % INTS.len()]),
        Value::Bool(b) => Value::Bool(!b),
        Value::Null => Value::String(DECIMALS[pick % DECIMALS.len()].into()),
        other => other.clone(),
    }
}

/// Read the document and, if it is a valid plan, run every entry point on it.
fn exercise(text: &str, day: NaiveDate) {
    let Ok(plan) = read_plan(text) else { return };
    let invalid = !validate(&plan).is_empty();
    let _ = parse_plan(text);
    let _ = flightplan_core::compute_as_of(&plan, Some(day));
    if invalid {
        return;
    }
    let _ = flightplan_core::recommend::monitor(&plan, day);
    let _ = flightplan_core::scenario::compare(&plan);
    let _ = flightplan_core::scenario::presented_plan(&plan);
    if let Ok(o) = flightplan_core::optimise::optimise(&plan) {
        let _ = flightplan_core::optimise::accept(&plan, &o.allocation);
    }
    let _ = flightplan_core::allocation::allocate(&plan, None);
    let _ = flightplan_core::launch::board(&plan);
    if let Some(l) = plan.lines.first() {
        let _ = flightplan_core::launch::transition(&plan, &l.id, LineStatus::Live, day, Some(("Ana", "client asked")));
    }
    let _ = flightplan_core::rollforward::roll_forward(&plan, "parent", day);
    let _ = flightplan_core::reconcile::reconcile(&plan);
}

fn run_case(doc: &Value, day: NaiveDate) -> Result<(), TestCaseError> {
    let text = serde_json::to_string(doc).unwrap();
    PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
    let before = LIVE.load(Ordering::Relaxed);
    let t = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| exercise(&text, day)));
    let took = t.elapsed();
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    prop_assert!(outcome.is_ok(), "a core entry point panicked on:\n{text}");
    prop_assert!(took < TIME_BOUND, "took {took:?} on:\n{text}");
    prop_assert!(peak < MEMORY_BOUND, "peaked at {peak} bytes on:\n{text}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_plan_makes_the_core_panic_or_run_away(
        edits in prop::collection::vec((any::<bool>(), any::<prop::sample::Index>(), 0usize..1000), 1..6),
        day in 0usize..DATES.len(),
    ) {
        let mut doc = base();
        let mut all = Vec::new();
        leaves(&doc, String::new(), &mut all);
        // Most edits hit a figure (where arithmetic can overflow); some hit any value.
        let figures: Vec<(String, Value)> =
            all.iter().filter(|(_, v)| v.as_str().is_some_and(|s| s.parse::<rust_decimal::Decimal>().is_ok())).cloned().collect();
        for (figure, which, pick) in &edits {
            let pool = if *figure { &figures } else { &all };
            let (ptr, old) = &pool[which.index(pool.len())];
            if let Some(slot) = doc.pointer_mut(ptr) {
                *slot = extreme(old, *pick);
            }
        }
        let day = NaiveDate::parse_from_str(DATES[day], "%Y-%m-%d").unwrap_or(NaiveDate::from_ymd_opt(2027, 2, 14).unwrap());
        run_case(&doc, day)?;
    }
}

/// Every figure, date and whole number of the plan set, one at a time, to every extreme: each
/// change alone keeps the rest of the plan valid, so the deepest code (pacing, recommendations,
/// the allocator) sees the extreme value.
#[test]
fn every_value_at_every_extreme_one_at_a_time() {
    let day = NaiveDate::from_ymd_opt(2027, 2, 14).unwrap();
    let doc = base();
    let mut all = Vec::new();
    leaves(&doc, String::new(), &mut all);
    let mut cases = 0;
    for (ptr, old) in &all {
        let kinds = match old {
            Value::String(s) if is_date(s) => DATES.len(),
            Value::String(s) if s.parse::<rust_decimal::Decimal>().is_ok() => DECIMALS.len(),
            Value::Number(_) => INTS.len(),
            _ => 0,
        };
        for pick in 0..kinds {
            let mut d = doc.clone();
            *d.pointer_mut(ptr).unwrap() = extreme(old, pick);
            run_case(&d, day).unwrap_or_else(|e| panic!("{ptr} = {}: {e}", extreme(old, pick)));
            cases += 1;
        }
    }
    assert!(cases > 1000, "only {cases} cases");
}

/// The reproductions, each once.
#[test]
fn known_hostile_plans_are_refused_or_costed_without_panicking() {
    let day = NaiveDate::from_ymd_opt(2027, 2, 14).unwrap();
    // The fuzz cases start from a valid plan whose every stage has work to do.
    let plan = parse_plan(&base().to_string()).unwrap();
    let m = flightplan_core::recommend::monitor(&plan, day).unwrap();
    assert!(serde_json::to_string(&m).unwrap().contains("actual"), "pacing has actuals to judge");
    // A CTR target of 10^27 with actuals: pacing's recommendation printed it as a percent.
    let mut doc = base();
    doc["lines"][0]["kpi"] = json!({ "kpi": "ctr", "target": "1000000000000000000000000000" });
    run_case(&doc, day).unwrap();
    // A line flighted to 9999: refused by the calendar limit, naming the line.
    let mut doc = base();
    doc["lines"][2]["end"] = json!("9999-12-31");
    let e = parse_plan(&doc.to_string()).unwrap_err();
    assert_eq!(e.code, "period_too_long");
    assert_eq!(e.path.as_deref(), Some("lines[2].end"));
    assert_eq!(e.line.as_deref(), doc["lines"][2]["id"].as_str());
    run_case(&doc, day).unwrap();
    // A plan over 0000..9999 with 300 lines: refused at once.
    let mut doc = base();
    doc["start"] = json!("0001-01-01");
    doc["end"] = json!("9999-12-31");
    let line = doc["lines"][0].clone();
    doc["lines"] = Value::Array(
        (0..300)
            .map(|i| {
                let mut l = line.clone();
                l["id"] = json!(format!("l{i}"));
                l["start"] = json!("0001-01-01");
                l["end"] = json!("9999-12-31");
                l
            })
            .collect(),
    );
    doc["scenarios"] = json!([]);
    doc["actuals"] = json!([]);
    doc["invoices"] = json!([]);
    doc["learnings"] = json!([]);
    assert_eq!(parse_plan(&doc.to_string()).unwrap_err().code, "period_too_long");
    run_case(&doc, day).unwrap();
}

/// Each limit refuses just past it and accepts at it.
#[test]
fn limits_name_their_field_and_allow_the_largest_real_plans() {
    use flightplan_core::limits::*;
    let ok = |doc: &Value| parse_plan(&doc.to_string()).map(|_| ()).map_err(|e| (e.code, e.path));
    let mut doc = base();
    doc["scenarios"] = json!([]);
    // Ten years exactly is a plan; a day more is not.
    doc["start"] = json!("2027-01-01");
    doc["end"] = json!("2036-12-31");
    assert_eq!(ok(&doc), Ok(()));
    doc["end"] = json!("2037-01-01");
    assert_eq!(ok(&doc), Err(("period_too_long".into(), Some("end".into()))));
    let mut doc = base();
    doc["notes"] = json!(["n".repeat(MAX_NOTE_CHARS)]);
    assert_eq!(ok(&doc), Ok(()));
    doc["notes"] = json!(["ok", "é".repeat(MAX_NOTE_CHARS + 1)]);
    assert_eq!(ok(&doc), Err(("too_large".into(), Some("notes[1]".into()))));
    let mut doc = base();
    doc["lines"][1]["vendor"] = json!("v".repeat(MAX_NAME_CHARS + 1));
    assert_eq!(ok(&doc), Err(("too_large".into(), Some("lines[1].vendor".into()))));
    let mut doc = base();
    let line = doc["lines"][0].clone();
    doc["scenarios"] = json!([]);
    doc["actuals"] = json!([]);
    doc["invoices"] = json!([]);
    doc["learnings"] = json!([]);
    doc["lines"] = Value::Array(
        (0..=MAX_LINES)
            .map(|i| {
                let mut l = line.clone();
                l["id"] = json!(format!("l{i}"));
                l
            })
            .collect(),
    );
    assert_eq!(ok(&doc), Err(("too_large".into(), Some("lines".into()))));
}
