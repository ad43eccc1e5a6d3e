//! Flight weights edited week by week (`weights::set_week_weight`), data-driven on the sample
//! plan: each edit's stored weights and the line's weekly net as the core then computes it, or the
//! refusal's code and path; and clearing them.

use flightplan_core::weights::{reset_weights, set_week_weight};
use flightplan_core::Dec;
use flightplan_core::{compute, sample_plan};
use serde_json::{json, Value};

#[test]
fn a_week_weight_is_stored_as_the_lines_weights_and_reshapes_its_weekly_net() {
    // Meta retargeting: $12,000.00 over 11 weeks from 11 Jan 2027, continuous.
    let plan = sample_plan();
    let line = plan.lines.iter().position(|l| l.id == "meta-rtg").unwrap();
    let weekly = |p: &flightplan_core::Plan| -> Vec<String> { compute(p).unwrap().lines[line].weeks.iter().map(|w| w.net.to_string()).collect() };
    assert_eq!(weekly(&plan).len(), 11);
    let cases: Vec<(usize, &str, Value)> = vec![
        // A hiatus in week 3: the other ten share the money.
        (
            2,
            "0",
            json!({ "weights": ["1", "1", "0", "1", "1", "1", "1", "1", "1", "1", "1"],
                         "weekly": ["1200.00", "1200.00", "0.00", "1200.00", "1200.00", "1200.00", "1200.00", "1200.00", "1200.00", "1200.00", "1200.00"] }),
        ),
        // A heavy first week: twice a normal week.
        (
            0,
            "2",
            json!({ "weights": ["2", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1"],
                         "weekly": ["2000.00", "1000.00", "1000.00", "1000.00", "1000.00", "1000.00", "1000.00", "1000.00", "1000.00", "1000.00", "1000.00"] }),
        ),
        (2, "-1", json!({ "code": "negative_value", "path": "lines[3].weights[2]" })),
        (2, "heavy", json!({ "code": "invalid_field", "path": "lines[3].weights[2]" })),
        (11, "1", json!({ "code": "out_of_range", "path": "lines[3].weights[11]" })),
    ];
    for (week, weight, want) in cases {
        match set_week_weight(&plan, line, week, weight) {
            Ok(next) => {
                let stored: Vec<String> = next.lines[line].weights.as_ref().unwrap().iter().map(|w| w.to_string()).collect();
                assert_eq!(json!({ "weights": stored, "weekly": weekly(&next) }), want, "week {week} = {weight}");
                assert_eq!(compute(&next).unwrap().lines[line].net, compute(&plan).unwrap().lines[line].net);
            }
            Err(e) => assert_eq!(json!({ "code": e.code, "path": e.path }), want, "week {week} = {weight}: {e:?}"),
        }
    }
}

#[test]
fn a_pattern_becomes_its_weights_all_zero_is_refused_and_reset_clears_them() {
    let mut plan = sample_plan();
    let line = 3;
    plan.lines[line].pattern = serde_json::from_value(json!({ "kind": "pulsing", "on": 2, "off": 1, "base": "0.5" })).unwrap();
    let next = set_week_weight(&plan, line, 0, "2").unwrap();
    let stored: Vec<String> = next.lines[line].weights.as_ref().unwrap().iter().map(|w| w.to_string()).collect();
    assert_eq!(stored, ["2", "1", "0.5", "1", "1", "0.5", "1", "1", "0.5", "1", "1"]);
    assert_eq!(next.lines[line].pattern, None, "the weights now say what the pattern said");
    assert!(compute(&next).is_ok());
    // One week left on air: zeroing it is refused.
    let mut one = sample_plan();
    one.lines[line].weights = Some([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0].iter().map(|x| Dec(rust_decimal::Decimal::from(*x))).collect());
    let e = set_week_weight(&one, line, 0, "0").unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_deref(), e.line.as_deref()), ("invalid_field", Some("lines[3].weights"), Some("meta-rtg")));
    let cleared = reset_weights(&next, line).unwrap();
    assert_eq!(cleared.lines[line].weights, None);
    assert_eq!(reset_weights(&next, 40).unwrap_err().code, "unknown_line");
}
