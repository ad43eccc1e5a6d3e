//! A plan that went out as a spreadsheet and came back: "Update from file…".
//!
//! A planner exports the workbook, the client or a colleague changes rates, dates and budgets in
//! it, adds a line or deletes one, and sends it back. Importing it as a new plan would lose
//! everything a workbook does not carry (scenarios, response curves, dayparts, the reach model,
//! actuals, comments, the approval history). So the file is read as an import would read it, and
//! only what the file speaks to is taken into the plan the planner already has:
//! - a line is matched by its line id (Flightplan's own exports carry one), else by channel and
//!   name; it takes the fields the file has columns for and keeps every other field;
//! - a row with no match is a new line; a line the file no longer has is removed, unless it has
//!   actuals recorded (the money already spent stays with its line);
//! - the plan takes only the details the file labels (budget, period, fees, goal, audience…),
//!   never its status, version or approval: those belong to the plan's own sign-off.
//!
//! The result is a whole plan the desktop applies as one edit (so one undo takes it back), with
//! the figures that change listed by `flightplan_core::changes` before anything is applied.

use crate::columns::LineField;
use crate::plan_header::HeaderField;
use crate::preview::{ImportPreview, Problem, SourceKind, SourceRef};
use flightplan_core::changes::{changes, Changes};
use flightplan_core::plan::{Line, Plan};
use flightplan_core::{Dec, LineView};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What updating the plan from a file would do, for the planner to accept.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanUpdate {
    pub file: String,
    pub kind: SourceKind,
    /// In words: `Flightplan XLSX export`, `spreadsheet`.
    pub source: String,
    /// The plan as it would be after the update (the plan as it is when nothing can be taken).
    pub plan: Plan,
    /// Every figure that changes, and the lines added and removed; none while the update is
    /// refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub changes: Option<Changes>,
    /// What the update keeps from the plan and why, in words (a line kept for its actuals, the
    /// scenarios and curves the file does not carry).
    pub kept: Vec<String>,
    /// The file's problems as the import preview found them, and the update's own.
    pub problems: Vec<Problem>,
    /// Whether the update can be applied (no error among the problems).
    pub ready: bool,
}

/// The plan `current` updated from the file `preview` read (previewed in the plan's currency).
pub fn update_from(current: &Plan, preview: &ImportPreview) -> PlanUpdate {
    let mut update = PlanUpdate {
        file: preview.file.clone(),
        kind: preview.kind,
        source: preview.source.clone(),
        plan: current.clone(),
        changes: None,
        kept: Vec::new(),
        // The plan keeps its own client: the import's "no client named" is not the update's.
        problems: preview.problems.iter().filter(|p| p.code != "no_client").cloned().collect(),
        ready: false,
    };
    let refuse = |update: &mut PlanUpdate, code: &str, message: String| update.problems.push(Problem::error(code, SourceRef::default(), message));
    if matches!(preview.kind, SourceKind::Mediaplan | SourceKind::FlightplanPlan) {
        refuse(
            &mut update,
            "not_a_spreadsheet",
            format!("{} is a whole plan document, not a spreadsheet of the plan's lines: import it as a plan of its own", preview.file),
        );
    } else if preview.ready() && preview.plan.currency != current.currency {
        refuse(
            &mut update,
            "currency_differs",
            format!("the file is in {}, the plan in {}: an update keeps the plan's currency", preview.plan.currency, current.currency),
        );
    } else if preview.plan.lines.is_empty() && preview.ready() {
        refuse(&mut update, "no_lines", "the file has no lines: an update would remove every line of the plan".into());
    }
    if update.problems.iter().any(|p| p.level == crate::preview::ProblemLevel::Error) {
        return update;
    }

    if let Some(s) = current.scenarios.iter().find(|s| s.presented) {
        update.problems.push(Problem::warning(
            "presented_scenario",
            SourceRef::default(),
            format!("the plan presents scenario \"{}\", so its exports show that scenario's figures: the file's figures are written into the plan as it stands, not into the scenario", s.name),
        ));
    }
    let (plan, kept) = merged(current, preview);
    update.kept = kept;
    let rules = flightplan_core::validate(&plan);
    if let Some(e) = rules.first() {
        refuse(&mut update, &e.code, format!("after the update the plan would break a rule: {}", e.message));
        return update;
    }
    // An approved plan takes no changes to what was approved until a revision is started.
    if let Err(e) = flightplan_core::approval::check_edit(current, &plan) {
        refuse(&mut update, &e.code, e.message);
        return update;
    }
    match changes(current, &plan) {
        Ok(c) => {
            update.changes = Some(c);
            update.plan = plan;
            update.ready = true;
        }
        Err(e) => refuse(&mut update, &e.code, format!("after the update the plan would not cost: {}", e.message)),
    }
    update
}

