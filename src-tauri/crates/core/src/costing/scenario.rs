//! Scenarios: named variants of one plan (conservative, base, aggressive) compared side by side.
//!
//! Clients rarely approve the first number. A scenario records how a variant differs from the
//! plan as written (budget, a line's budget or share, rates, assumptions) rather than copying the
//! whole plan, so the variants cannot drift apart on everything else. One scenario may be marked
//! `presented`: the one the PDF shows.

use crate::costing::compute;
use crate::error::{Error, Result};
use crate::format::{validate, validate_planning};
use crate::money::{round_dp, sub};
use crate::plan::{Plan, Pricing};
use crate::reach::{dec_f64, f64_dec};
use crate::scenario_budget::{budget_gap, unchanged_lines, BudgetGap, UnchangedLine};
use crate::scenario_rules::two_presented;
use crate::view::Totals;
use crate::Dec;
use serde::Serialize;

pub use crate::plan::{Scenario, ScenarioLine};

/// Where a plan file's scenario diverges from the plan as written, applied: the plan that
/// scenario describes. The result carries no scenarios of its own.
///
/// A line `budget` replaces the line's share and a `share` replaces its budget; every other
/// override replaces the value as written. A line id the plan does not have is an
/// `unknown_line` error naming `scenarios[i].lines[j].id`.
pub fn apply(plan: &Plan, index: usize) -> Result<Plan> {
    let scenario = plan.scenarios.get(index).ok_or_else(|| Error::at("unknown_scenario", format!("scenarios[{index}]"), "the plan has no such scenario"))?;
    let mut out = plan.clone();
    out.scenarios = Vec::new();
    if let Some(b) = scenario.budget {
        out.budget = b;
        if scenario.scale_amounts {
            crate::scenario_budget::scale_amounts(&mut out, plan, scenario, b.0)?;
        }
    }
    if let Some(m) = &scenario.reach_model {
        out.reach_model = Some(m.clone());
    }
    if let Some(d) = scenario.duplication_factor {
        out.duplication_factor = Some(d);
    }
    for (j, change) in scenario.lines.iter().enumerate() {
        let line = out
            .lines
            .iter_mut()
            .find(|l| l.id == change.id)
            .ok_or_else(|| Error::at("unknown_line", format!("scenarios[{index}].lines[{j}].id"), format!("no line has the id \"{}\"", change.id)))?;
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
    pub budget: Dec,
    pub net_media: Dec,
    pub agency_commission: Dec,
    pub ad_serving: Dec,
    pub tech_fee: Dec,
    pub fees: Dec,
    pub gross: Dec,
    pub unallocated: Dec,
    pub impressions: Option<Dec>,
    pub clicks: Option<Dec>,
    pub conversions: Option<Dec>,
    pub views: Option<Dec>,
    pub grps: Option<Dec>,
    pub reach_pct: Option<Dec>,
    pub frequency: Option<Dec>,
    pub effective_reach_pct: Option<Dec>,
    /// Sum of the lines' response curves at their net media; null when no line has a curve.
    pub total_response: Option<Dec>,
}

impl Figures {
    /// The plan's totals as the comparison shows them, with the lines' summed response.
    fn of(t: &Totals, total_response: Option<Dec>) -> Figures {
        Figures {
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
            total_response,
        }
    }
}

/// A line's place in one column of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LineFigures {
    pub id: String,
    pub net: Dec,
    pub share_pct: Dec,
    pub rate: Option<Dec>,
    pub impressions: Option<Dec>,
    pub clicks: Option<Dec>,
    pub conversions: Option<Dec>,
    pub views: Option<Dec>,
    pub reach_pct: Option<Dec>,
    pub response: Option<Dec>,
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
        let budget_gap = budget_gap(plan, column.totals.unallocated.0)?;
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
    Ok(Comparison { currency, presented: presented.map(|i| plan.scenarios[i].name.clone()), base, scenarios })
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
                let value = curve.value(dec_f64(v.net.0));
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
            response: response.map(Dec),
        });
    }
    let totals = Figures::of(&view.totals, any_curve.then(|| Dec(round_dp(f64_dec(total), 2))));
    let findings = view.findings.iter().map(|f| f.code).collect();
    Ok((Side { totals, lines, findings }, view.currency))
}

/// `a − b`, field by field, exactly.
fn difference(a: &Figures, b: &Figures) -> Result<Figures> {
    let d = |x: Dec, y: Dec, what: &str| sub(x.0, y.0, what).map(Dec);
    let o = |x: Option<Dec>, y: Option<Dec>, what: &str| -> Result<Option<Dec>> {
        match (x, y) {
            (Some(x), Some(y)) => d(x, y, what).map(Some),
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
