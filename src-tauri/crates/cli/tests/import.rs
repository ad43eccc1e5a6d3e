//! `flightplan import` and `flightplan export … -o NAME.mediaplan.json` end to end: Flightplan's
//! own exports and a mediaplanschema document come back as the same plan; the shared 2.0 example
//! imports; a spreadsheet goes through a saved mapping; bad files write nothing and name the
//! sheet and row or the JSON path.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn flightplan() -> Command {
    Command::new(env!("CARGO_BIN_EXE_flightplan"))
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    flightplan().args(args).output().unwrap()
}

fn ok(out: &Output) -> Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn errors(out: &Output) -> Vec<Value> {
    assert!(!out.status.success());
    String::from_utf8_lossy(&out.stderr).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn sample(dir: &Path) -> PathBuf {
    let plan = dir.join("plan.json");
    std::fs::write(&plan, flightplan_core::SAMPLE_PLAN_JSON).unwrap();
    plan
}

fn computed(path: &Path) -> Value {
    ok(&flightplan().arg("compute").arg(path).output().unwrap())
}

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/formats/mediaplanschema-3.0/example_mediaplan_v2.0.json")
}

#[test]
fn own_exports_import_back_to_the_same_totals() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(dir.path());
    let want = computed(&plan);
    for name in ["plan.xlsx", "plan.csv", "plan.mediaplan.json"] {
        let out = dir.path().join(name);
        ok(&flightplan().arg("export").arg(&plan).arg("-o").arg(&out).args(["--date", "2026-11-20"]).output().unwrap());
        let back = dir.path().join(format!("{name}.back.json"));
        let report = ok(&flightplan().arg("import").arg(&out).arg("-o").arg(&back).output().unwrap());
        assert_eq!(report["lines"], 9, "{name}");
        let got = computed(&back);
        for key in ["net_media", "agency_commission", "ad_serving", "tech_fee", "fees", "gross", "impressions", "clicks", "conversions", "views", "grps"] {
            assert_eq!(got["totals"][key], want["totals"][key], "{name}: {key}");
        }
        if name != "plan.csv" {
            assert_eq!(got["totals"]["weeks"], want["totals"]["weeks"], "{name}: weeks");
            assert_eq!(got["totals"]["budget"], want["totals"]["budget"], "{name}: budget");
        }
    }
    let report = ok(&flightplan().arg("import").arg(dir.path().join("plan.xlsx")).arg("-o").arg(dir.path().join("x.json")).output().unwrap());
    assert_eq!(report["source"], "Flightplan XLSX export");
    assert_eq!(report["sheet"], "Mix");
}

#[test]
fn mediaplan_export_is_3_0_and_the_v2_example_imports() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("example.json");
    let report = ok(&run(&["import".as_ref(), example().as_os_str(), "-o".as_ref(), plan.as_os_str()]));
    assert_eq!(report["source"], "mediaplanschema 2.0");
    assert_eq!(report["currency"], "USD");
    assert_eq!(report["lines"], 4);
    let view = computed(&plan);
    // Net media is the items' cost_media; their other cost components are named, not costed.
    assert_eq!((&view["totals"]["net_media"], &view["totals"]["budget"]), (&Value::from("752000.00"), &Value::from("850000.00")));
    let warnings = report["warnings"].as_array().unwrap();
    assert_eq!(warnings.iter().filter(|w| w["code"] == "other_costs").count(), 4, "{warnings:#?}");
    assert_eq!(view["totals"]["impressions"], "44600000");
    let out = dir.path().join("globaltech.mediaplan.json");
    let res = ok(&flightplan().arg("export").arg(&plan).arg("-o").arg(&out).output().unwrap());
    assert_eq!(res["format"], "mediaplan");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc["meta"]["schema_version"], "3.0");
    assert_eq!(doc["meta"]["id"], "mp_2025_q2_globaltech_001");
    assert_eq!(doc["campaign"]["target_audiences"][0]["name"], "Tech Professionals 25-45");
    assert_eq!(doc["lineitems"][0]["metric_custom3"], 850);
    assert_eq!(doc["dictionary"]["lineitem_custom_dimensions"]["dim_custom1"]["caption"], "Business Type");
}

