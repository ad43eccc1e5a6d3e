//! A response curve from what a planner knows: two or three points "spend this, get that".
//!
//! Few planners can say what a line's half-saturation is, but most know that $10,000 brought
//! 400 conversions and $25,000 brought 700. A Hill curve has three numbers (max, shape,
//! half-saturation), so three points fix it; two points fix it once one number is known (the
//! most the line can return, if the planner has it; otherwise shape 1, the plain
//! diminishing-returns curve, and the fit says it assumed that). More points are fitted by
//! least squares on the relative errors. The answer says how well the curve passes through the
//! points, with each point's error, so the planner can judge it.
//!
//! Hill: response = max · x^s / (x^s + K^s), so max / response − 1 = (K / x)^s, and
//! ln(max / response − 1) = s·ln K − s·ln x is a straight line in ln x for a given max.

use crate::error::{Error, Result};
use crate::money::round_dp;
use crate::reach::{dec_f64, f64_dec};
use crate::response::{parameters, Curve, CurveParameter, Response};
use crate::Dec;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A point the planner knows: this spend brought this result.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KnownPoint {
    pub spend: Dec,
    pub result: Dec,
}

/// A known point and where the fitted curve passes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FittedPoint {
    pub spend: Dec,
    pub result: Dec,
    /// The curve's response at that spend, 2 places.
    pub fitted: Dec,
    /// (fitted − result) / result, percent, 2 places.
    pub error_pct: Dec,
}

/// A Hill curve fitted to known points, ready to store on a line as its `response`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HillFit {
    pub response: Response,
    /// The fitted numbers with their units and meaning.
    pub parameters: Vec<CurveParameter>,
    pub points: Vec<FittedPoint>,
    /// The root mean square of the points' errors, percent, 2 places.
    pub error_pct: Dec,
    /// The curve passes through every point (errors under 0.01%).
    pub exact: bool,
    /// What the fit had to assume, in words; none when the points fixed every number.
    pub assumption: Option<String>,
    /// How well it fits, in words.
    pub summary: String,
}

