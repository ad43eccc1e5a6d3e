//! Scenarios, data-driven: one plan with conservative, base and aggressive variants, every
//! figure of the comparison checked by hand (working in the comments).
//!
//! The plan: USD 100,000.00; universe 1,000,000; commission 10% on net, tech 2% of net, ad
//! serving $0.50 CPM; Poisson reach.
//! * `tv`: CPP $500, $50,000.00 → 100 GRPs → 1,000,000 impressions; reach 1 − e^(−1) = 63.21%;
//!   not ad-served. Hill curve max 1,000, shape 1, K 50,000 → 500 at $50,000.
//! * `social`: CPM $10, 50% share → $50,000.00 → 5,000,000 impressions (500 GRPs); CTR 1% →
//!   50,000 clicks; CVR 2% → 1,000 conversions; ad serving 5,000 × $0.50 = $2,500.00. Hill max
//!   2,000, shape 1, K 50,000 → 1,000 at $50,000.

use flightplan_core::scenario::{apply, compare, presented_plan};
use flightplan_core::Dec;
use flightplan_core::{compute, parse_plan, read_plan, Plan};
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn base() -> Value {
    json!({
        "format": "flightplan/1", "name": "Q1", "client": "Acme", "currency": "USD",
        "start": "2027-01-04", "end": "2027-03-28", "budget": "100000.00", "universe": "1000000",
        "fees": { "agency_commission_pct": "10", "agency_commission_basis": "net",
                  "tech_fee_pct": "2", "ad_serving_cpm": "0.50" },
        "reach_model": { "kind": "poisson" },
        "lines": [
            { "id": "tv", "channel": "TV", "name": "TV", "buying": "offline", "pricing": "cpp", "rate": "500",
              "budget": "50000.00", "start": "2027-01-04", "end": "2027-03-28",
              "response": { "curve": "hill", "max": "1000", "shape": "1", "half_saturation": "50000" } },
            { "id": "social", "channel": "Meta", "name": "Social", "buying": "auction", "pricing": "cpm", "rate": "10.00",
              "share": "50", "ctr": "0.01", "cvr": "0.02", "start": "2027-01-04", "end": "2027-03-28",
              "response": { "curve": "hill", "max": "2000", "shape": "1", "half_saturation": "50000" } }
        ],
        "scenarios": [
            { "name": "conservative", "description": "Cut 20%", "budget": "80000.00",
              "lines": [ { "id": "tv", "budget": "40000.00" } ] },
            { "name": "base", "presented": true },
            { "name": "aggressive", "budget": "150000.00", "duplication_factor": "0.95",
              "lines": [ { "id": "social", "share": "60", "rate": "8.00" } ] }
        ]
    })
}

fn plan(v: &Value) -> Plan {
    parse_plan(&v.to_string()).unwrap_or_else(|e| panic!("plan invalid: {e}"))
}

fn comparison() -> Value {
    serde_json::to_value(compare(&plan(&base())).unwrap()).unwrap()
}

/// Assert string fields of a JSON object; `null` in `want` means the field is null.
fn assert_fields(got: &Value, want: Value, what: &str) {
    for (k, v) in want.as_object().unwrap() {
        assert_eq!(&got[k], v, "{what}.{k}");
    }
}

#[test]
fn the_plan_as_written_is_the_base_column() {
    let c = comparison();
    assert_eq!(c["currency"], "USD");
    assert_eq!(c["presented"], "base");
    // Fees: commission 10% × 100,000 = 10,000.00; tech 2% = 2,000.00; ad serving on social
    // only = 2,500.00; 14,500.00 in all; gross 114,500.00. Combined reach
    // 1 − (1 − 0.632121)(1 − 0.993262) = 99.75%; frequency 6 / 0.997521 = 6.01; 3+ reach from
    // Poisson(6) = 1 − e^(−6)(1 + 6 + 18) = 93.80%. Response 500 + 1,000.
    assert_fields(
        &c["base"]["totals"],
        json!({
            "budget": "100000.00", "net_media": "100000.00", "agency_commission": "10000.00",
            "ad_serving": "2500.00", "tech_fee": "2000.00", "fees": "14500.00", "gross": "114500.00",
            "unallocated": "0.00", "impressions": "6000000", "clicks": "50000", "conversions": "1000",
            "views": null, "grps": "600.00", "reach_pct": "99.75", "frequency": "6.01",
            "effective_reach_pct": "93.80", "total_response": "1500.00"
        }),
        "base",
    );
    assert_fields(&c["base"]["lines"][0], json!({"id": "tv", "net": "50000.00", "share_pct": "50.00", "reach_pct": "63.21", "response": "500.00"}), "tv");
    assert_fields(&c["base"]["lines"][1], json!({"id": "social", "net": "50000.00", "reach_pct": "99.33", "response": "1000.00"}), "social");
}

