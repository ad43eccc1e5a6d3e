//! Flightplan's own exports import back to the same plan: plan → XLSX → plan, plan → CSV → plan
//! and plan → mediaplanschema → plan give the same lines and the same costed totals, to the
//! cent, on the sample plan and every fixture plan.
#![allow(clippy::type_complexity, clippy::too_many_arguments)]

mod common;

use flightplan_core::plan::{Plan, Pricing};
use flightplan_core::{compute, LineView, PlanView, Totals};
use flightplan_exchange::{import_plan, write_csv, write_mediaplan, write_xlsx, ImportChoices, ImportFormat};

fn fixtures() -> Vec<(String, Plan)> {
    // The exports present the plan as written (or its presented scenario).
    common::fixture_plans().into_iter().map(|(n, p)| (n, flightplan_core::scenario::presented_plan(&p).unwrap())).collect()
}

/// What a line is, as a planner reads it off the plan: every costed figure and the flight.
fn line_key(p: &Plan, v: &LineView, i: usize) -> String {
    let l = &p.lines[i];
    format!(
        "{} | {} | {:?} | {} | {} | {:?} | rate {:?} | {}..{} | net {} | imp {:?} clk {:?} conv {:?} views {:?} grps {:?} | comm {} ads {} tech {} | gross {}",
        v.channel,
        v.name,
        (v.medium, v.unit, v.units, l.spots, l.spot_length),
        l.vendor,
        v.pricing.label(),
        l.buying,
        v.rate.map(|r| r.normalize()),
        l.start,
        l.end,
        v.net,
        v.impressions,
        v.clicks,
        v.conversions,
        v.views,
        v.grps,
        v.agency_commission,
        v.ad_serving,
        v.tech_fee,
        v.gross
    )
}

fn money_totals(t: &Totals) -> String {
    format!(
        "net {} | comm {} | ads {} | tech {} | fees {} | gross {} | imp {:?} clk {:?} conv {:?} views {:?} grps {:?}",
        t.net_media, t.agency_commission, t.ad_serving, t.tech_fee, t.fees, t.gross, t.impressions, t.clicks, t.conversions, t.views, t.grps
    )
}

fn assert_same(name: &str, how: &str, a: &Plan, av: &PlanView, b: &Plan, bv: &PlanView, budget: bool, weeks: bool) {
    assert_eq!(a.lines.len(), b.lines.len(), "{name} via {how}: line count");
    for i in 0..a.lines.len() {
        assert_eq!(line_key(a, &av.lines[i], i), line_key(b, &bv.lines[i], i), "{name} via {how}: line {i}");
    }
    assert_eq!(money_totals(&av.totals), money_totals(&bv.totals), "{name} via {how}: totals");
    if budget {
        assert_eq!((av.totals.budget, av.totals.unallocated), (bv.totals.budget, bv.totals.unallocated), "{name} via {how}: budget");
        assert_eq!(
            (a.name.as_str(), a.client.as_str(), a.currency.as_str(), a.start, a.end),
            (b.name.as_str(), b.client.as_str(), b.currency.as_str(), b.start, b.end),
            "{name} via {how}: header"
        );
    }
    if weeks {
        let w = |v: &PlanView| v.totals.weeks.iter().map(|w| (w.week_start, w.net)).collect::<Vec<_>>();
        assert_eq!(w(av), w(bv), "{name} via {how}: weekly totals");
        for i in 0..a.lines.len() {
            let lw = |v: &PlanView| v.lines[i].weeks.iter().map(|w| (w.week_start, w.net, w.hiatus)).collect::<Vec<_>>();
            assert_eq!(lw(av), lw(bv), "{name} via {how}: weeks of line {i}");
        }
    }
}

fn import(bytes: &[u8], file: &str, format: ImportFormat, currency: Option<&str>) -> Plan {
    let choices = ImportChoices { currency: currency.map(str::to_string), ..Default::default() };
    match import_plan(bytes, file, Some(format), &choices) {
        Ok((plan, _)) => plan,
        Err(errors) => panic!("{file}: {errors:#?}"),
    }
}

#[test]
fn plan_to_xlsx_to_plan() {
    for (name, plan) in fixtures() {
        let view = compute(&plan).unwrap();
        let bytes = write_xlsx(&as_report(&plan, &view)).unwrap().0;
        let back = import(&bytes, &format!("{name}.xlsx"), ImportFormat::Xlsx, None);
        let back_view = compute(&back).unwrap();
        assert_same(&name, "XLSX", &plan, &view, &back, &back_view, true, true);
        let ids: Vec<&str> = plan.lines.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, back.lines.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), "{name}: ids");
        assert_eq!(plan.fees, back.fees, "{name}: fees");
        // The plan's own details besides its lines: the goal the checks judge it by, its
        // audience, status and version, its notes, and each line's creative list.
        let goal = |p: &Plan| p.goal.as_ref().map(|g| (g.objective, g.description.clone(), g.kpi, g.target.map(|t| t.normalize())));
        assert_eq!(goal(&plan), goal(&back), "{name}: goal");
        assert_eq!(
            (&plan.target_audience, &plan.audience.summary, plan.status, plan.version, plan.effective_frequency, &plan.notes),
            (&back.target_audience, &back.audience.summary, back.status, back.version, back.effective_frequency, &back.notes),
            "{name}: details and notes"
        );
        for (a, b) in plan.lines.iter().zip(&back.lines) {
            assert_eq!(a.creative, b.creative, "{name}: creative of {}", a.id);
        }
    }
}

