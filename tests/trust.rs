//! The everyday-trust commands (issue 16) through Tauri's IPC on the mock runtime, on a real
//! library file: sign-off (status moves, approving with who, the lock, a revision that keeps the
//! planner's edit, the changes since approval), paste through the core (header row, dates by
//! date order, placing, fill-down), comments, the library's rate card through the shell's
//! dialogs, optimise on the whole budget and a curve fitted from known points.

mod common;

use common::{app_on, first_id, invoke};
use serde_json::{json, Value};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir")
}

fn sample() -> Value {
    serde_json::to_value(flightplan_core::sample_plan()).expect("serialises")
}

const BLOCK: &str = "Channel\tLine\tStart\tEnd\tBudget\nLinear TV\tTV Q1\t1/4/2027\t3/28/2027\t2,400,000\n";

#[test]
fn a_plan_is_proposed_approved_by_name_locked_and_revised_with_the_planners_edit() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = first_id(&h);

    // The sample plan has been proposed to its client.
    let s = invoke(&h, "plan_signoff", json!({ "id": id })).expect("sign-off");
    assert_eq!(s["status"], "proposed");
    assert_eq!(
        s["moves"],
        json!([{ "to": "approved", "label": "Approve", "needs_name": true }, { "to": "draft", "label": "Back to draft", "needs_name": false }])
    );
    invoke(&h, "set_plan_status", json!({ "id": id, "to": "draft" })).expect("back to draft");
    let s = invoke(&h, "plan_signoff", json!({ "id": id })).expect("sign-off");
    assert_eq!(s["status"], "draft");
    assert_eq!(s["locked"], false);
    assert_eq!(s["moves"], json!([{ "to": "proposed", "label": "Propose to the client", "needs_name": false }]));
    assert_eq!(s["approved_version"], Value::Null);

    // A draft cannot be approved straight away: the core's moves.
    let err = invoke(&h, "set_plan_status", json!({ "id": id, "to": "approved", "by": "Dana" })).expect_err("draft → approved");
    assert_eq!(err["code"], "invalid_status_move");
    let doc = invoke(&h, "set_plan_status", json!({ "id": id, "to": "proposed" })).expect("proposed");
    assert_eq!(doc["plan"]["status"], "proposed");
    assert_eq!(doc["view"]["totals"]["net_media"], "250000.00");

    // Approving needs a name.
    let err = invoke(&h, "set_plan_status", json!({ "id": id, "to": "approved", "by": "  " })).expect_err("no name");
    assert_eq!(err["code"], "missing_field");
    assert_eq!(err["path"], "approval.by");
    let doc = invoke(&h, "set_plan_status", json!({ "id": id, "to": "approved", "by": "Dana Whitfield" })).expect("approved");
    assert_eq!(doc["plan"]["status"], "approved");
    assert_eq!(doc["plan"]["approval"]["by"], "Dana Whitfield");
    assert_eq!(doc["plan"]["approval"]["version"], doc["plan"]["version"]);
    let version = doc["plan"]["version"].as_u64().unwrap();
    let s = invoke(&h, "plan_signoff", json!({ "id": id })).expect("sign-off");
    assert_eq!(s["locked"], true);
    assert_eq!(s["approved_version"]["kind"], "approved");
    assert_eq!(s["approved_version"]["name"], format!("Approved v{version} by Dana Whitfield"));
    let labels: Vec<&str> = s["moves"].as_array().unwrap().iter().map(|m| m["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["Set live", "Close"]);
    let changes = invoke(&h, "changes_since_approval", json!({ "id": id })).expect("changes");
    assert_eq!(changes["changes"], json!([]));

    // An edit to the approved plan is refused, naming what it changes.
    let mut edited = doc["plan"].clone();
    edited["lines"][2]["budget"] = json!("9000");
    edited["lines"][2].as_object_mut().unwrap().remove("share");
    let err = invoke(&h, "save_plan", json!({ "id": id, "plan": edited })).expect_err("locked");
    assert_eq!(err["code"], "plan_locked");
    assert!(err["message"].as_str().unwrap().contains("approved by Dana Whitfield"), "{err}");

    // Starting a revision with the edit keeps it: a draft of the next version.
    let rev = invoke(&h, "start_revision", json!({ "id": id, "plan": edited })).expect("revision");
    assert_eq!(rev["plan"]["status"], "draft");
    assert_eq!(rev["plan"]["version"], version + 1);
    assert_eq!(rev["plan"]["revises"]["version"], version);
    assert_eq!(rev["plan"]["revises"]["approved_by"], "Dana Whitfield");
    assert_eq!(rev["plan"]["lines"][2]["budget"], "9000");
    let stored = invoke(&h, "open_plan", json!({ "id": id })).expect("open");
    assert_eq!(stored["plan"]["version"], version + 1);

    let changes = invoke(&h, "changes_since_approval", json!({ "id": id })).expect("changes");
    assert_eq!(changes["from_version"], version);
    assert_eq!(changes["approved_by"], "Dana Whitfield");
    let net = changes["changes"].as_array().unwrap().iter().find(|c| c["line"] == "meta-pros" && c["field"] == "net").expect("the line's net");
    assert_eq!(net["after"], "9000.00");
    assert!(net["difference"].as_str().is_some());
    // A plan edited elsewhere (another version) is not revised from.
    let mut other = edited.clone();
    other["version"] = json!(version + 5);
    let err = invoke(&h, "start_revision", json!({ "id": id, "plan": other })).expect_err("not this plan");
    assert_eq!(err["code"], "not_this_plan");
    // The revision is a draft: it is not revised again.
    let err = invoke(&h, "start_revision", json!({ "id": id, "plan": null })).expect_err("a draft");
    assert_eq!(err["code"], "invalid_status_move");
}

#[test]
fn changes_since_approval_of_a_plan_never_approved_says_so() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let err = invoke(&h, "changes_since_approval", json!({ "id": first_id(&h) })).expect_err("never approved");
    assert_eq!(err["code"], "not_approved");
    let err = invoke(&h, "start_revision", json!({ "id": first_id(&h), "plan": null })).expect_err("a draft");
    assert_eq!(err["code"], "invalid_status_move");
}

