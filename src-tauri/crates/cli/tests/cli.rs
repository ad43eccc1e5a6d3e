//! The `flightplan` CLI end to end: real processes, real files, JSON on stdout, `{code, message}`
//! on stderr and a non-zero exit on any error.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn flightplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flightplan")).args(args).env_remove("FLIGHTPLAN_LIBRARY").output().expect("run flightplan")
}

fn stdout_json(o: &Output) -> Value {
    assert!(o.status.success(), "failed: {}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

fn stderr_errors(o: &Output) -> Vec<Value> {
    assert!(!o.status.success(), "expected failure, got {}", String::from_utf8_lossy(&o.stdout));
    assert!(o.stdout.is_empty(), "nothing on stdout on error");
    String::from_utf8_lossy(&o.stderr).lines().map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("stderr line is JSON: {l}"))).collect()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().to_string()
}

fn demo_file(dir: &Path) -> String {
    let demo = flightplan(&["demo"]);
    assert!(demo.status.success());
    write(dir, "demo.json", &String::from_utf8(demo.stdout).unwrap())
}

#[test]
fn demo_then_compute_costs_the_sample_plan() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(dir.path());
    let v = stdout_json(&flightplan(&["compute", &file]));
    assert_eq!(v["totals"]["net_media"], "250000.00");
    assert_eq!(v["totals"]["unallocated"], "0.00");
    assert_eq!(v["lines"].as_array().unwrap().len(), 9);
    let line = &v["lines"][0];
    for key in ["id", "net", "impressions", "clicks", "conversions", "views", "grps", "agency_commission", "ad_serving", "tech_fee", "gross", "weeks"] {
        assert!(line.get(key).is_some(), "line has {key}");
    }
    assert_eq!(line["weeks"]["from"], "2027-01-04");
    assert_eq!(line["weeks"]["net"][0], "1500.00");
    // Google brand search: 18,000 / 1.20 = 15,000 clicks; / 0.12 CTR = 125,000 impressions.
    assert_eq!(line["clicks"], "15000");
    assert_eq!(line["impressions"], "125000");
    assert!(v["findings"].is_array());
    // The totals add up as printed.
    let sum: f64 = v["lines"].as_array().unwrap().iter().map(|l| l["gross"].as_str().unwrap().parse::<f64>().unwrap()).sum();
    assert!((sum - v["totals"]["gross"].as_str().unwrap().parse::<f64>().unwrap()).abs() < 0.001);
}

#[test]
fn validate_reports_every_problem_with_field_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "bad.json",
        r#"{ "format": "flightplan/1", "name": "X", "client": "Acme", "currency": "ABC",
        "start": "2027-01-04", "end": "2027-03-28", "budget": "1000.00",
        "lines": [ { "id": "l1", "channel": "Meta", "name": "P", "pricing": "cpm", "rate": "-2", "budget": "100.00",
                     "start": "2027-01-04", "end": "2027-01-01" } ] }"#,
    );
    let errs = stderr_errors(&flightplan(&["validate", &file]));
    let codes: Vec<&str> = errs.iter().map(|e| e["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["unknown_currency", "negative_value", "date_order"]);
    assert_eq!(errs[1]["line"], "l1");
    assert_eq!(errs[2]["path"], "lines[0].end");
}

/// `--errors text`: one readable line per error, composed from the error's fields (the same
/// errors as the JSON lines, whose messages hold no place).
#[test]
fn text_errors_are_composed_from_the_fields() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.json",
        r#"{ "format": "flightplan/1", "name": "X", "client": "Acme", "currency": "ABC",
        "start": "2027-01-04", "end": "2027-03-28", "budget": "1000.00",
        "lines": [ { "id": "l1", "channel": "Meta", "name": "P", "pricing": "cpm", "rate": "-2", "budget": "100.00",
                     "start": "2027-01-04", "end": "2027-01-01" } ] }"#,
    );
    let broken = write(dir.path(), "broken.json", "{ \"format\": \"flightplan/1\",\n \"name\": }");
    let cases: [(&[&str], &[&str]); 3] = [
        (
            &["--errors", "text", "validate", &bad],
            &[
                "bad.json, currency: \"ABC\" is not an ISO 4217 currency code (such as USD, EUR, JPY) (unknown_currency)",
                "bad.json, lines[0].rate (line \"l1\"): -2 is negative (negative_value)",
                "bad.json, lines[0].end (line \"l1\"): the flight ends (2027-01-01) before it starts (2027-01-04) (date_order)",
            ],
        ),
        (&["compute", &broken, "--errors", "text"], &["broken.json:2:10, name: the JSON is malformed (invalid_json)"]),
        (&["--errors", "text", "check", &bad, "--as-of", "2027-13-01"], &["--now: \"2027-13-01\" is not a real calendar date (invalid_argument)"]),
    ];
    for (args, want) in cases {
        let out = flightplan(args);
        assert!(!out.status.success(), "{args:?}");
        let text = String::from_utf8_lossy(&out.stderr).replace(&format!("{}/", dir.path().display()), "");
        assert_eq!(text.lines().collect::<Vec<_>>(), want, "{args:?}");
    }
    // Piped (as here) without --errors, the same errors are JSON lines with the place as fields.
    let errs = stderr_errors(&flightplan(&["validate", &bad]));
    assert_eq!(errs[1], serde_json::json!({"code": "negative_value", "message": "-2 is negative", "path": "lines[0].rate", "line": "l1", "file": bad}));
}

