//! The `flightplan/1` plan file: read with errors that name the JSON path and line id, check
//! every rule a planner could break, and write back so that a round trip is exact.

use crate::error::{Error, Result};
use crate::money::Currency;
use crate::plan::{Line, Pattern, Plan, Pricing, FORMAT};
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// Read a plan file and check it. The first problem found is returned; use [`validate`] for all.
pub fn parse_plan(text: &str) -> Result<Plan> {
    let plan = read_plan(text)?;
    match validate(&plan).into_iter().next() {
        Some(e) => Err(e),
        None => Ok(plan),
    }
}

/// Read a plan file's structure (types, required fields, enum values) without the rules.
pub fn read_plan(text: &str) -> Result<Plan> {
    let mut de = serde_json::Deserializer::from_str(text);
    let result: std::result::Result<Plan, _> = serde_path_to_error::deserialize(&mut de);
    let plan = match result {
        Ok(p) => p,
        Err(err) => return Err(structure_error(text, err)),
    };
    if let Err(e) = de.end() {
        return Err(Error::new("invalid_json", "there is more text after the plan").at_json(e.line(), e.column()));
    }
    Ok(plan)
}

/// Read and check a plan that is already JSON in memory (what the desktop's commands receive):
/// the same rules and errors as [`parse_plan`], without writing the plan out as text and reading
/// it again. There is no file position to give.
pub fn plan_from_value(value: &serde_json::Value) -> Result<Plan> {
    let plan: Plan = serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        let shown_path = if path == "." { "plan".to_string() } else { path.clone() };
        let e = field_error(shown_path, &err.into_inner());
        match line_id_in(value, &path) {
            Some(id) => e.on_line(&id),
            None => e,
        }
    })?;
    match validate(&plan).into_iter().next() {
        Some(e) => Err(e),
        None => Ok(plan),
    }
}

/// Read and check a plan the app's UI sent as `flightplan/1` text: read straight into the model,
/// at [`parse_plan`]'s speed (a 1,000-line plan in about 5 ms, where building the JSON tree first
/// and reading the model from it took 13 ms on every edit). Its errors are
/// [`plan_from_value`]'s: the JSON path and line id, without a position in a text the planner
/// never saw (text that is not JSON at all keeps its position).
pub fn plan_from_sent_text(text: &str) -> Result<Plan> {
    parse_plan(text).map_err(|e| if e.code == "invalid_json" { e } else { Error { json_line: None, json_column: None, ..e } })
}

/// A plan file that does not read: serde's words as the message, the JSON path, the line id and
/// the file position as fields.
fn structure_error(text: &str, err: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = err.path().to_string();
    let inner = err.into_inner();
    if inner.is_syntax() || inner.is_eof() {
        let what = if inner.is_eof() { "the file ends too early" } else { "the JSON is malformed" };
        let mut e = Error::new("invalid_json", what).at_json(inner.line(), inner.column());
        // "?" is where the path reader lost track (inside a broken value): no field to name.
        if path != "." && path != "?" {
            e.path = Some(path);
        }
        return e;
    }
    // A type or value problem: name the path and, inside `lines[i]`, the line's id.
    let shown_path = if path == "." { "plan".to_string() } else { path.clone() };
    let mut e = field_error(shown_path, &inner).at_json(inner.line(), inner.column());
    if let Some(id) = line_id_for_path(text, &path) {
        e = e.on_line(&id);
    }
    e
}

/// A field that does not read (a type or value problem, or missing), at `path`: serde's words
/// without their position, as `missing_field` or `invalid_field`.
pub(crate) fn field_error(path: String, err: &serde_json::Error) -> Error {
    let msg = crate::error::without_position(&err.to_string());
    let code = if msg.starts_with("missing field") { "missing_field" } else { "invalid_field" };
    Error::at(code, path, msg)
}

/// For a path like `lines[3].rate`, find the id of line 3 in the raw JSON, if it has one.
fn line_id_for_path(text: &str, path: &str) -> Option<String> {
    let rest = path.strip_prefix("lines[")?;
    let idx: usize = rest.split(']').next()?.parse().ok()?;
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    v.get("lines")?.get(idx)?.get("id")?.as_str().map(str::to_string)
}

/// The same for a plan already in memory.
fn line_id_in(value: &serde_json::Value, path: &str) -> Option<String> {
    let rest = path.strip_prefix("lines[")?;
    let idx: usize = rest.split(']').next()?.parse().ok()?;
    value.get("lines")?.get(idx)?.get("id")?.as_str().map(str::to_string)
}

