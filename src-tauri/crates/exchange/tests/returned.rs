//! "Update from file…": a plan exported, changed by someone else in the spreadsheet and read
//! back into the plan it came from. The file's changes land; what a spreadsheet cannot carry
//! (scenarios, curves, actuals, comments) stays.

mod common;

use flightplan_core::plan::{Actual, Comment, Plan, PlanStatus};
use flightplan_core::{compute, Dec};
use flightplan_exchange::{preview_import, read_plan_source, update_from, write_csv, write_xlsx, ImportChoices, ImportFormat, PlanUpdate};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Dec {
    Dec(Decimal::from_str(s).unwrap())
}

fn fixtures() -> Vec<(String, Plan)> {
    common::fixture_plans()
}

fn xlsx(plan: &Plan) -> Vec<u8> {
    let view = compute(plan).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    write_xlsx(&flightplan_core::report::summarise(plan.clone(), view, day, None).unwrap()).unwrap().0
}

/// The update of `plan` from `bytes`, previewed in the plan's currency as the desktop does.
fn update(plan: &Plan, bytes: &[u8], file: &str, format: ImportFormat) -> PlanUpdate {
    let source = read_plan_source(bytes, file, Some(format)).unwrap();
    let preview = preview_import(&source, &ImportChoices { currency: Some(plan.currency.clone()), ..Default::default() });
    update_from(plan, &preview)
}

fn errors(u: &PlanUpdate) -> Vec<String> {
    u.problems.iter().filter(|p| p.level == flightplan_exchange::ProblemLevel::Error).map(|p| format!("{}: {}", p.code, p.message)).collect()
}

#[test]
fn a_plan_updated_from_its_own_unchanged_workbook_is_the_same_plan() {
    for (name, plan) in fixtures() {
        if !plan.scenarios.iter().any(|s| s.presented) {
            let u = update(&plan, &xlsx(&plan), &format!("{name}.xlsx"), ImportFormat::Xlsx);
            assert!(u.ready, "{name}: {:?}", errors(&u));
            let c = u.changes.as_ref().unwrap();
            assert!(c.changes.is_empty() && c.lines_added.is_empty() && c.lines_removed.is_empty(), "{name}: {:#?}", c);
            assert_eq!(u.plan, plan, "{name}: the plan itself, every field");
        }
    }
}

#[test]
fn the_workbooks_changes_land_and_what_it_cannot_carry_stays() {
    let mut plan = flightplan_core::sample_plan();
    plan.comments.push(Comment {
        id: "c1".into(),
        line: Some(plan.lines[2].id.clone()),
        author: "Ana".into(),
        at: chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
        text: "Check the rate".into(),
        resolved: false,
    });
    let removed = plan.lines[2].clone();
    let curves_before = plan.lines.iter().filter(|l| l.response.is_some()).count();

    // What the colleague sends back: line 1's rate up, line 3 deleted, a new line, a new budget.
    let mut theirs = plan.clone();
    theirs.lines[0].rate = Some(d("9.5"));
    // …and the second line's flowchart reshaped: front-loaded.
    let weeks = compute(&theirs).unwrap().lines[1].weeks.len();
    theirs.lines[1].pattern = None;
    theirs.lines[1].weights = Some((0..weeks).map(|w| if w < 4 { d("2") } else { d("1") }).collect());
    theirs.lines.remove(2);
    let mut new_line = theirs.lines[0].clone();
    new_line.id = "podcast-host-reads".into();
    new_line.name = "Podcast host reads".into();
    new_line.budget = Some(d("4000"));
    new_line.response = None;
    theirs.lines.push(new_line);
    theirs.budget = d("210000");
    theirs.scenarios.clear();
    for l in theirs.lines.iter_mut() {
        l.response = None;
    }

    let u = update(&plan, &xlsx(&theirs), "back from the client.xlsx", ImportFormat::Xlsx);
    assert!(u.ready, "{:?}", errors(&u));
    let after = &u.plan;
    assert_eq!(after.lines.len(), plan.lines.len());
    assert_eq!(after.lines[0].rate, Some(d("9.5")));
    assert!(!after.lines.iter().any(|l| l.id == removed.id));
    assert_eq!(after.lines.last().unwrap().name, "Podcast host reads");
    assert_eq!(after.budget, d("210000"));
    let week_nets = |p: &Plan, id: &str| {
        let (v, i) = (compute(p).unwrap(), p.lines.iter().position(|l| l.id == id).unwrap());
        v.lines[i].weeks.iter().map(|w| w.net).collect::<Vec<_>>()
    };
    let reshaped = &plan.lines[1].id;
    assert_eq!(week_nets(after, reshaped), week_nets(&theirs, reshaped), "the file's flowchart spread is taken");
    assert_ne!(week_nets(after, reshaped), week_nets(&plan, reshaped));
    // Kept: the scenarios (less their changes to the removed line), the curves, the comment.
    assert_eq!(after.scenarios.len(), plan.scenarios.len());
    assert!(after.scenarios.iter().all(|s| s.lines.iter().all(|l| l.id != removed.id)));
    let curves_after = after.lines.iter().filter(|l| l.response.is_some()).count();
    assert_eq!(curves_after, curves_before - usize::from(removed.response.is_some()));
    assert_eq!(after.comments.len(), 1);
    assert_eq!(after.comments[0].line, None, "the removed line's comment is kept on the plan");
    assert_eq!((after.status, after.version), (plan.status, plan.version));

    let c = u.changes.as_ref().unwrap();
    assert_eq!(c.lines_added.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["Podcast host reads"]);
    assert_eq!(c.lines_removed.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), [removed.id.as_str()]);
    let rate = c.changes.iter().find(|x| x.line.as_deref() == Some(plan.lines[0].id.as_str()) && x.field == "rate").unwrap();
    assert_eq!(rate.after.as_deref(), Some("9.5"));
    assert!(u.kept.iter().any(|k| k.contains("scenario") && k.contains("response curve")), "{:?}", u.kept);
}

