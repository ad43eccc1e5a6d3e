//! The costed view: what [`crate::costing::compute`] returns and every ring shows (the app, the
//! CLI, the PDF, the exports), as one set of types.
//!
//! The types live apart from the costing so that the checks (`findings`, `plausibility`) can
//! read a costed plan without depending on the code that costs it: costing calls the checks,
//! the checks read the view, and nothing here calls back.

use crate::finding::Finding;
use crate::flight::MonthBand;
use crate::plan::{BuyUnit, Medium, Pricing};
use crate::reach_goal::ReachGoal;
use crate::week_row::LineWeek;
use crate::Dec;
use chrono::NaiveDate;
use serde::Serialize;

/// The recomputed plan, as the UI, CLI and PDF show it. Decimals serialise as strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanView {
    pub currency: String,
    pub minor_units: u32,
    /// Mondays of every week on the flowchart (plan period and every flight).
    #[serde(serialize_with = "ser_dates")]
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub weeks: Vec<NaiveDate>,
    pub months: Vec<MonthBand>,
    pub lines: Vec<LineView>,
    pub totals: Totals,
    pub findings: Vec<Finding>,
    /// The findings by kind: one row per code with its count, expandable to the findings.
    pub finding_groups: Vec<crate::finding_groups::FindingGroup>,
    /// The six stages, what each needs and whether it is complete (empty placeholder rows
    /// never complete a stage).
    pub stages: Vec<StageProgress>,
    /// Stage 2: how long each competitor's ad has run (to today while it runs), in plan order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competitors: Vec<crate::timeline::CompetitorRun>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LineView {
    pub id: String,
    pub channel: String,
    pub name: String,
    pub pricing: Pricing,
    pub rate: Option<Dec>,
    pub net: Dec,
    /// Share of net media, percent to 2 places; the lines' shares sum to 100.00.
    pub share_pct: Dec,
    /// The line's net as a percent of the plan's budget, to 4 places: the `share` that funds
    /// about the same money, offered when a planner switches the line from an amount to a share
    /// (a share is of the budget, not of net media). None while the budget is zero.
    pub budget_share: Option<Dec>,
    pub impressions: Option<Dec>,
    pub clicks: Option<Dec>,
    pub conversions: Option<Dec>,
    pub views: Option<Dec>,
    pub grps: Option<Dec>,
    /// Target rating points: on-target impressions / the plan's universe × 100, 2 places.
    pub trps: Option<Dec>,
    /// Reach in the plan's target audience, percent to 2 places: the planner's estimate or
    /// derived from TRPs (`reach.rs`).
    pub reach_pct: Option<Dec>,
    /// Average exposures among the target people the line reaches: TRPs / reach %.
    pub frequency: Option<Dec>,
    /// Percent of the target the line reaches `effective_frequency` times or more.
    pub effective_reach_pct: Option<Dec>,
    /// The medium: the line's own, else inferred from its pricing or channel name.
    pub medium: Option<Medium>,
    /// The universe the line's GRPs are counted on: its own, else the plan's.
    pub universe: Option<Dec>,
    /// What a traditional line is booked in (spots, faces, insertions).
    pub unit: Option<BuyUnit>,
    /// How many: spots or insertions over the flight, faces up each week on air.
    pub units: Option<Dec>,
    pub agency_commission: Dec,
    pub ad_serving: Dec,
    pub tech_fee: Dec,
    pub fees: Dec,
    pub gross: Dec,
    /// The flight's weeks; written as one row on the plan's week grid (`week_row.rs`).
    #[serde(serialize_with = "crate::week_row::serialize")]
    #[cfg_attr(feature = "ts", ts(as = "crate::week_row::WeekRow"))]
    pub weeks: Vec<LineWeek>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Totals {
    pub budget: Dec,
    pub net: Dec,
    pub net_media: Dec,
    pub share_pct: Dec,
    pub impressions: Option<Dec>,
    pub clicks: Option<Dec>,
    pub conversions: Option<Dec>,
    pub views: Option<Dec>,
    pub grps: Option<Dec>,
    pub trps: Option<Dec>,
    /// Combined reach across lines (random duplication × the plan's duplication factor), percent.
    pub reach_pct: Option<Dec>,
    /// Average frequency among those reached: GRPs / reach.
    pub frequency: Option<Dec>,
    /// Reached at least `effective_frequency` (default 3) times, percent.
    pub effective_reach_pct: Option<Dec>,
    /// The exposures effective reach counts (the plan's `effective_frequency`, default 3).
    pub effective_frequency: u32,
    /// The primary KPI when it is reach or reach at N+ with a target: met or the gap, and the
    /// extra spend that would close it.
    pub reach_goal: Option<ReachGoal>,
    pub agency_commission: Dec,
    pub ad_serving: Dec,
    pub tech_fee: Dec,
    pub fees: Dec,
    pub gross: Dec,
    /// Plan budget − net media: positive is money not yet placed, negative is over-allocation.
    pub unallocated: Dec,
    /// Net media per week across all lines, over the whole flowchart: each week's exact sum
    /// rounded (largest remainder within its month), and the lines' cells add up to it.
    pub weeks: Vec<LineWeek>,
    /// Net media per month band (`PlanView::months`, in order): each month's exact sum rounded
    /// (largest remainder, adding up to net media); its weeks add up to it.
    pub months: Vec<MonthTotal>,
}

/// A month band's net media across all lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MonthTotal {
    pub year: i32,
    pub month: u32,
    /// e.g. "Jan 2027".
    pub label: String,
    pub net: Dec,
}

fn ser_dates<S: serde::Serializer>(v: &[NaiveDate], s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|d| d.format("%Y-%m-%d").to_string()))
}

/// One thing a stage needs, done or not.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StageCheck {
    pub label: &'static str,
    pub done: bool,
}

/// A stage, what it needs, and whether all of it is done.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StageProgress {
    /// 1 to 6.
    pub stage: u8,
    pub title: &'static str,
    /// `planning` (1–4) or `buying` (5–6).
    pub phase: &'static str,
    pub checks: Vec<StageCheck>,
    pub complete: bool,
}