#[test]
fn conservative_cuts_budget_and_every_figure_follows() {
    let c = comparison();
    let s = &c["scenarios"][0];
    assert_eq!((s["name"].as_str(), s["description"].as_str(), s["presented"].as_bool()), (Some("conservative"), Some("Cut 20%"), Some(false)));
    // tv $40,000 (80 GRPs, 55.07%); social 50% of 80,000 = $40,000 (4,000,000 impressions,
    // 400 GRPs, 98.17%). Commission 8,000; tech 1,600; ad serving 4,000 × 0.50 = 2,000.
    // Reach 1 − 0.449329 × 0.018316 = 99.18%; frequency 4.8 / 0.991770 = 4.84; 3+ at
    // Poisson(4.8) = 85.75%. Response 1,000·40/90 + 2,000·40/90 = 1,333.33.
    assert_fields(
        &s["totals"],
        json!({
            "budget": "80000.00", "net_media": "80000.00", "agency_commission": "8000.00",
            "ad_serving": "2000.00", "tech_fee": "1600.00", "fees": "11600.00", "gross": "91600.00",
            "unallocated": "0.00", "impressions": "4800000", "clicks": "40000", "conversions": "800",
            "grps": "480.00", "reach_pct": "99.18", "frequency": "4.84", "effective_reach_pct": "85.75",
            "total_response": "1333.33"
        }),
        "conservative",
    );
    assert_fields(
        &s["difference"],
        json!({
            "budget": "-20000.00", "net_media": "-20000.00", "agency_commission": "-2000.00",
            "ad_serving": "-500.00", "tech_fee": "-400.00", "fees": "-2900.00", "gross": "-22900.00",
            "unallocated": "0.00", "impressions": "-1200000", "clicks": "-10000", "conversions": "-200",
            "views": null, "grps": "-120.00", "reach_pct": "-0.57", "frequency": "-1.17",
            "effective_reach_pct": "-8.05", "total_response": "-166.67"
        }),
        "conservative difference",
    );
}

#[test]
fn an_unchanged_scenario_differs_by_zero() {
    let c = comparison();
    let s = &c["scenarios"][1];
    assert_eq!(s["presented"], true);
    assert_eq!(s["totals"], c["base"]["totals"]);
    assert_fields(
        &s["difference"],
        json!({"gross": "0.00", "impressions": "0", "reach_pct": "0.00", "total_response": "0.00", "views": null}),
        "base difference",
    );
}

#[test]
fn aggressive_changes_share_rate_and_duplication() {
    let c = comparison();
    let s = &c["scenarios"][2];
    // Budget 150,000: tv keeps its $50,000; social 60% = $90,000 at CPM $8 → 11,250,000
    // impressions (1,125 GRPs), 112,500 clicks, 2,250 conversions; ad serving $5,625.00.
    // $10,000 is left unplaced. Commission 9,000 + 5,000; tech 1,800 + 1,000.
    // Reach (1 − 0.367879 × 0.000013) × 0.95 = 95.00%; frequency 12.25 / 0.949995 = 12.89;
    // 3+ reach: lines combine as independent exposures, Poisson(1) + Poisson(11.25) =
    // Poisson(12.25), so (1 − e^(−12.25)(1 + 12.25 + 12.25²/2)) × 0.95 = 94.96%.
    // Response 500 + 2,000·90/140 = 1,785.71.
    assert_fields(
        &s["totals"],
        json!({
            "budget": "150000.00", "net_media": "140000.00", "agency_commission": "14000.00",
            "ad_serving": "5625.00", "tech_fee": "2800.00", "fees": "22425.00", "gross": "162425.00",
            "unallocated": "10000.00", "impressions": "12250000", "clicks": "112500", "conversions": "2250",
            "grps": "1225.00", "reach_pct": "95.00", "frequency": "12.89", "effective_reach_pct": "94.96",
            "total_response": "1785.71"
        }),
        "aggressive",
    );
    assert_fields(&s["lines"][1], json!({"id": "social", "net": "90000.00", "rate": "8.00", "reach_pct": "100.00"}), "aggressive social");
    assert_fields(
        &s["difference"],
        json!({
            "net_media": "40000.00", "gross": "47925.00", "unallocated": "10000.00",
            "reach_pct": "-4.75", "frequency": "6.88", "total_response": "285.71"
        }),
        "aggressive difference",
    );
    assert!(s["findings"].as_array().unwrap().iter().any(|f| f == "budget_unallocated"), "{}", s["findings"]);
}

