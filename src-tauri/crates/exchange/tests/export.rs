//! The CSV and XLSX exports of the sample plan carry the core's figures exactly.

use flightplan_exchange::{write_csv, write_xlsx};

#[test]
fn csv_has_every_line_with_exact_figures() {
    let plan = flightplan_core::sample_plan();
    let view = flightplan_core::compute(&plan).unwrap();
    let text = write_csv(&plan, &view).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().unwrap().clone();
    let net = headers.iter().position(|h| h == "net").unwrap();
    let gross = headers.iter().position(|h| h == "gross").unwrap();
    let imps = headers.iter().position(|h| h == "impressions").unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), view.lines.len());
    for (row, line) in rows.iter().zip(&view.lines) {
        assert_eq!(row[net], line.net.to_string());
        assert_eq!(row[gross], line.gross.to_string());
        assert_eq!(row[imps], line.impressions.map(|d| d.to_string()).unwrap_or_default());
    }
    let sum: rust_decimal::Decimal = rows.iter().map(|r| r[gross].parse::<rust_decimal::Decimal>().unwrap()).sum();
    assert_eq!(sum, view.totals.gross);
}

#[test]
fn xlsx_has_four_sheets() {
    let plan = flightplan_core::sample_plan();
    let view = flightplan_core::compute(&plan).unwrap();
    let bytes = write_xlsx(&plan, &view).unwrap();
    assert!(bytes.starts_with(b"PK"));
    let names = String::from_utf8_lossy(&bytes);
    for sheet in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"] {
        assert!(names.contains(sheet), "{sheet} missing");
    }
}
