//! Exact solves for the allocator (`crate::allocate`) with the funded set fixed: which lines are
//! on (free to take more than their min) and which are off (held at their min).
//!
//! With the set fixed, every stationary point of the budget split has one marginal response λ
//! shared by the funded lines that are not at a bound. A funded line sits on its concave branch
//! (at or past its knee, where its marginal falls as spend rises) except, at most, one line on its
//! convex branch (below its knee, marginal rising): with two there, moving money from one to the
//! other would gain, so the point is not a maximum.
//!
//! * [`solve_set`]: every funded line on its concave branch. Their spends fall as λ rises, so
//!   one λ meets the budget; it is found by bracketing ln λ and regula falsi.
//! * [`solve_rising`]: one funded line k on its convex branch. Its spend x_k fixes λ = f_k'(x_k)
//!   and the others follow; the total is scanned over x_k from k's min to its knee, and each place
//!   where it rises through the budget is refined. Only those can be maxima: with curvatures
//!   h_k > 0 > h_i, the split is a maximum along the budget iff Σ 1/|h_i| ≤ 1/h_k, which is
//!   dΣx/dλ = 1/h_k + Σ 1/h_i ≥ 0, and λ rises with x_k on the convex branch.

use crate::response::Curve;
use crate::split_problem::Problem;

/// The spend on the concave branch of `c` where the marginal response equals `lambda`, or
/// `None` when `lambda` is above the curve's steepest marginal.
///
/// With t = (K/x)^s the marginal is (c·s/K) · t^(1+1/s) / (1+t)²; in u = ln t the equation
/// a·u − 2·ln(1+e^u) = ln(λK/(c·s)) is concave and increasing on the branch, so Newton's method
/// from u = L/a (left of the root) converges monotonically.
pub fn spend_at_marginal(c: &Curve, lambda: f64) -> Option<f64> {
    if lambda <= 0.0 {
        return Some(f64::INFINITY);
    }
    if c.c <= 0.0 {
        return None;
    }
    let a = 1.0 + 1.0 / c.s;
    let target = (lambda * c.k / (c.c * c.s)).ln();
    // φ(u) and φ'(u) from one exponential: softplus(u) = ln(1+e^u), its derivative e^u/(1+e^u).
    let phi_and_slope = |u: f64| -> (f64, f64) {
        if u > 30.0 {
            (a * u - 2.0 * u - target, a - 2.0)
        } else {
            let e = u.exp();
            (a * u - 2.0 * e.ln_1p() - target, a - 2.0 * e / (1.0 + e))
        }
    };
    let u_max = if c.s > 1.0 { ((c.s + 1.0) / (c.s - 1.0)).ln() } else { f64::INFINITY };
    if c.s > 1.0 && phi_and_slope(u_max).0 < 0.0 {
        return None;
    }
    if c.s <= 1.0 && (c.s - 1.0).abs() < 1e-12 && target >= 0.0 {
        return None; // shape 1: the marginal never exceeds c/K
    }
    let mut u = (target / a).min(u_max);
    for _ in 0..60 {
        let (phi, d) = phi_and_slope(u);
        if d <= 0.0 {
            break;
        }
        let next = (u - phi / d).min(u_max);
        if (next - u).abs() <= 1e-13 * (1.0 + u.abs()) {
            u = next;
            break;
        }
        u = next;
    }
    Some(c.k * (-u / c.s).exp())
}

/// Where line i's concave branch starts within its bounds: its knee, raised to its min and
/// lowered to its max (a line capped below its knee, when funded, sits at its max).
pub(crate) fn branch_floor(p: &Problem, i: usize) -> f64 {
    p.curves[i].inflection().max(p.lo[i]).min(p.hi[i])
}

/// Whether line i has a real on/off choice: S-shaped with its knee above its min and room above
/// the min. Any other line is always "on": its concave branch starts at its min, so being off is
/// the case where it stays there.
pub(crate) fn switchable(p: &Problem, i: usize) -> bool {
    p.hi[i] > p.lo[i] && p.curves[i].inflection() > p.lo[i]
}

