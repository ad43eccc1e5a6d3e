//! The desktop commands, invoked through Tauri's IPC on the mock runtime (no display needed):
//! what the UI receives from each command, figures and errors, on a real library file.

mod common;

use common::{app_on, first_id, invoke, listed_names};
use flightplan_core::{compute_as_of, sample_plan, Error};
use flightplan_desktop::commands::COMMANDS;
use flightplan_desktop::dialogs::Ask;
use serde_json::{json, Value};

fn sample_view() -> Value {
    serde_json::to_value(compute_as_of(&sample_plan(), Some(common::today())).expect("the sample costs")).expect("serialises")
}

#[test]
fn a_new_library_lists_the_sample_plan() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let plans = invoke(&h, "list_plans", json!({})).expect("list_plans answers");
    let plans = plans.as_array().expect("a list");
    assert_eq!(plans.len(), 1);
    let sample = sample_plan();
    assert_eq!(plans[0]["name"], sample.name);
    assert_eq!(plans[0]["client"], "Northwind Coffee Co.");
    assert_eq!(plans[0]["status"], "proposed");
    assert_eq!(plans[0]["budget"], "250000.00");
    assert_eq!(plans[0]["start"], "2027-01-04");
    assert_eq!(plans[0]["end"], "2027-03-28");
}

#[test]
fn reopening_the_library_does_not_import_the_sample_again() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("library.sqlite3");
    drop(app_on(&path));
    let h = app_on(&path);
    let plans = invoke(&h, "list_plans", json!({})).expect("list_plans answers");
    assert_eq!(plans.as_array().map(Vec::len), Some(1));
}

#[test]
fn open_plan_returns_the_plan_and_the_cores_costed_view() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let plans = invoke(&h, "list_plans", json!({})).expect("list_plans answers");
    let id = plans[0]["id"].as_i64().expect("an id");

    let doc = invoke(&h, "open_plan", json!({ "id": id })).expect("open_plan answers");
    assert_eq!(doc["id"], id);
    assert_eq!(doc["plan"]["format"], "flightplan/1");
    assert_eq!(doc["plan"], serde_json::to_value(sample_plan()).expect("serialises"));
    // Exactly the core's figures, decimals as strings.
    assert_eq!(doc["view"], sample_view());
    let totals = &doc["view"]["totals"];
    assert_eq!(totals["budget"], "250000.00");
    assert!(totals["net_media"].is_string() && totals["gross"].is_string());
    assert_eq!(doc["view"]["lines"].as_array().map(Vec::len), Some(sample_plan().lines.len()));
}

#[test]
fn open_plan_of_a_missing_id_is_a_plan_not_found_error() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let err = invoke(&h, "open_plan", json!({ "id": 9999 })).expect_err("no such plan");
    assert_eq!(err["code"], "plan_not_found");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("9999")));
}

#[test]
fn compute_plan_recomputes_an_edited_plan_without_saving_it() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let mut plan = sample_plan();
    plan.budget = "300000.00".parse().expect("a decimal");
    let view = invoke(&h, "compute_plan", json!({ "plan": plan })).expect("compute_plan answers");
    assert_eq!(view, serde_json::to_value(compute_as_of(&plan, Some(common::today())).expect("costs")).expect("serialises"));
    assert_eq!(view["totals"]["budget"], "300000.00");

    // Nothing was stored: the library still holds the original sample.
    let id = invoke(&h, "list_plans", json!({})).expect("list")[0]["id"].as_i64().expect("an id");
    let doc = invoke(&h, "open_plan", json!({ "id": id })).expect("open");
    assert_eq!(doc["plan"]["budget"], "250000.00");
}

