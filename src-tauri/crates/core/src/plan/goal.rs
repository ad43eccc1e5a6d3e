//! Stage 1, goals and KPIs: what the money is for and the one number it is judged on.
//!
//! A KPI that does not fit the funnel stage (an awareness plan judged on last-click sales) is the
//! second mistake in the brief, so the fit lives here with the KPI itself.

use super::*;
use crate::Dec;

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub target: Option<Dec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondary: Vec<KpiTarget>,
    #[serde(default, skip_serializing_if = "Guardrails::is_empty")]
    pub guardrails: Guardrails,
    /// Revenue per conversion, for blended ROAS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub revenue_per_conversion: Option<Dec>,
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

/// What a KPI's value is counted in, so every ring writes it the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum KpiUnit {
    /// Money per unit (CPM, CPC, CPA, LTV...), in the plan's currency.
    Money,
    /// A fraction shown as a percent (CTR, repeat rate): "0.0125" reads "1.25%".
    Fraction,
    /// Already a percent (reach, reach at N+).
    Percent,
    /// A multiple (ROAS): "3.68" reads "3.68×".
    Multiple,
    /// A count or an average (frequency, GRPs, views, engagements).
    Count,
}

impl Kpi {
    /// Every KPI, in the order a planner picks from.
    pub const ALL: [Kpi; 17] = [
        Kpi::Reach,
        Kpi::Frequency,
        Kpi::Cpm,
        Kpi::VideoViews,
        Kpi::Cpv,
        Kpi::Ctr,
        Kpi::Cpc,
        Kpi::Engagement,
        Kpi::Cpa,
        Kpi::Roas,
        Kpi::Cpi,
        Kpi::Cac,
        Kpi::RepeatRate,
        Kpi::Ltv,
        Kpi::Grps,
        Kpi::Cpp,
        Kpi::EffectiveReach,
    ];

    /// The KPI's name inside a sentence: "the primary KPI CPA", "judged on reach, frequency".
    pub fn in_sentence(self) -> &'static str {
        match self {
            Kpi::Reach => "reach",
            Kpi::EffectiveReach => "effective reach",
            Kpi::Frequency => "frequency",
            Kpi::VideoViews => "video views",
            Kpi::Engagement => "engagement",
            Kpi::RepeatRate => "repeat rate",
            // The rest are acronyms (CPM, CTR, GRPs...), written the same anywhere.
            other => other.label(),
        }
    }

    /// The KPI's name as a planner writes it.
    pub fn label(self) -> &'static str {
        use Kpi::*;
        match self {
            Reach => "Reach",
            Frequency => "Frequency",
            Cpm => "CPM",
            VideoViews => "Video views",
            Cpv => "CPV",
            Ctr => "CTR",
            Cpc => "CPC",
            Engagement => "Engagement",
            Cpa => "CPA",
            Roas => "ROAS",
            Cpi => "CPI",
            Cac => "CAC",
            RepeatRate => "Repeat rate",
            Ltv => "LTV",
            Grps => "GRPs",
            Cpp => "CPP",
            EffectiveReach => "Reach at N+",
        }
    }

    /// What the KPI's value is counted in.
    pub fn unit(self) -> KpiUnit {
        use Kpi::*;
        match self {
            Cpm | Cpc | Cpa | Cpi | Cac | Cpv | Cpp | Ltv => KpiUnit::Money,
            Ctr | RepeatRate => KpiUnit::Fraction,
            Reach | EffectiveReach => KpiUnit::Percent,
            Roas => KpiUnit::Multiple,
            Frequency | VideoViews | Engagement | Grps => KpiUnit::Count,
        }
    }

    /// A value of this KPI as a planner reads it in its unit: a fraction as a percent to 2
    /// places (half away from zero), anything else as it is.
    pub fn shown(self, value: Decimal) -> crate::error::Result<Decimal> {
        match self.unit() {
            KpiUnit::Fraction => crate::performance::percent_shown(value),
            _ => Ok(value),
        }
    }

    /// Whether the KPI is counted on the target audience's universe (reach, frequency, GRPs...).
    pub fn on_audience(self) -> bool {
        matches!(self, Kpi::Reach | Kpi::EffectiveReach | Kpi::Frequency | Kpi::Grps | Kpi::Cpp)
    }

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub target: Option<Dec>,
}

/// Budget guardrails (governance).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Guardrails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub max_channel_share_pct: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub max_blended_cac: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub min_blended_roas: Option<Dec>,
}

impl Guardrails {
    pub fn is_empty(&self) -> bool {
        self == &Guardrails::default()
    }
}