/// Spend on funded line i at marginal `lambda`, on its concave branch within its bounds.
fn concave_spend(p: &Problem, i: usize, floor: f64, lambda: f64) -> f64 {
    match spend_at_marginal(&p.curves[i], lambda) {
        Some(x) => x.clamp(floor, p.hi[i]),
        None => floor,
    }
}

/// Solve with the funded set fixed: off lines at their min, on lines on their concave branch
/// (from their branch floor to their max), λ searched so the spends meet the budget exactly.
/// Returns the spends and λ.
pub(crate) fn solve_set(p: &Problem, on: &[bool], hint: f64) -> Option<(Vec<f64>, f64)> {
    let n = p.curves.len();
    let floor: Vec<f64> = (0..n).map(|i| if on[i] { branch_floor(p, i) } else { p.lo[i] }).collect();
    let cap: Vec<f64> = (0..n).map(|i| if on[i] { p.hi[i] } else { p.lo[i] }).collect();
    let (fsum, csum): (f64, f64) = (floor.iter().sum(), cap.iter().sum());
    if fsum > p.budget * (1.0 + 1e-12) + 1e-9 || csum < p.budget * (1.0 - 1e-12) - 1e-9 {
        return None;
    }
    let spend = |lambda: f64, out: &mut Vec<f64>| -> f64 {
        out.clear();
        out.extend((0..n).map(|i| if on[i] { concave_spend(p, i, floor[i], lambda) } else { p.lo[i] }));
        out.iter().sum()
    };
    // Bracket ln λ around the hint (Σx falls as λ rises), then Illinois (regula falsi) on it.
    let mut x = Vec::with_capacity(n);
    let f = |l: f64, out: &mut Vec<f64>| spend(l.exp(), out) - p.budget;
    let (mut la, mut lb, mut width) = (hint - 0.5, hint + 0.5, 0.5);
    let mut xa = Vec::with_capacity(n);
    let mut xb = Vec::with_capacity(n);
    let mut fa = f(la, &mut xa);
    while fa < 0.0 && la > -690.0 {
        width *= 4.0;
        la = (hint - width).max(-690.0);
        fa = f(la, &mut xa);
    }
    let mut fb = f(lb, &mut xb);
    width = 0.5;
    while fb > 0.0 && lb < 690.0 {
        width *= 4.0;
        lb = (hint + width).min(690.0);
        fb = f(lb, &mut xb);
    }
    if fa < 0.0 || fb > 0.0 {
        return None;
    }
    let tol = 1e-10 * (1.0 + p.budget);
    let mut side = 0;
    for _ in 0..100 {
        if fa.abs() <= tol || fb.abs() <= tol || lb - la < 1e-14 {
            break;
        }
        let m = regula_falsi(la, lb, fa, fb);
        let fm = f(m, &mut x);
        if fm >= 0.0 {
            (la, fa) = (m, fm);
            std::mem::swap(&mut xa, &mut x);
            if side == -1 {
                fb *= 0.5;
            }
            side = -1;
        } else {
            (lb, fb) = (m, fm);
            std::mem::swap(&mut xb, &mut x);
            if side == 1 {
                fa *= 0.5;
            }
            side = 1;
        }
    }
    Some((meet_budget(p, &xa, &xb)?, (0.5 * (la + lb)).exp()))
}

