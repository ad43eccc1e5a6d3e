//! Scenarios: named variants of one plan (conservative, base, aggressive) compared side by side.
//!
//! Clients rarely approve the first number. A scenario records how a variant differs from the
//! plan as written (budget, a line's budget or share, rates, assumptions) rather than copying the
//! whole plan, so the variants cannot drift apart on everything else. One scenario may be marked
//! `presented`: the one the PDF shows.

use crate::costing::compute;
use crate::error::{Error, Result};
use crate::format::{validate, validate_planning};
use crate::money::{round_dp, sub, Currency};
use crate::plan::{Plan, Pricing};
use crate::reach::{dec_f64, f64_dec, ReachModel};
use crate::scenario_budget::{budget_gap, unchanged_lines, BudgetGap, UnchangedLine};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Scenario {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The scenario the client PDF presents (at most one).
    #[serde(default, skip_serializing_if = "is_false")]
    pub presented: bool,
    /// The plan budget in this scenario.
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub budget: Option<Decimal>,
    /// Scale lines with a fixed amount in proportion to the budget too (share lines always
    /// follow it): "budget −10%" takes 10% off every line, exactly, by largest remainder. Lines
    /// the scenario gives their own budget or share keep it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub scale_amounts: bool,
    /// Per-line changes, by line id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<ScenarioLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub reach_model: Option<ReachModel>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub duplication_factor: Option<Decimal>,
}

/// What a scenario changes on one line. Giving `budget` clears the line's share and vice versa.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScenarioLine {
    pub id: String,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub budget: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub share: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub rate: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub ctr: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub cvr: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub vtr: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub reach_pct: Option<Decimal>,
}

/// Where a plan file's scenario diverges from the plan as written, applied: the plan that
/// scenario describes. The result carries no scenarios of its own.
///
/// A line `budget` replaces the line's share and a `share` replaces its budget; every other
/// override replaces the value as written. A line id the plan does not have is an
/// `unknown_line` error naming `scenarios[i].lines[j].id`.
pub fn apply(plan: &Plan, index: usize) -> Result<Plan> {
    let scenario = plan
        .scenarios
        .get(index)
        .ok_or_else(|| Error::at("unknown_scenario", format!("scenarios[{index}]"), "the plan has no such scenario"))?;
    let mut out = plan.clone();
    out.scenarios = Vec::new();
    if let Some(b) = scenario.budget {
        out.budget = b;
        if scenario.scale_amounts {
            crate::scenario_budget::scale_amounts(&mut out, plan, scenario, b)?;
        }
    }
    if let Some(m) = &scenario.reach_model {
        out.reach_model = Some(m.clone());
    }
    if let Some(d) = scenario.duplication_factor {
        out.duplication_factor = Some(d);
    }
    for (j, change) in scenario.lines.iter().enumerate() {
        let line = out.lines.iter_mut().find(|l| l.id == change.id).ok_or_else(|| {
            Error::at(
                "unknown_line",
                format!("scenarios[{index}].lines[{j}].id"),
                format!("no line has the id \"{}\"", change.id),
            )
        })?;
        if let Some(b) = change.budget {
            line.budget = Some(b);
            line.share = None;
        }
        if let Some(s) = change.share {
            line.share = Some(s);
            line.budget = None;
        }
        if change.budget.is_some() || change.share.is_some() {
            clear_booked_units(line);
        }
        for (field, value) in [
            (&mut line.rate, change.rate),
            (&mut line.ctr, change.ctr),
            (&mut line.cvr, change.cvr),
            (&mut line.vtr, change.vtr),
            (&mut line.reach_pct, change.reach_pct),
        ] {
            if value.is_some() {
                *field = value;
            }
        }
    }
    Ok(out)
}

