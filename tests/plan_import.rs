//! "Import plan…" through the desktop commands on the mock runtime: the shell asks for the file in
//! its own dialog, reads it once under a number, previews it as often as the planner corrects
//! the mapping or currency, and imports it only when nothing blocks it. Files: the shared
//! mediaplanschema 2.0 example, a messy agency workbook (tests/fixtures/imports, built here), a
//! CSV without a currency, broken files, plan files and the mediaplanschema export.

mod common;

use common::{app_on, first_id, invoke, listed_names, Harness};
use flightplan_desktop::dialogs::Ask;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shared_example() -> PathBuf {
    root().join("../shared/formats/mediaplanschema-3.0/example_mediaplan_v2.0.json")
}

/// The import files the UI's browser fixtures and the end-to-end test read too.
fn imports_dir() -> PathBuf {
    root().join("tests/fixtures/imports")
}

/// A classic agency flowchart: a merged title, labelled details, channel sections merged across
/// the sheet, money as text with £ (the currency in the rate's header), dates as text (day first)
/// and as an Excel serial, a row still to be costed, subtotals, a grand total, a footnote and a
/// notes sheet. Its cost column is headed "Spend allocation", which no guess knows: the planner
/// maps it. "Status" is not a line field.
fn agency_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    wb.set_properties(&DocProperties::new().set_author("Maya Osei").set_creation_datetime(&ExcelDateTime::from_ymd(2026, 11, 2).unwrap()));
    let ws = wb.add_worksheet();
    ws.set_name("Spring plan").unwrap();
    let bold = Format::new().set_bold();
    let section = Format::new().set_bold().set_background_color("#DDEBF7");
    ws.merge_range(0, 0, 0, 9, "HARBOUR & FINCH — SPRING 2027 MEDIA PLAN", &bold).unwrap();
    ws.write_string(1, 0, "Client:").unwrap();
    ws.write_string(1, 1, "Harbour & Finch Ltd").unwrap();
    ws.write_string(2, 0, "Campaign: Spring 2027 launch").unwrap();
    ws.write_string(3, 0, "Prepared by").unwrap();
    ws.write_string(3, 1, "Maya Osei").unwrap();
    let heads = ["Placement", "Media Owner", "Start", "End", "Buy Type", "Unit Rate (£)", "Spend allocation", "Est. Impressions", "Notes", "Status"];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(5, c as u16, *h, &bold).unwrap();
    }
    ws.merge_range(6, 0, 6, 9, "DIGITAL", &section).unwrap();
    ws.write_string(7, 0, "Prospecting video").unwrap();
    ws.write_string(7, 1, "Meta").unwrap();
    ws.write_string(7, 2, "04/01/2027").unwrap();
    ws.write_number(7, 3, 46474.0).unwrap(); // 2027-03-28 as Excel's serial
    ws.write_string(7, 4, "CPM").unwrap();
    ws.write_string(7, 5, "£8.50").unwrap();
    ws.write_string(7, 6, "£12,750.00").unwrap();
    ws.write_string(7, 7, "1,500,000").unwrap();
    ws.write_string(7, 9, "Approved").unwrap();
    ws.write_string(8, 0, "Search — brand").unwrap();
    ws.write_string(8, 1, "Google").unwrap();
    ws.write_string(8, 2, "11/01/2027").unwrap();
    ws.write_string(8, 3, "28 Mar 2027").unwrap();
    ws.write_string(8, 4, "CPC").unwrap();
    ws.write_string(8, 5, "£1.20").unwrap();
    ws.write_string(8, 6, "£6,000").unwrap();
    ws.write_string(8, 8, "Brand terms only").unwrap();
    ws.write_string(8, 9, "Approved").unwrap();
    ws.write_string(9, 0, "Influencer seeding").unwrap();
    ws.write_string(9, 1, "TBC").unwrap();
    ws.write_string(9, 2, "01/02/2027").unwrap();
    ws.write_string(9, 3, "28/02/2027").unwrap();
    ws.write_string(9, 6, "TBC").unwrap();
    ws.write_string(9, 9, "Awaiting quote").unwrap();
    ws.write_string(10, 0, "Digital subtotal").unwrap();
    ws.write_formula(10, 6, Formula::new("=SUM(G8:G10)").set_result("18750")).unwrap();
    ws.merge_range(11, 0, 11, 9, "OUT OF HOME", &section).unwrap();
    ws.write_string(12, 0, "6-sheets, London Zone 1").unwrap();
    ws.write_string(12, 1, "JCDecaux").unwrap();
    ws.write_string(12, 2, "15/02/2027").unwrap();
    ws.write_string(12, 3, "14/03/2027").unwrap();
    ws.write_string(12, 4, "Fixed fee").unwrap();
    ws.write_string(12, 6, "£9,500.00").unwrap();
    ws.write_string(12, 7, "2.4m").unwrap();
    ws.write_string(12, 9, "Booked").unwrap();
    ws.write_formula(13, 6, Formula::new("=SUM(G13:G13)").set_result("9500")).unwrap();
    ws.write_string(15, 0, "GRAND TOTAL").unwrap();
    ws.write_formula(15, 6, Formula::new("=G11+G14").set_result("28250")).unwrap();
    ws.write_string(17, 0, "All costs are net of agency commission.").unwrap();
    ws.set_column_width(0, 26).unwrap();
    ws.set_column_width(1, 14).unwrap();
    let notes = wb.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes.write_string(0, 0, "Rates as quoted by the media owners on 2 November 2026.").unwrap();
    notes.write_string(1, 0, "Influencer costs to follow once the shortlist is agreed.").unwrap();
    wb.save_to_buffer().unwrap()
}

