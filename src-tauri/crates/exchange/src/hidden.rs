//! What a planner hid in the sheet of lines. A hidden row is a stale option or last quarter's line
//! kept out of sight ("OLD" at 50%), a hidden column stale figures ("Net media" from the last
//! revision): neither is the plan the sheet shows, so hidden rows are not imported and a visible
//! column is read before a hidden one (`columns::resolve`). Each is a warning naming the rows or
//! the column, so nothing is left out unseen. Hidden rows give none of the plan's details either
//! (a superseded `Budget` label above the table). A hidden sheet is an old version or a lookup table:
//! its lines are read only when no shown sheet has any, and its labels, notes and creative are
//! not read, again with a note naming it.

use crate::columns::ColumnGuess;
use crate::preview::{Problem, SourceRef};
use std::borrow::Cow;

/// One warning naming the hidden rows that were not imported (the first ten, and how many more).
pub fn rows(skipped: &[usize], sheet: Option<&str>) -> Option<Problem> {
    let first = *skipped.first()?;
    let list: Vec<String> = skipped.iter().take(10).map(|r| r.to_string()).collect();
    let more = if skipped.len() > 10 { format!(" and {} more", skipped.len() - 10) } else { String::new() };
    let what = if skipped.len() == 1 { "row" } else { "rows" };
    Some(Problem::warning(
        "hidden_rows",
        SourceRef::row(sheet, first),
        format!("{what} {}{more} hidden in the sheet: not imported (show them in the file to import them)", list.join(", ")),
    ))
}

/// A warning for each hidden column that would be read: left out for a visible one, or read
/// because no visible column gives its field.
pub fn columns(guesses: &[ColumnGuess], hidden: &[(usize, usize)], sheet: Option<&str>, header: usize, problems: &mut Vec<Problem>) {
    for g in guesses.iter().filter(|g| hidden.iter().any(|(a, b)| (*a..=*b).contains(&g.index))) {
        let mut at = SourceRef::row(sheet, header);
        (at.column, at.cell) = (Some(g.header.clone()), Some(g.letter.clone()));
        let message = match (g.field, &g.note) {
            (Some(f), _) => format!("column {} (\"{}\") is hidden in the sheet but read as {}: no visible column gives it", g.letter, g.header, f.label()),
            (None, Some(note)) => {
                let note = note.trim_start_matches("hidden in the sheet, and ");
                format!("column {} (\"{}\") is hidden in the sheet: not imported ({note})", g.letter, g.header)
            }
            (None, None) => continue,
        };
        problems.push(Problem::warning("hidden_column", at, message));
    }
}

/// A note naming a hidden sheet with cells that was not read for the plan's details.
pub fn sheet(name: &str, records: &[flightplan_actuals::Record]) -> Option<Problem> {
    records.iter().any(|r| r.cells.iter().any(|c| !c.trim().is_empty())).then(|| {
        Problem::info(
            "hidden_sheet",
            SourceRef { sheet: Some(name.to_string()), ..Default::default() },
            format!("sheet \"{name}\" is hidden in the workbook: its cells were not read (show it in the file to read them)"),
        )
    })
}

/// The rows of a sheet the planner has not hidden (`hidden`: 1-based row numbers, in order);
/// the rows themselves, uncopied, when the sheet hides none.
pub fn shown<'r>(records: &'r [flightplan_actuals::Record], hidden: &[usize]) -> Cow<'r, [flightplan_actuals::Record]> {
    if hidden.is_empty() {
        return Cow::Borrowed(records);
    }
    Cow::Owned(records.iter().filter(|r| hidden.binary_search(&r.line).is_err()).cloned().collect())
}