/// The fields of a line each column of the file speaks to.
fn columns_of(preview: &ImportPreview) -> HashSet<LineField> {
    preview.columns.iter().filter_map(|c| c.field).collect()
}

/// `current` with the file's lines and labelled details taken in, and what was kept, in words.
fn merged(current: &Plan, preview: &ImportPreview) -> (Plan, Vec<String>) {
    let cols = columns_of(preview);
    let file = &preview.plan;
    let mut kept = Vec::new();
    let matches = match_lines(current, file, cols.contains(&LineField::Id));
    // The plan's own figures, so a count or medium the file shows as the plan costs it is not
    // taken as a change of how the line is written.
    let costed = flightplan_core::compute(current).ok();

    let mut plan = current.clone();
    let mut used: HashSet<String> = HashSet::new();
    let mut taken: HashSet<String> = current.lines.iter().map(|l| l.id.clone()).collect();
    let mut lines = Vec::with_capacity(file.lines.len());
    // (index in the updated plan, index in the file) of every matched line.
    let mut pairs = Vec::with_capacity(matches.len());
    for (i, from_file) in file.lines.iter().enumerate() {
        match matches.get(&i) {
            Some(&ci) => {
                let mut line = current.lines[ci].clone();
                take_line(&mut line, from_file, &cols, preview.kind, costed.as_ref().and_then(|v| v.lines.get(ci)));
                used.insert(line.id.clone());
                pairs.push((lines.len(), i));
                lines.push(line);
            }
            None => {
                let mut line = from_file.clone();
                line.id = free_id(&line.id, &taken);
                taken.insert(line.id.clone());
                lines.push(line);
            }
        }
    }
    // Lines the file no longer has go, unless money was already spent on them.
    let spent: HashSet<&str> = current.actuals.iter().map(|a| a.line.as_str()).collect();
    let mut removed = HashSet::new();
    for line in &current.lines {
        if used.contains(&line.id) {
            continue;
        }
        if spent.contains(line.id.as_str()) {
            kept.push(format!("\"{}\" ({}) is not in the file but has actuals recorded: it stays in the plan", line.name, line.channel));
            lines.push(line.clone());
        } else {
            removed.insert(line.id.clone());
        }
    }
    plan.lines = lines;
    // Scenario changes to removed lines go first: until then the plan does not cost, and the
    // Flowchart's weeks could not be compared with it.
    forget_removed(&mut plan, &removed, &mut kept);
    weeks_from_file(&mut plan, preview, &pairs);
    take_details(&mut plan, preview, &cols);
    kept.extend(carried_over(current));
    (plan, kept)
}