/// A plain lines CSV with amounts and no currency anywhere: the planner chooses one.
const NO_CURRENCY_CSV: &str = "\
Line,Channel,Vendor,Pricing,Rate,Budget,Start,End
Brand search,Search,Google,CPC,0.85,4200,2027-01-04,2027-03-28
Prospecting,Social,Meta,CPM,6.40,9600,2027-01-04,2027-03-28
Retargeting,Social,Meta,CPM,9.10,2700,2027-01-18,2027-03-28
";

/// A CSV with a rate that is not a number, on its file line 3.
const BROKEN_CSV: &str = "\
Line,Channel,Vendor,Pricing,Rate,Budget (EUR),Start,End
Brand search,Search,Google,CPC,0.85,4200,2027-01-04,2027-03-28
Prospecting,Social,Meta,CPM,\"8,5x\",9600,2027-01-04,2027-03-28
";

/// The files the browser fixtures and the end-to-end test import; rewritten with
/// UPDATE_FIXTURES=1, otherwise they must be exactly what is built here.
#[test]
fn the_import_fixture_files_are_the_ones_built_here() {
    let files: [(&str, Vec<u8>); 3] = [
        ("agency-plan.xlsx", agency_workbook()),
        ("lines-no-currency.csv", NO_CURRENCY_CSV.as_bytes().to_vec()),
        ("broken-rate.csv", BROKEN_CSV.as_bytes().to_vec()),
    ];
    assert_eq!(agency_workbook(), agency_workbook(), "the workbook is built the same way every time");
    let update = std::env::var("UPDATE_FIXTURES").is_ok_and(|v| v == "1");
    for (name, bytes) in files {
        let path = imports_dir().join(name);
        if update {
            std::fs::create_dir_all(imports_dir()).unwrap();
            std::fs::write(&path, &bytes).unwrap();
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(committed == bytes, "{} is stale: regenerate with UPDATE_FIXTURES=1 cargo test -p flightplan --test plan_import", path.display());
    }
}

fn choose(h: &Harness, path: &Path) -> Result<Value, Value> {
    h.dialogs.push(Some(path.to_path_buf()));
    invoke(h, "choose_plan_import", json!({}))
}

fn preview(h: &Harness, source: &Value, choices: Value) -> Value {
    invoke(h, "preview_plan_import", json!({ "source": source, "choices": choices })).expect("a preview")
}

fn codes(p: &Value, level: &str) -> Vec<String> {
    p["problems"].as_array().unwrap().iter().filter(|x| x["level"] == level).map(|x| x["code"].as_str().unwrap().to_string()).collect()
}

fn line_names(p: &Value) -> Vec<String> {
    p["plan"]["lines"].as_array().unwrap().iter().map(|l| l["name"].as_str().unwrap().to_string()).collect()
}

#[test]
fn a_mediaplanschema_document_is_chosen_previewed_and_imported_with_the_cores_figures() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let chosen = choose(&h, &shared_example()).expect("chosen");
    assert_eq!(chosen, json!({ "source": 0, "file": "example_mediaplan_v2.0.json", "kind": "mediaplan" }));
    let Ask::Open { title, filters } = &h.dialogs.asked()[0] else { panic!("an open dialog") };
    assert_eq!(title, "Import a plan");
    let offered: Vec<Vec<&str>> = filters.iter().map(|f| f.extensions.to_vec()).collect();
    assert_eq!(offered, [vec!["xlsx", "csv", "json", "flightplan"], vec!["xlsx", "csv"], vec!["json", "flightplan"]]);

    let p = preview(&h, &chosen["source"], json!({}));
    assert_eq!(p["source"], "mediaplanschema 2.0");
    assert_eq!((p["currency"].as_str(), p["columns"].as_array().map(Vec::len)), (Some("USD"), Some(0)));
    assert_eq!(
        line_names(&p),
        [
            "LinkedIn Sponsored Content - Tech Professionals",
            "YouTube Brand Video Campaign",
            "Programmatic Display - Tech Publications",
            "X (Twitter) Promoted Tweets - Tech Community"
        ]
    );
    let places: Vec<(&str, &str)> = p["lines"].as_array().unwrap().iter().map(|l| (l["path"].as_str().unwrap(), l["net"].as_str().unwrap())).collect();
    // Net media is each line item's cost_media: its cost_total also holds buying, platform, data
    // and creative costs, which are named, one warning a line item.
    assert_eq!(places, [("lineitems[0]", "280000.00"), ("lineitems[1]", "245000.00"), ("lineitems[2]", "165000.00"), ("lineitems[3]", "62000.00")]);
    assert_eq!(codes(&p, "error"), Vec::<String>::new());
    assert_eq!(codes(&p, "warning"), ["other_costs"; 4]);
    assert_eq!(codes(&p, "info"), ["fee_kept"]);
    let kept = p["problems"].as_array().unwrap().iter().find(|x| x["code"] == "fee_kept").unwrap();
    assert_eq!(kept["path"], "dictionary.custom_costs.cost_custom1");
    assert_eq!((p["totals"]["net_media"].as_str(), p["totals"]["gross"].as_str()), (Some("752000.00"), Some("752000.00")));
    // The preview is pure: asked again, it answers the same.
    assert_eq!(preview(&h, &chosen["source"], json!({})), p);

    let id = invoke(&h, "commit_plan_import", json!({ "source": chosen["source"], "choices": {} })).expect("imported").as_i64().unwrap();
    assert_eq!(listed_names(&h).len(), 2);
    let doc = invoke(&h, "open_plan", json!({ "id": id })).unwrap();
    assert_eq!(doc["plan"], p["plan"], "the library holds the plan the preview showed");
    assert_eq!(doc["view"]["totals"], p["totals"], "with the core's totals");
    // Imported: the file is let go, so it cannot be imported twice by mistake.
    let err = invoke(&h, "preview_plan_import", json!({ "source": chosen["source"], "choices": {} })).expect_err("let go");
    assert_eq!(err["code"], "unknown_import");
}

