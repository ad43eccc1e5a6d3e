//! Totals that read right with a calculator: each fee total is the exact total rounded once and
//! split to the lines; the flowchart's weeks and months are the exact sums rounded, and every
//! row and column of it adds up. Examples from issue 16, then properties over random plans.

use chrono::{Duration, NaiveDate};
use flightplan_core::flight::flight_weeks;
use flightplan_core::plan::{CommissionBasis, Line, Pattern, Plan};
use flightplan_core::Dec;
use flightplan_core::{compute, parse_plan, sample_plan, PlanView};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::json;
use std::str::FromStr;

fn d(s: &str) -> Dec {
    Dec::from_str(s).unwrap()
}

fn plan(budget: &str, fees: serde_json::Value, lines: serde_json::Value) -> Plan {
    let p = json!({
        "format": "flightplan/1", "name": "Brief", "client": "Acme", "currency": "USD",
        "start": "2027-01-04", "end": "2027-03-28", "budget": budget, "fees": fees, "lines": lines
    });
    parse_plan(&p.to_string()).unwrap()
}

fn strs(v: &[Dec]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// Seven lines sharing $8,000,000.00 unevenly: four of 1,142,857.25 (2% is 22,857.145) and
/// three of 1,142,857.00.
const SEVEN: [&str; 7] = ["1142857.25", "1142857.25", "1142857.25", "1142857.25", "1142857.00", "1142857.00", "1142857.00"];

fn seven_lines(fees: serde_json::Value) -> Plan {
    let lines: Vec<_> = SEVEN
        .iter()
        .enumerate()
        .map(|(i, n)| {
            json!({"id": format!("l{i}"), "channel": "TV", "name": format!("Line {i}"), "pricing": "flat",
                             "budget": n, "start": "2027-01-04", "end": "2027-01-24"})
        })
        .collect();
    plan("8000000.00", fees, json!(lines))
}

#[test]
fn two_percent_of_eight_million_is_160000_split_over_seven_lines() {
    // Rounded line by line, the four lines at 22,857.145 each round up and the fees add up to
    // 160,000.02. On the total: 2% of 8,000,000.00 = 160,000.00, split by the largest
    // remainder: floors 22,857.14 × 7 = 159,999.98, and the two cents left go to the first two
    // of the four equal remainders (.005).
    let p = seven_lines(json!({"tech_fee_pct": "2"}));
    let v = compute(&p).unwrap();
    assert_eq!(v.totals.net_media, d("8000000.00"));
    assert_eq!(v.totals.tech_fee, d("160000.00"));
    let fees: Vec<Dec> = v.lines.iter().map(|l| l.tech_fee).collect();
    assert_eq!(strs(&fees), ["22857.15", "22857.15", "22857.14", "22857.14", "22857.14", "22857.14", "22857.14"]);
    assert_eq!(v.totals.fees, d("160000.00"));
    assert_eq!(v.totals.gross, d("8160000.00"));
    check_fees(&p, &v);
}

#[test]
fn commission_and_ad_serving_are_figured_on_the_totals_too() {
    // 15% of gross on 8,000,000.00 net: 8,000,000 / 0.85 − 8,000,000 = 1,411,764.705… → .71.
    // Ad serving $0.10 CPM on 7 × 3,333,333 stated impressions = 23,333,331 → 2,333.3331 → .33.
    let mut p = seven_lines(json!({"agency_commission_pct": "15", "ad_serving_cpm": "0.10"}));
    for l in &mut p.lines {
        l.impressions = Some(d("3333333"));
        l.ad_served = Some(true);
    }
    let v = compute(&p).unwrap();
    assert_eq!(v.totals.agency_commission, d("1411764.71"));
    assert_eq!(v.totals.ad_serving, d("2333.33"));
    assert_eq!(v.totals.gross, d("9414098.04"));
    check_fees(&p, &v);
}

#[test]
fn a_week_of_a_three_week_eight_million_flight() {
    // One line, three full weeks in January: 8,000,000 / 3 = 2,666,666.666…: the weeks are
    // .67, .67, .66 (each the exact week rounded, except the one that makes them add up).
    let p = plan(
        "8000000.00",
        json!({}),
        json!([{"id": "tv", "channel": "TV", "name": "TV", "pricing": "flat", "budget": "8000000.00",
                "start": "2027-01-04", "end": "2027-01-24"}]),
    );
    let v = compute(&p).unwrap();
    let weeks: Vec<Dec> = v.lines[0].weeks.iter().map(|w| w.net).collect();
    assert_eq!(strs(&weeks), ["2666666.67", "2666666.67", "2666666.66"]);
    let totals: Vec<Dec> = v.totals.weeks.iter().take(3).map(|w| w.net).collect();
    assert_eq!(totals, weeks);
    assert_eq!(v.totals.months[0].net, d("8000000.00"));
    assert_eq!(v.totals.months[0].label, "Jan 2027");
}

#[test]
fn seven_lines_sharing_eight_million_over_three_weeks() {
    // Each line's weeks rounded on their own put the extra cents in the same first weeks
    // (380,952.42 + .42 + .41 for the four larger lines, .34 + .33 + .33 for the others), so
    // the first week's column came to 2,666,666.70. Now each week is the exact column sum
    // rounded (.67, .67, .66), each line still adds up to its net, and no cell is a cent off.
    let p = seven_lines(json!({}));
    let v = compute(&p).unwrap();
    let weeks: Vec<Dec> = v.totals.weeks.iter().take(3).map(|w| w.net).collect();
    assert_eq!(strs(&weeks), ["2666666.67", "2666666.67", "2666666.66"]);
    for (l, n) in v.lines.iter().zip(SEVEN) {
        assert_eq!(l.weeks.iter().map(|w| w.net).sum::<Decimal>(), d(n), "line {}", l.id);
        let third = d(n) / Decimal::from(3);
        assert!(l.weeks.iter().all(|w| (w.net - third).abs() < d("0.01")), "line {}", l.id);
    }
    check_grid(&p, &v);
}

#[test]
fn month_totals_are_the_exact_months_rounded() {
    // $1,000 over Jan 4 – Mar 28 (84 days, 12 weeks): 83.333… a week, 333.333… a month. Each
    // month is its exact sum rounded, but three times 333.33 is a cent short, so the earliest
    // of the equal remainders takes it: January 333.34, February and March 333.33. Each month's
    // weeks add up to the month.
    let p = plan(
        "1000.00",
        json!({}),
        json!([{"id": "a", "channel": "Search", "name": "A", "pricing": "cpc", "rate": "1.00", "budget": "1000.00",
                "start": "2027-01-04", "end": "2027-03-28"}]),
    );
    let v = compute(&p).unwrap();
    let months: Vec<(String, String)> = v.totals.months.iter().map(|m| (m.label.clone(), m.net.to_string())).collect();
    assert_eq!(months, [("Jan 2027", "333.34"), ("Feb 2027", "333.33"), ("Mar 2027", "333.33")].map(|(a, b)| (a.to_string(), b.to_string())));
    for (band, m) in v.months.iter().zip(&v.totals.months) {
        let weeks: Decimal = v.totals.weeks[band.first_week..band.first_week + band.weeks].iter().map(|w| w.net).sum();
        assert_eq!(weeks, m.net, "{}", m.label);
    }
    check_grid(&p, &v);
}

/// Decimals carry 28 digits, so a sum of exact quotients can land a hair off a midpoint
/// that the exact sum sits on: a difference this small is taken as exact.
fn eps() -> Decimal {
    Decimal::new(1, 12)
}

/// Round half away from zero, taking a value within [`eps`] of a midpoint as on it.
fn round_exact(x: Decimal, dp: u32) -> Decimal {
    let scaled = x * Decimal::from(10i64.pow(dp));
    let floor = scaled.floor();
    let r = if (scaled - floor - Decimal::new(5, 1)).abs() < eps() { floor + Decimal::ONE } else { scaled.round() };
    let mut out = r / Decimal::from(10i64.pow(dp));
    out.rescale(dp);
    out
}

/// The exact weekly amounts of a line, as the flowchart holds them (by week start).
fn exact_weeks(line: &Line, net: Decimal) -> Vec<(NaiveDate, Decimal)> {
    let weeks = flight_weeks(line);
    let total: Decimal = weeks.iter().map(|w| Decimal::from(w.days) * w.weight).sum();
    weeks.iter().map(|w| (w.week_start, net * Decimal::from(w.days) * w.weight / total)).collect()
}

/// Every cell within one minor unit of exact (its floor or its ceiling), every row adding up to
/// its line's net, every column to its week's total, every week and month total within a unit
/// of its exact sum, and the totals adding up. With `plain`, also: every week and month total is
/// the plainly rounded exact sum wherever those add up (lines that share no week are separate
/// blocks, whose totals each must add up on their own, so this holds for lines on one flight).
fn check_grid(p: &Plan, v: &PlanView) {
    check_grid_as(p, v, true)
}

fn check_grid_as(p: &Plan, v: &PlanView, plain: bool) {
    let unit = Decimal::new(1, v.minor_units);
    let within = |x: Decimal, exact: Decimal| (x - exact).abs() < unit + eps();
    let round = |x: Decimal| round_exact(x, v.minor_units);
    let mut col_exact = vec![Decimal::ZERO; v.weeks.len()];
    let mut col_sum = vec![Decimal::ZERO; v.weeks.len()];
    for (line, lv) in p.lines.iter().zip(&v.lines) {
        let exact = exact_weeks(line, lv.net.0);
        assert_eq!(lv.weeks.iter().map(|w| w.net).sum::<Decimal>(), lv.net, "row {}", lv.id);
        // Each of the line's months (its weeks in one month band) is within a unit of exact.
        for band in &v.months {
            let cols = &v.weeks[band.first_week..band.first_week + band.weeks];
            let in_band = |d: &NaiveDate| cols.binary_search(d).is_ok();
            let got: Decimal = lv.weeks.iter().filter(|w| in_band(&w.week_start)).map(|w| w.net).sum();
            let want: Decimal = exact.iter().filter(|(d, _)| in_band(d)).map(|(_, x)| *x).sum();
            assert!(within(got, want), "line {} in {}: {got} vs exact {want}", lv.id, band.label);
        }
        for (w, (start, x)) in lv.weeks.iter().zip(&exact) {
            assert_eq!(w.week_start, *start);
            assert!(within(w.net.0, *x), "line {} week {}: {} vs exact {x}", lv.id, w.week_start, w.net);
            let c = v.weeks.binary_search(start).unwrap();
            col_exact[c] += *x;
            col_sum[c] += w.net;
        }
    }
    let total: Decimal = v.totals.weeks.iter().map(|w| w.net).sum();
    assert_eq!(total, v.totals.net_media);
    for (c, w) in v.totals.weeks.iter().enumerate() {
        assert_eq!(w.net, col_sum[c], "column {}", w.week_start);
        assert!(within(w.net.0, col_exact[c]), "week {}: {} vs exact {}", w.week_start, w.net, col_exact[c]);
    }
    let mut month_sum = Decimal::ZERO;
    let mut months_round = Decimal::ZERO;
    for (band, m) in v.months.iter().zip(&v.totals.months) {
        let range = band.first_week..band.first_week + band.weeks;
        let exact: Decimal = col_exact[range.clone()].iter().copied().sum();
        let weeks: Decimal = v.totals.weeks[range.clone()].iter().map(|w| w.net).sum();
        assert_eq!(weeks, m.net, "month {}", m.label);
        assert!(within(m.net.0, exact), "month {}: {} vs exact {exact}", m.label, m.net);
        // Each week is its exact sum rounded wherever the rounded weeks add up to the month.
        let rounded: Decimal = col_exact[range.clone()].iter().map(|x| round(*x)).sum();
        if plain && rounded == m.net {
            for c in range {
                assert_eq!(v.totals.weeks[c].net, round(col_exact[c]), "week {} in {}", v.weeks[c], m.label);
            }
        }
        month_sum += m.net;
        months_round += round(exact);
    }
    assert_eq!(month_sum, v.totals.net_media);
    if plain && months_round == v.totals.net_media {
        for (band, m) in v.months.iter().zip(&v.totals.months) {
            let exact: Decimal = col_exact[band.first_week..band.first_week + band.weeks].iter().copied().sum();
            assert_eq!(m.net, round(exact), "month {}", m.label);
        }
    }
}

#[test]
fn a_large_plan_of_patterns_adds_up_both_ways() {
    // The recompute benchmark's shape, at 300 lines: the sample's lines (continuous, flighting,
    // pulsing) on one year, 1/300 of the budget each.
    let mut p = sample_plan();
    p.start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    p.end = NaiveDate::from_ymd_opt(2028, 1, 2).unwrap();
    let template = p.lines.clone();
    p.lines = (0..300)
        .map(|i| {
            let mut l = template[i % template.len()].clone();
            l.id = format!("line-{i}");
            l.start = p.start;
            l.end = p.end;
            l.weights = None;
            l.budget = Some(Dec(Decimal::new(83_333 + (i as i64 % 7), 2)));
            l.share = None;
            l
        })
        .collect();
    p.scenarios.clear();
    let v = compute(&p).unwrap();
    check_grid(&p, &v);
}

/// Each fee total is its exact total rounded, every line's fee within a unit of its exact fee,
/// the lines summing to the total, and fees and gross adding up.
fn check_fees(p: &Plan, v: &PlanView) {
    let unit = Decimal::new(1, v.minor_units);
    let round = |x: Decimal| round_exact(x, v.minor_units);
    let pct = |x: Decimal| x / Decimal::ONE_HUNDRED;
    let c = pct(p.fees.agency_commission_pct.0);
    let (mut commission, mut tech, mut serving) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (line, lv) in p.lines.iter().zip(&v.lines) {
        let ec = match p.fees.agency_commission_basis {
            CommissionBasis::Gross => lv.net * c / (Decimal::ONE - c),
            CommissionBasis::Net => lv.net * c,
        };
        let et = lv.net * pct(p.fees.tech_fee_pct.0);
        // Flat lines here state their impressions, so the exact figure is known.
        let es = match (line.impressions, line.is_ad_served()) {
            (Some(i), true) => i / Decimal::ONE_THOUSAND * p.fees.ad_serving_cpm,
            _ => Decimal::ZERO,
        };
        for (name, got, exact) in [("commission", lv.agency_commission, ec), ("tech", lv.tech_fee, et), ("serving", lv.ad_serving, es)] {
            assert!((got - exact).abs() < unit + eps(), "line {} {name}: {got} vs exact {exact}", lv.id);
        }
        assert_eq!(lv.fees, lv.agency_commission + lv.ad_serving + lv.tech_fee);
        assert_eq!(lv.gross, lv.net + lv.fees);
        commission += ec;
        tech += et;
        serving += es;
    }
    let t = &v.totals;
    assert_eq!(t.agency_commission, round(commission), "commission total");
    assert_eq!(t.tech_fee, round(tech), "tech fee total");
    assert_eq!(t.ad_serving, round(serving), "ad serving total");
    assert_eq!(v.lines.iter().map(|l| l.agency_commission).sum::<Decimal>(), t.agency_commission);
    assert_eq!(v.lines.iter().map(|l| l.tech_fee).sum::<Decimal>(), t.tech_fee);
    assert_eq!(v.lines.iter().map(|l| l.ad_serving).sum::<Decimal>(), t.ad_serving);
    assert_eq!(t.fees, t.agency_commission + t.ad_serving + t.tech_fee);
    assert_eq!(t.gross, t.net_media + t.fees);
    assert_eq!(v.lines.iter().map(|l| l.gross).sum::<Decimal>(), t.gross);
}

fn currency() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("USD"), Just("JPY"), Just("KWD")]
}