#[test]
fn response_is_null_when_no_line_has_a_curve() {
    let mut v = base();
    for l in v["lines"].as_array_mut().unwrap() {
        l.as_object_mut().unwrap().remove("response");
    }
    v["reach_model"] = Value::Null;
    let c = serde_json::to_value(compare(&plan(&v)).unwrap()).unwrap();
    assert_eq!(c["base"]["totals"]["total_response"], Value::Null);
    assert_eq!(c["base"]["totals"]["reach_pct"], Value::Null);
    assert_eq!(c["scenarios"][0]["difference"]["total_response"], Value::Null);
    assert_eq!(c["scenarios"][0]["difference"]["reach_pct"], Value::Null);
    assert_eq!(c["scenarios"][0]["difference"]["gross"], "-22900.00");
}

#[test]
fn applying_a_scenario_gives_a_plan_without_scenarios() {
    let p = plan(&base());
    let cons = apply(&p, 0).unwrap();
    assert!(cons.scenarios.is_empty());
    assert_eq!(cons.budget.to_string(), "80000.00");
    assert_eq!(cons.lines[0].budget.map(|b| b.to_string()).as_deref(), Some("40000.00"));
    // A share in a scenario replaces a stated budget, and the other way round.
    let aggr = apply(&p, 2).unwrap();
    assert_eq!((aggr.lines[1].share.map(|s| s.to_string()), aggr.lines[1].budget), (Some("60".into()), None));
    assert_eq!(aggr.duplication_factor.map(|d| d.to_string()).as_deref(), Some("0.95"));
    assert_eq!(compute(&aggr).unwrap().totals.gross.to_string(), "162425.00");
    assert_eq!(apply(&p, 3).unwrap_err().code, "unknown_scenario");
}

#[test]
fn the_pdf_presents_the_marked_scenario_or_the_plan() {
    let mut v = base();
    v["scenarios"][1]["presented"] = json!(false);
    v["scenarios"][2]["presented"] = json!(true);
    let shown = presented_plan(&plan(&v)).unwrap();
    assert_eq!(shown.budget.to_string(), "150000.00");
    assert!(shown.scenarios.is_empty());
    assert_eq!(shown.notes[0], "This plan presents the \u{201c}aggressive\u{201d} scenario.");
    v["scenarios"][2]["presented"] = json!(false);
    let c = serde_json::to_value(compare(&plan(&v)).unwrap()).unwrap();
    assert_eq!(c["presented"], Value::Null);
    let shown = presented_plan(&plan(&v)).unwrap();
    assert_eq!(shown.budget.to_string(), "100000.00");
    assert!(shown.scenarios.is_empty());
}

#[test]
fn two_presented_scenarios_are_an_error() {
    let mut v = base();
    v["scenarios"][2]["presented"] = json!(true);
    let p = read_plan(&v.to_string()).unwrap();
    let e = presented_plan(&p).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_deref()), ("multiple_presented", Some("scenarios[2].presented")));
    assert!(e.message.contains("\"base\""), "{}", e.message);
    assert_eq!(compare(&p).unwrap_err().code, "multiple_presented");
}

#[test]
fn an_unknown_line_in_a_scenario_is_named() {
    let mut v = base();
    v["scenarios"][2]["lines"][0]["id"] = json!("search");
    let p = read_plan(&v.to_string()).unwrap();
    let e = compare(&p).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_deref()), ("unknown_line", Some("scenarios[2].lines[0].id")));
    assert!(e.message.contains("\"search\""), "{}", e.message);
    assert_eq!(apply(&p, 2).unwrap_err().path.as_deref(), Some("scenarios[2].lines[0].id"));
}

