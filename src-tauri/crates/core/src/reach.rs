//! Reach and frequency: how many of the universe a plan touches, how often, and how many often
//! enough.
//!
//! GRPs count exposures, not people: 300 GRPs can be 100% reached three times or 30% reached ten
//! times. Planners judge awareness on reach and effective (3+) reach, so the core turns each
//! line's GRPs into reach through the plan's exposure model, deduplicates across lines by random
//! duplication ("Sainsbury"), and reads effective reach off the exposure distribution.
//!
//! Reach is a model estimate, not money: the math runs on `f64` and only the outputs are
//! `Decimal` percentages, rounded half away from zero to 2 places.

use crate::error::{Error, Result};
use crate::money::round_dp;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How a line's GRPs become its reach (`reach_model` on the plan).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ReachModel {
    /// Exposures fall at random: reach = 1 − e^(−m), m = GRP / 100.
    Poisson,
    /// Negative binomial: exposure is uneven across people (heavy and light viewers).
    /// Reach = 1 − (1 + m/k)^(−k); small `k` is very uneven, large `k` tends to Poisson.
    Nbd {
        #[serde(with = "crate::dec")]
        #[cfg_attr(feature = "ts", ts(type = "string"))]
        k: Decimal,
    },
    /// A fitted reach curve: reach % = max × (1 − e^(−k·GRP)).
    Curve {
        /// The reach ceiling, percent.
        #[serde(with = "crate::dec")]
        #[cfg_attr(feature = "ts", ts(type = "string"))]
        max: Decimal,
        /// Growth per GRP.
        #[serde(with = "crate::dec")]
        #[cfg_attr(feature = "ts", ts(type = "string"))]
        k: Decimal,
    },
}

/// The effective frequency planners use when a plan does not say (3+).
pub const DEFAULT_EFFECTIVE_FREQUENCY: u32 = 3;

/// Reach as a fraction of the universe (0–1) at `grps` under `model`.
pub fn reach_fraction(model: &ReachModel, grps: f64) -> f64 {
    let m = (grps / 100.0).max(0.0);
    let r = match model {
        ReachModel::Poisson => 1.0 - (-m).exp(),
        ReachModel::Nbd { k } => {
            let k = dec_f64(*k);
            if k <= 0.0 {
                0.0
            } else {
                1.0 - (1.0 + m / k).powf(-k)
            }
        }
        ReachModel::Curve { max, k } => dec_f64(*max) / 100.0 * (1.0 - (-dec_f64(*k) * grps.max(0.0)).exp()),
    };
    r.clamp(0.0, 1.0)
}

/// Random duplication across lines: 1 − Π(1 − rᵢ), times the duplication factor, capped at 1.
pub fn combine(reaches: &[f64], duplication_factor: f64) -> f64 {
    let miss: f64 = reaches.iter().map(|r| 1.0 - r.clamp(0.0, 1.0)).product();
    ((1.0 - miss) * duplication_factor).clamp(0.0, 1.0)
}

/// Share of the universe exposed `n` or more times when exposures are Poisson with mean `m`.
pub fn poisson_at_least(m: f64, n: u32) -> f64 {
    if n == 0 {
        return 1.0;
    }
    let m = m.max(0.0);
    let mut term = (-m).exp(); // P(0)
    let mut below = 0.0;
    for j in 0..n {
        below += term;
        term *= m / f64::from(j + 1);
    }
    (1.0 - below).clamp(0.0, 1.0)
}

/// Share of the universe exposed `n` or more times under a negative binomial with mean `m` and
/// shape `k`: P(0) = (k/(k+m))^k, P(j+1) = P(j) · (k+j)/(j+1) · m/(k+m).
pub fn nbd_at_least(m: f64, k: f64, n: u32) -> f64 {
    if n == 0 {
        return 1.0;
    }
    if k <= 0.0 || m <= 0.0 {
        return 0.0;
    }
    let p = m / (k + m);
    let mut term = (k / (k + m)).powf(k);
    let mut below = 0.0;
    for j in 0..n {
        below += term;
        term *= (k + f64::from(j)) / f64::from(j + 1) * p;
    }
    (1.0 - below).clamp(0.0, 1.0)
}

/// The NBD shape `k` whose reach at mean `m` is `reach`, so a reach known any way (a curve, the
/// planner's own estimates) still gives an exposure distribution. `None` when the reach is at or
/// above Poisson's (exposure is then as even as it gets: use Poisson).
pub fn fit_nbd_k(m: f64, reach: f64) -> Option<f64> {
    if m <= 0.0 || reach <= 0.0 || reach >= 1.0 - (-m).exp() {
        return None;
    }
    // NBD reach rises monotonically with k towards Poisson's; bisect on log k.
    let nbd = |k: f64| 1.0 - (1.0 + m / k).powf(-k);
    let (mut lo, mut hi) = (1e-6f64.ln(), 1e6f64.ln());
    if nbd(lo.exp()) > reach {
        return Some(lo.exp());
    }
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if nbd(mid.exp()) < reach {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some((0.5 * (lo + hi)).exp())
}

/// The plan's reach and frequency, as shown in the totals.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanReach {
    /// Each line's reach, percent to 2 places (`None` where neither estimated nor derivable).
    pub lines: Vec<Option<Decimal>>,
    pub reach_pct: Option<Decimal>,
    /// Average frequency among those reached: GRPs / reach %.
    pub frequency: Option<Decimal>,
    pub effective_reach_pct: Option<Decimal>,
}

/// What reach needs to know about one line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineReachInput {
    /// The planner's own estimate, percent.
    pub reach_pct: Option<Decimal>,
    pub grps: Option<Decimal>,
}

