//! The allocator's numeric problem, on its own so that the search (`allocate`) and the exact
//! solves it calls (`funded_set`) both read it without depending on each other: spend per line
//! within bounds, summing to the budget, scored on each line's curve.

use crate::error::{Error, Result};
use crate::response::Curve;

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
                return Err(Error::new("infeasible_bounds", format!("line {}: its min budget {} is over its max budget {}", i + 1, self.lo[i], self.hi[i])));
            }
        }
        let lo: f64 = self.lo.iter().sum();
        let hi: f64 = self.hi.iter().sum();
        if lo > self.budget * (1.0 + 1e-12) {
            return Err(Error::new("infeasible_bounds", format!("the lines' min budgets add up to {lo}, over the {} to allocate", self.budget)));
        }
        if hi < self.budget * (1.0 - 1e-12) {
            return Err(Error::new("infeasible_bounds", format!("the lines' max budgets add up to {hi}, under the {} to allocate", self.budget)));
        }
        Ok(())
    }
}
