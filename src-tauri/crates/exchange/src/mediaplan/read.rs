//! A mediaplanschema document into a plan: campaign → the plan (name, client, brand, dates,
//! budget, currency, objective, KPIs, audiences), line items → lines (channel, vehicle or partner
//! as vendor, dates, `cost_media` as net media (`costs.rs`), `metric_*` as stated delivery, and
//! the pricing model and rate derived from cost and delivery).
//!
//! A line item in another currency is converted at its `cost_currency_exchange_rate` (the
//! conversion is listed in the preview) or refused naming the line item; a document with no
//! currency needs the planner's. Problems name the JSON path (`lineitems[2].cost_total`).

use super::campaign::{audiences, goal, status};
use super::{costs, decimal, migrate, props, text, FLIGHTPLAN_KEY};
use crate::derive::{half_unit, intersect, per_unit, rate_for, simplest_in};
use crate::preview::{Conversion, ImportChoices, ImportPreview, PreviewLine, Problem, SourceKind, SourceRef, MAX_IMPORT_LINES};
use crate::spreadsheet::{empty_plan, slug, stem};
use crate::words;
use flightplan_core::costing::line_nets;
use flightplan_core::delivery::deliver;
use flightplan_core::money::{mul, round_dp, Currency};
use flightplan_core::plan::{Line, Plan, Pricing};
use flightplan_core::Dec;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};
use std::collections::HashSet;

/// A document read into a plan, with everything the preview shows.
pub(crate) struct Imported {
    pub plan: Plan,
    pub lines: Vec<PreviewLine>,
    pub problems: Vec<Problem>,
    pub conversions: Vec<Conversion>,
    pub without_cost: Vec<String>,
    pub currency: Option<String>,
    pub currency_source: Option<String>,
    pub version: u32,
}

/// Preview the import of a mediaplanschema document.
pub fn preview(file: &str, doc: &Value, choices: &ImportChoices) -> ImportPreview {
    let imported = import_document(file, doc, choices.currency.as_deref());
    let p = ImportPreview {
        file: file.to_string(),
        kind: SourceKind::Mediaplan,
        source: format!("mediaplanschema {}.0", imported.version),
        sheets: Vec::new(),
        sheet: None,
        header_row: None,
        columns: Vec::new(),
        mapping: None,
        currency: imported.currency,
        currency_source: imported.currency_source,
        plan: imported.plan,
        lines: imported.lines,
        rows_without_cost: imported.without_cost,
        skipped: Vec::new(),
        conversions: imported.conversions,
        problems: imported.problems,
        totals: None,
        labelled: Vec::new(),
    };
    crate::preview::finish(p)
}

/// The document with Flightplan's own `custom_properties.flightplan` taken out (they are applied
/// to the plan, and written back only where they differ from a plain import).
pub(crate) fn without_flightplan_props(doc: &Value) -> Value {
    let mut doc = doc.clone();
    let strip = |v: Option<&mut Value>| {
        if let Some(o) = v.and_then(Value::as_object_mut) {
            let empty = match o.get_mut("custom_properties").and_then(Value::as_object_mut) {
                Some(cp) => {
                    cp.remove(FLIGHTPLAN_KEY);
                    cp.is_empty()
                }
                None => false,
            };
            if empty {
                o.remove("custom_properties");
            }
        }
    };
    strip(doc.get_mut("campaign"));
    if let Some(items) = doc.get_mut("lineitems").and_then(Value::as_array_mut) {
        for li in items {
            strip(Some(li));
        }
    }
    doc
}

/// Flightplan's own details on a campaign or line item at `at`; details that are not an object
/// are left out with a warning.
fn flightplan_props(obj: &Map<String, Value>, at: &str, problems: &mut Vec<Problem>) -> Map<String, Value> {
    match obj.get("custom_properties").and_then(|c| c.get(FLIGHTPLAN_KEY)) {
        Some(Value::Object(o)) => o.clone(),
        None | Some(Value::Null) => Map::new(),
        Some(other) => {
            problems.push(Problem::warning(
                "detail_left_out",
                SourceRef::path(format!("{at}.custom_properties.{FLIGHTPLAN_KEY}")),
                format!("Flightplan's details should be an object, not {other}: left out"),
            ));
            Map::new()
        }
    }
}

