//! The app and the CLI hand the client the same files: `export_pdf` and `export_table` make the
//! core's report (the scenario marked presented, costed as of the shell's today) exactly as
//! `flightplan export` does, so the same plan on the same day gives the same bytes and the same
//! warnings, on A4 and on US Letter; the print view (`print_pdf`) gets those very bytes. And the
//! plan screen's view carries the dated findings `flightplan check` raises.

mod common;

use base64::Engine;
use common::{app_on, first_id, invoke, today};
use flightplan_core::plan::Paper;
use flightplan_core::Plan;
use serde_json::json;
use std::path::Path;

/// The sample plan with a presented scenario ("Lean": 20% less, lines scaled) and a long
/// review gap, saved over the library's first plan.
fn presented_plan() -> Plan {
    let mut plan = flightplan_core::sample_plan();
    plan.scenarios = vec![serde_json::from_value(json!({"name": "Lean", "budget": "200000", "scale_amounts": true, "presented": true})).unwrap()];
    plan.last_reviewed = chrono::NaiveDate::from_ymd_opt(2026, 5, 1);
    plan
}

#[test]
fn the_apps_exports_are_the_clis_bytes() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = first_id(&h);
    let plan = presented_plan();
    invoke(&h, "save_plan", json!({ "id": id, "plan": plan })).expect("saved");

    for (command, format) in [("export_pdf", "pdf"), ("export_table", "xlsx"), ("export_table", "csv")] {
        let target = dir.path().join(format!("plan.{format}"));
        h.dialogs.push(Some(target.clone()));
        let args = if command == "export_pdf" { json!({ "id": id }) } else { json!({ "id": id, "format": format }) };
        let out = invoke(&h, command, args).expect("exported");
        let (expected, warnings) = flightplan_cli::export_bytes(&plan, format, today(), None).expect("the CLI exports");
        let written = std::fs::read(&target).expect("written");
        assert!(written == expected, "{format}: the app's file differs from the CLI's ({} vs {} bytes)", written.len(), expected.len());
        assert_eq!(out["warnings"], json!(warnings), "{format}: warnings");
    }
    // What they both show: the presented scenario, with the note naming it.
    let report = flightplan_core::report(&plan, today()).unwrap();
    assert_eq!(report.presented.as_deref(), Some("Lean"));
    assert_ne!(report.view.totals.net_media, flightplan_core::compute(&plan).unwrap().totals.net_media);
    let text = std::process::Command::new("pdftotext").arg(dir.path().join("plan.pdf")).arg("-").output().expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<String>();
    assert!(text.contains("presentsthe“Lean”scenario"), "{text}");
}

/// The page size `pdfinfo` reads from the PDF's MediaBox, in points: "792 x 612".
fn page_size(pdf: &Path) -> String {
    let info = std::process::Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo (poppler-utils) is installed");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let line = info.lines().find(|l| l.starts_with("Page size:")).unwrap_or_else(|| panic!("{info}"));
    line["Page size:".len()..].split(" pts").next().unwrap().trim().to_string()
}

