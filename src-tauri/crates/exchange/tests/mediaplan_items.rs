//! mediaplanschema line items as other tools write them back: Flightplan's own details with
//! numbers where Flightplan wrote strings, details that do not read, and the nulls the schema
//! allows. No line item is ever missing without an error naming it; a detail that cannot be
//! carried is a warning naming its JSON path.

#![allow(clippy::type_complexity)]

use flightplan_core::compute;
use flightplan_exchange::{commit_import, preview_import, read_plan_source, write_mediaplan, ImportChoices, ImportPreview, ProblemLevel};
use serde_json::{json, Value};

/// The audit's two-line document (Meta with `props` as its Flightplan details, Search plain),
/// with `meta_extra` merged over the Meta line item.
fn doc(props: Option<Value>, meta_extra: Value) -> Vec<u8> {
    let mut meta = json!({"id": "l1", "name": "Meta", "start_date": "2027-01-04", "end_date": "2027-03-28", "channel": "Social",
        "vehicle": "Meta", "cost_total": 10000, "cost_currency": "USD", "metric_impressions": 1000000});
    if let Some(p) = props {
        meta["custom_properties"] = json!({ "flightplan": p });
    }
    for (k, v) in meta_extra.as_object().unwrap() {
        meta[k] = v.clone();
    }
    let d = json!({
        "meta": {"id": "m1", "schema_version": "3.0", "created_by_name": "QA", "created_at": "2027-01-01T00:00:00Z"},
        "campaign": {"id": "c1", "name": "Edge", "advertiser_name": "Acme", "start_date": "2027-01-04", "end_date": "2027-03-28",
            "budget_total": 30000, "budget_currency": "USD"},
        "lineitems": [meta, {"id": "l2", "name": "Search", "start_date": "2027-01-04", "end_date": "2027-03-28", "channel": "Search",
            "vehicle": "Google", "cost_total": 20000, "cost_currency": "USD", "metric_clicks": 10000}]
    });
    serde_json::to_vec(&d).unwrap()
}

fn preview(bytes: &[u8]) -> ImportPreview {
    preview_import(&read_plan_source(bytes, "doc.mediaplan.json", None).unwrap(), &ImportChoices::default())
}

fn problems(p: &ImportPreview, level: ProblemLevel) -> Vec<(String, String)> {
    p.problems.iter().filter(|x| x.level == level).map(|x| (x.code.clone(), x.at.path.clone().unwrap_or_default())).collect()
}

#[test]
fn flightplan_details_read_as_text_or_are_named_never_drop_the_line() {
    let fp = "lineitems[0].custom_properties.flightplan";
    // A rate of 12.5 buys 800,000 impressions, not the 1,000,000 the item states (which gives 10).
    let disagree = "lineitems[0].metric_impressions".to_string();
    // (Meta's Flightplan details, its rate and notes as read, the warnings, the errors)
    let cases: [(Value, &str, &str, Vec<String>, Vec<String>); 6] = [
        (json!({"pricing": "cpm", "rate": 12.5}), "12.5", "", vec![disagree.clone()], vec![]),
        (json!({"notes": 5}), "10", "5", vec![], vec![]),
        (json!({"pricing": "cpm", "rate": "12.5", "notes": ["a"]}), "12.5", "", vec![format!("{fp}.notes"), disagree], vec![]),
        (json!("hello"), "10", "", vec![fp.to_string()], vec![]),
        (json!({"pricing": "cpm", "rate": {"v": 12.5}}), "10", "", vec![], vec![format!("{fp}.rate")]),
        (json!({"pricing": "per_fortnight"}), "10", "", vec![], vec![format!("{fp}.pricing")]),
    ];
    for (props, rate, notes, warnings, errors) in cases {
        let p = preview(&doc(Some(props.clone()), json!({})));
        let names: Vec<&str> = p.plan.lines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Meta", "Search"], "{props}: {:?}", p.problems);
        let meta = &p.plan.lines[0];
        assert_eq!((meta.rate.map(|r| r.to_string()).unwrap_or_default().as_str(), meta.notes.as_str()), (rate, notes), "{props}");
        let paths = |level| problems(&p, level).into_iter().map(|(_, path)| path).collect::<Vec<_>>();
        assert_eq!(paths(ProblemLevel::Warning), warnings, "{props}");
        assert_eq!(paths(ProblemLevel::Error), errors, "{props}");
        if errors.is_empty() {
            let totals = p.totals.as_ref().expect("the plan costs");
            assert_eq!(totals.net_media.to_string(), "30000.00", "{props}");
        }
    }
}

