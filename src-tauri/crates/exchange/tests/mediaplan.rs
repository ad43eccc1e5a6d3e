//! mediaplanschema in and out: every exported document validates against the shared 3.0
//! schema; the shared 2.0 example imports with its figures; an imported document exports back
//! the same; line items in another currency convert at their stated rate or are refused.
#![allow(clippy::type_complexity, clippy::too_many_arguments)]

mod common;

use flightplan_core::compute;
use flightplan_core::plan::Plan;
use flightplan_core::Dec;
use flightplan_exchange::{
    commit_import, import_plan, preview_import, read_plan_source, same_json, write_mediaplan, ImportChoices, ImportFormat, ProblemLevel,
};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::str::FromStr;

fn shared(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/formats/mediaplanschema-3.0").join(name)
}

fn read_json(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(shared(name)).unwrap()).unwrap()
}

fn d(s: &str) -> Dec {
    Dec::from_str(s).unwrap()
}

/// The 3.0 schema with its `$ref`ed files registered, dates and date-times checked.
fn validator() -> jsonschema::Validator {
    let base = "https://flightplan.invalid/mediaplanschema/3.0/";
    let mut registry = jsonschema::Registry::new();
    for f in ["campaign.schema.json", "lineitem.schema.json", "dictionary.schema.json"] {
        registry = registry.add(format!("{base}{f}"), read_json(f)).unwrap();
    }
    let registry = registry.prepare().unwrap();
    jsonschema::options().with_base_uri(base).with_registry(&registry).should_validate_formats(true).build(&read_json("mediaplan.schema.json")).unwrap()
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc).map(|e| format!("{}: {}", e.instance_path(), e)).collect()
}

fn fixtures() -> Vec<(String, Plan)> {
    common::fixture_plans()
}

fn import_example(currency: Option<&str>) -> Result<(Plan, flightplan_exchange::ImportPreview), Vec<flightplan_core::Error>> {
    let bytes = std::fs::read(shared("example_mediaplan_v2.0.json")).unwrap();
    let choices = ImportChoices { currency: currency.map(str::to_string), ..Default::default() };
    import_plan(&bytes, "example_mediaplan_v2.0.json", None, &choices)
}

#[test]
fn the_validator_catches_a_broken_document() {
    let v = validator();
    let broken = json!({"meta": {"id": "x", "schema_version": "3.0", "created_by_name": "A", "created_at": "yesterday"},
                        "campaign": {"id": "c", "name": "C", "start_date": "2027-01-04", "end_date": "2027-02-30", "budget_total": "10"},
                        "lineitems": [{"id": "l", "name": "L", "start_date": "2027-01-04", "end_date": "2027-01-10"}]});
    let found = errors(&v, &broken);
    // created_at, end_date, budget_total's type and the missing cost_total (from lineitem.schema.json).
    assert!(found.len() >= 4, "{found:#?}");
    assert!(found.iter().any(|e| e.contains("/lineitems/0") && e.contains("cost_total")), "{found:#?}");
}

#[test]
fn every_exported_document_validates_against_the_schema() {
    let v = validator();
    let mut checked = 0;
    for (name, plan) in fixtures() {
        let plan = flightplan_core::scenario::presented_plan(&plan).unwrap();
        let doc = write_mediaplan(&plan, &compute(&plan).unwrap(), "2027-01-04T09:00:00Z").unwrap();
        assert_eq!(errors(&v, &doc), Vec::<String>::new(), "{name}");
        assert_eq!(doc["lineitems"].as_array().unwrap().len(), plan.lines.len());
        checked += 1;
    }
    // And a plan imported from the 2.0 example, as imported and after an edit.
    let (mut plan, _) = import_example(None).unwrap();
    let doc = write_mediaplan(&plan, &compute(&plan).unwrap(), "2027-01-04T09:00:00Z").unwrap();
    assert_eq!(errors(&v, &doc), Vec::<String>::new(), "the 2.0 example");
    plan.lines[0].budget = Some(Dec(d("300000.00").0));
    plan.fees.agency_commission_pct = Dec(d("10").0);
    let doc = write_mediaplan(&plan, &compute(&plan).unwrap(), "2027-01-04T09:00:00Z").unwrap();
    assert_eq!(errors(&v, &doc), Vec::<String>::new(), "the 2.0 example, edited");
    assert!(checked >= 7);
}

