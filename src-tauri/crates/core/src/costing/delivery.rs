//! What a line's money buys: impressions, clicks, conversions, views and GRPs.
//!
//! The pricing model fixes one count from net / rate; the others follow through the line's
//! rates (CTR, CVR, view rate) in whichever direction the known counts allow. A count that
//! cannot be derived stays unknown (`None`, shown as null), never 0: a planner must be able to
//! tell "nothing" from "not estimated". Values here are unrounded; rounding happens on output.
//!
//! Points come two ways. GRPs are impressions over the universe the line's vehicle measures (its
//! own `universe`, else the plan's) × 100: what a CPP buys. TRPs are the line's on-target
//! impressions (`target_pct` of them, default all) over the plan's universe, the target
//! audience, × 100: what reach in the target is worked out from.

use crate::error::Result;
use crate::money::{div, mul};
use crate::plan::{Line, Pricing};
use crate::Dec;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Delivery {
    pub impressions: Option<Decimal>,
    pub clicks: Option<Decimal>,
    pub conversions: Option<Decimal>,
    pub views: Option<Decimal>,
    pub grps: Option<Decimal>,
    /// Target rating points: on-target impressions / the plan's universe × 100.
    pub trps: Option<Decimal>,
}

const THOUSAND: Decimal = Decimal::ONE_THOUSAND;

/// Derive a line's delivery from its net media and assumptions; `universe` is the plan's (the
/// target audience). Errors name the figure; the caller attaches the line id.
pub fn deliver(line: &Line, net: Decimal, universe: Option<Decimal>) -> Result<Delivery> {
    let target = universe;
    // The line's points are on the audience its vehicle measures.
    let universe = line.universe.or(universe.map(Dec));
    let mut d = Delivery::default();
    let rate = line.rate.filter(|r| !r.is_zero());
    match (line.pricing, rate) {
        (Pricing::PerInsertion, Some(r)) => {
            let insertions = match line.insertions {
                Some(n) => Some(Decimal::from(n)),
                None => Some(div(net, r.0, "insertions")?),
            };
            if let (Some(n), Some(readers)) = (insertions, line.readership) {
                d.impressions = Some(mul(n, readers.0, "impressions")?);
            }
        }
        (Pricing::Cpm, Some(r)) => d.impressions = Some(mul(div(net, r.0, "impressions")?, THOUSAND, "impressions")?),
        (Pricing::Cpc, Some(r)) => d.clicks = Some(div(net, r.0, "clicks")?),
        (Pricing::Cpa, Some(r)) => d.conversions = Some(div(net, r.0, "conversions")?),
        (Pricing::Cpv, Some(r)) => d.views = Some(div(net, r.0, "views")?),
        (Pricing::Cpp, Some(r)) => d.grps = Some(div(net, r.0, "GRPs")?),
        _ => {}
    }
    // Stated counts (what a flat line delivers) fill only what pricing did not fix.
    d.impressions = d.impressions.or(line.impressions.map(Dec::get));
    d.clicks = d.clicks.or(line.clicks.map(Dec::get));
    d.conversions = d.conversions.or(line.conversions.map(Dec::get));
    d.views = d.views.or(line.views.map(Dec::get));
    d.grps = d.grps.or(line.grps.map(Dec::get));

    let nz = |v: Option<Decimal>| v.filter(|x| !x.is_zero());
    // Follow the relations until nothing new can be derived (at most a few passes). Every rule
    // only fills a count that is still unknown, so a pass derived something exactly when one fired.
    for _ in 0..4 {
        let mut changed = false;
        if let (None, Some(g), Some(u)) = (d.impressions, d.grps, universe) {
            d.impressions = Some(div(mul(g, u.0, "impressions")?, Decimal::ONE_HUNDRED, "impressions")?);
            changed = true;
        }
        if let (None, Some(c), Some(ctr)) = (d.impressions, d.clicks, nz(line.ctr.map(Dec::get))) {
            d.impressions = Some(div(c, ctr, "impressions")?);
            changed = true;
        }
        if let (None, Some(v), Some(vtr)) = (d.impressions, d.views, nz(line.vtr.map(Dec::get))) {
            d.impressions = Some(div(v, vtr, "impressions")?);
            changed = true;
        }
        if let (None, Some(conv), Some(cvr)) = (d.clicks, d.conversions, nz(line.cvr.map(Dec::get))) {
            d.clicks = Some(div(conv, cvr, "clicks")?);
            changed = true;
        }
        if let (None, Some(i), Some(ctr)) = (d.clicks, d.impressions, line.ctr) {
            d.clicks = Some(mul(i, ctr.0, "clicks")?);
            changed = true;
        }
        if let (None, Some(c), Some(cvr)) = (d.conversions, d.clicks, line.cvr) {
            d.conversions = Some(mul(c, cvr.0, "conversions")?);
            changed = true;
        }
        if let (None, Some(i), Some(vtr)) = (d.views, d.impressions, line.vtr) {
            d.views = Some(mul(i, vtr.0, "views")?);
            changed = true;
        }
        if let (None, Some(i), Some(u)) = (d.grps, d.impressions, universe) {
            d.grps = Some(mul(div(i, u.0, "GRPs")?, Decimal::ONE_HUNDRED, "GRPs")?);
            changed = true;
        }
        if !changed {
            break;
        }
    }
    let on_target = match line.target_pct {
        Some(p) => div(p.0, Decimal::ONE_HUNDRED, "TRPs")?,
        None => Decimal::ONE,
    };
    d.trps = match (line.universe, target, d.impressions) {
        // Measured on its own audience: count its on-target impressions against the target.
        (Some(_), Some(t), Some(i)) if !t.is_zero() => Some(mul(div(mul(i, on_target, "TRPs")?, t, "TRPs")?, Decimal::ONE_HUNDRED, "TRPs")?),
        (Some(_), Some(_), _) => None,
        // Points on the plan's own universe: the on-target share of them.
        _ => match d.grps {
            Some(g) => Some(mul(g, on_target, "TRPs")?),
            None => None,
        },
    };
    Ok(d)
}
