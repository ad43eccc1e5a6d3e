//! Reach and frequency through `compute`, on published textbook cases.
//!
//! References for the formulas reproduced here:
//! - Poisson exposure: reach = 1 − e^(−m), m = GRP/100; P(n+) = 1 − Σ_{j<n} e^(−m) m^j / j!
//!   (the random-exposure baseline in Rossiter & Danaher, *Advanced Media Planning*, 1998, ch. 3).
//! - Negative binomial (Ehrenberg, "The pattern of consumer purchases", 1959; applied to exposure
//!   by Greene, 1970): reach = 1 − (1 + m/k)^(−k).
//! - Random duplication ("Sainsbury"): combined reach = 1 − Π(1 − rᵢ) (Sissors & Baron,
//!   *Advertising Media Planning*, on combining vehicles assuming independence).
//! - Reach curve: reach = R_max × (1 − e^(−k·GRP)).

use flightplan_core::{compute, parse_plan, read_plan, PlanView};
use serde_json::{json, Value};

/// One CPM line buying exactly `grps` GRPs on a 1,000,000 universe: GRPs × 10,000 impressions at
/// a $10 CPM costs GRPs × $100.
fn plan(lines: Value, extra: Value) -> Value {
    let mut p = json!({
        "format": "flightplan/1", "name": "Reach", "client": "Acme", "currency": "USD",
        "start": "2027-01-04", "end": "2027-03-28", "budget": "100000.00", "universe": "1000000",
        "lines": lines
    });
    for (k, v) in extra.as_object().unwrap() {
        p[k] = v.clone();
    }
    p
}

fn grp_line(id: &str, grps: u32) -> Value {
    json!({ "id": id, "channel": "TV", "name": id, "pricing": "cpm", "rate": "10", "budget": format!("{}.00", grps * 100),
            "start": "2027-01-04", "end": "2027-03-28" })
}

fn run(p: &Value) -> PlanView {
    compute(&parse_plan(&p.to_string()).unwrap()).unwrap()
}

fn totals(v: &PlanView) -> (String, String, String) {
    let s = |d: Option<rust_decimal::Decimal>| d.map(|x| x.to_string()).unwrap_or_default();
    (s(v.totals.reach_pct), s(v.totals.frequency), s(v.totals.effective_reach_pct))
}

#[test]
fn poisson_100_grps_reaches_63_21_pct_and_8_03_pct_at_3_plus() {
    // m = 1: reach 1 − e^(−1) = 63.21%; frequency 100 / 63.21 = 1.58;
    // 3+ = 1 − e^(−1)(1 + 1 + 1/2) = 8.03%.
    let v = run(&plan(json!([grp_line("tv", 100)]), json!({"reach_model": {"kind": "poisson"}})));
    assert_eq!(v.lines[0].grps.unwrap().to_string(), "100.00");
    assert_eq!(totals(&v), ("63.21".into(), "1.58".into(), "8.03".into()));
}

#[test]
fn poisson_300_grps_3_plus_is_57_68_pct() {
    // m = 3: reach 1 − e^(−3) = 95.02%; 3+ = 1 − e^(−3)(1 + 3 + 4.5) = 57.68%; freq 300/95.02 = 3.16.
    let v = run(&plan(json!([grp_line("tv", 300)]), json!({"reach_model": {"kind": "poisson"}})));
    assert_eq!(totals(&v), ("95.02".into(), "3.16".into(), "57.68".into()));
}

#[test]
fn poisson_lines_combine_like_their_total_grps() {
    // Sainsbury on Poisson lines is Poisson on the sum: 1 − e^(−0.6)e^(−0.4) = 63.21%.
    let v = run(&plan(json!([grp_line("a", 60), grp_line("b", 40)]), json!({"reach_model": {"kind": "poisson"}})));
    assert_eq!(v.totals.reach_pct.unwrap().to_string(), "63.21");
    assert_eq!(v.lines[0].reach_pct.unwrap().to_string(), "45.12"); // 1 − e^(−0.6)
}

#[test]
fn nbd_k1_100_grps_reaches_50_pct_and_12_5_pct_at_3_plus() {
    // k = 1 (geometric): reach = 1 − (1 + 1)^(−1) = 50%; P(0..2) = 1/2, 1/4, 1/8 so 3+ = 12.50%;
    // frequency 100 / 50 = 2.00.
    let v = run(&plan(json!([grp_line("tv", 100)]), json!({"reach_model": {"kind": "nbd", "k": "1"}})));
    assert_eq!(totals(&v), ("50.00".into(), "2.00".into(), "12.50".into()));
}

#[test]
fn nbd_k2_200_grps() {
    // k = 2, m = 2: reach = 1 − 2^(−2) = 75%; P(j) = (j+1)/2^(j+2): 1/4, 2/8, 3/16 → 3+ = 31.25%.
    let v = run(&plan(json!([grp_line("tv", 200)]), json!({"reach_model": {"kind": "nbd", "k": "2"}})));
    assert_eq!(totals(&v), ("75.00".into(), "2.67".into(), "31.25".into()));
}

