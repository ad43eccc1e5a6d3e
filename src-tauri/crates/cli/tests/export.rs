//! `flightplan export` end to end: the sample plan to PDF, XLSX and CSV.

use std::process::Command;

fn flightplan() -> Command {
    Command::new(env!("CARGO_BIN_EXE_flightplan"))
}

fn sample(dir: &std::path::Path) -> std::path::PathBuf {
    let plan = dir.join("plan.json");
    std::fs::write(&plan, flightplan_core::SAMPLE_PLAN_JSON).unwrap();
    plan
}

#[test]
fn exports_pdf_xlsx_and_csv_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(dir.path());
    for (ext, magic) in [("pdf", &b"%PDF-"[..]), ("xlsx", &b"PK"[..]), ("csv", &b"id,channel,name"[..])] {
        let out = dir.path().join(format!("plan.{ext}"));
        let res = flightplan().arg("export").arg(&plan).arg("-o").arg(&out).args(["--paper", "letter", "--date", "2026-11-20"]).output().unwrap();
        assert!(res.status.success(), "{ext}: {}", String::from_utf8_lossy(&res.stderr));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(magic), "{ext} starts wrong");
        let report: serde_json::Value = serde_json::from_slice(&res.stdout).unwrap();
        assert_eq!(report["format"], ext);
    }
    let csv = std::fs::read_to_string(dir.path().join("plan.csv")).unwrap();
    assert_eq!(csv.lines().count(), 10);
    assert!(csv.contains("google-brand,Google Ads,Search — Brand"));
    let pdf = dir.path().join("plan.pdf");
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("612 x 792") || info.contains("792 x 612"), "{info}");
}

#[test]
fn unknown_extension_is_an_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(dir.path());
    let out = dir.path().join("plan.docx");
    let res = flightplan().arg("export").arg(&plan).arg("-o").arg(&out).output().unwrap();
    assert!(!res.status.success());
    assert!(String::from_utf8_lossy(&res.stderr).contains("unsupported_format"));
    assert!(!out.exists());
}

#[test]
fn the_pdf_presents_the_marked_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan: serde_json::Value = serde_json::from_str(flightplan_core::SAMPLE_PLAN_JSON).unwrap();
    plan["scenarios"] = serde_json::json!([{ "name": "Stretch", "presented": true, "budget": "300000.00",
        "lines": [{ "id": "meta-pros", "budget": "98000.00" }] }]);
    let file = dir.path().join("plan.json");
    std::fs::write(&file, plan.to_string()).unwrap();
    let out = dir.path().join("plan.pdf");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_flightplan"))
        .args(["export", file.to_str().unwrap(), "-o", out.to_str().unwrap(), "--date", "2026-11-21"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::process::Command::new("pdftotext").args([out.to_str().unwrap(), "-"]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    // Meta prospecting at 98,000 instead of 48,000: net media 300,000.00.
    assert!(text.contains("$300,000.00"), "{text}");
    assert!(text.contains("$98,000.00"), "{text}");
    assert!(text.contains("Stretch"), "the page says which scenario it shows");
}

/// The command writes exactly what `flightplan_cli::export_bytes` returns for the plan and day,
/// the function the desktop's export is checked against (tests/export_report.rs at the root):
/// the presented scenario, as of the `--date` day, byte for byte, with the same warnings.
#[test]
fn the_command_writes_the_library_functions_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = flightplan_core::sample_plan();
    plan.scenarios = vec![serde_json::from_value(serde_json::json!({"name": "Lean", "budget": "200000", "scale_amounts": true, "presented": true})).unwrap()];
    let file = dir.path().join("plan.json");
    std::fs::write(&file, flightplan_core::write_plan(&plan)).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2027, 5, 2).unwrap();
    for ext in ["pdf", "xlsx", "csv"] {
        let out = dir.path().join(format!("plan.{ext}"));
        let res = flightplan().args(["export", file.to_str().unwrap(), "-o", out.to_str().unwrap(), "--date", "2027-05-02"]).output().unwrap();
        assert!(res.status.success(), "{ext}: {}", String::from_utf8_lossy(&res.stderr));
        let (expected, warnings) = flightplan_cli::export_bytes(&plan, ext, day, None).unwrap();
        assert!(std::fs::read(&out).unwrap() == expected, "{ext}: the command's bytes differ");
        let printed: serde_json::Value = serde_json::from_slice(&res.stdout).unwrap();
        assert_eq!(printed["warnings"], serde_json::json!(warnings), "{ext}");
    }
    // The presented scenario is what the file shows: its budget, and the note naming it.
    let csv = std::fs::read_to_string(dir.path().join("plan.csv")).unwrap();
    let report = flightplan_core::report(&plan, day).unwrap();
    assert_eq!(report.presented.as_deref(), Some("Lean"));
    let lean = report.view.lines[0].net;
    assert_ne!(lean, flightplan_core::compute(&plan).unwrap().lines[0].net, "the scenario changes the first line");
    assert!(csv.contains(&format!(",{lean},")), "the CSV carries the presented net {lean}");
    // As of 2 May 2027 the Q1 plan's period has ended: the report's findings say so.
    assert!(report.view.findings.iter().any(|f| f.code == "period_ended"), "{:?}", report.view.findings.iter().map(|f| f.code).collect::<Vec<_>>());
}