#[test]
fn a_spreadsheet_imports_through_a_corrected_mapping() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let chosen = choose(&h, &imports_dir().join("agency-plan.xlsx")).expect("chosen");
    assert_eq!((chosen["file"].as_str(), chosen["kind"].as_str()), (Some("agency-plan.xlsx"), Some("spreadsheet")));
    let source = &chosen["source"];

    let guessed = preview(&h, source, json!({}));
    assert_eq!((guessed["sheet"].as_str(), guessed["header_row"].as_u64()), (Some("Spring plan"), Some(6)));
    assert_eq!(guessed["sheets"], json!(["Spring plan", "Notes"]));
    assert_eq!((guessed["currency"].as_str(), guessed["currency_source"].as_str()), (Some("GBP"), Some("the \"Unit Rate (£)\" column's header")));
    let field = |p: &Value, header: &str| {
        let c = p["columns"].as_array().unwrap().iter().find(|c| c["header"] == header).unwrap_or_else(|| panic!("{header}"));
        (c["letter"].as_str().unwrap().to_string(), c["field"].clone(), c["source"].as_str().unwrap().to_string())
    };
    assert_eq!(field(&guessed, "Placement"), ("A".into(), json!("name"), "guessed".into()));
    assert_eq!(field(&guessed, "Spend allocation"), ("G".into(), Value::Null, "none".into()));
    assert_eq!(field(&guessed, "Status"), ("J".into(), Value::Null, "none".into()));
    // Without a cost column every row imports at 0, listed, none dropped.
    assert_eq!(guessed["rows_without_cost"].as_array().unwrap().len(), 4);
    assert!(codes(&guessed, "warning").contains(&"no_cost_column".to_string()), "{:#?}", guessed["problems"]);

    // The planner says "Spend allocation" is the net media.
    let mut mapping = guessed["mapping"].clone();
    mapping["columns"]["Spend allocation"] = json!("budget");
    let p = preview(&h, source, json!({ "mapping": mapping }));
    assert_eq!(field(&p, "Spend allocation"), ("G".into(), json!("budget"), "mapping".into()));
    assert_eq!(p["mapping"]["columns"]["Spend allocation"], "budget", "the mapping to save for this layout");
    assert_eq!(codes(&p, "error"), Vec::<String>::new(), "{:#?}", p["problems"]);
    assert_eq!(line_names(&p), ["Prospecting video", "Search — brand", "Influencer seeding", "6-sheets, London Zone 1"]);
    let rows: Vec<u64> = p["lines"].as_array().unwrap().iter().map(|l| l["row"].as_u64().unwrap()).collect();
    assert_eq!(rows, [8, 9, 10, 13]);
    let nets: Vec<&str> = p["lines"].as_array().unwrap().iter().map(|l| l["net"].as_str().unwrap()).collect();
    assert_eq!(nets, ["12750.00", "6000.00", "0.00", "9500.00"]);
    let seeding = p["plan"]["lines"][2]["id"].clone();
    assert_eq!(p["rows_without_cost"], json!([seeding]));
    let skipped: Vec<(u64, &str)> = p["skipped"].as_array().unwrap().iter().map(|s| (s["row"].as_u64().unwrap(), s["reason"].as_str().unwrap())).collect();
    assert!(skipped.contains(&(11, "subtotal row")), "{skipped:#?}");
    assert!(skipped.contains(&(16, "total row")), "{skipped:#?}");
    assert!(skipped.contains(&(18, "a note, not a line")), "{skipped:#?}");
    assert_eq!((p["plan"]["client"].as_str(), p["plan"]["name"].as_str()), (Some("Harbour & Finch Ltd"), Some("Spring 2027 launch")));
    assert_eq!(p["totals"]["net_media"], "28250.00");

    let id = invoke(&h, "commit_plan_import", json!({ "source": source, "choices": { "mapping": mapping } })).expect("imported").as_i64().unwrap();
    let doc = invoke(&h, "open_plan", json!({ "id": id })).unwrap();
    assert_eq!(doc["view"]["totals"]["net_media"], "28250.00");
    assert_eq!(doc["view"]["totals"], p["totals"]);
    assert_eq!(doc["plan"]["currency"], "GBP");
    assert_eq!(listed_names(&h), ["Spring 2027 launch", "Q1 2027 Cold Brew Launch"]);
}

