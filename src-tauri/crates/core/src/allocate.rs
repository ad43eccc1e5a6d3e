//! The diminishing-returns allocator: the split of a budget across lines that maximises total
//! response on each line's curve, within each line's bounds.
//!
//! On concave curves the answer is the textbook one: fund lines until every funded line's
//! marginal response is equal (a Lagrange multiplier λ). S-shaped curves (Hill with shape > 1)
//! break greedy and gradient methods: a line returns little until past its knee, so small steps
//! from zero never fund it even when funding it properly is best. Here each line's best spend for
//! a given λ is found on its whole curve (off, or on its concave branch where marginal = λ), λ
//! is searched until the spends meet the budget, and the one or two lines whose on/off choice
//! flips at that λ are settled by solving each funded set exactly and keeping the best. A final
//! pass tries switching each line on or off. The result is rounded to minor units by the largest
//! remainder, so it sums exactly to the budget and stays within the bounds.

use crate::error::{Error, Result};
use crate::response::Curve;

pub use crate::allocation::{allocate, AllocatedLine, Allocation};

/// A numeric allocation problem: spend x_i in [lo_i, hi_i] (hi may be infinite), Σx = budget.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub curves: Vec<Curve>,
    pub lo: Vec<f64>,
    pub hi: Vec<f64>,
    pub budget: f64,
}

/// The best split found, before rounding to money.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    pub spend: Vec<f64>,
    pub total_response: f64,
}

impl Problem {
    pub fn total(&self, x: &[f64]) -> f64 {
        self.curves.iter().zip(x).map(|(c, x)| c.value(*x)).sum()
    }

    /// Bounds that cannot hold: a line's min over its max, mins over the budget, maxes under it.
    pub fn check(&self) -> Result<()> {
        let n = self.curves.len();
        if n == 0 || self.lo.len() != n || self.hi.len() != n {
            return Err(Error::new("nothing_to_allocate", "no line has a response curve to allocate on"));
        }
        if !self.budget.is_finite() || self.budget < 0.0 {
            return Err(Error::new("infeasible_bounds", format!("the budget to allocate ({}) is negative", self.budget)));
        }
        for i in 0..n {
            if self.lo[i] > self.hi[i] {
                return Err(Error::new(
                    "infeasible_bounds",
                    format!("line {}: its min budget {} is over its max budget {}", i + 1, self.lo[i], self.hi[i]),
                ));
            }
        }
        let lo: f64 = self.lo.iter().sum();
        let hi: f64 = self.hi.iter().sum();
        if lo > self.budget * (1.0 + 1e-12) {
            return Err(Error::new(
                "infeasible_bounds",
                format!("the lines' min budgets add up to {lo}, over the {} to allocate", self.budget),
            ));
        }
        if hi < self.budget * (1.0 - 1e-12) {
            return Err(Error::new(
                "infeasible_bounds",
                format!("the lines' max budgets add up to {hi}, under the {} to allocate", self.budget),
            ));
        }
        Ok(())
    }
}

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
    let softplus = |u: f64| if u > 30.0 { u } else { u.exp().ln_1p() };
    let phi = |u: f64| a * u - 2.0 * softplus(u) - target;
    let u_max = if c.s > 1.0 { ((c.s + 1.0) / (c.s - 1.0)).ln() } else { f64::INFINITY };
    if c.s > 1.0 && phi(u_max) < 0.0 {
        return None;
    }
    if c.s <= 1.0 && (c.s - 1.0).abs() < 1e-12 && target >= 0.0 {
        return None; // shape 1: the marginal never exceeds c/K
    }
    let mut u = (target / a).min(u_max);
    for _ in 0..60 {
        let sig = 1.0 / (1.0 + (-u).exp());
        let d = a - 2.0 * sig;
        if d <= 0.0 {
            break;
        }
        let step = phi(u) / d;
        let next = (u - step).min(u_max);
        if (next - u).abs() <= 1e-13 * (1.0 + u.abs()) {
            u = next;
            break;
        }
        u = next;
    }
    Some(c.k * (-u / c.s).exp())
}

/// Spend on line i for a given λ if it is free to be off (at its min) or on its concave branch.
fn best_spend(p: &Problem, i: usize, lambda: f64) -> (f64, bool) {
    let c = &p.curves[i];
    let (lo, hi) = (p.lo[i], p.hi[i]);
    let Some(x) = spend_at_marginal(c, lambda) else { return (lo, false) };
    let x = x.clamp(lo, hi.min(p.budget.max(lo)));
    if x <= lo {
        return (lo, false);
    }
    let on = c.value(x) - lambda * x;
    let off = c.value(lo) - lambda * lo;
    if on > off {
        (x, true)
    } else {
        (lo, false)
    }
}