/// For each line of the file, the index of the plan's line it updates.
fn match_lines(current: &Plan, file: &Plan, by_id: bool) -> HashMap<usize, usize> {
    let mut out = HashMap::new();
    if by_id {
        let ids: HashMap<&str, usize> = current.lines.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
        for (i, l) in file.lines.iter().enumerate() {
            if let Some(&ci) = ids.get(l.id.as_str()) {
                out.insert(i, ci);
            }
        }
        return out;
    }
    // Without ids: a channel and name each side has once, then, among the lines still without a
    // match, a name each side has once (the sheet may call the channel "Facebook", the plan "Meta").
    let norm = |s: &str| s.trim().to_lowercase();
    let passes: [&dyn Fn(&Line) -> String; 2] = [&|l: &Line| format!("{}\u{1f}{}", norm(&l.channel), norm(&l.name)), &|l: &Line| norm(&l.name)];
    for key in passes {
        let matched: HashSet<usize> = out.values().copied().collect();
        let in_plan = by_key_once((0..current.lines.len()).filter(|ci| !matched.contains(ci)).map(|ci| (key(&current.lines[ci]), ci)));
        let in_file = by_key_once((0..file.lines.len()).filter(|i| !out.contains_key(i)).map(|i| (key(&file.lines[i]), i)));
        for (k, i) in in_file {
            if let (Some(i), Some(Some(ci))) = (i, in_plan.get(&k)) {
                out.insert(i, *ci);
            }
        }
    }
    out
}

/// Each key with the one index it has, or `None` where several share it.
fn by_key_once(keyed: impl Iterator<Item = (String, usize)>) -> HashMap<String, Option<usize>> {
    let mut out: HashMap<String, Option<usize>> = HashMap::new();
    for (k, i) in keyed {
        out.entry(k).and_modify(|seen| *seen = None).or_insert(Some(i));
    }
    out
}

/// An id no line of the plan has: the file's own, or it with `-2`, `-3`…
fn free_id(id: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(id) {
        return id.to_string();
    }
    (2..).map(|n| format!("{id}-{n}")).find(|c| !taken.contains(c)).unwrap_or_else(|| id.to_string())
}

/// `to` takes `of` unless they are the same (decimals compare by value, so a workbook's `15`
/// does not replace the plan's `15.00` and show as a change).
fn set<T: PartialEq + Clone>(to: &mut T, of: &T) {
    if to != of {
        *to = of.clone();
    }
}

/// The fields of `line` the file's columns speak to, taken from the file's reading of the row.
fn take_line(line: &mut Line, from: &Line, cols: &HashSet<LineField>, kind: SourceKind, costed: Option<&LineView>) {
    let has = |f: LineField| cols.contains(&f);
    let any = |fs: &[LineField]| fs.iter().any(|f| cols.contains(f));
    if has(LineField::Name) {
        set(&mut line.name, &from.name);
    }
    if has(LineField::Channel) || has(LineField::Medium) {
        set(&mut line.channel, &from.channel);
    }
    // A medium the plan infers from the channel stays inferred.
    if has(LineField::Medium) && !(line.medium.is_none() && costed.is_some_and(|v| v.medium == from.medium)) {
        set(&mut line.medium, &from.medium);
    }
    if has(LineField::Vendor) {
        set(&mut line.vendor, &from.vendor);
    }
    if has(LineField::Role) {
        set(&mut line.role, &from.role);
    }
    if has(LineField::Buying) {
        set(&mut line.buying, &from.buying);
    }
    if any(&[LineField::Pricing, LineField::Rate, LineField::Cpm, LineField::Cpc, LineField::Cpa, LineField::Cpv, LineField::Cpp]) {
        set(&mut line.pricing, &from.pricing);
        set(&mut line.rate, &from.rate);
    }
    let units = [LineField::Units, LineField::Spots, LineField::Faces, LineField::Insertions];
    if any(&[LineField::Budget, LineField::Share]) || any(&units) {
        set(&mut line.budget, &from.budget);
        set(&mut line.share, &from.share);
    }
    if any(&units) {
        set(&mut line.spots, &from.spots);
        set(&mut line.faces, &from.faces);
        set(&mut line.insertions, &from.insertions);
    }
    if any(&[LineField::Start, LineField::End, LineField::Flight]) {
        set(&mut line.start, &from.start);
        set(&mut line.end, &from.end);
    }
    // Delivery the file states is taken where it is not the figure the plan already gives the
    // line (as the file writes it): a flat line's clicks shown in the workbook are not turned
    // into stated clicks.
    let shown = |of: &Option<Dec>, plan: Option<Dec>| match (of, plan) {
        (Some(v), Some(p)) => p.0.round_dp(v.0.scale()) == v.0,
        _ => false,
    };
    for (f, to, of, plan) in [
        (LineField::Impressions, &mut line.impressions, &from.impressions, costed.and_then(|v| v.impressions)),
        (LineField::Clicks, &mut line.clicks, &from.clicks, costed.and_then(|v| v.clicks)),
        (LineField::Conversions, &mut line.conversions, &from.conversions, costed.and_then(|v| v.conversions)),
        (LineField::Views, &mut line.views, &from.views, costed.and_then(|v| v.views)),
        (LineField::Grps, &mut line.grps, &from.grps, costed.and_then(|v| v.grps)),
    ] {
        if has(f) && of.is_some() && !shown(of, plan) {
            set(to, of);
        }
    }
    for (f, to, of) in [
        (LineField::Universe, &mut line.universe, &from.universe),
        (LineField::Ctr, &mut line.ctr, &from.ctr),
        (LineField::Cvr, &mut line.cvr, &from.cvr),
        (LineField::Vtr, &mut line.vtr, &from.vtr),
    ] {
        if has(f) {
            set(to, of);
        }
    }
    if has(LineField::SpotLength) {
        set(&mut line.spot_length, &from.spot_length);
    }
    if any(&[LineField::Kpi, LineField::KpiTarget]) {
        set(&mut line.kpi, &from.kpi);
    }
    if has(LineField::Notes) {
        set(&mut line.notes, &from.notes);
    }
    if has(LineField::AdServing) {
        set(&mut line.ad_served, &from.ad_served);
    }
    // Flightplan's workbook lists every line's creative on its own sheet.
    if kind == SourceKind::FlightplanXlsx || !from.creative.is_empty() {
        set(&mut line.creative, &from.creative);
    }
}

