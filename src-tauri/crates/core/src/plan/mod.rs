//! The plan: one document that carries a campaign through all six stages.
//!
//! Every stage has its shape here from the start (goal, audience, competitors, lines, fees,
//! creative, launch state, actuals, invoices, learnings) so later stages add behaviour without
//! rebuilding the model. These types are exactly the `flightplan/1` file format (see
//! `docs/plan-format.md`); decimals are strings and dates are `YYYY-MM-DD`.

use crate::Dec;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub mod comments;
pub mod date;
pub mod dec;
pub mod format;
pub mod limits;
pub mod paste;
pub mod sample;
pub(crate) mod scenario_rules;
pub mod sent;
pub mod weights;

mod approval;
mod audience;
mod goal;
mod line;
mod medium;
mod response;
mod results;
mod scenario;

pub use approval::*;
pub use audience::*;
pub use goal::*;
pub use line::*;
pub use medium::*;
pub use response::*;
pub use results::*;
pub use scenario::*;

pub const FORMAT: &str = "flightplan/1";

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Plan {
    /// Always `flightplan/1`.
    pub format: String,
    pub name: String,
    pub client: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub brand: String,
    /// ISO 4217, e.g. `USD`.
    pub currency: String,
    #[serde(with = "crate::date")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub start: NaiveDate,
    #[serde(with = "crate::date")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub end: NaiveDate,
    /// The plan's total net media budget.
    pub budget: Dec,
    /// Population of the target universe, for GRPs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub universe: Option<Dec>,
    /// Who the universe counts, in words: "Men 18–34".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target_audience: String,
    #[serde(default)]
    pub status: PlanStatus,
    #[serde(default = "one")]
    pub version: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prepared_by: String,
    /// The day the planner last reviewed the plan (stage 6 loops back here).
    #[serde(default, with = "crate::date::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub last_reviewed: Option<NaiveDate>,
    /// The plan this one was rolled forward from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub goal: Option<Goal>,
    #[serde(default, skip_serializing_if = "Audience::is_empty")]
    pub audience: Audience,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competitors: Vec<Competitor>,
    #[serde(default)]
    pub fees: Fees,
    pub lines: Vec<Line>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<Actual>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invoices: Vec<Invoice>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub learnings: Vec<Learning>,
    /// Assumptions and footnotes printed on the plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(default)]
    pub settings: Settings,
    /// How line GRPs become reach (`poisson`, `nbd`, `curve`); see `reach.rs`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub reach_model: Option<crate::reach::ReachModel>,
    /// Multiplies the random-duplication combined reach (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub duplication_factor: Option<Dec>,
    /// Exposures that count as effective reach (default 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub effective_frequency: Option<u32>,
    /// Named variants of the plan (budget, split, rates, assumptions); see `scenario.rs`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// Buying and monitoring thresholds and the naming convention; see `monitoring.rs`.
    #[serde(default, skip_serializing_if = "crate::monitoring::MonitoringSettings::is_default")]
    pub monitoring: crate::monitoring::MonitoringSettings,
    /// What another tool's document carried that Flightplan has no field for, kept so that
    /// exporting an imported plan gives the same document back. Never costed.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
    /// Who approved this version and when (set by approving; see `approval.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub approval: Option<Approval>,
    /// The approved version this draft revises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub revises: Option<Revision>,
    /// Comments on the plan and its lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
}

/// Parts of an imported document that Flightplan keeps without reading them (see
/// `docs/plan-format.md`, "Extensions"). The core never looks inside; the import/export ring
/// (`flightplan-exchange`) writes and reads them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Extensions {
    /// The mediaplanschema document the plan was imported from, in its 3.0 form, with the
    /// line-item index of each plan line: `{ "document": {...}, "lines": {"<line id>": 0}, ... }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "unknown"))]
    pub mediaplan: Option<serde_json::Value>,
}

impl Extensions {
    pub fn is_empty(&self) -> bool {
        self.mediaplan.is_none()
    }
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum PlanStatus {
    #[default]
    Draft,
    Proposed,
    Approved,
    Live,
    Closed,
}

/// Fees on the plan. Percentages are percent (`"15"` is 15%).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Fees {
    #[serde(default)]
    pub agency_commission_pct: Dec,
    #[serde(default)]
    pub agency_commission_basis: CommissionBasis,
    /// Ad serving, priced per thousand ad-served impressions.
    #[serde(default)]
    pub ad_serving_cpm: Dec,
    /// Tech, data and verification fees as a percent of net media.
    #[serde(default)]
    pub tech_fee_pct: Dec,
}

impl Default for Fees {
    fn default() -> Self {
        Fees {
            agency_commission_pct: Dec(Decimal::ZERO),
            agency_commission_basis: CommissionBasis::Gross,
            ad_serving_cpm: Dec(Decimal::ZERO),
            tech_fee_pct: Dec(Decimal::ZERO),
        }
    }
}

/// Traditional commission is a share of gross (15% of gross = 17.65% on net); a mark-up is a
/// percent of net.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum CommissionBasis {
    #[default]
    Gross,
    Net,
}

/// Plan-level settings; every threshold the checks use is one of these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Settings {
    #[serde(default)]
    pub calendar: Calendar,
    /// Optimisation events per week an auction line needs to leave its learning phase.
    #[serde(default = "fifty")]
    pub learning_events_per_week: u32,
    /// Paper for the one-page PDF.
    #[serde(default)]
    pub paper: Paper,
    /// How the plan writes numbers, on the page and on every screen: `1,234.56`, `1.234,56`,
    /// `1 234,56` or India's `1,23,456.78`.
    #[serde(default)]
    pub number_style: NumberStyle,
    /// Creative assets an auction line needs in rotation to test weekly.
    #[serde(default = "three", skip_serializing_if = "is_three")]
    pub min_creative_assets: u32,
}

fn three() -> u32 {
    3
}

fn is_three(n: &u32) -> bool {
    *n == 3
}

fn fifty() -> u32 {
    50
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            calendar: Calendar::default(),
            learning_events_per_week: 50,
            paper: Paper::default(),
            number_style: NumberStyle::default(),
            min_creative_assets: 3,
        }
    }
}

/// Weeks always run Monday to Sunday. `broadcast` also bands months the broadcast way: a month
/// ends on its last Sunday, so each month has 4 or 5 whole weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Calendar {
    #[default]
    Standard,
    Broadcast,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum NumberStyle {
    #[default]
    #[serde(rename = "1,234.56")]
    CommaDot,
    #[serde(rename = "1.234,56")]
    DotComma,
    #[serde(rename = "1 234,56")]
    SpaceComma,
    /// India's lakh and crore grouping: the last three digits, then twos (`12,34,567.89`).
    #[serde(rename = "1,23,456.78")]
    Indian,
}