/// Read a document (2.0 or 3.0). `currency` is the planner's choice, if any.
pub(crate) fn import_document(file: &str, doc: &Value, currency: Option<&str>) -> Imported {
    // Read without its nulls (the schema's "not given"); keep the document as it was.
    let original = doc;
    let cleaned = super::without_nulls(doc);
    let doc = &cleaned;
    let mut out = Imported {
        plan: empty_plan(file),
        lines: Vec::new(),
        problems: Vec::new(),
        conversions: Vec::new(),
        without_cost: Vec::new(),
        currency: None,
        currency_source: None,
        version: 3,
    };
    let err = |code: &str, path: &str, msg: String| Problem::error(code, SourceRef::path(path), msg);
    let (Some(_), Some(campaign), Some(items)) =
        (doc.get("meta").and_then(Value::as_object), doc.get("campaign").and_then(Value::as_object), doc.get("lineitems").and_then(Value::as_array))
    else {
        out.problems.push(err("not_mediaplan", "", "not a mediaplanschema document: it needs \"meta\", \"campaign\" and \"lineitems\"".into()));
        return out;
    };
    let version = super::major_version(doc);
    match version {
        Some(v @ (2 | 3)) => out.version = v,
        _ => {
            out.problems.push(err("unsupported_version", "meta.schema_version", "only mediaplanschema 2.0 and 3.0 documents import".into()));
            return out;
        }
    }
    if items.len() > MAX_IMPORT_LINES {
        out.problems.push(err("too_many_lines", "lineitems", format!("{} line items is more than a plan import reads ({MAX_IMPORT_LINES})", items.len())));
        return out;
    }
    let v3 = migrate::to_v3(doc);
    let base = without_flightplan_props(&migrate::to_v3(original));
    let meta = v3.get("meta").and_then(Value::as_object).cloned().unwrap_or_default();
    let campaign3 = v3.get("campaign").and_then(Value::as_object).cloned().unwrap_or_default();

    // Currency: the planner's, the campaign's, or the one every line item states.
    let stated = text(campaign, "budget_currency").map(|c| (c.to_ascii_uppercase(), "campaign.budget_currency".to_string()));
    let line_currencies: HashSet<String> =
        items.iter().filter_map(|li| li.get("cost_currency").and_then(Value::as_str)).map(|c| c.trim().to_ascii_uppercase()).collect();
    let stated = stated.or_else(|| {
        (line_currencies.len() == 1)
            .then(|| (line_currencies.iter().next().cloned().unwrap_or_default(), "the line items' cost_currency (the campaign states none)".to_string()))
    });
    let (code, source) = match (currency.map(|c| c.trim().to_ascii_uppercase()), stated) {
        (Some(c), Some((s, from))) if c != s => {
            out.problems.push(err("currency_conflict", "campaign.budget_currency", format!("the document is in {s} ({from}) but {c} was chosen")));
            (Some(s), Some(from))
        }
        (Some(c), _) => (Some(c), Some("chosen for the import".to_string())),
        (None, Some((s, from))) => (Some(s), Some(from)),
        (None, None) => {
            out.problems.push(err(
                "no_currency",
                "campaign.budget_currency",
                "the document states no currency: choose the plan's currency (in the import preview, or --currency CODE)".into(),
            ));
            (None, None)
        }
    };
    let cur = code.as_deref().and_then(Currency::from_code);
    if code.is_some() && cur.is_none() {
        out.problems.push(err(
            "unknown_currency",
            "campaign.budget_currency",
            format!("\"{}\" is not an ISO 4217 currency code", code.clone().unwrap_or_default()),
        ));
    }
    out.currency = code.clone();
    out.currency_source = source;
    let dp = cur.map(|c| c.minor_units()).unwrap_or(2);

    // The plan, as flightplan/1 JSON, then Flightplan's own details over it.
    let mut p = Map::new();
    p.insert("format".into(), json!(flightplan_core::plan::FORMAT));
    let name = text(campaign, "name").or_else(|| text(&meta, "name")).unwrap_or_else(|| {
        out.problems.push(Problem::warning("no_name", SourceRef::path("campaign.name"), "the campaign has no name: named after the file"));
        stem(file)
    });
    p.insert("name".into(), json!(name));
    let client = text(campaign, "advertiser_name").unwrap_or_else(|| {
        out.problems.push(Problem::warning(
            "no_client",
            SourceRef::path("campaign.advertiser_name"),
            "the campaign names no advertiser: imported as \"Unknown client\"",
        ));
        "Unknown client".into()
    });
    p.insert("client".into(), json!(client));
    if let Some(b) = text(campaign, "product_name") {
        p.insert("brand".into(), json!(b));
    }
    p.insert("currency".into(), json!(code.clone().unwrap_or_default()));
    let date = |key: &str, out: &mut Imported| -> Option<String> {
        let path = format!("campaign.{key}");
        match text(campaign, key) {
            Some(s) => match flightplan_core::date::parse(&s) {
                Ok(d) => Some(d.format("%Y-%m-%d").to_string()),
                Err(m) => {
                    out.problems.push(err("bad_date", &path, m));
                    None
                }
            },
            None => {
                out.problems.push(err("missing_field", &path, "the campaign needs a start and an end date".into()));
                None
            }
        }
    };
    let start = date("start_date", &mut out);
    let end = date("end_date", &mut out);
    p.insert("start".into(), json!(start.clone().unwrap_or_else(|| "2000-01-01".into())));
    p.insert("end".into(), json!(end.clone().unwrap_or_else(|| "2000-01-01".into())));
    let budget = match campaign.get("budget_total").map(decimal) {
        Some(Some(b)) if b >= Decimal::ZERO => {
            let r = round_dp(b, dp);
            if r.normalize() != b.normalize() {
                out.problems.push(Problem::warning("rounded", SourceRef::path("campaign.budget_total"), format!("{b} is rounded to {r}")));
            }
            Some(r)
        }
        Some(_) => {
            out.problems.push(err("invalid_field", "campaign.budget_total", "the budget must be a number, not negative".into()));
            None
        }
        None => None,
    };
    // "Flightplan" is what an export writes when no one is named.
    if let Some(by) = text(&meta, "created_by_name").filter(|b| b != "Flightplan") {
        p.insert("prepared_by".into(), json!(by));
    }
    if let Some(s) = text(campaign, "workflow_status_name").and_then(|s| status(&s)) {
        p.insert("status".into(), json!(s));
    }
    if let Some(goal) = goal(&campaign3) {
        p.insert("goal".into(), goal);
    }
    let segments = audiences(&campaign3);
    if !segments.is_empty() {
        p.insert("audience".into(), json!({ "segments": segments }));
    }
    let plan_props = flightplan_props(campaign, "campaign", &mut out.problems);
    p.insert("budget".into(), json!("0"));
    p.insert("lines".into(), json!([]));
    let kept = ["format", "name", "client", "brand", "currency", "start", "end", "budget", "lines", "extensions"];
    let at = format!("campaign.custom_properties.{FLIGHTPLAN_KEY}");
    let mut plan: Plan = props::overlay(&p, &p, &plan_props, (&kept, &["fees", "scenarios"]), &at, &mut out.problems).unwrap_or_else(|| empty_plan(file));

    // The line items.
    let mut used: HashSet<String> = HashSet::new();
    let mut index = Map::new();
    let mut costs: Vec<(usize, Decimal)> = Vec::new();
    for (i, li) in items.iter().enumerate() {
        let path = format!("lineitems[{i}]");
        let Some(li) = li.as_object() else {
            out.problems.push(err("invalid_field", &path, "a line item must be an object".into()));
            continue;
        };
        let (line, no_cost, conversion, problems) = read_line(li, &path, i, cur, start.as_deref(), end.as_deref(), &mut used);
        let Some(line) = line else {
            // The line item does not read at all: its errors say why, and they block the import.
            out.problems.extend(problems);
            continue;
        };
        let id = line.id.clone();
        index.insert(id.clone(), json!(i));
        out.problems.extend(problems.into_iter().map(|p| p.on_line(&id)));
        if let Some(mut c) = conversion {
            c.line = id.clone();
            out.problems.push(
                Problem::info("converted", c.at.clone(), format!("{} {} converted at {} to {} {}", c.amount, c.from, c.rate, c.converted, c.to)).on_line(&id),
            );
            out.conversions.push(c);
        }
        if no_cost {
            out.without_cost.push(id.clone());
            out.problems.push(
                Problem::warning(
                    "no_cost",
                    SourceRef::path(format!("{path}.cost_total")),
                    format!("\"{}\" states no cost: imported at 0 for you to fill in", line.name),
                )
                .on_line(&id),
            );
        }
        costs.push((i, line.budget.unwrap_or_default().0));
        out.lines.push(PreviewLine { id, at: SourceRef::path(path), no_cost, net: None });
        plan.lines.push(line);
    }
    plan.budget = match budget {
        Some(b) => Dec(b),
        None => {
            out.problems.push(Problem::warning(
                "no_budget",
                SourceRef::path("campaign.budget_total"),
                "the campaign states no budget: the lines' costs are its budget",
            ));
            Dec(round_dp(flightplan_core::money::sum(costs.iter().map(|c| c.1), "budget").unwrap_or_default(), dp))
        }
    };
    if plan_props.get("fees").is_none() {
        fees_where_they_fit(&mut plan, &v3, &costs, dp, &mut out.problems);
    }
    settle_delivery(&mut plan, items, &mut out.problems);
    let mut ext = Map::new();
    ext.insert("document".into(), base);
    ext.insert("lines".into(), Value::Object(index));
    if let Some(c) = currency {
        ext.insert("currency".into(), json!(c.trim().to_ascii_uppercase()));
    }
    plan.extensions.mediaplan = Some(Value::Object(ext));
    out.plan = plan;
    out
}

