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

use flightplan_core::Dec;
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
    (s(v.totals.reach_pct.map(Dec::get)), s(v.totals.frequency.map(Dec::get)), s(v.totals.effective_reach_pct.map(Dec::get)))
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

/// `tests/cases/reach.json`: reach, frequency and reach at N+ against the published formulas.
#[test]
fn published_reach_figures() {
    let cases: Value = serde_json::from_str(include_str!("cases/reach.json")).unwrap();
    let mut failures = Vec::new();
    for case in cases["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let lines: Vec<Value> = case["lines"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, l)| match (l.get("grps"), l.get("reach_pct")) {
                (Some(g), _) => grp_line(&format!("l{i}"), g.as_u64().unwrap() as u32),
                (None, Some(r)) => json!({ "id": format!("l{i}"), "channel": "OOH", "name": "Posters", "pricing": "flat",
                                           "budget": "1000.00", "reach_pct": r, "start": "2027-01-04", "end": "2027-03-28" }),
                _ => panic!("{name}: a line needs grps or reach_pct"),
            })
            .collect();
        let mut extra = json!({ "effective_frequency": case["n"] });
        if !case["model"].is_null() {
            extra["reach_model"] = case["model"].clone();
        }
        let v = run(&plan(Value::Array(lines), extra));
        let got = serde_json::to_value(&v.totals).unwrap();
        for key in ["reach_pct", "frequency", "effective_reach_pct"] {
            if got[key] != case[key] {
                failures.push(format!("{name}: {key} is {} not {}", got[key], case[key]));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Points and reach per medium: GRPs on the universe a vehicle measures, TRPs on the plan's
/// target, and the money of traditional units, each worked by hand.
#[test]
fn grps_and_trps_per_medium() {
    // Plan target: men 18–34, 37,500,000. Poisson.
    let l = |v: Value| {
        let mut base = json!({ "start": "2027-01-04", "end": "2027-01-24", "buying": "offline" });
        for (k, x) in v.as_object().unwrap() {
            base[k] = x.clone();
        }
        base
    };
    let lines = json!([
        // TV at a CPP of $11,250: $1,125,000 buys 100 GRPs on the target: 100 TRPs.
        l(json!({ "id": "tv", "channel": "Linear TV", "name": "Prime", "pricing": "cpp", "rate": "11250", "budget": "1125000.00",
                   "spot_length": 30, "spots": 60 })),
        // A regional radio station measured on its own 3,750,000 men 18–34 (10% of the target):
        // $50,000 at a $500 CPP is 100 GRPs there, 10 TRPs nationally; reach 10% × (1 − e^(−1)).
        l(json!({ "id": "radio", "channel": "Radio", "name": "Regional drive", "pricing": "cpp", "rate": "500", "budget": "50000.00",
                   "universe": "3750000", "target_audience": "Men 18–34, region" })),
        // Social at a $10 CPM: 3,750,000 impressions = 10 GRPs; 60% on target = 6 TRPs.
        l(json!({ "id": "social", "channel": "Meta", "name": "Video", "pricing": "cpm", "rate": "10", "budget": "37500.00",
                   "target_pct": "60", "buying": "auction" })),
        // Print: 4 insertions × $24,000 = $96,000; 4 × 1,875,000 readers = 7,500,000 impressions = 20 GRPs.
        l(json!({ "id": "print", "channel": "Newspaper", "name": "Full page", "pricing": "per_insertion", "rate": "24000",
                   "insertions": 4, "readership": "1875000" })),
        // Out of home: 20 faces × 3 weeks × $2,500 = $150,000; the owner states 150 GRPs.
        l(json!({ "id": "ooh", "channel": "Out of home", "name": "Billboards", "pricing": "per_face_week", "rate": "2500",
                   "faces": 20, "grps": "150" })),
        // Cinema at an $18 CPM: $18,000 = 1,000,000 admissions = 2.67 GRPs.
        l(json!({ "id": "cinema", "channel": "Cinema", "name": "Pre-show", "pricing": "cpm", "rate": "18", "budget": "18000.00" }))
    ]);
    let p = plan(
        lines,
        json!({ "universe": "37500000", "target_audience": "Men 18–34", "budget": "1476500.00",
                                "reach_model": { "kind": "poisson" }, "end": "2027-01-24" }),
    );
    let v = run(&p);
    let s = |d: Option<rust_decimal::Decimal>| d.map(|x| x.to_string());
    let row = |id: &str| v.lines.iter().find(|l| l.id == id).unwrap();
    let want = [
        ("tv", "1125000.00", Some("100.00"), Some("100.00"), Some("63.21")),
        ("radio", "50000.00", Some("100.00"), Some("10.00"), Some("6.32")),
        ("social", "37500.00", Some("10.00"), Some("6.00"), Some("5.82")),
        ("print", "96000.00", Some("20.00"), Some("20.00"), Some("18.13")),
        ("ooh", "150000.00", Some("150.00"), Some("150.00"), Some("77.69")),
        ("cinema", "18000.00", Some("2.67"), Some("2.67"), Some("2.63")),
    ];
    for (id, net, grps, trps, reach) in want {
        let r = row(id);
        assert_eq!(
            (r.net.to_string(), s(r.grps.map(Dec::get)), s(r.trps.map(Dec::get)), s(r.reach_pct.map(Dec::get))),
            (net.to_string(), grps.map(String::from), trps.map(String::from), reach.map(String::from)),
            "{id}"
        );
    }
    // Units: 60 spots over three equal weeks; 20 faces each week; 4 insertions.
    let units = |id: &str| row(id).weeks.iter().map(|w| w.units).collect::<Vec<_>>();
    assert_eq!(units("tv"), [Some(20), Some(20), Some(20)]);
    assert_eq!(units("ooh"), [Some(20), Some(20), Some(20)]);
    assert_eq!(units("print"), [Some(2), Some(1), Some(1)]);
    assert_eq!(row("print").units.unwrap().to_string(), "4");
    // Media follow the channel's name.
    let medium = |id: &str| serde_json::to_value(row(id).medium).unwrap();
    assert_eq!([medium("tv"), medium("radio"), medium("print"), medium("ooh"), medium("cinema")], ["tv", "radio", "print", "ooh", "cinema"].map(|m| json!(m)));
    // TRPs add up; reach combines at random; frequency is TRPs over reach.
    assert_eq!(v.totals.trps.unwrap().to_string(), "288.67");
}

/// The road-safety brief's shape: men 18–34 on TV and radio, reach at 8+ as the primary KPI.
fn goal_plan(tv_budget: &str, radio_budget: &str) -> Value {
    let line = |id: &str, channel: &str, rate: &str, budget: &str| {
        json!({ "id": id, "channel": channel, "name": id, "buying": "offline", "vendor": "V", "pricing": "cpp",
                "rate": rate, "budget": budget, "start": "2027-01-04", "end": "2027-01-24" })
    };
    json!({
        "format": "flightplan/1", "name": "Goal", "client": "Acme", "currency": "USD",
        "start": "2027-01-04", "end": "2027-01-24", "budget": "9000000.00",
        "universe": "37500000", "target_audience": "Men 18–34",
        "goal": { "objective": "awareness", "kpi": "effective_reach", "target": "25" },
        "reach_model": { "kind": "nbd", "k": "1" }, "effective_frequency": 8,
        "lines": [ line("tv", "Linear TV", "11250.00", tv_budget), line("radio", "Radio", "3750.00", radio_budget) ]
    })
}

#[test]
fn the_extra_spend_closes_the_gap_to_the_minor_unit() {
    use flightplan_core::money::split_largest_remainder;
    use rust_decimal::Decimal;
    let v = run(&goal_plan("3000000.00", "750000.00"));
    let g = v.totals.reach_goal.clone().unwrap();
    assert_eq!((g.frequency, g.met, g.target_pct.to_string()), (8, Some(false), "25".to_string()));
    assert_eq!(g.reach_pct, v.totals.effective_reach_pct);
    assert_eq!(g.extra_lines, ["tv", "radio"]);
    let extra = g.extra_spend.expect("an extra spend");
    assert_eq!(extra.scale(), 2, "money to the cent: {extra}");
    let usd = flightplan_core::money::Currency::from_code("USD").unwrap();
    let shown = flightplan_core::money::format_money(extra.0, usd, flightplan_core::plan::NumberStyle::CommaDot);
    let f = v.findings.iter().find(|f| f.code == "reach_goal_short").unwrap();
    assert!(f.message.contains(&format!("{shown} more net media")), "{}", f.message);
    // Add exactly that, split like the core splits it: the goal is met; a cent less is not.
    let with = |x: Decimal| {
        let parts = split_largest_remainder(x, &[Decimal::new(300000000, 2), Decimal::new(75000000, 2)], 2).unwrap();
        let tv = Decimal::new(300000000, 2) + parts[0];
        let radio = Decimal::new(75000000, 2) + parts[1];
        run(&goal_plan(&tv.to_string(), &radio.to_string())).totals.reach_goal.unwrap()
    };
    let met = with(extra.0);
    assert_eq!(met.met, Some(true), "{met:?}");
    assert!(met.reach_pct.unwrap() >= Decimal::from(25));
    let short = with(extra - Decimal::new(1, 2));
    assert_eq!(short.met, Some(false), "{short:?}");
    // A plan that meets the goal asks for nothing more.
    let done = run(&goal_plan("6000000.00", "1500000.00")).totals.reach_goal.unwrap();
    assert_eq!((done.met, done.extra_spend, done.gap_pct.map(|d| d.to_string())), (Some(true), None, Some("0.00".into())));
}

#[test]
fn a_goal_no_spend_can_reach_says_so() {
    // A reach curve topping out at 12% a line can never give 25% at 8+: two lines reach at most
    // 1 − 0.88² = 22.56%.
    let mut p = goal_plan("3000000.00", "750000.00");
    p["reach_model"] = json!({ "kind": "curve", "max": "12", "k": "0.004" });
    let v = run(&p);
    let g = v.totals.reach_goal.unwrap();
    assert_eq!((g.met, g.extra_spend), (Some(false), None));
    assert!(g.limit_pct.unwrap() < rust_decimal::Decimal::from(25));
    let f = v.findings.iter().find(|f| f.code == "reach_goal_short").unwrap();
    assert!(f.message.contains("No spend on the current lines closes it"), "{}", f.message);
}

#[test]
fn the_issues_implausible_plan_is_flagged() {
    // TV 2,300 GRPs and radio 2,000 GRPs at the catalogue's old $450 CPP in three weeks, NBD k
    // 0.8: the plan reports 99.51% reach at a frequency of 43.21.
    let mut p = goal_plan("25875000.00", "900000.00");
    p["lines"][1]["rate"] = json!("450.00");
    p["reach_model"] = json!({ "kind": "nbd", "k": "0.8" });
    p["budget"] = json!("26775000.00");
    let v = run(&p);
    assert_eq!(v.lines[1].grps.unwrap().to_string(), "2000.00");
    assert_eq!((v.totals.reach_pct.unwrap().to_string(), v.totals.frequency.unwrap().to_string()), ("99.51".into(), "43.21".into()));
    let codes: Vec<(&str, Option<&str>)> = v.findings.iter().map(|f| (f.code, f.line.as_deref())).collect();
    for want in [("grps_implausible", Some("radio")), ("reach_above_ceiling", None), ("frequency_implausible", Some("tv"))] {
        assert!(codes.contains(&want), "{want:?} not in {codes:?}");
    }
    let plan_reach = v.findings.iter().find(|f| f.code == "reach_above_ceiling" && f.line.is_none()).unwrap();
    assert!(plan_reach.message.contains("99.51%") && plan_reach.message.contains("43.21") && plan_reach.message.contains("98.80%"), "{}", plan_reach.message);
}
