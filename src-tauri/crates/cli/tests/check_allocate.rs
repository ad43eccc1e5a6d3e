//! `flightplan check` and `flightplan allocate` end to end: real processes and files.

use serde_json::{json, Value};
use std::process::{Command, Output};

fn flightplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flightplan")).args(args).env_remove("FLIGHTPLAN_LIBRARY").output().expect("run flightplan")
}

fn write(dir: &std::path::Path, name: &str, v: &Value) -> String {
    let p = dir.join(name);
    std::fs::write(&p, v.to_string()).unwrap();
    p.to_string_lossy().to_string()
}

fn plan(budget: &str, lines: Value) -> Value {
    json!({ "format": "flightplan/1", "name": "T", "client": "Acme", "currency": "USD",
            "start": "2027-01-04", "end": "2027-03-28", "budget": budget, "lines": lines })
}

fn flat(id: &str, budget: &str) -> Value {
    json!({ "id": id, "channel": id, "name": id, "pricing": "flat", "budget": budget, "start": "2027-01-04", "end": "2027-03-28" })
}

#[test]
fn check_passes_the_sample_and_fails_on_an_error_finding() {
    let dir = tempfile::tempdir().unwrap();
    let demo = flightplan(&["demo"]);
    let sample = dir.path().join("demo.json");
    std::fs::write(&sample, &demo.stdout).unwrap();
    let o = flightplan(&["check", sample.to_str().unwrap(), "--as-of", "2026-11-21"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["errors"], 0);
    assert_eq!(v["as_of"], "2026-11-21");

    // Over-allocated by 10,000: an error, so check exits 1 and says which code.
    let file = write(dir.path(), "over.json", &plan("30000.00", json!([flat("a", "40000.00")])));
    let o = flightplan(&["check", &file, "--as-of", "2027-01-20"]);
    assert!(!o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["errors"], 1);
    assert!(v["findings"].as_array().unwrap().iter().any(|f| f["code"] == "budget_over_allocated"));
    let err: Value = serde_json::from_str(String::from_utf8_lossy(&o.stderr).lines().next().unwrap()).unwrap();
    assert_eq!(err["code"], "plan_has_errors");
    assert!(err["message"].as_str().unwrap().contains("budget_over_allocated"));
}

#[test]
fn check_uses_the_as_of_date_for_the_period() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "p.json", &plan("1000.00", json!([flat("a", "1000.00")])));
    let codes = |date: &str| -> Vec<String> {
        let o = flightplan(&["check", &file, "--as-of", date]);
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        v["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_string()).collect()
    };
    assert!(codes("2027-04-02").contains(&"period_ended".to_string()));
    assert!(!codes("2027-03-28").contains(&"period_ended".to_string()));
    let o = flightplan(&["check", &file, "--as-of", "2027-02-30"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("invalid_argument"));
}

#[test]
fn allocate_prints_a_split_that_sums_to_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    let hill = |id: &str, k: &str| {
        let mut l = flat(id, "0.00");
        l["response"] = json!({ "curve": "hill", "max": "1000", "shape": "1", "half_saturation": k });
        l
    };
    let file = write(dir.path(), "p.json", &plan("10000.00", json!([hill("a", "1000"), hill("b", "4000")])));
    let o = flightplan(&["allocate", &file]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    // Equal marginals √K_a/(x_a+K_a) = √K_b/(x_b+K_b) give 4,000 and 6,000.
    assert_eq!(v["lines"][0]["budget"], "4000.00");
    assert_eq!(v["lines"][1]["budget"], "6000.00");
    assert_eq!(v["lines"][0]["marginal_response"], v["lines"][1]["marginal_response"]);
    assert!(v["total_response"].is_string());

    let o = flightplan(&["allocate", &file, "--budget", "100.01"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let cents: i64 = v["lines"].as_array().unwrap().iter().map(|l| l["budget"].as_str().unwrap().replace('.', "").parse::<i64>().unwrap()).sum();
    assert_eq!(cents, 10001);

    let mut bad = hill("a", "1000");
    bad["min_budget"] = json!("20000.00");
    let file = write(dir.path(), "bad.json", &plan("10000.00", json!([bad])));
    let o = flightplan(&["allocate", &file]);
    assert!(!o.status.success() && o.stdout.is_empty());
    let err: Value = serde_json::from_str(String::from_utf8_lossy(&o.stderr).lines().next().unwrap()).unwrap();
    assert_eq!(err["code"], "infeasible_bounds");
}
