//! Exact money: currencies, rounding at the end, and splits that add up.
//!
//! Planners hand these numbers to clients and finance, so they must match an invoice to the
//! minor unit. Everything is `Decimal`; rounding is half away from zero, done once on outputs;
//! a total split into parts uses the largest remainder method so the parts sum exactly, with ties
//! broken by order.

use crate::error::{Error, Result};
use crate::plan::NumberStyle;
use rust_decimal::{Decimal, RoundingStrategy};

/// An ISO 4217 currency with the facts money formatting and rounding need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency(iso_currency::Currency);

impl Currency {
    /// Look up an ISO 4217 code such as `USD`. Codes are upper-case, three letters.
    pub fn from_code(code: &str) -> Option<Currency> {
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        iso_currency::Currency::from_code(code).map(Currency)
    }

    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    /// Minor units: 2 for USD and EUR, 0 for JPY, 3 for KWD. Funds without one use 2.
    pub fn minor_units(&self) -> u32 {
        self.0.exponent().map(u32::from).unwrap_or(2)
    }

    pub fn symbol(&self) -> String {
        self.0.symbol().symbol
    }

    /// Round an amount to this currency's minor unit, half away from zero.
    pub fn round(&self, amount: Decimal) -> Decimal {
        round_dp(amount, self.minor_units())
    }
}

/// Round half away from zero to `dp` places, keeping exactly `dp` places in the output.
pub fn round_dp(value: Decimal, dp: u32) -> Decimal {
    let mut r = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(dp);
    r
}

/// Checked arithmetic: a result that does not fit in a decimal is an `overflow` error naming
/// what was being computed, never a panic.
pub fn mul(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(|| Error::overflow(what))
}

pub fn div(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    if b.is_zero() {
        return Err(Error::new("division_by_zero", format!("{what} divides by zero")));
    }
    a.checked_div(b).ok_or_else(|| Error::overflow(what))
}

pub fn add(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(|| Error::overflow(what))
}

pub fn sub(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    a.checked_sub(b).ok_or_else(|| Error::overflow(what))
}

/// Sum with overflow reported.
pub fn sum<I: IntoIterator<Item = Decimal>>(items: I, what: &str) -> Result<Decimal> {
    items.into_iter().try_fold(Decimal::ZERO, |acc, x| add(acc, x, what))
}

/// Split `total` (already at `dp` places) into parts proportional to `weights`, using the
/// largest remainder method. The parts are at `dp` places and sum exactly to `total`; ties go to
/// the earlier part. Weights must be non-negative; if they are all zero, every part is zero
/// except that a non-zero total goes to the parts evenly (so money is never lost).
pub fn split_largest_remainder(total: Decimal, weights: &[Decimal], dp: u32) -> Result<Vec<Decimal>> {
    let n = weights.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    let total = round_dp(total, dp);
    let units = to_units(total, dp)?;
    let weights: Vec<Decimal> = if weights.iter().all(|w| w.is_zero()) {
        vec![Decimal::ONE; n]
    } else {
        weights.to_vec()
    };
    let parts = split_units(units, &weights)?;
    Ok(parts.into_iter().map(|u| Decimal::from_i128_with_scale(u, dp)).collect())
}

/// Split integer minor units in proportion to decimal weights, exactly.
fn split_units(units: i128, weights: &[Decimal]) -> Result<Vec<i128>> {
    // Scale every weight to an integer on a common scale, then q_i = units * w_i / W exactly as
    // an integer quotient and remainder. If the products would not fit in i128, coarsen the
    // common scale (the parts still sum exactly; only the proportions lose far-out digits).
    let mut scale = weights.iter().map(|w| w.scale()).max().unwrap_or(0);
    loop {
        if let Some(parts) = try_split_units(units, weights, scale) {
            return Ok(parts);
        }
        if scale == 0 {
            return Err(Error::overflow("a split of this total"));
        }
        scale -= 1;
    }
}

fn try_split_units(units: i128, weights: &[Decimal], scale: u32) -> Option<Vec<i128>> {
    let mut ints: Vec<i128> = Vec::with_capacity(weights.len());
    for w in weights {
        // Exact when the weight has no more places than `scale` (the usual case); rounded
        // only when the scale had to be coarsened to fit.
        let m = if w.scale() <= scale {
            w.mantissa().checked_mul(10i128.checked_pow(scale - w.scale())?)?
        } else {
            let mut r = round_dp(*w, scale);
            r.rescale(scale);
            r.mantissa()
        };
        ints.push(m);
    }
    let total_w = ints.iter().try_fold(0i128, |a, b| a.checked_add(*b))?;
    if total_w == 0 {
        return None;
    }
    let sign = units.signum();
    let parts = split_ints(units.abs(), &ints, total_w)?;
    Some(parts.into_iter().map(|f| f * sign).collect())
}