#[test]
fn the_paper_asked_for_gives_the_clis_page_and_the_print_view_gets_the_same_bytes() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = first_id(&h);
    let plan = presented_plan();
    assert_eq!(plan.settings.paper, Paper::A4, "the sample prints on A4 by default");
    invoke(&h, "save_plan", json!({ "id": id, "plan": plan })).expect("saved");

    // (what the UI sends, the paper the CLI is asked for, the MediaBox in points, landscape)
    let cases =
        [(json!(null), None, "841.89 x 595.28"), (json!("a4"), Some(Paper::A4), "841.89 x 595.28"), (json!("letter"), Some(Paper::Letter), "792 x 612")];
    for (asked, cli_paper, size) in cases {
        let (expected, warnings) = flightplan_cli::export_bytes(&plan, "pdf", today(), cli_paper).expect("the CLI exports");
        let cli_file = dir.path().join("cli.pdf");
        std::fs::write(&cli_file, &expected).unwrap();
        assert_eq!(page_size(&cli_file), size, "{asked}: the CLI's page");

        let target = dir.path().join(format!("export-{asked}.pdf"));
        h.dialogs.push(Some(target.clone()));
        let out = invoke(&h, "export_pdf", json!({ "id": id, "paper": asked })).expect("exported");
        assert!(std::fs::read(&target).unwrap() == expected, "{asked}: the app's export differs from the CLI's");
        assert_eq!(out["warnings"], json!(warnings), "{asked}: warnings");
        assert_eq!(page_size(&target), size, "{asked}: the exported page");

        let printable = invoke(&h, "print_pdf", json!({ "id": id, "paper": asked })).expect("a page to print");
        let bytes = base64::engine::general_purpose::STANDARD.decode(printable["pdf"].as_str().unwrap()).expect("base64");
        assert!(bytes == expected, "{asked}: the page to print differs from the CLI's PDF");
        assert_eq!(printable["warnings"], json!(warnings), "{asked}: the print view's warnings");
        assert_eq!(printable["paper"], json!(if size.starts_with("792") { "letter" } else { "a4" }));
    }
    // Choosing Letter for one export or print does not change the plan's own paper.
    let doc = invoke(&h, "open_plan", json!({ "id": id })).expect("opened");
    assert_eq!(doc["plan"]["settings"]["paper"], "a4");

    // A plan set to Letter prints and exports on Letter unless asked otherwise.
    let mut letter = plan.clone();
    letter.settings.paper = Paper::Letter;
    invoke(&h, "save_plan", json!({ "id": id, "plan": letter })).expect("saved");
    let printable = invoke(&h, "print_pdf", json!({ "id": id })).expect("a page to print");
    assert_eq!(printable["paper"], "letter");
    let (expected, _) = flightplan_cli::export_bytes(&letter, "pdf", today(), None).unwrap();
    assert!(base64::engine::general_purpose::STANDARD.decode(printable["pdf"].as_str().unwrap()).unwrap() == expected);
    let printable = invoke(&h, "print_pdf", json!({ "id": id, "paper": "a4" })).expect("a page to print");
    assert_eq!(printable["paper"], "a4");

    // Refusals: no such plan, no such paper.
    let err = invoke(&h, "print_pdf", json!({ "id": 9999 })).expect_err("no plan");
    assert_eq!(err["code"], "plan_not_found");
    assert!(invoke(&h, "print_pdf", json!({ "id": id, "paper": "legal" })).is_err(), "legal is no paper the PDF knows");
}

#[test]
fn the_plan_screen_shows_the_dated_findings() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let h = app_on(&dir.path().join("library.sqlite3"));
    let id = first_id(&h);
    let plan = presented_plan();
    let codes =
        |view: &serde_json::Value| -> Vec<String> { view["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_string()).collect() };
    // Reviewed on 1 May 2026: more than a quarter before 21 Nov 2026.
    let saved = invoke(&h, "save_plan", json!({ "id": id, "plan": plan })).expect("saved")["view"].take();
    assert!(codes(&saved).contains(&"plan_not_revisited".to_string()), "{:?}", codes(&saved));
    let doc = invoke(&h, "open_plan", json!({ "id": id })).expect("opened");
    assert!(codes(&doc["view"]).contains(&"plan_not_revisited".to_string()));
    let computed = invoke(&h, "compute_plan", json!({ "plan": plan })).expect("computed");
    assert_eq!(computed, doc["view"]);
    // Exactly the core's view as of the app's day.
    assert_eq!(computed, serde_json::to_value(flightplan_core::compute_as_of(&plan, Some(today())).unwrap()).unwrap());
    // Reviewed last week: no such finding.
    let mut fresh = plan.clone();
    fresh.last_reviewed = chrono::NaiveDate::from_ymd_opt(2026, 11, 14);
    let view = invoke(&h, "compute_plan", json!({ "plan": fresh })).expect("computed");
    assert!(!codes(&view).contains(&"plan_not_revisited".to_string()));
}