/// Write a plan as pretty `flightplan/1` JSON. `parse_plan(&write_plan(p)) == p`.
pub fn write_plan(plan: &Plan) -> String {
    // Serialising these plain types cannot fail (no maps with non-string keys, no floats).
    serde_json::to_string_pretty(plan).unwrap_or_default()
}

/// Every rule a valid plan keeps, each broken rule as its own error naming the field.
pub fn validate(plan: &Plan) -> Vec<Error> {
    let mut errs = Vec::new();
    crate::limits::check(plan, &mut errs);
    if plan.format != FORMAT {
        errs.push(Error::at("unsupported_format", "format", format!("\"{}\" is not a format this version reads (expected \"{FORMAT}\")", plan.format)));
    }
    if plan.name.trim().is_empty() {
        errs.push(Error::at("missing_field", "name", "the plan needs a name"));
    }
    if plan.client.trim().is_empty() {
        errs.push(Error::at("missing_field", "client", "the plan needs a client"));
    }
    let currency = Currency::from_code(&plan.currency);
    if currency.is_none() {
        errs.push(Error::at("unknown_currency", "currency", format!("\"{}\" is not an ISO 4217 currency code (such as USD, EUR, JPY)", plan.currency)));
    }
    if plan.end < plan.start {
        errs.push(Error::at("date_order", "end", format!("the plan ends ({}) before it starts ({})", plan.end, plan.start)));
    }
    non_negative(&mut errs, "budget", plan.budget.0);
    if let Some(c) = currency {
        money_precision(&mut errs, "budget", plan.budget.0, c);
    }
    if let Some(u) = plan.universe {
        if u <= Decimal::ZERO {
            errs.push(Error::at("out_of_range", "universe", "the universe must be greater than zero"));
        }
    }
    let f = &plan.fees;
    percent(&mut errs, "fees.agency_commission_pct", f.agency_commission_pct.0, false);
    non_negative(&mut errs, "fees.ad_serving_cpm", f.ad_serving_cpm.0);
    percent(&mut errs, "fees.tech_fee_pct", f.tech_fee_pct.0, true);
    if let Some(g) = &plan.goal {
        if let Some(t) = g.target {
            non_negative(&mut errs, "goal.target", t.0);
        }
        if let Some(p) = g.guardrails.max_channel_share_pct {
            percent(&mut errs, "goal.guardrails.max_channel_share_pct", p.0, true);
        }
        if let Some(r) = g.revenue_per_conversion {
            non_negative(&mut errs, "goal.revenue_per_conversion", r.0);
        }
    }
    if plan.effective_frequency == Some(0) {
        errs.push(Error::at("out_of_range", "effective_frequency", "effective frequency must be at least 1"));
    }
    if plan.lines.is_empty() {
        // An empty plan is legal (a new plan starts empty); nothing to check per line.
    }
    let mut ids = IdSet::with_capacity_and_hasher(plan.lines.len(), Default::default());
    for (i, line) in plan.lines.iter().enumerate() {
        if !ids.insert(line.id.as_str()) {
            errs.push(Error::at("duplicate_line_id", format!("lines[{i}].id"), "another line already has this id").on_line(&line.id));
        }
        validate_line(&mut errs, i, line, currency);
    }
    validate_results(&mut errs, plan);
    crate::comments::validate_comments(plan, &mut errs);
    crate::scenario_rules::validate_scenarios(plan, currency, &mut errs);
    errs.extend(validate_planning(plan));
    errs
}

