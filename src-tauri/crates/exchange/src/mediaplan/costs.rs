//! A line item's money: which of its cost fields is Flightplan's net media, and what becomes of
//! the others.
//!
//! The schema defines `cost_total` as the line item's total "including all cost components", and
//! `cost_media` as the working media in it; `cost_buying`, `cost_platform`, `cost_data` and
//! `cost_creative` are the other components (the standard's 2.0 example: 280,000 media + 40,000
//! of them = 320,000 total; its custom costs are outside the total). Net media is what a media
//! owner is paid, so it is `cost_media` when given, else `cost_total` less the components given,
//! else `cost_total`. The other components are not media and Flightplan has no field for them:
//! they stay in the stored document and each line item with any is a warning naming them, so the
//! plan's net media never silently includes them. A total that does not add up is a warning.
//! Export writes the same way back (`write.rs`): `cost_media` = net media, `cost_total` = net
//! media + the components, Flightplan's fees as custom costs outside the total.

use crate::preview::{Conversion, Problem, SourceRef};
use flightplan_core::money::{sum, Currency};
use flightplan_core::plan::Line;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// The cost components besides media that `cost_total` includes.
pub(crate) const OTHER_COSTS: [&str; 4] = ["cost_buying", "cost_platform", "cost_data", "cost_creative"];

/// Reads one money field in the plan's currency: `(key, problems, conversion)`.
pub(crate) type Money<'a> = dyn Fn(&str, &mut Vec<Problem>, &mut Option<Conversion>) -> Option<Decimal> + 'a;

/// The line item's net media (`None` when it states none or it does not read), and whether it
/// states no cost at all. The conversion, if any, is the net media's.
pub(crate) fn net_media(
    li: &Map<String, Value>,
    path: &str,
    money: &Money,
    problems: &mut Vec<Problem>,
    conversion: &mut Option<Conversion>,
) -> (Option<Decimal>, bool) {
    let at = |k: &str| SourceRef::path(format!("{path}.{k}"));
    let no_cost = !li.contains_key("cost_media") && !li.contains_key("cost_total");
    let media = money("cost_media", problems, conversion);
    let mut unused = None;
    let total = money("cost_total", problems, if media.is_some() { &mut unused } else { conversion });
    let parts: Vec<(&str, Decimal)> = OTHER_COSTS.iter().filter_map(|k| money(k, problems, &mut None).map(|v| (*k, v))).filter(|(_, v)| !v.is_zero()).collect();
    let others = match sum(parts.iter().map(|p| p.1), "other costs") {
        Ok(o) => o,
        Err(e) => {
            problems.push(Problem::error("overflow", at("cost_total"), e.message));
            return (None, no_cost);
        }
    };
    let net = match (media, total) {
        (Some(m), Some(t)) => {
            let whole = m.checked_add(others);
            if whole != Some(t) {
                let whole = whole.map(|w| w.to_string()).unwrap_or_else(|| "more than can be held".into());
                problems.push(Problem::warning(
                    "figures_disagree",
                    at("cost_total"),
                    format!("cost_total is {t} but cost_media and the other cost components add to {whole}: net media is cost_media ({m})"),
                ));
            }
            Some(m)
        }
        (None, Some(t)) if !parts.is_empty() => match t.checked_sub(others).filter(|m| *m >= Decimal::ZERO) {
            Some(m) => {
                problems.push(Problem::info(
                    "net_media_derived",
                    at("cost_total"),
                    format!("no cost_media: net media is cost_total {t} less the other cost components ({others}), {m}"),
                ));
                Some(m)
            }
            None => {
                problems.push(Problem::error("invalid_field", at("cost_total"), format!("cost_total {t} is less than its other cost components ({others})")));
                None
            }
        },
        (m, t) => m.or(t),
    };
    if !parts.is_empty() {
        let list: Vec<String> = parts.iter().map(|(k, v)| format!("{k} {v}")).collect();
        problems.push(Problem::warning(
            "other_costs",
            SourceRef::path(path),
            format!("{} ({others} in all) are not media: Flightplan does not cost them (they stay in the document, outside net media)", list.join(", ")),
        ));
    }
    // A currency without a rate is one problem, not one per cost field.
    let mut seen = std::collections::HashSet::new();
    problems.retain(|p| seen.insert((p.code.clone(), p.at.path.clone(), p.message.clone())));
    (net, no_cost)
}

/// A line booked in faces or insertions (Flightplan's out-of-home and print lines) costs its
/// units × rate, so the item's net media is checked against that rather than also given as the
/// line's budget (a line may not state both); a difference is a warning.
pub(crate) fn units_not_budget(line: &mut Line, cur: Option<Currency>, at: &SourceRef, problems: &mut Vec<Problem>) {
    let Some(stated) = line.budget.take() else { return };
    let Some(c) = cur else { return };
    if let Ok(Some(net)) = flightplan_core::schedule::unit_net(line, c.minor_units()) {
        if net != stated.0 {
            let units = line.pricing.unit().map(|u| u.label()).unwrap_or_default();
            problems.push(Problem::warning(
                "figures_disagree",
                at.clone(),
                format!("the line item's net media is {stated} but its {units} × rate give {net}: Flightplan uses {net}"),
            ));
        }
    }
}

/// Write a line item's net media as `cost_media` and its `cost_total` as that with the item's
/// other cost components, all in the plan's `currency` (components stated in the item's former
/// currency are converted at its rate, as the import read them).
pub(crate) fn write_costs(li: &mut Map<String, Value>, net: Decimal, currency: &str) {
    let cur = Currency::from_code(currency);
    let foreign = li.get("cost_currency").and_then(Value::as_str).is_some_and(|c| !c.trim().eq_ignore_ascii_case(currency));
    let rate = li.get("cost_currency_exchange_rate").and_then(super::decimal).filter(|r| *r > Decimal::ZERO);
    let mut total = Some(net);
    for k in OTHER_COSTS {
        let Some(v) = li.get(k).and_then(super::decimal) else { continue };
        let v = match (foreign, rate) {
            (true, Some(r)) => v.checked_mul(r).map(|x| cur.map_or(x, |c| c.round(x))).unwrap_or(v),
            _ => v,
        };
        li.insert(k.into(), super::number(v));
        total = total.and_then(|t| t.checked_add(v));
    }
    li.insert("cost_media".into(), super::number(net));
    li.insert("cost_total".into(), super::number(total.unwrap_or(net)));
}
