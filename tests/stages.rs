//! The commands behind stages 3, 5 and 6 and the file menu, invoked through Tauri's IPC on the
//! mock runtime: what the UI receives for the sample plan, each command's refusal in plain words,
//! and the files it writes.

mod common;

use common::{app_on, first_id, invoke, listed_names};
use flightplan_core::{compute, sample_plan};
use serde_json::{json, Value};

fn sample() -> Value {
    serde_json::to_value(sample_plan()).expect("serialises")
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir")
}

#[test]
fn the_launch_board_lists_every_line_with_its_checklist_moves_and_campaign_name() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let board = invoke(&h, "launch_board", json!({ "plan": sample() })).expect("a board");
    let lines = board.as_array().expect("a list");
    assert_eq!(lines.len(), 9);
    let brand = &lines[0];
    assert_eq!(brand["line"], "google-brand");
    assert_eq!(brand["status"], "planned");
    assert_eq!(brand["moves"], json!(["booked", "ended"]));
    assert_eq!(brand["ready"], false);
    // The sample's convention: {client}_{channel}_{objective}_{line}_{yyyymm}.
    assert_eq!(brand["campaign"], "northwind-coffee-co_google-ads_conversion_google-brand_202701");
    let items: Vec<&str> = brand["checklist"].as_array().unwrap().iter().map(|c| c["item"].as_str().unwrap()).collect();
    assert_eq!(items, ["tracking_verified", "creative_ready", "naming_applied", "budget_control", "io_signed", "funded_above_learning"]);
    // A direct line needs its IO signed; an auction line does not.
    let direct = lines.iter().find(|l| l["line"] == "morningbrew-direct").unwrap();
    assert!(direct["open"].as_array().unwrap().contains(&json!("io_signed")));
    assert!(!brand["open"].as_array().unwrap().contains(&json!("io_signed")));
}

#[test]
fn going_live_is_gated_by_the_checklist_unless_someone_overrides_it_with_a_reason() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let booked = invoke(&h, "move_line", json!({ "plan": sample(), "line": "meta-pros", "to": "booked" })).expect("planned → booked");
    assert_eq!(booked["lines"][2]["launch"]["status"], "booked");

    let err = invoke(&h, "move_line", json!({ "plan": booked, "line": "meta-pros", "to": "live" })).expect_err("the checklist is open");
    assert_eq!(err["code"], "launch_blocked");
    assert_eq!(err["line"], "meta-pros");
    assert!(err["message"].as_str().unwrap().contains("tracking verified"), "{err}");

    let err = invoke(&h, "move_line", json!({ "plan": booked, "line": "meta-pros", "to": "live", "overrideBy": { "by": "Sam", "reason": "  " } }))
        .expect_err("a reason is needed");
    assert_eq!(err["code"], "launch_blocked");

    let live = invoke(
        &h,
        "move_line",
        json!({ "plan": booked, "line": "meta-pros", "to": "live",
                "overrideBy": { "by": "Sam Ortiz", "reason": "Pixel verified by the client's developer by phone" } }),
    )
    .expect("overridden");
    let launch = &live["lines"][2]["launch"];
    assert_eq!(launch["status"], "live");
    assert_eq!(launch["override"]["by"], "Sam Ortiz");
    assert_eq!(launch["override"]["reason"], "Pixel verified by the client's developer by phone");
    assert!(launch["override"]["on"].as_str().is_some_and(|d| d.len() == 10));

    let err = invoke(&h, "move_line", json!({ "plan": sample(), "line": "meta-pros", "to": "paused" })).expect_err("a planned line cannot pause");
    assert_eq!(err["code"], "bad_transition");
    let err = invoke(&h, "move_line", json!({ "plan": sample(), "line": "nope", "to": "booked" })).expect_err("no line");
    assert_eq!(err["code"], "unknown_line");
}