fn validate_line(errs: &mut Vec<Error>, i: usize, l: &Line, currency: Option<Currency>) {
    let p = |field: &str| format!("lines[{i}].{field}");
    let mut push = |e: Error| errs.push(e.on_line(&l.id));
    if l.id.trim().is_empty() {
        push(Error::at("missing_field", p("id"), "every line needs an id"));
    }
    if l.name.trim().is_empty() {
        push(Error::at("missing_field", p("name"), "the line needs a name"));
    }
    let booked = l.pricing.unit().zip(l.booked_units());
    match (l.budget, l.share) {
        // Booked in units, the line's money is units × rate: no budget or share besides.
        (budget, share) if booked.is_some() => {
            let field = if budget.is_some() {
                Some("budget")
            } else if share.is_some() {
                Some("share")
            } else {
                None
            };
            if let (Some(field), Some((unit, _))) = (field, booked) {
                let u = unit.label();
                push(Error::at("invalid_field", p(field), format!("a {} line costs its {u} × rate: give {u} or a {field}, not both", l.pricing.label())));
            }
        }
        (None, None) => push(Error::at("missing_field", p("budget"), "give the line a budget or a share")),
        (Some(_), Some(_)) => push(Error::at("invalid_field", p("share"), "give either a budget or a share, not both")),
        (Some(b), None) => {
            if b < Decimal::ZERO {
                push(Error::at("negative_value", p("budget"), format!("{b} is negative")));
            } else if let Some(c) = currency {
                if b.normalize().scale() > c.minor_units() {
                    push(Error::at("too_precise", p("budget"), format!("{b} has more decimal places than {} allows ({})", c.code(), c.minor_units())));
                }
            }
        }
        (None, Some(s)) => {
            if s < Decimal::ZERO {
                push(Error::at("negative_value", p("share"), format!("{s} is negative")));
            } else if s > Decimal::ONE_HUNDRED {
                push(Error::at("share_over_100", p("share"), format!("a share of {s}% is over 100%")));
            }
        }
    }
    validate_units(&mut push, &p, l);
    match (l.pricing, l.rate) {
        (_, Some(r)) if r < Decimal::ZERO => push(Error::at("negative_value", p("rate"), format!("{r} is negative"))),
        (Pricing::Flat, _) => {}
        (pricing, None) => push(Error::at("missing_field", p("rate"), format!("a {} line needs a rate", pricing.label()))),
        (pricing, Some(r)) if r.is_zero() => push(Error::at("out_of_range", p("rate"), format!("a {} rate must be greater than zero", pricing.label()))),
        _ => {}
    }
    if l.end < l.start {
        push(Error::at("date_order", p("end"), format!("the flight ends ({}) before it starts ({})", l.end, l.start)));
    }
    for (name, v) in [("ctr", l.ctr), ("cvr", l.cvr), ("vtr", l.vtr)] {
        if let Some(v) = v {
            if v < Decimal::ZERO || v > Decimal::ONE {
                push(Error::at("out_of_range", p(name), format!("{v} must be a fraction between 0 and 1 (1.2% is \"0.012\")")));
            }
        }
    }
    for (name, v) in [("impressions", l.impressions), ("clicks", l.clicks), ("conversions", l.conversions), ("views", l.views), ("grps", l.grps)] {
        if let Some(v) = v {
            if v < Decimal::ZERO {
                push(Error::at("negative_value", p(name), format!("{v} is negative")));
            }
        }
    }
    if l.weights.is_some() && l.pattern.is_some() {
        push(Error::at("invalid_field", p("pattern"), "give weekly weights or a pattern, not both"));
    }
    if let Some(w) = &l.weights {
        let weeks = crate::flight::flight_week_count(l.start, l.end);
        if l.end >= l.start && w.len() != weeks {
            push(Error::at("invalid_field", p("weights"), format!("has {} weights but the flight spans {weeks} weeks", w.len())));
        }
        if let Some((k, v)) = w.iter().enumerate().find(|(_, v)| **v < Decimal::ZERO) {
            push(Error::at("negative_value", format!("lines[{i}].weights[{k}]"), format!("{v} is negative")));
        }
        if !w.is_empty() && w.iter().all(|v| v.is_zero()) {
            push(Error::at("invalid_field", p("weights"), "every week is a hiatus: at least one weight must be above zero"));
        }
    }
    match &l.pattern {
        Some(Pattern::Flighting { on, .. }) | Some(Pattern::Pulsing { on, .. }) if *on == 0 => {
            push(Error::at("out_of_range", p("pattern.on"), "a pattern needs at least one week on"))
        }
        Some(Pattern::Pulsing { base, .. }) if *base < Decimal::ZERO => push(Error::at("negative_value", p("pattern.base"), format!("{base} is negative"))),
        _ => {}
    }
    for (k, c) in l.creative.iter().enumerate() {
        if c.format.trim().is_empty() {
            push(Error::at("missing_field", format!("lines[{i}].creative[{k}].format"), "name the creative format"));
        }
    }
    validate_line_intelligence(errs, i, l, currency);
}

