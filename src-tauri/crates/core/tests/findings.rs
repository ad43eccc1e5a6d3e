//! The plan health check, data-driven: `tests/cases/findings.json` patches a clean plan so that
//! each finding code fires, and patches it into a near miss so that it does not. Every code in
//! `docs/findings.md` must have both.

use chrono::NaiveDate;
use flightplan_core::{compute_as_of, parse_plan};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// A plan that passes every check: conversion goal with a CPA target, evidence, two auction
/// lines funded above their learning minimum (search: 18,000 clicks × 5% = 900 conversions at
/// $20, minimum $1,000/week, spends $1,500/week; social: CPA $20, spends exactly $1,000/week),
/// three assets each, reviewed recently.
fn base() -> Value {
    let creative = json!([{ "format": "Static 1:1", "count": 3, "due": "2026-12-15" }]);
    json!({
        "format": "flightplan/1", "name": "Clean", "client": "Acme", "currency": "USD",
        "start": "2027-01-04", "end": "2027-03-28", "budget": "30000.00", "universe": "1000000",
        "last_reviewed": "2026-12-01", "status": "approved",
        "goal": { "objective": "conversion", "kpi": "cpa", "target": "25.00",
                  "guardrails": { "max_channel_share_pct": "70", "max_blended_cac": "30.00" } },
        "competitors": [ { "competitor": "Rival", "channel": "Meta", "first_seen": "2026-09-01", "still_running": true } ],
        "lines": [
            { "id": "search", "channel": "Google Ads", "name": "Search", "role": "conversion", "buying": "auction",
              "pricing": "cpc", "rate": "1.00", "budget": "18000.00", "ctr": "0.05", "cvr": "0.05",
              "start": "2027-01-04", "end": "2027-03-28", "kpi": { "kpi": "cpa", "target": "20" }, "creative": creative },
            { "id": "social", "channel": "Meta", "name": "Social", "role": "conversion", "buying": "auction",
              "pricing": "cpa", "rate": "20.00", "budget": "12000.00",
              "start": "2027-01-04", "end": "2027-03-28", "kpi": { "kpi": "cpa", "target": "20" }, "creative": creative }
        ]
    })
}