#[test]
fn a_broken_response_curve_stops_the_comparison_naming_the_field() {
    let mut v = base();
    v["lines"][1]["response"]["half_saturation"] = json!("0");
    // Rejected on import, and by compare on a plan read without the rules.
    let e = parse_plan(&v.to_string()).unwrap_err();
    assert_eq!((e.path.as_deref(), e.line.as_deref()), (Some("lines[1].response.half_saturation"), Some("social")));
    let e = compare(&flightplan_core::read_plan(&v.to_string()).unwrap()).unwrap_err();
    assert_eq!((e.path.as_deref(), e.line.as_deref()), (Some("lines[1].response.half_saturation"), Some("social")));
}

/// "Budget −10%" on a plan of fixed amounts: without scaling, the comparison names every line
/// it leaves and reports the lines over the scenario's budget as its own figure, not a saving;
/// with `scale_amounts`, every line takes exactly 10% less and the lines add up to the budget.
#[test]
fn a_budget_cut_scales_amount_lines_or_says_which_it_leaves() {
    let mut plan = flightplan_core::sample_plan();
    plan.scenarios = vec![
        serde_json::from_value(serde_json::json!({ "name": "Budget −10%", "budget": "225000.00" })).unwrap(),
        serde_json::from_value(serde_json::json!({ "name": "Budget −10%, scaled", "budget": "225000.00", "scale_amounts": true,
                                                  "lines": [ { "id": "radio-nyc", "budget": "28000.00" } ] }))
        .unwrap(),
    ];
    let c = flightplan_core::scenario::compare(&plan).unwrap();
    let kept = &c.scenarios[0];
    assert_eq!(kept.unchanged_lines.len(), 9);
    assert!(
        kept.unchanged_lines[0].reason.starts_with("a fixed amount of $18,000.00: the scenario changes the budget to $225,000.00 but not this line"),
        "{}",
        kept.unchanged_lines[0].reason
    );
    let gap = kept.budget_gap.as_ref().unwrap();
    assert_eq!(
        (gap.kind, gap.amount.to_string(), gap.message.as_str()),
        ("over_budget", "25000.00".to_string(), "The lines cost $25,000.00 more than this scenario's budget.")
    );
    assert_eq!(kept.difference.net_media, Decimal::ZERO);

    let scaled = &c.scenarios[1];
    assert!(scaled.unchanged_lines.is_empty());
    let nets: Vec<String> = scaled.side.lines.iter().map(|l| l.net.to_string()).collect();
    // Every line but radio (kept at 28,000 by the scenario) × 0.9, exactly.
    assert_eq!(nets, ["16200.00", "37800.00", "43200.00", "10800.00", "19800.00", "23400.00", "34200.00", "14400.00", "28000.00"]);
    // 225,000 budget − 227,800 of lines: radio's own amount leaves the lines 2,800 over.
    assert_eq!(scaled.budget_gap.as_ref().unwrap().kind, "over_budget");
    assert_eq!(scaled.side.totals.unallocated, Decimal::new(-280000, 2));
}

#[test]
fn scaled_amounts_that_do_not_divide_evenly_still_add_up() {
    let mut plan = flightplan_core::sample_plan();
    plan.budget = Dec(Decimal::new(25_000_000, 2));
    plan.scenarios = vec![serde_json::from_value(serde_json::json!({ "name": "Two thirds", "budget": "166666.67", "scale_amounts": true })).unwrap()];
    let c = flightplan_core::scenario::compare(&plan).unwrap();
    let s = &c.scenarios[0];
    let total: Decimal = s.side.lines.iter().map(|l| l.net).sum();
    assert_eq!(total, Decimal::new(16_666_667, 2));
    assert!(s.budget_gap.is_none());
    for (l, base) in s.side.lines.iter().zip(&plan.lines) {
        let exact = base.budget.unwrap() * Decimal::new(16_666_667, 2) / Decimal::new(25_000_000, 2);
        assert!((l.net - exact).abs() < Decimal::new(1, 2), "{}: {} vs {exact}", l.id, l.net);
    }
}
