//! Which column is which, per platform, and how to spot the header row.
//!
//! Each platform names the same measures differently (`Amount spent (USD)`, `Cost`; `Impr.`,
//! `Impressions`; `Results`, `Conversions`) and some put title rows above the header. A layout
//! is a list of accepted header names per measure; the header row is the first row that has a
//! date, a campaign and a spend column for the chosen (or detected) platform. Any other report
//! goes through a [`ColumnMapping`] the planner saves once.

use flightplan_core::plan::Period;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Meta,
    Google,
    Tiktok,
    /// Any other CSV or XLSX, read through a column mapping.
    Mapped,
}

impl Platform {
    pub fn name(self) -> &'static str {
        match self {
            Platform::Meta => "meta",
            Platform::Google => "google",
            Platform::Tiktok => "tiktok",
            Platform::Mapped => "mapped",
        }
    }

    pub fn parse(s: &str) -> Option<Platform> {
        match s.to_ascii_lowercase().as_str() {
            "meta" | "facebook" => Some(Platform::Meta),
            "google" | "google_ads" => Some(Platform::Google),
            "tiktok" => Some(Platform::Tiktok),
            "mapped" | "mapping" => Some(Platform::Mapped),
            _ => None,
        }
    }
}

/// A saved mapping for any report: header names for each measure, and optionally campaign
/// names assigned to line ids. Read from JSON (`--mapping M`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ColumnMapping {
    pub date: Option<String>,
    /// A second date column ending the row's period (e.g. `Reporting ends`).
    pub date_end: Option<String>,
    pub campaign: Option<String>,
    pub spend: Option<String>,
    pub impressions: Option<String>,
    pub clicks: Option<String>,
    pub conversions: Option<String>,
    pub revenue: Option<String>,
    /// A column holding each row's currency code.
    pub currency_column: Option<String>,
    /// The file's currency when no column states it.
    pub currency: Option<String>,
    /// `day` or `week` when the date column does not say.
    pub period: Option<Period>,
    /// Campaign name → line id.
    pub campaigns: BTreeMap<String, String>,
}

impl ColumnMapping {
    /// Whether any column is mapped (a mapping with only `campaigns` leaves the layout to the
    /// platform).
    pub fn maps_columns(&self) -> bool {
        self.date.is_some() || self.campaign.is_some() || self.spend.is_some()
    }
}

/// Column indices found in a header row.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    pub date: usize,
    pub date_end: Option<usize>,
    pub period: Period,
    /// The period came from the date column's name (`Day`, `Week`), not from a start/end pair.
    pub campaign: usize,
    pub spend: usize,
    pub impressions: Option<usize>,
    pub clicks: Option<usize>,
    pub conversions: Option<usize>,
    pub revenue: Option<usize>,
    pub currency: Option<usize>,
    /// A currency stated in the spend header, e.g. `Amount spent (USD)`.
    pub header_currency: Option<String>,
}

fn norm(h: &str) -> String {
    h.trim().trim_start_matches('\u{feff}').to_lowercase()
}

fn find(header: &[String], names: &[&str]) -> Option<usize> {
    names.iter().find_map(|n| header.iter().position(|h| norm(h) == *n))
}

fn find_prefix(header: &[String], prefix: &str) -> Option<usize> {
    header.iter().position(|h| norm(h).starts_with(prefix))
}

/// `Amount spent (USD)` → `USD`.
fn currency_in(h: &str) -> Option<String> {
    let open = h.rfind('(')?;
    let code = h[open + 1..].strip_suffix(')')?.trim();
    (code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic())).then(|| code.to_ascii_uppercase())
}

/// Guess the platform from a header row.
pub fn detect(header: &[String]) -> Option<Platform> {
    let has = |n: &str| header.iter().any(|h| norm(h) == n);
    if find_prefix(header, "amount spent").is_some() || has("reporting starts") {
        Some(Platform::Meta)
    } else if has("by day") || has("by week") || (has("campaign name") && has("cost")) {
        Some(Platform::Tiktok)
    } else if has("impr.") || has("currency code") || (has("campaign") && has("cost")) {
        Some(Platform::Google)
    } else {
        None
    }
}

/// Resolve the columns of a header row for a platform; `None` if this row is not its header.
pub fn columns(header: &[String], platform: Platform, mapping: &ColumnMapping) -> Option<Columns> {
    match platform {
        Platform::Mapped => mapped(header, mapping),
        Platform::Meta => {
            let (date, period) = match find(header, &["day"]) {
                Some(i) => (i, Period::Day),
                None => (find(header, &["reporting starts", "date"])?, Period::Day),
            };
            let spend = find_prefix(header, "amount spent")?;
            Some(Columns {
                date,
                date_end: find(header, &["reporting ends"]).filter(|_| norm(&header[date]) != "day"),
                period,
                campaign: find(header, &["campaign name", "campaign"])?,
                spend,
                impressions: find(header, &["impressions"]),
                clicks: find(header, &["link clicks", "clicks (all)", "clicks"]),
                conversions: find(header, &["results", "purchases", "conversions"]),
                revenue: find(header, &["purchases conversion value", "website purchases conversion value", "purchase conversion value", "conversion value"]),
                currency: find(header, &["currency"]),
                header_currency: currency_in(&header[spend]),
            })
        }
        Platform::Google => {
            let (date, period) = match find(header, &["day", "date"]) {
                Some(i) => (i, Period::Day),
                None => (find(header, &["week"])?, Period::Week),
            };
            let spend = find(header, &["cost"]).or_else(|| find_prefix(header, "cost ("))?;
            Some(Columns {
                date,
                date_end: None,
                period,
                campaign: find(header, &["campaign"])?,
                spend,
                impressions: find(header, &["impr.", "impressions"]),
                clicks: find(header, &["clicks"]),
                conversions: find(header, &["conversions"]),
                revenue: find(header, &["conv. value", "conversion value"]),
                currency: find(header, &["currency code", "currency"]),
                header_currency: currency_in(&header[spend]),
            })
        }
        Platform::Tiktok => {
            let (date, period) = match find(header, &["by day", "date", "stat time day", "day"]) {
                Some(i) => (i, Period::Day),
                None => (find(header, &["by week", "week"])?, Period::Week),
            };
            let spend = find(header, &["cost", "total cost", "spend"])?;
            Some(Columns {
                date,
                date_end: None,
                period,
                campaign: find(header, &["campaign name", "campaign"])?,
                spend,
                impressions: find(header, &["impressions"]),
                clicks: find(header, &["clicks (destination)", "clicks (all)", "clicks"]),
                conversions: find(header, &["conversions", "results"]),
                revenue: find(header, &["total purchase value", "purchase value", "complete payment value"]),
                currency: find(header, &["currency"]),
                header_currency: currency_in(&header[spend]),
            })
        }
    }
}

fn mapped(header: &[String], m: &ColumnMapping) -> Option<Columns> {
    let col = |name: &Option<String>| name.as_ref().and_then(|n| find(header, &[norm(n).as_str()]));
    let spend = col(&m.spend)?;
    Some(Columns {
        date: col(&m.date)?,
        date_end: col(&m.date_end),
        period: m.period.unwrap_or(Period::Day),
        campaign: col(&m.campaign)?,
        spend,
        impressions: col(&m.impressions),
        clicks: col(&m.clicks),
        conversions: col(&m.conversions),
        revenue: col(&m.revenue),
        currency: col(&m.currency_column),
        header_currency: m.currency.clone().or_else(|| currency_in(&header[spend])),
    })
}
