//! The period a report's title lines state: Google's `1 September 2025 - 7 September 2025`,
//! LinkedIn's `Report Start:` and `Report End:` lines, Microsoft's `Report Time: 1/1/2019 to
//! 1/31/2019`, else TikTok's file name (`Campaign Report(2024-05-12 to 2024-05-18).xlsx`).
//!
//! The lines are kept as text and read only once the file's date order is known, because
//! `Report Time: 1/9/2025 to 7/9/2025` says nothing until then; the date order's own evidence
//! (`order`) reads them both ways to see which agrees with the rows.

use crate::dates::{self, DateStyle};
use chrono::NaiveDate;

/// The title lines above a report's header.
#[derive(Default)]
pub struct Title {
    texts: Vec<String>,
}

/// What the title lines say, read in one date order.
#[derive(Default)]
pub struct Stated {
    /// The range they state, if any.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// A line saying the report covers all time (so no range can be taken from it).
    pub all_time: Option<String>,
}

impl Title {
    /// Keep a line above the header (its cells joined).
    pub fn add(&mut self, text: &str) {
        let text = text.trim();
        if !text.is_empty() {
            self.texts.push(text.to_string());
        }
    }

    /// The range the lines state read in `style`, else the one in the file's name.
    pub fn read(&self, file: &str, style: DateStyle) -> Stated {
        let mut stated = Stated::default();
        let (mut start, mut end) = (None, None);
        for text in &self.texts {
            if dates::says_all_time(text) {
                stated.all_time = Some(text.clone());
            }
            if let Some((is_start, d)) = dates::labelled_end(text, style) {
                if is_start {
                    start = Some(d);
                } else {
                    end = Some(d);
                }
            } else if stated.range.is_none() {
                stated.range = dates::range_in_text(text, style);
            }
        }
        if let (None, Some(s), Some(e)) = (stated.range, start, end) {
            if s <= e {
                stated.range = Some((s, e));
            }
        }
        if stated.range.is_none() {
            stated.range = dates::range_in_text(file, style);
        }
        stated
    }
}