/// Solve with the funded set fixed and funded line `k` on its convex branch (below its knee).
/// The best stationary point found that is a maximum along the budget, with its λ.
pub(crate) fn solve_rising(p: &Problem, on: &[bool], k: usize) -> Option<(Vec<f64>, f64)> {
    let n = p.curves.len();
    let ck = &p.curves[k];
    let (start, top) = (p.lo[k], ck.inflection().min(p.hi[k]));
    if !on[k] || top <= start {
        return None;
    }
    let floor: Vec<f64> = (0..n).map(|i| if on[i] { branch_floor(p, i) } else { p.lo[i] }).collect();
    // Σx − budget with line k at `xk` and λ its marginal there.
    let f = |xk: f64, out: &mut Vec<f64>| -> f64 {
        let lambda = ck.marginal(xk);
        out.clear();
        out.extend((0..n).map(|i| {
            if i == k {
                xk
            } else if on[i] {
                concave_spend(p, i, floor[i], lambda)
            } else {
                p.lo[i]
            }
        }));
        out.iter().sum::<f64>() - p.budget
    };
    const SCAN: usize = 8;
    let tol = 1e-10 * (1.0 + p.budget);
    let mut best: Option<(f64, Vec<f64>, f64)> = None;
    let (mut at_a, mut at_b) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut xa, mut xb, mut x) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    let mut a = start;
    let mut fa0 = f(a, &mut at_a);
    for j in 1..=SCAN {
        let b = start + (top - start) * j as f64 / SCAN as f64;
        let fb0 = f(b, &mut at_b);
        // A rise through the budget between two scan points: refine it (Illinois in x_k).
        if fa0 < 0.0 && fb0 >= 0.0 {
            xa.clone_from(&at_a);
            xb.clone_from(&at_b);
            let (mut lo, mut hi, mut flo, mut fhi) = (a, b, fa0, fb0);
            let mut side = 0;
            for _ in 0..100 {
                if flo.abs() <= tol || fhi.abs() <= tol || hi - lo <= 1e-12 * (1.0 + hi) {
                    break;
                }
                let m = regula_falsi(lo, hi, flo, fhi);
                let fm = f(m, &mut x);
                if fm < 0.0 {
                    (lo, flo) = (m, fm);
                    std::mem::swap(&mut xa, &mut x);
                    if side == -1 {
                        fhi *= 0.5;
                    }
                    side = -1;
                } else {
                    (hi, fhi) = (m, fm);
                    std::mem::swap(&mut xb, &mut x);
                    if side == 1 {
                        flo *= 0.5;
                    }
                    side = 1;
                }
            }
            if let Some(sol) = meet_budget(p, &xb, &xa) {
                let v = p.total(&sol);
                if best.as_ref().is_none_or(|b| v > b.0) {
                    best = Some((v, sol, ck.marginal(0.5 * (lo + hi))));
                }
            }
        }
        (a, fa0) = (b, fb0);
        std::mem::swap(&mut at_a, &mut at_b);
    }
    best.map(|(_, x, lambda)| (x, lambda))
}

/// The next point of a regula falsi step on [a, b] where f changes sign; the midpoint when the
/// values cannot be trusted.
fn regula_falsi(a: f64, b: f64, fa: f64, fb: f64) -> f64 {
    if fa.is_finite() && fb.is_finite() && fa != fb {
        let m = b - fb * (b - a) / (fb - fa);
        if m > a && m < b {
            return m;
        }
    }
    0.5 * (a + b)
}

/// The spends that meet the budget exactly, between a bracket's two sides: `over` spends at
/// least the budget and `under` at most, both within the bounds, so every point between them is.
fn meet_budget(p: &Problem, over: &[f64], under: &[f64]) -> Option<Vec<f64>> {
    let (s_over, s_under): (f64, f64) = (over.iter().sum(), under.iter().sum());
    if !s_under.is_finite() {
        return None;
    }
    if !s_over.is_finite() {
        // Only the under side is usable: it must already be on the budget.
        return ((p.budget - s_under).abs() <= 1e-9 * (1.0 + p.budget)).then(|| under.to_vec());
    }
    let w = if (s_over - s_under).abs() > 0.0 { ((p.budget - s_under) / (s_over - s_under)).clamp(0.0, 1.0) } else { 1.0 };
    Some(under.iter().zip(over).map(|(u, o)| u + w * (o - u)).collect())
}