#[test]
fn paste_reads_a_header_row_and_us_dates_refuses_them_day_first_and_places_a_whole_line() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let us = json!({ "dates": "month_first", "numbers": "1,234.56", "first_column": 0 });
    let read = invoke(&h, "read_paste", json!({ "plan": sample(), "text": BLOCK, "options": us })).expect("read");
    assert_eq!(read["header"], true);
    let fields: Vec<&str> = read["columns"].as_array().unwrap().iter().map(|c| c["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["channel", "name", "start", "end", "budget"]);
    assert_eq!(read["problems"], json!([]));
    assert_eq!(read["rows"][0]["line"]["buying"], "offline");
    assert_eq!(read["rows"][0]["line"]["end"], "2027-03-28");

    let uk = json!({ "dates": "day_first" });
    let read = invoke(&h, "read_paste", json!({ "plan": sample(), "text": BLOCK, "options": uk })).expect("read");
    let first = read["problems"][0]["message"].as_str().unwrap();
    assert!(first.contains("\"3/28/2027\" is not a date day first"), "{first}");
    let err = invoke(&h, "place_paste", json!({ "plan": sample(), "text": BLOCK, "options": uk, "at": 0 })).expect_err("refused");
    assert_eq!(err["code"], "paste_problems");

    // Over the first row: the row is replaced (its id kept), nothing else moves.
    let placed = invoke(&h, "place_paste", json!({ "plan": sample(), "text": BLOCK, "options": us, "at": 0 })).expect("placed");
    assert_eq!(placed["lines"][0]["id"], "google-brand");
    assert_eq!(placed["lines"][0]["channel"], "Linear TV");
    assert_eq!(placed["lines"][0]["buying"], "offline");
    assert_eq!(placed["lines"].as_array().unwrap().len(), 9);
}

#[test]
fn fill_down_and_fill_right_copy_fields_and_comments_are_added_and_resolved() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let filled = invoke(&h, "fill_down", json!({ "plan": sample(), "field": "end", "from": 0, "to": [1, 2] })).expect("filled");
    assert_eq!(filled["lines"][1]["end"], filled["lines"][0]["end"]);
    assert_eq!(filled["lines"][2]["end"], filled["lines"][0]["end"]);
    let err = invoke(&h, "fill_down", json!({ "plan": sample(), "field": "end", "from": 0, "to": [40] })).expect_err("no line 41");
    assert_eq!(err["code"], "unknown_line");

    // Fill right: a line's start into its end; a date into the rate column is refused.
    let filled = invoke(&h, "fill_right", json!({ "plan": sample(), "rows": [3, 8], "from": "start", "to": ["end"] })).expect("filled right");
    assert_eq!((filled["lines"][3]["end"].as_str(), filled["lines"][8]["end"].as_str()), (Some("2027-01-11"), Some("2027-02-01")));
    let err = invoke(&h, "fill_right", json!({ "plan": sample(), "rows": [0], "from": "start", "to": ["rate"] })).expect_err("a date into a rate");
    assert_eq!(err["code"], "fill_refused");
    assert!(err["message"].as_str().unwrap().contains("Rate holds an amount"), "{err}");

    // A hiatus week on the retargeting line (index 3), then its weights cleared.
    let weighted = invoke(&h, "set_week_weight", json!({ "plan": sample(), "line": 3, "week": 2, "weight": "0" })).expect("weighted");
    assert_eq!(weighted["lines"][3]["weights"], json!(["1", "1", "0", "1", "1", "1", "1", "1", "1", "1", "1"]));
    let err = invoke(&h, "set_week_weight", json!({ "plan": sample(), "line": 3, "week": 2, "weight": "-1" })).expect_err("negative");
    assert_eq!((err["code"].as_str(), err["path"].as_str()), (Some("negative_value"), Some("lines[3].weights[2]")));
    let reset = invoke(&h, "reset_weights", json!({ "plan": weighted, "line": 3 })).expect("reset");
    assert!(reset["lines"][3].get("weights").is_none());

    let p = invoke(&h, "add_comment", json!({ "plan": sample(), "line": "meta-pros", "author": "Sam", "text": "Is this CPM net?" })).expect("comment");
    let c = &p["comments"][0];
    assert_eq!((c["id"].as_str(), c["line"].as_str(), c["author"].as_str()), (Some("c1"), Some("meta-pros"), Some("Sam")));
    assert!(c["at"].as_str().unwrap().starts_with("20"));
    let p = invoke(&h, "add_comment", json!({ "plan": p, "line": null, "author": "Sam", "text": "Send Friday" })).expect("plan comment");
    assert_eq!(p["comments"][1]["id"], "c2");
    assert!(p["comments"][1].get("line").is_none());
    let p = invoke(&h, "resolve_comment", json!({ "plan": p, "comment": "c1", "resolved": true })).expect("resolved");
    assert_eq!(p["comments"][0]["resolved"], true);
    let err = invoke(&h, "add_comment", json!({ "plan": sample(), "line": "nope", "author": "Sam", "text": "x" })).expect_err("unknown line");
    assert_eq!(err["code"], "unknown_line");
    let err = invoke(&h, "add_comment", json!({ "plan": sample(), "author": "", "text": "x" })).expect_err("no author");
    assert_eq!(err["path"], "author");
}

