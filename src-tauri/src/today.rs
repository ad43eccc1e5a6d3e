//! Today's date, as the shell hands it to the core: the dated checks (`plan_not_revisited`,
//! `period_ended`), the PDF's "Prepared on" and the exports' report are all judged on it.
//!
//! The core has no clock; this is the one place the desktop reads it (the local date, as the
//! CLI's `export` does), held in managed state so tests on the mock runtime can fix the day and
//! compare the desktop's exports byte for byte with the CLI's.

use chrono::NaiveDate;

/// The day the app works on: the local date, or a fixed day (tests).
#[derive(Debug, Clone, Copy, Default)]
pub struct Today(Option<NaiveDate>);

impl Today {
    /// The local calendar date, read when asked.
    pub fn local() -> Today {
        Today(None)
    }

    /// Always `day`.
    pub fn fixed(day: NaiveDate) -> Today {
        Today(Some(day))
    }

    pub fn get(&self) -> NaiveDate {
        self.0.unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}
