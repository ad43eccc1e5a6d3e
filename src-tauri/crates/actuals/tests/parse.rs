//! Parser tests: the shared platform exports against their expected totals, and our own
//! fixtures for the shapes real downloads come in (UTF-16 tabs, BOMs, CRLF, ad-set rows,
//! weekly rows, XLSX, a mapped semicolon file) and for every way a file is rejected.

use flightplan_actuals::{parse, ColumnMapping, Platform, Report};
use flightplan_core::Dec;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::str::FromStr;

fn d(s: &str) -> Dec {
    Dec::from_str(s).unwrap()
}

fn data(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// `../shared/platform-exports` beside the repository root (in CI, beside the clone). Its
/// absence fails the test: a missing folder must not pass as "nothing to check".
pub fn shared_exports() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/platform-exports");
    assert!(p.is_dir(), "{} is missing: the shared platform exports must sit beside the repository", p.display());
    Some(p)
}

fn num(v: &Value) -> Decimal {
    d(&v.to_string()).0
}

type Totals = [Decimal; 4];

fn add(t: &mut Totals, r: &flightplan_core::actuals::ImportRow) {
    t[0] += r.spend;
    t[1] += r.impressions.unwrap_or_default();
    t[2] += r.clicks.unwrap_or_default();
    t[3] += r.conversions.unwrap_or_default();
}

fn expect_totals(t: &Totals, v: &Value, what: &str) {
    for (i, k) in ["spend", "impressions", "clicks", "conversions"].iter().enumerate() {
        assert_eq!(t[i], num(&v[k]), "{what}: {k}");
    }
}

fn check_against_expected(file: &str, platform: Option<Platform>) {
    let dir = shared_exports().unwrap();
    let bytes = std::fs::read(dir.join(file)).unwrap();
    let expected: Value = serde_json::from_slice(&std::fs::read(dir.join(format!("{file}.expected.json"))).unwrap()).unwrap();
    let report = parse(&bytes, file, platform, &ColumnMapping::default()).unwrap();
    assert_eq!(report.header_line as u64, expected["format"]["header_line"].as_u64().unwrap(), "{file}: header line");
    assert_eq!(report.currency.as_deref(), expected["format"]["currency"].as_str(), "{file}: currency");
    // Every excluded line is skipped as a total, and no data row comes from one.
    for ex in expected["excluded_lines"].as_array().unwrap() {
        let line = ex["line"].as_u64().unwrap() as usize;
        assert!(report.skipped.iter().any(|s| s.line == line && s.reason.contains("total")), "{file}: line {line} not skipped");
        assert!(report.rows.iter().all(|r| r.file_line != line));
    }
    // Per (campaign, day) rows, per campaign and the whole file.
    let mut by_day: BTreeMap<(String, String), Totals> = BTreeMap::new();
    let mut by_campaign: BTreeMap<String, Totals> = BTreeMap::new();
    let mut file_total: Totals = Default::default();
    for r in &report.rows {
        assert_eq!(r.start, r.end, "a day's row");
        add(by_day.entry((r.campaign.clone(), r.start.to_string())).or_default(), r);
        add(by_campaign.entry(r.campaign.clone()).or_default(), r);
        add(&mut file_total, r);
    }
    let rows = expected["rows"].as_array().unwrap();
    assert_eq!(by_day.len(), rows.len(), "{file}: number of (campaign, day) rows");
    for e in rows {
        let key = (e["campaign"].as_str().unwrap().to_string(), e["date"].as_str().unwrap().to_string());
        let got = by_day.get(&key).unwrap_or_else(|| panic!("{file}: missing {key:?}"));
        expect_totals(got, e, &format!("{file} {key:?}"));
    }
    let camps = expected["campaign_totals"].as_object().unwrap();
    assert_eq!(by_campaign.len(), camps.len());
    for (name, v) in camps {
        expect_totals(&by_campaign[name], v, &format!("{file} {name}"));
    }
    expect_totals(&file_total, &expected["file_totals"], file);
}

