//! Stage 5 and the money trail through the `flightplan` command: insertion orders per vendor,
//! the launch checklist and gated status moves, campaign names, and reconciliation of planned,
//! delivered and invoiced money. Real processes on real files.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
mod common;

use common::{err_json, ok_json, run, s};
use std::process::Command;

/// The bundled sample plan as a file, edited by `edit` first.
fn sample(dir: &Path, name: &str, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let out = run(&["demo"]);
    let mut plan: Value = serde_json::from_slice(&out.stdout).unwrap();
    edit(&mut plan);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&plan).unwrap()).unwrap();
    path
}

fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().unwrap_or_else(|e| panic!("{cmd} is not installed: {e}"));
    assert!(out.status.success(), "{cmd} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn squash(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

#[test]
fn io_writes_one_single_page_pdf_per_vendor() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(dir.path(), "plan.json", |_| {});
    let out_dir = dir.path().join("orders");
    let v = ok_json(&["io", s(&plan), "-o", s(&out_dir), "--date", "2026-12-01"]);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files_in(&out_dir), ["iheartmedia.pdf", "morning-brew.pdf"]);

    // Net and gross are compute's figures for the vendor's lines, exactly.
    let costed = ok_json(&["compute", s(&plan)]);
    let line = |id: &str| costed["lines"].as_array().unwrap().iter().find(|l| l["id"] == id).unwrap().clone();
    let mb = line("morningbrew-direct");
    let radio = line("radio-nyc");
    assert_eq!(files[0]["vendor"], "Morning Brew");
    assert_eq!(files[0]["placements"], 1);
    assert_eq!(files[0]["net"], "16000.00");
    assert_eq!(files[0]["net"], mb["net"]);
    assert_eq!(files[0]["gross"], mb["gross"]);
    assert_eq!(files[0]["net_formatted"], "$16,000.00");
    assert_eq!(files[1]["vendor"], "iHeartMedia");
    assert_eq!(files[1]["net"], "28000.00");
    assert_eq!(files[1]["gross"], radio["gross"]);
    assert!(files[0]["number"].as_str().unwrap().ends_with("-01-V3"));

    for (f, placement) in files.iter().zip(["Morning Brew — Presenting sponsor", "Radio — NYC drive time"]) {
        let path = f["path"].as_str().unwrap();
        let info = tool("pdfinfo", &[path]);
        assert!(info.lines().any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 1")), "{info}");
        let text = squash(&tool("pdftotext", &["-raw", path, "-"]));
        for needle in
            [f["vendor"].as_str().unwrap(), placement, f["net_formatted"].as_str().unwrap(), f["number"].as_str().unwrap(), "1 Dec 2026", "SCHEDULE BY WEEK"]
        {
            assert!(text.contains(&squash(needle)), "{path}: {needle:?} missing");
        }
        // Gross (net plus the agency's commission and fees) is the agency's record, in the JSON
        // above; the vendor's order never shows it.
        assert!(!text.contains(&squash(f["gross_formatted"].as_str().unwrap())), "{path}: gross printed");
    }
}

#[test]
fn io_writes_nothing_when_there_is_nothing_to_order_or_the_input_is_bad() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(dir.path(), "auction-only.json", |p| {
        let lines = p["lines"].as_array_mut().unwrap();
        lines.retain(|l| l["buying"] != "direct" && l["buying"] != "offline");
        // The sample's scenarios re-budget the CTV and radio lines taken out here.
        p.as_object_mut().unwrap().remove("scenarios");
    });
    let out_dir = dir.path().join("orders");
    let e = err_json(&["io", s(&plan), "-o", s(&out_dir)]);
    assert_eq!(e["code"], "no_insertion_orders");
    assert!(!out_dir.exists());

    let good = sample(dir.path(), "plan.json", |_| {});
    let e = err_json(&["io", s(&good), "-o", s(&out_dir), "--date", "2026-13-01"]);
    assert_eq!(e["code"], "bad_date");
    assert!(!out_dir.exists());
}