/// A line: flight inside a half year, amount in minor units, a pattern or weights, impressions.
fn line_spec() -> impl Strategy<Value = (i64, i64, i64, u8, u32, u32, Vec<u8>, i64)> {
    (0i64..120, 0i64..90, 0i64..3_000_000_000, 0u8..4, 1u32..4, 0u32..3, prop::collection::vec(0u8..5, 30), 1i64..50_000_000)
}

type Spec = (i64, i64, i64, u8, u32, u32, Vec<u8>, i64);

/// A plan over 8 months of 2027 from random line specs (see [`line_spec`]) and fees.
fn random_plan(code: &str, specs: &[Spec], commission: u32, gross: bool, tech: u32, serving: u32, broadcast: bool) -> Plan {
    let mut p = sample_plan();
    p.scenarios.clear();
    p.currency = code.to_string();
    let dp = flightplan_core::money::Currency::from_code(code).unwrap().minor_units();
    p.start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    p.end = p.start + Duration::days(240);
    p.fees.agency_commission_pct = Dec(Decimal::new(commission as i64, 2));
    p.fees.agency_commission_basis = if gross { CommissionBasis::Gross } else { CommissionBasis::Net };
    p.fees.tech_fee_pct = Dec(Decimal::new(tech as i64, 2));
    p.fees.ad_serving_cpm = Dec(Decimal::new(serving as i64, 2));
    if broadcast {
        p.settings.calendar = flightplan_core::plan::Calendar::Broadcast;
    }
    let template = p.lines[0].clone();
    p.lines = specs
        .iter()
        .enumerate()
        .map(|(i, (start, len, units, kind, on, off, weights, imps))| {
            let mut l = template.clone();
            l.id = format!("l{i}");
            l.pricing = flightplan_core::plan::Pricing::Flat;
            l.rate = None;
            l.response = None;
            l.min_budget = None;
            l.impressions = Some(Dec(Decimal::from(*imps)));
            l.ad_served = Some(i % 3 != 0);
            l.start = p.start + Duration::days(*start);
            l.end = l.start + Duration::days(*len);
            l.budget = Some(Dec(Decimal::new(*units, dp)));
            l.share = None;
            l.weights = None;
            l.pattern = match kind {
                1 => Some(Pattern::Flighting { on: *on, off: *off }),
                2 => Some(Pattern::Pulsing { on: *on, off: *off, base: Dec(Decimal::new(35, 2)) }),
                3 => {
                    let n = flightplan_core::flight::flight_week_count(l.start, l.end);
                    let mut w: Vec<Decimal> = weights.iter().take(n).map(|x| Decimal::new(*x as i64 * 25, 2)).collect();
                    w.resize(n, Decimal::ONE);
                    if w.iter().all(|x| x.is_zero()) {
                        w[0] = Decimal::ONE;
                    }
                    l.weights = Some(w.into_iter().map(Dec).collect());
                    None
                }
                _ => None,
            };
            l
        })
        .collect();
    p.budget = p.lines.iter().map(|l| l.budget.unwrap()).sum();
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn random_plans_add_up_both_ways(code in currency(), specs in prop::collection::vec(line_spec(), 1..14),
                                     commission in 0u32..3000, gross in any::<bool>(), tech in 0u32..500,
                                     serving in 0u32..300, broadcast in any::<bool>()) {
        let p = random_plan(code, &specs, commission, gross, tech, serving, broadcast);
        let v = compute(&p).unwrap();
        check_grid_as(&p, &v, false);
        check_fees(&p, &v);
    }

    #[test]
    fn lines_on_one_flight_give_plainly_rounded_weeks_and_months(code in currency(),
            units in prop::collection::vec(0i64..5_000_000_000, 1..40), start in 0i64..60, len in 0i64..200,
            broadcast in any::<bool>()) {
        let specs: Vec<Spec> = units.iter().map(|u| (start, len, *u, 0u8, 1u32, 0u32, vec![0u8; 30], 1i64)).collect();
        let p = random_plan(code, &specs, 0, true, 0, 0, broadcast);
        let v = compute(&p).unwrap();
        check_grid(&p, &v);
    }
}
