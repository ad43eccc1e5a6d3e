//! The sizes no real plan reaches, checked before any work is done.
//!
//! Costing, pacing and the PDF do work in proportion to lines × weeks and to the text they lay
//! out. A plan flighted to the year 9999, a million lines or a megabyte note is a typo or an
//! attack, never a plan; without a bound it would take minutes and gigabytes instead of failing
//! with a message. Each limit is generous (well past the largest plans planners write) and
//! named in `docs/plan-format.md`.

use crate::error::Error;
use crate::plan::Plan;
use chrono::NaiveDate;

pub use crate::date::MAX_CALENDAR_DAYS;
/// The most lines in one plan.
pub const MAX_LINES: usize = 10_000;
/// The most scenarios in one plan (each is a whole plan to cost).
pub const MAX_SCENARIOS: usize = 50;
/// The most actuals (imported or typed delivery rows) in one plan.
pub const MAX_ACTUALS: usize = 1_000_000;
/// The most notes, and the longest note, in characters.
pub const MAX_NOTES: usize = 1_000;
pub const MAX_NOTE_CHARS: usize = 10_000;
/// The longest name, id, channel or vendor, in characters.
pub const MAX_NAME_CHARS: usize = 1_000;
/// The most creative entries on one line.
pub const MAX_CREATIVES: usize = 1_000;
/// The highest effective frequency ("reach at N+"): the exposure distributions are summed term
/// by term up to N, and no medium is planned at 100+ exposures.
pub const MAX_EFFECTIVE_FREQUENCY: u32 = 100;

fn too_long(errs: &mut Vec<Error>, path: String, text: &str, max: usize, line: Option<&str>) {
    // Bytes bound characters from above: count characters only for long text.
    if text.len() > max && text.chars().count() > max {
        let e = Error::at("too_large", path, format!("is {} characters long; the limit is {max}", text.chars().count()));
        errs.push(match line {
            Some(id) => e.on_line(id),
            None => e,
        });
    }
}

fn too_many(errs: &mut Vec<Error>, path: &str, n: usize, max: usize, what: &str) {
    if n > max {
        errs.push(Error::at("too_large", path, format!("has {n} {what}; a plan may have at most {max}")));
    }
}

/// Check every limit; each exceeded limit is one error naming its field.
pub fn check(plan: &Plan, errs: &mut Vec<Error>) {
    too_many(errs, "lines", plan.lines.len(), MAX_LINES, "lines");
    too_many(errs, "scenarios", plan.scenarios.len(), MAX_SCENARIOS, "scenarios");
    too_many(errs, "actuals", plan.actuals.len(), MAX_ACTUALS, "actuals");
    too_many(errs, "notes", plan.notes.len(), MAX_NOTES, "notes");
    for (field, text) in [("name", &plan.name), ("client", &plan.client), ("brand", &plan.brand), ("prepared_by", &plan.prepared_by)] {
        too_long(errs, field.to_string(), text, MAX_NAME_CHARS, None);
    }
    for (i, n) in plan.notes.iter().enumerate() {
        too_long(errs, format!("notes[{i}]"), n, MAX_NOTE_CHARS, None);
    }
    for (i, l) in plan.lines.iter().enumerate() {
        for (field, text) in [("id", &l.id), ("name", &l.name), ("channel", &l.channel), ("vendor", &l.vendor)] {
            too_long(errs, format!("lines[{i}].{field}"), text, MAX_NAME_CHARS, Some(&l.id));
        }
        if l.creative.len() > MAX_CREATIVES {
            errs.push(
                Error::at("too_large", format!("lines[{i}].creative"), format!("has {} entries; a line may have at most {MAX_CREATIVES}", l.creative.len()))
                    .on_line(&l.id),
            );
        }
    }
    if let Some(n) = plan.effective_frequency.filter(|n| *n > MAX_EFFECTIVE_FREQUENCY) {
        errs.push(Error::at(
            "out_of_range",
            "effective_frequency",
            format!("{n}+ exposures is past what any medium is planned at; the effective frequency is at most {MAX_EFFECTIVE_FREQUENCY}"),
        ));
    }
    calendar(plan, errs);
}

/// The plan's whole calendar (period, flights, actuals) fits in [`MAX_CALENDAR_DAYS`].
fn calendar(plan: &Plan, errs: &mut Vec<Error>) {
    let mut dates: Vec<(NaiveDate, String)> = vec![(plan.start, "start".into()), (plan.end, "end".into())];
    let (mut lo, mut hi) = (plan.start.min(plan.end), plan.start.max(plan.end));
    let mut widen = |d: NaiveDate| {
        lo = lo.min(d);
        hi = hi.max(d);
    };
    for l in &plan.lines {
        widen(l.start);
        widen(l.end);
    }
    for a in &plan.actuals {
        widen(a.start);
        widen(a.end);
    }
    if (hi - lo).num_days() < MAX_CALENDAR_DAYS {
        return;
    }
    // Name the field furthest from the plan's period.
    for (i, l) in plan.lines.iter().enumerate() {
        dates.push((l.start, format!("lines[{i}].start")));
        dates.push((l.end, format!("lines[{i}].end")));
    }
    for (i, a) in plan.actuals.iter().enumerate() {
        dates.push((a.start, format!("actuals[{i}].start")));
        dates.push((a.end, format!("actuals[{i}].end")));
    }
    let mid = plan.start;
    let Some((d, path)) = dates.into_iter().max_by_key(|(d, _)| (*d - mid).num_days().abs()) else { return };
    let line = path.strip_prefix("lines[").and_then(|r| r.split(']').next()).and_then(|i| i.parse::<usize>().ok());
    let e = Error::at(
        "period_too_long",
        path,
        format!("{d} makes the plan's calendar run from {lo} to {hi}; a plan, its flights and its actuals must fit in 10 years ({MAX_CALENDAR_DAYS} days)"),
    );
    errs.push(match line.and_then(|i| plan.lines.get(i)) {
        Some(l) => e.on_line(&l.id),
        None => e,
    });
}