#[test]
fn google_ads_sample_matches_expected_totals() {
    check_against_expected("google_ads_campaign_report_daily.csv", None);
    check_against_expected("google_ads_campaign_report_daily.csv", Some(Platform::Google));
}

#[test]
fn meta_sample_matches_expected_totals() {
    check_against_expected("meta_ads_campaigns_daily_USD.csv", None);
}

#[test]
fn tiktok_sample_matches_expected_totals() {
    check_against_expected("tiktok_ads_campaigns_by_day.csv", None);
}

#[test]
fn shared_samples_are_detected_as_their_platform() {
    let dir = shared_exports().unwrap();
    for (file, p) in [
        ("google_ads_campaign_report_daily.csv", Platform::Google),
        ("meta_ads_campaigns_daily_USD.csv", Platform::Meta),
        ("tiktok_ads_campaigns_by_day.csv", Platform::Tiktok),
    ] {
        let r = parse(&std::fs::read(dir.join(file)).unwrap(), file, None, &ColumnMapping::default()).unwrap();
        assert_eq!(r.platform, p, "{file}");
    }
}

fn google_utf16_checks(r: &Report) {
    assert_eq!(r.platform, Platform::Google);
    assert_eq!(r.header_line, 3);
    assert_eq!(r.currency.as_deref(), Some("USD"));
    assert_eq!(r.rows.len(), 3);
    assert_eq!(r.rows[0].campaign, "Search - Brand - US");
    assert_eq!(r.rows[0].spend, d("1112.57"));
    assert_eq!(r.rows[0].impressions, Some(d("1328")));
    assert_eq!(r.rows[0].revenue, Some(d("950.00")));
    // ` --` is no value, counted as none.
    assert_eq!(r.rows[1].conversions, Some(Dec(Decimal::ZERO)));
    assert_eq!(r.rows[2].impressions, Some(d("11704")));
    let spend: Decimal = r.rows.iter().map(|r| r.spend).sum();
    assert_eq!(spend, d("1286.97"));
    let totals: Vec<usize> = r.skipped.iter().filter(|s| s.reason.contains("total")).map(|s| s.line).collect();
    assert_eq!(totals, vec![7, 8]);
}

#[test]
fn google_excel_csv_utf16_tabs_with_bom() {
    let r = parse(&data("google_utf16_tabs.csv"), "google_utf16_tabs.csv", None, &ColumnMapping::default()).unwrap();
    assert_eq!(r.encoding, "UTF-16LE");
    google_utf16_checks(&r);
}

#[test]
fn google_excel_csv_utf16_without_bom() {
    let r = parse(&data("google_utf16_nobom.csv"), "google_utf16_nobom.csv", None, &ColumnMapping::default()).unwrap();
    assert_eq!(r.encoding, "UTF-16LE");
    google_utf16_checks(&r);
}

#[test]
fn meta_bom_crlf_and_ad_set_rows() {
    let r = parse(&data("meta_bom_crlf_adsets_EUR.csv"), "m.csv", None, &ColumnMapping::default()).unwrap();
    assert_eq!(r.platform, Platform::Meta);
    assert_eq!(r.currency.as_deref(), Some("EUR"));
    assert_eq!(r.rows.len(), 3, "ad-set rows are kept; the core sums them per campaign and day");
    assert_eq!(r.rows[0].campaign, "LC – Prospecting");
    assert_eq!(r.rows[1].conversions, Some(Dec(Decimal::ZERO)), "empty Results is none");
    assert_eq!(r.rows[0].spend + r.rows[1].spend, d("150.00"));
    assert_eq!(r.rows[2].revenue, Some(d("150.5")));
    assert!(r.rows.iter().all(|x| x.currency.as_deref() == Some("EUR")));
}