#[test]
fn plan_to_csv_to_plan() {
    for (name, plan) in fixtures() {
        let view = compute(&plan).unwrap();
        let text = write_csv(&as_report(&plan, &view)).unwrap();
        let back = import(text.as_bytes(), &format!("{name}.csv"), ImportFormat::Csv, None);
        let back_view = compute(&back).unwrap();
        // A CSV of the lines carries no plan budget, header or weekly spread.
        assert_same(&name, "CSV", &plan, &view, &back, &back_view, false, false);
        assert_eq!(plan.currency, back.currency, "{name}: currency");
    }
}

#[test]
fn plan_to_mediaplan_to_plan() {
    for (name, plan) in fixtures() {
        let view = compute(&plan).unwrap();
        let doc = write_mediaplan(&plan, &view, "2027-01-04T09:00:00Z").unwrap();
        let bytes = serde_json::to_vec_pretty(&doc).unwrap();
        let back = import(&bytes, &format!("{name}.mediaplan.json"), ImportFormat::Mediaplan, None);
        let back_view = compute(&back).unwrap();
        assert_same(&name, "mediaplanschema", &plan, &view, &back, &back_view, true, true);
        // Everything else of the plan comes back too.
        let mut expected = plan.clone();
        let mut got = back.clone();
        got.extensions = Default::default();
        for l in expected.lines.iter_mut() {
            if l.budget.is_none() {
                l.share = None;
            }
        }
        for (e, v) in expected.lines.iter_mut().zip(&view.lines) {
            e.budget = Some(v.net);
        }
        // Decimals compare by value (a KPI target of 15.00 is written as the number 15).
        assert!(expected == got, "{name}: the whole plan differs:\n{}\n{}", flightplan_core::write_plan(&expected), flightplan_core::write_plan(&got));
    }
}

/// Every pricing model (a `match`, so a new model must be added here to be exported).
fn every_pricing() -> [Pricing; 8] {
    use Pricing::*;
    let all = [Cpm, Cpc, Cpa, Cpv, Cpp, Flat, PerFaceWeek, PerInsertion];
    for p in all {
        match p {
            Cpm | Cpc | Cpa | Cpv | Cpp | Flat | PerFaceWeek | PerInsertion => {}
        }
    }
    all
}

/// The sample plan with one line priced `p`, as a planner books it (out of home in faces, print
/// in insertions, each costing its units × rate).
fn priced(p: Pricing) -> Plan {
    let mut plan: serde_json::Value = serde_json::from_str(flightplan_core::SAMPLE_PLAN_JSON).unwrap();
    for k in ["scenarios", "actuals", "invoices", "comments", "learnings"] {
        plan.as_object_mut().unwrap().remove(k);
    }
    let mut line = serde_json::json!({"id": "l1", "channel": "Media", "name": "The line", "pricing": p, "start": "2027-02-01", "end": "2027-02-28"});
    let extra = match p {
        Pricing::Cpm => serde_json::json!({"rate": "9.50", "budget": "10000.00"}),
        Pricing::Cpc => serde_json::json!({"rate": "1.20", "budget": "6000.00"}),
        Pricing::Cpa => serde_json::json!({"rate": "25.00", "budget": "5000.00"}),
        Pricing::Cpv => serde_json::json!({"rate": "0.03", "budget": "3000.00"}),
        Pricing::Cpp => serde_json::json!({"rate": "17500.00", "budget": "35000.00", "medium": "tv"}),
        Pricing::Flat => serde_json::json!({"budget": "5000.00"}),
        Pricing::PerFaceWeek => serde_json::json!({"rate": "350.00", "faces": 12, "medium": "ooh", "channel": "OOH"}),
        Pricing::PerInsertion => serde_json::json!({"rate": "4000.00", "insertions": 3, "medium": "print", "channel": "Print"}),
    };
    for (k, v) in extra.as_object().unwrap() {
        line[k] = v.clone();
    }
    plan["lines"] = serde_json::json!([line]);
    flightplan_core::parse_plan(&plan.to_string()).unwrap_or_else(|e| panic!("{p:?}: {e:?}"))
}

#[test]
fn every_pricing_model_comes_back_through_every_export() {
    for p in every_pricing() {
        let plan = priced(p);
        let view = compute(&plan).unwrap();
        let report = as_report(&plan, &view);
        let doc = serde_json::to_vec(&write_mediaplan(&plan, &view, "2027-01-04T09:00:00Z").unwrap()).unwrap();
        let exports: [(&str, Vec<u8>, ImportFormat); 3] = [
            ("xlsx", write_xlsx(&report).unwrap().0, ImportFormat::Xlsx),
            ("csv", write_csv(&report).unwrap().into_bytes(), ImportFormat::Csv),
            ("mediaplan.json", doc, ImportFormat::Mediaplan),
        ];
        for (ext, bytes, format) in exports {
            let how = format!("{} via {ext}", p.label());
            let back = import(&bytes, &format!("plan.{ext}"), format, None);
            let back_view = compute(&back).unwrap();
            assert_same(&how, ext, &plan, &view, &back, &back_view, false, ext != "csv");
            assert_eq!((back.lines[0].pricing, back_view.lines[0].units), (p, view.lines[0].units), "{how}");
            // A unit-priced line's unit is its pricing's. (The medium, which gives other lines
            // theirs, is not read back from a spreadsheet.)
            if p.unit().is_some() {
                assert_eq!(back_view.lines[0].unit, view.lines[0].unit, "{how}");
            }
        }
    }
}

/// The report the rings pass the writers: this plan and its view, as of a fixed day.
fn as_report(plan: &flightplan_core::Plan, view: &flightplan_core::PlanView) -> flightplan_core::Report {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    flightplan_core::report::summarise(plan.clone(), view.clone(), day, None).unwrap()
}
