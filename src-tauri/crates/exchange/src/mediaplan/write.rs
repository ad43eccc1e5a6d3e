//! A plan as a mediaplanschema 3.0 document.
//!
//! A plan imported from a document is written as that document with only what changed since:
//! each group of fields (a line's dates, its cost, its delivery, the campaign's goal, ...) is
//! compared with a fresh import of the stored document, and only a group that differs is written
//! from the plan. So exporting an imported plan unchanged gives the same document back, and an
//! edit changes just the fields it touched. A plan born in Flightplan is written whole.
//!
//! Line items carry `cost_media` = net media and `cost_total` = net media with the item's other
//! standard cost components (as the import reads them, `costs.rs`), the delivery the core
//! computes as `metric_*`, and the line's fees as custom costs captioned in the dictionary,
//! outside `cost_total` as the standard's example keeps its custom costs; what only Flightplan
//! has goes in `custom_properties.flightplan`.

use super::read::import_document;
use super::{number, FLIGHTPLAN_KEY};
use crate::words;
use flightplan_core::plan::{Line, Plan, PlanStatus};
use flightplan_core::Dec;
use flightplan_core::{Error, LineView, PlanView, Result};
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

/// Plan fields the standard's own fields carry; everything else of the plan travels in the
/// campaign's `custom_properties.flightplan`.
const PLAN_STANDARD: [&str; 12] = ["format", "name", "client", "brand", "currency", "start", "end", "budget", "lines", "extensions", "prepared_by", "status"];
/// Line fields the standard carries; the rest travel in the line item's `custom_properties`.
const LINE_STANDARD: [&str; 12] = ["id", "name", "channel", "vendor", "start", "end", "budget", "share", "min_budget", "max_budget", "kpi", "buying"];

fn extras(value: Value, standard: &[&str]) -> Map<String, Value> {
    let mut m = match value {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    m.retain(|k, _| !standard.contains(&k.as_str()));
    m
}

fn plan_extras(p: &Plan) -> Map<String, Value> {
    let mut m = extras(serde_json::to_value(p).unwrap_or(Value::Null), &PLAN_STANDARD);
    // Defaults say nothing worth carrying.
    let defaults = extras(serde_json::to_value(crate::spreadsheet::empty_plan("")).unwrap_or(Value::Null), &PLAN_STANDARD);
    m.retain(|k, v| defaults.get(k) != Some(v));
    m
}

fn line_extras(l: &Line) -> Map<String, Value> {
    extras(serde_json::to_value(l).unwrap_or(Value::Null), &LINE_STANDARD)
}

fn date(d: chrono::NaiveDate) -> Value {
    json!(d.format("%Y-%m-%d").to_string())
}

fn status_word(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::Draft => "Draft",
        PlanStatus::Proposed => "Proposed",
        PlanStatus::Approved => "Approved",
        PlanStatus::Live => "Live",
        PlanStatus::Closed => "Closed",
    }
}

type Figure = fn(&LineView) -> Decimal;
type Count = fn(&LineView) -> Option<Decimal>;

/// The fees written per line item, with the dictionary caption each custom cost gets.
const FEES: [(&str, Figure); 3] = [("Agency commission", |v| v.agency_commission.0), ("Ad serving", |v| v.ad_serving.0), ("Tech fee", |v| v.tech_fee.0)];

