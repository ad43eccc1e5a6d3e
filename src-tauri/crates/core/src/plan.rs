//! The plan: one document that carries a campaign through all six stages.
//!
//! Every stage has its shape here from the start (goal, audience, competitors, lines, fees,
//! creative, launch state, actuals, invoices, learnings) so later stages add behaviour without
//! rebuilding the model. These types are exactly the `flightplan/1` file format (see
//! `docs/plan-format.md`); decimals are strings and dates are `YYYY-MM-DD`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub budget: Decimal,
    /// Population of the target universe, for GRPs.
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub universe: Option<Decimal>,
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
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub duplication_factor: Option<Decimal>,
    /// Exposures that count as effective reach (default 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub effective_frequency: Option<u32>,
    /// Named variants of the plan (budget, split, rates, assumptions); see `scenario.rs`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<crate::scenario::Scenario>,
    /// Buying and monitoring thresholds and the naming convention; see `monitoring.rs`.
    #[serde(default, skip_serializing_if = "crate::monitoring::MonitoringSettings::is_default")]
    pub monitoring: crate::monitoring::MonitoringSettings,
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

/// Where in the funnel a goal or a line works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Funnel {
    Awareness,
    Consideration,
    Conversion,
    Retention,
}

/// Stage 1: what the money is for, and the one number it is judged on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Goal {
    /// The business objective, as a funnel stage (`awareness`, `consideration`, `conversion`,
    /// `retention`).
    pub objective: Funnel,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The primary KPI, e.g. `cpa`, `roas`, `reach`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub kpi: Option<Kpi>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub target: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondary: Vec<KpiTarget>,
    #[serde(default, skip_serializing_if = "Guardrails::is_empty")]
    pub guardrails: Guardrails,
    /// Revenue per conversion, for blended ROAS.
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub revenue_per_conversion: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Kpi {
    Reach,
    Frequency,
    Cpm,
    VideoViews,
    Cpv,
    Ctr,
    Cpc,
    Engagement,
    Cpa,
    Roas,
    Cpi,
    Cac,
    RepeatRate,
    Ltv,
    Grps,
    Cpp,
}

impl Kpi {
    /// The funnel stages a KPI judges well (domain brief, mistake 2).
    pub fn fits(self, stage: Funnel) -> bool {
        use Funnel::*;
        use Kpi::*;
        match stage {
            Awareness => matches!(self, Reach | Frequency | Cpm | VideoViews | Cpv | Grps | Cpp),
            Consideration => matches!(self, Ctr | Cpc | Engagement | VideoViews | Cpv),
            Conversion => matches!(self, Cpa | Roas | Cpi | Cac),
            Retention => matches!(self, RepeatRate | Ltv | Roas),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KpiTarget {
    pub kpi: Kpi,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub target: Option<Decimal>,
}

/// Budget guardrails (governance).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Guardrails {
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub max_channel_share_pct: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub max_blended_cac: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub min_blended_roas: Option<Decimal>,
}

impl Guardrails {
    pub fn is_empty(&self) -> bool {
        self == &Guardrails::default()
    }
}

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
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub size: Option<Decimal>,
    /// Value per customer (LTV), in the plan currency.
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub value: Option<Decimal>,
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

/// Fees on the plan. Percentages are percent (`"15"` is 15%).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Fees {
    #[serde(default, with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub agency_commission_pct: Decimal,
    #[serde(default)]
    pub agency_commission_basis: CommissionBasis,
    /// Ad serving, priced per thousand ad-served impressions.
    #[serde(default, with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub ad_serving_cpm: Decimal,
    /// Tech, data and verification fees as a percent of net media.
    #[serde(default, with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub tech_fee_pct: Decimal,
}

impl Default for Fees {
    fn default() -> Self {
        Fees {
            agency_commission_pct: Decimal::ZERO,
            agency_commission_basis: CommissionBasis::Gross,
            ad_serving_cpm: Decimal::ZERO,
            tech_fee_pct: Decimal::ZERO,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Pricing {
    Cpm,
    Cpc,
    Cpa,
    Cpv,
    Cpp,
    Flat,
}

impl Pricing {
    /// Digital pricing models are ad-served unless a line says otherwise.
    pub fn is_digital(self) -> bool {
        matches!(self, Pricing::Cpm | Pricing::Cpc | Pricing::Cpa | Pricing::Cpv)
    }

    pub fn label(self) -> &'static str {
        match self {
            Pricing::Cpm => "CPM",
            Pricing::Cpc => "CPC",
            Pricing::Cpa => "CPA",
            Pricing::Cpv => "CPV",
            Pricing::Cpp => "CPP",
            Pricing::Flat => "Flat",
        }
    }
}

/// How a line is bought (stage 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Buying {
    /// A platform auction (search, social): learning phase applies.
    Auction,
    /// Programmatic through a DSP.
    Programmatic,
    /// Direct with a publisher on an insertion order.
    Direct,
    /// Offline: TV, radio, print, out of home.
    Offline,
}

/// Demand capture (people already search) versus demand creation (people discover).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Demand {
    Capture,
    Creation,
}

/// The heart of the plan: one placement or campaign with its money, dates and assumptions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Line {
    pub id: String,
    pub channel: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vendor: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub role: Option<Funnel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub demand: Option<Demand>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub buying: Option<Buying>,
    pub pricing: Pricing,
    /// The price per unit of `pricing` (for `flat`, the flat fee, informational).
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub rate: Option<Decimal>,
    /// Net media: what the media owner is paid. Give this or `share`.
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub budget: Option<Decimal>,
    /// Percent of the plan budget, instead of `budget`.
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub share: Option<Decimal>,
    #[serde(with = "crate::date")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub start: NaiveDate,
    #[serde(with = "crate::date")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub end: NaiveDate,
    /// Click-through rate as a fraction (`"0.012"` is 1.2%).
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub ctr: Option<Decimal>,
    /// Conversion rate from click, as a fraction.
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub cvr: Option<Decimal>,
    /// View rate (views per impression), as a fraction.
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub vtr: Option<Decimal>,
    /// Stated delivery, for `flat` lines (or to override nothing else: derived counts win).
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
    pub views: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub grps: Option<Decimal>,
    /// Whether ad-serving fees apply. Defaults to true for digital pricing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub ad_served: Option<bool>,
    /// The line's own KPI and target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub kpi: Option<KpiTarget>,
    /// Relative weight per flight week (from the week holding `start`). Zero is a hiatus week.
    #[serde(default, with = "crate::dec::vec", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "Array<string>"))]
    pub weights: Option<Vec<Decimal>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub pattern: Option<Pattern>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub creative: Vec<Creative>,
    #[serde(default, skip_serializing_if = "Launch::is_default")]
    pub launch: Launch,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The planner's reach estimate for this line, percent; otherwise derived from GRPs.
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub reach_pct: Option<Decimal>,
    /// Diminishing-returns curve for the allocator; see `response.rs`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub response: Option<crate::response::Response>,
    /// Allocator bounds on this line's net media.
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub min_budget: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub max_budget: Option<Decimal>,
}

