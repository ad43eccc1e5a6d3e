//! Approval and the rate card from the command line: a blank plan without fees, status moves,
//! the lock, a revision and the changes since approval; the rate card exported, refused when
//! broken (naming every entry), imported and reset.

mod common;

use common::{err_json, ok_json, run, s};

#[test]
fn approve_lock_revise_and_see_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite3");
    let l = s(&lib);
    let new = ok_json(&["library", "--library", l, "new", "--today", "2027-02-03"]);
    assert_eq!(new["plan"]["start"], "2027-02-08");
    assert_eq!(
        new["plan"]["fees"],
        serde_json::json!({"agency_commission_pct": "0", "agency_commission_basis": "gross", "ad_serving_cpm": "0", "tech_fee_pct": "0"})
    );

    let demo = dir.path().join("demo.json");
    std::fs::write(&demo, run(&["demo"]).stdout).unwrap();
    let id = ok_json(&["library", "--library", l, "import", s(&demo)])["id"].to_string();
    let e = err_json(&["library", "--library", l, "status", &id, "--to", "approved"]);
    assert_eq!(e["code"], "missing_field");
    let approved = ok_json(&["library", "--library", l, "status", &id, "--to", "approved", "--by", "Dana Lee"]);
    assert_eq!((approved["status"].as_str(), approved["approval"]["by"].as_str()), (Some("approved"), Some("Dana Lee")));
    let versions = ok_json(&["library", "--library", l, "versions", &id]);
    assert_eq!(versions[0]["kind"], "approved");
    assert_eq!(ok_json(&["library", "--library", l, "changes", &id])["changes"], serde_json::json!([]));

    let revised = ok_json(&["library", "--library", l, "revise", &id]);
    assert_eq!((revised["status"].as_str(), revised["version"].as_u64(), revised["revises"]["version"].as_u64()), (Some("draft"), Some(4), Some(3)));
    let e = err_json(&["library", "--library", l, "revise", &id]);
    assert_eq!(e["code"], "invalid_status_move");
}

#[test]
fn the_rate_card_round_trips_and_a_broken_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite3");
    let l = s(&lib);
    let shown = ok_json(&["library", "--library", l, "rates", "show"]);
    assert_eq!(shown["updated_at"], serde_json::Value::Null);
    let set = ok_json(&["library", "--library", l, "rates", "set", "Meta", "Prospecting", "10.75"]);
    assert_eq!(set["card"]["channels"][3]["rate"], "10.75");
    let file = dir.path().join("rates.json");
    let out = run(&["library", "--library", l, "rates", "export", "-o", s(&file)]);
    assert!(out.status.success());
    let mut card: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    card["channels"][0]["rate"] = serde_json::json!("-1.20");
    card["channels"][4]["name"] = serde_json::json!("");
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, card.to_string()).unwrap();
    let out = run(&["library", "--library", l, "rates", "import", s(&broken)]);
    assert!(!out.status.success());
    let errors: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stderr).lines().map(|x| serde_json::from_str(x).unwrap()).collect();
    let messages: Vec<&str> = errors.iter().map(|e| e["message"].as_str().unwrap()).collect();
    assert_eq!(messages, ["“Google Ads — Search — Brand”: -1.20 is negative", "“Meta”: the entry needs a name",]);
    // The saved card is untouched; reset brings back the built-in one.
    assert_eq!(ok_json(&["library", "--library", l, "rates", "show"])["card"]["channels"][3]["rate"], "10.75");
    let reset = ok_json(&["library", "--library", l, "rates", "reset"]);
    assert_eq!((reset["card"]["channels"][3]["rate"].as_str(), reset["updated_at"].as_null()), (Some("9.50"), Some(())));
    let imported = ok_json(&["library", "--library", l, "rates", "import", s(&file)]);
    assert_eq!(imported["card"]["channels"][3]["rate"], "10.75");
}
