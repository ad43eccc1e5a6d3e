//! Validation of the planning-intelligence fields, data-driven: each case patches a valid plan
//! so that exactly one rule breaks, and names the code, the JSON path and the line id expected.
//!
//! `validate` holds the rules a plan file must keep to load (scenarios, bounds as amounts,
//! effective frequency); `validate_planning` holds the model's parameter ranges, checked where
//! the figures are made (compute, allocate, compare).

use flightplan_core::format::validate_planning;
use flightplan_core::{read_plan, validate, Error};
use serde_json::{json, Value};

fn base() -> Value {
    let line = |id: &str, pricing: &str| {
        json!({ "id": id, "channel": id, "name": id, "pricing": pricing, "rate": "10.00", "budget": "1000.00",
                "start": "2027-01-04", "end": "2027-03-28" })
    };
    let mut third = line("tv", "cpp");
    third["response"] = json!({ "curve": "hill", "max": "500", "shape": "2", "half_saturation": "800" });
    third["min_budget"] = json!("100.00");
    third["max_budget"] = json!("2000.00");
    third["reach_pct"] = json!("40");
    json!({
        "format": "flightplan/1", "name": "V", "client": "Acme", "currency": "USD",
        "start": "2027-01-04", "end": "2027-03-28", "budget": "3000.00", "universe": "1000000",
        "goal": { "objective": "conversion", "kpi": "cpa", "target": "25", "revenue_per_conversion": "80" },
        "reach_model": { "kind": "nbd", "k": "1.5" }, "duplication_factor": "0.95", "effective_frequency": 3,
        "lines": [ line("search", "cpc"), line("social", "cpm"), third ],
        "scenarios": [
            { "name": "low", "budget": "2000.00", "lines": [ { "id": "social", "budget": "0.00", "ctr": "0.01" } ] },
            { "name": "high", "presented": true, "reach_model": { "kind": "curve", "max": "85", "k": "0.004" },
              "duplication_factor": "1", "lines": [ { "id": "tv", "share": "50", "reach_pct": "55", "rate": "9" } ] }
        ]
    })
}

fn errors(v: &Value) -> (Vec<Error>, Vec<Error>) {
    let plan = read_plan(&v.to_string()).unwrap_or_else(|e| panic!("structure: {e}"));
    (validate(&plan), validate_planning(&plan))
}

#[test]
fn the_base_plan_keeps_every_rule() {
    let (a, b) = errors(&base());
    assert!(a.is_empty() && b.is_empty(), "{a:?} {b:?}");
}

type Case = (&'static str, fn(&mut Value), &'static str, &'static str, Option<&'static str>);

fn check(cases: &[Case], planning: bool) {
    for (name, patch, code, path, line) in cases {
        let mut v = base();
        patch(&mut v);
        let (a, b) = errors(&v);
        // validate() includes the planning-model rules, so a planning error shows in both.
        let hit = if planning {
            assert_eq!(a, b, "{name}: validate reports the planning error too");
            b
        } else {
            assert!(b.is_empty(), "{name}: unexpected {b:?}");
            a
        };
        assert_eq!(hit.len(), 1, "{name}: {hit:?}");
        let e = &hit[0];
        assert_eq!((e.code.as_str(), e.path.as_deref(), e.line.as_deref()), (*code, Some(*path), *line), "{name}: {e:?}");
        assert!(!e.message.contains(path), "{name}: the field is a field, not in the message: {}", e.message);
        if let Some(id) = line {
            assert!(!e.message.contains(&format!("line \"{id}\"")), "{name}: {}", e.message);
        }
    }
}