/// The line (`None` when the item does not read at all), whether it states no cost, its currency
/// conversion and its problems.
type ReadLine = (Option<Line>, bool, Option<Conversion>, Vec<Problem>);

/// Line fields a plain import reads from the line item's own fields, never from Flightplan's.
const LINE_KEPT: [&str; 12] = ["id", "name", "channel", "vendor", "start", "end", "budget", "share", "min_budget", "max_budget", "kpi", "buying"];
/// Flightplan's line details that decide the line's money or schedule: one that does not read
/// blocks the import instead of being left out.
const LINE_REQUIRED: [&str; 8] = ["pricing", "rate", "spots", "dayparts", "faces", "insertions", "weights", "pattern"];

#[allow(clippy::too_many_arguments)]
fn read_line(
    li: &Map<String, Value>,
    path: &str,
    i: usize,
    cur: Option<Currency>,
    plan_start: Option<&str>,
    plan_end: Option<&str>,
    used: &mut HashSet<String>,
) -> ReadLine {
    let mut problems = Vec::new();
    let at = |field: &str| SourceRef::path(format!("{path}.{field}"));
    let name = text(li, "name").unwrap_or_else(|| {
        problems.push(Problem::warning("no_name", at("name"), format!("line item {} has no name", i + 1)));
        format!("Line {}", i + 1)
    });
    let own = text(li, "id");
    let base = own.clone().unwrap_or_else(|| slug(&name));
    let mut id = base.clone();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    if own.as_deref() != Some(id.as_str()) {
        problems.push(Problem::warning("line_id", at("id"), format!("no unique id: the line is \"{id}\"")));
    }
    used.insert(id.clone());
    let mut l = Map::new();
    l.insert("id".into(), json!(id));
    l.insert("name".into(), json!(name));
    let channel = text(li, "channel").or_else(|| text(li, "channel_custom")).unwrap_or_else(|| {
        problems.push(Problem::warning("no_channel", at("channel"), "no channel: filed under \"Unassigned\""));
        "Unassigned".into()
    });
    l.insert("channel".into(), json!(channel));
    if let Some(v) = ["vehicle", "vehicle_custom", "partner", "partner_custom"].iter().find_map(|k| text(li, k)) {
        l.insert("vendor".into(), json!(v));
    }
    for (key, fp, fallback) in [("start_date", "start", plan_start), ("end_date", "end", plan_end)] {
        let d = match text(li, key) {
            Some(s) => match flightplan_core::date::parse(&s) {
                Ok(d) => Some(d.format("%Y-%m-%d").to_string()),
                Err(m) => {
                    problems.push(Problem::error("bad_date", at(key), m));
                    None
                }
            },
            None => {
                problems.push(Problem::info("plan_dates", at(key), "no date: the campaign's is used"));
                None
            }
        };
        l.insert(fp.into(), json!(d.or(fallback.map(str::to_string)).unwrap_or_else(|| "2000-01-01".into())));
    }

    // Cost in the plan's currency.
    let line_cur = text(li, "cost_currency").map(|c| c.to_ascii_uppercase());
    let rate = li.get("cost_currency_exchange_rate").and_then(decimal);
    let mut conversion = None;
    let money = |key: &str, problems: &mut Vec<Problem>, conversion: &mut Option<Conversion>| -> Option<Decimal> {
        let raw = li.get(key)?;
        let Some(v) = decimal(raw) else {
            problems.push(Problem::error("invalid_field", at(key), format!("{raw} is not a number")));
            return None;
        };
        if v < Decimal::ZERO {
            problems.push(Problem::error("negative_value", at(key), format!("{v} is negative")));
            return None;
        }
        let Some(c) = cur else { return Some(v) };
        let v = match line_cur.as_deref() {
            Some(lc) if lc != c.code() => match rate.filter(|r| *r > Decimal::ZERO) {
                Some(r) => {
                    let converted = c.round(mul(v, r, "converted cost").ok()?);
                    *conversion = Some(Conversion {
                        line: String::new(),
                        at: at(key),
                        from: lc.to_string(),
                        to: c.code().into(),
                        amount: Dec(v),
                        rate: Dec(r),
                        converted: Dec(converted),
                    });
                    converted
                }
                None => {
                    problems.push(Problem::error(
                        "currency_mismatch",
                        at("cost_currency"),
                        format!("the cost is in {lc} but the campaign is in {} and no cost_currency_exchange_rate is given", c.code()),
                    ));
                    return None;
                }
            },
            _ => v,
        };
        let r = c.round(v);
        if r.normalize() != v.normalize() {
            problems.push(Problem::warning("rounded", at(key), format!("{v} is rounded to {r}")));
        }
        Some(r)
    };
    let (cost, no_cost) = costs::net_media(li, path, &money, &mut problems, &mut conversion);
    l.insert("budget".into(), json!(cost.unwrap_or_default().to_string()));
    for (key, fp) in [("cost_minimum", "min_budget"), ("cost_maximum", "max_budget")] {
        if let Some(v) = money(key, &mut problems, &mut None) {
            l.insert(fp.into(), json!(v.to_string()));
        }
    }
    if let Some(b) = text(li, "buy_type").and_then(|b| words::buying(&b)) {
        l.insert("buying".into(), json!(words::buying_word(b)));
    }
    if let Some(k) = text(li, "kpi").and_then(|k| words::kpi(&k)) {
        let mut kt = json!({ "kpi": words::kpi_code(k) });
        if let Some(t) = li.get("kpi_value").and_then(decimal) {
            kt["target"] = json!(t.to_string());
        }
        l.insert("kpi".into(), kt);
    }

    // Flightplan's own details, else pricing and rate from cost and delivery.
    let props = flightplan_props(li, path, &mut problems);
    let metric = |k: &str| li.get(k).and_then(decimal).filter(|v| *v >= Decimal::ZERO);
    // The plain reading always has a pricing: it stands in for Flightplan's when that does not read.
    let mut plain = l.clone();
    {
        let l = &mut plain;
        let c = cost.unwrap_or_default();
        let pick =
            [(Pricing::Cpm, "metric_impressions"), (Pricing::Cpc, "metric_clicks"), (Pricing::Cpv, "metric_views"), (Pricing::Cpa, "metric_conversions")]
                .into_iter()
                .find_map(|(p, k)| metric(k).and_then(|n| rate_for(c, n, per_unit(p))).map(|r| (p, r)));
        match pick {
            Some((p, r)) => {
                l.insert("pricing".into(), json!(p));
                l.insert("rate".into(), json!(r.to_string()));
            }
            None => {
                l.insert("pricing".into(), json!("flat"));
            }
        }
    }
    if !props.contains_key("pricing") {
        l = plain.clone();
    }
    let at = format!("{path}.custom_properties.{FLIGHTPLAN_KEY}");
    let mut line: Option<Line> = props::overlay(&l, &plain, &props, (&LINE_KEPT, &LINE_REQUIRED), &at, &mut problems);
    let mut no_cost = no_cost;
    if let Some(line) = line.as_mut().filter(|l| l.booked_units().is_some()) {
        costs::units_not_budget(line, cur, &SourceRef::path(path), &mut problems);
        no_cost = false;
    }
    (line, no_cost, conversion, problems)
}

