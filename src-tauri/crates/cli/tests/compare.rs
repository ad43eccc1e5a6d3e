//! `flightplan compare` end to end: a real process on a real file.

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

/// Two CPM lines at $10 with a 50/50 split of $20,000.00, 15% commission on gross, and a
/// scenario that moves $5,000 from search to video at a cheaper rate.
fn plan() -> Value {
    json!({
        "format": "flightplan/1", "name": "T", "client": "Acme", "currency": "USD",
        "start": "2027-01-04", "end": "2027-03-28", "budget": "20000.00",
        "fees": { "agency_commission_pct": "15" },
        "lines": [
            { "id": "search", "channel": "Google", "name": "Search", "pricing": "cpm", "rate": "10.00", "share": "50",
              "ad_served": false, "start": "2027-01-04", "end": "2027-03-28" },
            { "id": "video", "channel": "YouTube", "name": "Video", "pricing": "cpm", "rate": "10.00", "share": "50",
              "ad_served": false, "start": "2027-01-04", "end": "2027-03-28" }
        ],
        "scenarios": [
            { "name": "shift to video", "presented": true,
              "lines": [ { "id": "search", "share": "25" }, { "id": "video", "share": "75", "rate": "7.50" } ] }
        ]
    })
}

#[test]
fn compare_prints_each_scenario_against_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "p.json", &plan());
    let o = flightplan(&["compare", &file]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["presented"], "shift to video");
    // Base: 2,000,000 impressions; commission on the total, 20,000 / 0.85 − 20,000 = 3,529.41
    // (split to the lines as 1,764.71 and 1,764.70, not 1,764.71 twice); gross 23,529.41.
    let base = &v["base"]["totals"];
    assert_eq!((base["impressions"].as_str(), base["gross"].as_str()), (Some("2000000"), Some("23529.41")));
    assert_eq!(base["agency_commission"], "3529.41");
    assert_eq!(base["total_response"], Value::Null);
    // Scenario: search $5,000 → 500,000; video $15,000 at $7.50 → 2,000,000: 2,500,000 in all.
    let s = &v["scenarios"][0];
    assert_eq!(s["name"], "shift to video");
    assert_eq!(s["lines"][1]["net"], "15000.00");
    assert_eq!(s["totals"]["impressions"], "2500000");
    assert_eq!(s["difference"]["impressions"], "500000");
    assert_eq!(s["difference"]["net_media"], "0.00");
    assert_eq!(s["difference"]["reach_pct"], Value::Null);
}

#[test]
fn compare_names_an_unknown_line_and_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = plan();
    p["scenarios"][0]["lines"][1]["id"] = json!("social");
    let file = write(dir.path(), "bad.json", &p);
    let o = flightplan(&["compare", &file]);
    assert!(!o.status.success() && o.stdout.is_empty());
    let err: Value = serde_json::from_str(String::from_utf8_lossy(&o.stderr).lines().next().unwrap()).unwrap();
    assert_eq!(err["code"], "unknown_line");
    assert_eq!(err["path"], "scenarios[0].lines[1].id");
}