/// A budget or share set on a line booked in faces or insertions replaces the booking: the line
/// then buys what the money pays for at its rate.
pub(crate) fn clear_booked_units(line: &mut crate::plan::Line) {
    match line.pricing {
        Pricing::PerFaceWeek => line.faces = None,
        Pricing::PerInsertion => line.insertions = None,
        _ => {}
    }
}

/// The plan the client PDF presents: the scenario marked `presented` applied, or the plan as
/// written when none is. Either way the result carries no scenarios. Two presented scenarios
/// are an error.
pub fn presented_plan(plan: &Plan) -> Result<Plan> {
    match presented_index(plan)? {
        Some(i) => {
            // Say on the page which scenario it shows, so a client never mistakes it for the base.
            let mut out = apply(plan, i)?;
            out.notes.insert(0, format!("This plan presents the \u{201c}{}\u{201d} scenario.", plan.scenarios[i].name));
            Ok(out)
        }
        None => {
            let mut out = plan.clone();
            out.scenarios = Vec::new();
            Ok(out)
        }
    }
}

/// The index of the presented scenario, if any; an error naming the second one if two are.
pub fn presented_index(plan: &Plan) -> Result<Option<usize>> {
    let mut found = None;
    for (i, s) in plan.scenarios.iter().enumerate() {
        if s.presented {
            if let Some(first) = found {
                return Err(two_presented(plan, first, i));
            }
            found = Some(i);
        }
    }
    Ok(found)
}

fn two_presented(plan: &Plan, first: usize, second: usize) -> Error {
    Error::at(
        "multiple_presented",
        format!("scenarios[{second}].presented"),
        format!(
            "only one scenario can be the one the PDF presents, and \"{}\" already is",
            plan.scenarios[first].name
        ),
    )
}

/// The plan as written and every scenario, side by side, with each scenario's differences.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Comparison {
    pub currency: String,
    /// The name of the scenario the PDF presents; null when it presents the plan as written.
    pub presented: Option<String>,
    /// The plan as written.
    pub base: Side,
    pub scenarios: Vec<ScenarioSide>,
}

/// One column of the comparison: totals, the lines' split, and the finding codes raised.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Side {
    pub totals: Figures,
    pub lines: Vec<LineFigures>,
    /// Codes of the plan health findings this variant raises (those that need no date).
    pub findings: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScenarioSide {
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>", optional))]
    pub description: String,
    pub presented: bool,
    #[serde(flatten)]
    pub side: Side,
    /// This scenario's totals minus the plan's, exactly; null where either side is null.
    pub difference: Figures,
    /// Lines the scenario's budget leaves as they are, and why (fixed amounts, when it changes
    /// the budget without scaling them).
    pub unchanged_lines: Vec<UnchangedLine>,
    /// Money in this scenario's budget on no line, or lines over it: never a saving.
    pub budget_gap: Option<BudgetGap>,
}

/// Every total a scenario can move. Money is in the plan currency at its minor unit; counts
/// are whole; GRPs, reach, frequency and response have 2 places.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Figures {
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub budget: Decimal,
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub net_media: Decimal,
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub agency_commission: Decimal,
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub ad_serving: Decimal,
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub tech_fee: Decimal,
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub fees: Decimal,
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub gross: Decimal,
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub unallocated: Decimal,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub impressions: Option<Decimal>,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub clicks: Option<Decimal>,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub conversions: Option<Decimal>,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub views: Option<Decimal>,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub grps: Option<Decimal>,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub reach_pct: Option<Decimal>,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub frequency: Option<Decimal>,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub effective_reach_pct: Option<Decimal>,
    /// Sum of the lines' response curves at their net media; null when no line has a curve.
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub total_response: Option<Decimal>,
}

/// A line's place in one column of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LineFigures {
    pub id: String,
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub net: Decimal,
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub share_pct: Decimal,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub rate: Option<Decimal>,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub impressions: Option<Decimal>,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub clicks: Option<Decimal>,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub conversions: Option<Decimal>,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub views: Option<Decimal>,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub reach_pct: Option<Decimal>,
    #[serde(with = "crate::dec::opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub response: Option<Decimal>,
}

