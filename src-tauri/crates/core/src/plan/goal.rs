//! Stage 1, goals and KPIs: what the money is for and the one number it is judged on.
//!
//! A KPI that does not fit the funnel stage (an awareness plan judged on last-click sales) is the
//! second mistake in the brief, so the fit lives here with the KPI itself.

use super::*;

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
    /// Reach at the plan's effective frequency or more (`effective_frequency`, default 3+), percent.
    EffectiveReach,
}

impl Kpi {
    /// The funnel stages a KPI judges well (domain brief, mistake 2).
    pub fn fits(self, stage: Funnel) -> bool {
        use Funnel::*;
        use Kpi::*;
        match stage {
            Awareness => matches!(self, Reach | EffectiveReach | Frequency | Cpm | VideoViews | Cpv | Grps | Cpp),
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
