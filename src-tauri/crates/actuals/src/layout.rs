//! Which column is which: the platforms Flightplan knows, the columns a header row resolves to,
//! and the saved column mapping that reads any other CSV or XLSX.
//!
//! Known platforms are recognised through the dialect catalogue (`dialects`); a file from
//! anywhere else (a DSP, a publisher's delivery sheet) goes through a [`ColumnMapping`] the
//! planner saves once, naming its columns.

use crate::dialects::normalise;
use flightplan_core::plan::Period;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Meta,
    Google,
    Tiktok,
    Linkedin,
    Microsoft,
    Amazon,
    Snapchat,
    Pinterest,
    /// Any other CSV or XLSX, read through a column mapping.
    Mapped,
}

impl Platform {
    /// Every platform with a dialect in the catalogue.
    pub const KNOWN: [Platform; 8] = [
        Platform::Meta,
        Platform::Google,
        Platform::Tiktok,
        Platform::Linkedin,
        Platform::Microsoft,
        Platform::Amazon,
        Platform::Snapchat,
        Platform::Pinterest,
    ];

    /// The short name used in `source` and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Platform::Meta => "meta",
            Platform::Google => "google",
            Platform::Tiktok => "tiktok",
            Platform::Linkedin => "linkedin",
            Platform::Microsoft => "microsoft",
            Platform::Amazon => "amazon",
            Platform::Snapchat => "snapchat",
            Platform::Pinterest => "pinterest",
            Platform::Mapped => "mapped",
        }
    }

    /// The platform as planners call it.
    pub fn title(self) -> &'static str {
        match self {
            Platform::Meta => "Meta Ads Manager",
            Platform::Google => "Google Ads",
            Platform::Tiktok => "TikTok Ads Manager",
            Platform::Linkedin => "LinkedIn Campaign Manager",
            Platform::Microsoft => "Microsoft Advertising",
            Platform::Amazon => "Amazon Ads",
            Platform::Snapchat => "Snapchat Ads Manager",
            Platform::Pinterest => "Pinterest Ads",
            Platform::Mapped => "Column mapping",
        }
    }

    pub fn parse(s: &str) -> Option<Platform> {
        match s.trim().to_ascii_lowercase().as_str() {
            "meta" | "facebook" | "instagram" => Some(Platform::Meta),
            "google" | "google_ads" | "googleads" => Some(Platform::Google),
            "tiktok" => Some(Platform::Tiktok),
            "linkedin" => Some(Platform::Linkedin),
            "microsoft" | "bing" | "microsoft_ads" => Some(Platform::Microsoft),
            "amazon" | "amazon_ads" => Some(Platform::Amazon),
            "snapchat" | "snap" => Some(Platform::Snapchat),
            "pinterest" => Some(Platform::Pinterest),
            "mapped" | "mapping" => Some(Platform::Mapped),
            _ => None,
        }
    }
}

/// A saved mapping for any report: header names for each measure, and optionally names
/// (campaigns, ad sets) assigned to line ids. Read from JSON (`--mapping M`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ColumnMapping {
    pub date: Option<String>,
    /// A second date column ending the row's period (e.g. `Reporting ends`).
    pub date_end: Option<String>,
    pub campaign: Option<String>,
    /// The ad set / ad group column.
    pub ad_set: Option<String>,
    pub ad: Option<String>,
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
    /// Campaign or ad set name → line id.
    pub campaigns: BTreeMap<String, String>,
}

impl ColumnMapping {
    /// Whether any column is mapped (a mapping with only `campaigns` leaves the layout to the
    /// platform).
    pub fn maps_columns(&self) -> bool {
        self.date.is_some() || self.campaign.is_some() || self.spend.is_some() || self.ad_set.is_some() || self.ad.is_some()
    }
}

/// How a date column's values cover days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// The day itself (or, with an end column, the first day).
    Day,
    /// The week starting on the date.
    Week,
    /// The month the value names.
    Month,
}

/// Column indices found in a header row.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    pub date: Option<(usize, DateKind)>,
    /// A column with each row's last day (with `date`, a range).
    pub end: Option<usize>,
    pub campaign: Option<usize>,
    pub ad_set: Option<usize>,
    pub ad: Option<usize>,
    pub spend: usize,
    pub impressions: Option<usize>,
    pub clicks: Option<usize>,
    pub conversions: Option<usize>,
    /// With `conversions` read from Meta's Results, the column naming each row's result (its
    /// Result indicator): only rows whose result is a conversion count it as conversions.
    pub result_type: Option<usize>,
    pub revenue: Option<usize>,
    pub currency: Option<usize>,
    /// A currency stated in a header, e.g. `Amount spent (USD)`.
    pub header_currency: Option<String>,
}

impl Columns {
    /// The measure columns read as numbers, with their names in messages and totals.
    pub fn numbers(&self) -> impl Iterator<Item = usize> {
        [Some(self.spend), self.impressions, self.clicks, self.conversions, self.revenue].into_iter().flatten()
    }
}

/// The columns of a header row through a mapping; `None` if the row lacks the mapped spend
/// column or every mapped name column.
pub fn mapped(header: &[String], m: &ColumnMapping) -> Option<Columns> {
    let names: Vec<String> = header.iter().map(|h| normalise(h).0).collect();
    let col = |name: &Option<String>| {
        name.as_ref().and_then(|n| {
            let want = normalise(n).0;
            names.iter().position(|h| *h == want).or_else(|| header.iter().position(|h| crate::table::clean(h) == n.trim()))
        })
    };
    let spend = col(&m.spend)?;
    let (campaign, ad_set, ad) = (col(&m.campaign), col(&m.ad_set), col(&m.ad));
    if campaign.is_none() && ad_set.is_none() && ad.is_none() {
        return None;
    }
    if m.date.is_some() && col(&m.date).is_none() {
        return None;
    }
    let kind = match m.period {
        Some(Period::Week) => DateKind::Week,
        _ => DateKind::Day,
    };
    let header_currency =
        m.currency.as_ref().map(|c| c.trim().to_ascii_uppercase()).or_else(|| header.get(spend).and_then(|h| crate::cells::currency_in_header(h)));
    Some(Columns {
        date: col(&m.date).map(|i| (i, kind)),
        end: col(&m.date_end),
        campaign,
        ad_set,
        ad,
        spend,
        impressions: col(&m.impressions),
        clicks: col(&m.clicks),
        conversions: col(&m.conversions),
        result_type: None,
        revenue: col(&m.revenue),
        currency: col(&m.currency_column),
        header_currency,
    })
}
