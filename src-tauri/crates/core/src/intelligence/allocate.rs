//! The diminishing-returns allocator: the split of a budget across lines that maximises total
//! response on each line's curve, within each line's bounds.
//!
//! On concave curves the answer is the textbook one: fund lines until every funded line's
//! marginal response is equal (a Lagrange multiplier λ). S-shaped curves (Hill with shape > 1)
//! break greedy and gradient methods: a line returns little until past its knee, so small steps
//! from zero never fund it even when funding it properly is best. Nor need every funded line be
//! past its knee: when money is tight, one line (never two: moving money between them would
//! gain) can sit below its knee, taking what is left.
//!
//! So the search is over funded sets: which S-shaped lines get more than their min. Each set is
//! solved exactly in `crate::funded_set`, with every funded line on its concave branch at one λ,
//! and with a line it leaves off put below its knee instead. Which sets to solve comes from the
//! dual bound D(λ) = λ·B + Σ max_x (f_i(x) − λx), which no split can beat: at the λ* that
//! minimises it each line has a preferred state, and a set's bound is D(λ*) less what its
//! departures from those states cost. Sets are solved cheapest departures first (branch and
//! bound) until no set left can beat the best split, which is then the global optimum, or until
//! [`MAX_SETS`] have been solved, which needs more than five S-shaped lines (the best split so
//! far is kept). A line goes below its knee only where a bound from its set's own λ says that
//! can gain. A pairwise polish finishes the best split; it scans each transfer, so it can jump
//! between the two peaks an S-curve pair can have. The result is rounded to minor units by the
//! largest remainder, so it sums exactly to the budget and stays within the bounds.

use crate::error::{Error, Result};
use crate::funded_set::{branch_floor, solve_rising, solve_set, switchable};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

pub use crate::funded_set::spend_at_marginal;
pub use crate::split_problem::{Problem, Solution};

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

/// At most this many funded sets are solved, best bound first, and at most three times as many
/// again with a line below its knee. With up to five lines that have an on/off choice (2^5 = 32
/// sets, and 80 set-and-line pairs with the line off) the search always runs to the end.
pub const MAX_SETS: usize = 48;

/// What line i can add to the Lagrangian Σ(f_i − λx_i) at `lambda`, in each state: off (at
/// its min), on its concave branch (best spend there, within its bounds and the budget), and
/// at the top of its convex branch (the most it can add while below its knee).
fn line_terms(p: &Problem, i: usize, lambda: f64) -> (f64, f64, f64) {
    let c = &p.curves[i];
    let floor = branch_floor(p, i);
    let cap = p.hi[i].min(p.budget.max(floor));
    let x = spend_at_marginal(c, lambda).map_or(floor, |x| x.clamp(floor, cap));
    let term = |x: f64| c.value(x) - lambda * x;
    (term(p.lo[i]), term(x), term(floor))
}

/// The best split found so far and its funded set.
struct Best {
    value: f64,
    x: Vec<f64>,
}

/// Solve a funded set (with line `rising` below its knee, if given), keep it if it is the best
/// so far, and return its value and λ.
fn try_set(p: &Problem, set: &[bool], rising: Option<usize>, hint: f64, best: &mut Option<Best>) -> Option<(f64, f64)> {
    let (x, lambda) = match rising {
        None => solve_set(p, set, hint)?,
        Some(k) => solve_rising(p, set, k)?,
    };
    let value = p.total(&x);
    if best.as_ref().is_none_or(|b| value > b.value) {
        *best = Some(Best { value, x });
    }
    Some((value, lambda))
}

