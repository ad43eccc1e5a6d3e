//! Response curves: what a line returns for the money put into it, with diminishing returns.
//!
//! A planner's split is only as good as the assumption that the next dollar in each line buys
//! the same as the last. It doesn't: response flattens. A line may carry a `response` curve (from
//! an MMM, a past test, or the planner's judgement) and the allocator splits the budget on it.
//!
//! * Hill: response = max · x^shape / (x^shape + half_saturation^shape).
//! * ADBUDG (Little, 1970): response = min + (max − min) · x^shape / (d + x^shape); `min` is
//!   what the line returns at zero spend. It is a Hill curve with half_saturation = d^(1/shape)
//!   on top of a constant, and is evaluated that way.
//!
//! With shape > 1 the curve is S-shaped: a line pays back only past its knee.

use crate::error::{Error, Result};
pub use crate::plan::Response;
use crate::plan::{Kpi, Plan};
use crate::reach::dec_f64;
use crate::Dec;
use rust_decimal::Decimal;
use serde::Serialize;

/// One number of a response curve, with its unit and what it means in plain words, for the
/// curve editor and the "Optimise split" card.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CurveParameter {
    /// The field in the plan file: `max`, `shape`, `half_saturation` (ADBUDG: `min`, `d`).
    pub name: &'static str,
    /// "Most it can return", "Shape", "Half-saturation spend".
    pub label: &'static str,
    pub value: Option<Dec>,
    /// "conversions", "USD", "no unit".
    pub unit: String,
    pub explanation: String,
}

/// What a line's response counts, from the plan's goal: its primary KPI's result ("conversions"
/// for CPA, "installs" for CPI, revenue in the currency for ROAS), "results" without one.
pub fn result_unit(plan: &Plan) -> String {
    let kpi = plan.goal.as_ref().and_then(|g| g.kpi);
    match kpi {
        Some(Kpi::Cpa | Kpi::Cac) => "conversions".into(),
        Some(Kpi::Cpi) => "installs".into(),
        Some(Kpi::Roas | Kpi::Ltv) => format!("{} of revenue", plan.currency),
        Some(Kpi::Reach | Kpi::Frequency | Kpi::EffectiveReach) => "people reached".into(),
        Some(Kpi::VideoViews | Kpi::Cpv) => "views".into(),
        Some(Kpi::Cpc | Kpi::Ctr | Kpi::Engagement) => "clicks".into(),
        Some(Kpi::Grps | Kpi::Cpp) => "GRPs".into(),
        Some(Kpi::Cpm) => "impressions".into(),
        Some(Kpi::RepeatRate) => "repeat customers".into(),
        None => "results".into(),
    }
}

/// The numbers of a curve form (`hill` or `adbudg`) with units and explanations; values from
/// `curve` when given. `currency` is the spend's, `unit` what the response counts
/// ([`result_unit`]).
pub fn parameters(curve: Option<&Response>, adbudg: bool, currency: &str, unit: &str) -> Vec<CurveParameter> {
    let p = |name, label, value: Option<Decimal>, unit: String, explanation: String| CurveParameter { name, label, value: value.map(Dec), unit, explanation };
    let max = |v| {
        p(
            "max",
            "Most it can return",
            v,
            unit.to_string(),
            format!(
                "The {unit} the line would return if spend had no limit: the ceiling the curve flattens towards. Above every result the line has delivered."
            ),
        )
    };
    let shape = |v| {
        p(
            "shape",
            "Shape",
            v,
            "no unit".into(),
            "How the curve bends. 1: every extra dollar buys a little less than the one before. Above 1 (S-shaped): the line returns little until spend passes a threshold, then climbs, then flattens; 2–3 is common for TV and video. Below 1: the first dollars work hardest.".into(),
        )
    };
    match (curve, adbudg) {
        (Some(Response::Hill { max: m, shape: s, half_saturation: k }), _) => vec![max(Some(m.0)), shape(Some(s.0)), half(Some(k.0), currency, unit)],
        (Some(Response::Adbudg { min, max: m, shape: s, d }), _) => vec![
            minimum(Some(min.0), unit),
            max(Some(m.0)),
            shape(Some(s.0)),
            p(
                "d",
                "Scale",
                Some(d.0),
                format!("{currency}^shape"),
                "Sets where the curve bends: the spend at half of the way from min to max is d^(1/shape).".into(),
            ),
        ],
        (None, false) => vec![max(None), shape(None), half(None, currency, unit)],
        (None, true) => vec![
            minimum(None, unit),
            max(None),
            shape(None),
            p(
                "d",
                "Scale",
                None,
                format!("{currency}^shape"),
                "Sets where the curve bends: the spend at half of the way from min to max is d^(1/shape).".into(),
            ),
        ],
    }
}

