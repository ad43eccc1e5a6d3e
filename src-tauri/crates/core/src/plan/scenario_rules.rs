//! The rules a plan file's scenarios and reach assumptions keep, as part of the file format's
//! validation (`crate::format::validate`). They live apart from `scenario` (which applies and
//! compares the variants, and validates each applied plan through the format) so that the format
//! and the scenarios do not depend on each other.

use crate::error::Error;
use crate::money::Currency;
use crate::plan::{Plan, Pricing, ScenarioLine};
use crate::reach::ReachModel;
use rust_decimal::Decimal;
use std::collections::HashSet;

/// Two scenarios marked as the one the PDF presents: the second is the error.
pub(crate) fn two_presented(plan: &Plan, first: usize, second: usize) -> Error {
    Error::at(
        "multiple_presented",
        format!("scenarios[{second}].presented"),
        format!("only one scenario can be the one the PDF presents, and \"{}\" already is", plan.scenarios[first].name),
    )
}

/// The rules a plan's scenarios keep, each broken one as an error naming `scenarios[i]…` and,
/// for a line change, the line id. Called from [`crate::format::validate`].
pub(crate) fn validate_scenarios(plan: &Plan, currency: Option<Currency>, errs: &mut Vec<Error>) {
    let mut names = HashSet::new();
    let mut presented: Option<usize> = None;
    for (i, s) in plan.scenarios.iter().enumerate() {
        let p = |field: &str| format!("scenarios[{i}].{field}");
        if s.name.trim().is_empty() {
            errs.push(Error::at("missing_field", p("name"), "every scenario needs a name"));
        } else if !names.insert(s.name.trim()) {
            errs.push(Error::at("duplicate_scenario", p("name"), format!("another scenario is already called \"{}\"", s.name)));
        }
        if s.presented {
            match presented {
                Some(first) => errs.push(two_presented(plan, first, i)),
                None => presented = Some(i),
            }
        }
        if let Some(b) = s.budget {
            money_rule(errs, &p("budget"), b.0, currency);
        }
        if let Some(m) = &s.reach_model {
            reach_model_rules(errs, &p("reach_model"), m);
        }
        if let Some(d) = s.duplication_factor {
            duplication_rule(errs, &p("duplication_factor"), d.0);
        }
        let mut seen = HashSet::new();
        for (j, change) in s.lines.iter().enumerate() {
            validate_change(errs, plan, i, j, change, currency, &mut seen);
        }
    }
}

fn validate_change(errs: &mut Vec<Error>, plan: &Plan, i: usize, j: usize, change: &ScenarioLine, currency: Option<Currency>, seen: &mut HashSet<String>) {
    let p = |field: &str| format!("scenarios[{i}].lines[{j}].{field}");
    let Some(line) = plan.lines.iter().find(|l| l.id == change.id) else {
        errs.push(Error::at("unknown_line", p("id"), format!("no line has the id \"{}\"", change.id)));
        return;
    };
    let mut line_errs = Vec::new();
    if !seen.insert(change.id.clone()) {
        line_errs.push(Error::at("duplicate_line_id", p("id"), "this scenario already changes this line"));
    }
    if change.budget.is_some() && change.share.is_some() {
        line_errs.push(Error::at("invalid_field", p("share"), "give either a budget or a share, not both"));
    }
    if let Some(b) = change.budget {
        money_rule(&mut line_errs, &p("budget"), b.0, currency);
    }
    if let Some(s) = change.share {
        if s < Decimal::ZERO {
            line_errs.push(Error::at("negative_value", p("share"), format!("{s} is negative")));
        } else if s > Decimal::ONE_HUNDRED {
            line_errs.push(Error::at("share_over_100", p("share"), format!("a share of {s}% is over 100%")));
        }
    }
    if let Some(r) = change.rate {
        if r < Decimal::ZERO {
            line_errs.push(Error::at("negative_value", p("rate"), format!("{r} is negative")));
        } else if r.is_zero() && line.pricing != Pricing::Flat {
            line_errs.push(Error::at("out_of_range", p("rate"), format!("a {} rate must be greater than zero", line.pricing.label())));
        }
    }
    for (name, v) in [("ctr", change.ctr), ("cvr", change.cvr), ("vtr", change.vtr)] {
        if let Some(v) = v {
            if v < Decimal::ZERO || v > Decimal::ONE {
                line_errs.push(Error::at("out_of_range", p(name), format!("{v} must be a fraction between 0 and 1 (1.2% is \"0.012\")")));
            }
        }
    }
    if let Some(r) = change.reach_pct {
        reach_pct_rule(&mut line_errs, &p("reach_pct"), r.0);
    }
    errs.extend(line_errs.into_iter().map(|e| e.on_line(&line.id)));
}

fn money_rule(errs: &mut Vec<Error>, path: &str, v: Decimal, currency: Option<Currency>) {
    if v < Decimal::ZERO {
        errs.push(Error::at("negative_value", path, format!("{v} is negative")));
    } else if let Some(c) = currency {
        if v.normalize().scale() > c.minor_units() {
            errs.push(Error::at("too_precise", path, format!("{v} has more decimal places than {} allows ({})", c.code(), c.minor_units())));
        }
    }
}

/// NBD `k` > 0; a curve's `max` a percent in (0, 100] and its `k` > 0.
pub(crate) fn reach_model_rules(errs: &mut Vec<Error>, path: &str, model: &ReachModel) {
    let positive = |errs: &mut Vec<Error>, name: &str, v: Decimal| {
        if v <= Decimal::ZERO {
            errs.push(Error::at("out_of_range", format!("{path}.{name}"), format!("{v} must be greater than zero")));
        }
    };
    match model {
        ReachModel::Poisson => {}
        ReachModel::Nbd { k } => positive(errs, "k", k.0),
        ReachModel::Curve { max, k } => {
            if *max <= Decimal::ZERO || *max > Decimal::ONE_HUNDRED {
                errs.push(Error::at("out_of_range", format!("{path}.max"), format!("{max} must be a percent above 0 and at most 100")));
            }
            positive(errs, "k", k.0);
        }
    }
}

/// A duplication factor is above 0 and at most 1.
pub(crate) fn duplication_rule(errs: &mut Vec<Error>, path: &str, d: Decimal) {
    if d <= Decimal::ZERO || d > Decimal::ONE {
        errs.push(Error::at("out_of_range", path, format!("{d} must be above 0 and at most 1")));
    }
}

/// A reach estimate is a percent from 0 to 100.
pub(crate) fn reach_pct_rule(errs: &mut Vec<Error>, path: &str, r: Decimal) {
    if r < Decimal::ZERO || r > Decimal::ONE_HUNDRED {
        errs.push(Error::at("out_of_range", path, format!("{r} must be a percent between 0 and 100")));
    }
}