#[test]
fn save_plan_stores_the_plan_and_returns_its_view() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = invoke(&h, "list_plans", json!({})).expect("list")[0]["id"].as_i64().expect("an id");
    let mut plan = sample_plan();
    plan.name = "Q1 2027 Cold Brew Launch (revised)".into();
    plan.lines.truncate(2);
    // The sample's scenarios name lines the truncated plan no longer has.
    plan.scenarios.clear();

    let saved = invoke(&h, "save_plan", json!({ "id": id, "plan": plan })).expect("save_plan answers");
    assert_eq!(saved["view"], serde_json::to_value(compute_as_of(&plan, Some(common::today())).expect("costs")).expect("serialises"));
    assert_eq!(saved["kept"], Value::Null, "no view named: the whole view");
    assert!(saved["view_id"].as_u64().is_some_and(|n| n > 0), "{}", saved["view_id"]);

    let doc = invoke(&h, "open_plan", json!({ "id": id })).expect("open");
    assert_eq!(doc["plan"]["name"], "Q1 2027 Cold Brew Launch (revised)");
    assert_eq!(doc["plan"]["lines"].as_array().map(Vec::len), Some(2));
    let listed = invoke(&h, "list_plans", json!({})).expect("list");
    assert_eq!(listed[0]["name"], "Q1 2027 Cold Brew Launch (revised)");
}

#[test]
fn save_plan_with_a_broken_plan_is_an_error_naming_the_field_and_saves_nothing() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = invoke(&h, "list_plans", json!({})).expect("list")[0]["id"].as_i64().expect("an id");

    let mut plan = serde_json::to_value(sample_plan()).expect("serialises");
    plan["lines"][1]["rate"] = json!("-2.40");
    let err = invoke(&h, "save_plan", json!({ "id": id, "plan": plan })).expect_err("refused");
    let err: Error = serde_json::from_value(err).expect("an {code, message} error");
    assert_eq!(err.code, "negative_value");
    assert_eq!(err.path.as_deref(), Some("lines[1].rate"));
    assert_eq!(err.line.as_deref(), Some("google-generic"));
    assert_eq!(err.message, "-2.40 is negative", "the place is in the fields, not the message");
    assert_eq!((err.json_line, err.json_column, err.file.as_deref()), (None, None, None), "no position in the IPC payload");

    // A wrong type is caught while reading, with its path.
    let mut plan = serde_json::to_value(sample_plan()).expect("serialises");
    plan["budget"] = json!(250000.5);
    let err = invoke(&h, "save_plan", json!({ "id": id, "plan": plan })).expect_err("refused");
    assert_eq!(err["path"], "budget");
    assert!(err["code"].is_string() && err["message"].is_string());

    // Not JSON of a plan at all.
    let err = invoke(&h, "save_plan", json!({ "id": id, "plan": "nonsense" })).expect_err("refused");
    assert!(err["code"].is_string() && err["message"].is_string());

    let doc = invoke(&h, "open_plan", json!({ "id": id })).expect("open");
    assert_eq!(doc["plan"], serde_json::to_value(sample_plan()).expect("serialises"));
}

/// The sample opened (its id, the document and the number of its view), and the sample with
/// line 3's rate changed.
fn opened_with_a_new_rate(h: &common::Harness) -> (i64, Value, u64, flightplan_core::Plan) {
    let id = first_id(h);
    let doc = invoke(h, "open_plan", json!({ "id": id })).expect("open");
    let held = doc["view_id"].as_u64().expect("the opened view is numbered");
    let mut plan = sample_plan();
    plan.lines[2].rate = Some("9.00".parse().expect("a rate"));
    (id, doc, held, plan)
}

