//! Hand-checked costing: every pricing model, fees on both bases, shares and weekly spreads.
//! Each expected figure is worked out in the comment beside it.

use flightplan_core::Dec;
use flightplan_core::{compute, parse_plan, PlanView};
use serde_json::{json, Value};

fn plan_with(lines: Value, fees: Value, extra: Value) -> Value {
    let mut p = json!({
        "format": "flightplan/1", "name": "Test", "client": "Acme", "currency": "USD",
        "start": "2027-01-04", "end": "2027-03-28", "budget": "30000.00", "universe": "1000000",
        "fees": fees, "lines": lines
    });
    if let (Some(obj), Some(extra)) = (p.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            obj.insert(k.clone(), v.clone());
        }
    }
    p
}

fn run(p: &Value) -> PlanView {
    let plan = parse_plan(&p.to_string()).unwrap_or_else(|e| panic!("plan invalid: {e}"));
    compute(&plan).unwrap()
}

fn out(p: &Value) -> Value {
    serde_json::to_value(run(p)).unwrap()
}

fn no_fees() -> Value {
    json!({ "agency_commission_pct": "0", "agency_commission_basis": "gross", "ad_serving_cpm": "0", "tech_fee_pct": "0" })
}

fn line(id: &str, pricing: &str, rate: Option<&str>, budget: &str, more: Value) -> Value {
    let mut l = json!({ "id": id, "channel": "Ch", "name": id, "pricing": pricing, "budget": budget,
                        "start": "2027-01-04", "end": "2027-03-28" });
    if let Some(r) = rate {
        l["rate"] = json!(r);
    }
    for (k, v) in more.as_object().unwrap() {
        l[k] = v.clone();
    }
    l
}

#[test]
fn cpm_line_from_the_issue_example() {
    // 12,000 / 8.50 × 1000 = 1,411,764.7 impressions; × 0.012 = 16,941.18 clicks; × 0.03 = 508.24.
    // Commission 15% of gross: 12,000 / 0.85 − 12,000 = 2,117.647 → 2,117.65.
    // Ad serving: 1,411.7647 thousand × 0.10 = 141.176 → 141.18. Gross 14,258.83.
    let p = plan_with(
        json!([line("meta-pros", "cpm", Some("8.50"), "12000.00", json!({"ctr": "0.012", "cvr": "0.03"}))]),
        json!({ "agency_commission_pct": "15", "agency_commission_basis": "gross", "ad_serving_cpm": "0.10", "tech_fee_pct": "0" }),
        json!({}),
    );
    let o = out(&p);
    let l = &o["lines"][0];
    assert_eq!(l["net"], "12000.00");
    assert_eq!(l["impressions"], "1411765");
    assert_eq!(l["clicks"], "16941");
    assert_eq!(l["conversions"], "508");
    assert_eq!(l["views"], Value::Null);
    // 1,411,764.7 / 1,000,000 × 100 = 141.18 GRPs
    assert_eq!(l["grps"], "141.18");
    assert_eq!(l["agency_commission"], "2117.65");
    assert_eq!(l["ad_serving"], "141.18");
    assert_eq!(l["tech_fee"], "0.00");
    assert_eq!(l["fees"], "2258.83");
    assert_eq!(l["gross"], "14258.83");
    assert_eq!(o["totals"]["net_media"], "12000.00");
    assert_eq!(o["totals"]["unallocated"], "18000.00");
    assert_eq!(o["findings"][0]["code"], "budget_unallocated");
}

#[test]
fn cpc_derives_impressions_backwards_and_conversions_forwards() {
    // 1,000 / 2.00 = 500 clicks; / 0.05 CTR = 10,000 impressions; × 0.1 CVR = 50 conversions.
    let o = out(&plan_with(json!([line("c", "cpc", Some("2.00"), "1000.00", json!({"ctr": "0.05", "cvr": "0.1"}))]), no_fees(), json!({})));
    let l = &o["lines"][0];
    assert_eq!((l["clicks"].as_str(), l["impressions"].as_str(), l["conversions"].as_str()), (Some("500"), Some("10000"), Some("50")));
}

#[test]
fn cpa_derives_clicks_and_impressions_backwards() {
    // 3,000 / 25 = 120 conversions; / 0.04 = 3,000 clicks; / 0.02 = 150,000 impressions.
    let o = out(&plan_with(json!([line("a", "cpa", Some("25"), "3000.00", json!({"ctr": "0.02", "cvr": "0.04"}))]), no_fees(), json!({})));
    let l = &o["lines"][0];
    assert_eq!(l["conversions"], "120");
    assert_eq!(l["clicks"], "3000");
    assert_eq!(l["impressions"], "150000");
}