/// The plan as a mediaplanschema 3.0 document. `created_at` (ISO 8601 date-time) stamps a
/// document the plan was not imported from.
pub fn write_mediaplan(plan: &Plan, view: &PlanView, created_at: &str) -> Result<Value> {
    if plan.lines.len() != view.lines.len() {
        return Err(Error::new("stale_view", "the costed plan does not match the plan: recompute it before exporting"));
    }
    let ext = plan.extensions.mediaplan.as_ref();
    let base = ext.and_then(|e| e.get("document")).filter(|d| d.is_object());
    let index = ext.and_then(|e| e.get("lines")).and_then(Value::as_object);
    let chosen = ext.and_then(|e| e.get("currency")).and_then(Value::as_str);
    // The plan as the stored document imports today: what the planner has not changed.
    let before = base.map(|d| import_document("", d, chosen).plan);
    let before_view = before.as_ref().and_then(|p| flightplan_core::compute(p).ok());
    let before = before.filter(|_| before_view.is_some());

    let mut doc = base.cloned().unwrap_or_else(|| json!({ "meta": {}, "campaign": {}, "lineitems": [] }));
    let Some(root) = doc.as_object_mut() else { return Err(Error::new("export_failed", "the stored document is not an object")) };

    // meta
    let meta = root.entry("meta").or_insert_with(|| json!({}));
    if let Some(m) = meta.as_object_mut() {
        m.insert("schema_version".into(), json!("3.0"));
        if base.is_none() {
            m.insert("id".into(), json!(format!("{}-v{}", crate::spreadsheet::slug(&plan.name), plan.version)));
            m.insert("name".into(), json!(plan.name));
            m.insert("created_at".into(), json!(created_at));
        }
        let by_changed = before.as_ref().is_none_or(|b| b.prepared_by != plan.prepared_by);
        if by_changed || !m.contains_key("created_by_name") {
            let by = if plan.prepared_by.is_empty() { "Flightplan".to_string() } else { plan.prepared_by.clone() };
            m.insert("created_by_name".into(), json!(by));
        }
        m.entry("id").or_insert_with(|| json!(crate::spreadsheet::slug(&plan.name)));
        m.entry("created_at").or_insert_with(|| json!(created_at));
    }

    // campaign
    let campaign = root.entry("campaign").or_insert_with(|| json!({}));
    if let Some(c) = campaign.as_object_mut() {
        write_campaign(c, plan, before.as_ref());
    }

    // line items, in the plan's order
    let old_items: Vec<Value> = base.and_then(|d| d.get("lineitems")).and_then(Value::as_array).cloned().unwrap_or_default();
    let mut slots: Option<[String; 3]> = None;
    let mut items = Vec::with_capacity(plan.lines.len());
    for (line, v) in plan.lines.iter().zip(&view.lines) {
        let old = index.and_then(|ix| ix.get(&line.id)).and_then(Value::as_u64).and_then(|i| old_items.get(i as usize));
        let prev = before.as_ref().zip(before_view.as_ref()).and_then(|(b, bv)| {
            let i = b.lines.iter().position(|l| l.id == line.id)?;
            Some((&b.lines[i], &bv.lines[i]))
        });
        let prev = prev.filter(|_| old.is_some());
        let mut li = old.and_then(Value::as_object).cloned().unwrap_or_default();
        write_line(&mut li, line, v, prev, plan);
        let fees_changed = prev.is_none_or(|(_, pv)| FEES.iter().any(|(_, f)| f(pv) != f(v)));
        if fees_changed && FEES.iter().any(|(_, f)| !f(v).is_zero()) {
            let s = slots.get_or_insert_with(|| fee_slots(&old_items));
            for ((_, f), slot) in FEES.iter().zip(s.iter()) {
                li.insert(slot.clone(), number(f(v)));
            }
        }
        items.push(Value::Object(li));
    }
    root.insert("lineitems".into(), Value::Array(items));
    if let Some(s) = slots {
        let dict = root.entry("dictionary").or_insert_with(|| json!({}));
        if let Some(d) = dict.as_object_mut() {
            let costs = d.entry("custom_costs").or_insert_with(|| json!({}));
            if let Some(cc) = costs.as_object_mut() {
                for ((caption, _), slot) in FEES.iter().zip(s.iter()) {
                    cc.insert(slot.clone(), json!({ "status": "enabled", "caption": caption }));
                }
            }
        }
    }
    Ok(doc)
}

/// Three `cost_customN` slots no line item or dictionary entry of the document uses.
fn fee_slots(items: &[Value]) -> [String; 3] {
    let used = |n: usize| {
        let k = format!("cost_custom{n}");
        items.iter().any(|li| li.get(&k).is_some())
    };
    let free: Vec<String> = (1..=10).filter(|n| !used(*n)).map(|n| format!("cost_custom{n}")).collect();
    let pick = |i: usize| free.get(i).cloned().unwrap_or_else(|| format!("cost_custom{}", 8 + i));
    [pick(0), pick(1), pick(2)]
}

fn set_or_remove(o: &mut Map<String, Value>, key: &str, v: Option<Value>) {
    match v {
        Some(v) => {
            o.insert(key.into(), v);
        }
        None => {
            o.remove(key);
        }
    }
}