/// Fit a Hill curve to `points` (2 to 12, spends and results above zero, results rising with
/// spend). `max`, when the planner knows the most the line can return, is kept as given.
/// `currency` and `unit` word the parameters (see `response::result_unit`).
pub fn fit_hill(points: &[KnownPoint], max: Option<Decimal>, currency: &str, unit: &str) -> Result<HillFit> {
    if points.len() < 2 || points.len() > 12 {
        return Err(Error::at("invalid_field", "points", format!("give 2 to 12 points (spend → result), not {}", points.len())));
    }
    let mut pts: Vec<(f64, f64, usize)> = Vec::with_capacity(points.len());
    for (i, p) in points.iter().enumerate() {
        if p.spend <= Decimal::ZERO || p.result <= Decimal::ZERO {
            return Err(Error::at("out_of_range", format!("points[{i}]"), "spend and result must both be above zero"));
        }
        pts.push((dec_f64(p.spend.0), dec_f64(p.result.0), i));
    }
    pts.sort_by(|a, b| a.0.total_cmp(&b.0));
    for w in pts.windows(2) {
        if w[0].0 == w[1].0 {
            return Err(Error::at("invalid_field", format!("points[{}]", w[1].2), "two points have the same spend"));
        }
        if w[1].1 <= w[0].1 {
            return Err(Error::at(
                "invalid_field",
                format!("points[{}]", w[1].2),
                "a response curve rises with spend: a larger spend must bring a larger result",
            ));
        }
    }
    let top = pts.iter().map(|p| p.1).fold(0.0, f64::max);
    let mut assumption = None;
    let (c, s, k) = match max {
        Some(m) => {
            let c = dec_f64(m);
            if c <= top {
                return Err(Error::at("out_of_range", "max", format!("the most the line can return ({m}) must be above every known result")));
            }
            let (s, k, _) = line_fit(&pts, c).ok_or_else(not_bending)?;
            (c, s, k)
        }
        None if pts.len() == 2 => {
            // Shape 1: r = c·x / (x + K). Two points: K from the fall in return per dollar.
            let ((x1, y1, _), (x2, y2, _)) = (pts[0], pts[1]);
            let fall = y1 / x1 - y2 / x2;
            if fall <= 0.0 {
                return Err(not_bending());
            }
            let k = (y2 - y1) / fall;
            assumption = Some(
                "Two points fix two of the curve's three numbers, so the shape is taken as 1 (each extra dollar buys a little less than the one before). Add a third point, or the most the line can return, to fit the shape too.".to_string(),
            );
            (y1 * (x1 + k) / x1, 1.0, k)
        }
        None => search_max(&pts, top).ok_or_else(not_bending)?,
    };
    if !(c.is_finite() && s.is_finite() && k.is_finite()) || c <= 0.0 || s <= 0.0 || k <= 0.0 {
        return Err(not_bending());
    }
    let response = Response::Hill { max: Dec(round_dp(f64_dec(c), 2)), shape: Dec(round_dp(f64_dec(s), 4)), half_saturation: Dec(round_dp(f64_dec(k), 2)) };
    // Judge the curve as it will be stored (rounded numbers).
    let curve = response.curve("response")?;
    let mut sq = 0.0;
    let mut fitted = Vec::with_capacity(points.len());
    for p in points {
        let (x, y) = (dec_f64(p.spend.0), dec_f64(p.result.0));
        let f = curve.value(x);
        let e = (f - y) / y;
        sq += e * e;
        fitted.push(FittedPoint { spend: p.spend, result: p.result, fitted: Dec(round_dp(f64_dec(f), 2)), error_pct: Dec(round_dp(f64_dec(e * 100.0), 2)) });
    }
    let rms = (sq / points.len() as f64).sqrt() * 100.0;
    let exact = rms < 0.01;
    let worst = fitted.iter().map(|p| p.error_pct.abs()).max().unwrap_or_default();
    let summary = if exact {
        "The curve passes through every point.".to_string()
    } else {
        format!("The curve passes within {}% of every point ({:.2}% on average): {}.", worst.normalize(), rms, fit_words(rms))
    };
    let parameters = parameters(Some(&response), false, currency, unit);
    Ok(HillFit { response, parameters, points: fitted, error_pct: Dec(round_dp(f64_dec(rms), 2)), exact, assumption, summary })
}

fn fit_words(rms: f64) -> &'static str {
    if rms < 2.0 {
        "a close fit"
    } else if rms < 10.0 {
        "a fair fit; check the points"
    } else {
        "a loose fit: the points may not follow one curve"
    }
}

fn not_bending() -> Error {
    Error::at(
        "invalid_field",
        "points",
        "the points do not bend: a larger spend returns as much or more per dollar, so no diminishing-returns curve passes through them. Add a point at a higher spend, or give the most the line can return",
    )
}

/// For a given max `c`: the straight line through (ln x, ln(c/y − 1)), by least squares, as
/// (shape, half-saturation, sum of squared relative errors in y).
fn line_fit(pts: &[(f64, f64, usize)], c: f64) -> Option<(f64, f64, f64)> {
    let n = pts.len() as f64;
    let xy: Vec<(f64, f64)> = pts.iter().map(|(x, y, _)| (x.ln(), (c / y - 1.0).ln())).collect();
    let (mx, my) = (xy.iter().map(|p| p.0).sum::<f64>() / n, xy.iter().map(|p| p.1).sum::<f64>() / n);
    let sxx: f64 = xy.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = xy.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let slope = sxy / sxx; // = −s
    let s = -slope;
    if s <= 0.0 || !s.is_finite() {
        return None;
    }
    let intercept = my - slope * mx; // = s·ln K
    let k = (intercept / s).exp();
    let curve = Curve::hill(c, s, k);
    let sse = pts.iter().map(|(x, y, _)| ((curve.value(*x) - y) / y).powi(2)).sum();
    Some((s, k, sse))
}

