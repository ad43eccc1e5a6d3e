//! Workbooks as spreadsheets save them: dates as 1904 serials (older Mac workbooks), `20250901`
//! stored as a number, the report on a sheet after a notes sheet or behind a hidden one, and a
//! workbook with no report at all. Each real-shape file (from TikTok's export, re-saved) must
//! read its days and figures exactly; each error must name its sheet.

use flightplan_actuals::{parse, ColumnMapping, Report};
use flightplan_core::Dec;
use rust_xlsxwriter::Workbook;
use std::path::PathBuf;
use std::str::FromStr;

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn read(bytes: &[u8], name: &str) -> Result<Report, flightplan_core::Error> {
    parse(bytes, name, None, &ColumnMapping::default())
}

#[test]
fn workbook_dates_and_sheets_as_spreadsheets_save_them() {
    // file, first and last day of the rows, rows, spend, a warning the read must carry.
    let cases = [
        ("tiktok_daily_1904_serials.xlsx", ("2025-09-01", "2025-09-07"), 14, "1909.29", None),
        ("tiktok_daily_yyyymmdd_numbers.xlsx", ("2025-09-01", "2025-09-07"), 14, "1909.29", None),
        (
            "tiktok_data_on_sheet2 (2024-05-12 to 2024-05-18).xlsx",
            ("2024-05-12", "2024-05-18"),
            14,
            "19560.52",
            Some("read from the sheet \"sheet1\": the sheets before it (\"Read me\") have no report header"),
        ),
    ];
    for (file, (first, last), rows, spend, warning) in cases {
        let bytes = std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(file)).unwrap();
        let r = read(&bytes, file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let span = (r.rows.iter().map(|x| x.start).min().unwrap(), r.rows.iter().map(|x| x.end).max().unwrap());
        assert_eq!(span, (day(first), day(last)), "{file}");
        assert_eq!((r.rows.len(), r.totals.spend), (rows, Dec::from_str(spend).unwrap()), "{file}");
        let messages: Vec<&str> = r.warnings.iter().map(|w| w.message.as_str()).collect();
        match warning {
            Some(w) => assert!(messages.iter().any(|m| m.contains(w)), "{file}: {messages:?}"),
            None => assert!(messages.is_empty(), "{file}: {messages:?}"),
        }
    }
}

/// A workbook of named sheets, each rows of text cells (numbers typed as numbers), hidden or not.
fn workbook(sheets: &[(&str, bool, &[&[&str]])]) -> Vec<u8> {
    let mut wb = Workbook::new();
    for (name, hidden, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        ws.set_hidden(*hidden);
        // The sheet open on screen is the first visible one (an active sheet is never hidden).
        ws.set_active(!hidden && sheets.iter().find(|s| !s.1).is_some_and(|s| s.0 == *name));
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                match cell.parse::<f64>() {
                    Ok(n) => ws.write_number(r as u32, c as u16, n).unwrap(),
                    Err(_) => ws.write_string(r as u32, c as u16, *cell).unwrap(),
                };
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

const HEADER: &[&str] = &["By Day", "Campaign name", "Cost", "Impressions"];

#[test]
fn the_report_is_found_on_any_sheet_and_errors_name_theirs() {
    // Behind a hidden sheet that also has a header, and after a notes sheet: the first visible
    // sheet with a header is the report.
    let file = workbook(&[
        ("Lookup", true, &[HEADER, &["2025-09-01", "Old", "1", "1"]]),
        ("Notes", false, &[&["Exported from TikTok Ads Manager"]]),
        ("Data", false, &[HEADER, &["2025-09-01", "Brand", "12.5", "100"]]),
    ]);
    let r = read(&file, "r.xlsx").unwrap();
    assert_eq!((r.rows.len(), r.rows[0].campaign.as_str()), (1, "Brand"));
    // A bad cell on the report's sheet names the sheet.
    let file = workbook(&[("Notes", false, &[&["Read me"]]), ("Data", false, &[HEADER, &["2025-09-01", "Brand", "lots", "100"]])]);
    let e = read(&file, "r.xlsx").unwrap_err();
    assert_eq!((e.code.as_str(), e.sheet.as_deref(), e.row, e.column.as_deref()), ("bad_number", Some("Data"), Some(2), Some("Cost")));
    // No report header on any sheet: the error names the sheets seen.
    let file = workbook(&[("Summary", false, &[&["Campaign", "Budget"], &["Brand", "100"]]), ("Chart", false, &[&["Spend by week", "x"]])]);
    let e = read(&file, "r.xlsx").unwrap_err();
    assert_eq!((e.code.as_str(), e.sheet.as_deref()), ("no_header", Some("Summary")));
    assert!(e.message.contains("on any of the workbook's sheets (\"Summary\", \"Chart\")"), "{}", e.message);
}