#[test]
fn a_spreadsheet_through_a_saved_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("agency.csv");
    std::fs::write(&csv, "Client: Acme\nKanal,Placement,Start,End,Spend\nSocial,Meta prospecting,2027-01-04,2027-03-28,\"$12,000.00\"\nSearch,Brand terms,2027-01-04,2027-03-28,\nTotal,,,,\"$12,000.00\"\n").unwrap();
    let mapping = dir.path().join("mapping.json");
    // First look: the preview, with the guessed mapping saved for correcting.
    let preview = ok(&flightplan().arg("import").arg(&csv).arg("--preview").arg("--save-mapping").arg(&mapping).output().unwrap());
    assert_eq!(preview["kind"], "spreadsheet");
    let kanal = preview["columns"].as_array().unwrap().iter().find(|c| c["header"] == "Kanal").unwrap();
    assert_eq!(kanal["field"], Value::Null);
    assert!(!dir.path().join("plan.json").exists());
    let mut m: Value = serde_json::from_str(&std::fs::read_to_string(&mapping).unwrap()).unwrap();
    m["columns"]["Kanal"] = "channel".into();
    std::fs::write(&mapping, m.to_string()).unwrap();
    let plan = dir.path().join("plan.json");
    let report = ok(&flightplan().arg("import").arg(&csv).arg("-o").arg(&plan).arg("--mapping").arg(&mapping).output().unwrap());
    assert_eq!(report["currency"], "USD");
    assert_eq!(report["lines"], 2);
    assert_eq!(report["rows_without_cost"], serde_json::json!(["brand-terms"]));
    let warnings = report["warnings"].as_array().unwrap();
    assert!(warnings.iter().any(|w| w["code"] == "no_cost" && w["path"] == "4:4"), "{warnings:#?}");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    assert_eq!(saved["client"], "Acme");
    assert_eq!(saved["lines"][0]["channel"], "Social");
    assert_eq!(saved["lines"][0]["budget"], "12000.00");
}

#[test]
fn bad_files_write_nothing_and_say_where() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.json");
    // A document without a currency.
    let doc = dir.path().join("nocur.json");
    std::fs::write(&doc, r#"{"meta": {"schema_version": "3.0"}, "campaign": {"name": "C", "advertiser_name": "A", "start_date": "2027-01-04", "end_date": "2027-01-31", "budget_total": 100}, "lineitems": [{"id": "a", "name": "A", "start_date": "2027-01-04", "end_date": "2027-01-31", "cost_total": 100}]}"#).unwrap();
    let errs = errors(&flightplan().arg("import").arg(&doc).arg("-o").arg(&out).output().unwrap());
    assert_eq!(errs[0]["code"], "no_currency");
    assert_eq!(errs[0]["path"], "campaign.budget_currency");
    assert!(!out.exists());
    ok(&flightplan().arg("import").arg(&doc).arg("-o").arg(&out).args(["--currency", "EUR"]).output().unwrap());
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(saved["currency"], "EUR");
    std::fs::remove_file(&out).unwrap();
    // A bad cell.
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, "Channel,Line,Start,End,Budget (USD)\nSocial,Meta,2027-01-04,2027-13-01,100\n").unwrap();
    let errs = errors(&flightplan().arg("import").arg(&csv).arg("-o").arg(&out).output().unwrap());
    assert_eq!(errs[0]["code"], "bad_date");
    assert_eq!(errs[0]["path"], "D2");
    assert_eq!((&errs[0]["file"], &errs[0]["row"]), (&serde_json::json!("bad.csv"), &serde_json::json!(2)), "{}", errs[0]);
    assert!(!out.exists());
    // Not a file at all, and an unknown format.
    let errs = errors(&flightplan().arg("import").arg(dir.path().join("missing.xlsx")).arg("-o").arg(&out).output().unwrap());
    assert_eq!(errs[0]["code"], "file_not_found");
    let errs = errors(&flightplan().arg("import").arg(&csv).arg("-o").arg(&out).args(["--format", "ods"]).output().unwrap());
    assert_eq!(errs[0]["code"], "invalid_field");
    assert!(!out.exists());
}

