//! A line's flight weights as the planner edits them, week by week, in the flowchart.
//!
//! A planner shapes a flight by weeks: a hiatus week (0), a heavy launch week (2). Editing one
//! week starts from the weights the line has now — its explicit weights, else its pattern's
//! (flighting and pulsing become their weekly weights, so nothing else moves) — and stores the
//! result as the line's `weights`, checked here: one weight per flight week, none negative, not
//! all zero. Clearing them puts the line back on even weeks.

use crate::dec;
use crate::error::{Error, Result};
use crate::flight::week_weights;
use crate::plan::Plan;
use crate::Dec;
use rust_decimal::Decimal;

/// `plan` with week `week` (0 = the flight's first Monday-to-Sunday week) of line `line` (an
/// index into the plan's lines) weighted `weight` (a decimal as typed: "0" is a hiatus week).
pub fn set_week_weight(plan: &Plan, line: usize, week: usize, weight: &str) -> Result<Plan> {
    let mut next = plan.clone();
    let l = next.lines.get_mut(line).ok_or_else(|| Error::new("unknown_line", format!("the plan has no line {}", line.saturating_add(1))))?;
    let path = format!("lines[{line}].weights[{week}]");
    let w = dec::parse(weight.trim()).map_err(|m| Error::at("invalid_field", path.clone(), m).on_line(&l.id))?;
    if w < Decimal::ZERO {
        return Err(Error::at("negative_value", path, format!("{w} is negative: a week's weight is 0 (a hiatus) or more")).on_line(&l.id));
    }
    let mut weights = week_weights(l);
    let n = weights.len();
    let Some(slot) = weights.get_mut(week) else {
        return Err(Error::at("out_of_range", path, format!("the flight has {n} weeks")).on_line(&l.id));
    };
    *slot = w.normalize();
    if weights.iter().all(|x| x.is_zero()) {
        return Err(
            Error::at("invalid_field", format!("lines[{line}].weights"), "every week would be a hiatus: at least one weight must be above zero").on_line(&l.id)
        );
    }
    l.weights = Some(weights.into_iter().map(|x| Dec(x.normalize())).collect());
    l.pattern = None;
    Ok(next)
}

/// `plan` with line `line`'s explicit weights cleared: its weeks even again.
pub fn reset_weights(plan: &Plan, line: usize) -> Result<Plan> {
    let mut next = plan.clone();
    let l = next.lines.get_mut(line).ok_or_else(|| Error::new("unknown_line", format!("the plan has no line {}", line.saturating_add(1))))?;
    l.weights = None;
    Ok(next)
}