#[test]
fn optimise_split_proposes_a_split_that_sums_to_the_budget_and_accepting_costs_it() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let o = invoke(&h, "optimise_split", json!({ "plan": sample() })).expect("optimised");
    let a = &o["allocation"];
    assert_eq!(a["budget"], "250000.00");
    let cents: i64 = a["lines"].as_array().unwrap().iter().map(|l| l["budget"].as_str().unwrap().replace('.', "").parse::<i64>().unwrap()).sum();
    assert_eq!(cents, 25_000_000, "the split sums exactly to the budget");
    assert!(!a["gain"].as_str().unwrap().starts_with('-'));
    assert_eq!(o["curves"].as_array().unwrap().len(), 6, "the six auction lines carry curves");
    // CTV, the newsletter and radio have no curve and keep their budgets.
    let ctv = a["lines"].as_array().unwrap().iter().find(|l| l["id"] == "ctv-ttd").unwrap();
    assert_eq!(ctv["fixed"], true);
    assert_eq!(ctv["budget"], "38000.00");

    let accepted = invoke(&h, "accept_split", json!({ "plan": sample() })).expect("accepted");
    let plan: flightplan_core::Plan = serde_json::from_value(accepted).expect("a plan");
    let view = compute(&plan).expect("costs");
    for l in a["lines"].as_array().unwrap() {
        let line = view.lines.iter().find(|v| v.id == l["id"].as_str().unwrap()).unwrap();
        assert_eq!(line.net.to_string(), l["budget"].as_str().unwrap(), "{}", line.id);
    }

    let mut flat = sample_plan();
    for l in &mut flat.lines {
        l.response = None;
        l.min_budget = None;
    }
    let err = invoke(&h, "optimise_split", json!({ "plan": flat })).expect_err("no curves");
    assert_eq!(err["code"], "nothing_to_allocate");
}

#[test]
fn the_catalogue_comes_from_the_core_with_cpp_defaults_priced_on_the_plans_universe() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    // Men 18–34, 37.5 million: a $30 CPM makes a TV point (375,000 people) $11,250.00.
    let c = invoke(&h, "catalogue", json!({ "universe": "37500000" })).expect("a catalogue");
    let channels = c["channels"].as_array().expect("channels");
    let tv = channels.iter().find(|e| e["medium"] == "tv" && e["pricing"] == "cpp").expect("linear TV by CPP");
    assert_eq!((tv["channel"].as_str(), tv["rate"].as_str(), tv["spot_length"].as_u64()), (Some("Linear TV"), Some("11250.00"), Some(30)));
    assert_eq!(tv["dayparts"][0], json!({ "name": "Prime", "share": "50" }));
    let radio = channels.iter().find(|e| e["medium"] == "radio" && e["pricing"] == "cpp").expect("radio by CPP");
    assert_eq!(radio["rate"], "3750.00", "$10 CPM × 375,000");
    let ooh = channels.iter().find(|e| e["pricing"] == "per_face_week" && e["medium"] == "ooh").expect("billboards");
    assert_eq!((ooh["rate"].as_str(), ooh["faces"].as_u64()), (Some("2500.00"), Some(20)));
    let print = channels.iter().find(|e| e["pricing"] == "per_insertion").expect("print");
    assert_eq!((print["insertions"].as_u64(), print["readership"].as_str()), (Some(4), Some("1200000")));
    assert!(channels.iter().any(|e| e["medium"] == "cinema"));
    let models: Vec<&str> = c["reach_models"].as_array().unwrap().iter().map(|m| m["label"].as_str().unwrap()).collect();
    assert_eq!(models, ["Poisson", "Negative binomial (NBD)", "Planner's reach curve"]);
    assert!(c["reach_models"][1]["explanation"].as_str().unwrap().contains("heavy and light viewers"));
    assert_eq!(c["media"].as_array().unwrap().iter().find(|m| m["medium"] == "ooh").unwrap()["unit"], "faces");

    // Without a universe a point has no price: CPP defaults are empty, the rest stay.
    for none in [json!({}), json!({ "universe": null }), json!({ "universe": "  " })] {
        let c = invoke(&h, "catalogue", none.clone()).expect("a catalogue");
        let tv = c["channels"].as_array().unwrap().iter().find(|e| e["medium"] == "tv" && e["pricing"] == "cpp").unwrap().clone();
        assert_eq!(tv["rate"], Value::Null, "{none}");
        assert_eq!(tv["typical_cpm"], "30.00");
    }
    // A universe the plan would refuse is refused the same way, naming the field.
    let err = invoke(&h, "catalogue", json!({ "universe": "0" })).expect_err("zero");
    assert_eq!((err["code"].as_str(), err["path"].as_str()), (Some("out_of_range"), Some("universe")));
    let err = invoke(&h, "catalogue", json!({ "universe": "37.5m" })).expect_err("not a number");
    assert_eq!((err["code"].as_str(), err["path"].as_str()), (Some("invalid_field"), Some("universe")));
}

