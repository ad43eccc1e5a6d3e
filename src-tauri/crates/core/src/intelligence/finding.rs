//! A finding: one thing wrong or missing in a plan, in the planner's words, with the stage where
//! it is fixed. The type stands alone so that the costed view can carry findings and the checks
//! that make them (`findings`, `plausibility`, `timeline`, `stages`) can read the view, with no
//! module depending on another that depends back on it.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The stage (1–6) where the planner fixes it.
    pub stage: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub line: Option<String>,
    pub fix: String,
}

/// A finding with its parts in the order the checks write them.
pub(crate) fn finding(code: &'static str, severity: Severity, stage: u8, line: Option<&str>, message: String, fix: &str) -> Finding {
    Finding { code, severity, message, stage, line: line.map(str::to_string), fix: fix.to_string() }
}
