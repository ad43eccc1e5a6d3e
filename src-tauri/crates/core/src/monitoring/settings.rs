//! The thresholds that buying and monitoring judge by, saved with the plan.
//!
//! Pacing alerts, "enough data", cut and scale rules, reconciliation tolerance and the naming
//! convention are the planner's calls, not constants: two agencies run the same rules with
//! different numbers. They live in one optional `monitoring` block of the plan file, so a plan
//! without it behaves with the documented defaults (docs/monitoring.md) and round-trips unchanged.

use crate::Dec;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// `plan.monitoring`. Percentages are percent (`"110"` is 110%). Every field has a default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MonitoringSettings {
    /// Campaign-name template, e.g. `{client}_{channel}_{objective}_{audience}_{yyyymm}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub naming_template: Option<String>,
    /// Pace at or above this percent of expected spend is an over-pacing alert.
    #[serde(skip_serializing_if = "default_over_pace_pct")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>", optional))]
    pub over_pace_pct: Dec,
    /// Pace at or below this percent of expected spend is an under-pacing alert.
    #[serde(skip_serializing_if = "default_under_pace_pct")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>", optional))]
    pub under_pace_pct: Dec,
    /// Conversions needed before CPA, CPI, CAC or ROAS is judged (or a rate re-based).
    #[serde(skip_serializing_if = "default_min_conversions")]
    #[cfg_attr(feature = "ts", ts(as = "Option<u32>", optional))]
    pub min_conversions: u32,
    /// Clicks needed before CPC or CTR is judged (or a CPC re-based).
    #[serde(skip_serializing_if = "default_min_clicks")]
    #[cfg_attr(feature = "ts", ts(as = "Option<u32>", optional))]
    pub min_clicks: u32,
    /// Impressions needed before CPM is judged (or a CPM re-based).
    #[serde(skip_serializing_if = "default_min_impressions")]
    #[cfg_attr(feature = "ts", ts(as = "Option<u32>", optional))]
    pub min_impressions: u32,
    /// Cut when the KPI is worse than target by more than this percent.
    #[serde(skip_serializing_if = "default_cut_over_target_pct")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>", optional))]
    pub cut_over_target_pct: Dec,
    /// Scale when the KPI beats target by at least this percent and the line is not over-pacing.
    #[serde(skip_serializing_if = "default_scale_under_target_pct")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>", optional))]
    pub scale_under_target_pct: Dec,
    /// Clicks with zero conversions on a conversion line that say "fix tracking".
    #[serde(skip_serializing_if = "default_fix_tracking_min_clicks")]
    #[cfg_attr(feature = "ts", ts(as = "Option<u32>", optional))]
    pub fix_tracking_min_clicks: u32,
    /// Invoice versus delivered differences above this percent of delivered are flagged ...
    #[serde(skip_serializing_if = "default_reconcile_tolerance_pct")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>", optional))]
    pub reconcile_tolerance_pct: Dec,
    /// ... and above this amount in the plan currency (both must be exceeded).
    #[serde(skip_serializing_if = "default_reconcile_tolerance_amount")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>", optional))]
    pub reconcile_tolerance_amount: Dec,
}

impl Default for MonitoringSettings {
    fn default() -> Self {
        MonitoringSettings {
            naming_template: None,
            over_pace_pct: Dec(Decimal::from(110)),
            under_pace_pct: Dec(Decimal::from(90)),
            min_conversions: 30,
            min_clicks: 100,
            min_impressions: 10_000,
            cut_over_target_pct: Dec(Decimal::from(30)),
            scale_under_target_pct: Dec(Decimal::from(20)),
            fix_tracking_min_clicks: 200,
            reconcile_tolerance_pct: Dec(Decimal::from(2)),
            reconcile_tolerance_amount: Dec(Decimal::ONE),
        }
    }
}

// A setting left at its default is not written, so a plan file holds only the planner's own calls
// and round-trips unchanged.
fn default_over_pace_pct(v: &Decimal) -> bool {
    *v == MonitoringSettings::default().over_pace_pct
}

fn default_under_pace_pct(v: &Decimal) -> bool {
    *v == MonitoringSettings::default().under_pace_pct
}

fn default_min_conversions(v: &u32) -> bool {
    *v == MonitoringSettings::default().min_conversions
}

fn default_min_clicks(v: &u32) -> bool {
    *v == MonitoringSettings::default().min_clicks
}

fn default_min_impressions(v: &u32) -> bool {
    *v == MonitoringSettings::default().min_impressions
}

fn default_cut_over_target_pct(v: &Decimal) -> bool {
    *v == MonitoringSettings::default().cut_over_target_pct
}

fn default_scale_under_target_pct(v: &Decimal) -> bool {
    *v == MonitoringSettings::default().scale_under_target_pct
}

fn default_fix_tracking_min_clicks(v: &u32) -> bool {
    *v == MonitoringSettings::default().fix_tracking_min_clicks
}

fn default_reconcile_tolerance_pct(v: &Decimal) -> bool {
    *v == MonitoringSettings::default().reconcile_tolerance_pct
}

fn default_reconcile_tolerance_amount(v: &Decimal) -> bool {
    *v == MonitoringSettings::default().reconcile_tolerance_amount
}

impl MonitoringSettings {
    pub fn is_default(&self) -> bool {
        self == &MonitoringSettings::default()
    }
}