/// Reach for every line and the plan.
///
/// A line's reach is the planner's `reach_pct` if given, else its GRPs through `model`. Lines
/// are combined by random duplication × `duplication_factor`. Frequency is the reached lines'
/// GRPs over combined reach (only when every reached line has GRPs). Effective reach at
/// `effective_frequency`+ comes from the exposure distribution on those GRPs: the plan's Poisson
/// or NBD model, or, for a curve or planner estimates, the NBD fitted to the combined reach.
pub fn plan_reach(
    lines: &[LineReachInput],
    model: Option<&ReachModel>,
    duplication_factor: Option<Decimal>,
    effective_frequency: Option<u32>,
) -> Result<PlanReach> {
    check_model(model)?;
    let dup = match duplication_factor {
        None => 1.0,
        Some(d) if d > Decimal::ZERO && d <= Decimal::ONE => dec_f64(d),
        Some(d) => {
            return Err(Error::at("out_of_range", "duplication_factor", format!("{d} must be above 0 and at most 1")))
        }
    };
    let mut fractions = Vec::with_capacity(lines.len());
    let mut out = PlanReach { lines: Vec::with_capacity(lines.len()), ..PlanReach::default() };
    let mut grps_sum = 0.0;
    let mut all_have_grps = true;
    for (i, l) in lines.iter().enumerate() {
        let grps = l.grps.map(dec_f64);
        let r = match (l.reach_pct, grps, model) {
            (Some(p), _, _) => {
                if p < Decimal::ZERO || p > Decimal::ONE_HUNDRED {
                    return Err(Error::at(
                        "out_of_range",
                        format!("lines[{i}].reach_pct"),
                        format!("{p} must be a percent between 0 and 100"),
                    ));
                }
                Some(dec_f64(p) / 100.0)
            }
            (None, Some(g), Some(m)) => Some(reach_fraction(m, g)),
            _ => None,
        };
        out.lines.push(r.map(pct));
        if let Some(r) = r {
            fractions.push(r);
            match grps {
                Some(g) => grps_sum += g,
                None => all_have_grps = false,
            }
        }
    }
    if fractions.is_empty() {
        return Ok(out);
    }
    let reach = combine(&fractions, dup);
    out.reach_pct = Some(pct(reach));
    if !all_have_grps || reach <= 0.0 {
        return Ok(out);
    }
    out.frequency = Some(round_dp(f64_dec(grps_sum / 100.0 / reach), 2));
    let n = effective_frequency.unwrap_or(DEFAULT_EFFECTIVE_FREQUENCY);
    let m = grps_sum / 100.0;
    let eff = match model {
        Some(ReachModel::Poisson) => poisson_at_least(m, n),
        Some(ReachModel::Nbd { k }) => nbd_at_least(m, dec_f64(*k), n),
        _ => match fit_nbd_k(m, reach) {
            Some(k) => nbd_at_least(m, k, n),
            None => poisson_at_least(m, n),
        },
    };
    // Never more people at n+ than at 1+ (duplication factors can otherwise cross them).
    out.effective_reach_pct = Some(pct(eff.min(reach)));
    Ok(out)
}

fn check_model(model: Option<&ReachModel>) -> Result<()> {
    match model {
        Some(ReachModel::Nbd { k }) if *k <= Decimal::ZERO => {
            Err(Error::at("out_of_range", "reach_model.k", format!("{k} must be greater than zero")))
        }
        Some(ReachModel::Curve { max, .. }) if *max <= Decimal::ZERO || *max > Decimal::ONE_HUNDRED => {
            Err(Error::at("out_of_range", "reach_model.max", format!("{max} must be a percent above 0 and at most 100")))
        }
        Some(ReachModel::Curve { k, .. }) if *k <= Decimal::ZERO => {
            Err(Error::at("out_of_range", "reach_model.k", format!("{k} must be greater than zero")))
        }
        _ => Ok(()),
    }
}

/// A fraction as a percent, rounded half away from zero to 2 places.
pub fn pct(fraction: f64) -> Decimal {
    round_dp(f64_dec(fraction * 100.0), 2)
}

pub(crate) fn dec_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

pub(crate) fn f64_dec(x: f64) -> Decimal {
    if x.is_finite() {
        Decimal::from_f64(x).unwrap_or(Decimal::ZERO)
    } else {
        Decimal::ZERO
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn poisson_100_grps_reach_63_21_pct() {
        // The classic Poisson result: a mean of one exposure reaches 1 − e^(−1) = 63.21%.
        assert_eq!(pct(reach_fraction(&ReachModel::Poisson, 100.0)).to_string(), "63.21");
    }

    #[test]
    fn nbd_reach_matches_closed_form() {
        // m = 1, k = 1 (geometric exposure): reach = 1 − (1 + 1)^(−1) = 50%.
        let m = ReachModel::Nbd { k: Decimal::ONE };
        assert!(close(reach_fraction(&m, 100.0), 0.5, 1e-12));
    }

    #[test]
    fn distributions_sum_consistently() {
        // P(1+) from the distribution equals the closed-form reach.
        assert!(close(poisson_at_least(2.0, 1), 1.0 - (-2.0f64).exp(), 1e-12));
        assert!(close(nbd_at_least(2.0, 0.7, 1), 1.0 - (1.0f64 + 2.0 / 0.7).powf(-0.7), 1e-12));
        // A very large k tends to Poisson.
        assert!(close(nbd_at_least(2.0, 1e7, 3), poisson_at_least(2.0, 3), 1e-6));
    }

    #[test]
    fn fitted_k_reproduces_the_reach() {
        let k = fit_nbd_k(3.0, 0.6).unwrap();
        assert!(close(1.0 - (1.0 + 3.0 / k).powf(-k), 0.6, 1e-9));
        assert_eq!(fit_nbd_k(1.0, 0.99), None);
    }
}