#[test]
fn curve_reach_is_max_times_one_minus_e_to_minus_k_grp() {
    // 80 × (1 − e^(−0.01 × 100)) = 80 × 0.632121 = 50.57%.
    let v = run(&plan(json!([grp_line("tv", 100)]), json!({"reach_model": {"kind": "curve", "max": "80", "k": "0.01"}})));
    assert_eq!(v.totals.reach_pct.unwrap().to_string(), "50.57");
    assert_eq!(v.totals.frequency.unwrap().to_string(), "1.98"); // 100 / 50.57
    // Effective reach comes from the NBD fitted to 50.57% at m = 1: k ≈ 1.03, just more even than
    // the k = 1 case below (12.50% at 3+), and far more concentrated than Poisson's 8.03%.
    assert_eq!(v.totals.effective_reach_pct.unwrap().to_string(), "12.39");
}

#[test]
fn sainsbury_40_and_30_pct_combine_to_58_pct() {
    // 1 − (1 − 0.40)(1 − 0.30) = 1 − 0.42 = 58%; with a duplication factor of 0.95: 55.10%.
    let mut a = grp_line("a", 50);
    a["reach_pct"] = json!("40");
    let mut b = grp_line("b", 50);
    b["reach_pct"] = json!("30");
    let v = run(&plan(json!([a.clone(), b.clone()]), json!({})));
    assert_eq!(v.totals.reach_pct.unwrap().to_string(), "58.00");
    assert_eq!(v.lines[0].reach_pct.unwrap().to_string(), "40.00");
    // Frequency: 100 GRPs / 58% = 1.72.
    assert_eq!(v.totals.frequency.unwrap().to_string(), "1.72");
    let v = run(&plan(json!([a, b]), json!({"duplication_factor": "0.95"})));
    assert_eq!(v.totals.reach_pct.unwrap().to_string(), "55.10");
}

#[test]
fn the_planners_estimate_beats_the_model_and_unknown_stays_unknown() {
    let mut a = grp_line("a", 100);
    a["reach_pct"] = json!("20");
    let v = run(&plan(json!([a, grp_line("b", 100)]), json!({"reach_model": {"kind": "poisson"}})));
    assert_eq!(v.lines[0].reach_pct.unwrap().to_string(), "20.00");
    assert_eq!(v.lines[1].reach_pct.unwrap().to_string(), "63.21");
    // No model and no estimate: reach is not known (null), never 0.
    let v = run(&plan(json!([grp_line("tv", 100)]), json!({})));
    assert_eq!(v.lines[0].reach_pct, None);
    let o = serde_json::to_value(&v).unwrap();
    assert_eq!(o["totals"]["reach_pct"], Value::Null);
    assert_eq!(o["totals"]["effective_reach_pct"], Value::Null);
}

#[test]
fn an_estimate_without_grps_gives_reach_but_no_frequency() {
    let l = json!({ "id": "ooh", "channel": "OOH", "name": "Posters", "pricing": "flat", "budget": "5000.00",
                    "reach_pct": "35.5", "start": "2027-01-04", "end": "2027-03-28" });
    let v = run(&plan(json!([l]), json!({})));
    assert_eq!(v.totals.reach_pct.unwrap().to_string(), "35.50");
    assert_eq!(v.totals.frequency, None);
}

#[test]
fn effective_frequency_is_a_plan_setting() {
    // Poisson m = 1 at 1+: the reach itself, 63.21%; at 2+: 1 − 2/e = 26.42%.
    let v = run(&plan(json!([grp_line("tv", 100)]), json!({"reach_model": {"kind": "poisson"}, "effective_frequency": 2})));
    assert_eq!(v.totals.effective_reach_pct.unwrap().to_string(), "26.42");
}

#[test]
fn impossible_reach_inputs_are_errors_naming_the_field() {
    let mut a = grp_line("a", 100);
    a["reach_pct"] = json!("120");
    // The file is rejected on import, and compute on an unvalidated plan refuses it too.
    let text = plan(json!([a]), json!({})).to_string();
    assert_eq!(parse_plan(&text).unwrap_err().path.as_deref(), Some("lines[0].reach_pct"));
    let err = compute(&read_plan(&text).unwrap()).unwrap_err();
    assert_eq!(err.code, "out_of_range");
    assert_eq!(err.path.as_deref(), Some("lines[0].reach_pct"));
    let err = compute(&read_plan(&plan(json!([grp_line("a", 1)]), json!({"reach_model": {"kind": "nbd", "k": "0"}})).to_string()).unwrap()).unwrap_err();
    assert_eq!(err.path.as_deref(), Some("reach_model.k"));
    let err = compute(&read_plan(&plan(json!([grp_line("a", 1)]), json!({"duplication_factor": "1.2"})).to_string()).unwrap()).unwrap_err();
    assert_eq!(err.path.as_deref(), Some("duplication_factor"));
}

#[test]
fn reach_fields_round_trip_in_the_file() {
    let mut a = grp_line("a", 100);
    a["reach_pct"] = json!("20.5");
    let p = plan(json!([a]), json!({"reach_model": {"kind": "curve", "max": "85", "k": "0.004"}, "duplication_factor": "0.95", "effective_frequency": 4}));
    let parsed = parse_plan(&p.to_string()).unwrap();
    let written: Value = serde_json::from_str(&flightplan_core::write_plan(&parsed)).unwrap();
    assert_eq!(written["reach_model"], json!({"kind": "curve", "max": "85", "k": "0.004"}));
    assert_eq!(written["duplication_factor"], "0.95");
    assert_eq!(written["effective_frequency"], 4);
    assert_eq!(written["lines"][0]["reach_pct"], "20.5");
}
