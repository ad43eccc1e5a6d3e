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
//! 4. a transportation step then moves round-ups between the weeks of a line (`moves.rs`):
//!    one-hop moves from a column over its total to one under it, then augmenting paths
//!    (column → line rounding up there → another week of that line → …) first for any total a
//!    whole unit from exact, then for totals that are not yet their plainly rounded value.
//!
//! The totals themselves are worked out in `targets.rs`: lines that share no week form separate
//! blocks whose totals must each add up on their own.
//!
//! Every cell stays its floor or its ceiling, so no cell is a whole minor unit from exact.
//! Such a rounding always exists (the exact table is a feasible flow, and a network with
//! integer bounds has an integer flow), and the search stops at the best reachable one.

mod moves;
mod targets;

use crate::error::{Error, Result};
use moves::Found;
use targets::{band_cost, Targets};

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

/// What the rounding decided beyond each line's own systematic rounding: cells to move by one
/// minor unit (`delta` is +1 or −1), by line (row) and week of its flight (`week`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Flip {
    pub row: usize,
    pub week: usize,
    pub delta: i128,
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
        let mut month_ups: Vec<i64> = self.months.iter().map(|(a, b)| self.col_ups[*a..*b].iter().sum()).collect();
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
            d += Self::month_cost(t, ma, xa - 1) - Self::month_cost(t, ma, xa) + Self::month_cost(t, mb, xb + 1) - Self::month_cost(t, mb, xb);
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
}