#[test]
fn the_v2_example_imports_with_its_figures() {
    let (plan, preview) = import_example(None).unwrap();
    assert_eq!(preview.source, "mediaplanschema 2.0");
    assert_eq!(plan.name, "GlobalTech Innovation Awareness Q2 2025");
    assert_eq!(plan.client, "GlobalTech Corporation");
    assert_eq!(plan.brand, "GlobalTech AI Platform v3.0");
    // No budget_currency: every line item says USD.
    assert_eq!(plan.currency, "USD");
    assert!(preview.currency_source.as_deref().unwrap().contains("cost_currency"));
    assert_eq!((plan.start.to_string(), plan.end.to_string()), ("2025-07-01".into(), "2025-09-30".into()));
    assert_eq!(plan.budget, d("850000.00"));
    assert_eq!(plan.prepared_by, "Sarah Johnson");
    assert_eq!(plan.status, flightplan_core::plan::PlanStatus::Live);
    let goal = plan.goal.as_ref().unwrap();
    assert_eq!((goal.objective, goal.description.as_str()), (flightplan_core::plan::Funnel::Awareness, "Brand Awareness"));
    assert_eq!(plan.audience.segments[0].name, "Tech Professionals 25-45");

    let ids: Vec<&str> = plan.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["li_linkedin_display_001", "li_youtube_video_002", "li_programmatic_display_003", "li_twitter_promoted_004"]);
    let li = &plan.lines[0];
    assert_eq!((li.channel.as_str(), li.vendor.as_str()), ("Digital", "LinkedIn"));
    assert_eq!(plan.lines[2].vendor, "Premium Tech Publisher Network");
    let view = compute(&plan).unwrap();
    // cost_media is net media (cost_total 320,000 is 280,000 of media and 40,000 of buying,
    // platform, data and creative costs); the line's CPM is the shortest rate that gives its
    // impressions.
    let got: Vec<(Dec, Option<Dec>, Option<Dec>, Option<Dec>, Option<Dec>)> =
        view.lines.iter().map(|l| (l.net, l.rate.map(|r| Dec(r.normalize())), l.impressions, l.clicks, l.views)).collect();
    assert_eq!(
        got,
        vec![
            (d("280000.00"), Some(d("23.333333")), Some(d("12000000")), Some(d("180000")), Some(d("8500000"))),
            (d("245000.00"), Some(d("13.243243")), Some(d("18500000")), Some(d("225000")), Some(d("14200000"))),
            (d("165000.00"), Some(d("18.539326")), Some(d("8900000")), Some(d("89000")), None),
            (d("62000.00"), Some(d("11.923077")), Some(d("5200000")), Some(d("78000")), None),
        ]
    );
    assert_eq!(view.totals.net_media, d("752000.00"));
    // The budget's other 98,000 goes to costs that are not media: not costed, and said so per line.
    assert_eq!(view.totals.unallocated, d("98000.00"));
    let other: Vec<(&str, &str)> =
        preview.problems.iter().filter(|p| p.code == "other_costs").map(|p| (p.at.path.as_deref().unwrap(), p.message.as_str())).collect();
    assert_eq!(other.len(), 4, "{other:#?}");
    assert_eq!(other[0].0, "lineitems[0]");
    assert!(
        other[0].1.starts_with("cost_buying 16000.00, cost_platform 12000.00, cost_data 8000.00, cost_creative 4000.00 (40000.00 in all) are not media"),
        "{}",
        other[0].1
    );
    assert_eq!(view.totals.impressions, Some(d("44600000")));
    // The agency fee differs by line, so it is kept in the document, not costed.
    assert!(preview.problems.iter().any(|p| p.code == "fee_kept" && p.level == ProblemLevel::Info), "{:#?}", preview.problems);
    assert_eq!(view.totals.fees, d("0.00"));
}