/// The plan store names the view it holds (opened or last saved): the answer sends only the
/// lines whose figures changed, and the rest put back from the held view are the core's view.
#[test]
fn a_save_naming_the_held_view_sends_only_the_lines_that_changed() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let (id, doc, held, plan) = opened_with_a_new_rate(&h);
    let text = serde_json::to_string(&plan).expect("serialises");

    let saved = common::invoke_text(&h, "save_plan", &format!("{id} {held}\n{text}")).expect("saved");
    let kept = saved["kept"]["lines"].as_array().expect("only changes sent").clone();
    assert_eq!(saved["kept"]["from"], held);
    let n = plan.lines.len();
    let expected: Vec<Value> = (0..n).map(|i| if i == 2 { Value::Null } else { json!(i) }).collect();
    assert_eq!(kept, expected);
    let sent = saved["view"]["lines"].as_array().expect("lines").clone();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["id"], plan.lines[2].id.as_str());
    let mut sent = sent.into_iter();
    let rebuilt: Vec<Value> =
        kept.iter().map(|k| k.as_u64().map_or_else(|| sent.next().expect("a sent line"), |i| doc["view"]["lines"][i as usize].clone())).collect();
    let mut view = saved["view"].clone();
    view["lines"] = Value::Array(rebuilt);
    assert_eq!(view, serde_json::to_value(compute_as_of(&plan, Some(common::today())).expect("costs")).expect("serialises"));

    // The held view moves on with each save; an old number gets the whole view.
    let next = common::invoke_text(&h, "save_plan", &format!("{id} {}\n{text}", saved["view_id"])).expect("saved");
    assert_eq!(next["kept"]["lines"], json!((0..n).collect::<Vec<_>>()), "nothing changed");
    assert_eq!(next["view"]["lines"], json!([]));
    let old = common::invoke_text(&h, "save_plan", &format!("{id} {held}\n{text}")).expect("saved");
    assert_eq!(old["kept"], Value::Null);
    assert_eq!(old["view"], view);
}

/// The plan store sends its plan as its changes to the plan of the view it holds: the plan
/// without lines, the indexes of the lines kept, the lines changed. Saved and costed as if sent
/// whole; changes to a view no longer held are refused by code, and nothing is saved.
#[test]
fn a_plan_sent_as_its_changes_is_saved_as_the_whole_plan() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let (id, _, held, mut plan) = opened_with_a_new_rate(&h);
    plan.lines.swap(0, 1);
    let changes = |plan: &flightplan_core::Plan| {
        let mut head = serde_json::to_value(plan).expect("serialises");
        head["lines"] = json!([]);
        let before = sample_plan().lines;
        let kept: Vec<Option<usize>> = plan.lines.iter().map(|l| before.iter().position(|b| b == l)).collect();
        let changed: Vec<_> = plan.lines.iter().zip(&kept).filter(|(_, k)| k.is_none()).map(|(l, _)| l).collect();
        format!("{head}\n{}\n{}", json!(kept), json!(changed))
    };
    let sent = changes(&plan);
    assert!(sent.len() < serde_json::to_string(&plan).expect("serialises").len() / 2, "only line 3 is sent whole");

    let saved = common::invoke_text(&h, "save_plan", &format!("{id} {held} changes\n{sent}")).expect("saved");
    assert_eq!(saved["kept"]["from"], held);
    let stored = invoke(&h, "open_plan", json!({ "id": id })).expect("open");
    assert_eq!(stored["plan"], serde_json::to_value(&plan).expect("serialises"));

    // The view held moved on with the save (and again with the open): view `held` is gone.
    let err = common::invoke_text(&h, "save_plan", &format!("{id} {held} changes\n{sent}")).expect_err("not held");
    assert_eq!(err["code"], "view_not_held");
    // A broken line sent as a change is named by its place in the whole plan.
    let now = stored["view_id"].as_u64().expect("numbered");
    let mut broken = plan.clone();
    broken.lines[2].rate = Some("-2.40".parse().expect("a rate"));
    let err = common::invoke_text(&h, "save_plan", &format!("{id} {now} changes\n{}", changes(&broken))).expect_err("refused");
    assert_eq!(
        (err["code"].as_str(), err["path"].as_str(), err["line"].as_str()),
        (Some("negative_value"), Some("lines[2].rate"), Some(plan.lines[2].id.as_str()))
    );
    assert_eq!(invoke(&h, "open_plan", json!({ "id": id })).expect("open")["plan"], stored["plan"], "nothing saved");
}