#[test]
fn cpv_gives_views_and_nothing_it_cannot_derive() {
    // 900 / 0.03 = 30,000 views. No view rate: impressions, clicks, conversions unknown (null, not 0).
    let o = out(&plan_with(json!([line("v", "cpv", Some("0.03"), "900.00", json!({}))]), no_fees(), json!({})));
    let l = &o["lines"][0];
    assert_eq!(l["views"], "30000");
    assert_eq!(l["impressions"], Value::Null);
    assert_eq!(l["clicks"], Value::Null);
    assert_eq!(l["conversions"], Value::Null);
    assert_eq!(l["grps"], Value::Null);
    assert_eq!(o["totals"]["impressions"], Value::Null);
}

#[test]
fn cpv_with_view_rate_derives_impressions() {
    // 900 / 0.03 = 30,000 views; / 0.3 view rate = 100,000 impressions; 10 GRPs on 1,000,000.
    let o = out(&plan_with(json!([line("v", "cpv", Some("0.03"), "900.00", json!({"vtr": "0.3"}))]), no_fees(), json!({})));
    assert_eq!(o["lines"][0]["impressions"], "100000");
    assert_eq!(o["lines"][0]["grps"], "10.00");
}

#[test]
fn cpp_gives_grps_and_impressions_from_the_universe() {
    // 10,000 / 500 per point = 20 GRPs; × 1,000,000 / 100 = 200,000 impressions. Not ad-served.
    let o = out(&plan_with(
        json!([line("r", "cpp", Some("500"), "10000.00", json!({}))]),
        json!({ "agency_commission_pct": "0", "ad_serving_cpm": "0.10", "tech_fee_pct": "0" }),
        json!({}),
    ));
    let l = &o["lines"][0];
    assert_eq!(l["grps"], "20.00");
    assert_eq!(l["impressions"], "200000");
    assert_eq!(l["ad_serving"], "0.00");
}

#[test]
fn cpp_without_universe_leaves_impressions_unknown() {
    let mut p = plan_with(json!([line("r", "cpp", Some("500"), "10000.00", json!({}))]), no_fees(), json!({}));
    p.as_object_mut().unwrap().remove("universe");
    let o = out(&p);
    assert_eq!(o["lines"][0]["grps"], "20.00");
    assert_eq!(o["lines"][0]["impressions"], Value::Null);
}

#[test]
fn flat_line_delivers_what_it_states() {
    // Stated 500,000 impressions; × 0.01 CTR = 5,000 clicks; no CVR so conversions unknown.
    let o = out(&plan_with(json!([line("f", "flat", None, "7500.00", json!({"impressions": "500000", "ctr": "0.01"}))]), no_fees(), json!({})));
    let l = &o["lines"][0];
    assert_eq!(l["impressions"], "500000");
    assert_eq!(l["clicks"], "5000");
    assert_eq!(l["conversions"], Value::Null);
    assert_eq!(l["grps"], "50.00");
}

#[test]
fn commission_on_net_basis_is_a_markup() {
    // 10% of 12,000 net = 1,200. Tech fee 2% of net = 240. Ad serving off for this line.
    let o = out(&plan_with(
        json!([line("n", "cpm", Some("10"), "12000.00", json!({"ad_served": false}))]),
        json!({ "agency_commission_pct": "10", "agency_commission_basis": "net", "ad_serving_cpm": "0.25", "tech_fee_pct": "2" }),
        json!({}),
    ));
    let l = &o["lines"][0];
    assert_eq!(l["agency_commission"], "1200.00");
    assert_eq!(l["tech_fee"], "240.00");
    assert_eq!(l["ad_serving"], "0.00");
    assert_eq!(l["gross"], "13440.00");
}

#[test]
fn gross_basis_8500_net_is_10000_gross() {
    // The domain brief: $8,500 net at 15% of gross is $10,000 gross.
    let o = out(&plan_with(
        json!([line("g", "flat", None, "8500.00", json!({}))]),
        json!({ "agency_commission_pct": "15", "agency_commission_basis": "gross", "ad_serving_cpm": "0", "tech_fee_pct": "0" }),
        json!({}),
    ));
    assert_eq!(o["lines"][0]["agency_commission"], "1500.00");
    assert_eq!(o["lines"][0]["gross"], "10000.00");
}