#[test]
fn scenarios_compare_side_by_side_with_their_differences() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let c = invoke(&h, "compare_scenarios", json!({ "plan": sample() })).expect("compared");
    assert_eq!(c["base"]["totals"]["budget"], "250000.00");
    let names: Vec<&str> = c["scenarios"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Conservative", "Aggressive"]);
    assert_eq!(c["scenarios"][0]["totals"]["budget"], "220000.00");
    assert_eq!(c["scenarios"][0]["difference"]["budget"], "-30000.00");
    assert_eq!(c["scenarios"][1]["difference"]["budget"], "40000.00");
    assert_eq!(c["presented"], Value::Null);
}

/// The sample with three weeks of Meta prospecting actuals, Monday 4 January 2027 on.
fn with_actuals() -> Value {
    let mut p = sample();
    p["actuals"] = json!([
        { "line": "meta-pros", "date": "2027-01-04", "period": "week", "spend": "3900.00", "impressions": "410000", "clicks": "4500", "conversions": "120", "revenue": "9000" },
        { "line": "meta-pros", "date": "2027-01-11", "period": "week", "spend": "4100.00", "impressions": "430000", "clicks": "4700", "conversions": "131", "revenue": "9800" },
        { "line": "meta-pros", "date": "2027-01-18", "period": "week", "spend": "4000.00", "impressions": "420000", "clicks": "4600", "conversions": "126", "revenue": "9500" }
    ]);
    p
}

#[test]
fn review_plan_paces_as_of_the_last_day_the_actuals_cover_or_a_chosen_day() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let m = invoke(&h, "review_plan", json!({ "plan": with_actuals() })).expect("reviewed");
    // Three weeks from 4 January: the last day covered is Sunday 24 January.
    assert_eq!(m["as_of"], "2027-01-24");
    let pros = m["pacing"]["lines"].as_array().unwrap().iter().find(|l| l["line"] == "meta-pros").unwrap();
    assert_eq!(pros["actual"], "12000.00");
    assert_eq!(m["pacing"]["total"]["actual"], "12000.00");
    assert_eq!(m["recommendations"].as_array().unwrap().len(), 9);
    assert!(m["reconciliation"].is_array());

    let m = invoke(&h, "review_plan", json!({ "plan": with_actuals(), "asOf": "2027-01-10" })).expect("as of a day");
    assert_eq!(m["as_of"], "2027-01-10");
    let pros = m["pacing"]["lines"].as_array().unwrap().iter().find(|l| l["line"] == "meta-pros").unwrap();
    assert_eq!(pros["actual"], "3900.00");

    let err = invoke(&h, "review_plan", json!({ "plan": with_actuals(), "asOf": "2027-13-01" })).expect_err("no such day");
    assert_eq!(err["code"], "bad_date");
    assert_eq!(err["path"], "as_of");
}

