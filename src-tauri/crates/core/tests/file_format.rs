//! The `flightplan/1` file: every bad input the issue names is rejected with a message that
//! names the JSON path and line id, and a plan round-trips exactly.

use flightplan_core::{parse_plan, plan_from_sent_text, plan_from_value, sample_plan, write_plan, Error, SAMPLE_PLAN_JSON};
use serde_json::{json, Value};

fn base() -> Value {
    json!({ "format": "flightplan/1", "name": "Spring launch", "client": "Acme", "currency": "USD",
      "start": "2027-01-04", "end": "2027-03-28", "budget": "30000.00", "universe": "125000000",
      "goal": { "objective": "conversion", "kpi": "cpa", "target": "25.00" },
      "fees": { "agency_commission_pct": "15", "agency_commission_basis": "gross",
                "ad_serving_cpm": "0.10", "tech_fee_pct": "0" },
      "lines": [ { "id": "meta-pros", "channel": "Meta", "name": "Prospecting",
                   "pricing": "cpm", "rate": "8.50", "budget": "12000.00",
                   "start": "2027-01-04", "end": "2027-03-28", "ctr": "0.012", "cvr": "0.03" } ] })
}

/// The file's error; the desktop, which reads the plan from the JSON or the text the UI sent,
/// must give the same one (without a file position, as there is no file).
fn err_of(v: &Value) -> Error {
    let e = parse_plan(&v.to_string()).expect_err("should be rejected");
    let in_memory = plan_from_value(v).expect_err("should be rejected in memory too");
    assert_eq!(in_memory, Error { json_line: None, json_column: None, ..e.clone() });
    let sent = plan_from_sent_text(&v.to_string()).expect_err("should be rejected as sent text too");
    assert_eq!(sent, in_memory, "the UI's text gives the in-memory error");
    e
}

#[test]
fn a_plan_in_memory_reads_as_its_file_does() {
    let v = base();
    assert_eq!(plan_from_value(&v).unwrap(), parse_plan(&v.to_string()).unwrap());
    assert_eq!(plan_from_sent_text(&v.to_string()).unwrap(), parse_plan(&v.to_string()).unwrap());
    let sample: Value = serde_json::from_str(SAMPLE_PLAN_JSON).unwrap();
    assert_eq!(plan_from_value(&sample).unwrap(), sample_plan());
    assert_eq!(plan_from_sent_text(SAMPLE_PLAN_JSON).unwrap(), sample_plan());
}

#[test]
fn the_issue_example_is_valid() {
    let plan = parse_plan(&base().to_string()).unwrap();
    assert_eq!(plan.lines[0].id, "meta-pros");
}

#[test]
fn malformed_json_names_line_and_column() {
    let text = "{\n  \"format\": \"flightplan/1\",\n  \"name\": \"x\" \"client\": \"y\"\n}";
    let e = parse_plan(text).unwrap_err();
    assert_eq!(e.code, "invalid_json");
    assert_eq!((e.message.as_str(), e.json_line, e.json_column), ("the JSON is malformed", Some(3), Some(15)));
}

#[test]
fn truncated_file_says_it_ends_early() {
    let e = parse_plan("{\"format\": \"flightplan/1\", \"lines\": [").unwrap_err();
    assert_eq!(e.code, "invalid_json");
    assert!(e.message.contains("ends too early"), "{}", e.message);
}

#[test]
fn unknown_currency() {
    let mut v = base();
    v["currency"] = json!("USX");
    let e = err_of(&v);
    assert_eq!((e.code.as_str(), e.path.as_deref()), ("unknown_currency", Some("currency")));
    assert!(e.message.contains("USX"));
}

#[test]
fn impossible_date_names_the_line() {
    let mut v = base();
    v["lines"][0]["end"] = json!("2027-02-30");
    let e = err_of(&v);
    assert_eq!(e.code, "invalid_field");
    assert_eq!(e.path.as_deref(), Some("lines[0].end"));
    assert_eq!(e.line.as_deref(), Some("meta-pros"));
    assert!(e.message.contains("2027-02-30") && e.message.contains("not a real calendar date"), "{}", e.message);
}

#[test]
fn negative_rate() {
    let mut v = base();
    v["lines"][0]["rate"] = json!("-8.50");
    let e = err_of(&v);
    assert_eq!((e.code.as_str(), e.path.as_deref(), e.line.as_deref()), ("negative_value", Some("lines[0].rate"), Some("meta-pros")));
    assert_eq!(e.message, "-8.50 is negative", "the place is in the fields, not the message");
}

#[test]
fn end_before_start() {
    let mut v = base();
    v["lines"][0]["end"] = json!("2027-01-01");
    let e = err_of(&v);
    assert_eq!((e.code.as_str(), e.path.as_deref()), ("date_order", Some("lines[0].end")));
    let mut v = base();
    v["end"] = json!("2026-12-31");
    assert_eq!(err_of(&v).code, "date_order");
}

#[test]
fn share_over_100() {
    let mut v = base();
    let l = v["lines"][0].as_object_mut().unwrap();
    l.remove("budget");
    l.insert("share".into(), json!("120"));
    let e = err_of(&v);
    assert_eq!((e.code.as_str(), e.path.as_deref()), ("share_over_100", Some("lines[0].share")));
}