/// A line's weekly spread from the workbook's Flowchart where it differs from what the plan's
/// own pattern or weights give the updated line; the plan's spread stays where they agree, so a
/// pattern is not turned into weights by a round trip.
fn weeks_from_file(plan: &mut Plan, preview: &ImportPreview, pairs: &[(usize, usize)]) {
    let has_flowchart = preview.kind == SourceKind::FlightplanXlsx && preview.sheets.iter().any(|s| s == "Flowchart");
    if !has_flowchart {
        return;
    }
    // A costed plan lists its lines in the plan's order, so the indexes hold in both views.
    let (Ok(ours), Ok(theirs)) = (flightplan_core::compute(plan), flightplan_core::compute(&preview.plan)) else { return };
    for &(at, i) in pairs {
        let (Some(mine), Some(file)) = (ours.lines.get(at), theirs.lines.get(i)) else { continue };
        if mine.weeks != file.weeks {
            let from = &preview.plan.lines[i];
            plan.lines[at].weights = from.weights.clone();
            plan.lines[at].pattern = from.pattern.clone();
        }
    }
}

/// Scenario changes, invoices, learnings and comments that named a removed line.
fn forget_removed(plan: &mut Plan, removed: &HashSet<String>, kept: &mut Vec<String>) {
    if removed.is_empty() {
        return;
    }
    for s in plan.scenarios.iter_mut() {
        let before = s.lines.len();
        s.lines.retain(|l| !removed.contains(&l.id));
        if s.lines.len() < before {
            kept.push(format!("scenario \"{}\" loses its changes to the removed lines", s.name));
        }
    }
    for i in plan.invoices.iter_mut().filter(|i| i.line.as_ref().is_some_and(|l| removed.contains(l))) {
        i.line = None;
    }
    for l in plan.learnings.iter_mut().filter(|l| l.line.as_ref().is_some_and(|l| removed.contains(l))) {
        l.line = None;
    }
    let on_removed = plan.comments.iter().filter(|c| c.line.as_ref().is_some_and(|l| removed.contains(l))).count();
    if on_removed > 0 {
        for c in plan.comments.iter_mut().filter(|c| c.line.as_ref().is_some_and(|l| removed.contains(l))) {
            c.line = None;
        }
        kept.push(format!("{on_removed} comment{} on removed lines stay as comments on the plan", if on_removed == 1 { "" } else { "s" }));
    }
}