#[test]
fn an_imported_document_exports_back_the_same() {
    let original = read_json("example_mediaplan_v2.0.json");
    let (plan, _) = import_example(None).unwrap();
    let doc = write_mediaplan(&plan, &compute(&plan).unwrap(), "2030-01-01T00:00:00Z").unwrap();
    // The same document, in its 3.0 form: audience and locations as lists, the dictionary renamed.
    let mut expected = original.clone();
    expected["meta"]["schema_version"] = json!("3.0");
    let c = expected["campaign"].as_object_mut().unwrap();
    for k in ["audience_name", "audience_age_start", "audience_age_end", "audience_gender", "audience_interests", "location_type", "locations"] {
        c.remove(k);
    }
    c.insert(
        "target_audiences".into(),
        json!([{"name": "Tech Professionals 25-45", "demo_age_start": 25, "demo_age_end": 45, "demo_gender": "Any",
                "interest_attributes": "Technology, Artificial Intelligence, Business Software, Data Analytics, Enterprise Solutions"}]),
    );
    c.insert(
        "target_locations".into(),
        json!([{"name": "United States, Canada, United Kingdom, Germany, Australia", "location_type": "Country",
                "location_list": ["United States", "Canada", "United Kingdom", "Germany", "Australia"]}]),
    );
    let dims = expected["dictionary"].as_object_mut().unwrap().remove("custom_dimensions").unwrap();
    expected["dictionary"]["lineitem_custom_dimensions"] = dims;
    assert!(same_json(&doc, &expected), "{}\n---\n{}", serde_json::to_string_pretty(&doc).unwrap(), serde_json::to_string_pretty(&expected).unwrap());

    // An edit changes only what it touches: the line's cost and the delivery it buys.
    let mut edited = plan.clone();
    edited.lines[3].budget = Some(Dec(d("80000.00").0));
    let doc2 = write_mediaplan(&edited, &compute(&edited).unwrap(), "2030-01-01T00:00:00Z").unwrap();
    let (a, b) = (&doc["lineitems"][3], &doc2["lineitems"][3]);
    let changed: Vec<&String> = a.as_object().unwrap().keys().filter(|k| !same_json(&a[k.as_str()], &b[k.as_str()])).collect();
    assert_eq!(changed, ["cost_media", "cost_total", "metric_impressions"]);
    // Net media is cost_media; cost_total keeps the item's 8,000 of other costs on top.
    assert_eq!((&b["cost_media"], &b["cost_total"]), (&json!(80000), &json!(88000)));
    assert_eq!(b["metric_impressions"], json!(6709677));
    assert!(same_json(&doc["lineitems"][0], &doc2["lineitems"][0]));
    // What only Flightplan knows about the edited plan travels in custom_properties.
    let mut fees = plan.clone();
    fees.fees.tech_fee_pct = Dec(d("2").0);
    let doc3 = write_mediaplan(&fees, &compute(&fees).unwrap(), "2030-01-01T00:00:00Z").unwrap();
    assert_eq!(doc3["campaign"]["custom_properties"]["flightplan"]["fees"]["tech_fee_pct"], json!("2"));
    let (back, _) = import_plan(&serde_json::to_vec(&doc3).unwrap(), "back.mediaplan.json", None, &ImportChoices::default()).unwrap();
    assert_eq!(back.fees.tech_fee_pct, d("2"));
    assert_eq!(compute(&back).unwrap().totals.tech_fee, compute(&fees).unwrap().totals.tech_fee);
}

fn one_line_doc(extra: Value, budget_currency: Option<&str>) -> Vec<u8> {
    let mut li = json!({"id": "li1", "name": "Display EU", "start_date": "2027-01-04", "end_date": "2027-01-31",
                        "channel": "Digital", "vehicle": "Publisher", "cost_total": 1000, "metric_impressions": 100000});
    for (k, v) in extra.as_object().unwrap() {
        li[k] = v.clone();
    }
    let mut doc = json!({"meta": {"id": "m", "schema_version": "3.0", "created_by_name": "A", "created_at": "2027-01-01T00:00:00Z"},
                         "campaign": {"id": "c", "name": "C", "advertiser_name": "Acme", "start_date": "2027-01-04", "end_date": "2027-01-31", "budget_total": 5000},
                         "lineitems": [li]});
    if let Some(c) = budget_currency {
        doc["campaign"]["budget_currency"] = json!(c);
    }
    serde_json::to_vec(&doc).unwrap()
}

#[test]
fn another_currency_converts_at_its_stated_rate_or_is_refused() {
    let bytes = one_line_doc(json!({"cost_currency": "EUR", "cost_currency_exchange_rate": 1.0837}), Some("USD"));
    let (plan, preview) = import_plan(&bytes, "eu.json", None, &ImportChoices::default()).unwrap();
    assert_eq!(plan.lines[0].budget, Some(d("1083.70")));
    let c = &preview.conversions[0];
    assert_eq!((c.line.as_str(), c.from.as_str(), c.to.as_str(), c.amount, c.rate, c.converted), ("li1", "EUR", "USD", d("1000"), d("1.0837"), d("1083.70")));
    // Rounded half away from zero to the cent.
    let bytes = one_line_doc(json!({"cost_currency": "EUR", "cost_total": 1000.05, "cost_currency_exchange_rate": 1.1}), Some("USD"));
    let (plan, _) = import_plan(&bytes, "eu.json", None, &ImportChoices::default()).unwrap();
    assert_eq!(plan.lines[0].budget, Some(d("1100.06")));

    let bytes = one_line_doc(json!({"cost_currency": "EUR"}), Some("USD"));
    let errs = import_plan(&bytes, "eu.json", None, &ImportChoices::default()).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0].code, "currency_mismatch");
    assert_eq!(errs[0].path.as_deref(), Some("lineitems[0].cost_currency"));
    assert_eq!(errs[0].line.as_deref(), Some("li1"));
    assert!(errs[0].message.contains("EUR") && errs[0].message.contains("USD"), "{}", errs[0].message);
}