#[test]
fn plan_file_rules_on_the_new_fields() {
    let cases: &[Case] = &[
        ("effective frequency 0", |v| v["effective_frequency"] = json!(0), "out_of_range", "effective_frequency", None),
        ("negative revenue per conversion", |v| v["goal"]["revenue_per_conversion"] = json!("-1"), "negative_value", "goal.revenue_per_conversion", None),
        ("negative min budget", |v| v["lines"][2]["min_budget"] = json!("-5.00"), "negative_value", "lines[2].min_budget", Some("tv")),
        ("max budget in tenths of a cent", |v| v["lines"][2]["max_budget"] = json!("2000.001"), "too_precise", "lines[2].max_budget", Some("tv")),
        ("unnamed scenario", |v| v["scenarios"][1]["name"] = json!(" "), "missing_field", "scenarios[1].name", None),
        ("two scenarios with one name", |v| v["scenarios"][1]["name"] = json!("low"), "duplicate_scenario", "scenarios[1].name", None),
        ("two presented", |v| v["scenarios"][0]["presented"] = json!(true), "multiple_presented", "scenarios[1].presented", None),
        ("negative scenario budget", |v| v["scenarios"][0]["budget"] = json!("-1.00"), "negative_value", "scenarios[0].budget", None),
        ("scenario budget too precise", |v| v["scenarios"][0]["budget"] = json!("2000.005"), "too_precise", "scenarios[0].budget", None),
        ("unknown line", |v| v["scenarios"][1]["lines"][0]["id"] = json!("radio"), "unknown_line", "scenarios[1].lines[0].id", None),
        (
            "one line changed twice",
            |v| v["scenarios"][0]["lines"].as_array_mut().unwrap().push(json!({"id": "social", "rate": "9"})),
            "duplicate_line_id",
            "scenarios[0].lines[1].id",
            Some("social"),
        ),
        ("budget and share", |v| v["scenarios"][0]["lines"][0]["share"] = json!("10"), "invalid_field", "scenarios[0].lines[0].share", Some("social")),
        (
            "negative line budget",
            |v| v["scenarios"][0]["lines"][0]["budget"] = json!("-10.00"),
            "negative_value",
            "scenarios[0].lines[0].budget",
            Some("social"),
        ),
        ("share over 100", |v| v["scenarios"][1]["lines"][0]["share"] = json!("120"), "share_over_100", "scenarios[1].lines[0].share", Some("tv")),
        ("negative share", |v| v["scenarios"][1]["lines"][0]["share"] = json!("-1"), "negative_value", "scenarios[1].lines[0].share", Some("tv")),
        ("negative rate", |v| v["scenarios"][1]["lines"][0]["rate"] = json!("-9"), "negative_value", "scenarios[1].lines[0].rate", Some("tv")),
        ("zero CPP rate", |v| v["scenarios"][1]["lines"][0]["rate"] = json!("0"), "out_of_range", "scenarios[1].lines[0].rate", Some("tv")),
        ("ctr as a percent", |v| v["scenarios"][0]["lines"][0]["ctr"] = json!("1.2"), "out_of_range", "scenarios[0].lines[0].ctr", Some("social")),
        (
            "scenario reach over 100",
            |v| v["scenarios"][1]["lines"][0]["reach_pct"] = json!("101"),
            "out_of_range",
            "scenarios[1].lines[0].reach_pct",
            Some("tv"),
        ),
        ("scenario curve max over 100", |v| v["scenarios"][1]["reach_model"]["max"] = json!("120"), "out_of_range", "scenarios[1].reach_model.max", None),
        ("scenario duplication factor 0", |v| v["scenarios"][1]["duplication_factor"] = json!("0"), "out_of_range", "scenarios[1].duplication_factor", None),
        ("a line universe of 0", |v| v["lines"][2]["universe"] = json!("0"), "out_of_range", "lines[2].universe", Some("tv")),
        ("on target over 100%", |v| v["lines"][2]["target_pct"] = json!("101"), "out_of_range", "lines[2].target_pct", Some("tv")),
        ("negative readership", |v| v["lines"][2]["readership"] = json!("-1"), "negative_value", "lines[2].readership", Some("tv")),
        ("a spot of 0 seconds", |v| v["lines"][2]["spot_length"] = json!(0), "out_of_range", "lines[2].spot_length", Some("tv")),
        (
            "dayparts adding to 90%",
            |v| v["lines"][2]["dayparts"] = json!([{"name": "Prime", "share": "60"}, {"name": "Late", "share": "30"}]),
            "invalid_field",
            "lines[2].dayparts",
            Some("tv"),
        ),
        ("an unnamed daypart", |v| v["lines"][2]["dayparts"] = json!([{"name": " "}]), "missing_field", "lines[2].dayparts[0].name", Some("tv")),
        (
            "faces and a budget",
            |v| {
                v["lines"][2]["pricing"] = json!("per_face_week");
                v["lines"][2]["faces"] = json!(20)
            },
            "invalid_field",
            "lines[2].budget",
            Some("tv"),
        ),
        (
            "insertions and a share",
            |v| {
                let l = &mut v["lines"][2];
                l["pricing"] = json!("per_insertion");
                l["insertions"] = json!(4);
                l.as_object_mut().unwrap().remove("budget");
                l["share"] = json!("10")
            },
            "invalid_field",
            "lines[2].share",
            Some("tv"),
        ),
        (
            "per insertion with neither insertions nor money",
            |v| {
                let l = &mut v["lines"][2];
                l["pricing"] = json!("per_insertion");
                l.as_object_mut().unwrap().remove("budget");
            },
            "missing_field",
            "lines[2].budget",
            Some("tv"),
        ),
    ];
    check(cases, false);
}

