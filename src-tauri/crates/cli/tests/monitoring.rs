//! Buying and monitoring through the `flightplan` command: importing platform reports, pacing,
//! recommendations and the roll-forward, end to end on files.

use serde_json::Value;
use std::path::{Path, PathBuf};
mod common;

use common::{err_json, ok_json, s};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn copy_plan(dir: &Path) -> PathBuf {
    let p = dir.join("plan.json");
    std::fs::copy(data("plan.json"), &p).unwrap();
    p
}

fn line<'a>(v: &'a Value, id: &str) -> &'a Value {
    v.as_array().unwrap().iter().find(|x| x["line"] == id).unwrap_or_else(|| panic!("no line {id}"))
}

#[test]
fn import_prints_matched_and_unmatched_rows_and_writes_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path());
    let meta = data("meta_3_weeks.csv");
    let v = ok_json(&["actuals", "import", s(&plan), s(&meta)]);
    assert_eq!(v["platform"], "meta");
    assert_eq!(v["currency"], "USD");
    assert_eq!(v["rows_read"], 43);
    assert_eq!(v["added"].as_array().unwrap().len(), 42);
    assert_eq!(v["unmatched"][0]["campaign"], "LC – Autumn Blend Launch");
    assert_eq!(v["unmatched"][0]["spend"], "98.33");
    // Not written without --write.
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), std::fs::read_to_string(data("plan.json")).unwrap());
    ok_json(&["actuals", "import", s(&plan), s(&meta), "--write", s(&plan)]);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    assert_eq!(saved["actuals"].as_array().unwrap().len(), 42);
    // Importing the same file again replaces the days instead of doubling them.
    let v = ok_json(&["actuals", "import", s(&plan), s(&meta), "--write", s(&plan)]);
    assert_eq!(v["replaced"], 42);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    assert_eq!(saved["actuals"].as_array().unwrap().len(), 42);
}

#[test]
fn bad_files_are_rejected_whole_and_the_plan_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path());
    let before = std::fs::read_to_string(&plan).unwrap();
    let e = err_json(&["actuals", "import", s(&plan), s(&data("meta_bad_line4.csv")), "--write", s(&plan)]);
    assert_eq!(e["code"], "bad_number");
    assert_eq!((&e["file"], &e["row"]), (&serde_json::json!("meta_bad_line4.csv"), &serde_json::json!(4)), "{e}");
    let e = err_json(&["actuals", "import", s(&plan), s(&data("meta_eur.csv")), "--write", s(&plan)]);
    assert_eq!(e["code"], "currency_mismatch");
    assert_eq!((&e["file"], &e["row"]), (&serde_json::json!("meta_eur.csv"), &serde_json::json!(2)), "{e}");
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), before);
}