/// The steepest marginal any line has within its bounds: above it, no line is worth funding.
fn lambda_ceiling(p: &Problem) -> f64 {
    let mut m: f64 = 0.0;
    for (i, c) in p.curves.iter().enumerate() {
        let at = c.inflection().max(p.lo[i]).max(1e-9 * (1.0 + c.k));
        m = m.max(c.marginal(at.min(p.hi[i].max(p.lo[i]))));
    }
    if m.is_finite() && m > 0.0 {
        m * 2.0
    } else {
        1e12
    }
}

/// Solve with the funded set fixed: off lines at their min, on lines on their concave branch
/// (from max(min, knee) to max), λ searched so the spends meet the budget exactly.
fn solve_set(p: &Problem, on: &[bool], hint: f64) -> Option<Vec<f64>> {
    let n = p.curves.len();
    let floor: Vec<f64> = (0..n).map(|i| if on[i] { p.curves[i].inflection().max(p.lo[i]) } else { p.lo[i] }).collect();
    let cap: Vec<f64> = (0..n).map(|i| if on[i] { p.hi[i] } else { p.lo[i] }).collect();
    if floor.iter().zip(&cap).any(|(f, c)| f > c) {
        return None;
    }
    let (fsum, csum): (f64, f64) = (floor.iter().sum(), cap.iter().sum());
    if fsum > p.budget * (1.0 + 1e-12) + 1e-9 || csum < p.budget * (1.0 - 1e-12) - 1e-9 {
        return None;
    }
    let spend = |lambda: f64, out: &mut Vec<f64>| -> f64 {
        out.clear();
        for i in 0..n {
            let x = if on[i] {
                match spend_at_marginal(&p.curves[i], lambda) {
                    Some(x) => x.clamp(floor[i], cap[i]),
                    None => floor[i],
                }
            } else {
                p.lo[i]
            };
            out.push(x);
        }
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
        let m = if fa.is_finite() && fb.is_finite() && fa - fb > 0.0 {
            let m = lb - fb * (lb - la) / (fb - fa);
            if m > la && m < lb { m } else { 0.5 * (la + lb) }
        } else {
            0.5 * (la + lb)
        };
        let fm = f(m, &mut x);
        if fm >= 0.0 {
            la = m;
            fa = fm;
            std::mem::swap(&mut xa, &mut x);
            if side == -1 {
                fb *= 0.5;
            }
            side = -1;
        } else {
            lb = m;
            fb = fm;
            std::mem::swap(&mut xb, &mut x);
            if side == 1 {
                fa *= 0.5;
            }
            side = 1;
        }
    }
    // The true sums at the two sides (Illinois halves the stored values), then interpolate so
    // Σx is exactly the budget.
    let (best_low, x_hi) = (xa, xb);
    let (s_lo, s_hi): (f64, f64) = (best_low.iter().sum(), x_hi.iter().sum());
    let w = if (s_lo - s_hi).abs() > 0.0 { ((p.budget - s_hi) / (s_lo - s_hi)).clamp(0.0, 1.0) } else { 1.0 };
    Some(x_hi.iter().zip(&best_low).map(|(h, l)| h + w * (l - h)).collect())
}