/// Unit-priced lines cost their units × rate exactly, and weeks on air skip hiatus weeks.
#[test]
fn faces_and_insertions_set_the_money() {
    let mut v = base();
    v["scenarios"] = json!([]);
    v["budget"] = json!("100000.00");
    let l = &mut v["lines"][2];
    l.as_object_mut().unwrap().remove("budget");
    l["pricing"] = json!("per_face_week");
    l["rate"] = json!("1250.50");
    l["faces"] = json!(7);
    // 12 weeks, 3 on and 1 off: 9 weeks on air. 7 × 9 × $1,250.50 = $78,781.50.
    l["pattern"] = json!({ "kind": "flighting", "on": 3, "off": 1 });
    let plan = flightplan_core::parse_plan(&v.to_string()).unwrap();
    let view = flightplan_core::compute(&plan).unwrap();
    let tv = &view.lines[2];
    assert_eq!(tv.net.to_string(), "78781.50");
    assert_eq!(tv.weeks.iter().map(|w| w.units.unwrap_or(99)).collect::<Vec<_>>(), [7, 7, 7, 0, 7, 7, 7, 0, 7, 7, 7, 0]);
    // Given a budget instead, the line buys what the money pays for: $78,781.50 is 7 faces.
    let mut w = v.clone();
    w["lines"][2].as_object_mut().unwrap().remove("faces");
    w["lines"][2]["budget"] = json!("78781.50");
    let view = flightplan_core::compute(&flightplan_core::parse_plan(&w.to_string()).unwrap()).unwrap();
    assert_eq!((view.lines[2].net.to_string(), view.lines[2].units.unwrap().to_string()), ("78781.50".into(), "7.00".into()));
    // Print: 3 insertions × $9,999.99 = $29,999.97.
    let mut p = v.clone();
    let l = &mut p["lines"][2];
    l.as_object_mut().unwrap().remove("faces");
    l.as_object_mut().unwrap().remove("pattern");
    l["pricing"] = json!("per_insertion");
    l["rate"] = json!("9999.99");
    l["insertions"] = json!(3);
    let view = flightplan_core::compute(&flightplan_core::parse_plan(&p.to_string()).unwrap()).unwrap();
    assert_eq!(view.lines[2].net.to_string(), "29999.97");
}

#[test]
fn planning_model_rules() {
    let cases: &[Case] = &[
        ("nbd k of 0", |v| v["reach_model"]["k"] = json!("0"), "out_of_range", "reach_model.k", None),
        ("curve max of 0", |v| v["reach_model"] = json!({"kind": "curve", "max": "0", "k": "0.01"}), "out_of_range", "reach_model.max", None),
        ("curve max over 100", |v| v["reach_model"] = json!({"kind": "curve", "max": "100.5", "k": "0.01"}), "out_of_range", "reach_model.max", None),
        ("curve k negative", |v| v["reach_model"] = json!({"kind": "curve", "max": "90", "k": "-0.01"}), "out_of_range", "reach_model.k", None),
        ("duplication factor 0", |v| v["duplication_factor"] = json!("0"), "out_of_range", "duplication_factor", None),
        ("duplication factor over 1", |v| v["duplication_factor"] = json!("1.2"), "out_of_range", "duplication_factor", None),
        ("reach over 100", |v| v["lines"][2]["reach_pct"] = json!("100.01"), "out_of_range", "lines[2].reach_pct", Some("tv")),
        ("negative reach", |v| v["lines"][2]["reach_pct"] = json!("-1"), "out_of_range", "lines[2].reach_pct", Some("tv")),
        (
            "zero half saturation",
            |v| v["lines"][2]["response"]["half_saturation"] = json!("0"),
            "out_of_range",
            "lines[2].response.half_saturation",
            Some("tv"),
        ),
        ("negative shape", |v| v["lines"][2]["response"]["shape"] = json!("-2"), "out_of_range", "lines[2].response.shape", Some("tv")),
        ("zero max", |v| v["lines"][2]["response"]["max"] = json!("0"), "out_of_range", "lines[2].response.max", Some("tv")),
        (
            "adbudg max below min",
            |v| v["lines"][2]["response"] = json!({"curve": "adbudg", "min": "50", "max": "10", "shape": "1", "d": "100"}),
            "out_of_range",
            "lines[2].response.max",
            Some("tv"),
        ),
        (
            "adbudg zero d",
            |v| v["lines"][2]["response"] = json!({"curve": "adbudg", "max": "10", "shape": "1", "d": "0"}),
            "out_of_range",
            "lines[2].response.d",
            Some("tv"),
        ),
        ("max under min", |v| v["lines"][2]["max_budget"] = json!("50.00"), "infeasible_bounds", "lines[2].max_budget", Some("tv")),
    ];
    check(cases, true);
}