#[test]
fn an_actuals_preview_lists_unmatched_campaigns_until_they_are_assigned_to_a_line() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/platform-exports/meta_ads_campaigns_daily_USD.csv");
    let file = file.canonicalize().expect("the shared Meta export");
    h.dialogs.push(Some(file.clone()));
    let chosen = invoke(&h, "choose_report", json!({})).expect("chosen");
    assert_eq!(chosen["file"], "meta_ads_campaigns_daily_USD.csv");
    let report = chosen["report"].as_u64().expect("the chosen report's number");
    let p = invoke(&h, "preview_actuals", json!({ "plan": sample(), "report": report, "platform": "auto" })).expect("previewed");
    assert_eq!(p["platform"], "meta");
    assert_eq!(p["dialect"], json!({ "platform": "meta", "language": "en", "label": "Meta Ads Manager (en)" }));
    assert_eq!(p["period"], json!({ "start": "2025-09-01", "end": "2025-09-07" }));
    assert_eq!(p["rows_read"], 19);
    // The file's own totals, every row read whether it matched a line or not.
    assert_eq!(p["totals"], json!({ "spend": "1852.58", "impressions": "229287", "clicks": "2012", "conversions": "57" }));
    assert_eq!(p["added"].as_array().unwrap().len(), 0, "no campaign follows the sample's names");
    let unmatched = p["unmatched"].as_array().unwrap();
    let broad = unmatched.iter().find(|u| u["campaign"] == "LC | Prospecting | Broad").expect("listed, not dropped");
    assert!(!broad["file_lines"].as_array().unwrap().is_empty());
    assert_eq!(p["actuals"].as_array().unwrap().len(), 0);

    // Assigning the campaign to a line saves its name there; the next preview matches it.
    let mut plan = sample();
    plan["lines"][2]["launch"] = json!({ "campaigns": ["LC | Prospecting | Broad"] });
    let asked = h.dialogs.asked().len();
    let p = invoke(&h, "preview_actuals", json!({ "plan": plan, "report": report })).expect("previewed again");
    assert_eq!(h.dialogs.asked().len(), asked, "the same file, read again without asking");
    let added = p["added"].as_array().unwrap();
    assert!(!added.is_empty());
    assert!(added.iter().all(|a| a["line"] == "meta-pros"));
    assert_eq!(p["actuals"].as_array().unwrap().len(), added.len());
    assert!(p["unmatched"].as_array().unwrap().iter().all(|u| u["campaign"] != "LC | Prospecting | Broad"));

    // A malformed report is refused naming its file line; nothing to accept.
    let bad = dir.path().join("broken.csv");
    std::fs::write(&bad, "Day,Campaign name,Amount spent (USD)\n2027-01-04,A,12.00\n2027-01-05,A,twelve\n").unwrap();
    h.dialogs.push(Some(bad));
    let bad = invoke(&h, "choose_report", json!({})).expect("chosen")["report"].clone();
    assert_ne!(bad, json!(report));
    let err = invoke(&h, "preview_actuals", json!({ "plan": sample(), "report": bad })).expect_err("malformed");
    assert_eq!((err["file"].as_str(), err["row"].as_u64()), (Some("broken.csv"), Some(3)), "{err}");
    // Only reports the planner picked can be read; a cancelled dialog picks nothing.
    let err = invoke(&h, "preview_actuals", json!({ "plan": sample(), "report": 99 })).expect_err("never chosen");
    assert_eq!(err["code"], "unknown_report");
    h.dialogs.push(None);
    assert_eq!(invoke(&h, "choose_report", json!({})).expect("cancelled"), Value::Null);
}

/// A file of `../shared/platform-exports/real/`, chosen in the (scripted) open dialog.
fn choose_real(h: &common::Harness, name: &str) -> Value {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/platform-exports/real").join(name);
    h.dialogs.push(Some(file.canonicalize().expect("the shared real export")));
    let chosen = invoke(h, "choose_report", json!({})).expect("chosen");
    assert_eq!(chosen["file"], name);
    chosen["report"].clone()
}