#[test]
fn fee_totals_are_the_exact_total_rounded_and_split_to_lines() {
    // Three lines each with commission 100/0.85 − 100 = 17.647; the total is computed on the
    // total net media, 300/0.85 − 300 = 52.941 → 52.94 (not 3 × 17.65 = 52.95), and split by the
    // largest remainder: 17.65, 17.65, 17.64 (equal remainders, so the earlier lines round up).
    let lines =
        json!([line("a", "flat", None, "100.00", json!({})), line("b", "flat", None, "100.00", json!({})), line("c", "flat", None, "100.00", json!({})),]);
    let o = out(&plan_with(
        lines,
        json!({ "agency_commission_pct": "15", "agency_commission_basis": "gross", "ad_serving_cpm": "0", "tech_fee_pct": "0" }),
        json!({"budget": "300.00"}),
    ));
    assert_eq!(o["totals"]["agency_commission"], "52.94");
    assert_eq!(o["totals"]["gross"], "352.94");
    let fees: Vec<&str> = o["lines"].as_array().unwrap().iter().map(|l| l["agency_commission"].as_str().unwrap()).collect();
    assert_eq!(fees, ["17.65", "17.65", "17.64"]);
    let gross: Vec<&str> = o["lines"].as_array().unwrap().iter().map(|l| l["gross"].as_str().unwrap()).collect();
    assert_eq!(gross, ["117.65", "117.65", "117.64"]);
    assert_eq!(o["totals"]["unallocated"], "0.00");
    // No budget-integrity findings (the planning checks, e.g. no_goal, are tested in findings.rs).
    let integrity = ["budget_unallocated", "budget_over_allocated", "flight_outside_period"];
    assert!(o["findings"].as_array().unwrap().iter().all(|f| !integrity.contains(&f["code"].as_str().unwrap())));
    // Shares of net media sum to exactly 100.00: 33.34 + 33.33 + 33.33.
    let shares: Vec<&str> = o["lines"].as_array().unwrap().iter().map(|l| l["share_pct"].as_str().unwrap()).collect();
    assert_eq!(shares, ["33.34", "33.33", "33.33"]);
}

#[test]
fn shares_become_money_that_sums_to_the_budget() {
    // 100.00 by shares 33.3333 × 3 (99.9999%): quotas 33.33333 each → 33.34, 33.33, 33.33.
    let lines = json!([
        {"id": "a", "channel": "x", "name": "a", "pricing": "flat", "share": "33.3333", "start": "2027-01-04", "end": "2027-01-10"},
        {"id": "b", "channel": "x", "name": "b", "pricing": "flat", "share": "33.3333", "start": "2027-01-04", "end": "2027-01-10"},
        {"id": "c", "channel": "x", "name": "c", "pricing": "flat", "share": "33.3334", "start": "2027-01-04", "end": "2027-01-10"},
    ]);
    let o = out(&plan_with(lines, no_fees(), json!({"budget": "100.00"})));
    let nets: Vec<&str> = o["lines"].as_array().unwrap().iter().map(|l| l["net"].as_str().unwrap()).collect();
    assert_eq!(nets, ["33.33", "33.33", "33.34"]);
    assert_eq!(o["totals"]["net_media"], "100.00");
}

#[test]
fn shares_in_yen_round_to_whole_yen() {
    // ¥1,000,000 split 1/3 each by shares "33.3333","33.3333","33.3334" → 333,333 / 333,333 / 333,334.
    let lines = json!([
        {"id": "a", "channel": "x", "name": "a", "pricing": "cpm", "rate": "500", "share": "33.3333", "start": "2027-01-04", "end": "2027-01-10"},
        {"id": "b", "channel": "x", "name": "b", "pricing": "cpm", "rate": "500", "share": "33.3333", "start": "2027-01-04", "end": "2027-01-10"},
        {"id": "c", "channel": "x", "name": "c", "pricing": "cpm", "rate": "500", "share": "33.3334", "start": "2027-01-04", "end": "2027-01-10"},
    ]);
    let o = out(&plan_with(lines, no_fees(), json!({"budget": "1000000", "currency": "JPY"})));
    let nets: Vec<&str> = o["lines"].as_array().unwrap().iter().map(|l| l["net"].as_str().unwrap()).collect();
    assert_eq!(nets, ["333333", "333333", "333334"]);
    assert_eq!(o["totals"]["net_media"], "1000000");
    assert_eq!(o["minor_units"], 0);
}

