//! The plan's own details a workbook carries besides its lines: the goal (funnel stage,
//! objective, primary KPI and its target), the audience (target and in one line), status, version and effective
//! frequency as labelled cells (found by `plan_header.rs`), and the creative list and notes as
//! Flightplan's "Creative & notes" sheet lays them out.
//!
//! A planner exports the plan to XLSX, a colleague checks it, and it comes back to be imported.
//! Read as its lines alone it came back without its goal, KPI target, notes and creative list,
//! and every check that judges the plan against its goal fell silent. Flightplan's own workbook
//! writes all of them, and an agency's workbook that labels them the same way is read the same.
//! A value that does not read is a warning at its cell, never a guess.

use crate::cells;
use crate::plan_header::{get, HeaderField, HeaderValue};
use crate::preview::{Problem, SourceRef};
use crate::words;
use chrono::NaiveDate;
use flightplan_actuals::Record;
use flightplan_core::approval::status_label;
use flightplan_core::plan::{Creative, Funnel, Goal, Kpi, Plan, PlanStatus};
use flightplan_core::Dec;

/// The creative table's columns, as the workbook writes them and this module reads them.
pub const CREATIVE_COLUMNS: [&str; 8] = ["Due", "Count", "Format", "Line", "Channel", "Delivered", "Notes", "Line ID"];

/// The cell above the plan's notes.
pub const NOTES: &str = "Notes";

/// Most notes and creative items read from one sheet: a plan's own never come near it.
const MAX_ITEMS: usize = 2_000;

fn status_of(text: &str) -> Option<PlanStatus> {
    let t = text.trim().to_lowercase();
    [PlanStatus::Draft, PlanStatus::Proposed, PlanStatus::Approved, PlanStatus::Live, PlanStatus::Closed].into_iter().find(|s| status_label(*s) == t)
}

/// A KPI by its code (`cpa`, `video_views`) or as a planner writes it (`CPA`, `Video views`).
fn kpi_of(text: &str) -> Option<Kpi> {
    let code: String = text.trim().to_lowercase().split_whitespace().collect::<Vec<_>>().join("_");
    serde_json::from_value(serde_json::Value::String(code)).ok()
}

/// A whole number written as one (`3`, or `3.0` as a workbook may store it).
fn whole(text: &str) -> Option<u32> {
    cells::count(text, false).ok().flatten()
}

/// Apply the labelled details found (on the lines' sheet above the table, or on another sheet).
pub fn apply(found: &[HeaderValue], plan: &mut Plan, problems: &mut Vec<Problem>) {
    let text = |f: HeaderField| get(found, f).map(|h| h.value.trim().to_string()).filter(|v| !v.is_empty());
    let unread = |f: HeaderField, problems: &mut Vec<Problem>, what: &str| {
        if let Some(h) = get(found, f) {
            problems.push(Problem::warning("unread_detail", h.at.clone(), format!("\"{}\" is not {what}: left unset", h.value.trim())));
        }
    };

    // The goal: its funnel stage as labelled, or as the objective's words say.
    let description = text(HeaderField::Objective);
    let stage: Option<Funnel> = match text(HeaderField::FunnelStage) {
        Some(s) => words::funnel(&s).or_else(|| {
            unread(HeaderField::FunnelStage, problems, "a funnel stage (awareness, consideration, conversion or retention)");
            None
        }),
        None => None,
    }
    .or_else(|| description.as_deref().and_then(words::funnel));
    if let Some(stage) = stage {
        let mut goal = Goal {
            objective: stage,
            description: description.unwrap_or_default(),
            kpi: None,
            target: None,
            secondary: Vec::new(),
            guardrails: Default::default(),
            revenue_per_conversion: None,
        };
        if let Some(k) = text(HeaderField::PrimaryKpi) {
            goal.kpi = kpi_of(&k);
            if goal.kpi.is_none() {
                unread(HeaderField::PrimaryKpi, problems, "a KPI the plan knows (e.g. CPA, ROAS, reach, CPM)");
            }
        }
        if let Some(h) = get(found, HeaderField::KpiTarget) {
            match cells::amount(&h.value, false) {
                Ok(Some(a)) => goal.target = Some(Dec(a.value)),
                Ok(None) => {}
                Err(_) => unread(HeaderField::KpiTarget, problems, "a number"),
            }
        }
        plan.goal = Some(goal);
    } else if let Some(h) = get(found, HeaderField::PrimaryKpi).or_else(|| get(found, HeaderField::KpiTarget)) {
        problems.push(Problem::warning(
            "no_goal_stage",
            h.at.clone(),
            "a primary KPI is given but no funnel stage or objective says what the goal is: the goal is left unset",
        ));
    }

    if let Some(a) = text(HeaderField::TargetAudience) {
        plan.target_audience = a;
    }
    if let Some(a) = text(HeaderField::AudienceSummary) {
        plan.audience.summary = a;
    }
    if let Some(s) = text(HeaderField::Status) {
        match status_of(&s) {
            Some(s) => plan.status = s,
            None => unread(HeaderField::Status, problems, "a plan status (draft, proposed, approved, live or closed)"),
        }
    }
    if let Some(v) = text(HeaderField::Version) {
        match whole(&v) {
            Some(v) => plan.version = v,
            None => unread(HeaderField::Version, problems, "a version number"),
        }
    }
    if let Some(n) = text(HeaderField::EffectiveFrequency) {
        match whole(&n) {
            Some(n) => plan.effective_frequency = Some(n),
            None => unread(HeaderField::EffectiveFrequency, problems, "a whole number of exposures"),
        }
    }
}