#[test]
fn a_file_without_a_currency_waits_for_the_planners_choice() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let chosen = choose(&h, &imports_dir().join("lines-no-currency.csv")).expect("chosen");
    let p = preview(&h, &chosen["source"], json!({}));
    assert_eq!(p["source"], "CSV spreadsheet");
    assert_eq!(codes(&p, "error"), ["no_currency"]);
    assert!(p.get("totals").is_none(), "no totals before the plan can be costed");
    let err = invoke(&h, "commit_plan_import", json!({ "source": chosen["source"], "choices": {} })).expect_err("no currency");
    assert_eq!(err["code"], "no_currency");
    assert_eq!(listed_names(&h).len(), 1, "the library is unchanged");

    let p = preview(&h, &chosen["source"], json!({ "currency": "EUR" }));
    assert_eq!(codes(&p, "error"), Vec::<String>::new());
    assert_eq!((p["currency"].as_str(), p["totals"]["net_media"].as_str()), (Some("EUR"), Some("16500.00")));
    let id = invoke(&h, "commit_plan_import", json!({ "source": chosen["source"], "choices": { "currency": "EUR" } })).unwrap().as_i64().unwrap();
    assert_eq!(invoke(&h, "open_plan", json!({ "id": id })).unwrap()["plan"]["currency"], "EUR");
}

