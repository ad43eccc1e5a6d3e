//! The campaign's words into the plan's stage 1 and 2: its workflow status, its objective and
//! KPIs as the goal, its target audiences as segments.

use super::{decimal, text};
use crate::words;
use flightplan_core::plan::{Funnel, Kpi};
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

pub fn status(s: &str) -> Option<&'static str> {
    let w = s.to_lowercase();
    Some(if w.contains("live") || w.contains("active") || w.contains("running") {
        "live"
    } else if w.contains("closed") || w.contains("complete") || w.contains("finished") || w.contains("ended") {
        "closed"
    } else if w.contains("approved") || w.contains("signed") {
        "approved"
    } else if w.contains("proposed") || w.contains("pending") || w.contains("review") || w.contains("submitted") {
        "proposed"
    } else if w.contains("draft") || w.contains("planning") {
        "draft"
    } else {
        return None;
    })
}

/// The objective and KPIs as the plan's goal (only when the objective or a KPI is understood).
pub fn goal(c: &Map<String, Value>) -> Option<Value> {
    let objective = text(c, "objective");
    let mut kpis: Vec<(Kpi, Option<Decimal>)> = Vec::new();
    for n in 1..=5 {
        if let Some(k) = text(c, &format!("kpi_name{n}")).and_then(|k| words::kpi(&k)) {
            kpis.push((k, c.get(&format!("kpi_value{n}")).and_then(decimal)));
        }
    }
    let stage = objective.as_deref().and_then(words::funnel).or_else(|| {
        let first = kpis.first()?.0;
        [Funnel::Awareness, Funnel::Consideration, Funnel::Conversion, Funnel::Retention].into_iter().find(|s| first.fits(*s))
    })?;
    let mut g = json!({ "objective": words::funnel_word(stage) });
    if let Some(o) = objective {
        g["description"] = json!(o);
    }
    let mut rest = kpis.into_iter();
    if let Some((k, t)) = rest.next() {
        g["kpi"] = json!(words::kpi_code(k));
        if let Some(t) = t {
            g["target"] = json!(t.to_string());
        }
    }
    let secondary: Vec<Value> = rest
        .map(|(k, t)| match t {
            Some(t) => json!({ "kpi": words::kpi_code(k), "target": t.to_string() }),
            None => json!({ "kpi": words::kpi_code(k) }),
        })
        .collect();
    if !secondary.is_empty() {
        g["secondary"] = json!(secondary);
    }
    Some(g)
}

/// `target_audiences[]` as segments: name, description and population as size.
pub fn audiences(c: &Map<String, Value>) -> Vec<Value> {
    let Some(list) = c.get("target_audiences").and_then(Value::as_array) else { return Vec::new() };
    list.iter()
        .filter_map(Value::as_object)
        .filter_map(|a| {
            let name = text(a, "name")?;
            let demo = a.keys().any(|k| k.starts_with("demo_"));
            let kind = if demo || a.len() == 1 { "demographic" } else { "behavioural" };
            let mut s = json!({ "name": name, "kind": kind });
            if let Some(d) = text(a, "description") {
                s["description"] = json!(d);
            }
            if let Some(p) = a.get("population_size").and_then(decimal) {
                s["size"] = json!(p.to_string());
            }
            Some(s)
        })
        .collect()
}
