//! Dates in the plan file: `YYYY-MM-DD`, real calendar days only.
//!
//! chrono does the calendar; this module only gives the planner a message that says what was
//! wrong ("2027-02-30 is not a real date") instead of a parser's "input is out of range".

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serializer};

/// The longest calendar a plan may span, from the earliest to the latest of its period, its
/// lines' flights and its actuals: ten years (3,653 days). The plan's limits and its actuals
/// both keep to it.
pub const MAX_CALENDAR_DAYS: i64 = 3_653;

pub fn parse(s: &str) -> Result<NaiveDate, String> {
    let shape_ok = s.len() == 10 && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shape_ok {
        return Err(format!("\"{s}\" is not a date in the form YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("\"{s}\" is not a real calendar date"))
}

pub fn serialize<S: Serializer>(v: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&v.format("%Y-%m-%d"))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    parse(&s).map_err(serde::de::Error::custom)
}

pub mod opt {
    use super::*;

    pub fn serialize<S: Serializer>(v: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => super::serialize(v, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let s: Option<String> = Option::deserialize(d)?;
        match s {
            None => Ok(None),
            Some(s) => parse(&s).map(Some).map_err(serde::de::Error::custom),
        }
    }
}
