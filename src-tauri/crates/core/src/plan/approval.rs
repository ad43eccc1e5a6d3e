//! Stage 4's sign-off: who approved which version of the plan and when, the approved version a
//! draft revises, and the comments planners and clients leave on the plan and its lines.
//!
//! An approved plan is what the client agreed to pay for, so it is recorded in the plan itself
//! (the file says who approved it) and locked (`crate::approval`); changing it starts a
//! revision that remembers the version it revises, so "what changed since approval" can always
//! be answered.

use super::*;
use chrono::{DateTime, Utc};

/// Who approved the plan, when, and at which version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Approval {
    pub by: String,
    /// RFC 3339, UTC.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub at: DateTime<Utc>,
    /// The plan's `version` when it was approved.
    pub version: u32,
}

/// The approved version a draft revision started from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Revision {
    /// The approved version's number (this draft is `version` + 1 or later).
    pub version: u32,
    pub approved_by: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub approved_at: DateTime<Utc>,
}

/// A comment on the plan, or on one of its lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Comment {
    /// Unique within the plan (`c1`, `c2`, …).
    pub id: String,
    /// The line it is about (by id); none for the plan as a whole. A comment on a line since
    /// removed keeps the id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub line: Option<String>,
    pub author: String,
    /// RFC 3339, UTC.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub at: DateTime<Utc>,
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub resolved: bool,
}