#[test]
fn a_real_report_is_previewed_with_its_dialect_period_and_totals_in_its_own_language() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    // A Portuguese Google Ads campaign report in reais: decimal commas, "Total: Campanhas" rows.
    let report = choose_real(&h, "googleads-ptbr-campanha-brl.csv");
    let err = invoke(&h, "preview_actuals", json!({ "plan": sample(), "report": report })).expect_err("reais into a dollar plan");
    assert_eq!(err["code"], "currency_mismatch");
    let mut brl = sample();
    brl["currency"] = json!("BRL");
    let p = invoke(&h, "preview_actuals", json!({ "plan": brl, "report": report, "platform": "auto" })).expect("previewed");
    assert_eq!(p["platform"], "google");
    assert_eq!(p["dialect"]["label"], "Google Ads (pt)");
    assert_eq!(p["dialect"]["language"], "pt");
    assert_eq!(p["currency"], "BRL");
    assert_eq!(p["period"], json!({ "start": "2026-05-05", "end": "2026-05-15" }));
    assert_eq!(p["rows_read"], 3);
    // The .source.txt's sums of the data rows, exactly.
    assert_eq!(p["totals"], json!({ "spend": "118.99", "impressions": "519", "clicks": "34", "conversions": "14.00" }));
    let skipped: Vec<_> = p["skipped"].as_array().unwrap().iter().map(|s| s["line"].as_u64().unwrap()).collect();
    assert_eq!(skipped, [1, 2, 7, 8, 9], "two title lines and three total rows");
    assert_eq!(p["warnings"], json!([]));
    let unmatched: Vec<_> = p["unmatched"].as_array().unwrap().iter().map(|u| u["campaign"].as_str().unwrap().to_string()).collect();
    assert_eq!(unmatched, ["[SEARCH][06.05.26]-BARATAS", "[SEARCH][06.05.26]-ESCORPIÃO", "[SEARCH][06.05.26]-REGIÃO"]);

    // LinkedIn's UTF-16 export with five preamble lines, read as LinkedIn whatever is asked.
    let report = choose_real(&h, "linkedin-logicsource-adperf-jan-may2023-utf16.csv");
    let p = invoke(&h, "preview_actuals", json!({ "plan": sample(), "report": report, "platform": "linkedin" })).expect("previewed");
    assert_eq!(p["dialect"]["label"], "LinkedIn Campaign Manager (en)");
    assert_eq!(p["encoding"], "UTF-16LE");
    assert_eq!(p["rows_read"], 176);
    assert_eq!(p["totals"], json!({ "spend": "3528.17", "impressions": "91925", "clicks": "648", "conversions": "38" }));
    let err = invoke(&h, "preview_actuals", json!({ "plan": sample(), "report": report, "platform": "myspace" })).expect_err("no such platform");
    assert_eq!(err["path"], "platform");
    for p in ["google", "meta", "tiktok", "linkedin", "microsoft", "amazon", "snapchat", "pinterest"] {
        assert!(err["message"].as_str().unwrap().contains(p), "{err}");
    }
}

#[test]
fn a_report_without_dates_is_refused_until_the_planner_gives_its_period() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    // Google Ads' "All time" campaign report: no date column and no range in its title.
    let report = choose_real(&h, "googleads-intrago-campaign-alltime.csv");
    let err = invoke(&h, "preview_actuals", json!({ "plan": sample(), "report": report })).expect_err("no period");
    assert_eq!(err["code"], "no_period");
    assert!(err["message"].as_str().unwrap().contains("All time"), "{err}");

    let p = invoke(&h, "preview_actuals", json!({ "plan": sample(), "report": report, "period": "2025-01-01..2025-12-31" })).expect("previewed with a period");
    assert_eq!(p["period"], json!({ "start": "2025-01-01", "end": "2025-12-31" }));
    assert_eq!(p["rows_read"], 12);
    assert_eq!(p["totals"], json!({ "spend": "199421.15", "impressions": "14117313", "clicks": "167739", "conversions": "18703.32" }));
    assert_eq!(p["unmatched"].as_array().unwrap().len(), 12);
    // Assigned, a campaign's row is one actual covering the whole period.
    let campaign = p["unmatched"][0]["campaign"].as_str().unwrap().to_string();
    let mut plan = sample();
    plan["lines"][0]["launch"] = json!({ "campaigns": [campaign] });
    let p = invoke(&h, "preview_actuals", json!({ "plan": plan, "report": report, "period": "2025-01-01..2025-12-31" })).expect("assigned");
    let added = p["added"].as_array().unwrap();
    assert_eq!(added.len(), 1);
    assert_eq!((added[0]["start"].as_str(), added[0]["end"].as_str()), (Some("2025-01-01"), Some("2025-12-31")));
    assert_eq!(added[0]["line"], plan["lines"][0]["id"]);

    // A period that is not one is refused naming the argument.
    for bad in ["2025-12-31..2025-01-01", "last year", "2025-02-30..2025-03-01"] {
        let err = invoke(&h, "preview_actuals", json!({ "plan": sample(), "report": report, "period": bad })).expect_err(bad);
        assert_eq!((err["code"].as_str(), err["path"].as_str()), (Some("bad_period"), Some("period")), "{bad}: {err}");
    }

    // TikTok's workbook states its week only in the name it was downloaded under.
    let report = choose_real(&h, "tiktok-thrasio-campaign-report-week.xlsx");
    let err = invoke(&h, "preview_actuals", json!({ "plan": sample(), "report": report })).expect_err("renamed, no period");
    assert_eq!(err["code"], "no_period");
    let p = invoke(&h, "preview_actuals", json!({ "plan": sample(), "report": report, "period": "2024-05-12..2024-05-18" })).expect("with its week");
    assert_eq!(p["encoding"], "xlsx");
    assert_eq!(p["dialect"]["label"], "TikTok Ads Manager (en)");
    assert_eq!(p["totals"], json!({ "spend": "19560.52", "impressions": "1143951", "clicks": "18937", "conversions": "1367" }));
}