/// Cost the plan as written and every scenario, and set each scenario against the plan.
pub fn compare(plan: &Plan) -> Result<Comparison> {
    if let Some(e) = validate(plan).into_iter().chain(validate_planning(plan)).next() {
        return Err(e);
    }
    let presented = presented_index(plan)?;
    let (base, currency) = side(plan)?;
    let mut scenarios = Vec::with_capacity(plan.scenarios.len());
    for (i, s) in plan.scenarios.iter().enumerate() {
        let in_scenario = |mut e: Error| {
            e.message = format!("scenario \"{}\" (scenarios[{i}]): {}", s.name, e.message);
            e
        };
        let variant = apply(plan, i)?;
        let (column, _) = side(&variant).map_err(in_scenario)?;
        let difference = difference(&column.totals, &base.totals)?;
        let unchanged_lines = unchanged_lines(plan, s)?;
        let budget_gap = budget_gap(plan, column.totals.unallocated)?;
        scenarios.push(ScenarioSide {
            name: s.name.clone(),
            description: s.description.clone(),
            presented: s.presented,
            side: column,
            difference,
            unchanged_lines,
            budget_gap,
        });
    }
    Ok(Comparison {
        currency,
        presented: presented.map(|i| plan.scenarios[i].name.clone()),
        base,
        scenarios,
    })
}

fn side(plan: &Plan) -> Result<(Side, String)> {
    let view = compute(plan)?;
    let mut lines = Vec::with_capacity(view.lines.len());
    let mut total = 0.0;
    let mut any_curve = false;
    for (i, (line, v)) in plan.lines.iter().zip(&view.lines).enumerate() {
        let response = match &line.response {
            Some(r) => {
                let curve = r.curve(&format!("lines[{i}].response")).map_err(|e| e.on_line(&line.id))?;
                let value = curve.value(dec_f64(v.net));
                total += value;
                any_curve = true;
                Some(round_dp(f64_dec(value), 2))
            }
            None => None,
        };
        lines.push(LineFigures {
            id: v.id.clone(),
            net: v.net,
            share_pct: v.share_pct,
            rate: v.rate,
            impressions: v.impressions,
            clicks: v.clicks,
            conversions: v.conversions,
            views: v.views,
            reach_pct: v.reach_pct,
            response,
        });
    }
    let t = &view.totals;
    let totals = Figures {
        budget: t.budget,
        net_media: t.net_media,
        agency_commission: t.agency_commission,
        ad_serving: t.ad_serving,
        tech_fee: t.tech_fee,
        fees: t.fees,
        gross: t.gross,
        unallocated: t.unallocated,
        impressions: t.impressions,
        clicks: t.clicks,
        conversions: t.conversions,
        views: t.views,
        grps: t.grps,
        reach_pct: t.reach_pct,
        frequency: t.frequency,
        effective_reach_pct: t.effective_reach_pct,
        total_response: any_curve.then(|| round_dp(f64_dec(total), 2)),
    };
    let findings = view.findings.iter().map(|f| f.code).collect();
    Ok((Side { totals, lines, findings }, view.currency))
}