/// Largest remainder over integer weights: floors of the exact quotas, then one unit each to
/// the largest remainders, ties to the earlier part. Uses i64 when the products fit (the usual
/// case, and much faster than i128 division).
pub fn split_ints(units: i128, weights: &[i128], total_w: i128) -> Option<Vec<i128>> {
    let n = weights.len();
    let mut floors = Vec::with_capacity(n);
    let mut rems: Vec<i128> = Vec::with_capacity(n);
    let max_w = weights.iter().copied().max().unwrap_or(0);
    let fits_i64 = units.checked_mul(max_w).is_some_and(|p| p <= i64::MAX as i128) && total_w <= i64::MAX as i128;
    if fits_i64 {
        let (u, t) = (units as i64, total_w as i64);
        for w in weights {
            let p = u * (*w as i64);
            floors.push((p / t) as i128);
            rems.push((p % t) as i128);
        }
    } else {
        for w in weights {
            let p = units.checked_mul(*w)?;
            floors.push(p / total_w);
            rems.push(p % total_w);
        }
    }
    let assigned: i128 = floors.iter().sum();
    let leftover = (units - assigned).max(0) as usize;
    if leftover > 0 {
        // Largest remainders first; equal remainders go to the earlier part. A total order
        // (remainder descending, index ascending) lets an O(n) selection stand in for a sort.
        let mut order: Vec<usize> = (0..n).collect();
        let key = |i: &usize| (std::cmp::Reverse(rems[*i]), *i);
        if leftover < n {
            order.select_nth_unstable_by_key(leftover - 1, key);
        }
        for idx in order.into_iter().take(leftover) {
            floors[idx] += 1;
        }
    }
    Some(floors)
}

/// A number with thousands grouping in the plan's number style, e.g. `1,234.56` or `1.234,56`.
/// Rounded half away from zero to `dp` places first; negatives get a leading minus.
pub fn format_number(value: Decimal, dp: u32, style: NumberStyle) -> String {
    let v = round_dp(value, dp);
    let (group, point) = match style {
        NumberStyle::CommaDot => (",", "."),
        NumberStyle::DotComma => (".", ","),
        NumberStyle::SpaceComma => ("\u{202f}", ","),
    };
    let text = v.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(ch);
    }
    let sign = if v.is_sign_negative() && !v.is_zero() { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}{point}{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Money in the currency's symbol and minor units: `$1,234.56`, `€1.234,56`, `¥1,235`.
pub fn format_money(amount: Decimal, currency: Currency, style: NumberStyle) -> String {
    let n = format_number(amount, currency.minor_units(), style);
    let symbol = currency.symbol();
    let symbol = if symbol.is_empty() { format!("{} ", currency.code()) } else { symbol };
    match n.strip_prefix('-') {
        Some(abs) => format!("-{symbol}{abs}"),
        None => format!("{symbol}{n}"),
    }
}

/// An amount at `dp` places as integer minor units.
pub fn to_units(amount: Decimal, dp: u32) -> Result<i128> {
    let mut a = round_dp(amount, dp);
    a.rescale(dp);
    Ok(a.mantissa())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round_dp(d("2.345"), 2).to_string(), "2.35");
        assert_eq!(round_dp(d("-2.345"), 2).to_string(), "-2.35");
        assert_eq!(round_dp(d("2.5"), 0).to_string(), "3");
        assert_eq!(round_dp(d("7"), 2).to_string(), "7.00");
    }

    #[test]
    fn currency_minor_units() {
        assert_eq!(Currency::from_code("USD").unwrap().minor_units(), 2);
        assert_eq!(Currency::from_code("JPY").unwrap().minor_units(), 0);
        assert_eq!(Currency::from_code("KWD").unwrap().minor_units(), 3);
        assert!(Currency::from_code("XYZ").is_none());
        assert!(Currency::from_code("usd").is_none());
    }

    #[test]
    fn thirds_sum_exactly_with_ties_to_first() {
        let parts = split_largest_remainder(d("100.00"), &[d("1"), d("1"), d("1")], 2).unwrap();
        assert_eq!(parts, vec![d("33.34"), d("33.33"), d("33.33")]);
    }

    #[test]
    fn largest_remainder_goes_to_largest_fraction() {
        // 10.00 split 1:2:7 over 3 weeks of unequal days: exact quotas.
        let parts = split_largest_remainder(d("0.10"), &[d("3"), d("3"), d("4")], 2).unwrap();
        assert_eq!(parts, vec![d("0.03"), d("0.03"), d("0.04")]);
        let parts = split_largest_remainder(d("1.00"), &[d("1"), d("1"), d("1"), d("3")], 2).unwrap();
        // quotas 16.67,16.67,16.67,50 cents -> floors 16,16,16,50 (+2 leftover to first two .67s)
        assert_eq!(parts, vec![d("0.17"), d("0.17"), d("0.16"), d("0.50")]);
    }

    #[test]
    fn formats_money_per_currency_and_style() {
        let usd = Currency::from_code("USD").unwrap();
        let eur = Currency::from_code("EUR").unwrap();
        let jpy = Currency::from_code("JPY").unwrap();
        let gbp = Currency::from_code("GBP").unwrap();
        assert_eq!(format_money(d("1234.56"), usd, NumberStyle::CommaDot), "$1,234.56");
        assert_eq!(format_money(d("1234567.5"), eur, NumberStyle::DotComma), "€1.234.567,50");
        assert_eq!(format_money(d("1234.5"), jpy, NumberStyle::CommaDot), "¥1,235");
        assert_eq!(format_money(d("-12.5"), gbp, NumberStyle::CommaDot), "-£12.50");
        assert_eq!(format_money(d("0"), usd, NumberStyle::CommaDot), "$0.00");
        assert_eq!(format_money(d("-0.001"), usd, NumberStyle::CommaDot), "$0.00");
        assert_eq!(format_number(d("999"), 0, NumberStyle::CommaDot), "999");
        assert_eq!(format_number(d("1000"), 0, NumberStyle::CommaDot), "1,000");
    }

    #[test]
    fn zero_weights_spread_evenly() {
        let parts = split_largest_remainder(d("1"), &[d("0"), d("0")], 0).unwrap();
        assert_eq!(parts, vec![d("1"), d("0")]);
    }
}