#[test]
fn partial_weeks_spread_by_active_days() {
    // Wed 6 Jan to Tue 19 Jan: 5 + 7 + 2 days of 14. 100.00 → 35.714…, 50.00, 14.285…;
    // floors 35.71 + 50.00 + 14.28 = 99.99; the spare cent goes to the larger remainder
    // (0.57 of a cent on 14.2857 beats 0.43 on 35.7143) → 14.29.
    let l = json!([{"id": "w", "channel": "x", "name": "w", "pricing": "flat", "budget": "100.00", "start": "2027-01-06", "end": "2027-01-19"}]);
    let o = out(&plan_with(l, no_fees(), json!({})));
    let weeks = &o["lines"][0]["weeks"];
    assert_eq!(weeks, &json!({"from": "2027-01-04", "net": ["35.71", "50.00", "14.29"], "hiatus": []}));
}

#[test]
fn flighting_pattern_has_hiatus_weeks() {
    // 4 weeks, 1 on / 1 off: all 1,000.00 goes to weeks 1 and 3.
    let l = json!([{"id": "f", "channel": "x", "name": "f", "pricing": "flat", "budget": "1000.00",
                     "start": "2027-01-04", "end": "2027-01-31", "pattern": {"kind": "flighting", "on": 1, "off": 1}}]);
    let o = out(&plan_with(l, no_fees(), json!({})));
    assert_eq!(o["lines"][0]["weeks"], json!({"from": "2027-01-04", "net": ["500.00", "0.00", "500.00", "0.00"], "hiatus": [1, 3]}));
}

#[test]
fn pulsing_pattern_keeps_a_base() {
    // 4 weeks, 2 burst weeks at 1, 2 base weeks at 0.5: weights 1,1,.5,.5 of 3 → 1,200 × 1/3 …
    let l = json!([{"id": "p", "channel": "x", "name": "p", "pricing": "flat", "budget": "1200.00",
                     "start": "2027-01-04", "end": "2027-01-31", "pattern": {"kind": "pulsing", "on": 2, "off": 2, "base": "0.5"}}]);
    let o = out(&plan_with(l, no_fees(), json!({})));
    assert_eq!(o["lines"][0]["weeks"]["net"], json!(["400.00", "400.00", "200.00", "200.00"]));
}

#[test]
fn explicit_weights_with_a_hiatus() {
    let l = json!([{"id": "x", "channel": "x", "name": "x", "pricing": "flat", "budget": "100.00",
                     "start": "2027-01-04", "end": "2027-01-24", "weights": ["1", "0", "3"]}]);
    let o = out(&plan_with(l, no_fees(), json!({})));
    assert_eq!(o["lines"][0]["weeks"], json!({"from": "2027-01-04", "net": ["25.00", "0.00", "75.00"], "hiatus": [1]}));
}

#[test]
fn plan_weeks_total_across_lines_and_months_band_by_thursday() {
    let o = out(&plan_with(json!([line("a", "flat", None, "1200.00", json!({})), line("b", "flat", None, "2400.00", json!({}))]), no_fees(), json!({})));
    // 4 Jan – 28 Mar 2027 is 12 whole weeks.
    assert_eq!(o["weeks"].as_array().unwrap().len(), 12);
    assert_eq!(o["totals"]["weeks"][0]["net"], "300.00");
    let bands: Vec<(String, u64)> =
        o["months"].as_array().unwrap().iter().map(|m| (m["label"].as_str().unwrap().to_string(), m["weeks"].as_u64().unwrap())).collect();
    // Weeks of 1 Feb and 1 Mar have their Thursday in the new month.
    assert_eq!(bands, [("Jan 2027".into(), 4), ("Feb 2027".into(), 4), ("Mar 2027".into(), 4)]);
}

#[test]
fn broadcast_calendar_bands_a_week_by_its_sunday() {
    // Week of Mon 28 Dec 2026 ends Sun 3 Jan 2027: broadcast January; standard December (Thu 31 Dec).
    let mk = |cal: &str| {
        let mut p = plan_with(
            json!([line("a", "flat", None, "100.00", json!({"start": "2026-12-28", "end": "2027-01-10"}))]),
            no_fees(),
            json!({"start": "2026-12-28", "end": "2027-01-10"}),
        );
        p["settings"] = json!({"calendar": cal});
        out(&p)
    };
    assert_eq!(mk("standard")["months"][0]["label"], "Dec 2026");
    assert_eq!(mk("broadcast")["months"][0]["label"], "Jan 2027");
}