#[test]
fn a_csv_changes_the_lines_it_lists_and_keeps_the_plans_budget() {
    let plan = flightplan_core::sample_plan();
    let view = compute(&plan).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let csv = write_csv(&flightplan_core::report::summarise(plan.clone(), view, day, None).unwrap()).unwrap();
    // The colleague moves the first line's end date a week earlier in the CSV.
    let end = plan.lines[0].end.to_string();
    let earlier = (plan.lines[0].end - chrono::Duration::days(7)).to_string();
    let mut rows = csv.lines().map(str::to_string).collect::<Vec<_>>();
    rows[1] = rows[1].replacen(&end, &earlier, 1);
    let u = update(&plan, rows.join("\n").as_bytes(), "lines.csv", ImportFormat::Csv);
    assert!(u.ready, "{:?}", errors(&u));
    assert_eq!(u.plan.lines[0].end.to_string(), earlier);
    assert_eq!(u.plan.budget, plan.budget, "a CSV states no plan budget");
    assert_eq!(u.plan.goal, plan.goal);
    let c = u.changes.unwrap();
    assert!(c.changes.iter().any(|x| x.field == "end" && x.line.as_deref() == Some(plan.lines[0].id.as_str())), "{:#?}", c.changes);
    assert!(c.lines_added.is_empty() && c.lines_removed.is_empty());
}

#[test]
fn an_agency_sheet_without_ids_matches_lines_by_channel_and_name_and_takes_only_its_columns() {
    let plan = flightplan_core::sample_plan();
    let (a, b) = (&plan.lines[0], &plan.lines[1]);
    let sheet = format!(
        "Channel,Line,Start,End,Net media\n{},{},{},{},12345\n{},{},{},{},{}\n",
        a.channel,
        a.name,
        a.start,
        a.end,
        b.channel,
        b.name,
        b.start,
        b.end,
        b.budget.unwrap()
    );
    let u = update(&plan, sheet.as_bytes(), "agency.csv", ImportFormat::Csv);
    assert!(u.ready, "{:?}", errors(&u));
    assert_eq!(u.plan.lines.len(), 2, "the lines the sheet no longer lists are removed");
    assert_eq!(u.plan.lines[0].id, a.id);
    assert_eq!(u.plan.lines[0].budget, Some(d("12345")));
    // No rate or CTR column: the line keeps its own.
    assert_eq!((u.plan.lines[0].pricing, u.plan.lines[0].rate, u.plan.lines[0].ctr), (a.pricing, a.rate, a.ctr));
    assert_eq!(u.plan.lines[1], *b);

    // The agency calls Meta "Facebook": the line is still found, by its name alone.
    let sheet = format!("Channel,Line,Start,End,Net media\nFacebook,{},{},{},12345\n", plan.lines[2].name, plan.lines[2].start, plan.lines[2].end);
    let u = update(&plan, sheet.as_bytes(), "agency.csv", ImportFormat::Csv);
    assert!(u.ready, "{:?}", errors(&u));
    assert_eq!((u.plan.lines.len(), u.plan.lines[0].id.as_str()), (1, plan.lines[2].id.as_str()));
    assert_eq!((u.plan.lines[0].channel.as_str(), u.plan.lines[0].budget), ("Facebook", Some(d("12345"))));
}

#[test]
fn a_line_with_actuals_stays_and_an_approved_plan_or_a_plan_document_is_refused() {
    let mut plan = flightplan_core::sample_plan();
    let spent = plan.lines[0].clone();
    let actual: Actual =
        serde_json::from_value(serde_json::json!({"line": spent.id, "start": spent.start.to_string(), "end": spent.start.to_string(), "spend": "100"}))
            .unwrap();
    plan.actuals.push(actual);
    let mut theirs = plan.clone();
    theirs.lines.remove(0);
    theirs.actuals.clear();
    let u = update(&plan, &xlsx(&theirs), "back.xlsx", ImportFormat::Xlsx);
    assert!(u.ready, "{:?}", errors(&u));
    assert!(u.plan.lines.iter().any(|l| l.id == spent.id));
    assert!(u.kept.iter().any(|k| k.contains(&spent.name) && k.contains("actuals")), "{:?}", u.kept);
    assert!(u.changes.unwrap().lines_removed.is_empty());

    let mut approved = flightplan_core::sample_plan();
    approved =
        flightplan_core::approval::set_status(&approved, PlanStatus::Approved, "Ana", chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap()).unwrap();
    let mut theirs = approved.clone();
    theirs.lines[0].rate = Some(d("9.5"));
    let u = update(&approved, &xlsx(&theirs), "back.xlsx", ImportFormat::Xlsx);
    assert!(!u.ready);
    assert_eq!(errors(&u).len(), 1, "{:?}", errors(&u));
    assert!(errors(&u)[0].starts_with("plan_locked"), "{:?}", errors(&u));
    assert_eq!(u.plan, approved, "nothing is taken while refused");

    let doc = flightplan_core::write_plan(&plan);
    let u = update(&plan, doc.as_bytes(), "plan.flightplan", ImportFormat::Mediaplan);
    assert_eq!(errors(&u).iter().map(|e| e.split(':').next().unwrap()).collect::<Vec<_>>(), ["not_a_spreadsheet"]);

    let mut euros = plan.clone();
    euros.currency = "EUR".into();
    let u = update(&euros, &xlsx(&plan), "back.xlsx", ImportFormat::Xlsx);
    assert!(errors(&u).iter().any(|e| e.starts_with("currency_conflict")), "{:?}", errors(&u));
}
