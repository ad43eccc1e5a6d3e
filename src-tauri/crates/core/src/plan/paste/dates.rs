//! A date cell as a spreadsheet pastes it, read under a date order, never guessed.
//!
//! `5/3/2027` is May 3 in the US and 5 March almost everywhere else; reading it the wrong way
//! saves a wrong flight with no warning. So a date is read by the order the planner's locale
//! uses (US month first, UK and most of Europe day first, ISO year first), and a date that is
//! ambiguous under that order (every slashed date whose first two numbers are both 12 or less,
//! when the order is unknown) is refused with a message that says both readings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a locale writes dates with numbers only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DateOrder {
    /// US: month/day/year (`5/17/2027`).
    MonthFirst,
    /// UK, Europe and most of the world: day/month/year (`17/05/2027`, `17.05.2027`).
    DayFirst,
    /// ISO and much of East Asia: year first (`2027-05-17`, `2027/05/17`); day/month dates are
    /// read only where they cannot be anything else.
    YearFirst,
    /// Not known: day/month dates are read only where they cannot be anything else.
    #[default]
    Unknown,
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// Read a date cell: `2027-05-17`, `2027/05/17`, `5/17/2027` (month first), `17/5/2027` or
/// `17.05.2027` (day first), `17 May 2027`, `May 17, 2027`, `17-May-27`. Two-digit years are
/// 20xx. The error says what was wrong in plain words.
pub fn parse_date(cell: &str, order: DateOrder) -> Result<NaiveDate, String> {
    let text = cell.trim();
    if text.is_empty() {
        return Err("the date is empty".into());
    }
    if text.chars().all(|c| c.is_ascii_digit()) {
        // 20270517: ISO without its dashes. Anything else all digits is a spreadsheet's serial.
        if text.len() == 8 {
            let n = |r: std::ops::Range<usize>| text.get(r).and_then(|t| t.parse::<u32>().ok()).unwrap_or(0);
            return ymd(text, n(0..4) as i32, n(4..6), n(6..8));
        }
        return Err(format!("\"{text}\" looks like a spreadsheet's day number, not a date: format the column as a date before copying"));
    }
    let tokens: Vec<&str> = text.split(|c: char| c == '/' || c == '-' || c == '.' || c == ',' || c.is_whitespace()).filter(|t| !t.is_empty()).collect();
    if tokens.iter().any(|t| t.chars().any(|c| c.is_alphabetic())) {
        return named_month(text, &tokens);
    }
    let nums: Vec<(u32, usize)> = tokens.iter().map(|t| t.parse::<u32>().map(|n| (n, t.len()))).collect::<Result<_, _>>().map_err(|_| not_a_date(text))?;
    if nums.len() != 3 {
        return Err(not_a_date(text));
    }
    let (a, b, c) = (nums[0], nums[1], nums[2]);
    if a.1 == 4 {
        return ymd(text, a.0 as i32, b.0, c.0);
    }
    let year = year_of(c).ok_or_else(|| not_a_date(text))?;
    // Dots are written day first (17.05.2027) wherever they are used.
    let order = if text.contains('.') && !text.contains('/') { DateOrder::DayFirst } else { order };
    let (x, y) = (a.0, b.0);
    match order {
        DateOrder::MonthFirst => {
            if x > 12 && y <= 12 {
                return Err(format!(
                    "\"{text}\" is not a date month first (the US order): {x} is not a month; if it means {}, paste with the day-first date order",
                    words(year, x, y)
                ));
            }
            ymd(text, year, x, y)
        }
        DateOrder::DayFirst => {
            if y > 12 && x <= 12 {
                return Err(format!(
                    "\"{text}\" is not a date day first: {y} is not a month; if it means {}, paste with the month-first (US) date order",
                    words(year, y, x)
                ));
            }
            ymd(text, year, y, x)
        }
        DateOrder::YearFirst | DateOrder::Unknown => {
            if x == y || (x > 12 && y <= 12) {
                ymd(text, year, y, x)
            } else if y > 12 && x <= 12 {
                ymd(text, year, x, y)
            } else if x <= 12 && y <= 12 {
                Err(format!(
                    "\"{text}\" could be {} (month first, as in the US) or {} (day first): choose the date order, or write it as {year}-{x:02}-{y:02} or {year}-{y:02}-{x:02}",
                    words(year, y, x),
                    words(year, x, y)
                ))
            } else {
                Err(not_a_date(text))
            }
        }
    }
}

/// "5 March 2027" for day 5, month 3.
fn words(year: i32, day: u32, month: u32) -> String {
    format!("{day} {} {year}", MONTH_NAMES.get((month.max(1) - 1) as usize).copied().unwrap_or("?"))
}

fn not_a_date(text: &str) -> String {
    format!("\"{text}\" is not a date (write it like 2027-05-17)")
}