/// Find the split that maximises total response. See the module comment for the method.
pub fn solve(p: &Problem) -> Result<Solution> {
    p.check()?;
    let n = p.curves.len();
    // Phase 1: λ whose per-line best spends meet the budget (the funded sets either side of it).
    let spends = |lambda: f64| -> (f64, Vec<bool>) {
        let mut total = 0.0;
        let mut on = vec![false; n];
        for (i, flag) in on.iter_mut().enumerate() {
            let (x, is_on) = best_spend(p, i, lambda);
            total += x;
            *flag = is_on;
        }
        (total, on)
    };
    let (mut lo_l, mut hi_l) = (1e-300f64.ln(), lambda_ceiling(p).ln());
    let mut on_low = vec![true; n]; // funded set where spend ≥ budget
    for _ in 0..80 {
        let mid = 0.5 * (lo_l + hi_l);
        let (s, on) = spends(mid.exp());
        if s >= p.budget {
            lo_l = mid;
            on_low = on;
        } else {
            hi_l = mid;
        }
        if hi_l - lo_l < 1e-9 {
            break;
        }
    }
    let (_, on_high) = spends(hi_l.exp());
    let hint = 0.5 * (lo_l + hi_l);

    // Phase 2: settle the lines that flip at λ*, by solving each funded set exactly.
    let mut flips: Vec<usize> = (0..n).filter(|i| on_low[*i] && !on_high[*i]).collect();
    flips.sort_by(|a, b| p.curves[*b].c.total_cmp(&p.curves[*a].c));
    flips.truncate(6);
    let mut best: Option<(f64, Vec<f64>, Vec<bool>)> = None;
    let consider = |set: Vec<bool>, best: &mut Option<(f64, Vec<f64>, Vec<bool>)>| {
        if let Some(x) = solve_set(p, &set, hint) {
            let v = p.total(&x);
            if best.as_ref().is_none_or(|b| v > b.0) {
                *best = Some((v, x, set));
            }
        }
    };
    for k in 0..=flips.len() {
        let mut set = on_high.clone();
        for i in &flips[..k] {
            set[*i] = true;
        }
        consider(set, &mut best);
    }
    if flips.len() > 6 {
        consider(on_low.clone(), &mut best);
    }
    // Phase 3: switch single lines on or off where the choice is closest at λ*, kept when the
    // exact solve improves.
    if let Some((_, _, set)) = best.clone() {
        let lambda = hint.exp();
        let mut margin: Vec<(f64, usize)> = (0..n)
            .map(|i| {
                let c = &p.curves[i];
                let off = c.value(p.lo[i]) - lambda * p.lo[i];
                let on = spend_at_marginal(c, lambda)
                    .map(|x| x.clamp(p.lo[i], p.hi[i].min(p.budget.max(p.lo[i]))))
                    .map_or(f64::NEG_INFINITY, |x| c.value(x) - lambda * x);
                (((on - off) / (1.0 + c.c)).abs(), i)
            })
            .collect();
        margin.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (_, i) in margin.into_iter().take(4) {
            let mut s = set.clone();
            s[i] = !s[i];
            consider(s, &mut best);
        }
    }
    // Fallbacks that are always feasible: one line taking all it can, and the even split (SLSQP's
    // start). The best candidate and the even split are then polished locally, which also settles
    // a line left below its knee.
    let mut top: Option<(f64, Vec<f64>)> = None;
    let keep = |x: Vec<f64>, top: &mut Option<(f64, Vec<f64>)>| {
        let v = p.total(&x);
        if top.as_ref().is_none_or(|t| v > t.0) {
            *top = Some((v, x));
        }
    };
    if let Some((_, x, _)) = best {
        keep(polish(p, x, 4 * n), &mut top);
    }
    // A line below its knee can be best when the budget is small: start from the best
    // "one line takes it all" split and let the polish spread it.
    let mut poured: Option<(f64, Vec<f64>)> = None;
    for i in 0..n {
        keep(pour(p, Some(i)), &mut poured);
    }
    if let Some((_, x)) = poured {
        keep(polish(p, x, 10 * n), &mut top);
    }
    keep(polish(p, even_split(p), 10 * n), &mut top);
    match top {
        Some((v, x)) => Ok(Solution { spend: x, total_response: v }),
        None => Err(Error::new("allocation_failed", "no split within the bounds could be found")),
    }
}

/// Every line at its min, then the rest poured into `first` (if given) and then the others in
/// order, each up to its max. Always feasible when the bounds are.
fn pour(p: &Problem, first: Option<usize>) -> Vec<f64> {
    let mut x = p.lo.clone();
    let mut left = p.budget - x.iter().sum::<f64>();
    let order = first.into_iter().chain(0..p.curves.len());
    for i in order {
        if left <= 0.0 {
            break;
        }
        let add = (p.hi[i] - x[i]).min(left).max(0.0);
        x[i] += add;
        left -= add;
    }
    x
}

/// The even split, pushed into the bounds: x_i = clamp(t, lo_i, hi_i) with t set so Σx = budget.
fn even_split(p: &Problem) -> Vec<f64> {
    let sum_at = |t: f64| p.lo.iter().zip(&p.hi).map(|(l, h)| t.clamp(*l, *h)).sum::<f64>();
    let (mut a, mut b) = (0.0, p.budget.max(p.hi.iter().cloned().filter(|h| h.is_finite()).fold(0.0, f64::max)));
    for _ in 0..100 {
        let m = 0.5 * (a + b);
        if sum_at(m) < p.budget {
            a = m;
        } else {
            b = m;
        }
    }
    let mut x: Vec<f64> = p.lo.iter().zip(&p.hi).map(|(l, h)| b.clamp(*l, *h)).collect();
    let excess = x.iter().sum::<f64>() - p.budget;
    if let Some(i) = (0..x.len()).find(|i| x[*i] - excess >= p.lo[*i] && x[*i] - excess <= p.hi[*i]) {
        x[i] -= excess;
    }
    x
}

