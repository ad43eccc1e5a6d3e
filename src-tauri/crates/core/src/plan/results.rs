//! Stage 6 records: what lines actually delivered, what vendors invoiced, and what was learned.
//!
//! They are kept in the plan so pacing, reconciliation and the roll-forward into the next plan
//! work from one document.

use super::*;

/// Stage 6: what a line actually delivered over a day or a week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Actual {
    pub line: String,
    #[serde(with = "crate::date")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: NaiveDate,
    #[serde(default)]
    pub period: Period,
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub spend: Decimal,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub impressions: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub clicks: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub conversions: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub revenue: Option<Decimal>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Period {
    #[default]
    Day,
    Week,
}

/// Stage 6: what a vendor invoiced for a month, for reconciliation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Invoice {
    pub vendor: String,
    /// `YYYY-MM`.
    pub month: String,
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub amount: Decimal,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub line: Option<String>,
}

/// Stage 6: what was learned, carried into the next plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Learning {
    #[serde(with = "crate::date")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub line: Option<String>,
    pub text: String,
}