#[test]
fn a_broken_file_is_refused_naming_its_place_and_the_library_is_unchanged() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let before = invoke(&h, "list_plans", json!({})).unwrap();

    // A cell that is not an amount: the preview names it, and Import is refused with its cell.
    let chosen = choose(&h, &imports_dir().join("broken-rate.csv")).expect("chosen");
    let p = preview(&h, &chosen["source"], json!({}));
    let bad: Vec<&Value> = p["problems"].as_array().unwrap().iter().filter(|x| x["level"] == "error").collect();
    assert_eq!(bad.len(), 1, "{bad:#?}");
    assert_eq!(
        (bad[0]["code"].as_str(), bad[0]["row"].as_u64(), bad[0]["column"].as_str(), bad[0]["cell"].as_str()),
        (Some("bad_amount"), Some(3), Some("Rate"), Some("E"))
    );
    let err = invoke(&h, "commit_plan_import", json!({ "source": chosen["source"], "choices": {} })).expect_err("a bad rate");
    assert_eq!((err["code"].as_str(), err["path"].as_str()), (Some("bad_amount"), Some("E3")));
    let place = (err["file"].as_str(), err["row"].as_u64(), err["column"].as_str());
    assert_eq!(place, (Some("broken-rate.csv"), Some(3), Some("Rate")), "{err}");

    // Files that cannot be read at all stop at the choice, naming the file.
    let broken_json = dir.path().join("spring.mediaplan.json");
    std::fs::write(&broken_json, "{\"meta\": {\"schema_version\": \"v3.0\",}").unwrap();
    let err = choose(&h, &broken_json).expect_err("malformed");
    assert_eq!(err["code"], "invalid_json");
    let place = (err["file"].as_str(), err["json_line"].as_u64(), err["json_column"].as_u64());
    assert_eq!(place, (Some("spring.mediaplan.json"), Some(1), Some(36)), "{err}");
    assert_eq!(err["message"], "the JSON is malformed (trailing comma)");
    let not_a_workbook = dir.path().join("plan.xlsx");
    std::fs::write(&not_a_workbook, "Line,Budget\nA,1\n").unwrap();
    assert_eq!(choose(&h, &not_a_workbook).expect_err("not a workbook")["code"], "bad_xlsx");
    let gone = dir.path().join("gone.csv");
    let err = choose(&h, &gone).expect_err("missing");
    assert_eq!(err["code"], "file_not_found");
    assert!(!err["message"].as_str().unwrap().contains(&dir.path().display().to_string()), "the message names the file, not the folder: {err}");

    // A number that was never handed out.
    let err = invoke(&h, "preview_plan_import", json!({ "source": 77, "choices": {} })).expect_err("unknown");
    assert_eq!((err["code"].as_str(), err["path"].as_str()), (Some("unknown_import"), Some("source")));
    // Choices that are not choices.
    let err = invoke(&h, "preview_plan_import", json!({ "source": chosen["source"], "choices": { "mapping": { "columns": { "Rate": "price" } } } }));
    assert!(err.is_err(), "an unknown field is refused: {err:?}");

    assert_eq!(invoke(&h, "list_plans", json!({})).unwrap(), before, "the library is unchanged");
}

