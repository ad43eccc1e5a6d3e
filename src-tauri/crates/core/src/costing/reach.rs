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
use crate::Dec;
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
    Nbd { k: Dec },
    /// A fitted reach curve: reach % = max × (1 − e^(−k·GRP)).
    Curve {
        /// The reach ceiling, percent.
        max: Dec,
        /// Growth per GRP.
        k: Dec,
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
            let k = dec_f64(k.0);
            if k <= 0.0 {
                0.0
            } else {
                1.0 - (1.0 + m / k).powf(-k)
            }
        }
        ReachModel::Curve { max, k } => dec_f64(max.0) / 100.0 * (1.0 - (-dec_f64(k.0) * grps.max(0.0)).exp()),
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

/// One line's reach, frequency and effective reach in the plan's target audience.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LineReach {
    /// Percent of the target reached at least once, 2 places (`None` where neither estimated
    /// nor derivable).
    pub reach_pct: Option<Decimal>,
    /// Average exposures among those reached: TRPs / reach %.
    pub frequency: Option<Decimal>,
    /// Percent of the target reached `effective_frequency` times or more.
    pub effective_reach_pct: Option<Decimal>,
}

/// The plan's reach and frequency, as shown in the totals.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanReach {
    pub lines: Vec<LineReach>,
    pub reach_pct: Option<Decimal>,
    /// Average frequency among those reached: TRPs / reach %.
    pub frequency: Option<Decimal>,
    pub effective_reach_pct: Option<Decimal>,
}

/// What reach needs to know about one line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineReachInput {
    /// The planner's own estimate, percent of the target.
    pub reach_pct: Option<Decimal>,
    /// Target rating points (on-target impressions over the target × 100).
    pub trps: Option<Decimal>,
    /// The share of the target the line can reach at all (0–1): 1 when it runs across the whole
    /// target, less when its vehicle covers only part of it (a regional station's audience).
    pub coverage: f64,
}

impl LineReachInput {
    /// A line running across the whole target.
    pub fn new(reach_pct: Option<Decimal>, trps: Option<Decimal>) -> LineReachInput {
        LineReachInput { reach_pct, trps, coverage: 1.0 }
    }
}

/// Reach for every line and the plan, at `effective_frequency`+ (default 3).
///
/// A line's reach is the planner's `reach_pct` if given, else its points through `model`,
/// applied in the part of the target the line covers: reach = coverage × model(TRPs /
/// coverage). Each line has an exposure distribution in the target: the model's (Poisson or
/// NBD), or for a curve or an estimate the NBD fitted to its reach and points (a zero-truncated
/// Poisson when the reach is above Poisson's). Lines combine by random duplication: a person's
/// exposures are the sum of independent per-line exposures, so combined reach is
/// 1 − Π(1 − rᵢ) ("Sainsbury") and effective reach is read off the convolution of the lines'
/// distributions; both are multiplied by `duplication_factor`. Frequency is TRPs over reach,
/// known only when every reached line has points.
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
        Some(d) => return Err(Error::at("out_of_range", "duplication_factor", format!("{d} must be above 0 and at most 1"))),
    };
    let n = effective_frequency.unwrap_or(DEFAULT_EFFECTIVE_FREQUENCY).max(1);
    let mut out = PlanReach { lines: Vec::with_capacity(lines.len()), ..PlanReach::default() };
    let mut fractions = Vec::with_capacity(lines.len());
    // P(fewer than n exposures in the whole plan), as a distribution over 0..n.
    let mut combined = vec![0.0; n as usize];
    combined[0] = 1.0;
    let mut pmf = Vec::with_capacity(n as usize);
    let mut trps_sum = 0.0;
    let mut all_known = true;
    for (i, l) in lines.iter().enumerate() {
        if let Some(p) = l.reach_pct {
            if p < Decimal::ZERO || p > Decimal::ONE_HUNDRED {
                return Err(Error::at("out_of_range", format!("lines[{i}].reach_pct"), format!("{p} must be a percent between 0 and 100")));
            }
        }
        let Some(e) = line_exposure(l, model, n, &mut pmf) else {
            out.lines.push(LineReach::default());
            continue;
        };
        let mut lr = LineReach { reach_pct: Some(pct(e.reach)), ..LineReach::default() };
        fractions.push(e.reach);
        match e.trps {
            Some(t) if e.has_pmf => {
                trps_sum += t;
                if e.reach > 0.0 {
                    lr.frequency = Some(round_dp(f64_dec(t / 100.0 / e.reach), 2));
                }
                let below: f64 = pmf.iter().sum();
                lr.effective_reach_pct = Some(pct((1.0 - below).clamp(0.0, e.reach)));
                convolve(&mut combined, &pmf);
            }
            Some(t) => {
                trps_sum += t;
                all_known = false;
            }
            None => all_known = false,
        }
        out.lines.push(lr);
    }
    if fractions.is_empty() {
        return Ok(out);
    }
    let reach = combine(&fractions, dup);
    out.reach_pct = Some(pct(reach));
    if !all_known || reach <= 0.0 {
        return Ok(out);
    }
    out.frequency = Some(round_dp(f64_dec(trps_sum / 100.0 / reach), 2));
    let below: f64 = combined.iter().sum();
    // Never more people at n+ than at 1+.
    out.effective_reach_pct = Some(pct(((1.0 - below) * dup).clamp(0.0, reach)));
    Ok(out)
}