#[test]
fn the_rate_card_is_saved_exported_and_imported_through_the_shells_dialogs() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let saved = invoke(&h, "rate_card", json!({})).expect("card");
    assert_eq!(saved["updated_at"], Value::Null);
    let mut card = saved["card"].clone();
    let i = card["channels"].as_array().unwrap().iter().position(|e| e["channel"] == "Meta").expect("Meta");
    card["channels"][i]["rate"] = json!("9.25");
    let saved = invoke(&h, "save_rate_card", json!({ "card": card })).expect("saved");
    assert_eq!(saved["card"]["channels"][i]["rate"], "9.25");
    assert!(saved["updated_at"].as_str().is_some());
    // Kept across a restart of the app.
    drop(h);
    let h = app_on(&dir.path().join("library.sqlite3"));
    assert_eq!(invoke(&h, "rate_card", json!({})).unwrap()["card"]["channels"][i]["rate"], "9.25");

    let out = dir.path().join("card");
    h.dialogs.push(Some(out.clone()));
    let exported = invoke(&h, "export_rate_card", json!({})).expect("exported");
    assert!(exported["path"].as_str().unwrap().ends_with("card.json"));
    let text = std::fs::read_to_string(dir.path().join("card.json")).unwrap();
    assert!(text.contains("flightplan-rates/1") && text.contains("9.25"), "{text}");

    invoke(&h, "reset_rate_card", json!({})).expect("reset");
    h.dialogs.push(Some(dir.path().join("card.json")));
    let imported = invoke(&h, "import_rate_card", json!({})).expect("imported");
    assert_eq!(imported["card"]["channels"][i]["rate"], "9.25");

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"format":"flightplan-rates/1","currency":"USD","channels":[{"channel":"","name":"x","pricing":"cpm"}]}"#).unwrap();
    h.dialogs.push(Some(bad));
    let err = invoke(&h, "import_rate_card", json!({})).expect_err("broken");
    assert_eq!(err["file"], "bad.json", "{err}");
    assert!(err["message"].as_str().unwrap().starts_with("this is not a rate card"), "{err}");
    assert_eq!(invoke(&h, "rate_card", json!({})).unwrap()["card"]["channels"][i]["rate"], "9.25", "nothing changed");
    h.dialogs.push(None);
    assert_eq!(invoke(&h, "import_rate_card", json!({})).expect("cancelled"), Value::Null);
}

