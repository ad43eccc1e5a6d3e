//! Figures an imported plan does not state but its other figures pin down: a line's rate from
//! its cost and the delivery it states, and a plan-wide rate (a fee percentage, the universe)
//! from rounded per-line amounts.
//!
//! Both look for the simplest decimal (fewest places) that reproduces every stated figure after
//! Flightplan's own rounding (half away from zero), so a plan whose CSV says "commission 1,764.71
//! on 10,000.00 net" comes back as 15% of gross, not 14.99998%.

use flightplan_core::money::round_dp;
use flightplan_core::plan::Pricing;
use rust_decimal::Decimal;

/// Units of delivery a pricing model's rate buys: per thousand impressions for CPM, else per one.
pub fn per_unit(p: Pricing) -> Decimal {
    if p == Pricing::Cpm {
        Decimal::ONE_THOUSAND
    } else {
        Decimal::ONE
    }
}

/// The shortest rate (2 to 12 decimal places) at which `cost` buys `count` units, rounded as
/// costing rounds counts: `round(cost / rate × per) == round(count)`. `None` when either is 0.
pub fn rate_for(cost: Decimal, count: Decimal, per: Decimal) -> Option<Decimal> {
    if cost <= Decimal::ZERO || count <= Decimal::ZERO {
        return None;
    }
    let want = round_dp(count, 0);
    let exact = cost.checked_mul(per)?.checked_div(count)?;
    for dp in 2..=12u32 {
        let r = round_dp(exact, dp);
        if r.is_zero() {
            continue;
        }
        let got = cost.checked_div(r).and_then(|q| q.checked_mul(per)).map(|x| round_dp(x, 0));
        if got == Some(want) {
            return Some(r.normalize());
        }
    }
    Some(exact.normalize())
}

/// The simplest decimal in `[lo, hi)` (fewest decimal places, then smallest), up to 10 places.
pub fn simplest_in(lo: Decimal, hi: Decimal) -> Option<Decimal> {
    if hi <= lo {
        return None;
    }
    for dp in 0..=10u32 {
        let scale = Decimal::from(10u64.pow(dp));
        let c = lo.checked_mul(scale)?.ceil().checked_div(scale)?;
        if c >= lo && c < hi {
            return Some(c.normalize());
        }
    }
    None
}

/// Narrow `[lo, hi)` to its overlap with another interval.
pub fn intersect(a: (Decimal, Decimal), b: (Decimal, Decimal)) -> (Decimal, Decimal) {
    (a.0.max(b.0), a.1.min(b.1))
}

/// Half a minor unit: an amount rounded to `dp` places was within this of its exact value.
pub fn half_unit(dp: u32) -> Decimal {
    Decimal::new(5, dp + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn the_shortest_rate_that_gives_the_stated_delivery() {
        // 320,000 for 12,000,000 impressions: 26.67 gives 11,998,500; 26.666667 gives 12,000,000.
        assert_eq!(rate_for(d("320000"), d("12000000"), Decimal::ONE_THOUSAND), Some(d("26.666667")));
        assert_eq!(rate_for(d("12000"), d("1411765"), Decimal::ONE_THOUSAND), Some(d("8.5")));
        assert_eq!(rate_for(d("5000"), d("4000"), Decimal::ONE), Some(d("1.25")));
        assert_eq!(rate_for(d("0"), d("4000"), Decimal::ONE), None);
    }

    #[test]
    fn the_simplest_number_in_an_interval() {
        assert_eq!(simplest_in(d("14.9999"), d("15.0003")), Some(d("15")));
        assert_eq!(simplest_in(d("17.6465"), d("17.6472")), Some(d("17.647")));
        assert_eq!(simplest_in(d("0.1"), d("0.1")), None);
        assert_eq!(half_unit(2), d("0.005"));
    }
}