/// The plan details the file labels. A period it does not state stays the plan's: a line
/// outside it is a finding of the plan's checks, as when typed.
fn take_details(plan: &mut Plan, preview: &ImportPreview, cols: &HashSet<LineField>) {
    let file = &preview.plan;
    let said = |f: HeaderField| preview.labelled.contains(&f);
    if said(HeaderField::Name) {
        set(&mut plan.name, &file.name);
    }
    if said(HeaderField::Client) {
        set(&mut plan.client, &file.client);
    }
    if said(HeaderField::Brand) {
        set(&mut plan.brand, &file.brand);
    }
    if said(HeaderField::PreparedBy) {
        set(&mut plan.prepared_by, &file.prepared_by);
    }
    if said(HeaderField::Budget) {
        set(&mut plan.budget, &file.budget);
    }
    if said(HeaderField::Universe) {
        set(&mut plan.universe, &file.universe);
    }
    if said(HeaderField::TargetAudience) {
        set(&mut plan.target_audience, &file.target_audience);
    }
    if said(HeaderField::AudienceSummary) {
        set(&mut plan.audience.summary, &file.audience.summary);
    }
    if said(HeaderField::EffectiveFrequency) {
        set(&mut plan.effective_frequency, &file.effective_frequency);
    }
    if [HeaderField::FunnelStage, HeaderField::Objective, HeaderField::PrimaryKpi, HeaderField::KpiTarget].into_iter().any(said) && file.goal.is_some() {
        // The goal's secondary KPIs, guardrails and revenue per conversion are not in a sheet.
        let mut goal = file.goal.clone();
        if let (Some(g), Some(ours)) = (goal.as_mut(), plan.goal.as_ref()) {
            g.secondary = ours.secondary.clone();
            g.guardrails = ours.guardrails.clone();
            g.revenue_per_conversion = ours.revenue_per_conversion;
        }
        set(&mut plan.goal, &goal);
    }
    let fee_labels = [HeaderField::CommissionPct, HeaderField::CommissionBasis, HeaderField::AdServingCpm, HeaderField::TechFeePct];
    let fee_columns = [LineField::AgencyCommission, LineField::AdServing, LineField::TechFee];
    if fee_labels.into_iter().any(said) || fee_columns.iter().any(|f| cols.contains(f)) {
        set(&mut plan.fees, &file.fees);
    }
    if !file.notes.is_empty() {
        set(&mut plan.notes, &file.notes);
    }
    if said(HeaderField::Start) || said(HeaderField::Period) {
        set(&mut plan.start, &file.start);
    }
    if said(HeaderField::End) || said(HeaderField::Period) {
        set(&mut plan.end, &file.end);
    }
}

/// What a spreadsheet never carries and the plan keeps, in words, when the plan has it.
fn carried_over(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if !plan.scenarios.is_empty() {
        out.push(count(plan.scenarios.len(), "scenario", "scenarios"));
    }
    let curves = plan.lines.iter().filter(|l| l.response.is_some()).count();
    if curves > 0 {
        out.push(count(curves, "response curve", "response curves"));
    }
    if plan.reach_model.is_some() {
        out.push("the reach model".into());
    }
    if !plan.audience.segments.is_empty() {
        out.push(count(plan.audience.segments.len(), "audience segment", "audience segments"));
    }
    let dayparts = plan.lines.iter().filter(|l| !l.dayparts.is_empty()).count();
    if dayparts > 0 {
        out.push(count(dayparts, "line's dayparts", "lines' dayparts"));
    }
    if !plan.actuals.is_empty() {
        out.push(count(plan.actuals.len(), "actuals entry", "actuals entries"));
    }
    if !plan.comments.is_empty() {
        out.push(count(plan.comments.len(), "comment", "comments"));
    }
    if plan.approval.is_some() || plan.revises.is_some() {
        out.push("the sign-off history".into());
    }
    if out.is_empty() {
        return out;
    }
    vec![format!("kept from the plan (a spreadsheet does not carry them): {}", out.join(", "))]
}