/// Find the split that maximises total response. See the module comment for the method.
pub fn solve(p: &Problem) -> Result<Solution> {
    p.check()?;
    let n = p.curves.len();

    // Phase 1: λ* where the per-line best spends meet the budget. It minimises the dual bound
    // D(λ) = λ·B + Σ max_x (f_i(x) − λx), which no split can beat.
    let spends = |lambda: f64| -> f64 { (0..n).map(|i| best_spend(p, i, lambda).0).sum() };
    // Bisect ln λ from a bracket 13 decades wide (widened if the spends there still fall short),
    // to a 1e-4 relative width: the exact λ of each set comes from its own solve.
    let mut hi_l = lambda_ceiling(p).ln();
    let mut lo_l = hi_l - 30.0;
    while spends(lo_l.exp()) < p.budget && lo_l > -690.0 {
        hi_l = lo_l;
        lo_l = (lo_l - 60.0).max(-690.0);
    }
    while hi_l - lo_l > 1e-4 {
        let mid = 0.5 * (lo_l + hi_l);
        if spends(mid.exp()) >= p.budget {
            lo_l = mid;
        } else {
            hi_l = mid;
        }
    }
    let hint = 0.5 * (lo_l + hi_l);
    let lambda = hint.exp();

    // Phase 2: each switchable line's preferred state at λ* (on its concave branch, or off /
    // below its knee) and what the other state costs against D(λ*). Identical lines are grouped:
    // which of them are flipped makes no difference, only how many.
    let mut dual = lambda * p.budget;
    let mut default = vec![true; n];
    let mut groups: Vec<(f64, Vec<usize>)> = Vec::new();
    for (i, preferred) in default.iter_mut().enumerate() {
        let (off, on, top) = line_terms(p, i, lambda);
        if !switchable(p, i) {
            dual += on;
            continue;
        }
        dual += off.max(on);
        // Leaving a preferred-on line off (or below its knee) costs at least on − max(off, top).
        let flip = if on >= off { on - off.max(top) } else { off - on };
        *preferred = on >= off;
        let same = |j: usize| p.curves[j] == p.curves[i] && p.lo[j] == p.lo[i] && p.hi[j] == p.hi[i];
        match groups.iter_mut().find(|g| same(g.1[0])) {
            Some(g) => g.1.push(i),
            None => groups.push((flip, vec![i])),
        }
    }
    groups.sort_by(|a, b| a.0.total_cmp(&b.0));

    // Phase 3: branch and bound over the sets that differ from the preferred one, cheapest
    // difference first: a set's bound is D(λ*) less the costs of its differences. Each set is
    // solved with every funded line on its concave branch; each line it leaves off is also tried
    // below its knee, when the set's own λ says that can gain (below).
    let tol = |v: f64| v + 1e-12 * v.abs();
    let mut best: Option<Best> = None;
    let mut heap = BinaryHeap::from([Reverse(Flips { cost: 0.0, count: vec![0; groups.len()], last: 0 })]);
    let (mut sets, mut rising) = (0, 0);
    while let Some(Reverse(Flips { cost: spent, count, last })) = heap.pop() {
        if sets >= MAX_SETS || best.as_ref().is_some_and(|b| dual - spent <= tol(b.value)) {
            break;
        }
        // Successors: one more flip in the last group flipped or in any later group (so each
        // count vector is reached once, never more cheaply than its parent).
        for (g, (c, members)) in groups.iter().enumerate().skip(last) {
            if count[g] < members.len() {
                let mut more = count.clone();
                more[g] += 1;
                heap.push(Reverse(Flips { cost: spent + c, count: more, last: g }));
            }
        }
        let mut set = default.clone();
        for (g, (_, members)) in groups.iter().enumerate() {
            for i in &members[..count[g]] {
                set[*i] = !set[*i];
            }
        }
        sets += 1;
        let here = try_set(p, &set, None, hint, &mut best);
        let floors: f64 = (0..n).map(|i| if set[i] { branch_floor(p, i) } else { p.lo[i] }).sum();
        if floors > p.budget {
            continue; // funding any other line as well cannot fit either
        }
        // A line left off, put below its knee. With W the best the set's other lines make of a
        // budget (concave, slope λ_S at B − lo_k), f_k(x) + W(B − x) ≤ V_S + f_k(x) − f_k(lo_k)
        // − λ_S·(x − lo_k), which is convex in x, so largest at the knee or the min.
        for (_, members) in &groups {
            let Some(&k) = members.iter().find(|k| !set[**k]) else { continue };
            let (ck, lo) = (&p.curves[k], p.lo[k]);
            let top = branch_floor(p, k);
            let bound = here.map_or(dual - spent, |(v, l)| v + (ck.value(top) - ck.value(lo) - l * (top - lo)).max(0.0));
            if rising < 3 * MAX_SETS && best.as_ref().is_none_or(|b| bound.min(dual - spent) > tol(b.value)) {
                let mut with = set.clone();
                with[k] = true;
                rising += 1;
                try_set(p, &with, Some(k), hint, &mut best);
            }
        }
    }

    // The best split is polished; if no set could be solved, the best "one line takes all it
    // can" split and the even split are polished instead.
    let mut top: Option<(f64, Vec<f64>)> = None;
    let keep = |x: Vec<f64>, top: &mut Option<(f64, Vec<f64>)>| {
        let v = p.total(&x);
        if top.as_ref().is_none_or(|t| v > t.0) {
            *top = Some((v, x));
        }
    };
    match best {
        Some(b) => keep(polish(p, b.x, 4 * n), &mut top),
        None => {
            for i in 0..n {
                keep(polish(p, pour(p, Some(i)), 10 * n), &mut top);
            }
            keep(polish(p, even_split(p), 10 * n), &mut top);
        }
    }
    match top {
        Some((v, x)) => Ok(Solution { spend: x, total_response: v }),
        None => Err(Error::new("allocation_failed", "no split within the bounds could be found")),
    }
}