fn blank(r: &Record) -> bool {
    r.cells.iter().all(|c| c.trim().is_empty())
}

fn is_notes_label(cell: &str) -> bool {
    let t = cell.trim().trim_end_matches(':').trim();
    t.eq_ignore_ascii_case(NOTES) || t.eq_ignore_ascii_case("assumptions") || t.eq_ignore_ascii_case("notes and assumptions")
}

/// The creative items and notes of a sheet other than the lines' (Flightplan's "Creative &
/// notes"): the creative table by its header, each item on its line by id or name; the notes
/// under a "Notes" cell, one a row, up to the first blank row.
pub fn read_sheet(records: &[Record], sheet: Option<&str>, plan: &mut Plan, problems: &mut Vec<Problem>) {
    let mut i = 0;
    while i < records.len() {
        let r = &records[i];
        let first = r.cells.iter().position(|c| !c.trim().is_empty());
        if is_creative_header(r) {
            i = read_creative(records, i + 1, sheet, plan, problems);
            continue;
        }
        // A "Notes" cell starting its row, with at most one text beside it (a table's header row
        // that starts with a Notes column has more).
        if let Some((col, beside)) = first.filter(|&c| is_notes_label(&r.cells[c])).and_then(|c| one_text(&r.cells[c + 1..]).map(|b| (c, b))) {
            // Text beside the label is a note too (`Notes | Budget is net`).
            if let (Some(b), true) = (beside, plan.notes.len() < MAX_ITEMS) {
                plan.notes.push(b);
            }
            i += 1;
            // One note a row, starting in the label's column, with nothing else on the row.
            while let Some(n) = records.get(i) {
                let starts_here = n.cells.get(col).is_some_and(|c| !c.trim().is_empty()) && n.cells[..col].iter().all(|c| c.trim().is_empty());
                let Some(Some(note)) = starts_here.then(|| one_text(&n.cells[col..])).flatten() else { break };
                if plan.notes.len() >= MAX_ITEMS {
                    break;
                }
                plan.notes.push(note);
                i += 1;
            }
            continue;
        }
        i += 1;
    }
}

/// The one text in some cells: `Some(None)` when they are blank, `Some(Some(text))` when every
/// filled cell holds the same text (a merged cell fills each cell it covers), `None` when they
/// hold different texts.
fn one_text(cells: &[String]) -> Option<Option<String>> {
    let mut filled = cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
    let Some(first) = filled.next() else { return Some(None) };
    filled.all(|c| c == first).then(|| Some(first.to_string()))
}

fn is_creative_header(r: &Record) -> bool {
    let cells: Vec<&str> = r.cells.iter().map(|c| c.trim()).collect();
    cells.len() >= 7 && CREATIVE_COLUMNS[..7].iter().zip(&cells).all(|(want, got)| want.eq_ignore_ascii_case(got))
}

