//! "Optimise split" with money unallocated: by default it splits the money already on the lines
//! and reports the gain against the plan as it stands on that same money; it says what the
//! unallocated money would add, and splits the whole budget only when asked.

use flightplan_core::allocation::SplitBasis;
use flightplan_core::optimise::{accept, optimise, optimise_on};
use flightplan_core::response::Response;
use flightplan_core::Dec;
use flightplan_core::{compute, sample_plan};
use rust_decimal::Decimal;

/// The sample plan's $250,000 on its lines, under a $400,000 budget: $150,000 unallocated.
fn underspent() -> flightplan_core::Plan {
    let mut p = sample_plan();
    p.budget = Dec(Decimal::new(40_000_000, 2));
    p.scenarios.clear();
    p
}

#[test]
fn the_default_split_is_of_the_allocated_money_and_its_gain_is_like_for_like() {
    let p = underspent();
    let o = optimise(&p).unwrap();
    let a = &o.allocation;
    assert_eq!(a.basis, SplitBasis::Allocated);
    assert_eq!(a.budget, Decimal::new(25_000_000, 2));
    assert_eq!(a.lines.iter().map(|l| l.budget).sum::<Decimal>(), Decimal::new(25_000_000, 2));
    assert_eq!(o.unallocated, Decimal::new(15_000_000, 2));
    assert_eq!(a.gain, a.total_response - a.current_total_response);
    assert_eq!(o.split_gain, a.gain);
    assert!(a.gain >= Decimal::ZERO);
    // What the unallocated money would add, on top of the better split.
    let whole = optimise_on(&p, SplitBasis::Budget).unwrap();
    assert_eq!(o.unallocated_gain, Some(Dec(whole.allocation.total_response - a.total_response)));
    assert!(o.unallocated_gain.unwrap() > Decimal::ZERO);
    // Asked for the whole budget: its gain is the split's plus the extra money's.
    assert_eq!(whole.allocation.basis, SplitBasis::Budget);
    assert_eq!(whole.allocation.budget, Decimal::new(40_000_000, 2));
    assert_eq!(whole.split_gain, a.gain);
    assert_eq!(whole.allocation.gain, whole.split_gain + whole.unallocated_gain.unwrap());
    assert_eq!(o.result_unit, "conversions");
}

#[test]
fn accepting_the_allocated_split_leaves_the_rest_unallocated() {
    let p = underspent();
    let next = accept(&p, &optimise(&p).unwrap().allocation).unwrap();
    assert_eq!(next.budget, p.budget);
    assert_eq!(compute(&next).unwrap().totals.unallocated, Decimal::new(15_000_000, 2));
    let whole = accept(&p, &optimise_on(&p, SplitBasis::Budget).unwrap().allocation).unwrap();
    assert!(compute(&whole).unwrap().totals.unallocated.is_zero());
}

#[test]
fn curves_come_with_units_and_plain_words() {
    let o = optimise(&sample_plan()).unwrap();
    let c = o.curves.iter().find(|c| c.id == "meta-pros").unwrap();
    let p: Vec<(&str, &str, String)> = c.parameters.iter().map(|p| (p.name, p.unit.as_str(), p.value.unwrap().to_string())).collect();
    assert_eq!(p, [("max", "conversions", "3200".into()), ("shape", "no unit", "1.8".into()), ("half_saturation", "USD", "45000".into())]);
    assert!(c.parameters[1].explanation.contains("S-shaped"));
    assert!(matches!(sample_plan().lines[2].response, Some(Response::Hill { .. })));
}
