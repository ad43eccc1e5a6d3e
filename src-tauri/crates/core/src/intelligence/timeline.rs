//! Checks on the dates a planner types that the calendar alone accepts: a competitor first
//! seen in the year 0026 (2026 with a digit missing, which then "has run for 36,525 days"), or
//! after today; a competitor last seen before it was first seen; a line set live long before
//! its flight starts, where a live campaign can spend before the plan says it should.

use crate::finding::{Finding, Severity};
use crate::plan::{LineStatus, Plan};
use chrono::{Datelike, NaiveDate};

/// The earliest year a competitor's ad can plausibly have been seen: before it, the year is a
/// typing slip ("0026" for 2026).
pub const EARLIEST_PLAUSIBLE_YEAR: i32 = 1950;

/// How long a competitor's ad must have run to count as proven (domain brief: an ad that has run
/// for months is one that works for them).
pub const PROVEN_DAYS: i64 = 90;

/// How long one competitor's ad has run, as stage 2 shows it beside the competitor.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CompetitorRun {
    /// Whole days from first seen to today while it still runs, else to last seen. None when a
    /// date is missing, implausible (the year 0026), or the ad still runs and no day was given.
    pub days_running: Option<i64>,
    /// Run for at least [`PROVEN_DAYS`].
    pub proven: bool,
}

/// Each competitor's run, in the plan's order, counted to `today` for ads still running.
pub fn competitor_runs(plan: &Plan, today: Option<NaiveDate>) -> Vec<CompetitorRun> {
    let plausible = |d: Option<NaiveDate>| d.filter(|d| d.year() >= EARLIEST_PLAUSIBLE_YEAR);
    plan.competitors
        .iter()
        .map(|c| {
            let end = if c.still_running { today } else { plausible(c.last_seen) };
            let days_running = match (plausible(c.first_seen), end) {
                (Some(first), Some(end)) if end >= first => Some((end - first).num_days()),
                _ => None,
            };
            CompetitorRun { days_running, proven: days_running.is_some_and(|d| d >= PROVEN_DAYS) }
        })
        .collect()
}

/// How many days before its flight a line may be live (set up and approved, not yet
/// delivering) without a warning.
pub const LIVE_LEAD_DAYS: i64 = 7;

fn finding(code: &'static str, stage: u8, line: Option<&str>, message: String, fix: &str) -> Finding {
    Finding { code, severity: Severity::Warning, message, stage, line: line.map(str::to_string), fix: fix.to_string() }
}

/// The date checks; the ones about "the future" need `today` (passed in: the core has no clock).
pub fn check(plan: &Plan, today: Option<NaiveDate>, out: &mut Vec<Finding>) {
    for c in &plan.competitors {
        let who = if c.competitor.trim().is_empty() { "A competitor".to_string() } else { format!("\u{201c}{}\u{201d}", c.competitor.trim()) };
        for (what, date) in [("first seen", c.first_seen), ("last seen", c.last_seen)] {
            let Some(date) = date else { continue };
            if date.year() < EARLIEST_PLAUSIBLE_YEAR {
                let guess = match date.year() {
                    y @ 0..=99 => format!(" (perhaps {})", 2000 + y),
                    _ => String::new(),
                };
                out.push(finding(
                    "competitor_date_implausible",
                    2,
                    None,
                    format!("{who} is {what} on {date}, in the year {:04}{guess}: no ad has run that long.", date.year()),
                    "Correct the date: write the year in full, e.g. 2026-03-01.",
                ));
            } else if let Some(t) = today.filter(|t| date > *t) {
                out.push(finding(
                    "competitor_date_implausible",
                    2,
                    None,
                    format!("{who} is {what} on {date}, after today ({t}): evidence can only be from the past."),
                    "Correct the date to the day the ad was seen.",
                ));
            }
        }
        if let (Some(first), Some(last)) = (c.first_seen, c.last_seen) {
            if last < first && first.year() >= EARLIEST_PLAUSIBLE_YEAR {
                out.push(finding(
                    "competitor_date_implausible",
                    2,
                    None,
                    format!("{who} is last seen on {last}, before it was first seen on {first}."),
                    "Swap or correct the two dates.",
                ));
            }
        }
    }
    let Some(today) = today else { return };
    for l in plan.lines.iter().filter(|l| l.launch.status == LineStatus::Live) {
        let lead = (l.start - today).num_days();
        if lead > LIVE_LEAD_DAYS {
            out.push(finding(
                "live_before_flight",
                5,
                Some(&l.id),
                format!(
                    "The line is live on {today} but its flight starts on {}, {lead} days later: a live campaign can spend before the plan says it should.",
                    l.start
                ),
                "Set the line back to booked until its flight is near, or schedule the campaign's start date in the platform.",
            ));
        }
    }
}