#[test]
fn launch_lists_checklists_and_gates_live() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(dir.path(), "plan.json", |_| {});
    let v = ok_json(&["launch", s(&plan)]);
    let lines = v["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 9);
    let mb = lines.iter().find(|l| l["line"] == "morningbrew-direct").unwrap();
    assert_eq!(mb["status"], "planned");
    assert_eq!(mb["ready"], false);
    let io = mb["checklist"].as_array().unwrap().iter().find(|c| c["item"] == "io_signed").unwrap();
    assert_eq!((io["required"].as_bool(), io["done"].as_bool()), (Some(true), Some(false)));
    assert!(mb["open"].as_array().unwrap().contains(&json!("io_signed")));

    // planned → booked is free.
    let booked = dir.path().join("booked.json");
    let v = ok_json(&["launch", s(&plan), "--line", "morningbrew-direct", "--to", "booked", "--on", "2027-01-10", "-o", s(&booked)]);
    assert_eq!((v["from"].as_str(), v["to"].as_str()), (Some("planned"), Some("booked")));

    // booked → live without the IO signed is refused, and nothing is written.
    let live = dir.path().join("live.json");
    let e = err_json(&["launch", s(&booked), "--line", "morningbrew-direct", "--to", "live", "--on", "2027-01-18", "-o", s(&live)]);
    assert_eq!(e["code"], "launch_blocked");
    assert!(e["message"].as_str().unwrap().contains("IO signed not done"), "{e}");
    assert!(!live.exists());

    // An override records who and why.
    let v = ok_json(&[
        "launch",
        s(&booked),
        "--line",
        "morningbrew-direct",
        "--to",
        "live",
        "--on",
        "2027-01-18",
        "--override-by",
        "Dana Park",
        "--reason",
        "IO countersigned by email; PDF to follow",
        "-o",
        s(&live),
    ]);
    assert_eq!(v["to"], "live");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&live).unwrap()).unwrap();
    let line = saved["lines"].as_array().unwrap().iter().find(|l| l["id"] == "morningbrew-direct").unwrap();
    assert_eq!(line["launch"]["status"], "live");
    assert_eq!(line["launch"]["override"], json!({"by": "Dana Park", "reason": "IO countersigned by email; PDF to follow", "on": "2027-01-18"}));

    // With the checklist done, no override is needed.
    let ready = sample(dir.path(), "ready.json", |p| {
        for l in p["lines"].as_array_mut().unwrap() {
            if l["id"] == "radio-nyc" {
                l["launch"] = json!({"status": "booked", "io_signed": true});
                l["creative"][0]["delivered"] = json!(2);
            }
        }
    });
    let out = dir.path().join("radio-live.json");
    let v = ok_json(&["launch", s(&ready), "--line", "radio-nyc", "--to", "live", "--on", "2027-02-01", "-o", s(&out)]);
    assert_eq!(v["override"], Value::Null);
    // And an impossible move is refused.
    let e = err_json(&["launch", s(&plan), "--line", "radio-nyc", "--to", "paused", "-o", s(&out)]);
    assert_eq!(e["code"], "bad_transition");
    let e = err_json(&["launch", s(&plan), "--line", "nope", "--to", "booked", "-o", s(&out)]);
    assert_eq!(e["code"], "unknown_line");
}