/// The plan store sends the plan as text, its id on the first line: the same view, the same
/// save and the same errors as `{id, plan}` in JSON.
#[test]
fn save_plan_reads_the_plan_sent_as_text_as_it_reads_json() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = common::first_id(&h);
    let mut plan = serde_json::to_value(sample_plan()).expect("serialises");
    plan["name"] = json!("Sent as text");
    plan["lines"][0]["rate"] = json!("1.35");
    let text = plan.to_string();

    let view = common::invoke_text(&h, "save_plan", &format!("{id}\n{text}")).expect("save_plan answers")["view"].take();
    let as_json = invoke(&h, "save_plan", json!({ "id": id, "plan": plan })).expect("save_plan answers");
    assert_eq!(view, as_json["view"]);
    assert_eq!(view["lines"][0]["rate"], "1.35");
    let doc = invoke(&h, "open_plan", json!({ "id": id })).expect("open");
    assert_eq!(doc["plan"]["name"], "Sent as text");

    // A refused plan names its field and line, with no position in a text nobody saw.
    let mut broken = plan.clone();
    broken["lines"][1]["rate"] = json!("-2.40");
    let err = common::invoke_text(&h, "save_plan", &format!("{id}\n{broken}")).expect_err("refused");
    let as_json = invoke(&h, "save_plan", json!({ "id": id, "plan": broken })).expect_err("refused");
    assert_eq!(err, as_json);
    assert_eq!((err["code"].as_str(), err["path"].as_str(), err["line"].as_str()), (Some("negative_value"), Some("lines[1].rate"), Some("google-generic")));
    assert!(err.get("json_line").is_none_or(Value::is_null), "{err}");
    broken["budget"] = json!(250000.5);
    let err = common::invoke_text(&h, "save_plan", &format!("{id}\n{broken}")).expect_err("refused");
    assert_eq!(err, invoke(&h, "save_plan", json!({ "id": id, "plan": broken })).expect_err("refused"));
    assert_eq!(err["path"], "budget");

    // The same text as a JSON array of its bytes (the webview's postMessage fallback) reads the same.
    let bytes: Vec<u8> = format!("{id}\n{text}").into_bytes();
    assert_eq!(invoke(&h, "save_plan", json!(bytes)).expect("save_plan answers")["view"], view);
    let err = invoke(&h, "save_plan", json!([1, 2, 300])).expect_err("refused");
    assert_eq!(err["message"], "the plan to save is neither text nor {id, plan}");

    // A body that is not an id and a plan is refused by name, and nothing is saved.
    for (body, says) in [
        ("no id line", "has no id line"),
        ("x\n{}", "names no plan id"),
        ("1 x\n{}", "names a view that is not a number"),
        ("1 2 3\n{}", "has more on its first line than a plan id, a view number and `changes`"),
        ("1 2 changes more\n{}", "has more on its first line than a plan id, a view number and `changes`"),
        ("1 2 changes\n{}", "sends changes without the plan, the lines kept and the lines changed"),
    ] {
        let err = common::invoke_text(&h, "save_plan", body).expect_err("refused");
        assert_eq!((err["code"].as_str(), err["message"].as_str()), (Some("invalid_request"), Some(format!("the plan to save {says}").as_str())));
    }
    let err = invoke(&h, "save_plan", json!({ "plan": plan })).expect_err("refused");
    assert_eq!(err["message"], "the plan to save names no plan id");
    let doc = invoke(&h, "open_plan", json!({ "id": id })).expect("open");
    assert_eq!(doc["plan"]["lines"][0]["rate"], "1.35");
}

#[test]
fn a_library_that_cannot_be_opened_answers_every_command_with_its_error() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("library.sqlite3");
    std::fs::write(&path, b"this is not a plan library, just some text that is long enough").expect("write");
    let h = app_on(&path);
    let err = invoke(&h, "list_plans", json!({})).expect_err("the file is not a library");
    let code = err["code"].as_str().expect("a code");
    assert!(code.starts_with("library_"), "{code}");
    assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()));
    let err = invoke(&h, "open_plan", json!({ "id": 1 })).expect_err("still unavailable");
    assert_eq!(err["code"], code);
}

