//! A line's weeks as they leave the core: one row on the plan's week grid.
//!
//! Why: the app recomputes the whole view on every edit, and a 1,000-line plan's view is mostly
//! weeks. Written as `{week_start, net, hiatus}` objects, each week repeated its date and three
//! keys, so the view of a 1,000-line, 52-week plan was 3.7 MB and writing it cost more than
//! computing it. A line's flight weeks are consecutive Mondays, so the row says the first one
//! (`from`, a Monday on `PlanView.weeks`) and then lists one net per week; the few hiatus weeks
//! are named by their index. Inside the core the weeks stay `LineWeek` values: this is only
//! their written form, for the UI and the CLI's `compute`.

use crate::Dec;
use chrono::NaiveDate;
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

/// A week of a line's flight.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LineWeek {
    #[serde(serialize_with = "crate::date::serialize")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub week_start: NaiveDate,
    pub net: Dec,
    /// Inside the flight but with no spend (flighting's off weeks).
    pub hiatus: bool,
    /// Spots, faces or insertions this week, for a traditional line with a whole count.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub units: Option<u32>,
}

/// The written form of a line's weeks (what `LineView.weeks` is in JSON).
#[allow(dead_code)] // Declares the JSON for the bindings; the serialiser below writes it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WeekRow {
    /// The Monday of the line's first flight week (one of `PlanView.weeks`); the row's weeks
    /// follow it, one per week. Null for a line with no weeks on the grid.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    from: Option<String>,
    /// Net media per flight week, in order, at the currency's minor units.
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    net: Vec<String>,
    /// Indexes into `net` of the weeks inside the flight with no spend (flighting's off weeks).
    hiatus: Vec<u32>,
    /// Spots, faces or insertions per week, for a traditional line with a whole count; absent
    /// for other lines.
    #[cfg_attr(feature = "ts", ts(optional))]
    units: Option<Vec<Option<u32>>>,
}

/// Write `weeks` as a [`WeekRow`], without building one.
pub fn serialize<S: Serializer>(weeks: &[LineWeek], s: S) -> Result<S::Ok, S::Error> {
    let has_units = weeks.iter().any(|w| w.units.is_some());
    let mut row = s.serialize_struct("WeekRow", if has_units { 4 } else { 3 })?;
    match weeks.first() {
        Some(w) => row.serialize_field("from", &Day(w))?,
        None => row.serialize_field("from", &Option::<String>::None)?,
    }
    row.serialize_field("net", &Nets(weeks))?;
    let hiatus: Vec<u32> = (0u32..).zip(weeks).filter(|(_, w)| w.hiatus).map(|(i, _)| i).collect();
    row.serialize_field("hiatus", &hiatus)?;
    if has_units {
        let units: Vec<Option<u32>> = weeks.iter().map(|w| w.units).collect();
        row.serialize_field("units", &units)?;
    }
    row.end()
}

struct Day<'a>(&'a LineWeek);

impl Serialize for Day<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::date::serialize(&self.0.week_start, s)
    }
}

struct Nets<'a>(&'a [LineWeek]);

impl Serialize for Nets<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for w in self.0 {
            seq.serialize_element(&Net(w))?;
        }
        seq.end()
    }
}

struct Net<'a>(&'a LineWeek);

impl Serialize for Net<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.net.serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    fn week(day: u32, net: i64, hiatus: bool, units: Option<u32>) -> LineWeek {
        LineWeek { week_start: NaiveDate::from_ymd_opt(2027, 1, day).unwrap(), net: Dec(Decimal::new(net, 2)), hiatus, units }
    }

    #[derive(Serialize)]
    struct Row<'a>(#[serde(serialize_with = "serialize")] &'a [LineWeek]);

    #[test]
    fn rows_name_the_first_week_then_list_nets_hiatus_and_units() {
        let cases: Vec<(Vec<LineWeek>, &str)> = vec![
            (
                vec![week(4, 150000, false, None), week(11, 0, true, None), week(18, 150001, false, None)],
                r#"{"from":"2027-01-04","net":["1500.00","0.00","1500.01"],"hiatus":[1]}"#,
            ),
            (
                vec![week(11, 90000, false, Some(3)), week(18, 60000, false, Some(2))],
                r#"{"from":"2027-01-11","net":["900.00","600.00"],"hiatus":[],"units":[3,2]}"#,
            ),
            (vec![], r#"{"from":null,"net":[],"hiatus":[]}"#),
        ];
        for (weeks, want) in cases {
            assert_eq!(serde_json::to_string(&Row(&weeks)).unwrap(), want);
        }
    }
}