#[test]
fn near_misses_at_the_edges_are_valid() {
    let mut v = base();
    v["duplication_factor"] = json!("1");
    v["effective_frequency"] = json!(1);
    v["lines"][2]["reach_pct"] = json!("100");
    v["lines"][2]["min_budget"] = json!("2000.00");
    v["reach_model"] = json!({"kind": "curve", "max": "100", "k": "0.0001"});
    v["scenarios"][1]["lines"][0]["share"] = json!("100");
    v["scenarios"][1]["lines"][0]["reach_pct"] = json!("0");
    v["scenarios"][0]["lines"][0]["rate"] = json!("0.01");
    v["scenarios"][0]["lines"][0]["ctr"] = json!("1");
    v["goal"]["revenue_per_conversion"] = json!("0");
    let (a, b) = errors(&v);
    assert!(a.is_empty() && b.is_empty(), "{a:?} {b:?}");
}

/// Stage 6's records: each patch breaks one rule, named by code and path.
#[test]
fn actuals_invoices_and_learnings_are_checked_where_they_are_entered() {
    let records = json!({
        "actuals": [ { "line": "search", "date": "2027-01-04", "spend": "10.00", "clicks": "12", "conversions": "1.5" } ],
        "invoices": [ { "vendor": "Google", "month": "2027-01", "amount": "10.00", "line": "search" } ],
        "learnings": [ { "date": "2027-01-20", "line": "social", "text": "Carousel beat statics" } ]
    });
    let with = |path: &[&str], value: Value| {
        let mut v = base();
        for (k, r) in records.as_object().unwrap() {
            v[k] = r.clone();
        }
        let mut at = &mut v;
        for p in path {
            at = match p.parse::<usize>() {
                Ok(i) => &mut at[i],
                Err(_) => &mut at[*p],
            };
        }
        *at = value;
        v
    };
    let (errs, _) = errors(&with(&["name"], json!("V")));
    assert!(errs.is_empty(), "fractional conversions (data-driven attribution) are fine: {errs:?}");
    let cases: [(&[&str], Value, &str, &str); 7] = [
        (&["actuals", "0", "clicks"], json!("12.5"), "invalid_field", "actuals[0].clicks"),
        (&["actuals", "0", "clicks"], json!("-1"), "negative_value", "actuals[0].clicks"),
        (&["actuals", "0", "revenue"], json!("-5"), "negative_value", "actuals[0].revenue"),
        (&["invoices", "0", "month"], json!("2027-13"), "invalid_field", "invoices[0].month"),
        (&["invoices", "0", "vendor"], json!("  "), "missing_field", "invoices[0].vendor"),
        (&["invoices", "0", "line"], json!("radio"), "unknown_line", "invoices[0].line"),
        (&["learnings", "0", "text"], json!(""), "missing_field", "learnings[0].text"),
    ];
    for (path, value, code, at) in cases {
        let (errs, _) = errors(&with(path, value.clone()));
        assert_eq!(errs.len(), 1, "{path:?} = {value}: {errs:?}");
        assert_eq!((errs[0].code.as_str(), errs[0].path.as_deref()), (code, Some(at)), "{path:?} = {value}");
    }
}