/// Read creative rows from `start` to the first blank row; returns the row after them.
fn read_creative(records: &[Record], start: usize, sheet: Option<&str>, plan: &mut Plan, problems: &mut Vec<Problem>) -> usize {
    let mut i = start;
    let mut read = 0usize;
    while let Some(r) = records.get(i) {
        if blank(r) || read >= MAX_ITEMS {
            break;
        }
        i += 1;
        read += 1;
        let cell = |k: usize| r.cells.get(k).map(|c| c.trim()).unwrap_or("");
        let at = |k: usize| {
            let mut a = SourceRef::row(sheet, r.line);
            a.column = Some(CREATIVE_COLUMNS[k].to_string());
            a
        };
        let (id, name, channel) = (cell(7), cell(3), cell(4));
        let line = plan
            .lines
            .iter()
            .position(|l| !id.is_empty() && l.id == id)
            .or_else(|| plan.lines.iter().position(|l| l.name == name && (channel.is_empty() || l.channel == channel)));
        let Some(line) = line else {
            problems.push(Problem::warning(
                "creative_line",
                at(3),
                format!("creative \"{}\" is for \"{name}\", which is not a line of the plan: left out", cell(2)),
            ));
            continue;
        };
        let due = match cell(0) {
            "" => None,
            d => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    problems.push(Problem::warning(
                        "unread_detail",
                        at(0),
                        format!("\"{d}\" is not a date (YYYY-MM-DD): the creative's due date is left unset"),
                    ));
                    None
                }
            },
        };
        let count = |k: usize, default: u32, problems: &mut Vec<Problem>| match cell(k) {
            "" => default,
            c => whole(c).unwrap_or_else(|| {
                problems.push(Problem::warning("unread_detail", at(k), format!("\"{c}\" is not a whole number: read as {default}")));
                default
            }),
        };
        let item = Creative { format: cell(2).to_string(), count: count(1, 1, problems), due, delivered: count(5, 0, problems), notes: cell(6).to_string() };
        plan.lines[line].creative.push(item);
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan_header::scan;

    fn rec(line: usize, cells: &[&str]) -> Record {
        Record { line, cells: cells.iter().map(|s| s.to_string()).collect() }
    }

    #[test]
    fn the_goal_and_details_are_read_from_their_labels_and_a_bad_one_is_named() {
        let rows = vec![
            rec(2, &["Funnel stage", "conversion"]),
            rec(3, &["Objective", "Drive Q1 orders"]),
            rec(4, &["Primary KPI", "CPA"]),
            rec(5, &["Primary KPI target", "42.50"]),
            rec(6, &["Target audience", "UK coffee lovers 25-54", "Audience in one line", "Adults 25–54 who buy coffee weekly"]),
            rec(7, &["Plan status", "approved"]),
            rec(8, &["Plan version", "3"]),
            rec(9, &["Effective frequency", "three"]),
        ];
        let mut found = Vec::new();
        scan(&rows, Some("Plan"), &mut found);
        let mut plan = flightplan_core::sample_plan();
        plan.goal = None;
        let mut problems = Vec::new();
        apply(&found, &mut plan, &mut problems);
        let g = plan.goal.as_ref().unwrap();
        assert_eq!(
            (g.objective, g.description.as_str(), g.kpi, g.target.map(|t| t.to_string())),
            (Funnel::Conversion, "Drive Q1 orders", Some(Kpi::Cpa), Some("42.50".to_string()))
        );
        assert_eq!(
            (plan.target_audience.as_str(), plan.audience.summary.as_str(), plan.status, plan.version),
            ("UK coffee lovers 25-54", "Adults 25–54 who buy coffee weekly", PlanStatus::Approved, 3)
        );
        let msgs: Vec<(Option<usize>, &str)> = problems.iter().map(|p| (p.at.row, p.message.as_str())).collect();
        assert_eq!(msgs, vec![(Some(9), "\"three\" is not a whole number of exposures: left unset")]);
    }

    #[test]
    fn an_objective_without_a_stage_word_and_no_stage_leaves_the_goal_unset_and_says_so_for_a_kpi() {
        let rows = vec![rec(1, &["Objective", "Q1 plan"]), rec(2, &["Primary KPI", "roas"])];
        let mut found = Vec::new();
        scan(&rows, None, &mut found);
        let mut plan = flightplan_core::sample_plan();
        plan.goal = None;
        let mut problems = Vec::new();
        apply(&found, &mut plan, &mut problems);
        assert!(plan.goal.is_none());
        assert_eq!(problems.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(), ["no_goal_stage"]);
    }

    #[test]
    fn creative_goes_to_its_line_by_id_then_name_and_notes_are_read_to_the_first_blank_row() {
        let mut plan = flightplan_core::sample_plan();
        for l in &mut plan.lines {
            l.creative.clear();
        }
        plan.notes.clear();
        let (first, second) = (plan.lines[0].clone(), plan.lines[1].clone());
        let rows = vec![
            rec(1, &CREATIVE_COLUMNS),
            rec(2, &["2027-01-02", "3", "1080x1080 static", "renamed in the sheet", "", "1", "", &first.id]),
            rec(3, &["", "", "15s video", &second.name, &second.channel, "", "cut-down", ""]),
            rec(4, &["next week", "2.5", "Banner", "No such line", "", "", "", ""]),
            rec(5, &[]),
            rec(6, &["Notes"]),
            rec(7, &["Rates are net of agency discount"]),
            rec(8, &["Search budget can move to social after week 4"]),
            rec(9, &["Merged across", "Merged across"]),
            rec(10, &[]),
            rec(11, &["Not a note"]),
            rec(12, &["Notes", "Channel", "Budget"]),
            rec(13, &["a table's row, not a note"]),
        ];
        let mut problems = Vec::new();
        read_sheet(&rows, Some("Creative & notes"), &mut plan, &mut problems);
        let c0 = &plan.lines[0].creative;
        assert_eq!(c0.len(), 1);
        assert_eq!(
            (c0[0].format.as_str(), c0[0].count, c0[0].due.map(|d| d.to_string()), c0[0].delivered),
            ("1080x1080 static", 3, Some("2027-01-02".into()), 1)
        );
        let c1 = &plan.lines[1].creative;
        assert_eq!((c1[0].format.as_str(), c1[0].count, c1[0].due, c1[0].notes.as_str()), ("15s video", 1, None, "cut-down"));
        assert_eq!(plan.notes, ["Rates are net of agency discount", "Search budget can move to social after week 4", "Merged across"]);
        assert_eq!(problems.iter().map(|p| (p.code.as_str(), p.at.row)).collect::<Vec<_>>(), [("creative_line", Some(4))]);
    }
}