/// Each line item's stated delivery, as the line's stated counts where its pricing does not fix
/// them; a figure the pricing fixes differently is a warning.
fn settle_delivery(plan: &mut Plan, items: &[Value], problems: &mut Vec<Problem>) {
    let Some(c) = Currency::from_code(&plan.currency) else { return };
    let Ok(nets) = line_nets(plan, c) else { return };
    let universe = plan.universe;
    let keys = ["metric_impressions", "metric_clicks", "metric_conversions", "metric_views"];
    let mut ids: Vec<(String, usize)> = Vec::new();
    for (i, li) in items.iter().enumerate() {
        if let Some(id) = li.get("id").and_then(Value::as_str) {
            ids.push((id.to_string(), i));
        }
    }
    for (k, (line, net)) in plan.lines.iter_mut().zip(&nets).enumerate() {
        let li = ids.iter().find(|(id, _)| *id == line.id).and_then(|(_, i)| items.get(*i)).or_else(|| items.get(k));
        let Some(li) = li else { continue };
        let Ok(d) = deliver(line, *net, universe.map(Dec::get)) else { continue };
        for key in keys {
            let Some(v) = li.get(key).and_then(decimal) else { continue };
            let derived = match key {
                "metric_impressions" => d.impressions,
                "metric_clicks" => d.clicks,
                "metric_conversions" => d.conversions,
                _ => d.views,
            };
            match derived {
                None => match key {
                    "metric_impressions" => line.impressions = Some(Dec(v)),
                    "metric_clicks" => line.clicks = Some(Dec(v)),
                    "metric_conversions" => line.conversions = Some(Dec(v)),
                    _ => line.views = Some(Dec(v)),
                },
                Some(x) if crate::own_export::differs(round_dp(v, 0), round_dp(x, 0)) => {
                    problems.push(
                        Problem::warning(
                            "figures_disagree",
                            SourceRef::path(format!("lineitems[{k}].{key}")),
                            format!("{key} is {v} but the line's cost and rates give {}: Flightplan uses {}", round_dp(x, 0), round_dp(x, 0)),
                        )
                        .on_line(&line.id),
                    );
                }
                Some(_) => {}
            }
        }
    }
}