#[test]
fn flights_outside_the_period_and_over_allocation_are_findings() {
    let o = out(&plan_with(json!([line("early", "flat", None, "40000.00", json!({"start": "2026-12-28"}))]), no_fees(), json!({})));
    let integrity = ["budget_unallocated", "budget_over_allocated", "flight_outside_period"];
    let codes: Vec<&str> = o["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).filter(|c| integrity.contains(c)).collect();
    assert_eq!(codes, ["budget_over_allocated", "flight_outside_period"]);
    assert_eq!(o["findings"][0]["severity"], "error");
    assert_eq!(o["findings"][1]["line"], "early");
    assert_eq!(o["totals"]["unallocated"], "-10000.00");
    // The flowchart grid grows to hold the early week.
    assert_eq!(o["weeks"][0], "2026-12-28");
}

#[test]
fn huge_values_compute_without_overflow() {
    // 999,999,999,999.99 at a CPM of 0.01 = 99,999,999,999,999,000 impressions.
    let o = out(&plan_with(
        json!([line("big", "cpm", Some("0.01"), "999999999999.99", json!({"ctr": "1", "cvr": "1"}))]),
        json!({ "agency_commission_pct": "15", "agency_commission_basis": "gross", "ad_serving_cpm": "0.10", "tech_fee_pct": "2" }),
        json!({"budget": "999999999999.99"}),
    ));
    assert_eq!(o["lines"][0]["impressions"], "99999999999999000");
    assert_eq!(o["lines"][0]["agency_commission"], "176470588235.29");
    assert_eq!(o["totals"]["unallocated"], "0.00");
}

#[test]
fn absurd_values_are_an_overflow_error_not_a_panic() {
    let p = plan_with(
        json!([line("huge", "cpm", Some("0.0000000000000001"), "79228162514264337593543.00", json!({}))]),
        no_fees(),
        json!({"budget": "79228162514264337593543.00"}),
    );
    let plan = parse_plan(&p.to_string()).unwrap();
    let err = compute(&plan).unwrap_err();
    assert_eq!(err.code, "overflow");
    assert_eq!(err.line.as_deref(), Some("huge"));
}

#[test]
fn sample_plan_is_valid_realistic_and_fully_allocated() {
    let plan = flightplan_core::sample_plan();
    assert!(plan.lines.len() >= 8);
    let v = compute(&plan).unwrap();
    assert_eq!(v.totals.unallocated.to_string(), "0.00");
    assert!(v.findings.iter().all(|f| f.severity != flightplan_core::Severity::Error), "{:?}", v.findings);
    for l in &v.lines {
        let sum: rust_decimal::Decimal = l.weeks.iter().map(|w| w.net).sum();
        assert_eq!(sum, l.net, "weeks of {} sum to its net", l.id);
    }
    let channels: std::collections::HashSet<&str> = plan.lines.iter().map(|l| l.channel.as_str()).collect();
    assert!(channels.len() >= 6);
}

#[test]
fn an_empty_plan_shows_money_in_minor_units() {
    // A new plan has no lines yet: its totals are money all the same ("0.00", "0" in yen).
    let o = out(&plan_with(json!([]), no_fees(), json!({})));
    for key in ["net_media", "agency_commission", "ad_serving", "tech_fee", "fees", "gross"] {
        assert_eq!(o["totals"][key], "0.00", "{key}");
    }
    assert_eq!(o["totals"]["unallocated"], "30000.00");
    let o = out(&plan_with(json!([]), no_fees(), json!({"currency": "JPY", "budget": "1000"})));
    assert_eq!(o["totals"]["gross"], "0");
}

#[test]
fn a_lines_share_of_the_budget_is_its_net_over_the_plan_budget_not_its_share_of_net_media() {
    // 18,000 of a 400,000 budget while 250,000 is allocated: 4.5% of the budget, 7.20% of net media.
    let mut plan = flightplan_core::sample_plan();
    plan.budget = Dec(rust_decimal::Decimal::from(400_000));
    let view = flightplan_core::compute(&plan).unwrap();
    let line = view.lines.iter().find(|l| l.id == "google-brand").unwrap();
    assert_eq!(line.share_pct.to_string(), "7.20");
    assert_eq!(line.budget_share.map(|d| d.to_string()).as_deref(), Some("4.5"));
    plan.budget = Dec(rust_decimal::Decimal::ZERO);
    plan.lines.retain(|l| l.budget.is_some());
    let view = flightplan_core::compute(&plan).unwrap();
    assert_eq!(view.lines[0].budget_share, None, "no share of a zero budget");
}
