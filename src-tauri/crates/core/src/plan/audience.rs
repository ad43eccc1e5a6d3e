//! Stage 2, audience and market: who the plan is for, and what competitors are seen running.
//!
//! Evidence beats a brainstorm: a competitor ad that has run for months is a proven one.

use super::*;
use crate::Dec;

/// Stage 2: who the plan is for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Audience {
    /// The audience in one line, as printed on the plan.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Segment>,
}

impl Audience {
    pub fn is_empty(&self) -> bool {
        self.summary.is_empty() && self.segments.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Segment {
    pub name: String,
    pub kind: SegmentKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub size: Option<Dec>,
    /// Value per customer (LTV), in the plan currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub value: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub priority: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum SegmentKind {
    Demographic,
    Psychographic,
    Firmographic,
    Behavioural,
}

/// Stage 2: evidence of what competitors run. A long-running ad is a proven one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Competitor {
    pub competitor: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub angle: String,
    #[serde(default, with = "crate::date::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub first_seen: Option<NaiveDate>,
    #[serde(default, with = "crate::date::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub last_seen: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub still_running: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}