#[test]
fn start_next_plan_rolls_the_stored_plan_forward_into_a_new_library_plan() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = first_id(&h);
    invoke(&h, "save_plan", json!({ "id": id, "plan": with_actuals() })).expect("saved with actuals");
    let next = invoke(&h, "roll_forward_plan", json!({ "id": id })).expect("rolled forward");
    let new_id = next["id"].as_i64().unwrap();
    assert_ne!(new_id, id);
    assert_eq!(next["start"], "2027-03-29", "the next period starts the day after this one ends");
    let rebased = next["rebased"].as_array().unwrap();
    assert!(rebased.iter().any(|r| r["line"] == "meta-pros"), "{next}");
    let doc = invoke(&h, "open_plan", json!({ "id": new_id })).expect("opens");
    assert!(doc["plan"]["actuals"].as_array().is_none_or(Vec::is_empty));
    assert!(doc["plan"]["parent"].as_str().is_some_and(|p| p.contains(&format!("library plan {id}"))), "{}", doc["plan"]["parent"]);
    assert_eq!(listed_names(&h).len(), 2);
}

#[test]
fn spreadsheets_and_insertion_orders_are_written_and_only_exported_files_can_be_opened() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = first_id(&h);
    h.dialogs.push(Some(dir.path().join("plan")));
    let csv = invoke(&h, "export_table", json!({ "id": id, "format": "csv" })).expect("csv");
    let text = std::fs::read_to_string(csv["path"].as_str().unwrap()).expect("written");
    assert!(text.contains("google-brand") || text.contains("Search — Brand"), "{text}");
    h.dialogs.push(Some(dir.path().join("plan.xlsx")));
    let xlsx = invoke(&h, "export_table", json!({ "id": id, "format": "xlsx" })).expect("xlsx");
    let bytes = std::fs::read(xlsx["path"].as_str().unwrap()).expect("written");
    assert!(bytes.starts_with(b"PK"), "an XLSX is a zip");
    assert_ne!(csv["export"], xlsx["export"]);
    let err = invoke(&h, "export_table", json!({ "id": id, "format": "ods" })).expect_err("no ods");
    assert_eq!(err["path"], "format");

    let ios = dir.path().join("orders");
    h.dialogs.push(Some(ios.clone()));
    let written = invoke(&h, "export_insertion_orders", json!({ "id": id })).expect("IOs");
    let vendors: Vec<&str> = written.as_array().unwrap().iter().map(|w| w["vendor"].as_str().unwrap()).collect();
    assert_eq!(vendors.len(), 2, "the newsletter's and radio's vendors: {vendors:?}");
    for w in written.as_array().unwrap() {
        let bytes = std::fs::read(w["path"].as_str().unwrap()).expect("an IO PDF");
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(w["gross"].as_str().unwrap().starts_with('$'));
    }

    assert_eq!(std::fs::read_dir(&ios).unwrap().count(), 2, "the two orders and nothing else");

    let err = invoke(&h, "open_export", json!({ "export": 999 })).expect_err("never exported");
    assert_eq!(err["code"], "not_exported");
    // A path is not a number: the door takes no paths at all.
    let err = invoke(&h, "open_export", json!({ "path": "/etc/passwd" })).expect_err("a path");
    assert!(err.to_string().contains("missing required key export"), "{err}");
}