#[test]
fn three_weeks_of_actuals_pacing_and_roll_forward() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path());
    let (meta, google) = (data("meta_3_weeks.csv"), data("google_3_weeks_utf16.csv"));
    let v = ok_json(&["pacing", s(&plan), "--actuals", s(&meta), s(&google), "--as-of", "2025-09-21"]);

    // Pacing: meta-pro 4,000 over 28 days → 3,000 expected by day 21; 21 × 150 spent.
    let lines = &v["pacing"]["lines"];
    let pro = line(lines, "meta-pro");
    assert_eq!(pro["expected"], "3000.00");
    assert_eq!(pro["actual"], "3150.00");
    assert_eq!(pro["pace_pct"], "105.0");
    assert_eq!(pro["projected"], "4200.00");
    assert_eq!(pro["daily_needed"], "121.43");
    assert_eq!(pro["alert"], Value::Null);
    let rt = line(lines, "meta-rt");
    assert_eq!(rt["actual"], "1260.00");
    assert_eq!(rt["pace_pct"], "84.0");
    assert_eq!(rt["alert"], "underpacing");
    // Search weeks weighted 1:2:2:1 of 9,000: 1,500 + 3,000 + 3,000 expected; Total rows ignored.
    let search = line(lines, "search");
    assert_eq!(search["expected"], "7500.00");
    assert_eq!(search["actual"], "7350.00");
    assert_eq!(search["pace_pct"], "98.0");
    assert_eq!(v["pacing"]["total"]["actual"], "11760.00");

    // KPI performance.
    let perf = &v["performance"];
    assert_eq!(line(perf, "meta-pro")["actual"]["cpm"], "10.00");
    assert_eq!(line(perf, "meta-pro")["actual"]["cpa"], "30.00");
    assert_eq!(line(perf, "meta-pro")["planned"]["cpm"], "9.00");
    assert_eq!(line(perf, "meta-rt")["actual"]["cpc"], "0.75");
    assert_eq!(line(perf, "search")["actual"]["cpa"], "23.33");
    assert_eq!(line(perf, "search")["actual"]["roas"], "1.71");
    assert_eq!(line(perf, "meta-pro")["learning"]["events_last_7_days"], "35");
    assert_eq!(line(perf, "meta-pro")["learning"]["state"], "learning");
    assert_eq!(line(perf, "search")["learning"]["state"], "optimising");

    // Recommendations, each with its numbers.
    let rec = &v["recommendations"];
    assert_eq!(line(rec, "meta-pro")["action"], "hold");
    assert_eq!(line(rec, "meta-rt")["action"], "scale");
    assert!(line(rec, "meta-rt")["reason"].as_str().unwrap().contains("CPA $15.00 vs target $25.00 on 84 conversions: 40.0% better"));
    assert_eq!(line(rec, "search")["action"], "hold");
    assert_eq!(line(rec, "tiktok")["action"], "not_enough_data");
    assert_eq!(v["unmatched"][0]["campaign"], "LC – Autumn Blend Launch");

    // Roll-forward: the next plan's rates come from what the lines cost.
    let next = dir.path().join("next.json");
    let r = ok_json(&["roll-forward", s(&plan), "--actuals", s(&meta), s(&google), "-o", s(&next)]);
    assert_eq!(r["shifted_days"], 28);
    let n: Value = serde_json::from_str(&std::fs::read_to_string(&next).unwrap()).unwrap();
    assert_eq!(n["parent"], "plan.json");
    assert_eq!(n["start"], "2025-09-29");
    assert_eq!(n["end"], "2025-10-26");
    assert!(n.get("actuals").is_none(), "actuals start empty");
    let nl = &n["lines"];
    let by_id = |id: &str| nl.as_array().unwrap().iter().find(|l| l["id"] == id).unwrap().clone();
    assert_eq!(by_id("meta-pro")["rate"], "10.00", "CPM re-based on 315,000 impressions");
    assert_eq!(by_id("meta-pro")["ctr"], "0.009333");
    assert_eq!(by_id("meta-pro")["cvr"], "0.035714");
    assert_eq!(by_id("meta-rt")["rate"], "0.75");
    assert_eq!(by_id("search")["rate"], "1.08");
    assert_eq!(by_id("tiktok")["rate"], "5.00", "no data: the planned rate stays");
    assert_eq!(by_id("search")["start"], "2025-09-29");
    assert_eq!(by_id("search")["weights"], serde_json::json!(["1", "2", "2", "1"]));
    assert_eq!(by_id("meta-pro")["launch"]["campaigns"][0], "LC | Prospecting | Broad");
    let learnings = n["learnings"].as_array().unwrap();
    assert!(learnings.iter().any(|l| l["line"] == "meta-rt" && l["text"].as_str().unwrap().starts_with("rate re-based from 1.00 to 0.75")));
    // The next plan is a valid plan that costs.
    let c = ok_json(&["compute", s(&next)]);
    assert_eq!(c["totals"]["net"], "18000.00");
}

fn real(name: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/platform-exports/real").join(name);
    assert!(p.is_file(), "{} is missing: the shared platform exports must sit beside the repository", p.display());
    p
}