#[test]
fn every_command_is_granted_by_the_default_capability_and_nothing_else() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src-tauri/capabilities/default.json")).expect("the capability file");
    let cap: Value = serde_json::from_str(&text).expect("valid JSON");
    let mut granted: Vec<String> = cap["permissions"].as_array().expect("a list").iter().filter_map(|p| p.as_str().map(String::from)).collect();
    granted.sort();
    // The app's own commands and hearing the native menu's events; no dialog permission (the
    // shell opens the dialogs itself, so the webview never names a path).
    let mut expected: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .chain(["core:event:allow-listen", "core:event:allow-unlisten"].map(String::from))
        .collect();
    expected.sort();
    assert_eq!(granted, expected);
    assert_eq!(cap["windows"], json!(["main"]));

    let conf: Value =
        serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tauri.conf.json")).expect("the config")).expect("valid JSON");
    assert_eq!(conf["app"]["withGlobalTauri"], false);
    let csp = &conf["app"]["security"]["csp"];
    assert_eq!(csp["script-src"], "'self'");
    let csp_text = csp.to_string();
    assert!(!csp_text.contains("unsafe-eval") && !csp_text.contains("unsafe-inline"), "{csp_text}");
}

#[test]
fn every_declared_command_is_registered() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    for cmd in COMMANDS {
        // An unregistered command fails with Tauri's own message; a registered one runs (and here
        // may fail on its arguments, with the command's or Tauri's argument error).
        let answer = invoke(&h, cmd, json!({}));
        if let Err(e) = &answer {
            let text = e.to_string();
            assert!(!text.contains("not found"), "{cmd}: {text}");
        }
    }
}

#[test]
fn create_plan_starts_a_blank_plan_or_a_copy_of_the_sample() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));

    let blank = invoke(&h, "create_plan", json!({ "from": "blank" })).expect("a blank plan");
    let blank = blank.as_i64().expect("the new id");
    let doc = invoke(&h, "open_plan", json!({ "id": blank })).expect("open");
    assert_eq!(doc["plan"]["name"], "Untitled plan");
    assert_eq!(doc["plan"]["status"], "draft");
    assert_eq!(doc["plan"]["lines"], json!([]));
    assert_eq!(doc["view"]["totals"]["budget"], "0.00");
    assert_eq!(doc["view"]["totals"]["gross"], "0.00");
    // No audience yet: neither a universe nor the name of one.
    assert_eq!((doc["plan"].get("universe"), doc["plan"].get("target_audience")), (None, None));
    // The blank quarter starts on a Monday and runs 13 whole weeks.
    let start: chrono::NaiveDate = doc["plan"]["start"].as_str().expect("a date").parse().expect("a date");
    let end: chrono::NaiveDate = doc["plan"]["end"].as_str().expect("a date").parse().expect("a date");
    assert_eq!(chrono::Datelike::weekday(&start), chrono::Weekday::Mon);
    assert_eq!((end - start).num_days(), 90);
    // Nothing is set for stage 1, and the core says so.
    let findings = doc["view"]["findings"].as_array().expect("findings");
    assert!(findings.iter().any(|f| f["stage"] == 1), "{findings:?}");

    let sample = invoke(&h, "create_plan", json!({ "from": "sample" })).expect("a sample plan");
    let doc = invoke(&h, "open_plan", json!({ "id": sample })).expect("open");
    assert_eq!(doc["view"], sample_view());
    assert_eq!(listed_names(&h).len(), 3);

    let err = invoke(&h, "create_plan", json!({ "from": "template" })).expect_err("unknown");
    assert_eq!(err["code"], "invalid_field");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("template")));
}

