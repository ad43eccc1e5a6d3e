//! Actuals as ranges of days: the older `date` + `period` form still reads and means the same,
//! a range row is phased by its line's flight in pacing, performance and reconciliation,
//! re-importing an overlapping range replaces instead of doubling, rows match by ad set, and
//! pacing stays linear on a line flighted for centuries.

use chrono::NaiveDate;
use flightplan_core::actuals::{import, ImportRow};
use flightplan_core::pacing::{default_as_of, pacing};
use flightplan_core::plan::{Actual, Plan};
use flightplan_core::Dec;
use flightplan_core::{parse_plan, read_plan, write_plan};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::str::FromStr;

fn d(s: &str) -> Dec {
    Dec::from_str(s).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn plan_json() -> Value {
    serde_json::from_str(include_str!("data/monitoring-plan.json")).unwrap()
}

fn plan_with(actuals: Value) -> Plan {
    let mut v = plan_json();
    v["actuals"] = actuals;
    read_plan(&v.to_string()).unwrap()
}

#[test]
fn old_date_and_period_actuals_read_as_the_ranges_they_meant() {
    let old = plan_with(json!([
        {"line": "search", "date": "2025-09-01", "period": "week", "spend": "1400.00"},
        {"line": "search", "date": "2025-09-08", "spend": "100.00"},
        {"line": "meta-rt", "date": "2025-09-02", "period": "day", "spend": "50.00", "clicks": "40"}
    ]));
    let new = plan_with(json!([
        {"line": "search", "start": "2025-09-01", "end": "2025-09-07", "spend": "1400.00"},
        {"line": "search", "start": "2025-09-08", "spend": "100.00"},
        {"line": "meta-rt", "start": "2025-09-02", "end": "2025-09-02", "spend": "50.00", "clicks": "40"}
    ]));
    assert_eq!(old.actuals, new.actuals);
    assert_eq!((old.actuals[0].start, old.actuals[0].end), (day("2025-09-01"), day("2025-09-07")));
    // Written back in the new form, and read again the same.
    let text = write_plan(&old);
    assert!(text.contains("\"start\": \"2025-09-01\"") && text.contains("\"end\": \"2025-09-07\""), "{text}");
    assert!(!text.contains("\"period\"") && !text.contains("\"date\""), "{text}");
    assert_eq!(parse_plan(&text).unwrap().actuals, old.actuals);
    let as_of = day("2025-09-10");
    assert_eq!(pacing(&old, as_of).unwrap(), pacing(&new, as_of).unwrap());
}

#[test]
fn malformed_ranges_are_errors_naming_the_row() {
    let mut v = plan_json();
    for (bad, says) in [
        (json!({"line": "search", "start": "2025-09-05", "end": "2025-09-01", "spend": "1"}), "before start"),
        (json!({"line": "search", "date": "2025-09-05", "start": "2025-09-05", "spend": "1"}), "not both"),
        (json!({"line": "search", "end": "2025-09-05", "spend": "1"}), "without start"),
        (json!({"line": "search", "spend": "1"}), "start day"),
        (json!({"line": "search", "start": "2000-01-01", "end": "2025-01-01", "spend": "1"}), "ten years"),
    ] {
        v["actuals"] = json!([bad]);
        let e = parse_plan(&v.to_string()).unwrap_err();
        assert!(e.message.contains(says) && e.path.as_deref().is_some_and(|p| p.starts_with("actuals[0]")), "{says}: {e:?}");
    }
}

#[test]
fn a_range_row_is_phased_by_the_flight_weights() {
    // Search runs Sep 1-28 weighted 1:2:2:1; one row for the whole period, 7,200 spent.
    let p = plan_with(json!([{"line": "search", "start": "2025-09-01", "end": "2025-09-28", "spend": "7200.00", "clicks": "4800", "conversions": "240"}]));
    let r = pacing(&p, day("2025-09-14")).unwrap();
    let search = r.lines.iter().find(|l| l.line == "search").unwrap();
    // Two weeks of weights 1 and 2 out of 6: 3,600 of the row by the 14th.
    assert_eq!(search.pace.actual, d("3600.00"));
    assert_eq!(search.pace.expected, d("4500.00"));
    assert_eq!(search.pace.pace_pct, Some(d("80.0")));
    let cum: Vec<Option<Dec>> = search.weeks.iter().map(|w| w.actual_cumulative).collect();
    assert_eq!(cum, vec![Some(d("1200")), Some(d("3600")), None, None]);
    // By the end the whole row counts; the default as-of day is the row's last day.
    assert_eq!(default_as_of(&p, day("2030-01-01")), day("2025-09-28"));
    let r = pacing(&p, day("2025-09-28")).unwrap();
    assert_eq!(r.lines.iter().find(|l| l.line == "search").unwrap().pace.actual, d("7200.00"));
    // Performance counts the phased part of every measure.
    let perf = flightplan_core::performance::performance(&p, day("2025-09-14")).unwrap();
    let s = perf.iter().find(|l| l.line == "search").unwrap();
    assert_eq!((s.delivered.spend, s.delivered.clicks, s.delivered.conversions), (d("3600.00"), d("2400"), d("120.00")));
    // Reconciliation puts it in September.
    let rec = flightplan_core::reconcile::reconcile(&p).unwrap();
    let sept = rec.iter().find(|v| v.vendor == "Google" && v.month == "2025-09").unwrap();
    assert_eq!(sept.delivered, d("7200.00"));
}

#[test]
fn a_row_spanning_months_splits_exactly_in_reconciliation() {
    let mut v = plan_json();
    v["lines"][0]["end"] = json!("2025-10-26");
    v["end"] = json!("2025-10-26");
    v["actuals"] = json!([{"line": "meta-pro", "start": "2025-09-01", "end": "2025-10-26", "spend": "1000.00"}]);
    let p = read_plan(&v.to_string()).unwrap();
    let rec = flightplan_core::reconcile::reconcile(&p).unwrap();
    let meta: Vec<_> = rec.iter().filter(|r| r.vendor == "Meta").collect();
    // 30 of 56 even days in September.
    assert_eq!(meta.iter().map(|r| (r.month.as_str(), r.delivered)).collect::<Vec<_>>(), vec![("2025-09", d("535.71")), ("2025-10", d("464.29"))]);
}

fn row(line: usize, campaign: &str, ad_set: Option<&str>, start: &str, end: &str, spend: &str) -> ImportRow {
    ImportRow {
        file_line: line,
        campaign: campaign.into(),
        ad_set: ad_set.map(str::to_string),
        ad: None,
        start: day(start),
        end: day(end),
        spend: d(spend),
        impressions: None,
        clicks: None,
        conversions: None,
        revenue: None,
        currency: None,
    }
}

#[test]
fn reimporting_an_overlapping_range_replaces_never_doubles() {
    let mut p = plan_with(json!([]));
    let month = [row(2, "Search - Brand - US", None, "2025-09-01", "2025-09-28", "7200.00")];
    let first = import(&p, &month, "google", &BTreeMap::new()).unwrap();
    p.actuals = first.actuals;
    // The same report again: replaced, not added.
    let again = import(&p, &month, "google", &BTreeMap::new()).unwrap();
    assert_eq!((again.replaced, again.actuals.len()), (1, 1));
    assert!(again.warnings.is_empty());
    // A daily report for the second week overlaps the month's row: that row is replaced whole,
    // and the planner is told its other days went with it.
    let week: Vec<ImportRow> =
        (8..=14).map(|k| row(k, "Search - Brand - US", None, &format!("2025-09-{k:02}"), &format!("2025-09-{k:02}"), "100.00")).collect();
    let daily = import(&p, &week, "google", &BTreeMap::new()).unwrap();
    assert_eq!(daily.replaced, 1);
    assert_eq!(daily.actuals.iter().map(|a| a.spend).sum::<Decimal>(), d("700.00"));
    assert_eq!(daily.warnings.len(), 1);
    assert!(daily.warnings[0].contains("2025-09-01 to 2025-09-28") && daily.warnings[0].contains("replaced whole"), "{}", daily.warnings[0]);
    // Another campaign's rows and hand-entered rows on the same days are kept.
    p.actuals.push(Actual::on_day("search", day("2025-09-10"), d("5.00").0));
    let other = [row(3, "Search - Whole Bean Coffee", None, "2025-09-01", "2025-09-28", "50.00")];
    let out = import(&p, &other, "google", &BTreeMap::new()).unwrap();
    assert_eq!((out.replaced, out.actuals.len()), (0, 3));
}

#[test]
fn rows_match_by_ad_set_before_campaign() {
    let mut v = plan_json();
    v["lines"][1]["launch"]["campaigns"] = json!(["Retargeting 30d"]);
    let p = read_plan(&v.to_string()).unwrap();
    let rows = [
        row(2, "LC | Prospecting | Broad", Some("Broad 18-34"), "2025-09-01", "2025-09-01", "10.00"),
        row(3, "LC | Prospecting | Broad", Some("Retargeting 30d"), "2025-09-01", "2025-09-01", "4.00"),
        row(4, "", Some("Retargeting 30d"), "2025-09-02", "2025-09-02", "6.00"),
        row(5, "", Some("Unknown set"), "2025-09-02", "2025-09-02", "1.00"),
        row(6, "Mystery", Some("Set A"), "2025-09-02", "2025-09-02", "2.00"),
        row(7, "Mystery", Some("Set B"), "2025-09-03", "2025-09-03", "3.00"),
    ];
    let out = import(&p, &rows, "meta", &BTreeMap::new()).unwrap();
    let spend = |id: &str| out.added.iter().filter(|a| a.line == id).map(|a| a.spend).sum::<Dec>();
    assert_eq!((spend("meta-pro"), spend("meta-rt")), (d("10.00"), d("10.00")));
    let sources: Vec<&str> = out.added.iter().map(|a| a.source.as_str()).collect();
    assert!(sources.contains(&"meta:LC | Prospecting | Broad / Retargeting 30d") && sources.contains(&"meta:Retargeting 30d"), "{sources:?}");
    assert_eq!(out.unmatched.len(), 2);
    let mystery = out.unmatched.iter().find(|u| u.campaign == "Mystery").unwrap();
    assert_eq!((mystery.ad_sets.clone(), mystery.file_lines.clone()), (vec!["Set A".to_string(), "Set B".to_string()], vec![6, 7]));
    assert!(out.unmatched.iter().any(|u| u.campaign == "Unknown set" && u.reason.contains("ad set")));
}

#[test]
fn pacing_the_longest_plan_there_may_be_stays_linear_and_longer_ones_are_refused() {
    // Quadratic pacing took a minute on a line flighted for centuries; ten years of weeks (the
    // calendar limit) is the same work per week as any other plan.
    let mut v = plan_json();
    v["end"] = json!("2035-08-31");
    v["lines"] = json!([v["lines"][0].clone()]);
    v["lines"][0]["end"] = json!("2035-08-31");
    v["budget"] = json!("4000.00");
    v["actuals"] = json!([{"line": "meta-pro", "start": "2025-09-01", "end": "2025-09-07", "spend": "70.00"}]);
    let p: Plan = serde_json::from_value(v.clone()).unwrap();
    let r = pacing(&p, day("2025-09-07")).unwrap();
    let line = &r.lines[0];
    assert_eq!(line.weeks.len(), flightplan_core::flight::flight_week_count(day("2025-09-01"), day("2035-08-31")));
    assert_eq!(line.pace.actual, d("70.00"));
    assert_eq!(r.weeks.len(), line.weeks.len());
    assert_eq!(r.weeks.last().unwrap().planned_cumulative, d("4000.00"));
    // Past ten years the plan is refused before any work, naming the date.
    v["end"] = json!("9999-12-31");
    v["lines"][0]["end"] = json!("9999-12-31");
    let p: Plan = serde_json::from_value(v).unwrap();
    let e = pacing(&p, day("2025-09-07")).unwrap_err();
    assert_eq!(e.code, "period_too_long");
}

#[test]
fn an_absurd_ctr_target_is_judged_without_a_panic() {
    let mut v = plan_json();
    v["lines"][0]["kpi"] = json!({"kpi": "ctr", "target": "1000000000000000000000000000"});
    v["actuals"] = json!([{"line": "meta-pro", "start": "2025-09-01", "end": "2025-09-07", "spend": "700.00", "impressions": "70000", "clicks": "700", "conversions": "10"}]);
    let p = read_plan(&v.to_string()).unwrap();
    let r = flightplan_core::recommend::review(&p, day("2025-09-07")).unwrap();
    let rec = r.recommendations.iter().find(|x| x.line == "meta-pro").unwrap();
    assert_eq!(format!("{:?}", rec.action), "Cut", "{}", rec.reason);
    assert!(rec.reason.contains("(as a fraction)"), "{}", rec.reason);
}
