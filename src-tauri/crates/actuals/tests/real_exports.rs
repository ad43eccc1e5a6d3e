//! The real exports people committed to public repositories (`../shared/platform-exports/real/`):
//! each must be read as its platform and language, with exactly the totals its `.source.txt`
//! gives for its data rows (platform total rows excluded), as decimals.

use flightplan_actuals::{read_report, DateRange, Platform, ReadOptions, Report};
use flightplan_core::Dec;
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::PathBuf;
use std::str::FromStr;

fn real_dir() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/platform-exports/real");
    assert!(p.is_dir(), "{} is missing: the shared platform exports must sit beside the repository", p.display());
    p
}

/// The figures in a `.source.txt`: the JSON after "computed figures".
fn figures(file: &str) -> Value {
    let text = std::fs::read_to_string(real_dir().join(format!("{file}.source.txt"))).unwrap();
    let at = text.find("computed figures").unwrap_or_else(|| panic!("{file}.source.txt has no computed figures"));
    let json = &text[at + text[at..].find('{').unwrap()..];
    serde_json::Deserializer::from_str(json).into_iter::<Value>().next().unwrap().unwrap()
}

/// The figure whose key starts with `measure` (`spend(Cost)`, `impressions`), as a decimal;
/// `None` when the source says the file has no such column.
fn figure(v: &Value, measure: &str) -> Option<Decimal> {
    let (_, val) = v.as_object().unwrap().iter().find(|(k, _)| k.as_str() == measure || k.starts_with(&format!("{measure}(")))?;
    let s = val.as_str().map(str::to_string).unwrap_or_else(|| val.to_string());
    if s.starts_with("n/a") {
        return None;
    }
    Some(Decimal::from_str(&s).unwrap_or_else(|e| panic!("{measure}: {s}: {e}")))
}

fn read(file: &str, period: Option<&str>) -> Report {
    let bytes = std::fs::read(real_dir().join(file)).unwrap();
    let opts = ReadOptions { period: period.map(|p| DateRange::parse(p).unwrap()), ..ReadOptions::default() };
    read_report(&bytes, file, &opts).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn check(file: &str, period: Option<&str>, platform: Platform, language: &str) -> Report {
    let r = read(file, period);
    let v = figures(file);
    let d = r.dialect.as_ref().unwrap();
    assert_eq!((d.platform, d.language.as_str()), (platform, language), "{file}: dialect");
    assert_eq!(r.rows.len() as u64, v["data_rows"].as_u64().unwrap(), "{file}: data rows");
    assert_eq!(Some(r.totals.spend), figure(&v, "spend").map(Dec), "{file}: spend");
    assert_eq!(r.totals.impressions, figure(&v, "impressions").map(Dec), "{file}: impressions");
    assert_eq!(r.totals.clicks, figure(&v, "clicks").map(Dec), "{file}: clicks");
    assert_eq!(r.totals.conversions, figure(&v, "conversions").map(Dec), "{file}: conversions");
    r
}

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn amazon_sponsored_products_daily_in_rupees() {
    let r = check("amazon-sp-campaign-daily-inr.csv", None, Platform::Amazon, "en");
    assert_eq!(r.currency.as_deref(), Some("INR"));
    let p = r.period.unwrap();
    assert_eq!((p.start, p.end), (day("2020-02-01"), day("2020-02-29")));
    assert!(r.rows.iter().all(|x| x.start == x.end && x.currency.as_deref() == Some("INR")));
}

#[test]
fn google_ads_excel_csv_utf16_with_two_total_rows() {
    let r = check("googleads-fruit4london-utf16-tsv.csv", None, Platform::Google, "en");
    assert_eq!(r.encoding, "UTF-16LE");
    assert_eq!(r.currency.as_deref(), Some("GBP"));
    let p = r.period.unwrap();
    assert_eq!((p.start, p.end), (day("2026-01-27"), day("2026-02-23")), "the period from the title line");
    assert!(r.rows.iter().all(|x| (x.start, x.end) == (p.start, p.end)), "rows cover the report's range");
    assert_eq!(r.skipped.iter().filter(|s| s.reason.contains("total")).count(), 2);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn google_ads_all_time_needs_a_period() {
    let bytes = std::fs::read(real_dir().join("googleads-intrago-campaign-alltime.csv")).unwrap();
    let e = read_report(&bytes, "intrago.csv", &ReadOptions::default()).unwrap_err();
    assert_eq!(e.code, "no_period");
    assert!(e.message.contains("All time") && e.message.contains("2025-01-01..2025-12-31"), "{}", e.message);
    let r = check("googleads-intrago-campaign-alltime.csv", Some("2025-01-01..2025-12-31"), Platform::Google, "en");
    assert_eq!(r.currency.as_deref(), Some("USD"));
    assert_eq!(r.skipped.iter().filter(|s| s.reason.contains("total")).count(), 5);
    assert!(r.rows.iter().any(|x| x.campaign == "Deck, siding & other_Remarketing_RSL"));
    assert!(r.rows.iter().all(|x| (x.start, x.end) == (day("2025-01-01"), day("2025-12-31"))));
    // Total: Campaigns matches the rows; Total: Account (with removed campaigns) is not compared.
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn google_ads_in_portuguese_with_decimal_commas() {
    let r = check("googleads-ptbr-campanha-brl.csv", None, Platform::Google, "pt");
    assert_eq!(r.currency.as_deref(), Some("BRL"));
    let p = r.period.unwrap();
    assert_eq!((p.start, p.end), (day("2026-05-05"), day("2026-05-15")));
    assert!(r.rows.iter().any(|x| x.campaign == "[SEARCH][06.05.26]-ESCORPIÃO"));
    assert_eq!(r.skipped.iter().filter(|s| s.reason.contains("total")).count(), 3);
}

#[test]
fn linkedin_ad_performance_with_line_breaks_in_quoted_text() {
    let r = check("linkedin-logicsource-adperf-jan-may2023-utf16.csv", None, Platform::Linkedin, "en");
    assert_eq!(r.currency.as_deref(), Some("USD"));
    assert_eq!(r.header_line, 6, "five preamble lines");
    let p = r.period.unwrap();
    assert_eq!((p.start, p.end), (day("2023-01-01"), day("2023-05-31")), "Report Start and Report End");
    let (first, last) = (r.rows.iter().map(|x| x.start).min().unwrap(), r.rows.iter().map(|x| x.end).max().unwrap());
    assert_eq!((first, last), (day("2023-02-01"), day("2023-05-31")));
    assert!(r.rows.iter().all(|x| x.ad.is_some()), "creative names are the ads");
}

#[test]
fn meta_ad_sets_by_day_and_audience_segment() {
    let r = check("meta-bluetea-adsets-daily-inr.csv", None, Platform::Meta, "en");
    assert_eq!(r.currency.as_deref(), Some("INR"));
    assert!(r.rows.iter().all(|x| x.campaign.is_empty() && x.ad_set.is_some()), "an ad-set report without campaigns");
    let p = r.period.unwrap();
    assert_eq!((p.start, p.end), (day("2026-01-01"), day("2026-01-05")));
}

#[test]
fn tiktok_campaign_xlsx_with_its_total_row() {
    let r = check("tiktok-thrasio-campaign-report-week.xlsx", Some("2024-05-12..2024-05-18"), Platform::Tiktok, "en");
    assert_eq!(r.encoding, "xlsx");
    assert_eq!(r.skipped.iter().filter(|s| s.reason.contains("total")).count(), 1);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}