/// Local polish: move money from the line with the lowest marginal to the one with the highest,
/// by a line search on the pair, until the marginals of all lines that can move are equal.
fn polish(p: &Problem, mut x: Vec<f64>, rounds: usize) -> Vec<f64> {
    let n = x.len();
    let eps = 1e-9 * (1.0 + p.budget);
    let mut total = p.total(&x);
    let mut stalls = 0;
    for _ in 0..rounds {
        let g: Vec<f64> = (0..n).map(|i| p.curves[i].marginal(x[i])).collect();
        let up = (0..n).filter(|i| x[*i] < p.hi[*i] - eps).max_by(|a, b| g[*a].total_cmp(&g[*b]));
        let down = (0..n).filter(|j| x[*j] > p.lo[*j] + eps).min_by(|a, b| g[*a].total_cmp(&g[*b]));
        let (Some(i), Some(j)) = (up, down) else { break };
        if i == j || g[i] <= g[j] * (1.0 + 1e-10) + 1e-300 {
            break;
        }
        let room = (p.hi[i] - x[i]).min(x[j] - p.lo[j]);
        let (ci, cj, xi, xj) = (&p.curves[i], &p.curves[j], x[i], x[j]);
        let pair = |d: f64| ci.value(xi + d) + cj.value(xj - d);
        // Golden-section search for the best transfer on [0, room], then the far end too.
        let (mut a, mut b) = (0.0, room);
        let r = 0.618_033_988_749_895;
        let (mut c, mut d) = (b - r * (b - a), a + r * (b - a));
        let (mut fc, mut fd) = (pair(c), pair(d));
        for _ in 0..40 {
            if fc > fd {
                b = d;
                d = c;
                fd = fc;
                c = b - r * (b - a);
                fc = pair(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + r * (b - a);
                fd = pair(d);
            }
            if b - a < 1e-9 * (1.0 + room) {
                break;
            }
        }
        let base = pair(0.0);
        let mut step = 0.5 * (a + b);
        if pair(room) > pair(step) {
            step = room;
        }
        let gain = pair(step) - base;
        if gain <= 0.0 {
            break;
        }
        x[i] = xi + step;
        x[j] = xj - step;
        // Stop once the gains no longer matter (a millionth of a percent, three times running).
        total += gain;
        stalls = if gain < 1e-8 * total.abs() { stalls + 1 } else { 0 };
        if stalls >= 3 {
            break;
        }
    }
    x
}

/// Round spends to integer minor units that sum exactly to `budget_units`, each within
/// `[lo_units, hi_units]`: floors first, then the remaining units to the largest fractions.
pub fn round_to_units(x: &[f64], lo: &[i128], hi: &[Option<i128>], budget_units: i128) -> Vec<i128> {
    let n = x.len();
    let mut units: Vec<i128> = (0..n)
        .map(|i| {
            let f = x[i].floor() as i128;
            f.max(lo[i]).min(hi[i].unwrap_or(i128::MAX))
        })
        .collect();
    let frac: Vec<f64> = (0..n).map(|i| x[i] - units[i] as f64).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|a, b| frac[*b].total_cmp(&frac[*a]));
    let mut left = budget_units - units.iter().sum::<i128>();
    // Hand out (or take back) one unit at a time, largest fractions first, within the bounds.
    while left != 0 {
        let before = left;
        if left > 0 {
            for &i in &order {
                if left == 0 {
                    break;
                }
                if hi[i].is_none_or(|h| units[i] < h) {
                    let room = hi[i].map_or(left, |h| (h - units[i]).min(left));
                    let step = if left > n as i128 { room.min(left / n as i128).max(1) } else { 1 };
                    units[i] += step;
                    left -= step;
                }
            }
        } else {
            for &i in order.iter().rev() {
                if left == 0 {
                    break;
                }
                if units[i] > lo[i] {
                    let step = if -left > n as i128 { (units[i] - lo[i]).min(-left / n as i128).max(1) } else { 1 };
                    units[i] -= step;
                    left += step;
                }
            }
        }
        if left == before {
            break; // bounds leave no room (checked infeasible before this point)
        }
    }
    units
}
