//! One small file per dialect and layout rule real exports need: summary and total rows of
//! every kind (compared with the rows), breakdown rows summed, preambles and footers, "No data
//! available.", preamble-only files, `="…"` cells, quoted line breaks, duplicate column names,
//! `--` blanks, locale numbers and dates, month rows, Japanese headers, and the hostile cases
//! that once panicked or ran away.

use flightplan_actuals::{parse, read_report, ColumnMapping, DateRange, Platform, ReadOptions, Report};
use flightplan_core::Dec;
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::str::FromStr;

fn d(s: &str) -> Dec {
    Dec::from_str(s).unwrap()
}

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn data(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn read(name: &str) -> Report {
    parse(&data(name), name, None, &ColumnMapping::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn dialect(r: &Report) -> (Platform, String) {
    let d = r.dialect.as_ref().unwrap();
    (d.platform, d.language.clone())
}

#[test]
fn meta_summary_row_is_skipped_and_breakdown_rows_are_summed() {
    let r = read("meta_summary_row_age_gender.csv");
    assert_eq!(dialect(&r), (Platform::Meta, "en".into()));
    assert_eq!(r.skipped.iter().map(|s| (s.line, s.reason.as_str())).collect::<Vec<_>>(), vec![(2, "platform summary row")]);
    assert_eq!(r.rows.len(), 4, "age and gender rows are kept; the core sums them per campaign and range");
    assert_eq!((r.totals.spend, r.totals.impressions, r.totals.clicks, r.totals.conversions), (d("350.00"), Some(d("30000")), Some(d("300")), Some(d("12"))));
    assert!(r.warnings.is_empty(), "the summary row agrees with the rows: {:?}", r.warnings);
    assert!(r.rows.iter().all(|x| (x.start, x.end) == (day("2025-09-01"), day("2025-09-07"))), "Reporting starts to ends");
}

#[test]
fn a_total_row_that_differs_from_the_rows_is_a_warning() {
    let r = read("meta_summary_row_differs.csv");
    assert_eq!(r.warnings.len(), 1);
    let w = &r.warnings[0];
    assert_eq!(w.line, Some(2));
    assert!(w.message.contains("spend 999.00 (the rows sum to 100.00)") && w.message.contains("impressions 1 (the rows sum to 10)"), "{}", w.message);
    let p = r.period.unwrap();
    assert_eq!((p.start, p.end), (day("2025-09-01"), day("2025-09-30")), "a month's range row");
}

#[test]
fn microsoft_preamble_hourly_dates_total_and_copyright_footer() {
    let r = read("microsoft_hourly_preamble_footer.csv");
    assert_eq!(dialect(&r), (Platform::Microsoft, "en".into()));
    assert_eq!(r.header_line, 11);
    assert_eq!(r.rows.len(), 3);
    assert_eq!(r.rows[0].start, day("2019-01-23"));
    assert_eq!(r.rows[2].start, day("2019-01-24"));
    assert_eq!(r.rows[0].ad_set.as_deref(), Some("Exact"));
    assert_eq!((r.totals.spend, r.totals.impressions, r.totals.clicks), (d("76.00"), Some(d("2000")), Some(d("50"))));
    assert_eq!(r.rows[2].impressions, Some(Dec(Decimal::ZERO)), "-- is none");
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let reasons: Vec<&str> = r.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert!(reasons.contains(&"platform total row") && reasons.contains(&"a note, not a data row"), "{reasons:?}");
    let p = r.period.unwrap();
    assert_eq!((p.start, p.end), (day("2019-01-01"), day("2019-01-31")), "Report Time in the preamble");
}

#[test]
fn no_data_available_and_preamble_only_files_import_nothing_and_say_so() {
    for name in ["google_no_data.csv", "linkedin_preamble_only.csv"] {
        let r = read(name);
        assert_eq!(r.rows.len(), 0, "{name}");
        assert_eq!(r.totals.spend, Decimal::ZERO);
        assert_eq!(r.warnings.len(), 1, "{name}: {:?}", r.warnings);
        assert!(r.warnings[0].message.contains("nothing was imported"), "{name}: {}", r.warnings[0].message);
    }
    let empty = parse(b"", "empty.csv", None, &ColumnMapping::default()).unwrap();
    assert!(empty.warnings[0].message.contains("empty"));
}

#[test]
fn excel_quoted_cells_line_breaks_and_duplicate_columns() {
    let r = read("google_excel_quoted_duplicate_columns.csv");
    assert_eq!(r.rows.len(), 2);
    assert_eq!(r.rows[0].campaign, "Brand, exact");
    assert_eq!(r.rows[0].spend, d("12.50"));
    assert_eq!(r.rows[0].clicks, Some(d("10")), "the first of two Clicks columns");
    assert_eq!(r.rows[1].campaign, "Brand\nnew line");
    assert_eq!(r.rows[1].file_line, 3);
    assert!(r.warnings.iter().any(|w| w.message.contains("\"Clicks\" appears 2 times")), "{:?}", r.warnings);
}

#[test]
fn portuguese_numbers_money_and_dates() {
    let r = read("google_pt_locale.csv");
    assert_eq!(dialect(&r), (Platform::Google, "pt".into()));
    assert_eq!(r.rows[0].start, day("2025-09-01"));
    assert_eq!(r.rows[1].start, day("2025-09-02"));
    assert_eq!(r.rows[0].spend, d("1683.00"));
    assert_eq!(r.rows[1].spend, d("12.28"));
    assert_eq!(r.rows[0].impressions, Some(d("1000")));
    assert_eq!(r.rows[1].conversions, Some(d("0.5")));
    assert_eq!(r.currency.as_deref(), Some("BRL"), "from the R$ on the amounts");
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn german_semicolon_export_with_its_total_row() {
    let r = read("google_de_semicolon.csv");
    assert_eq!(dialect(&r), (Platform::Google, "de".into()));
    assert_eq!(r.rows[0].spend, d("1234.50"));
    assert_eq!(r.rows[1].start, day("2025-09-02"));
    assert_eq!(r.totals.impressions, Some(d("10900")));
    assert_eq!(r.currency.as_deref(), Some("EUR"));
    assert!(r.warnings.is_empty(), "Gesamt agrees: {:?}", r.warnings);
}

#[test]
fn month_rows_cover_their_month() {
    let r = read("google_monthly.csv");
    assert_eq!((r.rows[0].start, r.rows[0].end), (day("2025-09-01"), day("2025-09-30")));
    assert_eq!((r.rows[1].start, r.rows[1].end), (day("2025-10-01"), day("2025-10-31")));
}

#[test]
fn japanese_meta_export() {
    let r = read("meta_ja.csv");
    assert_eq!(dialect(&r), (Platform::Meta, "ja".into()));
    assert_eq!(r.rows[0].start, day("2026-05-05"));
    assert_eq!(r.rows[0].ad_set.as_deref(), Some("東京 25-34"));
    assert_eq!(r.currency.as_deref(), Some("JPY"));
}

#[test]
fn japanese_meta_export_saved_again_by_excel_in_shift_jis() {
    let utf8 = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/meta_ja.csv")).unwrap();
    let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&utf8);
    assert!(!unmappable && std::str::from_utf8(&sjis).is_err());
    let r = parse(&sjis, "meta_ja.csv", None, &ColumnMapping::default()).unwrap();
    assert_eq!((r.encoding.as_str(), dialect(&r)), ("Shift_JIS", (Platform::Meta, "ja".into())));
    assert_eq!(r.rows, read("meta_ja.csv").rows);
}

#[test]
fn an_english_meta_export_with_chinese_campaign_names_saved_again_by_excel_in_gbk() {
    // A Chinese exporter's report: the interface in English, the names in Chinese, saved by
    // Excel on a Windows set to Chinese (GBK, whose bytes also decode as Korean).
    let utf8 = "Reporting starts,Reporting ends,Campaign name,Ad set name,Amount spent (USD),Impressions,Link clicks\n\
                2025-09-01,2025-09-01,夏季新品推广,美国 女性 25-34,100.50,10000,100\n\
                2025-09-01,2025-09-01,品牌词搜索再营销,网站访客,49.50,5000,50\n";
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(utf8);
    assert!(!unmappable && std::str::from_utf8(&gbk).is_err());
    let r = parse(&gbk, "meta.csv", None, &ColumnMapping::default()).unwrap();
    assert_eq!((r.encoding.as_str(), dialect(&r)), ("GBK", (Platform::Meta, "en".into())));
    assert_eq!(r.rows[0].campaign, "夏季新品推广");
    assert_eq!(r.rows[1].ad_set.as_deref(), Some("网站访客"));
}

#[test]
fn a_given_period_is_used_and_a_clash_with_the_title_is_said() {
    let csv = "Campaign report\n1 September 2025 - 30 September 2025\nCampaign,Cost,Impr.\nBrand,10.00,100\n";
    let r = parse(csv.as_bytes(), "c.csv", None, &ColumnMapping::default()).unwrap();
    assert_eq!((r.rows[0].start, r.rows[0].end), (day("2025-09-01"), day("2025-09-30")));
    let opts = ReadOptions { period: Some(DateRange::parse("2025-09-01..2025-09-15").unwrap()), ..ReadOptions::default() };
    let r = read_report(csv.as_bytes(), "c.csv", &opts).unwrap();
    assert_eq!((r.rows[0].start, r.rows[0].end), (day("2025-09-01"), day("2025-09-15")));
    assert!(r.warnings[0].message.contains("the period given"), "{:?}", r.warnings);
    assert_eq!(DateRange::parse("2025-12-31..2025-01-01").unwrap_err().code, "bad_period");
    assert_eq!(DateRange::parse("all time").unwrap_err().code, "bad_period");
}

#[test]
fn a_multibyte_character_in_a_date_is_an_error_not_a_panic() {
    let e = parse(&data("bad_multibyte_date.csv"), "m.csv", None, &ColumnMapping::default()).unwrap_err();
    assert_eq!(e.code, "bad_date");
    assert_eq!((e.file.as_deref(), e.row), (Some("m.csv"), Some(2)));
    assert!(e.message.contains("2025-09-0é"), "{}", e.message);
}

#[test]
fn a_mapping_reads_ad_sets_and_reports_without_dates() {
    let csv = "Flight;Line item;Net cost\nAutumn;Video A;1.234,50\n";
    let mapping: ColumnMapping = serde_json::from_str(r#"{"campaign": "Flight", "ad_set": "Line item", "spend": "Net cost", "currency": "EUR"}"#).unwrap();
    let opts = ReadOptions { mapping, period: Some(DateRange::parse("2025-09-01..2025-09-30").unwrap()), ..ReadOptions::default() };
    let r = read_report(csv.as_bytes(), "dsp.csv", &opts).unwrap();
    assert_eq!(r.platform, Platform::Mapped);
    assert_eq!(r.rows[0].ad_set.as_deref(), Some("Video A"));
    assert_eq!(r.rows[0].spend, d("1234.50"));
    assert_eq!(r.currency.as_deref(), Some("EUR"));
}

#[test]
fn indian_digit_grouping_reads_as_lakhs_and_crores() {
    let csv = "Reporting starts,Reporting ends,Ad set name,Amount spent,Impressions\n2026-01-02,2026-01-02,Tea,\"₹1,23,456.00\",\"3,93,250\"\n2026-01-02,2026-01-02,Yoga,\"₹53,344.97\",\"12,34,567\"\n";
    let r = parse(csv.as_bytes(), "meta_inr.csv", None, &ColumnMapping::default()).unwrap();
    assert_eq!((r.totals.spend, r.totals.impressions), (d("176800.97"), Some(d("1627817"))));
    assert_eq!(r.rows[0].impressions, Some(d("393250")));
    assert_eq!(r.currency.as_deref(), Some("INR"));
    // Groups that change size part-way are not a number in any grouping.
    let e = parse(b"Ad set name,Amount spent\nTea,\"1,23,4567\"\n", "m.csv", None, &ColumnMapping::default()).unwrap_err();
    assert_eq!((e.code.as_str(), e.row, e.column.as_deref()), ("bad_number", Some(2), Some("Amount spent")));
}

#[test]
fn rows_repeated_cell_for_cell_are_counted_and_named() {
    // Two days of Meta rows pasted twice: every copy counted, each named by its line.
    let r = read("meta_duplicated_rows.csv");
    assert_eq!(r.rows.len(), 38);
    let w: Vec<_> = r.warnings.iter().filter(|w| w.message.contains("same in every cell")).collect();
    assert_eq!(w.len(), 1, "{:?}", r.warnings);
    assert_eq!(w[0].line, Some(21));
    assert!(
        w[0].message.starts_with("19 data rows are the same in every cell as an earlier one (line 21 repeats line 2, line 22 repeats line 3,"),
        "{}",
        w[0].message
    );
    assert!(w[0].message.contains("and 14 more); they are counted"), "{}", w[0].message);
    // Rows alike in every figure read but not in a cell left unread (an age breakdown) are not
    // repeats.
    let csv = "Day,Campaign name,Age,Amount spent (USD)\n2025-09-01,LC,18-24,10.00\n2025-09-01,LC,25-34,10.00\n";
    let r = parse(csv.as_bytes(), "ages.csv", None, &ColumnMapping::default()).unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn meta_results_count_as_conversions_only_where_they_are_conversions() {
    // Purchases on two campaigns, people reached on the third: 57 conversions, not 77,873.
    let r = read("meta_reach_results.csv");
    assert_eq!((r.rows.len(), r.totals.conversions), (19, Some(d("57"))));
    let reach: Vec<_> = r.rows.iter().filter(|x| x.campaign == "LC – Autumn Blend Launch").collect();
    assert!(reach.len() == 5 && reach.iter().all(|x| x.conversions.is_none()), "a reach row's conversions are unknown");
    let w: Vec<&str> = r.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(w.len() == 1 && w[0].starts_with("Results that are not conversions were left out of conversions (77816 reach on 5 rows)"), "{w:?}");
}

#[test]
fn meta_results_in_spanish_are_judged_by_the_spanish_result_indicator() {
    let csv = "Día,Nombre de la campaña,Resultados,Indicador de resultados,Importe gastado (EUR),Impresiones\n\
               2025-09-01,Compras,4,actions:offsite_conversion.fb_pixel_purchase,40.00,1000\n\
               2025-09-01,Alcance,9500,reach,25.00,12000\n";
    let r = parse(csv.as_bytes(), "meta_es.csv", None, &ColumnMapping::default()).unwrap();
    assert_eq!(dialect(&r), (Platform::Meta, "es".into()));
    assert_eq!((r.rows[0].conversions, r.rows[1].conversions, r.totals.conversions), (Some(d("4")), None, Some(d("4"))));
    assert!(
        r.warnings.iter().any(|w| w.message.starts_with("Results that are not conversions were left out of conversions (9500 reach on 1 row)")),
        "{:?}",
        r.warnings
    );
}