#[test]
fn a_document_without_a_currency_needs_one() {
    let bytes = one_line_doc(json!({}), None);
    let source = read_plan_source(&bytes, "nocur.json", Some(ImportFormat::Mediaplan)).unwrap();
    let preview = preview_import(&source, &ImportChoices::default());
    assert!(!preview.ready());
    let errs = commit_import(&preview).unwrap_err();
    assert_eq!((errs[0].code.as_str(), errs[0].path.as_deref()), ("no_currency", Some("campaign.budget_currency")));
    // The planner's choice in the preview (or --currency) settles it, and changes nothing else.
    let chosen = preview_import(&source, &ImportChoices { currency: Some("GBP".into()), ..Default::default() });
    let plan = commit_import(&chosen).unwrap();
    assert_eq!((plan.currency.as_str(), plan.lines[0].budget), ("GBP", Some(d("1000.00"))));
    // A choice that contradicts the document is refused.
    let bytes = one_line_doc(json!({}), Some("EUR"));
    let errs = import_plan(&bytes, "eur.json", None, &ImportChoices { currency: Some("USD".into()), ..Default::default() }).unwrap_err();
    assert_eq!(errs[0].code, "currency_conflict");
}

#[test]
fn bad_documents_name_the_json_path() {
    let cases: [(&[u8], &str, Option<&str>); 5] = [
        (b"{\"meta\": {", "invalid_json", None),
        (br#"{"meta": {"schema_version": "1.0"}, "campaign": {}, "lineitems": []}"#, "unsupported_version", Some("meta.schema_version")),
        (br#"{"campaign": {}, "lineitems": []}"#, "not_mediaplan", Some("")),
        (
            br#"{"meta": {"schema_version": "3.0"}, "campaign": {"name": "C", "advertiser_name": "A", "budget_currency": "USD", "start_date": "2027-01-04", "end_date": "2027-01-31", "budget_total": 10},
                "lineitems": [{"id": "a", "name": "A", "start_date": "2027-02-30", "end_date": "2027-01-31", "cost_total": 10}]}"#,
            "bad_date",
            Some("lineitems[0].start_date"),
        ),
        (
            br#"{"meta": {"schema_version": "3.0"}, "campaign": {"name": "C", "advertiser_name": "A", "budget_currency": "USD", "start_date": "2027-01-04", "end_date": "2027-01-31", "budget_total": 10},
                "lineitems": [{"id": "a", "name": "A", "start_date": "2027-01-04", "end_date": "2027-01-31", "cost_total": -5}]}"#,
            "negative_value",
            Some("lineitems[0].cost_total"),
        ),
    ];
    for (bytes, code, path) in cases {
        let errs = import_plan(bytes, "bad.json", Some(ImportFormat::Mediaplan), &ImportChoices::default()).unwrap_err();
        assert_eq!(errs[0].code, code, "{errs:#?}");
        if let Some(p) = path {
            assert_eq!(errs[0].path.as_deref(), Some(p), "{errs:#?}");
        }
        assert_eq!(errs[0].file.as_deref(), Some("bad.json"), "{errs:#?}");
    }
}

#[test]
fn a_line_item_without_a_cost_is_listed_not_dropped() {
    let mut doc: Value = serde_json::from_slice(&one_line_doc(json!({}), Some("USD"))).unwrap();
    let mut second = doc["lineitems"][0].clone();
    second["id"] = json!("li2");
    second.as_object_mut().unwrap().remove("cost_total");
    doc["lineitems"].as_array_mut().unwrap().push(second);
    let (plan, preview) = import_plan(&serde_json::to_vec(&doc).unwrap(), "nocost.json", None, &ImportChoices::default()).unwrap();
    assert_eq!(plan.lines.len(), 2);
    assert_eq!(preview.rows_without_cost, ["li2"]);
    assert_eq!(plan.lines[1].budget, Some(d("0.00")));
    assert!(preview.problems.iter().any(|p| p.code == "no_cost" && p.at.path.as_deref() == Some("lineitems[1].cost_total")));
}
