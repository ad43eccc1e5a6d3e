//! The rate card in the library: the built-in card until the planner saves one, edits kept
//! across opens, exported and imported as a file, a broken file refused naming each entry.

use chrono::{DateTime, TimeZone, Utc};
use flightplan_core::plan::Fees;
use flightplan_core::rate_card::{default_rate_card, set_rate, write_rate_card};
use flightplan_core::Dec;
use flightplan_core::{blank_plan, compute};
use flightplan_store::Library;
use std::str::FromStr;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 2, day, 9, 0, 0).unwrap()
}

fn d(s: &str) -> Dec {
    Dec::from_str(s).unwrap()
}

#[test]
fn an_edited_rate_is_there_when_the_planner_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    {
        let mut lib = Library::open(&path).unwrap();
        let saved = lib.rate_card().unwrap();
        assert_eq!((saved.card.clone(), saved.updated_at), (default_rate_card(), None));
        let card = set_rate(&saved.card, "Meta", "Prospecting", Some(d("11.25").0)).unwrap();
        lib.set_rate_card(&card, at(1)).unwrap();
    }
    let mut lib = Library::open(&path).unwrap();
    let saved = lib.rate_card().unwrap();
    assert_eq!(saved.updated_at.as_deref(), Some("2027-02-01T09:00:00.000Z"));
    assert_eq!(saved.card.entry_for("Meta", Some("Prospecting")).unwrap().rate, Some(d("11.25")));
    // Reset brings back the built-in card.
    lib.reset_rate_card().unwrap();
    assert_eq!(lib.rate_card().unwrap().card, default_rate_card());
    assert_eq!(lib.rate_card().unwrap().updated_at, None);
}

#[test]
fn a_card_exported_then_imported_is_the_same_card() {
    let mut lib = Library::open_in_memory().unwrap();
    let mut card = default_rate_card();
    card.fees = Some(Fees { agency_commission_pct: Dec(d("15").0), ad_serving_cpm: Dec(d("0.10").0), ..Fees::default() });
    lib.set_rate_card(&card, at(1)).unwrap();
    let text = lib.export_rate_card().unwrap();
    let mut other = Library::open_in_memory().unwrap();
    assert_eq!(other.import_rate_card(&text, at(2)).unwrap(), card);
    assert_eq!(other.rate_card().unwrap().card, card);
}

#[test]
fn a_broken_card_is_refused_naming_every_entry_and_changes_nothing() {
    let mut lib = Library::open_in_memory().unwrap();
    let mut card = default_rate_card();
    card.channels[3].rate = Some(Dec(d("-9.50").0));
    card.channels[5].name = card.channels[4].name.clone();
    card.channels[5].channel = card.channels[4].channel.clone();
    card.channels[7].channel = " ".into();
    let errs = lib.import_rate_card(&write_rate_card(&card), at(1)).unwrap_err();
    let messages: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "“Meta — Prospecting”: -9.50 is negative",
            "“Meta — Retargeting”: another entry has the same channel and name",
            "“Sponsored content”: the entry needs a channel",
        ]
    );
    assert_eq!(errs[0].path.as_deref(), Some("channels[3].rate"));
    assert_eq!(lib.rate_card().unwrap().updated_at, None, "nothing was saved");
    // A file that is not a rate card at all names where it breaks.
    let errs = lib.import_rate_card("{\"format\": \"flightplan-rates/1\", \"currency\": \"USD\", \"channels\": [{\"channel\": \"Meta\"}]}", at(1)).unwrap_err();
    assert_eq!(errs[0].code, "invalid_rate_card");
    assert_eq!((errs[0].path.as_deref(), errs[0].message.as_str()), (Some("channels[0]"), "missing field `name`"));
}

#[test]
fn new_plans_start_with_no_fees_unless_the_planner_saved_defaults() {
    let mut lib = Library::open_in_memory().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2027, 2, 3).unwrap(); // a Wednesday
    let blank = blank_plan(today, &lib.rate_card().unwrap().card);
    assert_eq!(blank.fees, Fees::default());
    assert_eq!((blank.start.to_string(), blank.end.to_string()), ("2027-02-08".into(), "2027-05-09".into()));
    let view = compute(&blank).unwrap();
    assert_eq!((view.totals.fees.to_string(), view.totals.gross.to_string()), ("0.00".into(), "0.00".into()));
    // With saved default fees and currency, a new plan takes them.
    let mut card = default_rate_card();
    card.currency = "EUR".into();
    card.fees = Some(Fees { tech_fee_pct: Dec(d("2").0), ..Fees::default() });
    lib.set_rate_card(&card, at(1)).unwrap();
    let blank = blank_plan(today, &lib.rate_card().unwrap().card);
    assert_eq!((blank.currency.as_str(), blank.fees.tech_fee_pct), ("EUR", d("2")));
    let id = lib.import(&blank, at(1)).unwrap();
    assert_eq!(lib.get(id).unwrap(), blank);
}