fn write_campaign(c: &mut Map<String, Value>, plan: &Plan, before: Option<&Plan>) {
    let changed = |f: &dyn Fn(&Plan) -> Value| before.is_none_or(|b| f(b) != f(plan));
    if !c.contains_key("id") {
        c.insert("id".into(), json!(crate::spreadsheet::slug(&plan.name)));
    }
    if changed(&|p| json!(p.name)) {
        c.insert("name".into(), json!(plan.name));
    }
    if changed(&|p| json!(p.client)) {
        c.insert("advertiser_name".into(), json!(plan.client));
    }
    if changed(&|p| json!(p.brand)) {
        set_or_remove(c, "product_name", (!plan.brand.is_empty()).then(|| json!(plan.brand)));
    }
    if changed(&|p| json!([p.start, p.end])) {
        c.insert("start_date".into(), date(plan.start));
        c.insert("end_date".into(), date(plan.end));
    }
    if changed(&|p| json!([p.budget.to_string(), p.currency])) {
        c.insert("budget_total".into(), number(plan.budget.0));
        c.insert("budget_currency".into(), json!(plan.currency));
    }
    if changed(&|p| json!(p.status)) {
        c.insert("workflow_status_name".into(), json!(status_word(plan.status)));
    }
    if changed(&|p| serde_json::to_value(&p.goal).unwrap_or(Value::Null)) {
        let g = plan.goal.as_ref();
        let objective = g.map(|g| if g.description.is_empty() { words::funnel_word(g.objective).to_string() } else { g.description.clone() });
        set_or_remove(c, "objective", objective.map(|o| json!(o)));
        let mut kpis: Vec<(String, Option<Decimal>)> = Vec::new();
        if let Some(g) = g {
            if let Some(k) = g.kpi {
                kpis.push((words::kpi_code(k), g.target.map(Dec::get)));
            }
            kpis.extend(g.secondary.iter().map(|s| (words::kpi_code(s.kpi), s.target.map(Dec::get))));
        }
        for n in 1..=5 {
            let k = kpis.get(n - 1);
            set_or_remove(c, &format!("kpi_name{n}"), k.map(|k| json!(k.0)));
            set_or_remove(c, &format!("kpi_value{n}"), k.and_then(|k| k.1).map(number));
        }
    }
    if changed(&|p| serde_json::to_value(&p.audience.segments).unwrap_or(Value::Null)) {
        let old: Vec<Value> = c.get("target_audiences").and_then(Value::as_array).cloned().unwrap_or_default();
        let list: Vec<Value> = plan
            .audience
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut a = old.get(i).and_then(Value::as_object).cloned().unwrap_or_default();
                a.insert("name".into(), json!(s.name));
                set_or_remove(&mut a, "description", (!s.description.is_empty()).then(|| json!(s.description)));
                set_or_remove(
                    &mut a,
                    "population_size",
                    s.size.and_then(|x| i64::try_from(flightplan_core::money::round_dp(x.0, 0).mantissa()).ok()).map(|x| json!(x)),
                );
                Value::Object(a)
            })
            .collect();
        set_or_remove(c, "target_audiences", (!list.is_empty()).then_some(Value::Array(list)));
    }
    let mine = plan_extras(plan);
    if before.is_none_or(|b| plan_extras(b) != mine) {
        set_flightplan_props(c, mine);
    }
}

fn set_flightplan_props(o: &mut Map<String, Value>, props: Map<String, Value>) {
    let cp = o.entry("custom_properties").or_insert_with(|| json!({}));
    if let Some(cp) = cp.as_object_mut() {
        if props.is_empty() {
            cp.remove(FLIGHTPLAN_KEY);
        } else {
            cp.insert(FLIGHTPLAN_KEY.into(), Value::Object(props));
        }
    }
    if o.get("custom_properties").and_then(Value::as_object).is_some_and(|cp| cp.is_empty()) {
        o.remove("custom_properties");
    }
}

fn write_line(li: &mut Map<String, Value>, line: &Line, v: &LineView, prev: Option<(&Line, &LineView)>, plan: &Plan) {
    let changed = |f: &dyn Fn(&Line) -> Value| prev.is_none_or(|(b, _)| f(b) != f(line));
    if prev.is_none() {
        li.insert("id".into(), json!(line.id));
    }
    if changed(&|l| json!(l.name)) {
        li.insert("name".into(), json!(line.name));
    }
    if changed(&|l| json!([l.start, l.end])) {
        li.insert("start_date".into(), date(line.start));
        li.insert("end_date".into(), date(line.end));
    }
    if changed(&|l| json!(l.channel)) {
        li.insert("channel".into(), json!(line.channel));
    }
    if changed(&|l| json!(l.vendor)) {
        li.remove("vehicle_custom");
        set_or_remove(li, "vehicle", (!line.vendor.is_empty()).then(|| json!(line.vendor)));
    }
    if prev.is_none_or(|(_, pv)| pv.net != v.net) {
        super::costs::write_costs(li, v.net.0, &plan.currency);
        li.insert("cost_currency".into(), json!(plan.currency));
        li.remove("cost_currency_exchange_rate");
    }
    let counts: [(&str, Count); 4] = [
        ("metric_impressions", |x| x.impressions.map(Dec::get)),
        ("metric_clicks", |x| x.clicks.map(Dec::get)),
        ("metric_views", |x| x.views.map(Dec::get)),
        ("metric_conversions", |x| x.conversions.map(Dec::get)),
    ];
    for (key, get) in counts {
        if prev.is_none_or(|(_, pv)| get(pv) != get(v)) {
            set_or_remove(li, key, get(v).map(number));
        }
    }
    if changed(&|l| serde_json::to_value(&l.kpi).unwrap_or(Value::Null)) {
        set_or_remove(li, "kpi", line.kpi.as_ref().map(|k| json!(words::kpi_code(k.kpi))));
        set_or_remove(li, "kpi_value", line.kpi.as_ref().and_then(|k| k.target).map(|d| number(d.0)));
    }
    if changed(&|l| json!(l.buying)) {
        set_or_remove(li, "buy_type", line.buying.map(|b| json!(words::buying_word(b))));
    }
    if changed(&|l| json!([l.min_budget, l.max_budget])) {
        set_or_remove(li, "cost_minimum", line.min_budget.map(|d| number(d.0)));
        set_or_remove(li, "cost_maximum", line.max_budget.map(|d| number(d.0)));
    }
    let mine = line_extras(line);
    if prev.is_none_or(|(b, _)| line_extras(b) != mine) {
        set_flightplan_props(li, mine);
    }
}
