//! The flowchart's weekly cells, rounded so that every row and every column adds up.
//!
//! Clients read the flowchart as the plan and check it with a calculator: each line's weeks must
//! sum to its net media, each week's column to that week's total, and each total must be its
//! exact value rounded ("a week of a 3-week $8M flight is $2,666,666.67", not the sum of lines
//! each rounded first). Rounding each line on its own cannot promise the columns, so the cells
//! are rounded together (controlled rounding):
//!
//! 1. every cell starts at its exact amount rounded down, in whole minor units, and remembers
//!    its remainder exactly (an integer over its line's denominator);
//! 2. the month totals are the exact monthly sums rounded by the largest remainder method so
//!    that they add up to the net media, and the week totals are the exact weekly sums rounded
//!    the same way inside each month: each total is its plainly rounded exact value wherever
//!    those add up, and never a whole minor unit away from it;
//! 3. each line rounds up as many of its weeks as its net needs, by systematic rounding along
//!    the line (so every run of weeks, each month among them, stays within a unit of exact),
//!    starting from offsets spread so that the columns land near their totals;
//! 4. a transportation step then moves round-ups between the weeks of a line, along augmenting
//!    paths, until every column meets its total, preferring to round up larger remainders.
//!
//! Every cell stays its floor or its ceiling, so no cell is a whole minor unit from exact.
//! Such a rounding always exists (the exact table is a feasible flow, and a network with
//! integer bounds has an integer flow), and the search stops at the best reachable one.

use crate::error::{Error, Result};
use std::collections::VecDeque;

/// A cost far above any deviation from a target: a total outside its bounds.
const OUTSIDE: i64 = 1 << 20;



/// One line of the flowchart: where its weeks sit in the grid and in the cell arrays.
#[derive(Debug, Clone, Copy)]
struct Row {
    /// The grid column of its first week.
    off: usize,
    /// Its first cell in `rems` and `up`.
    base: usize,
    len: usize,
    /// The denominator of its remainders, and how many of its weeks round up.
    den: u64,
    ups: u64,
}

/// The cells of a flowchart being rounded.
#[derive(Debug)]
pub(crate) struct Flowchart {
    /// The month band of each week column, and each band's columns.
    col_month: Vec<usize>,
    months: Vec<(usize, usize)>,
    rows: Vec<Row>,
    rems: Vec<u64>,
    up: Vec<bool>,
    /// Round-ups per column and per month, as they stand.
    col_ups: Vec<i64>,
    /// The distinct denominators, and each one's remainders summed per column.
    dens: Vec<u64>,
    group_sums: Vec<u128>,
    group_of: std::collections::HashMap<u64, usize>,
    /// False when a line's weights were too fine for exact remainders (see `flight::week_parts`).
    exact: bool,
    /// Cells moved by [`Flowchart::settle`], with their state before it.
    touched: Vec<(usize, bool)>,
    /// While settling: each row's first month, where its months start in `month_stats`, and
    /// how many; and per row and month the floor and ceiling of its exact round-ups and its count.
    row_months: Vec<Option<(usize, usize, usize)>>,
    month_stats: Vec<(u64, u64, u64)>,
}

/// How a search ended.
enum Found {
    Moved,
    /// No improving move: the columns the search reached.
    Reached(Vec<usize>),
}

/// What the rounding decided beyond each line's own systematic rounding: cells to move by one
/// minor unit (`delta` is +1 or −1), by line (row) and week of its flight (`week`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Flip {
    pub row: usize,
    pub week: usize,
    pub delta: i128,
}

/// Targets and bounds for the round-ups of the columns and of the months.
struct Targets {
    week: Vec<i64>,
    week_lo: Vec<i64>,
    week_hi: Vec<i64>,
    month: Vec<i64>,
    month_lo: Vec<i64>,
    month_hi: Vec<i64>,
}

impl Flowchart {
    /// An empty flowchart over `ncols` weeks, banded into months: `months` gives each band's
    /// first column and width, in order, covering every column.
    pub fn new(ncols: usize, months: impl Iterator<Item = (usize, usize)>) -> Flowchart {
        let months: Vec<(usize, usize)> = months.map(|(first, n)| (first, first + n)).collect();
        let mut col_month = vec![0; ncols];
        for (m, (a, b)) in months.iter().enumerate() {
            for c in col_month.iter_mut().take(*b).skip(*a) {
                *c = m;
            }
        }
        Flowchart {
            col_month,
            months,
            rows: Vec::new(),
            rems: Vec::new(),
            up: Vec::new(),
            col_ups: vec![0; ncols],
            dens: Vec::new(),
            group_sums: Vec::new(),
            group_of: std::collections::HashMap::new(),
            exact: true,
            touched: Vec::new(),
            row_months: Vec::new(),
            month_stats: Vec::new(),
        }
    }