/// Three or more points without a max: the max with the smallest error, searched on a log
/// scale above the largest result, then narrowed by golden section.
fn search_max(pts: &[(f64, f64, usize)], top: f64) -> Option<(f64, f64, f64)> {
    let at = |u: f64| {
        let c = top * (1.0 + u.exp());
        line_fit(pts, c).map(|(s, k, e)| (c, s, k, e))
    };
    // u = ln(c / top − 1), from a hair above the top result to a thousand times it.
    let (lo, hi) = (-12.0f64, 7.0f64);
    let steps = 240;
    let mut best: Option<(f64, (f64, f64, f64, f64))> = None;
    for i in 0..=steps {
        let u = lo + (hi - lo) * i as f64 / steps as f64;
        if let Some(r) = at(u) {
            if best.is_none_or(|b| r.3 < b.1 .3) {
                best = Some((u, r));
            }
        }
    }
    let (mut u0, _) = best?;
    let h = (hi - lo) / steps as f64;
    let (mut a, mut b) = (u0 - h, u0 + h);
    let g = (5f64.sqrt() - 1.0) / 2.0;
    for _ in 0..80 {
        let (c1, c2) = (b - g * (b - a), a + g * (b - a));
        let (e1, e2) = (at(c1).map_or(f64::INFINITY, |r| r.3), at(c2).map_or(f64::INFINITY, |r| r.3));
        if e1 < e2 {
            b = c2;
        } else {
            a = c1;
        }
        u0 = (a + b) / 2.0;
    }
    let (c, s, k, _) = at(u0).or_else(|| best.map(|b| b.1))?;
    Some((c, s, k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn pt(spend: &str, result: &str) -> KnownPoint {
        KnownPoint { spend: Dec(Decimal::from_str(spend).unwrap()), result: Dec(Decimal::from_str(result).unwrap()) }
    }

    #[test]
    fn three_points_on_a_hill_curve_give_it_back() {
        // max 1000, shape 2, K 5000: 2500 → 200, 5000 → 500, 10000 → 800.
        let f = fit_hill(&[pt("2500", "200"), pt("5000", "500"), pt("10000", "800")], None, "USD", "conversions").unwrap();
        assert_eq!(f.response, Response::Hill { max: Dec(Decimal::from(1000)), shape: Dec(Decimal::from(2)), half_saturation: Dec(Decimal::from(5000)) });
        assert!(f.exact, "{}", f.summary);
        assert_eq!(f.assumption, None);
        assert_eq!(f.parameters[2].unit, "USD");
    }

    #[test]
    fn two_points_assume_shape_one_and_say_so() {
        // r = c·x/(x + K) through 10,000 → 400 and 25,000 → 700: K = 300 / (0.04 − 0.028) = 25,000,
        // c = 400 · 35,000 / 10,000 = 1,400.
        let f = fit_hill(&[pt("10000", "400"), pt("25000", "700")], None, "USD", "conversions").unwrap();
        assert_eq!(f.response, Response::Hill { max: Dec(Decimal::from(1400)), shape: Dec(Decimal::ONE), half_saturation: Dec(Decimal::from(25000)) });
        assert!(f.exact);
        assert!(f.assumption.unwrap().contains("shape is taken as 1"));
        // With the max known instead, the shape is fitted: ln(1400/400 − 1) and ln(1400/700 − 1).
        let f = fit_hill(&[pt("10000", "400"), pt("25000", "700")], Some(Decimal::from(1000)), "USD", "conversions").unwrap();
        assert!(f.exact, "{}", f.summary);
        assert!(matches!(f.response, Response::Hill { max, .. } if max == Decimal::from(1000)));
    }

    #[test]
    fn points_that_do_not_bend_are_refused() {
        let e = fit_hill(&[pt("10000", "400"), pt("20000", "900")], None, "USD", "conversions").unwrap_err();
        assert!(e.message.contains("do not bend"), "{}", e.message);
        let e = fit_hill(&[pt("10000", "400"), pt("20000", "300")], None, "USD", "conversions").unwrap_err();
        assert!(e.message.contains("rises with spend"), "{}", e.message);
        assert_eq!(fit_hill(&[pt("10000", "400")], None, "USD", "x").unwrap_err().code, "invalid_field");
    }
}