#[test]
fn cancelling_the_dialog_or_the_preview_changes_nothing() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let before = invoke(&h, "list_plans", json!({})).unwrap();
    h.dialogs.push(None);
    assert_eq!(invoke(&h, "choose_plan_import", json!({})).expect("cancelled"), Value::Null);
    assert_eq!(h.dialogs.asked().len(), 1);
    // Chosen and previewed, then the planner cancels: the UI simply does not commit.
    let chosen = choose(&h, &shared_example()).expect("chosen");
    preview(&h, &chosen["source"], json!({}));
    assert_eq!(invoke(&h, "list_plans", json!({})).unwrap(), before);
}

#[test]
fn a_plan_file_round_trips_through_export_and_the_import_preview_and_a_broken_one_is_refused() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = first_id(&h);
    h.dialogs.push(Some(dir.path().join("cold brew")));
    let out = invoke(&h, "export_plan_file", json!({ "id": id })).expect("exported");
    let written = dir.path().join("cold brew.flightplan");
    assert_eq!(out["path"], json!(written.display().to_string()));
    let chosen = choose(&h, &written).expect("chosen");
    assert_eq!(chosen["kind"], "flightplan_plan");
    let p = preview(&h, &chosen["source"], json!({}));
    assert_eq!(p["source"], "Flightplan plan file (flightplan/1)");
    assert_eq!(p["lines"][0]["path"], "lines[0]");
    let new_id = invoke(&h, "commit_plan_import", json!({ "source": chosen["source"], "choices": {} })).unwrap().as_i64().unwrap();
    let a = invoke(&h, "open_plan", json!({ "id": id })).unwrap();
    let b = invoke(&h, "open_plan", json!({ "id": new_id })).unwrap();
    assert_eq!(a["plan"], b["plan"]);
    assert_eq!(a["view"], b["view"]);
    assert_eq!(p["totals"], a["view"]["totals"]);

    // A broken rule shows in the preview at its JSON path and blocks the import.
    let broken = dir.path().join("broken.json");
    let text = std::fs::read_to_string(&written).unwrap().replacen("\"rate\": \"1.20\"", "\"rate\": \"-1.20\"", 1);
    std::fs::write(&broken, text).unwrap();
    let chosen = choose(&h, &broken).expect("chosen");
    let p = preview(&h, &chosen["source"], json!({}));
    let problem = &p["problems"][0];
    assert_eq!(
        (problem["code"].as_str(), problem["path"].as_str(), problem["line"].as_str()),
        (Some("negative_value"), Some("lines[0].rate"), Some("google-brand"))
    );
    let err = invoke(&h, "commit_plan_import", json!({ "source": chosen["source"], "choices": {} })).expect_err("a negative rate");
    assert_eq!((err["code"].as_str(), err["line"].as_str(), err["path"].as_str()), (Some("negative_value"), Some("google-brand"), Some("lines[0].rate")));
    assert_eq!((err["file"].as_str(), err["message"].as_str()), (Some("broken.json"), Some("-1.20 is negative")), "{err}");
    // A value of the wrong type stops at the choice with the file line, as the plan file reader says.
    let typed = dir.path().join("typed.json");
    std::fs::write(&typed, std::fs::read_to_string(&written).unwrap().replacen("\"rate\": \"1.20\"", "\"rate\": \"twelve\"", 1)).unwrap();
    let err = choose(&h, &typed).expect_err("not a decimal");
    assert_eq!((err["code"].as_str(), err["line"].as_str(), err["path"].as_str()), (Some("invalid_field"), Some("google-brand"), Some("lines[0].rate")));
    assert_eq!(
        (err["file"].as_str(), err["message"].as_str()),
        (Some("typed.json"), Some("\"twelve\" is not a decimal number (write it like \"12.50\")")),
        "{err}"
    );
    assert!(err["json_line"].as_u64().is_some_and(|l| l > 1), "the file line is a field: {err}");
    assert_eq!(listed_names(&h).len(), 2, "only the good file was imported");
}