    /// Add the next line: its weeks start at grid column `off`, with the remainders, the
    /// denominator and the number of weeks to round up from `flight::week_parts`. Returns which
    /// of its weeks round up for now (systematic rounding along the line).
    pub fn add_row(&mut self, off: usize, rems: &[u64], den: u64, ups: u64, exact: bool) -> &[bool] {
        let ncols = self.col_ups.len();
        let (base, len) = (self.rems.len(), rems.len().min(ncols.saturating_sub(off)));
        let rems = &rems[..len];
        let index = self.rows.len() as u64;
        self.rows.push(Row { off, base, len, den: den.max(1), ups });
        self.exact &= exact;
        self.rems.extend_from_slice(rems);
        // Most plans have a few denominators: look there first, then in the index.
        let group = match self.dens.iter().take(8).position(|d| *d == den).or_else(|| self.group_of.get(&den).copied()) {
            Some(g) => g,
            None => {
                self.dens.push(den);
                self.group_sums.resize(self.dens.len() * ncols, 0);
                self.group_of.insert(den, self.dens.len() - 1);
                self.dens.len() - 1
            }
        };
        // Systematic rounding from an offset in [0, den): a week rounds up when the running sum
        // of remainders passes a multiple of den. Offsets follow the golden ratio from line to
        // line, so lines alike round up different weeks and the columns come out even.
        let den = den.max(1);
        let theta = ((u128::from(index.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) * u128::from(den)) >> 32) as u64;
        self.up.resize(base + len, false);
        let cells = &mut self.up[base..base + len];
        let sums = &mut self.group_sums[group * ncols + off..group * ncols + off + len];
        let cols = &mut self.col_ups[off..off + len];
        let mut count = 0u64;
        // The running sum stays below 2·den.
        let mut acc = u128::from(theta);
        let wide = u128::from(den);
        for (((r, s), u), c) in rems.iter().zip(sums.iter_mut()).zip(cells.iter_mut()).zip(cols.iter_mut()) {
            *s += u128::from(*r);
            acc += u128::from(*r);
            let up = acc >= wide;
            if up {
                acc -= wide;
            }
            *u = up;
            *c += i64::from(up);
            count += u64::from(up);
        }
        if count != ups {
            // Only with approximate remainders: round up the largest ones instead.
            for (u, c) in cells.iter_mut().zip(cols.iter_mut()) {
                *c -= i64::from(*u);
                *u = false;
            }
            let mut order: Vec<usize> = (0..len).filter(|k| rems[*k] > 0).collect();
            order.sort_by_key(|k| (std::cmp::Reverse(rems[*k]), *k));
            for k in order.into_iter().take(ups as usize) {
                cells[k] = true;
                cols[k] += 1;
            }
        }
        &self.up[base..base + len]
    }

    /// Round the columns: returns the cells that move from the lines' own rounding so that every
    /// column meets its total. `total_ups` is the sum of every line's weeks to round up.
    pub fn settle(&mut self, total_ups: u64) -> Result<Vec<Flip>> {
        let targets = self.targets(i64::try_from(total_ups).map_err(|_| Error::overflow("the flowchart"))?)?;
        if self.col_ups == targets.week {
            return Ok(Vec::new());
        }
        let mut month_ups: Vec<i64> =
            self.months.iter().map(|(a, b)| self.col_ups[*a..*b].iter().sum()).collect();
        self.direct_moves(&targets, &mut month_ups);
        if self.col_ups != targets.week {
            let by_col = self.rows_by_column();
            // Every total within a unit of exact is the promise: fix any that is not first.
            self.fix_bounds(&targets, &mut month_ups, &by_col);
            // Then round more totals plainly, searching from the columns over their target.
            self.soften(&targets, &mut month_ups, &by_col);
            // A rounding within bounds always exists; if the searches above missed it, search
            // from every column until nothing improves.
            if self.outside_bounds(&targets, &month_ups) {
                let mut improved = true;
                while improved {
                    improved = false;
                    for a in 0..self.col_ups.len() {
                        while matches!(self.search(&targets, &mut month_ups, &by_col, a, false), Found::Moved) {
                            improved = true;
                        }
                    }
                }
            }
        }
        // Each moved cell once, by its state before and after.
        let mut touched = std::mem::take(&mut self.touched);
        touched.sort_by_key(|(i, _)| *i);
        touched.dedup_by_key(|(i, _)| *i);
        let mut flips = Vec::new();
        for (i, was) in touched {
            if self.up[i] == was {
                continue;
            }
            let r = self.rows.partition_point(|row| row.base <= i) - 1;
            let row = &self.rows[r];
            flips.push(Flip { row: r, week: i - row.base, delta: if self.up[i] { 1 } else { -1 } });
        }
        Ok(flips)
    }