#[test]
fn names_follow_the_plan_template() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(dir.path(), "plan.json", |p| {
        p["monitoring"] = json!({"naming_template": "{client}_{channel}_{objective}_{yyyymm}"});
    });
    let v = ok_json(&["names", s(&plan)]);
    let names = v["names"].as_array().unwrap();
    assert_eq!(names.len(), 9);
    let name = |id: &str| names.iter().find(|n| n["line"] == id).unwrap()["campaign"].as_str().unwrap().to_string();
    assert_eq!(name("morningbrew-direct"), "northwind-coffee-co_newsletter_consideration_202701");
    assert_eq!(name("radio-nyc"), "northwind-coffee-co_radio_awareness_202702");
    assert_eq!(name("google-brand"), "northwind-coffee-co_google-ads_conversion_202701");

    let v = ok_json(&["names", s(&plan), "--template", "{vendor}|{line}"]);
    assert_eq!(v["names"][0]["campaign"], "google|google-brand");

    let bare = sample(dir.path(), "bare.json", |p| {
        p.as_object_mut().unwrap().remove("monitoring");
    });
    assert_eq!(err_json(&["names", s(&bare)])["code"], "no_naming_template");
    assert_eq!(err_json(&["names", s(&plan), "--template", "{client}_{budget}"])["code"], "naming_template");
}

#[test]
fn reconcile_flags_an_invoice_above_tolerance() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(dir.path(), "plan.json", |p| {
        p["actuals"] = json!([
            {"line": "morningbrew-direct", "date": "2027-01-18", "spend": "4000.00"},
            {"line": "morningbrew-direct", "date": "2027-01-25", "spend": "3990.00"},
            {"line": "radio-nyc", "date": "2027-02-02", "spend": "5000.00"},
        ]);
        p["invoices"] = json!([
            // 8,490.00 invoiced on 7,990.00 delivered: 500.00 over, beyond 2% and 1.00.
            {"vendor": "Morning Brew", "month": "2027-01", "amount": "8490.00", "number": "MB-1001"},
            // 5,050.00 on 5,000.00: 1% over, inside the 2% tolerance.
            {"vendor": "iHeartMedia", "month": "2027-02", "amount": "5050.00", "number": "IH-77"},
        ]);
    });
    let v = ok_json(&["reconcile", s(&plan)]);
    assert_eq!(v["currency"], "USD");
    assert_eq!(v["flagged"], 1);
    let rows = v["rows"].as_array().unwrap();
    let row = |vendor: &str, month: &str| rows.iter().find(|r| r["vendor"] == vendor && r["month"] == month).unwrap().clone();
    let mb = row("Morning Brew", "2027-01");
    // Planned: 16,000.00 over four on-air weeks; the weeks of 18 and 25 Jan are in January.
    assert_eq!((mb["planned"].as_str(), mb["delivered"].as_str(), mb["invoiced"].as_str()), (Some("8000.00"), Some("7990.00"), Some("8490.00")));
    assert_eq!(mb["difference"], "500.00");
    assert_eq!(mb["flagged"], true);
    let ih = row("iHeartMedia", "2027-02");
    assert_eq!((ih["delivered"].as_str(), ih["difference"].as_str(), ih["flagged"].as_bool()), (Some("5000.00"), Some("50.00"), Some(false)));
    // Months with spend planned but nothing delivered or invoiced are listed, unflagged.
    let feb = row("Morning Brew", "2027-02");
    assert_eq!((feb["planned"].as_str(), feb["delivered"].as_str(), feb["flagged"].as_bool()), (Some("8000.00"), Some("0.00"), Some(false)));
}

#[test]
fn reconcile_reads_platform_reports_too() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let v = ok_json(&["reconcile", s(&data.join("plan.json")), "--actuals", s(&data.join("meta_3_weeks.csv"))]);
    let rows = v["rows"].as_array().unwrap();
    let delivered: f64 = rows.iter().map(|r| r["delivered"].as_str().unwrap().parse::<f64>().unwrap()).sum();
    assert!(delivered > 0.0, "the Meta report's spend is delivered: {v}");
    // A bad report fails with its line number, as for every import.
    let e = err_json(&["reconcile", s(&data.join("plan.json")), "--actuals", s(&data.join("meta_bad_line4.csv"))]);
    assert_eq!(e["code"], "bad_number");
    assert_eq!((&e["file"], &e["row"]), (&serde_json::json!("meta_bad_line4.csv"), &serde_json::json!(4)), "{e}");
}
