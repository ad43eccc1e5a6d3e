//! Monitoring in the core: matching imported rows to lines, replacing re-imported days,
//! hand-checked pacing (linear and weighted flights) and one test per recommendation rule.

use chrono::NaiveDate;
use flightplan_core::actuals::{import, ImportRow};
use flightplan_core::pacing::{pacing, PaceAlert};
use flightplan_core::plan::{Actual, Plan};
use flightplan_core::read_plan;
use flightplan_core::recommend::{review, Action};
use flightplan_core::Dec;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::str::FromStr;

fn d(s: &str) -> Dec {
    Dec::from_str(s).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn plan() -> Plan {
    read_plan(include_str!("data/monitoring-plan.json")).unwrap()
}

fn row(line: usize, campaign: &str, date: &str, spend: &str) -> ImportRow {
    ImportRow {
        file_line: line,
        campaign: campaign.into(),
        ad_set: None,
        ad: None,
        start: day(date),
        end: day(date),
        spend: d(spend),
        impressions: Some(d("1000")),
        clicks: Some(d("10")),
        conversions: Some(d("1")),
        revenue: None,
        currency: Some("USD".into()),
    }
}

/// Rows with days outside the plan's period (1–28 Sep 2025) are counted by the core, with the
/// first and last such day, so the preview can say so before they are saved; none inside.
#[test]
fn rows_outside_the_period_are_counted() {
    let p = plan();
    let inside = vec![row(2, "LC | Prospecting | Broad", "2025-09-01", "10.00"), row(3, "LC | Prospecting | Broad", "2025-09-28", "10.00")];
    assert_eq!(import(&p, &inside, "test", &BTreeMap::new()).unwrap().outside_period, None);
    let mut rows = inside;
    rows.push(row(4, "LC | Prospecting | Broad", "2025-08-30", "5.00"));
    rows.push(row(5, "LC | Prospecting | Broad", "2025-09-29", "5.00"));
    let mut week = row(6, "LC | Prospecting | Broad", "2025-09-26", "7.00");
    week.end = day("2025-10-02"); // a week's row that runs past the end
    rows.push(week);
    let out = import(&p, &rows, "test", &BTreeMap::new()).unwrap().outside_period.unwrap();
    assert_eq!((out.rows, out.first, out.last), (3, day("2025-08-30"), day("2025-10-02")));
}

#[test]
fn rows_match_by_saved_name_naming_convention_and_mapping() {
    let p = plan();
    let rows = vec![
        row(2, "LC | Prospecting | Broad", "2025-09-01", "10.00"),
        row(3, "lc | prospecting  | broad", "2025-09-01", "5.00"),
        // The naming convention: {client}_{channel}_{objective}_{yyyymm} for the TikTok line.
        row(4, "lakeside-coffee_tiktok_consideration_202509_v2", "2025-09-01", "7.00"),
        row(5, "Mystery campaign", "2025-09-02", "3.00"),
        row(6, "Mystery campaign", "2025-09-03", "4.00"),
        row(7, "Assigned by hand", "2025-09-02", "2.00"),
    ];
    let mapping = BTreeMap::from([("Assigned by hand".to_string(), "search".to_string())]);
    let out = import(&p, &rows, "test", &mapping).unwrap();
    let by_line = |id: &str| out.added.iter().filter(|a| a.line == id).map(|a| a.spend).sum::<Decimal>();
    assert_eq!(by_line("meta-pro"), d("15.00"), "case and spacing differences still match");
    assert_eq!(by_line("tiktok"), d("7.00"));
    assert_eq!(by_line("search"), d("2.00"));
    assert_eq!(out.unmatched.len(), 1);
    assert_eq!(out.unmatched[0].campaign, "Mystery campaign");
    assert_eq!(out.unmatched[0].file_lines, vec![5, 6]);
    assert_eq!(out.unmatched[0].spend, d("7.00"));
    assert_eq!(out.actuals.len(), out.added.len());
}

#[test]
fn another_currency_fails_the_whole_import_naming_the_line() {
    let p = plan();
    let mut bad = row(9, "LC | Prospecting | Broad", "2025-09-02", "1.00");
    bad.currency = Some("EUR".into());
    let e = import(&p, &[row(8, "LC | Prospecting | Broad", "2025-09-01", "1.00"), bad], "t", &BTreeMap::new()).unwrap_err();
    assert_eq!(e.code, "currency_mismatch");
    assert_eq!(e.row, Some(9), "the file line is a field");
    assert_eq!(e.message, "the row is in EUR but the plan is in USD; convert it first");
    // A mapping to a line the plan lacks is an error too, not a silent drop.
    let m = BTreeMap::from([("X".to_string(), "nope".to_string())]);
    let e = import(&p, &[row(4, "X", "2025-09-01", "1.00")], "t", &m).unwrap_err();
    assert_eq!(e.code, "unknown_line");
    assert_eq!((e.row, e.message.as_str()), (Some(4), "\"t:X\" is mapped to line \"nope\", which the plan does not have"));
}

#[test]
fn reimporting_an_overlapping_range_replaces_those_days() {
    let mut p = plan();
    let first: Vec<ImportRow> = ["2025-09-01", "2025-09-02", "2025-09-03"].iter().map(|t| row(2, "LC_Retargeting_Web_Visitors", t, "10.00")).collect();
    let out = import(&p, &first, "meta", &BTreeMap::new()).unwrap();
    p.actuals = out.actuals;
    // A hand-entered row on an overlapping day is kept.
    p.actuals.push(Actual {
        line: "meta-rt".into(),
        start: day("2025-09-03"),
        end: day("2025-09-03"),
        spend: d("1.00"),
        impressions: None,
        clicks: None,
        conversions: None,
        revenue: None,
        source: String::new(),
    });
    let second: Vec<ImportRow> = ["2025-09-03", "2025-09-04"].iter().map(|t| row(2, "LC_Retargeting_Web_Visitors", t, "20.00")).collect();
    let out = import(&p, &second, "meta", &BTreeMap::new()).unwrap();
    assert_eq!(out.replaced, 1);
    let total: Decimal = out.actuals.iter().map(|a| a.spend).sum();
    assert_eq!(total, d("10.00") * d("2") + d("20.00") * d("2") + d("1.00"));
    assert_eq!(out.actuals.len(), 5);
}

fn pacing_plan() -> Plan {
    let mut p = plan();
    p.lines.truncate(2);
    p.budget = d("5300.00");
    // A: linear 28 days at 2,800.00 = 100.00 a day. B: weeks weighted 1:3:0:1 on 2,500.00.
    p.lines[0].budget = Some(d("2800.00"));
    p.lines[1].budget = Some(d("2500.00"));
    p.lines[1].weights = Some(vec![d("1"), d("3"), d("0"), d("1")]);
    for k in 0..10 {
        let date = day("2025-09-01") + chrono::Duration::days(k);
        for (line, spend) in [("meta-pro", "120.00"), ("meta-rt", "100.00")] {
            p.actuals.push(Actual {
                line: line.into(),
                start: date,
                end: date,
                spend: d(spend),
                impressions: None,
                clicks: None,
                conversions: None,
                revenue: None,
                source: String::new(),
            });
        }
    }
    p
}

#[test]
fn pacing_linear_flight_hand_checked() {
    let r = pacing(&pacing_plan(), day("2025-09-10")).unwrap();
    let a = &r.lines[0].pace;
    assert_eq!(a.expected, d("1000.00"));
    assert_eq!(a.actual, d("1200.00"));
    assert_eq!(a.variance, d("200.00"));
    assert_eq!(a.pace_pct, Some(d("120.0")));
    assert_eq!(a.projected, Some(d("3360.00")));
    assert_eq!(a.days_left, 18);
    assert_eq!(a.daily_needed, Some(d("88.89")));
    assert_eq!(a.alert, Some(PaceAlert::Overpacing));
}

#[test]
fn pacing_weighted_flight_hand_checked() {
    let r = pacing(&pacing_plan(), day("2025-09-10")).unwrap();
    let b = &r.lines[1].pace;
    // 500 (week 1) + 1,500 × 3/7 (Mon–Wed of week 2) = 1,142.857…
    assert_eq!(b.expected, d("1142.86"));
    assert_eq!(b.actual, d("1000.00"));
    assert_eq!(b.pace_pct, Some(d("87.5")));
    assert_eq!(b.projected, Some(d("2187.50")));
    // 4 days left in week 2, the hiatus week does not count, 7 in week 4.
    assert_eq!(b.days_left, 11);
    assert_eq!(b.daily_needed, Some(d("136.36")));
    assert_eq!(b.alert, Some(PaceAlert::Underpacing));
    let t = &r.total;
    assert_eq!(t.expected, d("2142.86"));
    assert_eq!(t.actual, d("2200.00"));
    assert_eq!(t.pace_pct, Some(d("102.7")));
    assert_eq!(t.alert, None);
    // Chart: cumulative planned and actual per week.
    let w = &r.lines[1].weeks;
    assert_eq!(w.iter().map(|x| x.planned_cumulative).collect::<Vec<_>>(), vec![d("500.00"), d("2000.00"), d("2000.00"), d("2500.00")]);
    assert_eq!(w[1].actual_cumulative, Some(d("1000.00")));
    assert_eq!(w[2].actual_cumulative, None);
}

#[test]
fn thresholds_are_plan_settings() {
    let mut p = pacing_plan();
    p.monitoring.over_pace_pct = d("125");
    let r = pacing(&p, day("2025-09-10")).unwrap();
    assert_eq!(r.lines[0].pace.alert, None);
}

/// One line, `meta-pro` (CPA target 25.00), with one day of the given delivery.
fn judged(spend: &str, clicks: &str, conversions: &str) -> Plan {
    let mut p = plan();
    p.lines.truncate(1);
    p.budget = d("4000.00");
    p.actuals.push(Actual {
        line: "meta-pro".into(),
        start: day("2025-09-05"),
        end: day("2025-09-05"),
        spend: d(spend),
        impressions: Some(d("100000")),
        clicks: Some(d(clicks)),
        conversions: Some(d(conversions)),
        revenue: None,
        source: String::new(),
    });
    p
}

fn advice(p: &Plan) -> (Action, String) {
    let r = review(p, day("2025-09-07")).unwrap();
    (r.recommendations[0].action, r.recommendations[0].reason.clone())
}

#[test]
fn cut_when_cpa_is_over_target_by_more_than_30pct() {
    // 40 conversions at 33.00 = 32% over 25.00.
    let (a, why) = advice(&judged("1320.00", "900", "40"));
    assert_eq!(a, Action::Cut, "{why}");
    assert!(why.contains("CPA $33.00 vs target $25.00 on 40 conversions") && why.contains("32.0% worse"), "{why}");
}

#[test]
fn scale_when_cpa_is_20pct_under_target_with_room() {
    // 40 conversions at 19.00 = 24% under; spend 760 against 1,000 expected by day 7 (76%).
    let (a, why) = advice(&judged("760.00", "900", "40"));
    assert_eq!(a, Action::Scale, "{why}");
    assert!(why.contains("24.0% better") && why.contains("pacing 76.0%"), "{why}");
}

#[test]
fn hold_when_cheap_but_no_room_left() {
    // 80 conversions at 15.00 but 1,200 spent against 1,000 expected: over-pacing.
    let (a, why) = advice(&judged("1200.00", "900", "80"));
    assert_eq!(a, Action::Hold, "{why}");
    assert!(why.contains("already pacing at 120.0%"), "{why}");
}

#[test]
fn hold_inside_the_thresholds() {
    let (a, why) = advice(&judged("1040.00", "900", "40"));
    assert_eq!(a, Action::Hold, "{why}");
    assert!(why.contains("26.00") && why.contains("4.0% worse"), "{why}");
}

#[test]
fn not_enough_data_below_the_event_minimum() {
    let (a, why) = advice(&judged("400.00", "150", "12"));
    assert_eq!(a, Action::NotEnoughData, "{why}");
    assert_eq!(why, "12 conversions so far; 30 needed before judging CPA");
}

#[test]
fn fix_tracking_when_clicks_bring_no_conversions() {
    let (a, why) = advice(&judged("500.00", "450", "0"));
    assert_eq!(a, Action::FixTracking, "{why}");
    assert!(why.starts_with("450 clicks and $500.00 spent but 0 conversions"), "{why}");
}

#[test]
fn hold_without_a_target() {
    let mut p = judged("500.00", "450", "40");
    p.goal = None;
    let (a, why) = advice(&p);
    assert_eq!(a, Action::Hold);
    assert!(why.contains("no KPI target"), "{why}");
}

#[test]
fn learning_status_counts_the_last_7_days() {
    let p = judged("1320.00", "900", "40");
    let r = review(&p, day("2025-09-07")).unwrap();
    let l = r.performance[0].learning.as_ref().unwrap();
    assert_eq!(l.events_last_7_days, d("40"));
    assert_eq!(l.threshold, 50);
    assert_eq!(format!("{:?}", l.state), "Learning");
    assert_eq!(r.performance[0].actual.cpa, Some(d("33.00")));
    assert_eq!(r.performance[0].planned.cpm, Some(d("9.00")));
    // A week later the events have aged out.
    let r = review(&p, day("2025-09-12")).unwrap();
    assert_eq!(r.performance[0].learning.as_ref().unwrap().events_last_7_days, d("0"));
}

/// A CTV line's report has impressions but no clicks: its CTR is unknown, not 0.00%, and CPC
/// too; a line whose report does carry clicks gets both.
#[test]
fn a_count_no_report_carried_leaves_its_ratios_unknown() {
    let mut p = flightplan_core::sample_plan();
    let actual = |line: &str, clicks: Option<&str>| Actual {
        line: line.into(),
        start: day("2027-01-04"),
        end: day("2027-01-10"),
        spend: d("2000.00"),
        impressions: Some(d("62500")),
        clicks: clicks.map(d),
        conversions: None,
        revenue: None,
        source: String::new(),
    };
    p.actuals = vec![actual("ctv-ttd", None), actual("meta-pros", Some("625"))];
    let perf = flightplan_core::performance::performance(&p, day("2027-01-10")).unwrap();
    let ctv = perf.iter().find(|l| l.line == "ctv-ttd").unwrap();
    assert_eq!(ctv.actual.cpm, Some(d("32.00")));
    assert_eq!((ctv.actual.ctr, ctv.actual.cpc, ctv.actual.cvr), (None, None, None));
    let meta = perf.iter().find(|l| l.line == "meta-pros").unwrap();
    assert_eq!((meta.actual.ctr, meta.actual.cpc), (Some(d("0.010000")), Some(d("3.20"))));
    assert_eq!(meta.actual.cvr, None, "no conversions were reported");
}
