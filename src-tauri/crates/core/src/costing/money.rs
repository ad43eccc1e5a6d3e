//! Exact money: currencies, rounding at the end, and splits that add up.
//!
//! Planners hand these numbers to clients and finance, so they must match an invoice to the
//! minor unit. Everything is `Decimal`; rounding is half away from zero, done once on outputs;
//! a total split into parts uses the largest remainder method so the parts sum exactly, with ties
//! broken by order.
//!
//! The UI recomputes a plan on every keystroke, so the hot operations (rounding, splits, column
//! sums, formatting) work on the decimals' integer mantissas and minor units where that is exact,
//! with the same results as the `Decimal` operations they stand in for.

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

    /// What an amount is written with: its symbol (`$`, `€`, `₪`), or its code and a space
    /// (`CHF 1,200.00`) where the symbol would mislead a client: none, the generic `¤`, the old
    /// French franc's `₣` (which the ISO data gives every franc), or one written right to left,
    /// which cannot lead a figure read left to right (`BHD 22,620.615`).
    pub fn sign(&self) -> String {
        let symbol = self.0.symbol().symbol;
        let rtl = |c: char| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}');
        if symbol.is_empty() || symbol == "¤" || symbol == "₣" || symbol.chars().any(rtl) {
            format!("{} ", self.code())
        } else {
            symbol
        }
    }

    /// Round an amount to this currency's minor unit, half away from zero.
    pub fn round(&self, amount: Decimal) -> Decimal {
        round_dp(amount, self.minor_units())
    }
}