/// `a − b`, field by field, exactly.
fn difference(a: &Figures, b: &Figures) -> Result<Figures> {
    let d = |x: Decimal, y: Decimal, what: &str| sub(x, y, what);
    let o = |x: Option<Decimal>, y: Option<Decimal>, what: &str| -> Result<Option<Decimal>> {
        match (x, y) {
            (Some(x), Some(y)) => sub(x, y, what).map(Some),
            _ => Ok(None),
        }
    };
    Ok(Figures {
        budget: d(a.budget, b.budget, "budget difference")?,
        net_media: d(a.net_media, b.net_media, "net media difference")?,
        agency_commission: d(a.agency_commission, b.agency_commission, "agency commission difference")?,
        ad_serving: d(a.ad_serving, b.ad_serving, "ad serving difference")?,
        tech_fee: d(a.tech_fee, b.tech_fee, "tech fee difference")?,
        fees: d(a.fees, b.fees, "fees difference")?,
        gross: d(a.gross, b.gross, "gross difference")?,
        unallocated: d(a.unallocated, b.unallocated, "unallocated difference")?,
        impressions: o(a.impressions, b.impressions, "impressions difference")?,
        clicks: o(a.clicks, b.clicks, "clicks difference")?,
        conversions: o(a.conversions, b.conversions, "conversions difference")?,
        views: o(a.views, b.views, "views difference")?,
        grps: o(a.grps, b.grps, "GRPs difference")?,
        reach_pct: o(a.reach_pct, b.reach_pct, "reach difference")?,
        frequency: o(a.frequency, b.frequency, "frequency difference")?,
        effective_reach_pct: o(a.effective_reach_pct, b.effective_reach_pct, "effective reach difference")?,
        total_response: o(a.total_response, b.total_response, "response difference")?,
    })
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
            errs.push(Error::at(
                "duplicate_scenario",
                p("name"),
                format!("another scenario is already called \"{}\"", s.name),
            ));
        }
        if s.presented {
            match presented {
                Some(first) => errs.push(two_presented(plan, first, i)),
                None => presented = Some(i),
            }
        }
        if let Some(b) = s.budget {
            money_rule(errs, &p("budget"), b, currency);
        }
        if let Some(m) = &s.reach_model {
            reach_model_rules(errs, &p("reach_model"), m);
        }
        if let Some(d) = s.duplication_factor {
            duplication_rule(errs, &p("duplication_factor"), d);
        }
        let mut seen = HashSet::new();
        for (j, change) in s.lines.iter().enumerate() {
            validate_change(errs, plan, i, j, change, currency, &mut seen);
        }
    }
}

fn validate_change(
    errs: &mut Vec<Error>,
    plan: &Plan,
    i: usize,
    j: usize,
    change: &ScenarioLine,
    currency: Option<Currency>,
    seen: &mut HashSet<String>,
) {
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
        money_rule(&mut line_errs, &p("budget"), b, currency);
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
            line_errs.push(Error::at(
                "out_of_range",
                p("rate"),
                format!("a {} rate must be greater than zero", line.pricing.label()),
            ));
        }
    }
    for (name, v) in [("ctr", change.ctr), ("cvr", change.cvr), ("vtr", change.vtr)] {
        if let Some(v) = v {
            if v < Decimal::ZERO || v > Decimal::ONE {
                line_errs.push(Error::at(
                    "out_of_range",
                    p(name),
                    format!("{v} must be a fraction between 0 and 1 (1.2% is \"0.012\")"),
                ));
            }
        }
    }
    if let Some(r) = change.reach_pct {
        reach_pct_rule(&mut line_errs, &p("reach_pct"), r);
    }
    errs.extend(line_errs.into_iter().map(|e| e.on_line(&line.id)));
}

fn money_rule(errs: &mut Vec<Error>, path: &str, v: Decimal, currency: Option<Currency>) {
    if v < Decimal::ZERO {
        errs.push(Error::at("negative_value", path, format!("{v} is negative")));
    } else if let Some(c) = currency {
        if v.normalize().scale() > c.minor_units() {
            errs.push(Error::at(
                "too_precise",
                path,
                format!("{v} has more decimal places than {} allows ({})", c.code(), c.minor_units()),
            ));
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
        ReachModel::Nbd { k } => positive(errs, "k", *k),
        ReachModel::Curve { max, k } => {
            if *max <= Decimal::ZERO || *max > Decimal::ONE_HUNDRED {
                errs.push(Error::at(
                    "out_of_range",
                    format!("{path}.max"),
                    format!("{max} must be a percent above 0 and at most 100"),
                ));
            }
            positive(errs, "k", *k);
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
