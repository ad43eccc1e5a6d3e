//! The CLI under hostile and clumsy use: a closed or full stdout, targets that must not be
//! replaced, vendors whose names collide, formulas in names, characters XML forbids in names,
//! plans past the limits.

use serde_json::{json, Value};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn flightplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flightplan")).args(args).env_remove("FLIGHTPLAN_LIBRARY").output().expect("run flightplan")
}

fn errors(o: &Output) -> Vec<Value> {
    assert!(!o.status.success(), "expected failure, got {}", String::from_utf8_lossy(&o.stdout));
    String::from_utf8_lossy(&o.stderr).lines().map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("stderr line is JSON: {l}"))).collect()
}

fn sample() -> Value {
    serde_json::from_str(flightplan_core::SAMPLE_PLAN_JSON).unwrap()
}

fn write_plan(dir: &Path, name: &str, plan: &Value) -> String {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_string_pretty(plan).unwrap()).unwrap();
    p.to_string_lossy().into_owned()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

/// A big plan: 300 lines, so `compute` prints far more than a pipe holds.
fn big(dir: &Path) -> String {
    let mut plan = sample();
    let line = plan["lines"][0].clone();
    plan["scenarios"] = json!([]);
    plan["lines"] = Value::Array(
        (0..300)
            .map(|i| {
                let mut l = line.clone();
                l["id"] = json!(format!("l{i}"));
                l
            })
            .collect(),
    );
    write_plan(dir, "big.json", &plan)
}

#[test]
fn a_reader_that_stops_reading_ends_the_cli_quietly_with_the_broken_pipe_status() {
    let dir = tempfile::tempdir().unwrap();
    let file = big(dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_flightplan")).args(["compute", &file]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // Read ten bytes, as `| head -c 10` does, then hang up.
    let mut out = child.stdout.take().unwrap();
    let mut ten = [0u8; 10];
    out.read_exact(&mut ten).unwrap();
    drop(out);
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(141), "stderr: {err}");
    assert!(err.is_empty(), "no panic message, no error: {err}");
}

#[test]
fn a_full_disk_on_stdout_is_an_output_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let file = big(dir.path());
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_flightplan")).args(["compute", &file]).stdout(full).output().unwrap();
    let e = errors(&o);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0]["code"], "output_failed");
    assert!(e[0]["message"].as_str().unwrap().contains("No space left"), "{}", e[0]);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
}

#[test]
fn exports_refuse_symlinks_and_read_only_files_unless_forced_and_leave_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let plan = write_plan(dir.path(), "plan.json", &sample());
    let precious = dir.path().join("precious.txt");
    std::fs::write(&precious, "keep").unwrap();
    let link = dir.path().join("plan.csv");
    std::os::unix::fs::symlink(&precious, &link).unwrap();
    let e = errors(&flightplan(&["export", &plan, "-o", link.to_str().unwrap()]));
    assert_eq!(e[0]["code"], "target_not_replaced");
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep");
    // --force replaces the link itself, never what it points to.
    let o = flightplan(&["--force", "export", &plan, "-o", link.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep");

    let ro = dir.path().join("signed.pdf");
    std::fs::write(&ro, "signed").unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    let e = errors(&flightplan(&["export", &plan, "-o", ro.to_str().unwrap()]));
    assert_eq!(e[0]["code"], "target_not_replaced");
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), "signed");
    // A device is never written over, forced or not.
    let line = sample()["lines"][0]["id"].as_str().unwrap().to_string();
    for force in [&[][..], &["--force"][..]] {
        let mut args: Vec<&str> = force.to_vec();
        args.extend(["launch", &plan, "--line", &line, "--to", "booked", "-o", "/dev/null"]);
        let e = errors(&flightplan(&args));
        assert_eq!(e[0]["code"], "target_not_replaced", "{e:?}");
    }
    assert!(!std::fs::metadata("/dev/null").unwrap().is_file(), "/dev/null is still the device");
    // A folder that does not exist: an error, and nothing left behind anywhere.
    let e = errors(&flightplan(&["export", &plan, "-o", dir.path().join("missing/plan.pdf").to_str().unwrap()]));
    assert_eq!(e[0]["code"], "file_unwritable");
    assert_eq!(names(dir.path()), ["plan.csv", "plan.json", "precious.txt", "signed.pdf"]);
}