impl Line {
    pub fn is_ad_served(&self) -> bool {
        self.ad_served.unwrap_or_else(|| self.pricing.is_digital())
    }
}

/// A flighting pattern, counted in weeks from the line's first week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Pattern {
    /// Spend every week.
    Continuous,
    /// `on` weeks of spend, then `off` weeks of hiatus, repeating.
    Flighting { on: u32, off: u32 },
    /// An always-on base with heavier bursts: `on` burst weeks at weight 1, then `off` weeks at
    /// weight `base` (a fraction of a burst week), repeating.
    Pulsing {
        on: u32,
        off: u32,
        #[serde(with = "crate::dec")]
        #[cfg_attr(feature = "ts", ts(type = "string"))]
        base: Decimal,
    },
}

/// Stage 4/5: an asset a line needs, with its due date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Creative {
    /// e.g. "1080x1080 static", "15s video".
    pub format: String,
    #[serde(default = "one")]
    pub count: u32,
    #[serde(default, with = "crate::date::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "is_zero_u32")]
    pub delivered: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

fn is_zero_u32(n: &u32) -> bool {
    *n == 0
}

/// Stage 5: where a line is in going live.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Launch {
    #[serde(default)]
    pub status: LineStatus,
    #[serde(default, skip_serializing_if = "is_false")]
    pub tracking_verified: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub naming_applied: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub budget_control: Option<BudgetControl>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub io_signed: bool,
    /// Campaign names in the platforms, for matching actuals back to this line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub campaigns: Vec<String>,
    #[serde(default, rename = "override", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub override_: Option<LaunchOverride>,
}

impl Launch {
    pub fn is_default(&self) -> bool {
        self == &Launch::default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum LineStatus {
    #[default]
    Planned,
    Booked,
    Live,
    Paused,
    Ended,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum BudgetControl {
    /// Campaign budget optimisation: the platform moves budget to winners.
    Cbo,
    /// Ad-set budgets: forced even spend across test cells.
    Abo,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LaunchOverride {
    pub by: String,
    pub reason: String,
    #[serde(with = "crate::date")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub on: NaiveDate,
}

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
    /// Number style on the PDF: `1,234.56` or `1.234,56`.
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
}
