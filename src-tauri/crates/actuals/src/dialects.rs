//! Report dialects: which header names each platform's interface writes, in each language, for
//! each measure. The catalogue is data (`data/dialects.csv`, one row per name) so a person can
//! teach Flightplan a new export by adding a row; this module only loads it and scores header
//! rows against it.
//!
//! A header row is scored against every dialect (platform + language): each measure it names
//! counts 1, plus a bonus for names few dialects share (`Impr.` says Google, `Amount spent`
//! Meta), so the dialect with the most and most telling names wins, and says which it chose.

use crate::layout::{Columns, DateKind, Platform};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A platform's export in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dialect {
    pub platform: Platform,
    /// ISO 639-1 code: `en`, `pt`, `es`, `fr`, `de`, `it`, `nl`, `id`, `ja`, …
    pub language: String,
}

impl Dialect {
    /// e.g. `Google Ads (pt)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.platform.title(), self.language)
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Date,
    Week,
    Month,
    Start,
    End,
    Campaign,
    AdSet,
    Ad,
    Spend,
    Impressions,
    Clicks,
    Conversions,
    /// Meta's Results: each row's own optimisation event (see `ResultType`).
    Results,
    /// The event a row's Results count (Meta's Result indicator).
    ResultType,
    Revenue,
    Currency,
}

impl Measure {
    fn parse(s: &str) -> Option<Measure> {
        Some(match s {
            "date" => Measure::Date,
            "week" => Measure::Week,
            "month" => Measure::Month,
            "start" => Measure::Start,
            "end" => Measure::End,
            "campaign" => Measure::Campaign,
            "ad_set" => Measure::AdSet,
            "ad" => Measure::Ad,
            "spend" => Measure::Spend,
            "impressions" => Measure::Impressions,
            "clicks" => Measure::Clicks,
            "conversions" => Measure::Conversions,
            "results" => Measure::Results,
            "result_type" => Measure::ResultType,
            "revenue" => Measure::Revenue,
            "currency" => Measure::Currency,
            _ => return None,
        })
    }
}

struct Catalogue {
    /// Each dialect with its (measure, normalised header) rows in file order.
    dialects: Vec<(Dialect, Vec<(Measure, String)>)>,
    /// In how many dialects each normalised header appears.
    spread: HashMap<String, usize>,
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let mut dialects: Vec<(Dialect, Vec<(Measure, String)>)> = Vec::new();
        let mut rdr = csv::ReaderBuilder::new().has_headers(true).comment(Some(b'#')).from_reader(include_str!("../data/dialects.csv").as_bytes());
        for rec in rdr.records().flatten() {
            let (Some(p), Some(lang), Some(m), Some(h)) = (rec.get(0), rec.get(1), rec.get(2), rec.get(3)) else { continue };
            let (Some(platform), Some(measure)) = (Platform::parse(p), Measure::parse(m)) else { continue };
            let d = Dialect { platform, language: lang.trim().to_string() };
            let name = normalise(h).0;
            match dialects.iter_mut().find(|(x, _)| *x == d) {
                Some((_, rows)) => rows.push((measure, name)),
                None => dialects.push((d, vec![(measure, name)])),
            }
        }
        let mut spread: HashMap<String, usize> = HashMap::new();
        for (_, rows) in &dialects {
            let mut seen: Vec<&str> = rows.iter().map(|(_, h)| h.as_str()).collect();
            seen.sort_unstable();
            seen.dedup();
            for h in seen {
                *spread.entry(h.to_string()).or_default() += 1;
            }
        }
        Catalogue { dialects, spread }
    })
}

/// A header as compared: lower case, spaces collapsed, curly apostrophes straight, and a trailing
/// currency (`(USD)`, `(₹)`) taken off and returned.
pub fn normalise(h: &str) -> (String, Option<String>) {
    let h = crate::table::clean(h).trim_matches('"');
    let currency = crate::cells::currency_in_header(h);
    let h = match (&currency, h.rfind('(')) {
        (Some(_), Some(open)) => &h[..open],
        _ => h,
    };
    let mut out = String::with_capacity(h.len());
    for w in h.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.to_lowercase().replace(['’', '`'], "'"));
    }
    (out, currency)
}

/// The best dialect for a header row, with its columns; `None` if the row names no spend column
/// and no campaign, ad set or ad column in any dialect (of `only`, when given).
pub fn detect(header: &[String], only: Option<Platform>) -> Option<(Dialect, Columns)> {
    let cat = catalogue();
    let names: Vec<(String, Option<String>)> = header.iter().map(|h| normalise(h)).collect();
    // Each name's first column, so a dialect is scored in its own size, not the row's.
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(names.len());
    for (i, (n, _)) in names.iter().enumerate() {
        first.entry(n.as_str()).or_insert(i);
    }
    let mut best: Option<(f64, &Dialect, Columns)> = None;
    for (d, rows) in &cat.dialects {
        if only.is_some_and(|p| p != d.platform) {
            continue;
        }
        let mut found: HashMap<Measure, (usize, &str)> = HashMap::new();
        for (m, h) in rows {
            if found.contains_key(m) {
                continue;
            }
            if let Some(&i) = first.get(h.as_str()) {
                found.insert(*m, (i, h.as_str()));
            }
        }
        let Some(cols) = columns(&found, &names) else { continue };
        let score: f64 = found.values().map(|(_, h)| 1.0 + 1.0 / cat.spread.get(*h).copied().unwrap_or(1) as f64).sum();
        if best.as_ref().is_none_or(|(s, _, _)| score > *s + 1e-9) {
            best = Some((score, d, cols));
        }
    }
    best.map(|(_, d, c)| (d.clone(), c))
}