#[test]
fn meta_weekly_rows_are_weeks() {
    let r = parse(&data("meta_weekly.csv"), "w.csv", Some(Platform::Meta), &ColumnMapping::default()).unwrap();
    assert_eq!(r.rows.len(), 2);
    assert!(r.rows.iter().all(|x| (x.end - x.start).num_days() == 6), "week rows");
    assert_eq!(r.rows[1].start.to_string(), "2025-09-08");
    assert_eq!(r.rows[1].end.to_string(), "2025-09-14");
}

#[test]
fn any_csv_through_a_mapping() {
    let mapping: ColumnMapping = serde_json::from_slice(&data("dsp_mapping.json")).unwrap();
    let r = parse(&data("dsp_semicolon.csv"), "dsp.csv", None, &mapping).unwrap();
    assert_eq!(r.platform, Platform::Mapped);
    assert_eq!(r.currency.as_deref(), Some("EUR"));
    assert_eq!(r.rows[0].spend, d("1234.50"));
    assert_eq!(r.rows[0].impressions, Some(d("100000")));
    assert_eq!(r.rows[1].spend, d("765.50"));
    assert_eq!(r.rows[1].start.to_string(), "2025-09-02");
}

#[test]
fn xlsx_reports_read_like_csv() {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let header = ["Day", "Campaign name", "Results", "Amount spent (USD)", "Impressions", "Link clicks"];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "2025-09-01").unwrap();
    ws.write_string(1, 1, "LC_Retargeting").unwrap();
    ws.write_number(1, 2, 4.0).unwrap();
    ws.write_number(1, 3, 66.16).unwrap();
    ws.write_number(1, 4, 5111.0).unwrap();
    ws.write_number(1, 5, 94.0).unwrap();
    ws.write_string(2, 0, "2025-09-02").unwrap();
    ws.write_string(2, 1, "LC_Retargeting").unwrap();
    ws.write_number(2, 3, 56.39).unwrap();
    ws.write_number(2, 4, 3496.0).unwrap();
    ws.write_number(2, 5, 48.0).unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let r = parse(&bytes, "meta.xlsx", None, &ColumnMapping::default()).unwrap();
    assert_eq!(r.encoding, "xlsx");
    assert_eq!(r.platform, Platform::Meta);
    assert_eq!(r.rows.len(), 2);
    assert_eq!(r.rows[0].spend, d("66.16"));
    assert_eq!(r.rows[1].spend, d("56.39"));
    assert_eq!(r.rows[1].conversions, Some(Dec(Decimal::ZERO)));
    assert_eq!(r.rows[1].file_line, 3);
}

fn rejected(file: &str, platform: Option<Platform>) -> flightplan_core::Error {
    parse(&data(file), file, platform, &ColumnMapping::default()).expect_err(file)
}

#[test]
fn malformed_files_are_rejected_with_their_line() {
    let e = rejected("bad_number_line5.csv", None);
    assert_eq!(e.code, "bad_number");
    assert_eq!((e.file.as_deref(), e.row), (Some("bad_number_line5.csv"), Some(5)), "the file and line are fields");
    assert!(!e.message.contains("line 5"), "{}", e.message);
    assert_eq!(e.column.as_deref(), Some("Cost"));
    assert!(e.message.contains("one dollar"), "{}", e.message);

    let e = rejected("bad_date_line3.csv", None);
    assert_eq!(e.code, "bad_date");
    assert_eq!(e.row, Some(3));
    assert!(e.message.contains("2025-13-01"), "{}", e.message);

    let e = rejected("bad_width_line4.csv", None);
    assert_eq!(e.code, "bad_row");
    assert_eq!(e.row, Some(4));
    assert!(e.message.contains("3 fields"), "{}", e.message);

    let e = rejected("no_header.csv", None);
    assert_eq!(e.code, "no_header");
    assert_eq!(e.row, Some(1));

    // A Google report read as Meta finds no Meta header (no `Amount spent`).
    let e = rejected("google_utf16_tabs.csv", Some(Platform::Meta));
    assert_eq!(e.code, "no_header");
}
