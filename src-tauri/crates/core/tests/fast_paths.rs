//! The recompute's fast paths give exactly what the plain `Decimal` operations they stand in for
//! give: rounding, column sums, number formatting and weekly spreads.

use flightplan_core::flight::{spread_amounts, FlightWeek};
use flightplan_core::money::{format_money, format_number, round_dp, sum, sum_iter, Currency};
use flightplan_core::plan::NumberStyle;
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

/// Any decimal: mantissas of every size up to 96 bits, any scale, either sign.
fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<u128>(), 0u32..=96, 0u32..=28, any::<bool>()).prop_map(|(m, bits, scale, negative)| {
        let m = (m >> (128 - bits.max(1))) as i128;
        let mut d = Decimal::from_i128_with_scale(m, scale);
        d.set_sign_negative(negative);
        d
    })
}

fn style() -> impl Strategy<Value = NumberStyle> {
    prop_oneof![Just(NumberStyle::CommaDot), Just(NumberStyle::DotComma), Just(NumberStyle::SpaceComma), Just(NumberStyle::Indian)]
}

/// `format_number` as it was written on `Decimal`'s `Display`.
fn format_number_reference(value: Decimal, dp: u32, style: NumberStyle) -> String {
    let mut v = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    v.rescale(dp);
    let (group, point) = match style {
        NumberStyle::CommaDot | NumberStyle::Indian => (",", "."),
        NumberStyle::DotComma => (".", ","),
        NumberStyle::SpaceComma => ("\u{202f}", ","),
    };
    let text = v.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    // Indian style: the last three digits as a group, then twos before them.
    let (head, tail) = if style == NumberStyle::Indian && int.len() > 3 { int.split_at(int.len() - 3) } else { ("", int.as_str()) };
    let mut grouped = String::new();
    for (i, ch) in head.chars().enumerate() {
        if i > 0 && (head.len() - i) % 2 == 0 {
            grouped.push_str(group);
        }
        grouped.push(ch);
    }
    for (i, ch) in tail.chars().enumerate() {
        if !grouped.is_empty() && i == 0 || i > 0 && (tail.len() - i) % 3 == 0 {
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

/// Largest remainder by sorting: floors of the exact quotas, then one unit each to the largest
/// remainders, ties to the earlier week.
fn spread_reference(units: i128, weights: &[i128]) -> Vec<i128> {
    let total: i128 = weights.iter().sum();
    let mut parts: Vec<i128> = weights.iter().map(|w| units * w / total).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|i| (std::cmp::Reverse(units * weights[*i] % total), *i));
    let leftover = (units - parts.iter().sum::<i128>()) as usize;
    for i in order.into_iter().take(leftover) {
        parts[i] += 1;
    }
    parts
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn round_dp_is_rust_decimals_rounding(v in decimal(), dp in 0u32..=28) {
        let mut want = v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
        want.rescale(dp);
        prop_assert_eq!(round_dp(v, dp).serialize(), want.serialize());
    }

    #[test]
    fn midpoints_round_away_from_zero(m in -1_000_000i64..1_000_000, scale in 1u32..8) {
        let v = Decimal::new(m * 10 + m.signum() * 5, scale);
        let mut want = v.round_dp_with_strategy(scale - 1, RoundingStrategy::MidpointAwayFromZero);
        want.rescale(scale - 1);
        prop_assert_eq!(round_dp(v, scale - 1).serialize(), want.serialize());
    }

    #[test]
    fn sum_iter_is_sum(items in prop::collection::vec(decimal(), 0..8), same in any::<bool>(), scale in 0u32..=28) {
        let items: Vec<Decimal> = if same {
            items.iter().map(|d| Decimal::from_i128_with_scale(d.mantissa().abs() >> 2, scale)).collect()
        } else {
            items
        };
        match (sum(items.iter().copied(), "x"), sum_iter(items.iter().copied(), "x")) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a.serialize(), b.serialize()),
            (a, b) => prop_assert_eq!(format!("{a:?}"), format!("{b:?}")),
        }
    }

    #[test]
    fn number_and_money_formatting(v in decimal(), dp in 0u32..8, style in style(),
                                   code in prop_oneof![Just("USD"), Just("EUR"), Just("JPY"), Just("KWD"), Just("XAU")]) {
        prop_assert_eq!(format_number(v, dp, style), format_number_reference(v, dp, style));
        let c = Currency::from_code(code).unwrap();
        let n = format_number_reference(v, c.minor_units(), style);
        let symbol = c.sign();
        let want = match n.strip_prefix('-') {
            Some(abs) => format!("-{symbol}{abs}"),
            None => format!("{symbol}{n}"),
        };
        prop_assert_eq!(format_money(v, c, style), want);
    }

    #[test]
    fn spreads_are_the_largest_remainder_split(units in 0i64..1_000_000_000_000, dp in 0u32..4,
                                               weeks in prop::collection::vec((1u32..=7, 0u32..4, 0i64..3000), 1..60)) {
        // Weights of mixed scales (0.5, 1, 2.25, …), with runs and hiatus weeks.
        let weeks: Vec<FlightWeek> = weeks.iter().enumerate().map(|(k, (days, scale, m))| FlightWeek {
            week_start: chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap() + chrono::Duration::weeks(k as i64),
            days: *days,
            weight: Decimal::new(if *m % 3 == 0 { 1 } else { *m }, *scale),
        }).collect();
        let scale = weeks.iter().map(|w| w.weight.scale()).max().unwrap();
        let weights: Vec<i128> = weeks.iter()
            .map(|w| w.weight.mantissa() * 10i128.pow(scale - w.weight.scale()) * w.days as i128)
            .collect();
        prop_assume!(weights.iter().sum::<i128>() > 0);
        let got: Vec<i128> = spread_amounts(Decimal::new(units, dp), dp, &weeks).unwrap().iter().map(|d| d.mantissa()).collect();
        prop_assert_eq!(got, spread_reference(units as i128, &weights));
    }
}