/// Runs `flightplan import FILE -o OUT [--format F]` with at most 2 GB of address space, so a
/// read without a bound fails fast instead of filling the machine's memory.
#[cfg(unix)]
fn import_capped(file: &Path, out: &Path, format: Option<&str>) -> Output {
    let mut cmd = String::from("ulimit -v 2000000; exec \"$0\" import \"$1\" -o \"$2\"");
    if let Some(f) = format {
        cmd.push_str(&format!(" --format {f}"));
    }
    Command::new("sh").arg("-c").arg(cmd).arg(env!("CARGO_BIN_EXE_flightplan")).arg(file).arg(out).output().unwrap()
}

#[cfg(unix)]
#[test]
fn an_endless_or_oversized_file_is_refused_by_its_size_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.json");
    let huge = dir.path().join("huge.csv");
    std::fs::File::create(&huge).unwrap().set_len(flightplan_exchange::MAX_IMPORT_BYTES as u64 + 1).unwrap();
    for file in [Path::new("/dev/zero"), huge.as_path()] {
        for format in [None, Some("xlsx"), Some("csv"), Some("mediaplan")] {
            let started = std::time::Instant::now();
            let o = import_capped(file, &out, format);
            let errs: Vec<Value> = String::from_utf8_lossy(&o.stderr).lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
            assert!(!o.status.success(), "{file:?} {format:?}");
            assert_eq!(errs.first().map(|e| e["code"].clone()), Some("file_too_large".into()), "{file:?} {format:?}: {}", String::from_utf8_lossy(&o.stderr));
            assert!(started.elapsed().as_secs() < 30, "{file:?} {format:?} took {:?}", started.elapsed());
            assert!(!out.exists());
        }
    }
}

#[test]
fn update_takes_the_workbooks_changes_into_the_plan_and_keeps_its_scenarios() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(dir.path());
    // The client's copy: the first line's rate changed and the third line dropped, as a workbook.
    let mut theirs: Value = serde_json::from_str(flightplan_core::SAMPLE_PLAN_JSON).unwrap();
    theirs["lines"][0]["rate"] = "1.35".into();
    theirs["lines"].as_array_mut().unwrap().remove(2);
    theirs["scenarios"] = Value::Array(Vec::new());
    let theirs_path = dir.path().join("theirs.json");
    std::fs::write(&theirs_path, theirs.to_string()).unwrap();
    let xlsx = dir.path().join("back.xlsx");
    ok(&flightplan().args(["export"]).arg(&theirs_path).arg("-o").arg(&xlsx).args(["--date", "2026-11-20"]).output().unwrap());

    let out = dir.path().join("updated.json");
    let said = ok(&flightplan().arg("update").arg(&plan).arg(&xlsx).arg("-o").arg(&out).output().unwrap());
    assert_eq!(said["changes"]["lines_removed"][0]["id"], "meta-pros");
    let rate = said["changes"]["changes"].as_array().unwrap().iter().find(|c| c["field"] == "rate").unwrap();
    assert_eq!((&rate["line"], &rate["before"], &rate["after"]), (&Value::from("google-brand"), &Value::from("1.20"), &Value::from("1.35")));
    let updated: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(updated["lines"][0]["rate"], "1.35");
    assert_eq!(updated["scenarios"].as_array().unwrap().len(), 2, "the scenarios stay");
    assert!(updated["scenarios"].to_string().find("meta-pros").is_none(), "less their changes to the removed line");

    // A plan document is not a spreadsheet: refused, nothing written.
    let refused = dir.path().join("refused.json");
    let e = errors(&flightplan().arg("update").arg(&plan).arg(&plan).arg("-o").arg(&refused).output().unwrap());
    assert_eq!(e[0]["code"], "not_a_spreadsheet");
    assert!(!refused.exists());
}