/// The cost breakdown as Flightplan's fees where it fits: a custom cost the dictionary captions
/// as an agency fee, an ad serving cost or a tech/data fee, when it is one rate on every line.
fn fees_where_they_fit(plan: &mut Plan, doc: &Value, costs: &[(usize, Decimal)], dp: u32, problems: &mut Vec<Problem>) {
    let Some(captions) = doc.get("dictionary").and_then(|d| d.get("custom_costs")).and_then(Value::as_object) else { return };
    let items = doc.get("lineitems").and_then(Value::as_array).cloned().unwrap_or_default();
    let h = half_unit(dp);
    for (slot, cfg) in captions {
        let caption = cfg.get("caption").and_then(Value::as_str).unwrap_or("").to_lowercase();
        let kind = if caption.contains("commission") || caption.contains("agency") {
            "commission"
        } else if caption.contains("tech") || caption.contains("data fee") || caption.contains("verification") {
            "tech"
        } else {
            continue;
        };
        let mut span = (Decimal::ZERO, Decimal::ONE_HUNDRED);
        let mut any = false;
        for (i, net) in costs.iter().filter(|(_, n)| *n > Decimal::ZERO) {
            let fee = items.get(*i).and_then(|li| li.get(slot)).and_then(decimal).unwrap_or_default();
            any |= !fee.is_zero();
            let pct = |x: Decimal| x.checked_mul(Decimal::ONE_HUNDRED).and_then(|y| y.checked_div(*net));
            if let (Some(lo), Some(hi)) = (fee.checked_sub(h).map(|x| x.max(Decimal::ZERO)).and_then(pct), fee.checked_add(h).and_then(pct)) {
                span = intersect(span, (lo, hi));
            }
        }
        if !any {
            continue;
        }
        let at = SourceRef::path(format!("dictionary.custom_costs.{slot}"));
        match simplest_in(span.0, span.1) {
            Some(p) if kind == "commission" => {
                plan.fees.agency_commission_pct = Dec(p);
                plan.fees.agency_commission_basis = flightplan_core::plan::CommissionBasis::Net;
                problems.push(Problem::info(
                    "fee_read",
                    at,
                    format!("{slot} (\"{caption}\") is {p}% of every line's cost: the plan's agency commission on net"),
                ));
            }
            Some(p) => {
                plan.fees.tech_fee_pct = Dec(p);
                problems.push(Problem::info("fee_read", at, format!("{slot} (\"{caption}\") is {p}% of every line's cost: the plan's tech fee")));
            }
            None => problems.push(Problem::info(
                "fee_kept",
                at,
                format!("{slot} (\"{caption}\") is not one rate of the lines' costs: kept in the document, not costed as a Flightplan fee"),
            )),
        }
    }
}