#[test]
fn bad_inputs_each_get_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("malformed", "{ \"format\": \"flightplan/1\",\n \"name\": }", "invalid_json", "malformed"),
        (
            "bad-date",
            r#"{"format":"flightplan/1","name":"X","client":"A","currency":"USD","start":"2027-02-29","end":"2027-03-01","budget":"1","lines":[]}"#,
            "invalid_field",
            "2027-02-29",
        ),
        (
            "share",
            r#"{"format":"flightplan/1","name":"X","client":"A","currency":"USD","start":"2027-01-04","end":"2027-03-01","budget":"1","lines":[{"id":"s","channel":"c","name":"n","pricing":"flat","share":"100.5","start":"2027-01-04","end":"2027-01-05"}]}"#,
            "share_over_100",
            "100.5",
        ),
    ];
    for (name, text, code, needle) in cases {
        let file = write(dir.path(), &format!("{name}.json"), text);
        let errs = stderr_errors(&flightplan(&["compute", &file]));
        assert_eq!(errs[0]["code"], code, "{name}");
        assert!(errs[0]["message"].as_str().unwrap().contains(needle), "{name}: {}", errs[0]["message"]);
    }
    let missing = flightplan(&["compute", "/nonexistent/plan.json"]);
    assert_eq!(stderr_errors(&missing)[0]["code"], "file_not_found");
}

#[test]
fn huge_budget_at_tiny_cpm_computes() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "huge.json",
        r#"{"format":"flightplan/1","name":"Huge","client":"A","currency":"USD",
      "start":"2027-01-04","end":"2027-12-26","budget":"999999999999.99",
      "fees":{"agency_commission_pct":"15","agency_commission_basis":"gross","ad_serving_cpm":"0.10","tech_fee_pct":"1"},
      "lines":[{"id":"h","channel":"c","name":"n","pricing":"cpm","rate":"0.01","budget":"999999999999.99","start":"2027-01-04","end":"2027-12-26","ctr":"0.5","cvr":"0.5"}]}"#,
    );
    let v = stdout_json(&flightplan(&["compute", &file]));
    assert_eq!(v["lines"][0]["impressions"], "99999999999999000");
    assert_eq!(v["totals"]["net_media"], "999999999999.99");
}