/// A line's audience and traditional units: a universe above zero, an on-target percent, spot
/// lengths, dayparts whose shares add up, a readership that is not negative.
fn validate_units(push: &mut impl FnMut(Error), p: &impl Fn(&str) -> String, l: &Line) {
    if let Some(u) = l.universe {
        if u <= Decimal::ZERO {
            push(Error::at("out_of_range", p("universe"), "the line's universe must be greater than zero"));
        }
    }
    if let Some(t) = l.target_pct {
        if t < Decimal::ZERO || t > Decimal::ONE_HUNDRED {
            push(Error::at("out_of_range", p("target_pct"), format!("{t} must be a percent between 0 and 100")));
        }
    }
    if let Some(r) = l.readership {
        if r < Decimal::ZERO {
            push(Error::at("negative_value", p("readership"), format!("{r} is negative")));
        }
    }
    if l.spot_length == Some(0) {
        push(Error::at("out_of_range", p("spot_length"), "a spot lasts at least one second"));
    }
    let mut shares = Decimal::ZERO;
    let mut all_shared = !l.dayparts.is_empty();
    for (k, d) in l.dayparts.iter().enumerate() {
        if d.name.trim().is_empty() {
            push(Error::at("missing_field", p(&format!("dayparts[{k}].name")), "name the daypart"));
        }
        match d.share {
            Some(s) if s < Decimal::ZERO || s > Decimal::ONE_HUNDRED => {
                push(Error::at("out_of_range", p(&format!("dayparts[{k}].share")), format!("{s} must be a percent between 0 and 100")))
            }
            Some(s) => shares = shares.saturating_add(s.0),
            None => all_shared = false,
        }
    }
    if all_shared && shares != Decimal::ONE_HUNDRED {
        push(Error::at("invalid_field", p("dayparts"), format!("the daypart shares add up to {}%, not 100%", shares.normalize())));
    }
}

/// Allocator bounds on a line: amounts of the plan currency, never negative.
fn validate_line_intelligence(errs: &mut Vec<Error>, i: usize, l: &Line, currency: Option<Currency>) {
    let p = |field: &str| format!("lines[{i}].{field}");
    let mut own = Vec::new();
    for (name, v) in [("min_budget", l.min_budget), ("max_budget", l.max_budget)] {
        // The usual valid bound needs no path (made only for an error).
        let precise = |v: Decimal| currency.is_none_or(|c| v.normalize().scale() <= c.minor_units());
        let fine = |v: Decimal| v >= Decimal::ZERO && precise(v);
        if let Some(v) = v.filter(|v| !fine(v.0)) {
            non_negative(&mut own, &p(name), v.0);
            if let (Some(c), true) = (currency, v >= Decimal::ZERO) {
                money_precision(&mut own, &p(name), v.0, c);
            }
        }
    }
    errs.extend(own.into_iter().map(|e| e.on_line(&l.id)));
}

/// The planning-model rules: the reach model's ranges, the duplication factor, lines' reach
/// estimates, response curve parameters and `min_budget` ≤ `max_budget`.
///
/// Part of [`validate`], so a file with an impossible model is rejected on import, naming the
/// JSON path and line id; `compute`, `allocate` and `compare` check the same rules again where
/// they make the figures.
pub fn validate_planning(plan: &Plan) -> Vec<Error> {
    let mut errs = Vec::new();
    if let Some(m) = &plan.reach_model {
        crate::scenario_rules::reach_model_rules(&mut errs, "reach_model", m);
    }
    if let Some(d) = plan.duplication_factor {
        crate::scenario_rules::duplication_rule(&mut errs, "duplication_factor", d.0);
    }
    for (i, l) in plan.lines.iter().enumerate() {
        let p = |field: &str| format!("lines[{i}].{field}");
        let mut own = Vec::new();
        if let Some(r) = l.reach_pct {
            crate::scenario_rules::reach_pct_rule(&mut own, &p("reach_pct"), r.0);
        }
        if let Some(r) = &l.response {
            if let Err(e) = r.curve_at(|| p("response")) {
                own.push(e);
            }
        }
        if let (Some(lo), Some(hi)) = (l.min_budget, l.max_budget) {
            if hi < lo && hi >= Decimal::ZERO {
                own.push(Error::at("infeasible_bounds", p("max_budget"), format!("the max budget {hi} is under the min budget {lo}")));
            }
        }
        errs.extend(own.into_iter().map(|e| e.on_line(&l.id)));
    }
    errs
}

