//! The totals the flowchart's rounding aims at: each month's and each week's exact sum rounded
//! (largest remainder where plain rounding would not add up), worked out per block of lines
//! that share weeks, with the bounds (floor and ceiling of the exact sums) no total may leave.

use super::{Flowchart, OUTSIDE};
use crate::error::{Error, Result};
use std::collections::VecDeque;

/// Targets and bounds for the round-ups of the columns and of the months.
pub(super) struct Targets {
    pub week: Vec<i64>,
    pub week_lo: Vec<i64>,
    pub week_hi: Vec<i64>,
    pub month: Vec<i64>,
    pub month_lo: Vec<i64>,
    pub month_hi: Vec<i64>,
}

impl Flowchart {
    /// Round-ups each column and month should get. Lines that share weeks form blocks (a
    /// line's round-ups can only move between its own weeks), so each block's month pieces are
    /// its exact sums rounded by largest remainder to add up to the block's round-ups; pieces
    /// then trade units inside their block until each month is as close as it can be to its
    /// exact sum rounded (largest remainder over the months, adding up to `total`); and the
    /// weeks of each piece are its exact weekly sums rounded the same way.
    pub(super) fn targets(&self, total: i64) -> Result<Targets> {
        let ncols = self.col_ups.len();
        let (sums, den, err) = self.column_sums(ncols);
        let overflow = || Error::overflow("the flowchart");
        // Whole units and the remainder of a sum of `terms` columns; with approximate sums, a
        // remainder within the error of a whole unit is taken as exactly on it.
        let split_n = |n: u128, terms: u128| -> Result<(i64, u128)> {
            let bound = err.saturating_mul(terms);
            let (mut f, mut r) = (n / den, n % den);
            if bound > 0 && r < bound {
                r = 0;
            } else if bound > 0 && den - r <= bound {
                (f, r) = (f + 1, 0);
            }
            Ok((i64::try_from(f).map_err(|_| overflow())?, r))
        };
        let split = |n: u128| split_n(n, 1);
        let mut week_lo = Vec::with_capacity(ncols);
        let mut week_hi = Vec::with_capacity(ncols);
        let mut fracs = Vec::with_capacity(ncols);
        for s in &sums {
            let (f, r) = split(*s)?;
            week_lo.push(f);
            week_hi.push(f + i64::from(r != 0));
            fracs.push(r);
        }
        let range_sum = |a: usize, b: usize| sums[a..b].iter().try_fold(0u128, |x, y| x.checked_add(*y)).ok_or_else(overflow);
        let (mut month_lo, mut month_hi, mut month_fracs) = (Vec::new(), Vec::new(), Vec::new());
        for (a, b) in &self.months {
            let (f, r) = split_n(range_sum(*a, *b)?, (*b - *a) as u128)?;
            month_lo.push(f);
            month_hi.push(f + i64::from(r != 0));
            month_fracs.push(r);
        }
        let month = largest_remainder(&month_lo, &month_fracs, total);

        // Blocks: lines whose weeks overlap, as disjoint column ranges with their round-ups.
        let mut order: Vec<usize> = (0..self.rows.len()).filter(|r| self.rows[*r].len > 0).collect();
        order.sort_by_key(|r| self.rows[*r].off);
        let mut blocks: Vec<(usize, usize, i64)> = Vec::new();
        for r in order {
            let row = &self.rows[r];
            let ups = i64::try_from(row.ups).map_err(|_| overflow())?;
            match blocks.last_mut() {
                Some((_, end, n)) if row.off < *end => {
                    *end = (*end).max(row.off + row.len);
                    *n += ups;
                }
                _ => blocks.push((row.off, row.off + row.len, ups)),
            }
        }
        // Pieces: a block's weeks within one month.
        struct Piece {
            block: usize,
            month: usize,
            cols: (usize, usize),
            lo: i64,
            frac: u128,
            value: i64,
        }
        let mut pieces: Vec<Piece> = Vec::new();
        for (b, (start, end, ups)) in blocks.iter().enumerate() {
            let first = pieces.len();
            for (m, (ma, mb)) in self.months.iter().enumerate() {
                let (a, z) = ((*ma).max(*start), (*mb).min(*end));
                if a < z {
                    let (lo, frac) = split_n(range_sum(a, z)?, (z - a) as u128)?;
                    pieces.push(Piece { block: b, month: m, cols: (a, z), lo, frac, value: lo });
                }
            }
            let floors: Vec<i64> = pieces[first..].iter().map(|p| p.lo).collect();
            let fr: Vec<u128> = pieces[first..].iter().map(|p| p.frac).collect();
            for (p, v) in pieces[first..].iter_mut().zip(largest_remainder(&floors, &fr, *ups)) {
                p.value = v;
            }
        }
        // Trade units between a block's pieces (month to month, through blocks) while that
        // brings the months closer to their targets: breadth-first over months.
        let nmonths = self.months.len();
        let mut month_ups = vec![0i64; nmonths];
        for p in &pieces {
            month_ups[p.month] += p.value;
        }
        let mcost = |m: usize, u: i64| band_cost(u, month[m], month_lo[m], month_hi[m]);
        let mut moved = true;
        while moved {
            moved = false;
            for a in 0..nmonths {
                // From month a: (piece that gives, piece that takes) per month reached.
                let mut parent: Vec<Option<(usize, usize, usize)>> = vec![None; nmonths];
                let mut seen = vec![false; nmonths];
                seen[a] = true;
                let mut queue = VecDeque::from([a]);
                let mut goal = None;
                'bfs: while let Some(m) = queue.pop_front() {
                    for (x, px) in pieces.iter().enumerate().filter(|(_, p)| p.month == m && p.value > p.lo) {
                        for (y, py) in pieces.iter().enumerate() {
                            if py.block != px.block || seen[py.month] || py.value >= py.lo + i64::from(py.frac != 0) {
                                continue;
                            }
                            seen[py.month] = true;
                            parent[py.month] = Some((m, x, y));
                            let b = py.month;
                            let gain = mcost(a, month_ups[a] - 1) - mcost(a, month_ups[a]) + mcost(b, month_ups[b] + 1) - mcost(b, month_ups[b]);
                            if gain < 0 {
                                goal = Some(b);
                                break 'bfs;
                            }
                            queue.push_back(b);
                        }
                    }
                }
                let Some(mut b) = goal else { continue };
                month_ups[b] += 1;
                while let Some((m, x, y)) = parent[b] {
                    pieces[x].value -= 1;
                    pieces[y].value += 1;
                    b = m;
                }
                month_ups[a] -= 1;
                moved = true;
            }
        }
        let mut week = week_lo.clone();
        for p in &pieces {
            let (a, z) = p.cols;
            week[a..z].copy_from_slice(&largest_remainder(&week_lo[a..z], &fracs[a..z], p.value));
        }
        Ok(Targets { week, week_lo, week_hi, month, month_lo, month_hi })
    }

    /// Each column's exact sum of remainders, as numerators over one common denominator: the
    /// least common multiple of the lines' denominators when it fits; otherwise (lines of many
    /// different lengths) over 2^64, each group of lines rounded down, so that the sum is short
    /// of exact by less than the returned bound (the number of groups) per column.
    fn column_sums(&self, ncols: usize) -> (Vec<u128>, u128, u128) {
        let exact = || -> Option<(Vec<u128>, u128)> {
            if !self.exact {
                return None;
            }
            let mut l: u128 = 1;
            for d in &self.dens {
                let d = u128::from(*d);
                l = (l / gcd(l, d)).checked_mul(d)?;
            }
            let mut sums = vec![0u128; ncols];
            for (g, d) in self.dens.iter().enumerate() {
                let m = l / u128::from(*d);
                for (s, x) in sums.iter_mut().zip(&self.group_sums[g * ncols..(g + 1) * ncols]) {
                    *s = s.checked_add(x.checked_mul(m)?)?;
                }
            }
            // Every range of columns must sum without overflow too.
            sums.iter().try_fold(0u128, |a, b| a.checked_add(*b))?;
            Some((sums, l))
        };
        if let Some((sums, l)) = exact() {
            return (sums, l, 0);
        }
        // Whole units and a fraction over 2^64 per group and column; the whole units are kept
        // apart so that nothing overflows: sum = units · 2^64 + fraction.
        let mut sums = vec![0u128; ncols];
        for (g, d) in self.dens.iter().enumerate() {
            let d = u128::from(*d);
            for (s, x) in sums.iter_mut().zip(&self.group_sums[g * ncols..(g + 1) * ncols]) {
                let (whole, rest) = (x / d, x % d);
                // rest < d < 2^64: rest · 2^64 fits, and so does its quotient by d.
                let frac = (rest << 64) / d;
                *s = s.saturating_add(whole << 64).saturating_add(frac);
            }
        }
        (sums, 1 << 64, self.dens.len() as u128)
    }
}

/// |u − target|, plus far more for each unit outside [lo, hi].
pub(super) fn band_cost(u: i64, target: i64, lo: i64, hi: i64) -> i64 {
    (u - target).abs() + OUTSIDE * ((u - hi).max(0) + (lo - u).max(0))
}

/// Largest remainder over parts with the given floors and remainders (over one denominator):
/// the parts sum to `total`, one unit each to the largest remainders, ties to the earlier part.
/// (Totals that the floors cannot reach are met as closely as they allow; only with
/// approximate remainders.)
fn largest_remainder(floors: &[i64], fracs: &[u128], total: i64) -> Vec<i64> {
    let mut out = floors.to_vec();
    let mut left = total - floors.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..floors.len()).collect();
    order.sort_by_key(|i| (std::cmp::Reverse(fracs[*i]), *i));
    let mut k = 0;
    while left > 0 && !order.is_empty() {
        out[order[k % order.len()]] += 1;
        left -= 1;
        k += 1;
    }
    let mut k = order.len();
    while left < 0 && !order.is_empty() {
        k = if k == 0 { order.len() - 1 } else { k - 1 };
        out[order[k]] -= 1;
        left += 1;
    }
    out
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}
