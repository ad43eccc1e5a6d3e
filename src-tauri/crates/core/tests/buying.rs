//! Stage 5 and the money trail: the launch checklist gating "live", status moves with an
//! override, the naming convention, and reconciliation of planned, delivered and invoiced.

use chrono::NaiveDate;
use flightplan_core::launch::{checklists, transition};
use flightplan_core::naming::campaign_name;
use flightplan_core::plan::{Actual, BudgetControl, Creative, Invoice, LineStatus, Plan};
use flightplan_core::read_plan;
use flightplan_core::reconcile::reconcile;
use flightplan_core::Dec;
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

#[test]
fn naming_convention_fills_the_template() {
    let p = plan();
    let t = p.monitoring.naming_template.clone().unwrap();
    assert_eq!(campaign_name(&t, &p, &p.lines[2]).unwrap(), "lakeside-coffee_google-search_conversion_202509");
    let full = "{client}_{channel}_{objective}_{audience}_{yyyymm}";
    assert_eq!(campaign_name(full, &p, &p.lines[3]).unwrap(), "lakeside-coffee_tiktok_consideration_coffee-lovers_202509");
    let e = campaign_name("{client}_{budget}", &p, &p.lines[0]).unwrap_err();
    assert_eq!(e.code, "naming_template");
    assert!(e.message.contains("{budget}"));
}

#[test]
fn live_is_gated_by_the_checklist_or_an_override() {
    let p = plan();
    let lists = checklists(&p).unwrap();
    let open: Vec<&str> = lists[1].iter().filter(|c| c.required && !c.done).map(|c| c.item).collect();
    assert_eq!(open, vec!["tracking_verified", "creative_ready", "naming_applied", "budget_control", "funded_above_learning"]);
    // 2,000 at CPC 1.00 and CVR 5% is a CPA of 20.00: 50 a week needs 1,000.00 a week; it has 500.00.
    let funded = lists[1].iter().find(|c| c.item == "funded_above_learning").unwrap();
    assert_eq!(funded.detail, "$500.00 a week against a learning minimum of $1,000.00");
    assert_eq!((funded.label, funded.short.as_str()), ("Funded above learning", "Learning"));
    // What each open item still needs, in running text: the detail goes in where it says more.
    let needs: Vec<&str> = lists[1].iter().filter(|c| !c.done).map(|c| c.needs.as_str()).collect();
    assert_eq!(
        needs,
        [
            "tracking verified",
            "creative ready (no creative listed)",
            "naming applied",
            "budget control",
            "IO signed",
            "funded above learning ($500.00 a week against a learning minimum of $1,000.00)",
        ]
    );
    let on = day("2025-08-28");
    // planned → live skips booking.
    assert_eq!(transition(&p, "meta-rt", LineStatus::Live, on, None).unwrap_err().code, "bad_transition");
    let booked = transition(&p, "meta-rt", LineStatus::Booked, on, None).unwrap();
    let e = transition(&booked, "meta-rt", LineStatus::Live, on, None).unwrap_err();
    assert_eq!(e.code, "launch_blocked");
    assert!(e.message.starts_with("cannot go live: tracking verified, creative ready"), "the items in words: {}", e.message);
    // An override without a reason is refused; with one it is recorded.
    assert!(transition(&booked, "meta-rt", LineStatus::Live, on, Some(("Sam", " "))).is_err());
    let live = transition(&booked, "meta-rt", LineStatus::Live, on, Some(("Sam Ortiz", "client approved test spend"))).unwrap();
    let l = &live.lines[1].launch;
    assert_eq!(l.status, LineStatus::Live);
    assert_eq!(l.override_.as_ref().unwrap().by, "Sam Ortiz");
    // With every item done, no override is needed.
    let mut ready = booked.clone();
    let line = &mut ready.lines[1];
    line.launch.tracking_verified = true;
    line.launch.naming_applied = true;
    line.launch.budget_control = Some(BudgetControl::Cbo);
    line.budget = Some(d("4000.00"));
    line.creative.push(Creative { format: "1080x1080 static".into(), count: 3, due: None, delivered: 3, notes: String::new() });
    let live = transition(&ready, "meta-rt", LineStatus::Live, on, None).unwrap();
    assert!(live.lines[1].launch.override_.is_none());
    let paused = transition(&live, "meta-rt", LineStatus::Paused, on, None).unwrap();
    let ended = transition(&paused, "meta-rt", LineStatus::Ended, on, None).unwrap();
    assert_eq!(transition(&ended, "meta-rt", LineStatus::Live, on, None).unwrap_err().code, "bad_transition");
}

#[test]
fn reconciliation_flags_invoices_off_delivery_beyond_tolerance() {
    let mut p = plan();
    for (line, date, spend) in [("meta-pro", "2025-09-10", "1000.00"), ("meta-rt", "2025-09-11", "500.00"), ("search", "2025-09-12", "2000.00")] {
        p.actuals.push(Actual {
            line: line.into(),
            start: day(date),
            end: day(date),
            spend: d(spend),
            impressions: None,
            clicks: None,
            conversions: None,
            revenue: None,
            source: String::new(),
        });
    }
    p.invoices.push(Invoice { vendor: "Meta".into(), month: "2025-09".into(), amount: d("1520.00"), number: "M-1".into(), line: None });
    p.invoices.push(Invoice { vendor: "Google".into(), month: "2025-09".into(), amount: d("2100.00"), number: "G-1".into(), line: None });
    let r = reconcile(&p).unwrap();
    let meta = r.iter().find(|v| v.vendor == "Meta").unwrap();
    assert_eq!((meta.planned, meta.delivered, meta.invoiced, meta.difference), (d("6000.00"), d("1500.00"), d("1520.00"), d("20.00")));
    assert!(!meta.flagged, "20.00 is within 2% of 1,500.00");
    let google = r.iter().find(|v| v.vendor == "Google").unwrap();
    assert_eq!(google.difference, d("100.00"));
    assert!(google.flagged, "100.00 is over 2% of 2,000.00");
    let tiktok = r.iter().find(|v| v.vendor == "TikTok").unwrap();
    assert_eq!((tiktok.planned, tiktok.delivered, tiktok.flagged), (d("3000.00"), d("0.00"), false));
}