fn columns(found: &HashMap<Measure, (usize, &str)>, names: &[(String, Option<String>)]) -> Option<Columns> {
    let at = |m: Measure| found.get(&m).map(|(i, _)| *i);
    let spend = at(Measure::Spend)?;
    if at(Measure::Campaign).is_none() && at(Measure::AdSet).is_none() && at(Measure::Ad).is_none() {
        return None;
    }
    let date = at(Measure::Date)
        .map(|i| (i, DateKind::Day))
        .or_else(|| at(Measure::Start).map(|i| (i, DateKind::Day)))
        .or_else(|| at(Measure::Week).map(|i| (i, DateKind::Week)))
        .or_else(|| at(Measure::Month).map(|i| (i, DateKind::Month)));
    // An end column only pairs with a start column (Meta's Reporting starts / ends).
    let end = if at(Measure::Date).is_none() && at(Measure::Start).is_some() { at(Measure::End) } else { None };
    let header_currency = names
        .get(spend)
        .and_then(|(_, c)| c.clone())
        .or_else(|| [Measure::Revenue, Measure::Conversions].iter().find_map(|m| at(*m).and_then(|i| names.get(i)).and_then(|(_, c)| c.clone())));
    Some(Columns {
        date,
        end,
        campaign: at(Measure::Campaign),
        ad_set: at(Measure::AdSet),
        ad: at(Measure::Ad),
        spend,
        impressions: at(Measure::Impressions),
        clicks: at(Measure::Clicks),
        // Results (as the dialect lists them, before any conversions column), told apart by
        // their result type when the file has one.
        conversions: at(Measure::Results).or(at(Measure::Conversions)),
        result_type: at(Measure::Results).and(at(Measure::ResultType)),
        revenue: at(Measure::Revenue),
        currency: at(Measure::Currency),
        header_currency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn the_catalogue_covers_the_platforms_and_languages() {
        let cat = catalogue();
        for p in [Platform::Google, Platform::Meta] {
            for lang in ["en", "pt", "es", "fr", "de", "it", "nl", "id", "ja"] {
                let rows = &cat.dialects.iter().find(|(d, _)| d.platform == p && d.language == lang).unwrap().1;
                for m in [
                    Measure::Date,
                    Measure::Campaign,
                    Measure::AdSet,
                    Measure::Ad,
                    Measure::Spend,
                    Measure::Impressions,
                    Measure::Clicks,
                    Measure::Conversions,
                    Measure::Revenue,
                    Measure::Currency,
                ] {
                    assert!(rows.iter().any(|(x, _)| *x == m), "{p:?} {lang} lacks {m:?}");
                }
            }
        }
        for p in [Platform::Tiktok, Platform::Linkedin, Platform::Microsoft, Platform::Amazon, Platform::Snapchat, Platform::Pinterest] {
            assert!(cat.dialects.iter().any(|(d, _)| d.platform == p && d.language == "en"), "{p:?}");
        }
    }

    #[test]
    fn header_rows_are_scored_to_their_dialect() {
        let (d, c) = detect(&row(&["Status da campanha", "Campanha", "Código da moeda", "Impr.", "Custo", "Cliques", "Conversões"]), None).unwrap();
        assert_eq!((d.platform, d.language.as_str()), (Platform::Google, "pt"));
        assert_eq!((c.campaign, c.spend, c.currency, c.date), (Some(1), 4, Some(2), None));
        let (d, c) = detect(&row(&["Reporting starts", "Reporting ends", "Ad set name", "Amount spent (INR)", "Impressions"]), None).unwrap();
        assert_eq!((d.platform, d.language.as_str()), (Platform::Meta, "en"));
        assert_eq!((c.ad_set, c.end, c.header_currency.as_deref()), (Some(2), Some(1), Some("INR")));
        let (d, _) = detect(&row(&["日", "キャンペーン名", "消化金額 (JPY)", "インプレッション", "結果"]), None).unwrap();
        assert_eq!((d.platform, d.language.as_str()), (Platform::Meta, "ja"));
        assert!(detect(&row(&["hello", "world"]), None).is_none());
        assert!(detect(&row(&["Campaign", "Cost"]), Some(Platform::Meta)).is_none());
    }
}
