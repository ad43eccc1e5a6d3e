//! The transportation step of the flowchart's rounding: moving round-ups between a line's
//! weeks until the columns meet their totals (see `mod.rs`).

use super::targets::Targets;
use super::Flowchart;
use std::collections::VecDeque;

/// How a search ended.
pub(super) enum Found {
    Moved,
    /// No improving move: the columns the search reached.
    Reached(Vec<usize>),
}

impl Flowchart {
    /// One-hop moves: for each column over its target, lines that round up there and can
    /// round up instead in a column under its target (a week in the same month first, then the
    /// larger remainder). Moves only from a surplus to a shortfall, so none makes another.
    pub(super) fn direct_moves(&mut self, t: &Targets, month_ups: &mut [i64]) {
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
                    if best.as_ref().is_none_or(|(k0, _, _)| key < *k0) {
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
    pub(super) fn fix_bounds(&mut self, t: &Targets, month_ups: &mut [i64], by_col: &[Vec<usize>]) {
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
    pub(super) fn soften(&mut self, t: &Targets, month_ups: &mut [i64], by_col: &[Vec<usize>]) {
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
    pub(super) fn rows_by_column(&self) -> Vec<Vec<usize>> {
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
    pub(super) fn outside_bounds(&self, t: &Targets, month_ups: &[i64]) -> bool {
        let out = |u: i64, lo: i64, hi: i64| u < lo || u > hi;
        self.col_ups.iter().enumerate().any(|(j, u)| out(*u, t.week_lo[j], t.week_hi[j]))
            || month_ups.iter().enumerate().any(|(m, u)| out(*u, t.month_lo[m], t.month_hi[m]))
    }

    /// One breadth-first search for an improving move, applied if found. Forward: from column
    /// `at` (losing a round-up) along column → line rounding up there → another fractional week
    /// of that line → …, to any column where the move lowers the cost. Backward: to column `at`
    /// (gaining a round-up), from any column where the move lowers the cost.
    pub(super) fn search(&mut self, t: &Targets, month_ups: &mut [i64], by_col: &[Vec<usize>], at: usize, backward: bool) -> Found {
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