/// RFC 7386 JSON merge patch.
fn merge(target: &mut Value, patch: &Value) {
    match (target.as_object_mut(), patch.as_object()) {
        (Some(t), Some(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        _ => *target = patch.clone(),
    }
}

fn findings(case: &Value) -> Vec<Value> {
    let mut plan = base();
    if let Some(p) = case.get("plan") {
        merge(&mut plan, p);
    }
    if let Some(lines) = case["lines"].as_array() {
        for (i, patch) in lines.iter().enumerate() {
            merge(&mut plan["lines"][i], patch);
        }
    }
    let plan = parse_plan(&plan.to_string()).unwrap_or_else(|e| panic!("{}: plan invalid: {e}", case["name"]));
    let today = case["today"].as_str().map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
    let view = compute_as_of(&plan, today).unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
    serde_json::to_value(view.findings).unwrap().as_array().unwrap().clone()
}

fn cases() -> Vec<Value> {
    let text = include_str!("cases/findings.json");
    let v: Value = serde_json::from_str(text).unwrap();
    v["cases"].as_array().unwrap().clone()
}

#[test]
fn the_clean_plan_has_no_findings() {
    let f = findings(&json!({ "name": "base", "today": "2027-01-20" }));
    assert_eq!(f, Vec::<Value>::new());
}

#[test]
fn every_case_fires_or_not_as_written() {
    let mut failures = Vec::new();
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let code = case["code"].as_str().unwrap();
        let all = findings(&case);
        let hits: Vec<&Value> = all.iter().filter(|f| f["code"] == code).collect();
        if case["fires"] == json!(false) {
            if !hits.is_empty() {
                failures.push(format!("{name}: {code} fired but should not: {}", hits[0]["message"]));
            }
            continue;
        }
        let Some(hit) = hits.iter().find(|f| case.get("line").is_none_or(|l| &f["line"] == l)) else {
            failures.push(format!("{name}: {code} did not fire; got {:?}", all.iter().map(|f| &f["code"]).collect::<Vec<_>>()));
            continue;
        };
        for key in ["severity", "stage"] {
            if let Some(want) = case.get(key) {
                if &hit[key] != want {
                    failures.push(format!("{name}: {key} is {} not {want}", hit[key]));
                }
            }
        }
        let message = hit["message"].as_str().unwrap();
        for part in case["message"].as_array().into_iter().flatten() {
            if !message.contains(part.as_str().unwrap()) {
                failures.push(format!("{name}: message lacks {part}: {message}"));
            }
        }
        assert!(!hit["fix"].as_str().unwrap().is_empty(), "{name}: a fix is given");
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_documented_code_has_a_trigger_and_a_near_miss() {
    let doc = include_str!("../../../../docs/findings.md");
    let documented: BTreeSet<String> = doc.lines().filter_map(|l| l.strip_prefix("| `")).filter_map(|l| l.split('`').next()).map(str::to_string).collect();
    assert!(documented.len() >= 18, "{documented:?}");
    let cases = cases();
    for code in &documented {
        for fires in [true, false] {
            assert!(cases.iter().any(|c| c["code"] == code.as_str() && c["fires"] == json!(fires)), "{code} has no case with fires = {fires}");
        }
    }
    for c in &cases {
        assert!(documented.contains(c["code"].as_str().unwrap()), "{} is not in docs/findings.md", c["code"]);
    }
}

#[test]
fn the_sample_plan_has_no_errors_even_when_checked_today() {
    let plan = flightplan_core::sample_plan();
    let view = compute_as_of(&plan, NaiveDate::from_ymd_opt(2026, 11, 21)).unwrap();
    assert!(view.findings.iter().all(|f| f.severity != flightplan_core::Severity::Error), "{:?}", view.findings);
}

/// A stage is not "Complete" because an empty row was added: the placeholder segment and
/// competitor count for nothing, and the stage completes only once they say something.
#[test]
fn placeholder_rows_never_complete_a_stage() {
    let stage2 = |patch: Value| {
        let mut plan = base();
        merge(&mut plan, &patch);
        let view = compute_as_of(&parse_plan(&plan.to_string()).unwrap(), None).unwrap();
        let s = view.stages.iter().find(|s| s.stage == 2).unwrap().clone();
        (s.complete, s.checks.iter().map(|c| (c.label, c.done)).collect::<Vec<_>>())
    };
    let placeholders = json!({ "audience": { "summary": "Adults 25–44", "segments": [ { "name": "Segment 1", "kind": "demographic" } ] },
                               "competitors": [ { "competitor": "Competitor", "first_seen": "2026-12-01", "still_running": true } ] });
    assert_eq!(stage2(placeholders), (false, vec![("Audience summary", true), ("At least one segment", false), ("Competitor evidence", false)]));
    let filled = json!({ "audience": { "summary": "Adults 25–44", "segments": [ { "name": "Segment 1", "kind": "demographic", "description": "Urban renters" } ] },
                         "competitors": [ { "competitor": "Competitor", "channel": "Meta", "first_seen": "2026-12-01", "still_running": true } ] });
    assert!(stage2(filled.clone()).0);
    // A goal counted in people needs the universe it counts them in, first.
    let mut reach = filled;
    reach["goal"] = json!({ "objective": "awareness", "kpi": "reach", "target": "40" });
    reach["universe"] = Value::Null; // removed from the base plan
    let (complete, checks) = stage2(reach.clone());
    assert_eq!((complete, checks[0]), (false, ("Target universe", false)));
    reach["universe"] = json!("37500000");
    assert_eq!(stage2(reach).1[0], ("Target universe", true));
    // Grouped, ten underfunded lines are one row of ten.
    let mut plan = base();
    let line = plan["lines"][1].clone();
    plan["lines"] = json!((0..10)
        .map(|i| {
            let mut l = line.clone();
            l["id"] = json!(format!("s{i}"));
            l["budget"] = json!("300.00");
            l
        })
        .collect::<Vec<_>>());
    plan["budget"] = json!("3000.00");
    let view = compute_as_of(&parse_plan(&plan.to_string()).unwrap(), None).unwrap();
    let g = view.finding_groups.iter().find(|g| g.code == "learning_underfunded").unwrap();
    assert_eq!((g.count, g.lines.len(), g.message.as_str()), (10, 10, "10 lines: under the learning-phase minimum."));
    assert!(g.findings.iter().all(|i| view.findings[*i].code == "learning_underfunded"));
}

/// Stage 2 shows how long each competitor's ad has run, as the core counts it: to today while it
/// still runs, else to the day it was last seen; proven at 90 days; unknown (never 36,525 days)
/// when a date is missing, implausible or after the end.
#[test]
fn competitor_runs_are_counted_by_the_core() {
    let mut plan = base();
    plan["competitors"] = json!([
        { "competitor": "A", "first_seen": "2026-08-01", "still_running": true },
        { "competitor": "B", "first_seen": "2026-08-01", "last_seen": "2026-08-31" },
        { "competitor": "C" },
        { "competitor": "D", "first_seen": "0026-09-01", "still_running": true },
        { "competitor": "E", "first_seen": "2028-02-28", "last_seen": "2028-05-28" },
        { "competitor": "F", "first_seen": "2026-09-01", "last_seen": "2026-08-01" },
        { "competitor": "G", "first_seen": "2026-08-23", "still_running": true }
    ]);
    let plan = parse_plan(&plan.to_string()).unwrap();
    let runs = |today: Option<&str>| {
        let today = today.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        compute_as_of(&plan, today).unwrap().competitors.iter().map(|r| (r.days_running, r.proven)).collect::<Vec<_>>()
    };
    assert_eq!(
        runs(Some("2026-11-21")),
        vec![
            (Some(112), true),
            (Some(30), false),
            (None, false),
            (None, false),
            (Some(90), true), // across 29 February 2028: 29 + 31 + 30
            (None, false),
            (Some(90), true),
        ]
    );
    // Without a day, an ad still running has no end to count to.
    assert_eq!(runs(None)[0], (None, false));
    assert_eq!(runs(None)[1], (Some(30), false));
    // The view leaves the list out when the plan logs no competitor.
    let mut bare = base();
    bare.as_object_mut().unwrap().remove("competitors");
    let view = compute_as_of(&parse_plan(&bare.to_string()).unwrap(), None).unwrap();
    assert!(serde_json::to_value(&view).unwrap().get("competitors").is_none());
}
