//! Adding and removing channels on the rate card, data-driven: `tests/cases/rate_card.json`
//! adds entries to the built-in card and says where each lands and what the catalogue then
//! offers, or which `{code, path}` errors refuse it; removing one leaves plans' lines alone and
//! takes it out of the catalogue; the added channels survive the card's file.

use flightplan_core::catalogue::catalogue_for;
use flightplan_core::paste::{read_block, DateOrder, PasteOptions};
use flightplan_core::plan::NumberStyle;
use flightplan_core::rate_card::{add_entry, default_rate_card, read_rate_card, remove_entry, write_rate_card, RateCardEntry};
use flightplan_core::sample::sample_plan;
use serde_json::{json, Value};

fn cases() -> Vec<Value> {
    let v: Value = serde_json::from_str(include_str!("cases/rate_card.json")).unwrap();
    v["cases"].as_array().unwrap().clone()
}

#[test]
fn entries_are_added_or_refused_as_written() {
    let card = default_rate_card();
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let entry: RateCardEntry = serde_json::from_value(case["entry"].clone()).unwrap();
        match (add_entry(&card, entry), case.get("added")) {
            (Ok(next), Some(want)) => {
                let i = want["index"].as_u64().unwrap() as usize;
                assert_eq!(next.channels.len(), card.channels.len() + 1, "{name}");
                assert_eq!(next.channels[i].label(), want["label"].as_str().unwrap(), "{name}");
                let offered = &catalogue_for(&next, None).channels[i];
                let got = json!({
                    "index": i, "label": want["label"], "medium": offered.medium,
                    "rate": offered.rate.map(|r| r.to_string()), "buying": offered.buying,
                });
                assert_eq!(&got, want, "{name}");
            }
            (Err(errs), None) => {
                let got: Vec<Value> = errs.iter().map(|e| json!([e.code, e.path])).collect();
                assert_eq!(Value::Array(got), case["refused"], "{name}: {errs:?}");
                assert!(errs.iter().all(|e| !e.message.is_empty()), "{name}");
            }
            (got, _) => panic!("{name}: unexpected {got:?}"),
        }
    }
}

#[test]
fn an_added_channel_round_trips_through_the_card_file() {
    let entry: RateCardEntry = serde_json::from_value(cases()[0]["entry"].clone()).unwrap();
    let card = add_entry(&default_rate_card(), entry).unwrap();
    let back = read_rate_card(&write_rate_card(&card)).unwrap();
    assert_eq!(back, card);
    assert_eq!(back.entry_for("podcasts", None).map(|e| (e.vendor.as_str(), e.rate.map(|r| r.to_string()))), Some(("Acast", Some("25.00".into()))));
}

#[test]
fn a_removed_channel_leaves_the_catalogue_and_pasted_rows_no_longer_start_from_it() {
    let card = default_rate_card();
    let next = remove_entry(&card, " tiktok ", "IN-FEED VIDEO").unwrap();
    assert_eq!(next.channels.len(), card.channels.len() - 1);
    let offered: Vec<String> = catalogue_for(&next, None).channels.iter().map(|e| e.channel.clone()).collect();
    assert!(!offered.contains(&"TikTok".to_string()), "{offered:?}");
    assert!(offered.contains(&"Meta".to_string()), "{offered:?}");
    // A pasted TikTok row took its pricing, buying method and rate from the card; now it says
    // the channel is not on the card and needs its own rate.
    let plan = sample_plan();
    let options = PasteOptions { dates: DateOrder::YearFirst, numbers: NumberStyle::CommaDot, first_column: 0 };
    let block = "Channel\tLine\tBudget\nTikTok\tIn-feed video\t5000\n";
    let before = read_block(block, &options, &plan, &card);
    assert!(before.problems.is_empty(), "{:?}", before.problems);
    assert_eq!(before.rows[0].line.as_ref().unwrap().rate.map(|r| r.to_string()), Some("7.00".into()));
    let after = read_block(block, &options, &plan, &next);
    assert!(after.rows[0].notes[0].starts_with("\u{201c}TikTok\u{201d} is not in the rate card"), "{:?}", after.rows[0].notes);
    assert_eq!(after.problems.iter().map(|p| p.message.as_str()).collect::<Vec<_>>(), ["Row 2: a CPM line needs a rate"]);
    let e = remove_entry(&next, "TikTok", "In-feed video").unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_deref()), ("unknown_entry", None));
}