/// Differences from the preferred funded set: how many lines of each group are flipped, their
/// total cost, and the last group flipped.
struct Flips {
    cost: f64,
    count: Vec<usize>,
    last: usize,
}

impl PartialEq for Flips {
    fn eq(&self, other: &Self) -> bool {
        self.cost.total_cmp(&other.cost).is_eq()
    }
}
impl Eq for Flips {}
impl PartialOrd for Flips {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Flips {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.cost.total_cmp(&other.cost)
    }
}

/// Local polish: move money from the line with the lowest marginal to the one with the highest,
/// by a line search on the pair, until the marginals of all lines that can move are equal.
///
/// Two S-curves can make the pair's response bimodal in the transfer, so the search first scans
/// the whole transfer range and then narrows (golden section) around the best scanned point.
fn polish(p: &Problem, mut x: Vec<f64>, rounds: usize) -> Vec<f64> {
    const SCAN: usize = 16;
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
        let base = pair(0.0);
        let (mut best_d, mut best_v) = (0.0, base);
        for s in 1..=SCAN {
            let d = room * s as f64 / SCAN as f64;
            let v = pair(d);
            if v > best_v {
                (best_d, best_v) = (d, v);
            }
        }
        // Golden-section search in the scan cell either side of the best point.
        let cell = room / SCAN as f64;
        let (mut a, mut b) = ((best_d - cell).max(0.0), (best_d + cell).min(room));
        let r = 0.618_033_988_749_895;
        let (mut c, mut d) = (b - r * (b - a), a + r * (b - a));
        let (mut fc, mut fd) = (pair(c), pair(d));
        for _ in 0..60 {
            if fc > fd {
                (b, d, fd) = (d, c, fc);
                c = b - r * (b - a);
                fc = pair(c);
            } else {
                (a, c, fc) = (c, d, fd);
                d = a + r * (b - a);
                fd = pair(d);
            }
            if b - a < 1e-9 * (1.0 + room) {
                break;
            }
        }
        let mid = 0.5 * (a + b);
        let v = pair(mid);
        if v > best_v {
            (best_d, best_v) = (mid, v);
        }
        let gain = best_v - base;
        if gain <= 0.0 {
            break;
        }
        x[i] = xi + best_d;
        x[j] = xj - best_d;
        // Stop once the gains no longer matter (a millionth of a percent, three times running).
        total += gain;
        stalls = if gain < 1e-8 * total.abs() { stalls + 1 } else { 0 };
        if stalls >= 3 {
            break;
        }
    }
    x
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
