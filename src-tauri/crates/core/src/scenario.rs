//! Scenarios: named variants of one plan (conservative, base, aggressive) compared side by side.
//!
//! Clients rarely approve the first number. A scenario records how a variant differs from the
//! plan as written (budget, a line's budget or share, rates, assumptions) rather than copying the
//! whole plan, so the variants cannot drift apart on everything else. One scenario may be marked
//! `presented`: the one the PDF shows.

use crate::reach::ReachModel;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The scenario the client PDF presents (at most one).
    #[serde(default, skip_serializing_if = "is_false")]
    pub presented: bool,
    /// The plan budget in this scenario.
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    pub budget: Option<Decimal>,
    /// Per-line changes, by line id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<ScenarioLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach_model: Option<ReachModel>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    pub duplication_factor: Option<Decimal>,
}

/// What a scenario changes on one line. Giving `budget` clears the line's share and vice versa.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScenarioLine {
    pub id: String,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    pub budget: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    pub share: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    pub rate: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    pub ctr: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    pub cvr: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    pub vtr: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    pub reach_pct: Option<Decimal>,
}