#[test]
fn duplicate_then_delete_and_restore_a_plan() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = first_id(&h);

    let copy = invoke(&h, "duplicate_plan", json!({ "id": id })).expect("duplicated");
    let copy = copy.as_i64().expect("the copy's id");
    assert_ne!(copy, id);
    let doc = invoke(&h, "open_plan", json!({ "id": copy })).expect("open the copy");
    assert_eq!(doc["plan"]["name"], "Q1 2027 Cold Brew Launch (copy)");
    assert_eq!(doc["view"], sample_view());
    let held = doc["view_id"].as_u64().expect("numbered");

    invoke(&h, "delete_plan", json!({ "id": copy })).expect("deleted");
    assert_eq!(listed_names(&h), vec!["Q1 2027 Cold Brew Launch".to_string()]);
    let err = invoke(&h, "open_plan", json!({ "id": copy })).expect_err("in the trash");
    assert!(err["code"].is_string());

    invoke(&h, "restore_plan", json!({ "id": copy })).expect("restored");
    assert_eq!(listed_names(&h).len(), 2);
    // The view held for the copy was let go with the delete: a save naming it is answered whole.
    let text = serde_json::to_string(&doc["plan"]).expect("serialises");
    let saved = common::invoke_text(&h, "save_plan", &format!("{copy} {held}\n{text}")).expect("saved");
    assert_eq!(saved["kept"], Value::Null);
    let doc = invoke(&h, "open_plan", json!({ "id": copy })).expect("open again");
    assert_eq!(doc["plan"]["name"], "Q1 2027 Cold Brew Launch (copy)");

    let err = invoke(&h, "delete_plan", json!({ "id": 9999 })).expect_err("no such plan");
    assert_eq!(err["code"], "plan_not_found");
    let err = invoke(&h, "duplicate_plan", json!({ "id": 9999 })).expect_err("no such plan");
    assert_eq!(err["code"], "plan_not_found");
}

#[test]
fn a_snapshot_freezes_the_plan_under_a_name_and_lists_newest_first() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = first_id(&h);
    assert_eq!(invoke(&h, "list_versions", json!({ "id": id })).expect("versions"), json!([]));

    let versions = invoke(&h, "snapshot_plan", json!({ "id": id, "name": "Sent to client" })).expect("snapshot");
    assert_eq!(versions.as_array().map(Vec::len), Some(1));
    assert_eq!(versions[0]["name"], "Sent to client");
    assert_eq!(versions[0]["plan_id"], id);

    let mut plan = sample_plan();
    plan.budget = "260000.00".parse().expect("a decimal");
    invoke(&h, "save_plan", json!({ "id": id, "plan": plan })).expect("saved");
    invoke(&h, "snapshot_plan", json!({ "id": id, "name": "  Round 2  " })).expect("snapshot");

    let versions = invoke(&h, "list_versions", json!({ "id": id })).expect("versions");
    let names: Vec<&str> = versions.as_array().expect("a list").iter().filter_map(|v| v["name"].as_str()).collect();
    assert_eq!(names, vec!["Round 2", "Sent to client"]);

    let err = invoke(&h, "snapshot_plan", json!({ "id": id, "name": "   " })).expect_err("no name");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("name")), "{err}");
    let err = invoke(&h, "list_versions", json!({ "id": 9999 })).expect_err("no such plan");
    assert_eq!(err["code"], "plan_not_found");
}