/// A line's reach in the target and whether `pmf` now holds its exposure distribution there
/// (P(0) … P(n−1)).
struct Exposure {
    reach: f64,
    trps: Option<f64>,
    has_pmf: bool,
}

fn line_exposure(l: &LineReachInput, model: Option<&ReachModel>, n: u32, pmf: &mut Vec<f64>) -> Option<Exposure> {
    let c = if l.coverage.is_finite() { l.coverage.clamp(0.0, 1.0) } else { 1.0 };
    let trps = l.trps.map(|t| dec_f64(t).max(0.0));
    // Mean exposures among the people the line covers.
    let m_c = trps.map(|t| if c > 0.0 { t / 100.0 / c } else { 0.0 });
    let reach = match (l.reach_pct, m_c, model) {
        (Some(p), _, _) => dec_f64(p) / 100.0,
        (None, Some(m), Some(model)) => c * reach_fraction(model, m * 100.0),
        _ => return None,
    };
    let reach = reach.clamp(0.0, 1.0);
    pmf.clear();
    let has_pmf = match m_c {
        Some(m) if c > 0.0 => {
            let r_c = (reach / c).min(1.0);
            match (l.reach_pct, model) {
                (None, Some(ReachModel::Poisson)) => poisson_pmf(m, n, pmf),
                (None, Some(ReachModel::Nbd { k })) => nbd_pmf(m, dec_f64(k.0), n, pmf),
                _ => fitted_pmf(m, r_c, n, pmf),
            }
            // Spread over the target: the people outside the line's coverage see none of it.
            for (j, p) in pmf.iter_mut().enumerate() {
                *p = c * *p + if j == 0 { 1.0 - c } else { 0.0 };
            }
            true
        }
        _ => false,
    };
    Some(Exposure { reach, trps, has_pmf })
}

/// P(0) … P(n−1) of a Poisson with mean `m`.
fn poisson_pmf(m: f64, n: u32, out: &mut Vec<f64>) {
    let m = m.max(0.0);
    let mut term = (-m).exp();
    for j in 0..n {
        out.push(term);
        term *= m / f64::from(j + 1);
    }
}

/// P(0) … P(n−1) of a negative binomial with mean `m` and shape `k`.
fn nbd_pmf(m: f64, k: f64, n: u32, out: &mut Vec<f64>) {
    if k <= 0.0 || m <= 0.0 {
        out.push(1.0);
        out.extend(std::iter::repeat_n(0.0, n as usize - 1));
        return;
    }
    let p = m / (k + m);
    let mut term = (k / (k + m)).powf(k);
    for j in 0..n {
        out.push(term);
        term *= (k + f64::from(j)) / f64::from(j + 1) * p;
    }
}

/// The distribution with mean `m` that reaches `reach` (both among the people covered): the NBD
/// fitted to them; above Poisson's reach, a zero-truncated Poisson among the reached with the
/// same average frequency; at a frequency of 1 or less, everyone reached exactly once.
fn fitted_pmf(m: f64, reach: f64, n: u32, out: &mut Vec<f64>) {
    if let Some(k) = fit_nbd_k(m, reach) {
        return nbd_pmf(m, k, n, out);
    }
    out.push(1.0 - reach);
    if n == 1 {
        return;
    }
    let f = if reach > 0.0 { m / reach } else { 0.0 };
    if f <= 1.0 {
        out.push(reach);
        out.extend(std::iter::repeat_n(0.0, n as usize - 2));
        return;
    }
    // λ / (1 − e^(−λ)) = f has its root between f − 1 and f.
    let g = |l: f64| l / (1.0 - (-l).exp());
    let (mut lo, mut hi) = ((f - 1.0).max(1e-12), f);
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if g(mid) < f {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let l = 0.5 * (lo + hi);
    let scale = reach / (1.0 - (-l).exp());
    let mut term = (-l).exp() * l;
    for j in 1..n {
        out.push(scale * term);
        term *= l / f64::from(j + 1);
    }
}

/// `acc` ← `acc` ∗ `pmf`, both truncated to `acc.len()` terms (the sum of independent exposures).
fn convolve(acc: &mut [f64], pmf: &[f64]) {
    for i in (0..acc.len()).rev() {
        let mut v = 0.0;
        for j in 0..=i {
            v += acc[i - j] * pmf.get(j).copied().unwrap_or(0.0);
        }
        acc[i] = v;
    }
}

fn check_model(model: Option<&ReachModel>) -> Result<()> {
    match model {
        Some(ReachModel::Nbd { k }) if *k <= Decimal::ZERO => Err(Error::at("out_of_range", "reach_model.k", format!("{k} must be greater than zero"))),
        Some(ReachModel::Curve { max, .. }) if *max <= Decimal::ZERO || *max > Decimal::ONE_HUNDRED => {
            Err(Error::at("out_of_range", "reach_model.max", format!("{max} must be a percent above 0 and at most 100")))
        }
        Some(ReachModel::Curve { k, .. }) if *k <= Decimal::ZERO => Err(Error::at("out_of_range", "reach_model.k", format!("{k} must be greater than zero"))),
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
        let m = ReachModel::Nbd { k: Dec(Decimal::ONE) };
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