#[test]
fn vendors_whose_names_collide_still_get_one_insertion_order_each() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = sample();
    let direct: Vec<usize> =
        plan["lines"].as_array().unwrap().iter().enumerate().filter(|(_, l)| l["buying"] == "direct" || l["buying"] == "offline").map(|(i, _)| i).collect();
    let template = plan["lines"][direct[0]].clone();
    let mut lines = plan["lines"].as_array().unwrap().clone();
    for (i, vendor) in ["Acme-03", "Acme!", "Acme?"].iter().enumerate() {
        let mut l = template.clone();
        l["id"] = json!(format!("acme-{i}"));
        l["vendor"] = json!(vendor);
        lines.push(l);
    }
    plan["lines"] = Value::Array(lines);
    plan["scenarios"] = json!([]);
    let file = write_plan(dir.path(), "plan.json", &plan);
    let out = dir.path().join("orders");
    let o = flightplan(&["io", &file, "-o", out.to_str().unwrap(), "--date", "2026-11-21"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    let vendors: Vec<&str> = files.iter().map(|f| f["vendor"].as_str().unwrap()).collect();
    for acme in ["Acme-03", "Acme!", "Acme?"] {
        assert!(vendors.contains(&acme), "{acme} has an order: {vendors:?}");
    }
    let written = names(&out);
    assert_eq!(written.len(), files.len(), "one file per order, nothing else: {written:?}");
    for f in files {
        let bytes = std::fs::read(f["path"].as_str().unwrap()).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
    }
}

#[test]
fn csv_export_never_writes_a_formula_a_spreadsheet_would_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = sample();
    plan["lines"][0]["name"] = json!("=1+1");
    plan["lines"][1]["channel"] = json!("+1+1");
    plan["lines"][2]["vendor"] = json!("@SUM(A1)");
    let file = write_plan(dir.path(), "plan.json", &plan);
    let out = dir.path().join("lines.csv");
    let o = flightplan(&["export", &file, "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains(",'=1+1,") && text.contains(",'+1+1,") && text.contains(",'@SUM(A1),"), "{text}");
    for line in text.lines() {
        for cell in line.split(',') {
            assert!(!cell.starts_with(['=', '+', '@']), "{cell} in {line}");
        }
    }
}

#[test]
fn plans_past_the_limits_are_refused_at_once_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = sample();
    plan["lines"][3]["end"] = json!("9999-12-31");
    let file = write_plan(dir.path(), "far.json", &plan);
    for cmd in ["compute", "pacing", "check", "validate"] {
        let e = errors(&flightplan(&[cmd, &file]));
        assert_eq!(e[0]["code"], "period_too_long", "{cmd}: {e:?}");
        assert_eq!(e[0]["path"], "lines[3].end", "{cmd}");
    }
    // A file too large to be a plan is refused by its size, before it is read.
    let huge = dir.path().join("huge.json");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(flightplan_files::PLAN_FILE_LIMIT + 1).unwrap();
    let e = errors(&flightplan(&["compute", huge.to_str().unwrap()]));
    assert_eq!(e[0]["code"], "file_too_large");
}

#[test]
fn a_name_with_characters_xml_forbids_exports_a_workbook_that_holds_none_and_warns() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = sample();
    plan["lines"][0]["name"] = json!("Search \u{FFFE} Brand");
    let file = write_plan(dir.path(), "fffe.json", &plan);
    let out = dir.path().join("fffe.xlsx");
    let o = flightplan(&["export", &file, "-o", out.to_str().unwrap(), "--date", "2026-11-20"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    let warnings = report["warnings"].as_array().unwrap();
    assert!(warnings.iter().any(|w| w.as_str().unwrap_or_default().starts_with("lines[0].name: U+FFFE")), "{warnings:?}");
    let bytes = std::fs::read(&out).unwrap();
    let sheets = flightplan_actuals::read_workbook(&bytes, "fffe.xlsx").unwrap();
    let mix = &sheets[0].records;
    assert_eq!(mix[1].cells[1], "Search \u{FFFD} Brand");
}