/// The year a date writes as `n` in `digits` digits: four digits as written, one or two the
/// 2000s (`27` is 2027, as every spreadsheet of plans means it), any other length no year. Plan
/// import reads short years by this same rule.
pub fn full_year(n: u32, digits: usize) -> Option<i32> {
    match digits {
        4 => i32::try_from(n).ok(),
        1 | 2 => Some(2000 + n as i32),
        _ => None,
    }
}

fn year_of((n, len): (u32, usize)) -> Option<i32> {
    full_year(n, len)
}

fn ymd(text: &str, year: i32, month: u32, day: u32) -> Result<NaiveDate, String> {
    if !(1..=12).contains(&month) {
        return Err(format!("\"{text}\": {month} is not a month"));
    }
    let name = MONTH_NAMES.get((month - 1) as usize).copied().unwrap_or("?");
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| format!("\"{text}\" is not a real calendar date ({name} {year} has no day {day})"))
}

/// Dates with the month in words: the order of day and year is then plain.
fn named_month(text: &str, tokens: &[&str]) -> Result<NaiveDate, String> {
    let mut month = None;
    let mut nums = Vec::new();
    for t in tokens {
        let lower = t.to_lowercase();
        if let Some(m) =
            MONTHS.iter().position(|m| lower.starts_with(m) && (lower.len() == 3 || MONTH_NAMES.iter().any(|n| n.to_lowercase() == lower) || lower == "sept"))
        {
            if month.replace(m as u32 + 1).is_some() {
                return Err(not_a_date(text));
            }
        } else if let Ok(n) = t.parse::<u32>() {
            nums.push((n, t.len()));
        } else if !is_weekday(&lower) {
            return Err(not_a_date(text));
        }
    }
    let month = month.ok_or_else(|| not_a_date(text))?;
    let (day, year) = match nums.as_slice() {
        [d, y] if y.1 == 4 || d.1 != 4 => (d.0, year_of(*y)),
        [y, d] if y.1 == 4 => (d.0, year_of(*y)),
        _ => return Err(format!("\"{text}\" needs a day and a year")),
    };
    ymd(text, year.ok_or_else(|| not_a_date(text))?, month, day)
}

fn is_weekday(t: &str) -> bool {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().any(|d| t.starts_with(d) && t.len() <= 9)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str, order: DateOrder) -> String {
        parse_date(text, order).unwrap_or_else(|e| panic!("{text}: {e}")).to_string()
    }

    #[test]
    fn us_uk_and_iso_dates_under_each_order() {
        use DateOrder::*;
        // (cell, month first, day first, year first, unknown); "-" is refused.
        let cases = [
            ("5/17/2027", "2027-05-17", "-", "2027-05-17", "2027-05-17"),
            ("17/5/2027", "-", "2027-05-17", "2027-05-17", "2027-05-17"),
            ("5/3/2027", "2027-05-03", "2027-03-05", "-", "-"),
            ("5/5/27", "2027-05-05", "2027-05-05", "2027-05-05", "2027-05-05"),
            ("2027-05-03", "2027-05-03", "2027-05-03", "2027-05-03", "2027-05-03"),
            ("2027/05/03", "2027-05-03", "2027-05-03", "2027-05-03", "2027-05-03"),
            ("03.05.2027", "2027-05-03", "2027-05-03", "2027-05-03", "2027-05-03"),
            ("3 May 2027", "2027-05-03", "2027-05-03", "2027-05-03", "2027-05-03"),
            ("May 3, 2027", "2027-05-03", "2027-05-03", "2027-05-03", "2027-05-03"),
            ("3-May-27", "2027-05-03", "2027-05-03", "2027-05-03", "2027-05-03"),
            ("Mon 3 May 2027", "2027-05-03", "2027-05-03", "2027-05-03", "2027-05-03"),
            ("2/30/2027", "-", "-", "-", "-"),
        ];
        for (cell, us, uk, iso, unknown) in cases {
            for (order, want) in [(MonthFirst, us), (DayFirst, uk), (YearFirst, iso), (Unknown, unknown)] {
                match want {
                    "-" => assert!(parse_date(cell, order).is_err(), "{cell} under {order:?} should be refused"),
                    w => assert_eq!(ok(cell, order), w, "{cell} under {order:?}"),
                }
            }
        }
    }

    #[test]
    fn refusals_say_why() {
        assert_eq!(
            parse_date("5/3/2027", DateOrder::Unknown).unwrap_err(),
            "\"5/3/2027\" could be 3 May 2027 (month first, as in the US) or 5 March 2027 (day first): choose the date order, or write it as 2027-05-03 or 2027-03-05"
        );
        assert!(parse_date("5/17/2027", DateOrder::DayFirst).unwrap_err().contains("17 is not a month"));
        assert!(parse_date("2/30/2027", DateOrder::MonthFirst).unwrap_err().contains("not a real calendar date"));
        assert!(parse_date("46023", DateOrder::Unknown).unwrap_err().contains("day number"));
    }
}
