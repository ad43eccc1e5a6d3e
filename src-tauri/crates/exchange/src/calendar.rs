//! A spreadsheet date that cannot fit one plan's calendar, named at the cell it came from.
//!
//! The core refuses a plan whose dates span more than ten years (`period_too_long`), naming the
//! date furthest from the plan's start. A sheet that states no period of its own gets its start
//! from its earliest flight, so when that earliest date is the wrong one (a year typed 1990),
//! every good row is "furthest" and the core blames one of them. Here the odd date out is the one
//! furthest from the middle (the median) of all the sheet's dates, and the error names its sheet,
//! row and cell.

use crate::preview::{Problem, SourceRef};
use chrono::NaiveDate;
use flightplan_core::date::MAX_CALENDAR_DAYS;

/// A date read from the file, the cell it was read from, and the line it is on (if any).
pub type Dated = (NaiveDate, SourceRef, Option<String>);

/// The date that makes the calendar longer than a plan may be, as an error at its cell; `None`
/// when the dates fit.
pub fn outlier(dates: &[Dated]) -> Option<Problem> {
    let lo = dates.iter().map(|d| d.0).min()?;
    let hi = dates.iter().map(|d| d.0).max()?;
    if (hi - lo).num_days() < MAX_CALENDAR_DAYS {
        return None;
    }
    let mut sorted: Vec<NaiveDate> = dates.iter().map(|d| d.0).collect();
    sorted.sort();
    let median = *sorted.get(sorted.len() / 2)?;
    let far = |d: &Dated| (d.0 - median).num_days().abs();
    // The first in file order among equally far dates.
    let worst = dates.iter().fold(None::<&Dated>, |w, d| if w.is_none_or(|w| far(d) > far(w)) { Some(d) } else { w })?;
    let p = Problem::error(
        "period_too_long",
        worst.1.clone(),
        format!(
            "{} makes the plan's calendar run from {lo} to {hi}; a plan, its flights and its actuals must fit in 10 years ({MAX_CALENDAR_DAYS} days)",
            worst.0
        ),
    );
    Some(match &worst.2 {
        Some(id) => p.on_line(id),
        None => p,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(row: usize, cell: &str) -> SourceRef {
        SourceRef { row: Some(row), cell: Some(cell.into()), ..Default::default() }
    }

    #[test]
    fn the_odd_date_out_is_named_wherever_it_is() {
        // (dates by row in column F, the row named or none)
        let cases: [(&[&str], Option<usize>); 4] = [
            (&["2027-04-05", "2027-04-05", "1990-04-05", "2027-06-27"], Some(4)),
            (&["1990-04-05", "2027-04-05", "2027-05-05", "2027-06-27"], Some(2)),
            (&["2027-04-05", "2027-05-05", "2027-06-27", "2099-01-01"], Some(5)),
            (&["2027-04-05", "2030-05-05", "2036-12-31"], None),
        ];
        for (dates, want) in cases {
            let dated: Vec<Dated> = dates.iter().enumerate().map(|(i, d)| (d.parse().unwrap(), at(i + 2, "F"), Some(format!("l{}", i + 2)))).collect();
            let got = outlier(&dated);
            assert_eq!(got.as_ref().and_then(|p| p.at.row), want, "{dates:?}");
            if let Some(p) = got {
                assert_eq!(p.code, "period_too_long");
                assert_eq!(p.at.error_path().as_deref(), Some(format!("F{}", want.unwrap()).as_str()));
                assert_eq!(p.line, Some(format!("l{}", want.unwrap())));
            }
        }
        assert!(outlier(&[]).is_none());
    }
}