#[test]
fn nulls_the_schema_allows_are_read_as_not_given() {
    // (fields set to null on the Meta line item, Meta's net media, the warnings' codes)
    let cases: [(&[&str], &str, &[&str]); 4] = [
        (&["cost_total"], "0.00", &["no_cost"]),
        (&["cost_minimum", "cost_maximum", "kpi", "kpi_value", "vehicle", "cost_currency", "metric_impressions"], "10000.00", &[]),
        (&["start_date", "buy_type", "cost_currency_exchange_rate", "custom_properties"], "10000.00", &[]),
        (&["metric_clicks", "channel_custom", "partner", "name"], "10000.00", &["no_name"]),
    ];
    for (keys, net, warnings) in cases {
        let mut extra = json!({});
        for k in keys {
            extra[*k] = Value::Null;
        }
        let p = preview(&doc(None, extra));
        assert!(p.ready(), "{keys:?}: {:?}", p.problems);
        assert_eq!(p.plan.lines.len(), 2, "{keys:?}");
        let codes: Vec<String> = problems(&p, ProblemLevel::Warning).into_iter().map(|(c, _)| c).collect();
        assert_eq!(codes, *warnings, "{keys:?}");
        assert_eq!(p.lines[0].net.map(|n| n.to_string()).as_deref(), Some(net), "{keys:?}");
    }
    // The campaign's nulls too: no budget (the lines' costs are its budget), no advertiser.
    let mut d: Value = serde_json::from_slice(&doc(None, json!({}))).unwrap();
    for k in ["budget_total", "advertiser_name", "objective", "product_name", "kpi_name1", "kpi_value1", "target_audiences"] {
        d["campaign"][k] = Value::Null;
    }
    let p = preview(&serde_json::to_vec(&d).unwrap());
    assert!(p.ready(), "{:?}", p.problems);
    let codes: Vec<String> = problems(&p, ProblemLevel::Warning).into_iter().map(|(c, _)| c).collect();
    assert_eq!(codes, ["no_client", "no_budget"]);
    assert_eq!(p.plan.budget.to_string(), "30000.00");
    // Exported unchanged, the document keeps its nulls.
    let plan = commit_import(&p).unwrap();
    let back = write_mediaplan(&plan, &compute(&plan).unwrap(), "2027-01-01T00:00:00Z").unwrap();
    assert_eq!((&back["campaign"]["objective"], &back["campaign"]["budget_total"]), (&Value::Null, &Value::Null), "{}", back["campaign"]);
}

#[test]
fn an_out_of_home_item_costs_its_faces_and_its_cost_total_is_checked() {
    // 12 faces × 12 weeks × 350.00 = 50,400.00. (cost_total, the warnings)
    for (cost, warnings) in [(50400, vec![]), (20000, vec![("figures_disagree".to_string(), "lineitems[0]".to_string())])] {
        let props = json!({"pricing": "per_face_week", "rate": "350.00", "faces": 12, "medium": "ooh"});
        let p = preview(&doc(Some(props), json!({"cost_total": cost, "metric_impressions": null})));
        assert!(p.ready(), "{cost}: {:?}", p.problems);
        assert_eq!((p.plan.lines[0].faces, p.plan.lines[0].budget), (Some(12), None), "{cost}");
        assert_eq!(p.lines[0].net.map(|n| n.to_string()).as_deref(), Some("50400.00"), "{cost}");
        assert_eq!(problems(&p, ProblemLevel::Warning), warnings, "{cost}");
    }
}

#[test]
fn net_media_is_cost_media_and_the_other_components_are_named() {
    // (Meta's cost fields, its net media or "-" when refused, the problems' codes)
    let cases: [(Value, &str, &[&str]); 7] = [
        (json!({"cost_total": 10000}), "10000.00", &[]),
        (json!({"cost_media": 9000, "cost_total": null}), "9000.00", &[]),
        (json!({"cost_media": 9000, "cost_buying": 1000}), "9000.00", &["other_costs"]),
        (json!({"cost_media": 9000, "cost_total": 10000, "cost_buying": 600, "cost_creative": 400}), "9000.00", &["other_costs"]),
        (json!({"cost_media": 9000, "cost_total": 12000, "cost_buying": 1000}), "9000.00", &["figures_disagree", "other_costs"]),
        (json!({"cost_total": 10000, "cost_data": 500}), "9500.00", &["net_media_derived", "other_costs"]),
        (json!({"cost_total": 100, "cost_data": 500}), "-", &["invalid_field", "other_costs"]),
    ];
    for (costs, net, codes) in cases {
        let p = preview(&doc(None, costs.clone()));
        let got: Vec<&str> = p.problems.iter().filter(|x| x.line.as_deref() == Some("l1")).map(|x| x.code.as_str()).collect();
        assert_eq!(got, codes, "{costs}");
        if net == "-" {
            assert!(!p.ready(), "{costs}");
        } else {
            assert_eq!(p.lines[0].net.map(|n| n.to_string()).as_deref(), Some(net), "{costs}: {:?}", p.problems);
        }
    }
}