#[test]
fn export_mediaplan_writes_a_3_0_document_that_imports_back_to_the_same_plan() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = first_id(&h);
    h.dialogs.push(Some(dir.path().join("cold brew")));
    let out = invoke(&h, "export_mediaplan", json!({ "id": id })).expect("exported");
    let written = dir.path().join("cold brew.mediaplan.json");
    assert_eq!(out["path"], json!(written.display().to_string()));
    let Some(Ask::Save { title, file_name, filters }) = h.dialogs.asked().last().cloned() else { panic!("a save dialog") };
    assert_eq!(title, "Export the plan as mediaplanschema");
    assert_eq!(file_name, "Northwind Coffee Co. Q1 2027 Cold Brew Launch.mediaplan.json");
    assert_eq!(filters[0].extensions, ["json"]);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&written).unwrap()).unwrap();
    assert_eq!(doc["meta"]["schema_version"], "3.0");
    assert_eq!(doc["lineitems"].as_array().unwrap().len(), 9);
    assert_eq!(doc["campaign"]["name"], "Q1 2027 Cold Brew Launch");

    let chosen = choose(&h, &written).expect("chosen");
    assert_eq!(chosen["kind"], "mediaplan");
    let p = preview(&h, &chosen["source"], json!({}));
    let stored = invoke(&h, "open_plan", json!({ "id": id })).unwrap();
    assert_eq!(p["totals"], stored["view"]["totals"], "the document carries the plan to the cent");
    assert_eq!(line_names(&p), line_names(&json!({ "plan": stored["plan"] })));

    // Cancelled: nothing written, nothing said.
    h.dialogs.push(None);
    assert_eq!(invoke(&h, "export_mediaplan", json!({ "id": id })).unwrap(), Value::Null);
    let err = invoke(&h, "export_mediaplan", json!({ "id": 4242 })).expect_err("no plan");
    assert_eq!(err["code"], "plan_not_found");
}

#[test]
fn a_plan_is_updated_from_its_csv_sent_back_with_a_changed_rate_and_nothing_is_stored_until_applied() {
    let dir = tmp();
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = first_id(&h);
    h.dialogs.push(Some(dir.path().join("lines")));
    invoke(&h, "export_table", json!({ "id": id, "format": "csv" })).expect("exported");
    let written = dir.path().join("lines.csv");
    let stored = invoke(&h, "open_plan", json!({ "id": id })).unwrap();
    let first = &stored["plan"]["lines"][0];
    // The client's change: the first line's rate, 1.20 → 1.35.
    let csv = std::fs::read_to_string(&written).unwrap();
    let mut rows: Vec<String> = csv.lines().map(str::to_string).collect();
    assert!(rows[1].contains(",1.20,"), "{}", rows[1]);
    rows[1] = rows[1].replacen(",1.20,", ",1.35,", 1);
    std::fs::write(&written, rows.join("\n")).unwrap();

    h.dialogs.push(Some(written.clone()));
    let chosen = invoke(&h, "choose_plan_import", json!({ "update": true })).expect("chosen");
    let Some(Ask::Open { title, filters }) = h.dialogs.asked().last().cloned() else { panic!("an open dialog") };
    assert_eq!((title.as_str(), filters[0].extensions), ("Update the plan from a spreadsheet", &["xlsx", "csv"][..]));
    let u = invoke(&h, "preview_plan_update", json!({ "id": id, "source": chosen["source"] })).expect("an update");
    assert_eq!(u["ready"], json!(true), "{u:#}");
    let rate = u["changes"]["changes"].as_array().unwrap().iter().find(|c| c["line"] == first["id"] && c["field"] == "rate").expect("the rate change");
    assert_eq!((&rate["before"], &rate["after"]), (&json!("1.20"), &json!("1.35")));
    assert_eq!(u["changes"]["lines_added"], json!([]));
    assert_eq!(u["plan"]["lines"][0]["rate"], json!("1.35"));
    assert_eq!(u["plan"]["scenarios"], stored["plan"]["scenarios"], "the scenarios stay");
    assert_eq!(invoke(&h, "open_plan", json!({ "id": id })).unwrap()["plan"], stored["plan"], "a preview stores nothing");

    let err = invoke(&h, "preview_plan_update", json!({ "id": 4242, "source": chosen["source"] })).expect_err("no plan");
    assert_eq!(err["code"], "plan_not_found");
    let err = invoke(&h, "preview_plan_update", json!({ "id": id, "source": 99 })).expect_err("no file");
    assert_eq!(err["code"], "unknown_import");
}
