//! The line: one placement or campaign with its money, dates, assumptions, creative and launch
//! state (stages 3 to 5). It is the heart of the plan and of the file.

use super::*;
use crate::Dec;

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
    /// Out of home: a rate per face per week; net = faces × weeks on air × rate.
    PerFaceWeek,
    /// Print: a rate per insertion; net = insertions × rate.
    PerInsertion,
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
            Pricing::PerFaceWeek => "Per face/week",
            Pricing::PerInsertion => "Per insertion",
        }
    }

    /// The unit a line priced this way is booked in, when its money is units × rate.
    pub fn unit(self) -> Option<BuyUnit> {
        match self {
            Pricing::PerFaceWeek => Some(BuyUnit::Faces),
            Pricing::PerInsertion => Some(BuyUnit::Insertions),
            _ => None,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub rate: Option<Dec>,
    /// Net media: what the media owner is paid. Give this or `share`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub budget: Option<Dec>,
    /// Percent of the plan budget, instead of `budget`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub share: Option<Dec>,
    #[serde(with = "crate::date")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub start: NaiveDate,
    #[serde(with = "crate::date")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub end: NaiveDate,
    /// Click-through rate as a fraction (`"0.012"` is 1.2%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub ctr: Option<Dec>,
    /// Conversion rate from click, as a fraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub cvr: Option<Dec>,
    /// View rate (views per impression), as a fraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub vtr: Option<Dec>,
    /// Stated delivery, for `flat` lines (or to override nothing else: derived counts win).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub impressions: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub clicks: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub conversions: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub views: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub grps: Option<Dec>,
    /// Whether ad-serving fees apply. Defaults to true for digital pricing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub ad_served: Option<bool>,
    /// The line's own KPI and target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub kpi: Option<KpiTarget>,
    /// Relative weight per flight week (from the week holding `start`). Zero is a hiatus week.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub weights: Option<Vec<Dec>>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub reach_pct: Option<Dec>,
    /// Diminishing-returns curve for the allocator; see `response.rs`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub response: Option<super::Response>,
    /// Allocator bounds on this line's net media.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub min_budget: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub max_budget: Option<Dec>,
    /// The medium (`tv`, `radio`, `ooh`, `print`, `cinema`, …); inferred from the channel if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub medium: Option<Medium>,
    /// The audience the line's vehicle measures and sells its points on, e.g. "Men 18–34".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target_audience: String,
    /// Size of that audience: the line's GRPs are impressions / this × 100. Defaults to the
    /// plan's universe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub universe: Option<Dec>,
    /// Percent of the line's impressions that fall in the plan's target audience (default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub target_pct: Option<Dec>,
    /// TV, radio, cinema: spot length in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub spot_length: Option<u32>,
    /// TV and radio: the spots booked over the flight (scheduled by week in proportion to spend).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub spots: Option<u32>,
    /// TV and radio: the daypart mix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dayparts: Vec<Daypart>,
    /// Out of home (and cinema screens): faces posted every week on air.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub faces: Option<u32>,
    /// Print: insertions over the flight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub insertions: Option<u32>,
    /// Print: readers of one insertion (the title's readership), so impressions = insertions ×
    /// readership.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub readership: Option<Dec>,
}

impl Line {
    pub fn is_ad_served(&self) -> bool {
        self.ad_served.unwrap_or_else(|| self.pricing.is_digital())
    }

    /// The units that set a unit-priced line's money (faces or insertions), if given.
    pub fn booked_units(&self) -> Option<u32> {
        match self.pricing {
            Pricing::PerFaceWeek => self.faces,
            Pricing::PerInsertion => self.insertions,
            _ => None,
        }
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
    Pulsing { on: u32, off: u32, base: Dec },
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

impl Line {
    /// The share of the plan's target a line can reach at all (0–1): its own universe's
    /// on-target people over the plan's universe (`plan_universe`), at most all of it; 1 for a
    /// line on the plan's universe.
    pub fn coverage(&self, plan_universe: Option<Decimal>) -> f64 {
        use crate::reach::dec_f64;
        if let (Some(own), Some(target)) = (self.universe, plan_universe) {
            let on_target = self.target_pct.map_or(1.0, |p| dec_f64(p.0) / 100.0);
            let target = dec_f64(target);
            if target > 0.0 {
                return (dec_f64(own.0) * on_target / target).clamp(0.0, 1.0);
            }
        }
        1.0
    }
}
