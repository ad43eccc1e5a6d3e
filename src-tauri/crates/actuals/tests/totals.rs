//! Total rows in every language and layout are skipped, and only they: each label below is put
//! where platforms and spreadsheets put it (a Google campaign report's name column with the
//! other cells blank, a TikTok report's first, date, column), and the report must read its two
//! data rows only, with the total agreeing; each campaign name that merely starts with a total
//! word, put where a data row has it, must be read as data.

use flightplan_actuals::{parse, ColumnMapping, Report};
use flightplan_core::Dec;
use std::path::PathBuf;
use std::str::FromStr;

fn read(bytes: &[u8], name: &str) -> Report {
    parse(bytes, name, None, &ColumnMapping::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Platform and spreadsheet total labels, in the catalogue's languages.
const TOTAL_LABELS: &[&str] = &[
    "Total",
    "Total: Campaigns",
    "Total : Campagnes",
    "Total - filtered",
    "Total of 14 results",
    "Total (2 campaigns)",
    "Grand Total",
    "Total geral",
    "Total général",
    "Total general",
    "Totale complessivo",
    "Totale",
    "Totaal",
    "Gesamt",
    "Gesamt: Kampagnen",
    "Gesamtsumme",
    "Gesamtergebnis",
    "Summen",
    "Insgesamt 14 Ergebnisse",
    "Totales",
    "Totaux",
    "Total de 14 resultados",
    "Jumlah",
    "合計",
    "合計14件",
    "総計",
];

fn google(total: &str) -> String {
    format!(
        "Campaign report\n1 September 2025 - 7 September 2025\nCampaign status,Campaign,Budget,Cost,Impr.\nEnabled,Brand,10.00,12.50,100\nEnabled,Generic,10.00,7.50,50\n\"{total}\", --, --,20.00,150\n"
    )
}

fn tiktok(total: &str) -> String {
    format!("By Day,Campaign name,Primary status,Cost,Impressions\n2025-09-01,Brand,Active,12.50,100\n2025-09-02,Generic,Active,7.50,50\n\"{total}\",-,-,20.00,150\n")
}

#[test]
fn total_rows_in_every_language_are_skipped_and_compared() {
    for label in TOTAL_LABELS {
        for (layout, csv) in [("google", google(label)), ("tiktok", tiktok(label))] {
            let r = read(csv.as_bytes(), "report.csv");
            let what = format!("{layout} \"{label}\"");
            assert_eq!(r.rows.len(), 2, "{what}: {:?}", r.rows.iter().map(|x| &x.campaign).collect::<Vec<_>>());
            assert_eq!(r.totals.spend, Dec::from_str("20.00").unwrap(), "{what}");
            assert!(r.skipped.iter().any(|s| s.reason == "platform total row"), "{what}: {:?}", r.skipped);
            assert!(r.warnings.is_empty(), "{what}: the total agrees: {:?}", r.warnings);
        }
    }
}

#[test]
fn a_portuguese_report_with_french_total_rows() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/google_pt_totals_fr_space_colon.csv");
    let r = read(&std::fs::read(p).unwrap(), "google_pt_totals_fr_space_colon.csv");
    assert_eq!(r.rows.len(), 3);
    assert_eq!((r.totals.spend, r.totals.clicks), (Dec::from_str("118.99").unwrap(), Some(Dec::from_str("34").unwrap())));
    assert_eq!(r.skipped.iter().filter(|s| s.reason == "platform total row").map(|s| s.line).collect::<Vec<_>>(), vec![7, 8, 9]);
}

/// Campaign names that start with a total word, and are data: a number that counts nothing,
/// a dash and a name on a row with its day and status filled.
const NAMES: &[&str] = &[
    "Total 360 – Autumn Blend",
    "Summary 2025 - Autumn Blend",
    "Total – Autumn Blend",
    "Total - Brand",
    "Total Wine",
    "Total de Marca",
    "Gesamt 2025",
    "合計キャンペーン",
    "Totally Awesome",
    "Results from search",
];

#[test]
fn campaigns_named_like_totals_are_data() {
    for name in NAMES {
        let google = format!("Campaign status,Campaign,Day,Cost,Impr.\nEnabled,Brand,2025-09-01,12.50,100\nEnabled,\"{name}\",2025-09-01,7.50,50\n");
        let tiktok = format!("By Day,Campaign name,Primary status,Cost,Impressions\n2025-09-01,Brand,Active,12.50,100\n2025-09-02,\"{name}\",Active,7.50,50\n");
        let no_day = format!("Campaign status,Campaign,Cost,Impr.\nEnabled,Brand,12.50,100\nEnabled,\"{name}\",7.50,50\n");
        for (layout, csv) in [("google", google), ("tiktok", tiktok), ("no day", no_day)] {
            let opts =
                flightplan_actuals::ReadOptions { period: Some(flightplan_actuals::DateRange::parse("2025-09-01..2025-09-07").unwrap()), ..Default::default() };
            let r = flightplan_actuals::read_report(csv.as_bytes(), "report.csv", &opts).unwrap_or_else(|e| panic!("{layout} {name}: {e}"));
            assert_eq!(r.rows.iter().map(|x| x.campaign.as_str()).collect::<Vec<_>>(), vec!["Brand", name], "{layout} \"{name}\": {:?}", r.skipped);
            assert_eq!(r.totals.spend, Dec::from_str("20.00").unwrap(), "{layout} \"{name}\"");
        }
    }
}

#[test]
fn a_meta_campaign_called_total_360_is_read_every_day() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/meta_campaign_named_total360.csv");
    let r = read(&std::fs::read(p).unwrap(), "meta_campaign_named_total360.csv");
    assert_eq!(r.rows.iter().filter(|x| x.campaign == "Total 360 – Autumn Blend").count(), 5);
    assert_eq!((r.rows.len(), r.totals.spend, r.totals.impressions), (19, Dec::from_str("1852.58").unwrap(), Some(Dec::from_str("229287").unwrap())));
    assert!(r.skipped.is_empty() && r.warnings.is_empty(), "{:?} {:?}", r.skipped, r.warnings);
}
