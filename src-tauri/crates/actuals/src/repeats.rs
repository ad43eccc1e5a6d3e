//! Data rows that repeat an earlier row in every cell.
//!
//! A platform never writes the same row twice (breakdown rows differ in their age, placement or
//! ad cell), but a planner who pastes two downloads together, or a sheet copied over itself,
//! does: each copy is then counted and the spend doubled without a word. Such a row may also be
//! real (two identical zero rows), so it is still counted, and a warning names the lines.
//!
//! Rows are remembered by a hash of their cells (a few bytes a row, within the row limit), and a
//! repeat is reported only when the row it matches was also read to the same figures.

use crate::table::Row;
use crate::Warning;
use std::collections::hash_map::{DefaultHasher, Entry};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Repeats listed by line in the warning; the rest are counted.
const LISTED: usize = 5;

/// The rows seen so far, by the hash of their cells.
#[derive(Default)]
pub struct Repeats {
    seen: HashMap<u64, usize>,
    /// Each repeating row's line and the line it repeats.
    found: Vec<(usize, usize)>,
}

impl Repeats {
    /// The index of an earlier row `row` repeats cell for cell, if any; otherwise `row` is
    /// remembered as row `index`.
    pub fn check(&mut self, row: &Row, index: usize) -> Option<usize> {
        let mut h = DefaultHasher::new();
        for cell in row.cells() {
            cell.hash(&mut h);
        }
        match self.seen.entry(h.finish()) {
            Entry::Occupied(e) => Some(*e.get()),
            Entry::Vacant(v) => {
                v.insert(index);
                None
            }
        }
    }

    /// Note that the row on `line` repeats the one on `first`.
    pub fn found(&mut self, line: usize, first: usize) {
        self.found.push((line, first));
    }

    /// The warning naming the repeated rows, if there were any.
    pub fn warning(&self) -> Option<Warning> {
        let (first_line, _) = *self.found.first()?;
        let mut listed: Vec<String> = self.found.iter().take(LISTED).map(|(line, of)| format!("line {line} repeats line {of}")).collect();
        if self.found.len() > LISTED {
            listed.push(format!("and {} more", self.found.len() - LISTED));
        }
        let n = self.found.len();
        Some(Warning {
            line: Some(first_line),
            message: format!(
                "{n} data row{} the same in every cell as an earlier one ({}); {} counted, so if the file holds the same rows twice (two downloads pasted together), remove the copies and import it again",
                if n == 1 { " is" } else { "s are" },
                listed.join(", "),
                if n == 1 { "it is" } else { "they are" }
            ),
        })
    }
}