    /// Round-ups each column and month should get. Lines that share weeks form blocks (a
    /// line's round-ups can only move between its own weeks), so each block's month pieces are
    /// its exact sums rounded by largest remainder to add up to the block's round-ups; pieces
    /// then trade units inside their block until each month is as close as it can be to its
    /// exact sum rounded (largest remainder over the months, adding up to `total`); and the
    /// weeks of each piece are its exact weekly sums rounded the same way.
    fn targets(&self, total: i64) -> Result<Targets> {
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

    fn cost(&self, t: &Targets, j: usize, u: i64) -> i64 {
        band_cost(u, t.week[j], t.week_lo[j], t.week_hi[j])
    }

    fn month_cost(t: &Targets, m: usize, u: i64) -> i64 {
        band_cost(u, t.month[m], t.month_lo[m], t.month_hi[m])
    }

    /// How much moving one round-up from column `a` to column `b` changes the cost (below
    /// zero: better).
    fn gain(&self, t: &Targets, month_ups: &[i64], a: usize, b: usize) -> i64 {
        let (ua, ub) = (self.col_ups[a], self.col_ups[b]);
        let mut d = self.cost(t, a, ua - 1) - self.cost(t, a, ua) + self.cost(t, b, ub + 1) - self.cost(t, b, ub);
        let (ma, mb) = (self.col_month[a], self.col_month[b]);
        if ma != mb {
            let (xa, xb) = (month_ups[ma], month_ups[mb]);
            d += Self::month_cost(t, ma, xa - 1) - Self::month_cost(t, ma, xa) + Self::month_cost(t, mb, xb + 1)
                - Self::month_cost(t, mb, xb);
        }
        d
    }

    /// The cell of row `r` in column `c`, if the row has one there.
    fn cell(&self, r: usize, c: usize) -> Option<usize> {
        let row = &self.rows[r];
        (c >= row.off && c < row.off + row.len).then(|| row.base + c - row.off)
    }

    /// Whether row `r` may move a round-up from column `from` to column `to` and keep each of
    /// its months within a unit of exact (always, inside one month).
    fn row_allows(&mut self, r: usize, from: usize, to: usize) -> bool {
        let (mf, mt) = (self.col_month[from], self.col_month[to]);
        if mf == mt {
            return true;
        }
        let (lo_f, _, n_f) = self.row_month(r, mf);
        let (_, hi_t, n_t) = self.row_month(r, mt);
        n_f > lo_f && n_t < hi_t
    }

    /// Row `r`'s month `m`: the floor and ceiling of its exact round-ups there, and its count.
    fn row_month(&mut self, r: usize, m: usize) -> (u64, u64, u64) {
        let (first, start, count) = self.row_months(r);
        match m.checked_sub(first).filter(|k| *k < count) {
            Some(k) => self.month_stats[start + k],
            None => (0, 0, 0),
        }
    }

    /// Row `r`'s first month, where its months start in `month_stats`, and how many: worked
    /// out the first time a move asks (most moves stay inside one month), then kept by
    /// [`Self::shift`].
    fn row_months(&mut self, r: usize) -> (usize, usize, usize) {
        if self.row_months.len() != self.rows.len() {
            self.row_months = vec![None; self.rows.len()];
            self.month_stats.clear();
        }
        if let Some(known) = self.row_months[r] {
            return known;
        }
        let row = self.rows[r];
        if row.len == 0 {
            self.row_months[r] = Some((0, 0, 0));
            return (0, 0, 0);
        }
        let (first, last) = (self.col_month[row.off], self.col_month[row.off + row.len - 1]);
        let found = (first, self.month_stats.len(), last - first + 1);
        let den = u128::from(row.den);
        for m in first..=last {
            let (a, b) = self.months[m];
            let (a, b) = (a.max(row.off), b.min(row.off + row.len));
            let (mut sum, mut count) = (0u128, 0u64);
            for c in a..b {
                let i = row.base + c - row.off;
                sum += u128::from(self.rems[i]);
                count += u64::from(self.up[i]);
            }
            let lo = (sum / den) as u64;
            self.month_stats.push((lo, lo + u64::from(sum % den != 0), count));
        }
        self.row_months[r] = Some(found);
        found
    }

    /// Move a round-up from cell `i` (column `from`) to cell `j` (column `to`) of one row.
    fn shift(&mut self, month_ups: &mut [i64], r: usize, i: usize, from: usize, j: usize, to: usize) {
        // The first record of a cell holds its state before the search (sort is stable).
        self.touched.push((i, self.up[i]));
        self.touched.push((j, self.up[j]));
        let (first, start, count) = self.row_months.get(r).copied().flatten().unwrap_or((0, 0, 0));
        for (col, step) in [(from, -1i64), (to, 1)] {
            if let Some(k) = self.col_month[col].checked_sub(first).filter(|k| *k < count) {
                let n = &mut self.month_stats[start + k].2;
                *n = n.saturating_add_signed(step);
            }
        }
        self.up[i] = false;
        self.up[j] = true;
        self.col_ups[from] -= 1;
        self.col_ups[to] += 1;
        month_ups[self.col_month[from]] -= 1;
        month_ups[self.col_month[to]] += 1;
    }

    /// One-hop moves: for each column over its target, lines that round up there and can
    /// round up instead in a column under its target (a week in the same month first, then the
    /// larger remainder). Moves only from a surplus to a shortfall, so none makes another.
    fn direct_moves(&mut self, t: &Targets, month_ups: &mut [i64]) {
        let (ncols, nrows) = (self.col_ups.len(), self.rows.len());
        for a in 0..ncols {
            if self.col_ups[a] <= t.week[a] {
                continue;
            }
            // Start where the previous column's search left off, so moves spread over lines.
            let start = (a * 7919) % nrows.max(1);
            for step in 0..nrows {
                if self.col_ups[a] <= t.week[a] {
                    break;
                }
                let r = (start + step) % nrows;
                let Some(i) = self.cell(r, a).filter(|i| self.up[*i]) else { continue };
                let row = self.rows[r];
                let mut best: Option<((bool, std::cmp::Reverse<u64>), usize, usize)> = None;
                for k in 0..row.len {
                    let (j, b) = (row.base + k, row.off + k);
                    if self.up[j] || self.rems[j] == 0 || self.col_ups[b] >= t.week[b] {
                        continue;
                    }
                    if self.gain(t, month_ups, a, b) >= 0 || !self.row_allows(r, a, b) {
                        continue;
                    }
                    let key = (self.col_month[b] != self.col_month[a], std::cmp::Reverse(self.rems[j]));
                    if best.as_ref().map_or(true, |(k0, _, _)| key < *k0) {
                        best = Some((key, j, b));
                    }
                }
                if let Some((_, j, b)) = best {
                    self.shift(month_ups, r, i, a, j, b);
                }
            }
        }
    }

    /// Full searches for totals a whole unit or more from exact: from a column over its upper
    /// bound, to a column under its lower bound (searching backwards), and likewise for months.
    fn fix_bounds(&mut self, t: &Targets, month_ups: &mut [i64], by_col: &[Vec<usize>]) {
        let ncols = self.col_ups.len();
        loop {
            let mut moved = false;
            for j in 0..ncols {
                while self.col_ups[j] > t.week_hi[j] && matches!(self.search(t, month_ups, by_col, j, false), Found::Moved) {
                    moved = true;
                }
                while self.col_ups[j] < t.week_lo[j] && matches!(self.search(t, month_ups, by_col, j, true), Found::Moved) {
                    moved = true;
                }
            }
            for (m, (a, b)) in self.months.clone().into_iter().enumerate() {
                for j in a..b {
                    while month_ups[m] > t.month_hi[m] && matches!(self.search(t, month_ups, by_col, j, false), Found::Moved) {
                        moved = true;
                    }
                    while month_ups[m] < t.month_lo[m] && matches!(self.search(t, month_ups, by_col, j, true), Found::Moved) {
                        moved = true;
                    }
                }
            }
            if !moved || !self.outside_bounds(t, month_ups) {
                return;
            }
        }
    }

    /// Searches from each column over its target for a move that brings totals closer to their
    /// plainly rounded values. A search that finds none has visited a region where none of the
    /// columns it reached can do better for now, so they are not tried again this round.
    fn soften(&mut self, t: &Targets, month_ups: &mut [i64], by_col: &[Vec<usize>]) {
        let ncols = self.col_ups.len();
        for _round in 0..3 {
            let mut dead = vec![false; ncols];
            let mut improved = false;
            for a in 0..ncols {
                while !dead[a] && self.col_ups[a] > t.week[a] {
                    match self.search(t, month_ups, by_col, a, false) {
                        Found::Moved => improved = true,
                        Found::Reached(cols) => {
                            cols.into_iter().for_each(|c| dead[c] = true);
                        }
                    }
                }
            }
            if !improved {
                return;
            }
        }
    }

    /// The lines with a fractional week in each column.
    fn rows_by_column(&self) -> Vec<Vec<usize>> {
        let mut by_col: Vec<Vec<usize>> = vec![Vec::new(); self.col_ups.len()];
        for (r, row) in self.rows.iter().enumerate() {
            for k in 0..row.len {
                if self.rems[row.base + k] > 0 {
                    by_col[row.off + k].push(r);
                }
            }
        }
        by_col
    }

    /// Whether a column or a month is a whole unit or more from its exact sum.
    fn outside_bounds(&self, t: &Targets, month_ups: &[i64]) -> bool {
        let out = |u: i64, lo: i64, hi: i64| u < lo || u > hi;
        self.col_ups.iter().enumerate().any(|(j, u)| out(*u, t.week_lo[j], t.week_hi[j]))
            || month_ups.iter().enumerate().any(|(m, u)| out(*u, t.month_lo[m], t.month_hi[m]))
    }

    /// One breadth-first search for an improving move, applied if found. Forward: from column
    /// `at` (losing a round-up) along column → line rounding up there → another fractional week
    /// of that line → …, to any column where the move lowers the cost. Backward: to column `at`
    /// (gaining a round-up), from any column where the move lowers the cost.
    fn search(&mut self, t: &Targets, month_ups: &mut [i64], by_col: &[Vec<usize>], at: usize, backward: bool) -> Found {
        let ncols = self.col_ups.len();
        // For each column reached: the column and line of the hop that joins it to the search.
        let mut parent: Vec<Option<(usize, usize)>> = vec![None; ncols];
        let mut seen = vec![false; ncols];
        seen[at] = true;
        let mut reached = vec![at];
        let mut queue = VecDeque::from([at]);
        let mut goal = None;
        'search: while let Some(c) = queue.pop_front() {
            for &r in &by_col[c] {
                let Some(i) = self.cell(r, c) else { continue };
                // Forward, the line gives up its round-up at c; backward, it takes one at c.
                if self.up[i] == backward {
                    continue;
                }
                let row = self.rows[r];
                for k in 0..row.len {
                    let (j, d) = (row.base + k, row.off + k);
                    let open = if backward { self.up[j] } else { !self.up[j] && self.rems[j] > 0 };
                    let allowed = if backward { self.row_allows(r, d, c) } else { self.row_allows(r, c, d) };
                    if seen[d] || !open || !allowed {
                        continue;
                    }
                    seen[d] = true;
                    reached.push(d);
                    parent[d] = Some((c, r));
                    let gain = if backward { self.gain(t, month_ups, d, at) } else { self.gain(t, month_ups, at, d) };
                    if gain < 0 {
                        goal = Some(d);
                        break 'search;
                    }
                    queue.push_back(d);
                }
            }
        }
        let Some(end) = goal else { return Found::Reached(reached) };
        // The hops (from, line, to) in the order the round-up moves.
        let mut hops = Vec::new();
        let mut d = end;
        while let Some((c, r)) = parent[d] {
            hops.push(if backward { (d, r, c) } else { (c, r, d) });
            d = c;
        }
        if !backward {
            hops.reverse();
        }
        // Apply them; undo all if a line used twice takes one of its months out of bounds.
        let mut applied = Vec::with_capacity(hops.len());
        for (c, r, d) in &hops {
            if let (Some(i), Some(j)) = (self.cell(*r, *c), self.cell(*r, *d)) {
                self.shift(month_ups, *r, i, *c, j, *d);
                applied.push((*r, i, *c, j, *d));
            }
        }
        let rows_ok = hops.iter().all(|(c, r, d)| {
            [self.col_month[*c], self.col_month[*d]].into_iter().all(|m| {
                let (lo, hi, n) = self.row_month(*r, m);
                n >= lo && n <= hi
            })
        });
        if rows_ok {
            return Found::Moved;
        }
        for (r, i, c, j, d) in applied.into_iter().rev() {
            self.shift(month_ups, r, j, d, i, c);
        }
        Found::Reached(reached)
    }
}

/// |u − target|, plus far more for each unit outside [lo, hi].
fn band_cost(u: i64, target: i64, lo: i64, hi: i64) -> i64 {
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