#[test]
fn a_channel_is_added_and_removed_kept_in_the_library_offered_by_the_catalogue_and_exported() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let card = invoke(&h, "rate_card", json!({})).expect("card")["card"].clone();
    let podcasts = json!({ "channel": "Podcasts", "name": "Host reads", "vendor": "Acast", "medium": "audio", "buying": "direct",
                           "role": "consideration", "demand": "creation", "pricing": "cpm", "rate": "25.00" });
    let added = invoke(&h, "add_rate_card_entry", json!({ "card": card, "entry": podcasts })).expect("added");
    let n = card["channels"].as_array().unwrap().len();
    assert_eq!(added["channels"][n]["channel"], "Podcasts");
    // Not saved until the planner saves the card.
    assert_eq!(invoke(&h, "rate_card", json!({})).unwrap()["updated_at"], Value::Null);
    let err = invoke(&h, "add_rate_card_entry", json!({ "card": added, "entry": podcasts })).expect_err("twice");
    assert_eq!((err["code"].as_str(), err["path"].as_str()), (Some("duplicate_entry"), Some("entry.name")));
    let negative = json!({ "channel": "Podcasts", "name": "Ads", "medium": "audio", "pricing": "cpm", "rate": "-3" });
    let err = invoke(&h, "add_rate_card_entry", json!({ "card": added, "entry": negative })).expect_err("negative");
    assert_eq!((err["code"].as_str(), err["path"].as_str()), (Some("negative_value"), Some("entry.rate")));
    invoke(&h, "save_rate_card", json!({ "card": added })).expect("saved");

    // Kept across a restart, and offered by stage 3's catalogue with its medium and rate.
    drop(h);
    let h = app_on(&dir.path().join("library.sqlite3"));
    let catalogue = invoke(&h, "catalogue", json!({ "universe": null })).expect("catalogue");
    let offered = catalogue["channels"].as_array().unwrap().iter().find(|e| e["channel"] == "Podcasts").expect("offered");
    assert_eq!((offered["medium"].as_str(), offered["rate"].as_str(), offered["buying"].as_str()), (Some("audio"), Some("25.00"), Some("direct")));

    // Exported and imported whole.
    h.dialogs.push(Some(dir.path().join("rates.json")));
    invoke(&h, "export_rate_card", json!({})).expect("exported");
    invoke(&h, "reset_rate_card", json!({})).expect("reset");
    h.dialogs.push(Some(dir.path().join("rates.json")));
    let imported = invoke(&h, "import_rate_card", json!({})).expect("imported");
    assert_eq!(imported["card"]["channels"][n]["vendor"], "Acast");

    // Removed: gone from the catalogue once saved.
    let card = imported["card"].clone();
    let removed = invoke(&h, "remove_rate_card_entry", json!({ "card": card, "channel": "podcasts", "name": "HOST READS" })).expect("removed");
    assert_eq!(removed["channels"].as_array().unwrap().len(), n);
    invoke(&h, "save_rate_card", json!({ "card": removed })).expect("saved");
    let catalogue = invoke(&h, "catalogue", json!({ "universe": null })).expect("catalogue");
    assert!(!catalogue["channels"].as_array().unwrap().iter().any(|e| e["channel"] == "Podcasts"));
    let err = invoke(&h, "remove_rate_card_entry", json!({ "card": removed, "channel": "Podcasts", "name": "Host reads" })).expect_err("gone");
    assert_eq!(err["code"], "unknown_entry");
}

#[test]
fn optimise_splits_the_whole_budget_when_asked_and_a_curve_is_fitted_from_known_points() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let fit = invoke(
        &h,
        "fit_curve",
        json!({ "plan": sample(), "points": [{ "spend": "1000", "result": "40" }, { "spend": "4000", "result": "100" }], "max": null }),
    )
    .expect("fitted");
    assert_eq!(fit["response"]["curve"], "hill");
    assert_eq!(fit["points"].as_array().unwrap().len(), 2);
    assert!(fit["summary"].as_str().unwrap().len() > 10);
    let err = invoke(&h, "fit_curve", json!({ "plan": sample(), "points": [{ "spend": "1000", "result": "40" }] })).expect_err("one point");
    assert_eq!(err["path"], "points");

    let allocated = invoke(&h, "optimise_split", json!({ "plan": sample() })).expect("allocated");
    assert_eq!(allocated["allocation"]["basis"], "allocated");
    let budget = invoke(&h, "optimise_split", json!({ "plan": sample(), "basis": "budget" })).expect("budget");
    assert_eq!(budget["allocation"]["basis"], "budget");
}
