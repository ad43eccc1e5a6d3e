//! Day or month first, when no date part above 12 says: each case is a small report, the order
//! the planner gave (if any), the days its first and last rows must cover, and the warning the
//! import must (or must not) carry. A dd/mm file read month first imports without an error, so
//! every case checks the days themselves.

use flightplan_actuals::{read_report, DateOrder, ReadOptions};
use std::path::PathBuf;

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn data(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A Google Ads daily report: its title line (if any), then one row per date.
fn google(title: &str, dates: &[&str], delimiter: &str) -> Vec<u8> {
    let mut s = String::new();
    if !title.is_empty() {
        s.push_str(&format!("Campaign report\n\"{title}\"\n"));
    }
    s.push_str(&["Campaign", "Day", "Cost", "Impr."].join(delimiter));
    s.push('\n');
    for d in dates {
        s.push_str(&["Brand", d, "10", "100"].join(delimiter));
        s.push('\n');
    }
    s.into_bytes()
}

/// A Meta ad-set report whose rows give their own first and last day.
fn meta(dates: &[&str]) -> Vec<u8> {
    let mut s = "Reporting starts,Reporting ends,Ad set name,Amount spent (INR)\n".to_string();
    for d in dates {
        s.push_str(&format!("{d},{d},Tea,10\n"));
    }
    s.into_bytes()
}

struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    given: Option<DateOrder>,
    /// The first row's day and the last row's day.
    days: (&'static str, &'static str),
    /// Text the date-order warning must hold; `None`: no such warning.
    warning: Option<&'static str>,
}

#[test]
fn day_or_month_first_is_read_from_the_strongest_evidence() {
    let week_dm = ["01/09/2025", "02/09/2025", "03/09/2025", "04/09/2025", "05/09/2025", "06/09/2025", "07/09/2025"];
    let week_md = ["9/1/2025", "9/2/2025", "9/3/2025", "9/4/2025", "9/5/2025", "9/6/2025", "9/7/2025"];
    let cases = vec![
        // A UK export of 1–7 September: read month first it was 9 January to 9 July.
        Case { name: "google_engb_ddmm.csv", bytes: data("google_engb_ddmm.csv"), given: None, days: ("2025-09-01", "2025-09-07"), warning: None },
        Case { name: "uk week, no title", bytes: google("", &week_dm, ","), given: None, days: ("2025-09-01", "2025-09-07"), warning: None },
        Case { name: "us week, semicolons", bytes: google("", &week_md, ";"), given: None, days: ("2025-09-01", "2025-09-07"), warning: None },
        // 1–5 January day first, or the firsts of January to May month first: rows that end
        // where they start are days, so the compact reading stands.
        Case { name: "meta en-IN days", bytes: meta(&["01-01-2026", "02-01-2026", "03-01-2026", "04-01-2026", "05-01-2026"]), given: None, days: ("2026-01-01", "2026-01-05"), warning: None },
        // One date: the title's range says which reading is in it.
        Case { name: "one date in the title's June", bytes: google("1 June 2025 - 7 June 2025", &["05/06/2025"], ","), given: None, days: ("2025-06-05", "2025-06-05"), warning: None },
        Case { name: "one date in the title's May", bytes: google("1 May 2025 - 7 May 2025", &["05/06/2025"], ","), given: None, days: ("2025-05-06", "2025-05-06"), warning: None },
        // Nothing but habit: English is month first, a semicolon file day first; both warn.
        Case { name: "one date, English", bytes: google("", &["05/06/2025"], ","), given: None, days: ("2025-05-06", "2025-05-06"), warning: Some("read month first, as US English reports are written; if the file writes them day first, import it again with the date order set to day first (--dates dmy)") },
        Case { name: "one date, semicolons", bytes: google("", &["05/06/2025"], ";"), given: None, days: ("2025-06-05", "2025-06-05"), warning: Some("read day first, as semicolon-separated exports are written") },
        Case { name: "one date reading the same both ways", bytes: google("", &["05/05/2025"], ","), given: None, days: ("2025-05-05", "2025-05-05"), warning: None },
        // The planner's order wins over everything, and needs no warning.
        Case { name: "one date, day first given", bytes: google("", &["05/06/2025"], ","), given: Some(DateOrder::DayFirst), days: ("2025-06-05", "2025-06-05"), warning: None },
        Case { name: "uk week read month first as given", bytes: google("", &week_dm, ","), given: Some(DateOrder::MonthFirst), days: ("2025-01-09", "2025-07-09"), warning: None },
        Case { name: "unknown given learns from the file", bytes: google("", &week_dm, ","), given: Some(DateOrder::Unknown), days: ("2025-09-01", "2025-09-07"), warning: None },
    ];
    for c in cases {
        let opts = ReadOptions { date_order: c.given, ..ReadOptions::default() };
        let r = read_report(&c.bytes, "report.csv", &opts).unwrap_or_else(|e| panic!("{}: {e}", c.name));
        let (first, last) = (r.rows.first().unwrap(), r.rows.last().unwrap());
        assert_eq!((first.start, last.end), (day(c.days.0), day(c.days.1)), "{}", c.name);
        let warned: Vec<&str> = r.warnings.iter().map(|w| w.message.as_str()).filter(|m| m.contains("day or month first")).collect();
        match c.warning {
            Some(text) => assert!(warned.len() == 1 && warned[0].contains(text), "{}: {warned:?}", c.name),
            None => assert!(warned.is_empty(), "{}: {warned:?}", c.name),
        }
    }
}

#[test]
fn a_date_that_cannot_be_read_in_the_order_given_is_an_error_naming_its_row() {
    let bytes = google("", &["05/06/2025", "1/13/2025"], ",");
    let e = read_report(&bytes, "r.csv", &ReadOptions { date_order: Some(DateOrder::DayFirst), ..ReadOptions::default() }).unwrap_err();
    assert_eq!((e.code.as_str(), e.row, e.column.as_deref()), ("bad_date", Some(3), Some("Day")));
    assert!(e.message.contains("no month 13 when read day first"), "{}", e.message);
}
