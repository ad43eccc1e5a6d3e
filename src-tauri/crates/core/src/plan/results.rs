//! Stage 6 records: what lines actually delivered, what vendors invoiced, and what was learned.
//!
//! They are kept in the plan so pacing, reconciliation and the roll-forward into the next plan
//! work from one document.

use super::*;
use crate::Dec;

/// Stage 6: what a line actually delivered over a range of days, `start` to `end` inclusive (one
/// day, a week, a month, or whatever period the platform's report covered).
///
/// Written as `{line, start, end, spend, ...}`. Plans written before ranges existed say `date`
/// and `period` (`day` or `week`); they are read as the range they meant (a week is the date and
/// the six days after it) and written back in the new form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ActualInFile")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Actual {
    pub line: String,
    /// The first day the row covers.
    #[serde(with = "crate::date")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub start: NaiveDate,
    /// The last day the row covers (inclusive); `start` for a day's row.
    #[serde(with = "crate::date")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub end: NaiveDate,
    pub spend: Dec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub impressions: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub clicks: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub conversions: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub revenue: Option<Dec>,
    /// `platform:campaign` (or `platform:campaign / ad set`) for imported rows; empty for rows
    /// entered by hand. A re-import replaces rows of the same source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl Actual {
    /// A row covering the single day `day`, with no counts.
    pub fn on_day(line: &str, day: NaiveDate, spend: Decimal) -> Actual {
        Actual {
            line: line.to_string(),
            start: day,
            end: day,
            spend: Dec(spend),
            impressions: None,
            clicks: None,
            conversions: None,
            revenue: None,
            source: String::new(),
        }
    }

    /// How many days the row covers (at least 1 for a valid row).
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// The longest range one actual may cover: ten years of days. No platform report covers more,
/// and refusing longer rows keeps pacing and reconciliation bounded.
pub const MAX_ACTUAL_DAYS: i64 = crate::date::MAX_CALENDAR_DAYS;

/// An actual as a file may hold it: the range form, or the older `date` + `period`.
#[derive(Deserialize)]
struct ActualInFile {
    line: String,
    #[serde(default, with = "crate::date::opt")]
    start: Option<NaiveDate>,
    #[serde(default, with = "crate::date::opt")]
    end: Option<NaiveDate>,
    #[serde(default, with = "crate::date::opt")]
    date: Option<NaiveDate>,
    #[serde(default)]
    period: Option<Period>,
    spend: Dec,
    #[serde(default)]
    impressions: Option<Dec>,
    #[serde(default)]
    clicks: Option<Dec>,
    #[serde(default)]
    conversions: Option<Dec>,
    #[serde(default)]
    revenue: Option<Dec>,
    #[serde(default)]
    source: Option<String>,
}

impl TryFrom<ActualInFile> for Actual {
    type Error = String;

    fn try_from(a: ActualInFile) -> Result<Actual, String> {
        let (start, end) = match (a.start, a.end, a.date) {
            (Some(_), _, Some(_)) | (None, Some(_), Some(_)) => return Err("give start and end, or the older date and period, not both".into()),
            (Some(s), e, None) => {
                if a.period.is_some() {
                    return Err("period goes with date; a range is given by start and end".into());
                }
                (s, e.unwrap_or(s))
            }
            (None, Some(_), None) => return Err("end is given without start".into()),
            (None, None, Some(d)) => match a.period.unwrap_or_default() {
                Period::Day => (d, d),
                Period::Week => {
                    let end = d.checked_add_days(chrono::Days::new(6)).ok_or_else(|| format!("the week from {d} runs past the last date there is"))?;
                    (d, end)
                }
            },
            (None, None, None) => return Err("an actual needs its start day (and end, for more than a day)".into()),
        };
        if end < start {
            return Err(format!("end {end} is before start {start}"));
        }
        let days = (end - start).num_days() + 1;
        if days > MAX_ACTUAL_DAYS {
            return Err(format!("the row covers {days} days ({start} to {end}); one actual may cover at most {MAX_ACTUAL_DAYS} days (ten years)"));
        }
        Ok(Actual {
            line: a.line,
            start,
            end,
            spend: a.spend,
            impressions: a.impressions,
            clicks: a.clicks,
            conversions: a.conversions,
            revenue: a.revenue,
            source: a.source.unwrap_or_default(),
        })
    }
}

/// How long a row of the older file form covered: a day, or a week starting on its `date`.
/// Only read; plans are written with `start` and `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    pub amount: Dec,
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
