//! Property tests: for any budget, weights, currency and flight, money splits add up exactly.

use chrono::{Duration, NaiveDate};
use flightplan_core::money::{split_largest_remainder, Currency};
use flightplan_core::Dec;
use flightplan_core::{compute, sample_plan};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn currency() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("USD"), Just("EUR"), Just("JPY"), Just("KWD"), Just("GBP")]
}

proptest! {
    #[test]
    fn split_sums_exactly(units in 0i64..10_000_000_000_000, dp in 0u32..4,
                          weights in prop::collection::vec(0u32..1_000_000, 1..60)) {
        let total = Decimal::new(units, dp);
        let w: Vec<Decimal> = weights.iter().map(|x| Decimal::new(*x as i64, 3)).collect();
        let parts = split_largest_remainder(total, &w, dp).unwrap();
        prop_assert_eq!(parts.iter().copied().sum::<Decimal>(), total);
        prop_assert!(parts.iter().all(|p| p.scale() == dp && !p.is_sign_negative()));
        // No part is off its exact quota by a whole unit or more.
        let wsum: Decimal = w.iter().copied().sum();
        if !wsum.is_zero() {
            let unit = Decimal::new(1, dp);
            for (p, wi) in parts.iter().zip(&w) {
                let quota = total * *wi / wsum;
                prop_assert!((*p - quota).abs() < unit);
            }
        }
    }

    #[test]
    fn shares_summing_to_100_give_the_budget(code in currency(), units in 0i64..100_000_000_000,
                                              cuts in prop::collection::vec(1u32..10_000, 1..30)) {
        let c = Currency::from_code(code).unwrap();
        let budget = Decimal::new(units, c.minor_units());
        // Shares in hundredths of a percent that sum to exactly 100.
        let total: u32 = cuts.iter().sum();
        let mut shares: Vec<i64> = cuts.iter().map(|x| (*x as i64 * 10_000) / total as i64).collect();
        let diff = 10_000 - shares.iter().sum::<i64>();
        shares[0] += diff;
        let mut plan = sample_plan();
        plan.currency = code.to_string();
        plan.budget = Dec(budget);
        let template = plan.lines[0].clone();
        plan.lines = shares.iter().enumerate().map(|(i, s)| {
            let mut l = template.clone();
            l.id = format!("l{i}");
            l.budget = None;
            l.share = Some(Dec(Decimal::new(*s, 2)));
            l
        }).collect();
        plan.scenarios.clear(); // they name the sample's own lines
        let v = compute(&plan).unwrap();
        prop_assert_eq!(v.totals.net_media, budget);
        prop_assert!(v.totals.unallocated.is_zero());
    }

    #[test]
    fn weeks_sum_to_each_lines_net(start_off in 0i64..400, len in 0i64..420, units in 0i64..1_000_000_000,
                                   pattern in 0u8..3, on in 1u32..4, off in 0u32..4) {
        let mut plan = sample_plan();
        let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() + Duration::days(start_off);
        let mut l = plan.lines[0].clone();
        l.start = start;
        l.end = start + Duration::days(len);
        l.budget = Some(Dec(Decimal::new(units, 2)));
        l.pattern = match pattern {
            0 => None,
            1 => Some(flightplan_core::plan::Pattern::Flighting { on, off }),
            _ => Some(flightplan_core::plan::Pattern::Pulsing { on, off, base: Dec(Decimal::new(3, 1)) }),
        };
        plan.lines = vec![l];
        plan.scenarios.clear(); // they name the sample's own lines
        let v = compute(&plan).unwrap();
        let line = &v.lines[0];
        prop_assert_eq!(line.weeks.iter().map(|w| w.net).sum::<Decimal>(), line.net);
        prop_assert_eq!(v.totals.weeks.iter().map(|w| w.net).sum::<Decimal>(), line.net);
        prop_assert!(line.weeks.iter().all(|w| !w.net.is_sign_negative()));
    }
}