#[test]
fn import_says_dialect_period_totals_and_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path());
    let file = real("googleads-intrago-campaign-alltime.csv");
    // "All time": no dates anywhere, so the period must be given.
    let e = err_json(&["actuals", "import", s(&plan), s(&file)]);
    assert_eq!(e["code"], "no_period");
    assert!(e["message"].as_str().unwrap().contains("All time"), "{e}");
    let e = err_json(&["actuals", "import", s(&plan), s(&file), "--period", "2025-12-31..2025-01-01"]);
    assert_eq!(e["code"], "bad_period");
    let v = ok_json(&["actuals", "import", s(&plan), s(&file), "--period", "2025-01-01..2025-12-31"]);
    assert_eq!(v["dialect"]["platform"], "google");
    assert_eq!(v["dialect"]["language"], "en");
    assert_eq!(v["dialect"]["label"], "Google Ads (en)");
    assert_eq!(v["period"], serde_json::json!({"start": "2025-01-01", "end": "2025-12-31"}));
    assert_eq!(v["rows_read"], 12);
    assert_eq!(v["totals"], serde_json::json!({"spend": "199421.15", "impressions": "14117313", "clicks": "167739", "conversions": "18703.32"}));
    assert_eq!(v["unmatched"].as_array().unwrap().len(), 12, "every row read is in the totals, matched or not");
    assert!(v["warnings"].as_array().unwrap().is_empty(), "{}", v["warnings"]);
    // The file's own total row disagreeing with its rows is a warning.
    let differs = dir.path().join("differs.csv");
    std::fs::write(&differs, "Campaign report\n1 September 2025 - 28 September 2025\nCampaign,Cost,Impr.,Clicks\nSearch - Brand - US,100.00,1000,10\nTotal: Campaigns,150.00,1000,10\n").unwrap();
    let v = ok_json(&["actuals", "import", s(&plan), s(&differs)]);
    assert_eq!(v["warnings"][0]["line"], 5);
    assert!(v["warnings"][0]["message"].as_str().unwrap().contains("spend 150.00 (the rows sum to 100.00)"), "{}", v["warnings"]);
    assert_eq!(v["added"][0]["start"], "2025-09-01");
    assert_eq!(v["added"][0]["end"], "2025-09-28");
    // A currency other than the plan's stays an error.
    let e = err_json(&["actuals", "import", s(&plan), s(&real("googleads-ptbr-campanha-brl.csv"))]);
    assert_eq!(e["code"], "currency_mismatch");
}

#[test]
fn a_range_report_paces_reconciles_and_rolls_forward() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path());
    // The search line (weeks weighted 1:2:2:1) in one row for its whole flight.
    let month = dir.path().join("month.csv");
    std::fs::write(
        &month,
        "Campaign report\n1 September 2025 - 28 September 2025\nCampaign,Cost,Impr.,Clicks,Conversions\nSearch - Brand - US,7200.00,240000,4800,240\n",
    )
    .unwrap();
    let v = ok_json(&["pacing", s(&plan), "--actuals", s(&month), "--as-of", "2025-09-14"]);
    let search = line(&v["pacing"]["lines"], "search");
    assert_eq!(search["actual"], "3600.00", "two weeks of weights 1 and 2 out of 6");
    assert_eq!(search["expected"], "4500.00");
    assert_eq!(line(&v["performance"], "search")["delivered"]["clicks"], "2400");
    // Without --as-of, pacing runs to the last day the row covers.
    let v = ok_json(&["pacing", s(&plan), "--actuals", s(&month), "--today", "2030-01-01"]);
    assert_eq!(v["as_of"], "2025-09-28");
    assert_eq!(line(&v["pacing"]["lines"], "search")["actual"], "7200.00");
    let r = ok_json(&["reconcile", s(&plan), "--actuals", s(&month)]);
    let google = r["rows"].as_array().unwrap().iter().find(|x| x["vendor"] == "Google" && x["month"] == "2025-09").unwrap();
    assert_eq!(google["delivered"], "7200.00");
    // Importing it twice replaces rather than doubles.
    ok_json(&["actuals", "import", s(&plan), s(&month), "--write", s(&plan)]);
    let v = ok_json(&["actuals", "import", s(&plan), s(&month), "--write", s(&plan)]);
    assert_eq!(v["replaced"], 1);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    assert_eq!(saved["actuals"].as_array().unwrap().len(), 1);
    assert_eq!(saved["actuals"][0]["start"], "2025-09-01");
    // Roll-forward re-bases the CPC on the range's clicks: 7,200 / 4,800.
    let next = dir.path().join("next.json");
    let r = ok_json(&["roll-forward", s(&plan), "-o", s(&next)]);
    let rebased = r["rebased"].as_array().unwrap();
    assert!(rebased.iter().any(|x| x["line"] == "search" && x["field"] == "rate" && x["to"] == "1.50" && x["to_shown"] == "1.50"), "{rebased:?}");
}

