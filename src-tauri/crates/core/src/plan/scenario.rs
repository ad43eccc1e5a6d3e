//! A scenario as the plan file writes it: a named variant recorded as what it changes (budget,
//! a line's money, rates, assumptions), never a copy of the plan. Applying and comparing them is
//! `crate::scenario`'s; here is only the shape, so that the plan model and the file format do
//! not depend on the code that costs the variants.

use super::*;
use crate::reach::ReachModel;
use crate::Dec;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Scenario {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The scenario the client PDF presents (at most one).
    #[serde(default, skip_serializing_if = "is_false")]
    pub presented: bool,
    /// The plan budget in this scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub budget: Option<Dec>,
    /// Scale lines with a fixed amount in proportion to the budget too (share lines always
    /// follow it): "budget −10%" takes 10% off every line, exactly, by largest remainder. Lines
    /// the scenario gives their own budget or share keep it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub scale_amounts: bool,
    /// Per-line changes, by line id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<ScenarioLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub reach_model: Option<ReachModel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub duplication_factor: Option<Dec>,
}

/// What a scenario changes on one line. Giving `budget` clears the line's share and vice versa.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScenarioLine {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub budget: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub share: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub rate: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub ctr: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub cvr: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub vtr: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub reach_pct: Option<Dec>,
}