#[test]
fn export_pdf_asks_where_and_writes_a_one_page_pdf_of_the_saved_plan() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = first_id(&h);
    // The planner names the file without its extension: the export adds it.
    h.dialogs.push(Some(dir.path().join("Cold brew plan")));
    let out = invoke(&h, "export_pdf", json!({ "id": id })).expect("exported");
    let written = dir.path().join("Cold brew plan.pdf");
    assert_eq!(out["path"], written.display().to_string());
    assert!(out["warnings"].is_array());
    // The save dialog was asked by the shell, offering the plan's own name and only PDFs.
    match h.dialogs.asked().last() {
        Some(Ask::Save { file_name, filters, .. }) => {
            assert_eq!(file_name, "Northwind Coffee Co. Q1 2027 Cold Brew Launch.pdf");
            assert_eq!(filters[0].extensions, ["pdf"]);
        }
        other => panic!("asked {other:?}"),
    }
    let bytes = std::fs::read(&written).expect("the PDF exists");
    assert!(bytes.starts_with(b"%PDF-"));
    let info = std::process::Command::new("pdfinfo").arg(&written).output().expect("pdfinfo (poppler-utils) is installed");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.lines().any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 1")), "{info}");
    let names: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp") && !n.ends_with(".partial")), "{names:?}");

    // Cancelling writes nothing and answers null.
    h.dialogs.push(None);
    assert_eq!(invoke(&h, "export_pdf", json!({ "id": id })).expect("cancelled"), Value::Null);
    // A folder that does not exist: nothing is written, and the error names the file.
    h.dialogs.push(Some(dir.path().join("no such folder").join("plan.pdf")));
    let err = invoke(&h, "export_pdf", json!({ "id": id })).expect_err("no folder");
    assert_eq!(err["code"], "file_unwritable");
    assert!(err["file"].as_str().unwrap().ends_with("plan.pdf"), "{err}");
    // A symlink at the chosen name is not written through.
    let precious = dir.path().join("precious.txt");
    std::fs::write(&precious, "keep").unwrap();
    std::os::unix::fs::symlink(&precious, dir.path().join("linked.pdf")).unwrap();
    h.dialogs.push(Some(dir.path().join("linked.pdf")));
    let err = invoke(&h, "export_pdf", json!({ "id": id })).expect_err("a symlink");
    assert_eq!(err["code"], "target_not_replaced");
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep");
    // A plan that is not there fails before any dialog opens.
    let asked = h.dialogs.asked().len();
    let err = invoke(&h, "export_pdf", json!({ "id": 9999 })).expect_err("no plan");
    assert_eq!(err["code"], "plan_not_found");
    assert_eq!(h.dialogs.asked().len(), asked);
}

/// Every command's parameters, read from the command files: `(command, [(name, type)])`.
fn command_signatures() -> Vec<(String, Vec<(String, String)>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src/commands");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the commands folder") {
        let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("a command file");
        for chunk in text.split("#[tauri::command]").skip(1) {
            let sig = &chunk[..chunk.find('{').expect("a body")];
            let name = sig.split("fn ").nth(1).expect("a fn").split(['(', '<']).next().expect("a name").trim().to_string();
            let params = &sig[sig.find('(').expect("params") + 1..sig.rfind(')').expect("params end")];
            let params = params.split(',').filter_map(|p| p.split_once(':')).map(|(n, t)| (n.trim().to_string(), t.trim().to_string())).collect();
            // The backstop: the body is one `guarded(async move { … })`.
            let body = chunk[chunk.find('{').expect("a body") + 1..].trim_start();
            assert!(body.starts_with("guarded(async move {"), "{name} is not inside the panic backstop");
            out.push((name, params));
        }
    }
    out
}

/// No command takes a file path from the webview: files come only from the shell's own dialogs.
#[test]
fn no_command_takes_a_path_from_the_webview() {
    let commands = command_signatures();
    let names: Vec<&str> = commands.iter().map(|(n, _)| n.as_str()).collect();
    let mut declared: Vec<&str> = COMMANDS.to_vec();
    declared.sort_unstable();
    let mut found = names.clone();
    found.sort_unstable();
    assert_eq!(found, declared, "every declared command was read");
    for (cmd, params) in &commands {
        for (name, ty) in params {
            let lower = name.to_lowercase();
            assert!(!["path", "dir", "file", "folder", "output", "target"].iter().any(|w| lower.contains(w)), "{cmd} takes `{name}: {ty}`, which names a file");
            assert!(!ty.contains("Path"), "{cmd} takes `{name}: {ty}`, a path type");
        }
    }
}

/// A command that panics answers `{code: "internal"}` and the app goes on answering.
#[test]
fn a_panic_inside_a_command_is_an_internal_error_and_the_app_lives_on() {
    let out = tauri::async_runtime::block_on(flightplan_desktop::commands::guarded(async {
        let v: Vec<u8> = Vec::new();
        #[allow(clippy::useless_vec)]
        let i = v.len() + 3;
        Ok::<u8, Error>(v[i])
    }));
    let e = out.expect_err("a panic is an error");
    assert_eq!(e.code, "internal");
    assert!(e.message.contains("index out of bounds"), "{}", e.message);
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    assert_eq!(listed_names(&h).len(), 1, "the app still answers");
}