#[test]
fn decimals_must_be_strings() {
    let mut v = base();
    v["lines"][0]["rate"] = json!(8.5);
    let e = err_of(&v);
    assert_eq!(e.path.as_deref(), Some("lines[0].rate"));
    assert!(e.message.contains("must be written as a string"), "{}", e.message);
}

#[test]
fn unknown_pricing_lists_the_choices() {
    let mut v = base();
    v["lines"][0]["pricing"] = json!("cpx");
    let e = err_of(&v);
    assert_eq!(e.line.as_deref(), Some("meta-pros"));
    assert!(e.message.contains("cpx") && e.message.contains("cpm"), "{}", e.message);
}

#[test]
fn more_rules() {
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        ("missing budget and share", json!({"budget": null}), "missing_field", "lines[0].budget"),
        ("zero cpm rate", json!({"rate": "0"}), "out_of_range", "lines[0].rate"),
        ("ctr as a percent", json!({"ctr": "1.2"}), "out_of_range", "lines[0].ctr"),
        ("budget finer than cents", json!({"budget": "12000.001"}), "too_precise", "lines[0].budget"),
        ("weights that do not match the weeks", json!({"weights": ["1", "2"]}), "invalid_field", "lines[0].weights"),
        ("rate missing on cpm", json!({"rate": null}), "missing_field", "lines[0].rate"),
    ];
    for (what, patch, code, path) in cases {
        let mut v = base();
        for (k, val) in patch.as_object().unwrap() {
            if val.is_null() {
                v["lines"][0].as_object_mut().unwrap().remove(k);
            } else {
                v["lines"][0][k] = val.clone();
            }
        }
        let e = err_of(&v);
        assert_eq!((e.code.as_str(), e.path.as_deref()), (code, Some(path)), "{what}: {}", e.message);
    }
}

#[test]
fn duplicate_line_ids_are_rejected() {
    let mut v = base();
    let l = v["lines"][0].clone();
    v["lines"].as_array_mut().unwrap().push(l);
    let e = err_of(&v);
    assert_eq!((e.code.as_str(), e.path.as_deref()), ("duplicate_line_id", Some("lines[1].id")));
}

#[test]
fn every_error_is_reported_by_validate() {
    let mut v = base();
    v["currency"] = json!("XXY");
    v["lines"][0]["rate"] = json!("-1");
    let plan = flightplan_core::read_plan(&v.to_string()).unwrap();
    let codes: Vec<String> = flightplan_core::validate(&plan).into_iter().map(|e| e.code).collect();
    assert_eq!(codes, ["unknown_currency", "negative_value"]);
}

#[test]
fn round_trip_is_exact() {
    let plan = sample_plan();
    let text = write_plan(&plan);
    let again = parse_plan(&text).unwrap();
    assert_eq!(plan, again);
    assert_eq!(text, write_plan(&again));
    // And the written file carries the same facts as the hand-written sample.
    let a: Value = serde_json::from_str(SAMPLE_PLAN_JSON).unwrap();
    let b: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(a["lines"][7]["weights"], b["lines"][7]["weights"]);
    assert_eq!(b["budget"], "250000.00");
    assert_eq!(b["lines"][0]["rate"], "1.20", "trailing zeros are kept");
}

#[test]
fn the_issue_example_round_trips() {
    let plan = parse_plan(&base().to_string()).unwrap();
    let text = write_plan(&plan);
    assert_eq!(parse_plan(&text).unwrap(), plan);
    let b: Value = serde_json::from_str(&text).unwrap();
    for key in ["format", "name", "client", "currency", "start", "end", "budget", "universe", "goal", "lines"] {
        assert_eq!(b[key], base()[key], "{key}");
    }
}

/// Each broken file and the error's fields: the message is a plain sentence, the JSON path, line
/// id and file position are fields beside it.
#[test]
fn an_error_carries_its_place_in_fields_not_in_its_message() {
    let after = format!("{}\n{{}}", serde_json::to_string(&base()).unwrap());
    let cases: [(&str, serde_json::Value); 4] = [
        (
            "{\n  \"format\": \"flightplan/1\",\n  \"name\": \"x\" \"client\": \"y\"\n}",
            json!({"code": "invalid_json", "message": "the JSON is malformed", "json_line": 3, "json_column": 15}),
        ),
        (
            "{\"format\": \"flightplan/1\", \"lines\": [",
            json!({"code": "invalid_json", "message": "the file ends too early", "path": "lines", "json_line": 1, "json_column": 37}),
        ),
        (
            after.as_str(),
            json!({"code": "invalid_json", "message": "there is more text after the plan", "json_line": 2, "json_column": 1}),
        ),
        (
            "{\"format\": \"flightplan/1\", \"name\": \"x\", \"client\": \"y\", \"currency\": \"USD\",\n \"start\": \"2027-01-01\", \"end\": \"2027-03-31\", \"budget\": 5}",
            json!({"code": "missing_field", "message": "missing field `lines`", "path": "plan", "json_line": 2, "json_column": 57}),
        ),
    ];
    for (text, want) in cases {
        let e = parse_plan(text).unwrap_err();
        assert_eq!(serde_json::to_value(&e).unwrap(), want, "{text}");
    }
    let mut v = base();
    v["lines"][0]["rate"] = json!("-8.50");
    let e = err_of(&v);
    assert_eq!(
        serde_json::to_value(&e).unwrap(),
        json!({"code": "negative_value", "message": "-8.50 is negative", "path": "lines[0].rate", "line": "meta-pros"})
    );
}