/// A plan file double-clicked in the file manager (a launch argument, or handed to the running
/// window) is offered to the planner and reaches the library only when they import it.
#[test]
fn a_plan_file_opened_by_the_system_is_imported_after_the_planner_confirms() {
    use flightplan_desktop::commands::opening::{offer, plan_files_in};
    use tauri::Manager;
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let plan = dir.path().join("Cold brew Q2.flightplan");
    let mut sample = flightplan_core::sample_plan();
    sample.name = "Cold brew Q2".into();
    std::fs::write(&plan, flightplan_core::write_plan(&sample)).unwrap();
    let broken = dir.path().join("broken.flightplan");
    std::fs::write(&broken, "{\"format\": \"flightplan/1\"").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a plan").unwrap();

    // What the system passes: the program, flags, the files; relative names from its folder.
    let args: Vec<String> = ["flightplan-desktop", "--some-flag", "Cold brew Q2.flightplan", "notes.txt", "missing.flightplan"]
        .iter()
        .map(|s| s.to_string())
        .chain([broken.display().to_string()])
        .collect();
    let found = plan_files_in(&args, dir.path());
    assert_eq!(found, vec![plan.clone(), broken.clone()]);
    offer(h.window.app_handle(), found);

    let waiting = invoke(&h, "opened_files", json!({})).expect("listed");
    let waiting = waiting.as_array().unwrap();
    assert_eq!(waiting.len(), 2);
    assert_eq!(waiting[0]["file"], "Cold brew Q2.flightplan");
    assert_eq!(waiting[0]["name"], "Cold brew Q2");
    assert_eq!(waiting[0]["client"], sample.client.as_str());
    assert_eq!(waiting[0]["error"], Value::Null);
    assert_eq!(waiting[1]["error"]["code"], "invalid_json", "{}", waiting[1]);
    assert_eq!(listed_names(&h).len(), 1, "nothing is imported before the planner says so");

    let id = invoke(&h, "import_opened_file", json!({ "pending": waiting[0]["pending"] })).expect("imported");
    let doc = invoke(&h, "open_plan", json!({ "id": id })).expect("opens");
    assert_eq!(doc["plan"]["name"], "Cold brew Q2");
    assert_eq!(doc["view"], serde_json::to_value(flightplan_core::compute_as_of(&sample, Some(common::today())).unwrap()).unwrap());
    // Answered once: asking again is refused; the broken one cannot be imported, only dismissed.
    let err = invoke(&h, "import_opened_file", json!({ "pending": waiting[0]["pending"] })).expect_err("already answered");
    assert_eq!(err["code"], "not_opened");
    let err = invoke(&h, "import_opened_file", json!({ "pending": waiting[1]["pending"] })).expect_err("broken");
    assert_eq!(err["code"], "invalid_json");
    assert_eq!((err["file"].as_str(), err["json_line"].as_u64()), (Some("broken.flightplan"), Some(1)), "{err}");
    assert_eq!(listed_names(&h).len(), 2);
    assert_eq!(invoke(&h, "opened_files", json!({})).unwrap(), json!([]));
}

#[test]
fn a_report_whose_dates_read_both_ways_is_read_in_the_order_given() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    // 5 January or 1 May? Nothing in the file says: month first (English), with a warning.
    let file = dir.path().join("one_day.csv");
    std::fs::write(&file, "Day,Campaign name,Amount spent (USD)\n05/01/2027,A,12.00\n").unwrap();
    h.dialogs.push(Some(file));
    let report = invoke(&h, "choose_report", json!({})).expect("chosen")["report"].clone();
    let p = invoke(&h, "preview_actuals", json!({ "plan": sample(), "report": report })).expect("previewed");
    assert_eq!(p["period"], json!({ "start": "2027-05-01", "end": "2027-05-01" }));
    assert!(p["warnings"][0]["message"].as_str().unwrap().contains("read month first"), "{}", p["warnings"]);
    let p = invoke(&h, "preview_actuals", json!({ "plan": sample(), "report": report, "dates": "day_first" })).expect("previewed day first");
    assert_eq!(p["period"], json!({ "start": "2027-01-05", "end": "2027-01-05" }));
    assert_eq!(p["warnings"], json!([]));
}
