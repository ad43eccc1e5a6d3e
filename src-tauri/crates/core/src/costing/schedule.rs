//! The weekly schedule of a traditional buy: spots, faces or insertions by week, as the flowchart
//! and the vendor's insertion order print them.
//!
//! A TV or radio line's spots and a print line's insertions are spread over the weeks in
//! proportion to each week's spend (largest remainder, so the weeks add up to the total
//! exactly); a poster line keeps its faces up every week it is on air. A unit-priced line's
//! money is its units × rate (faces × weeks on air × rate per face per week; insertions × rate
//! per insertion), and a line given a budget instead has the units that budget buys.

use crate::catalogue::medium_unit;
use crate::error::Result;
use crate::flight::on_air_weeks;
use crate::money::{div, mul, round_dp, split_ints};
use crate::plan::{BuyUnit, Line, Medium, Pricing};
use rust_decimal::Decimal;

/// Net media of a unit-priced line booked in units: faces × weeks on air × rate, or insertions ×
/// rate, rounded to the currency's `dp` places. `None` for any other line.
pub fn unit_net(line: &Line, dp: u32) -> Result<Option<Decimal>> {
    let (Some(units), Some(rate)) = (line.booked_units(), line.rate) else { return Ok(None) };
    let units = Decimal::from(units);
    let amount = match line.pricing {
        Pricing::PerFaceWeek => mul(mul(units, Decimal::from(on_air_weeks(line)), "faces × weeks")?, rate.0, "net media")?,
        _ => mul(units, rate.0, "net media")?,
    };
    Ok(Some(round_dp(amount, dp)))
}

/// What a line is counted in and how many: faces (up each week), or spots or insertions over the
/// flight. Spots are the planner's own count; faces and insertions are stated, or what the net
/// buys at the rate (to 2 places when that is not a whole number).
pub fn line_units(line: &Line, medium: Option<Medium>, net: Decimal) -> Result<(Option<BuyUnit>, Option<Decimal>)> {
    let unit = line.pricing.unit().or_else(|| medium.and_then(medium_unit));
    let count = match (unit, line.pricing) {
        (Some(BuyUnit::Faces), Pricing::PerFaceWeek) | (Some(BuyUnit::Insertions), Pricing::PerInsertion) => {
            match (line.booked_units(), line.rate.filter(|r| !r.is_zero())) {
                (Some(n), _) => Some(Decimal::from(n)),
                (None, Some(rate)) => {
                    let per = match line.pricing {
                        Pricing::PerFaceWeek => mul(rate.0, Decimal::from(on_air_weeks(line).max(1)), "faces")?,
                        _ => rate.0,
                    };
                    Some(round_dp(div(net, per, "units")?, 2))
                }
                (None, None) => None,
            }
        }
        (Some(BuyUnit::Spots), _) => line.spots.map(Decimal::from),
        (Some(BuyUnit::Faces), _) => line.faces.map(Decimal::from),
        (Some(BuyUnit::Insertions), _) => line.insertions.map(Decimal::from),
        (None, _) => None,
    };
    Ok((unit, count))
}

/// Units per flight week. `spend` is each week's spend in minor units and `on_air` whether the
/// week is on air. Faces stay up every week on air; spots and insertions split by spend, evenly
/// over the weeks on air when nothing is spent. Empty unless the count is whole.
pub fn weekly_units(unit: BuyUnit, count: Decimal, spend: &[i128], on_air: &[bool]) -> Vec<Option<u32>> {
    let whole = count.fract().is_zero() && count >= Decimal::ZERO;
    let Some(total) = whole.then(|| u32::try_from(count.mantissa() / 10i128.pow(count.scale())).ok()).flatten() else {
        return Vec::new();
    };
    if unit == BuyUnit::Faces {
        return on_air.iter().map(|a| Some(if *a { total } else { 0 })).collect();
    }
    let mut weights: Vec<i128> = spend.iter().map(|u| (*u).max(0)).collect();
    if weights.iter().all(|w| *w == 0) {
        weights = on_air.iter().map(|a| i128::from(*a)).collect();
    }
    let total_w: i128 = weights.iter().sum();
    if total_w == 0 {
        return Vec::new();
    }
    match split_ints(i128::from(total), &weights, total_w) {
        Some(parts) => parts.into_iter().map(|p| u32::try_from(p).ok()).collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spots_follow_spend_and_add_up() {
        // 25 spots over weeks spending 100, 200, 0 (hiatus), 200: 5, 10, 0, 10.
        let w = weekly_units(BuyUnit::Spots, Decimal::from(25), &[100, 200, 0, 200], &[true, true, false, true]);
        assert_eq!(w, vec![Some(5), Some(10), Some(0), Some(10)]);
        // 10 over three equal weeks: 4, 3, 3 (largest remainder, ties to the earlier week).
        let w = weekly_units(BuyUnit::Insertions, Decimal::from(10), &[1, 1, 1], &[true; 3]);
        assert_eq!(w, vec![Some(4), Some(3), Some(3)]);
        let w = weekly_units(BuyUnit::Faces, Decimal::from(20), &[5, 0], &[true, false]);
        assert_eq!(w, vec![Some(20), Some(0)]);
        assert!(weekly_units(BuyUnit::Faces, Decimal::new(205, 1), &[5], &[true]).is_empty());
    }
}