#[test]
fn library_import_list_show_export_delete_restore() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite3").to_string_lossy().to_string();
    let file = demo_file(dir.path());
    let imported = stdout_json(&flightplan(&["library", "--library", &lib, "import", &file]));
    let id = imported["id"].as_i64().unwrap().to_string();
    let list = stdout_json(&flightplan(&["library", "--library", &lib, "list"]));
    assert_eq!(list[0]["name"], "Q1 2027 Cold Brew Launch");
    assert_eq!(list[0]["budget"], "250000.00");
    let shown = stdout_json(&flightplan(&["library", "--library", &lib, "show", &id]));
    assert_eq!(shown["view"]["totals"]["net_media"], "250000.00");

    // Export round-trips exactly to the imported file's content.
    let out = dir.path().join("out.json");
    let o = flightplan(&["library", "--library", &lib, "export", &id, "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let a: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let b: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(a, b);

    let snap = stdout_json(&flightplan(&["library", "--library", &lib, "snapshot", &id, "Sent to client"]));
    assert!(snap["version"].as_i64().is_some());
    let versions = stdout_json(&flightplan(&["library", "--library", &lib, "versions", &id]));
    assert_eq!(versions[0]["name"], "Sent to client");

    stdout_json(&flightplan(&["library", "--library", &lib, "delete", &id]));
    assert_eq!(stdout_json(&flightplan(&["library", "--library", &lib, "list"])), serde_json::json!([]));
    stdout_json(&flightplan(&["library", "--library", &lib, "restore", &id]));
    assert_eq!(stdout_json(&flightplan(&["library", "--library", &lib, "list"])).as_array().unwrap().len(), 1);

    let missing = flightplan(&["library", "--library", &lib, "show", "999"]);
    assert_eq!(stderr_errors(&missing)[0]["code"], "plan_not_found");
}

#[test]
fn a_bad_plan_is_not_imported_and_the_library_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite3").to_string_lossy().to_string();
    let bad = write(
        dir.path(),
        "bad.json",
        r#"{"format":"flightplan/1","name":"X","client":"A","currency":"USD","start":"2027-01-04","end":"2027-03-01","budget":"1","lines":[{"id":"s","channel":"c","name":"n","pricing":"cpm","rate":"-1","budget":"1","start":"2027-01-04","end":"2027-01-05"}]}"#,
    );
    let o = flightplan(&["library", "--library", &lib, "import", &bad]);
    assert_eq!(stderr_errors(&o)[0]["code"], "negative_value");
    assert!(!Path::new(&lib).exists(), "no library file was created for a rejected import");
}