/// Stage 6's records: actuals on known lines with counts that can be counted, invoices for a
/// vendor and a real month, learnings that say something.
fn validate_results(errs: &mut Vec<Error>, plan: &Plan) {
    if plan.actuals.is_empty() && plan.invoices.is_empty() && plan.learnings.is_empty() {
        return;
    }
    let line_ids: IdSet = plan.lines.iter().map(|l| l.id.as_str()).collect();
    let known = |errs: &mut Vec<Error>, path: String, id: &str| {
        if !line_ids.contains(id) {
            errs.push(Error::at("unknown_line", path, format!("no line has the id \"{id}\"")));
        }
    };
    for (i, a) in plan.actuals.iter().enumerate() {
        known(errs, format!("actuals[{i}].line"), &a.line);
        non_negative(errs, &format!("actuals[{i}].spend"), a.spend.0);
        if a.end < a.start {
            errs.push(Error::at("invalid_field", format!("actuals[{i}].end"), format!("{} is before the start {}", a.end, a.start)));
        } else if a.days() > crate::plan::MAX_ACTUAL_DAYS {
            errs.push(Error::at(
                "invalid_field",
                format!("actuals[{i}].end"),
                format!("the row covers {} days; one actual may cover at most {} (ten years)", a.days(), crate::plan::MAX_ACTUAL_DAYS),
            ));
        }
        for (field, v) in [("impressions", a.impressions), ("clicks", a.clicks), ("conversions", a.conversions)] {
            let Some(v) = v else { continue };
            let path = format!("actuals[{i}].{field}");
            if v < Decimal::ZERO {
                errs.push(Error::at("negative_value", path, format!("{v} is negative")));
            } else if !v.fract().is_zero() && field != "conversions" {
                // Conversions may be fractional (data-driven attribution); people and clicks not.
                errs.push(Error::at("invalid_field", path, format!("{v} {field} is not a whole number")));
            }
        }
        if let Some(r) = a.revenue {
            non_negative(errs, &format!("actuals[{i}].revenue"), r.0);
        }
    }
    for (i, inv) in plan.invoices.iter().enumerate() {
        if inv.vendor.trim().is_empty() {
            errs.push(Error::at("missing_field", format!("invoices[{i}].vendor"), "the invoice needs the vendor who sent it"));
        }
        let month_ok = inv.month.len() == 7 && chrono::NaiveDate::parse_from_str(&format!("{}-01", inv.month), "%Y-%m-%d").is_ok();
        if !month_ok {
            errs.push(Error::at("invalid_field", format!("invoices[{i}].month"), format!("\"{}\" is not a month (write it like \"2027-01\")", inv.month)));
        }
        if let Some(id) = &inv.line {
            known(errs, format!("invoices[{i}].line"), id);
        }
    }
    for (i, l) in plan.learnings.iter().enumerate() {
        if l.text.trim().is_empty() {
            errs.push(Error::at("missing_field", format!("learnings[{i}].text"), "a learning needs its text"));
        }
        if let Some(id) = &l.line {
            known(errs, format!("learnings[{i}].line"), id);
        }
    }
}

/// Line ids, hashed on every recompute: a plain multiplicative hash, since SipHash's resistance
/// to crafted keys buys nothing for a planner's own plan.
type IdSet<'a> = HashSet<&'a str, BuildHasherDefault<IdHasher>>;

#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        for b in chunks.remainder() {
            self.add(u64::from(*b));
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

fn non_negative(errs: &mut Vec<Error>, path: &str, v: Decimal) {
    if v < Decimal::ZERO {
        errs.push(Error::at("negative_value", path, format!("{v} is negative")));
    }
}

fn percent(errs: &mut Vec<Error>, path: &str, v: Decimal, allow_100: bool) {
    if v < Decimal::ZERO {
        errs.push(Error::at("negative_value", path, format!("{v} is negative")));
    } else if v > Decimal::ONE_HUNDRED || (!allow_100 && v == Decimal::ONE_HUNDRED) {
        let bound = if allow_100 { "at most 100" } else { "below 100" };
        errs.push(Error::at("out_of_range", path, format!("{v}% must be {bound}")));
    }
}

fn money_precision(errs: &mut Vec<Error>, path: &str, v: Decimal, c: Currency) {
    if v.normalize().scale() > c.minor_units() {
        errs.push(Error::at("too_precise", path, format!("{v} has more decimal places than {} allows ({})", c.code(), c.minor_units())));
    }
}