/// Round half away from zero to `dp` places, keeping exactly `dp` places in the output.
pub fn round_dp(value: Decimal, dp: u32) -> Decimal {
    let scale = value.scale();
    if scale > dp && !value.is_zero() {
        // What `round_dp_with_strategy(dp, MidpointAwayFromZero)` computes, on the mantissa as
        // one integer: the quotient by 10^(scale − dp), plus one from half the divisor up.
        // Costing rounds every line's counts and fees on each recompute.
        let m = value.mantissa().unsigned_abs();
        let p = 10u128.pow(scale - dp); // at most 10^28
        let (q, rem) = if m <= u64::MAX as u128 && p <= u64::MAX as u128 {
            let (m, p) = (m as u64, p as u64);
            ((m / p) as u128, (m % p) as u128)
        } else {
            (m / p, m % p)
        };
        let q = if rem >= p / 2 { q + 1 } else { q };
        return Decimal::from_parts(q as u32, (q >> 32) as u32, (q >> 64) as u32, value.is_sign_negative(), dp);
    }
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

/// [`sum`], in one integer pass when every item is non-negative at one scale and every partial
/// sum fits a decimal: `Decimal` addition is then exact at that scale, so the result is the
/// same. Costing sums each column over every line on each recompute.
pub fn sum_iter<I: Iterator<Item = Decimal> + Clone>(items: I, what: &str) -> Result<Decimal> {
    match sum_same_scale(items.clone()) {
        Some(total) => Ok(total),
        None => sum(items, what),
    }
}

fn sum_same_scale(items: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    let mut scale = None;
    let mut total: u128 = 0;
    for x in items {
        if x.is_sign_negative() || scale.is_some_and(|s| s != x.scale()) {
            return None;
        }
        scale = Some(x.scale());
        total += x.mantissa() as u128; // each under 2^96
        if total >> 96 != 0 {
            return None;
        }
    }
    Some(match scale {
        None => Decimal::ZERO,
        Some(s) => Decimal::from_parts(total as u32, (total >> 32) as u32, (total >> 64) as u32, false, s),
    })
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
    let weights: Vec<Decimal> = if weights.iter().all(|w| w.is_zero()) { vec![Decimal::ONE; n] } else { weights.to_vec() };
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
/// the largest remainders, ties to the earlier part.
pub fn split_ints(units: i128, weights: &[i128], total_w: i128) -> Option<Vec<i128>> {
    let (mut floors, mut rems) = (Vec::with_capacity(weights.len()), Vec::with_capacity(weights.len()));
    split_ints_into(units, weights, total_w, &mut floors, &mut rems)?;
    Some(floors)
}

/// [`split_ints`] into reused buffers: the parts land in `floors`; `rems` is scratch. Uses i64
/// when the products fit (the usual case, and much faster than i128 division), and divides once
/// per run of equal weights (a flight's full weeks all weigh the same).
pub(crate) fn split_ints_into(units: i128, weights: &[i128], total_w: i128, floors: &mut Vec<i128>, rems: &mut Vec<i128>) -> Option<()> {
    floors.clear();
    rems.clear();
    let n = weights.len();
    let max_w = weights.iter().copied().max().unwrap_or(0);
    let fits_i64 = units.checked_mul(max_w).is_some_and(|p| p <= i64::MAX as i128) && total_w <= i64::MAX as i128;
    if fits_i64 {
        let (u, t) = (units as i64, total_w as i64);
        let mut last: Option<(i128, i128, i128)> = None; // (weight, floor, remainder)
        for w in weights {
            let (f, r) = match last {
                Some((lw, f, r)) if lw == *w => (f, r),
                _ => {
                    let p = u * (*w as i64);
                    let fr = ((p / t) as i128, (p % t) as i128);
                    last = Some((*w, fr.0, fr.1));
                    fr
                }
            };
            floors.push(f);
            rems.push(r);
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
    if leftover == 0 {
        return Some(());
    }
    if leftover >= n {
        floors.iter_mut().for_each(|f| *f += 1);
        return Some(());
    }
    // Largest remainders first; equal remainders go to the earlier part. Remainders usually
    // take a few distinct values: find the smallest one that still gets a unit in a few passes.
    if let Some((threshold, at_threshold)) = leftover_threshold(rems, leftover) {
        let mut left = at_threshold;
        for (f, r) in floors.iter_mut().zip(rems.iter()) {
            if *r > threshold {
                *f += 1;
            } else if *r == threshold && left > 0 {
                *f += 1;
                left -= 1;
            }
        }
        return Some(());
    }
    // Otherwise a total order (remainder descending, index ascending) lets an O(n) selection
    // stand in for a sort.
    let mut order: Vec<usize> = (0..n).collect();
    let key = |i: &usize| (std::cmp::Reverse(rems[*i]), *i);
    order.select_nth_unstable_by_key(leftover - 1, key);
    for idx in order.into_iter().take(leftover) {
        floors[idx] += 1;
    }
    Some(())
}

/// [`split_ints_into`] for i64 weights, all non-negative with the largest `max_w`, whose
/// products with `units` fit in i64: the same floors and remainders, so the same parts, without
/// i128 arithmetic. The parts land in `out`. `None` (nothing decided) when the weights do not
/// qualify or the remainders would need the full selection.
pub(crate) fn split_small_into(units: i64, weights: &[i64], total_w: i64, max_w: i64, out: &mut Vec<i128>, rems: &mut Vec<i64>) -> Option<()> {
    if units < 0 || total_w <= 0 {
        return None;
    }
    units.checked_mul(max_w)?;
    // One division per distinct weight among the last two: a flight's full weeks weigh the
    // same, and a pattern alternates between two weights.
    let mut seen = [(-1i64, 0i64, 0i64); 2]; // (weight, floor, remainder)
    let mut assigned: i64 = 0; // at most `units`: the floors of shares of it
    out.clear();
    out.resize(weights.len(), 0);
    rems.clear();
    rems.resize(weights.len(), 0);
    for ((o, rem), w) in out.iter_mut().zip(rems.iter_mut()).zip(weights) {
        if seen[0].0 != *w {
            seen.swap(0, 1);
            if seen[0].0 != *w {
                let p = units * *w;
                seen[0] = (*w, p / total_w, p % total_w);
            }
        }
        let (_, f, r) = seen[0];
        assigned += f;
        *o = f as i128;
        *rem = r;
    }
    let leftover = (units - assigned) as usize;
    if leftover == 0 {
        return Some(());
    }
    if leftover >= weights.len() {
        return None;
    }
    let (threshold, mut left) = leftover_threshold(rems, leftover)?;
    for (f, r) in out.iter_mut().zip(rems.iter()) {
        if *r > threshold {
            *f += 1;
        } else if *r == threshold && left > 0 {
            *f += 1;
            left -= 1;
        }
    }
    Some(())
}

/// The smallest remainder that gets a unit when `leftover` units go to the largest remainders,
/// and how many of the parts with exactly that remainder get one (the earliest). `None` when
/// that takes more than a few passes over distinct remainder values.
fn leftover_threshold<T: Copy + Ord>(rems: &[T], leftover: usize) -> Option<(T, usize)> {
    let mut above = 0usize; // parts with a remainder above the current value
    let mut bound: Option<T> = None;
    for _ in 0..4 {
        let mut max: Option<T> = None;
        let mut count = 0usize;
        for r in rems.iter().copied().filter(|r| bound.is_none_or(|b| *r < b)) {
            match max {
                Some(m) if r < m => {}
                Some(m) if r == m => count += 1,
                _ => {
                    max = Some(r);
                    count = 1;
                }
            }
        }
        let m = max?;
        if above + count >= leftover {
            return Some((m, leftover - above));
        }
        above += count;
        bound = Some(m);
    }
    None
}

/// A number with thousands grouping in the plan's number style, e.g. `1,234.56` or `1.234,56`.
/// Rounded half away from zero to `dp` places first; negatives get a leading minus.
pub fn format_number(value: Decimal, dp: u32, style: NumberStyle) -> String {
    let mut out = String::with_capacity(24);
    push_number(&mut out, value, dp, style);
    out
}

/// [`format_number`], appended to `out`.
pub fn push_number(out: &mut String, value: Decimal, dp: u32, style: NumberStyle) {
    let v = round_dp(value, dp);
    if v.is_sign_negative() && !v.is_zero() {
        out.push('-');
    }
    push_grouped(out, v, style);
}

/// The magnitude of `v` as `Decimal`'s `Display` writes it (all of its places), with the
/// integer digits grouped in threes (Indian style: the last three, then twos) and the style's
/// decimal point.
fn push_grouped(out: &mut String, v: Decimal, style: NumberStyle) {
    let (group, point) = match style {
        NumberStyle::CommaDot | NumberStyle::Indian => (",", '.'),
        NumberStyle::DotComma => (".", ','),
        NumberStyle::SpaceComma => ("\u{202f}", ','),
    };
    // Whether a separator goes before the integer digit with `left` digits after it.
    let indian = style == NumberStyle::Indian;
    let breaks = |left: usize| if indian { left >= 3 && (left - 3).is_multiple_of(2) } else { left.is_multiple_of(3) };
    // The mantissa's digits, least significant first, padded with zeros to the scale and to
    // one integer digit ("0.05", "0").
    let scale = v.scale() as usize;
    let mut m = v.mantissa().unsigned_abs();
    let mut digits = [0u8; 40];
    let mut len = 0;
    while m > u64::MAX as u128 {
        digits[len] = (m % 10) as u8;
        m /= 10;
        len += 1;
    }
    let mut m = m as u64;
    while m > 0 {
        digits[len] = (m % 10) as u8;
        m /= 10;
        len += 1;
    }
    let len = len.max(scale + 1);
    let int_len = len - scale;
    out.reserve(len + int_len / 3 * group.len() + 1);
    for i in 0..int_len {
        if i > 0 && breaks(int_len - i) {
            out.push_str(group);
        }
        out.push(char::from(b'0' + digits[len - 1 - i]));
    }
    if scale > 0 {
        out.push(point);
        for i in (0..scale).rev() {
            out.push(char::from(b'0' + digits[i]));
        }
    }
}

/// Money in the currency's symbol and minor units: `$1,234.56`, `€1.234,56`, `¥1,235`.
pub fn format_money(amount: Decimal, currency: Currency, style: NumberStyle) -> String {
    let mut out = String::with_capacity(24);
    MoneyFormat::new(currency, style).push(&mut out, amount);
    out
}

/// A currency's symbol and minor units and a number style, looked up once to format many
/// amounts exactly as [`format_money`] does.
#[derive(Debug, Clone)]
pub struct MoneyFormat {
    /// [`Currency::sign`].
    symbol: String,
    dp: u32,
    style: NumberStyle,
}

impl MoneyFormat {
    pub fn new(currency: Currency, style: NumberStyle) -> MoneyFormat {
        MoneyFormat { symbol: currency.sign(), dp: currency.minor_units(), style }
    }

    /// [`format_money`], appended to `out`.
    pub fn push(&self, out: &mut String, amount: Decimal) {
        let v = round_dp(amount, self.dp);
        if v.is_sign_negative() && !v.is_zero() {
            out.push('-');
        }
        out.push_str(&self.symbol);
        push_grouped(out, v, self.style);
    }

    pub fn format(&self, amount: Decimal) -> String {
        let mut out = String::with_capacity(24);
        self.push(&mut out, amount);
        out
    }

    /// A unit price such as a CPC of $0.8125: the currency's places, or the price's own up to 4.
    pub fn rate(&self, amount: Decimal) -> String {
        let mut v = round_dp(amount, 4).normalize();
        if v.scale() < self.dp {
            v.rescale(self.dp);
        }
        let mut out = String::with_capacity(24);
        if v.is_sign_negative() && !v.is_zero() {
            out.push('-');
        }
        out.push_str(&self.symbol);
        push_grouped(&mut out, v.abs(), self.style);
        out
    }
}

/// `Decimal::from_i128_with_scale` for minor units that fit a decimal (every part of a split of
/// a decimal does), built in place: costing makes one for every week of every line.
#[inline]
pub(crate) fn units_to_dec(units: i128, dp: u32) -> Decimal {
    let m = units.unsigned_abs();
    Decimal::from_parts(m as u32, (m >> 32) as u32, (m >> 64) as u32, units < 0, dp)
}

/// An amount at `dp` places as integer minor units.
pub fn to_units(amount: Decimal, dp: u32) -> Result<i128> {
    let mut a = round_dp(amount, dp);
    a.rescale(dp);
    Ok(a.mantissa())
}

/// Exact amounts rounded so that they add up: each part is its amount's floor or ceiling at `dp`
/// places, and the parts sum to the exact total rounded (one more minor unit to the largest
/// remainders, ties to the earlier part). Amounts must not be negative.
pub fn round_parts(exact: &[Decimal], dp: u32) -> Result<Vec<Decimal>> {
    let scale = Decimal::from(10i64.checked_pow(dp).ok_or_else(|| Error::overflow("rounding"))?);
    let units: Vec<Decimal> = exact.iter().map(|x| mul(*x, scale, "rounding")).collect::<Result<_>>()?;
    let parts = match split_decimals(&units) {
        Some(p) => p,
        None => split_exact(&units, "rounding")?,
    };
    Ok(parts.into_iter().map(|u| units_to_dec(u, dp)).collect())
}

/// [`split_exact`] on the decimals' integer mantissas: floors and remainders over one power of
/// ten, in i128. `None` when they do not fit (or a value is negative): use [`split_exact`].
pub(crate) fn split_decimals(exact: &[Decimal]) -> Option<Vec<i128>> {
    let scale = exact.iter().map(|x| x.scale()).max().unwrap_or(0);
    let pow = |e: u32| 10i128.checked_pow(e);
    let mut floors = Vec::with_capacity(exact.len());
    let mut rems = Vec::with_capacity(exact.len());
    let (mut floor_sum, mut rem_sum) = (0i128, 0i128);
    let one = pow(scale)?;
    for x in exact {
        let m = x.mantissa();
        if m < 0 {
            return None;
        }
        let p = pow(x.scale())?;
        let (f, r) = (m / p, (m % p).checked_mul(pow(scale - x.scale())?)?);
        floor_sum = floor_sum.checked_add(f)?;
        rem_sum = rem_sum.checked_add(r)?;
        if rem_sum >= one {
            floor_sum = floor_sum.checked_add(rem_sum / one)?;
            rem_sum %= one;
        }
        floors.push(f);
        rems.push(r);
    }
    let total = floor_sum + i128::from(rem_sum >= one - rem_sum);
    distribute(&mut floors, &rems, total);
    Some(floors)
}

/// [`split_rate`] for fees whose exact amounts (in minor units) are decimals.
pub(crate) fn split_exact(exact: &[Decimal], what: &str) -> Result<Vec<i128>> {
    let mut floors = Vec::with_capacity(exact.len());
    let mut rems = Vec::with_capacity(exact.len());
    let mut sum = Decimal::ZERO;
    for x in exact {
        sum = sum.checked_add(*x).ok_or_else(|| Error::overflow(what))?;
        let f = x.floor();
        floors.push(i128::try_from(f).map_err(|_| Error::overflow(what))?);
        rems.push(sub(*x, f, what)?);
    }
    let total = i128::try_from(crate::money::round_dp(sum, 0)).map_err(|_| Error::overflow(what))?;
    distribute(&mut floors, &rems, total);
    Ok(floors)
}

/// Raise `floors` by one for the largest remainders (ties to the earlier part) until they sum
/// to `total`. The total is at most the sum of the ceilings, so only parts with a remainder rise.
pub(crate) fn distribute<R: Ord + Copy>(floors: &mut [i128], rems: &[R], total: i128) {
    let assigned: i128 = floors.iter().sum();
    let leftover = usize::try_from(total - assigned).unwrap_or(0).min(floors.len());
    if leftover == 0 {
        return;
    }
    let mut order: Vec<usize> = (0..floors.len()).collect();
    let key = |i: &usize| (std::cmp::Reverse(rems[*i]), *i);
    order.select_nth_unstable_by_key(leftover - 1, key);
    for i in order.into_iter().take(leftover) {
        floors[i] += 1;
    }
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
        let sign = |code: &str| Currency::from_code(code).unwrap().sign();
        let signs: Vec<String> = ["USD", "EUR", "ILS", "INR", "CHF", "XPF", "BHD", "KWD", "AED", "IRR", "CLF", "XAU"].map(sign).into();
        assert_eq!(signs, ["$", "€", "₪", "₹", "CHF ", "XPF ", "BHD ", "KWD ", "AED ", "IRR ", "CLF ", "XAU "]);
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
        let inr = Currency::from_code("INR").unwrap();
        let indian: Vec<String> =
            ["0.5", "999", "1000", "99999", "100000", "1234567.891", "-123456789"].map(|v| format_money(d(v), inr, NumberStyle::Indian)).into();
        assert_eq!(indian, ["₹0.50", "₹999.00", "₹1,000.00", "₹99,999.00", "₹1,00,000.00", "₹12,34,567.89", "-₹12,34,56,789.00"]);
    }

    #[test]
    fn zero_weights_spread_evenly() {
        let parts = split_largest_remainder(d("1"), &[d("0"), d("0")], 0).unwrap();
        assert_eq!(parts, vec![d("1"), d("0")]);
    }
}