#[test]
fn compute_as_of_adds_the_date_checks() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(dir.path());
    let codes = |v: &Value| -> Vec<String> { v["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_string()).collect() };
    // As written and without a date the date checks are skipped; after the period ends they fire
    // (--as-of is the older name of --now).
    let plain = stdout_json(&flightplan(&["compute", &file, "--as-written"]));
    assert!(!codes(&plain).contains(&"period_ended".to_string()));
    let late = stdout_json(&flightplan(&["compute", &file, "--as-of", "2027-06-30"]));
    assert!(codes(&late).contains(&"period_ended".to_string()), "{:?}", codes(&late));
    let late = stdout_json(&flightplan(&["compute", &file, "--now", "2027-06-30", "--as-written"]));
    assert!(codes(&late).contains(&"period_ended".to_string()), "{:?}", codes(&late));
    let bad = flightplan(&["compute", &file, "--now", "2027-13-01"]);
    assert_eq!(stderr_errors(&bad)[0]["code"], "invalid_argument");
}

/// `compute` and `check` show what the client is shown, as `export` does: the core's report as of
/// --now, the presented scenario applied; --as-written shows the plan as the file has it.
#[test]
fn compute_and_check_go_through_the_report_like_export() {
    let dir = tempfile::tempdir().unwrap();
    let demo = flightplan(&["demo"]);
    let mut plan: Value = serde_json::from_slice(&demo.stdout).unwrap();
    plan["scenarios"] = serde_json::json!([{ "name": "Lean", "presented": true, "budget": "150000.00", "scale_amounts": true }]);
    let file = write(dir.path(), "presented.json", &plan.to_string());
    let day = "2027-02-01";
    let shown = stdout_json(&flightplan(&["compute", &file, "--now", day]));
    let written = stdout_json(&flightplan(&["compute", &file, "--now", day, "--as-written"]));
    assert_eq!(written["totals"]["budget"], plan["budget"]);
    assert_eq!(shown["totals"]["budget"], "150000.00", "the presented scenario's budget");
    // The same view the core's report gives `export`, field for field.
    let lib: flightplan_core::Plan = serde_json::from_value(plan.clone()).unwrap();
    let report = flightplan_core::report(&lib, chrono::NaiveDate::from_ymd_opt(2027, 2, 1).unwrap()).unwrap();
    assert_eq!(shown, serde_json::to_value(&report.view).unwrap());
    let checked = stdout_json(&flightplan(&["check", &file, "--now", day]));
    assert_eq!((&checked["presented"], &checked["as_of"]), (&serde_json::json!("Lean"), &serde_json::json!(day)));
    assert_eq!(checked["findings"], shown["findings"]);
    let as_written = stdout_json(&flightplan(&["check", &file, "--now", day, "--as-written"]));
    assert_eq!((&as_written["presented"], &as_written["findings"]), (&Value::Null, &written["findings"]));
}

#[test]
fn catalogue_prices_cpp_defaults_on_the_plans_universe() {
    // Without a universe a CPP default is unknown; on 37,500,000 men 18–34 a $30 CPM TV point
    // costs $11,250.00.
    let bare = stdout_json(&flightplan(&["catalogue"]));
    let tv = |v: &Value| v["channels"].as_array().unwrap().iter().find(|c| c["medium"] == "tv" && c["pricing"] == "cpp").unwrap().clone();
    assert_eq!(tv(&bare)["rate"], Value::Null);
    let priced = stdout_json(&flightplan(&["catalogue", "--universe", "37500000"]));
    assert_eq!(tv(&priced)["rate"], "11250.00");
    assert_eq!(tv(&priced)["spot_length"], 30);
    for medium in ["tv", "radio", "ooh", "print", "cinema"] {
        assert!(priced["channels"].as_array().unwrap().iter().any(|c| c["medium"] == medium), "{medium}");
        assert!(priced["media"].as_array().unwrap().iter().any(|m| m["medium"] == medium && m["cpm_low"].is_string()), "{medium} norms");
    }
    assert_eq!(priced["reach_models"].as_array().unwrap().len(), 3);
    // A plan file's universe prices them the same way (the sample's 125,000,000: $37,500.00).
    let dir = tempfile::tempdir().unwrap();
    let from_plan = stdout_json(&flightplan(&["catalogue", &demo_file(dir.path())]));
    assert_eq!(tv(&from_plan)["rate"], "37500.00");
    let e = stderr_errors(&flightplan(&["catalogue", "--universe", "0"]));
    assert_eq!(e[0]["code"], "out_of_range");
}

/// `paste` reads numbers in the plan's own style unless `--numbers` says otherwise: in a plan
/// written 1.234,56, "2.400,50" is 2400.50.
#[test]
fn paste_reads_numbers_in_the_plans_style_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan: Value = serde_json::from_slice(&flightplan(&["demo"]).stdout).unwrap();
    plan["settings"]["number_style"] = "1.234,56".into();
    let plan = write(dir.path(), "plan.json", &plan.to_string());
    let block = write(dir.path(), "block.tsv", "Line\tChannel\tBudget\nLocal radio\tRadio\t2.400,50\n");
    let read = stdout_json(&flightplan(&["paste", &plan, &block]));
    let text = read.to_string();
    assert!(text.contains("\"2400.50\""), "{text}");
    let read = stdout_json(&flightplan(&["paste", &plan, &block, "--numbers", "1,234.56"]));
    assert!(!read.to_string().contains("\"2400.50\""), "read in the style asked for: {read}");
    let err = stderr_errors(&flightplan(&["paste", &plan, &block, "--numbers", "1'234.56"]));
    assert_eq!(err[0]["code"], "invalid_field");
}