fn half(v: Option<Decimal>, currency: &str, unit: &str) -> CurveParameter {
    CurveParameter {
        name: "half_saturation",
        label: "Half-saturation spend",
        value: v.map(Dec),
        unit: currency.to_string(),
        explanation: format!("The spend at which the line returns half its most {unit}: past it, each extra dollar buys less and less."),
    }
}

fn minimum(v: Option<Decimal>, unit: &str) -> CurveParameter {
    CurveParameter {
        name: "min",
        label: "Return at zero spend",
        value: v.map(Dec),
        unit: unit.to_string(),
        explanation: format!("The {unit} the line brings with no spend at all (organic or carry-over)."),
    }
}

/// A response curve in the one form the allocator uses: base + c · x^s / (x^s + K^s).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Curve {
    pub base: f64,
    pub c: f64,
    pub s: f64,
    pub k: f64,
}

impl Curve {
    pub fn hill(c: f64, s: f64, k: f64) -> Curve {
        Curve { base: 0.0, c, s, k }
    }

    /// Response at spend `x` (x ≤ 0 gives the base).
    pub fn value(&self, x: f64) -> f64 {
        if x <= 0.0 {
            return self.base;
        }
        // x^s / (x^s + K^s) = 1 / (1 + (K/x)^s), stable for large and small x.
        self.base + self.c / (1.0 + (self.k / x).powf(self.s))
    }

    /// Marginal response d response / d spend at `x`.
    pub fn marginal(&self, x: f64) -> f64 {
        if x <= 0.0 {
            return if (self.s - 1.0).abs() < 1e-12 {
                self.c / self.k
            } else if self.s < 1.0 {
                f64::INFINITY
            } else {
                0.0
            };
        }
        let t = (self.k / x).powf(self.s); // (K/x)^s
        self.c * self.s * t / (x * (1.0 + t) * (1.0 + t))
    }

    /// The spend where the marginal response peaks (the knee of an S-curve); 0 when shape ≤ 1.
    pub fn inflection(&self) -> f64 {
        if self.s <= 1.0 {
            0.0
        } else {
            self.k * ((self.s - 1.0) / (self.s + 1.0)).powf(1.0 / self.s)
        }
    }
}

impl Response {
    /// Check the parameters; `path` names the field in errors (e.g. `lines[2].response`).
    pub fn curve(&self, path: &str) -> Result<Curve> {
        self.curve_at(|| path)
    }

    /// [`Response::curve`], naming the path only for an error (validation checks every line's
    /// curve on each recompute).
    pub(crate) fn curve_at<P: std::fmt::Display>(&self, path: impl Fn() -> P) -> Result<Curve> {
        let positive = |name: &str, v: Decimal| -> Result<f64> {
            if v <= Decimal::ZERO {
                Err(Error::at("out_of_range", format!("{}.{name}", path()), format!("{v} must be greater than zero")))
            } else {
                Ok(dec_f64(v))
            }
        };
        match self {
            Response::Hill { max, shape, half_saturation } => {
                Ok(Curve::hill(positive("max", max.0)?, positive("shape", shape.0)?, positive("half_saturation", half_saturation.0)?))
            }
            Response::Adbudg { min, max, shape, d } => {
                if max < min {
                    return Err(Error::at("out_of_range", format!("{}.max", path()), format!("{max} is below the curve's min of {min}")));
                }
                let s = positive("shape", shape.0)?;
                let d = positive("d", d.0)?;
                Ok(Curve { base: dec_f64(min.0), c: dec_f64(*max - *min), s, k: d.powf(1.0 / s) })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hill_is_half_at_half_saturation() {
        let c = Curve::hill(1000.0, 2.0, 5000.0);
        assert!((c.value(5000.0) - 500.0).abs() < 1e-9);
        // d/dx at K for shape 2: c·s/(4K) = 1000·2/20000 = 0.1.
        assert!((c.marginal(5000.0) - 0.1).abs() < 1e-12);
    }

    #[test]
    fn adbudg_is_a_hill_curve_on_a_base() {
        let r =
            Response::Adbudg { min: Dec(Decimal::from(100)), max: Dec(Decimal::from(1100)), shape: Dec(Decimal::from(2)), d: Dec(Decimal::from(25_000_000)) };
        let c = r.curve("response").unwrap();
        // 100 + 1000 · 5000² / (25,000,000 + 5000²) = 600.
        assert!((c.value(5000.0) - 600.0).abs() < 1e-9);
        assert_eq!(c.value(0.0), 100.0);
    }

    #[test]
    fn marginal_matches_a_finite_difference() {
        let c = Curve::hill(800.0, 2.7, 3000.0);
        for x in [100.0, 1500.0, 3000.0, 9000.0] {
            let h = 1e-3;
            let fd = (c.value(x + h) - c.value(x - h)) / (2.0 * h);
            assert!((fd - c.marginal(x)).abs() < 1e-6, "at {x}");
        }
    }
}