#[test]
fn dates_that_read_both_ways_warn_and_take_the_order_given() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path());
    // 5 June or 6 May? Nothing in the file says: read month first (English), with a warning.
    let one_day = dir.path().join("one_day.csv");
    std::fs::write(&one_day, "Campaign,Day,Cost,Impr.\nSearch - Brand - US,05/09/2025,10.00,100\n").unwrap();
    let v = ok_json(&["actuals", "import", s(&plan), s(&one_day)]);
    assert_eq!(v["added"][0]["start"], "2025-05-09");
    let warning = v["warnings"][0]["message"].as_str().unwrap();
    assert!(warning.contains("read month first") && warning.contains("--dates dmy"), "{warning}");
    for args in [
        vec!["actuals", "import", s(&plan), s(&one_day), "--dates", "dmy"],
        vec!["pacing", s(&plan), "--actuals", s(&one_day), "--dates", "dmy", "--as-of", "2025-09-07"],
    ] {
        let v = ok_json(&args);
        if args[0] == "actuals" {
            assert_eq!(v["added"][0]["start"], "2025-09-05");
            assert!(v["warnings"].as_array().unwrap().is_empty(), "{}", v["warnings"]);
        } else {
            assert_eq!(line(&v["pacing"]["lines"], "search")["actual"], "10.00", "5 September is in the plan");
        }
    }
}

#[test]
fn pacing_reconcile_and_roll_forward_say_what_each_report_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path());
    // A total row that disagrees with the rows, and a day after the plan's end (28 September).
    let report = dir.path().join("google.csv");
    std::fs::write(
        &report,
        "Campaign,Day,Cost,Impr.\nSearch - Brand - US,2025-09-02,10.00,100\nSearch - Brand - US,2025-10-02,5.00,50\nTotal: Campaigns,,20.00,150\n",
    )
    .unwrap();
    let next = dir.path().join("next.json");
    let runs = [
        vec!["pacing", s(&plan), "--actuals", s(&report), "--as-of", "2025-09-07"],
        vec!["reconcile", s(&plan), "--actuals", s(&report)],
        vec!["roll-forward", s(&plan), "--actuals", s(&report), "-o", s(&next)],
    ];
    for args in runs {
        let v = ok_json(&args);
        let r = &v["reports"][0];
        assert!(r["file"].as_str().unwrap().ends_with("google.csv"), "{args:?}: {v}");
        assert_eq!(r["rows_read"], 2, "{args:?}");
        assert_eq!(r["warnings"][0]["line"], 4, "{args:?}");
        assert!(r["warnings"][0]["message"].as_str().unwrap().contains("spend 20.00 (the rows sum to 15.00)"), "{args:?}: {r}");
        assert_eq!(r["outside_period"], serde_json::json!({"rows": 1, "first": "2025-10-02", "last": "2025-10-02"}), "{args:?}");
    }
    // Without report files the output is what it always was.
    let v = ok_json(&["pacing", s(&plan), "--as-of", "2025-09-07"]);
    assert!(v.get("reports").is_none(), "{v}");
}
