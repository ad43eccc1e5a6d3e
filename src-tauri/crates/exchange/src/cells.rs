//! Cell values as media plans write them: money as text (`$12,500.00`, `12.500,00 €`,
//! `USD 12,500`, `£25k`), percentages (`1.2%`), dates as text in the usual orders or as Excel
//! serial numbers (`46391`), and blanks (`-`, `TBC`, `n/a`).
//!
//! Amounts become exact decimals; nothing passes through a float. A cell that is not what its
//! column needs is an error the caller reports with the sheet, row and column.

use chrono::{Datelike, Days, NaiveDate};
use flightplan_core::paste::full_year;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// A blank, a dash or a placeholder a planner leaves where a figure is not known yet.
pub fn is_blank(cell: &str) -> bool {
    let c = cell.trim().to_ascii_lowercase();
    matches!(c.as_str(), "" | "-" | "--" | "—" | "–" | "n/a" | "na" | "null" | "none" | "tbc" | "tbd" | "tba" | "?")
}

/// An amount with the currency it was written in, if it says (`€`, `GBP`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub value: Decimal,
    pub currency: Option<&'static str>,
    /// Written with a `$` sign, which several currencies use.
    pub dollar_sign: bool,
}

const CODES: [&str; 14] = ["USD", "EUR", "GBP", "JPY", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "SGD", "HKD", "INR"];

/// Parse a money or count cell. `decimal_comma` is the file's style (`1.234,50`); a cell that
/// shows its own style unambiguously (`1,234.50`) is read as written. `Ok(None)` is a blank.
pub fn amount(cell: &str, decimal_comma: bool) -> Result<Option<Amount>, String> {
    if is_blank(cell) {
        return Ok(None);
    }
    let raw = cell.trim();
    let mut s = raw.to_string();
    let mut currency = None;
    for code in CODES {
        if let Some(i) = s.to_ascii_uppercase().find(code) {
            currency = Some(code);
            s.replace_range(i..i + code.len(), "");
            break;
        }
    }
    let mut dollar_sign = false;
    for (sym, code) in [("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("$", "")] {
        if s.contains(sym) {
            s = s.replace(sym, "");
            if code.is_empty() {
                dollar_sign = true;
            } else {
                currency = currency.or(Some(code));
            }
        }
    }
    // US$, A$, C$: the letter before the dollar sign.
    let s = s.trim().trim_start_matches(['U', 'A', 'C']).trim_start_matches('S').trim();
    let value = number(s, decimal_comma).map_err(|_| format!("\"{raw}\" is not an amount"))?;
    Ok(value.map(|value| Amount { value, currency, dollar_sign }))
}

/// A plain number, with thousands separators, a sign or brackets, a `%` (kept as the number
/// shown: `1.2%` is 1.2) and a `k`/`m` suffix (`25k` is 25000).
pub fn number(cell: &str, decimal_comma: bool) -> Result<Option<Decimal>, String> {
    if is_blank(cell) {
        return Ok(None);
    }
    let raw = cell.trim();
    let (negative, inner) = match raw.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(s) => (true, s.trim()),
        None => (false, raw),
    };
    let inner = inner.trim_end_matches('%').trim();
    let lower = inner.to_ascii_lowercase();
    let (body, scale) = if let Some(b) = lower.strip_suffix("mm").or_else(|| lower.strip_suffix('m')) {
        (b.trim().to_string(), Decimal::from(1_000_000))
    } else if let Some(b) = lower.strip_suffix('k') {
        (b.trim().to_string(), Decimal::from(1_000))
    } else {
        (lower, Decimal::ONE)
    };
    let mut s: String = body.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '_')).collect();
    if let Some(v) = exponent(&s) {
        return Ok(Some(if negative { -v } else { v }));
    }
    let has_dot = s.contains('.');
    let has_comma = s.contains(',');
    if has_dot && has_comma {
        if s.rfind(',') > s.rfind('.') {
            s = s.replace('.', "").replace(',', ".");
        } else {
            s = s.replace(',', "");
        }
    } else if has_comma {
        let groups: Vec<&str> = s.split(',').collect();
        let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        if thousands && !(decimal_comma && groups.len() == 2) {
            s = s.replace(',', "");
        } else if groups.len() == 2 {
            s = s.replace(',', ".");
        } else {
            return Err(format!("\"{raw}\" is not a number"));
        }
    } else if has_dot && decimal_comma {
        let groups: Vec<&str> = s.split('.').collect();
        if groups.len() > 2 || groups[1..].iter().all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())) {
            s = s.replace('.', "");
        }
    }
    let ok = !s.is_empty()
        && s.bytes().enumerate().all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && (b == b'-' || b == b'+')))
        && s.bytes().any(|b| b.is_ascii_digit());
    if !ok {
        return Err(format!("\"{raw}\" is not a number"));
    }
    let v: Decimal = s.parse().map_err(|_| format!("\"{raw}\" is not a number"))?;
    let v = v.checked_mul(scale).ok_or_else(|| format!("\"{raw}\" is too large"))?;
    Ok(Some(if negative { -v } else { v }))
}

/// A count: a whole number of at least 0 (`96`, `1,200`, `3.0` as a workbook stores it). A
/// number that is not one (`2.5`, `-1`, past `u32`) is the error.
pub fn count(cell: &str, decimal_comma: bool) -> Result<Option<u32>, String> {
    match number(cell, decimal_comma)? {
        None => Ok(None),
        Some(n) if n >= Decimal::ZERO && n.fract().is_zero() => n.to_u32().map(Some).ok_or_else(|| format!("\"{}\" is too large", cell.trim())),
        Some(_) => Err(format!("\"{}\" is not a whole number", cell.trim())),
    }
}

/// `1.5e-7` as spreadsheets sometimes print tiny or huge floats.
fn exponent(s: &str) -> Option<Decimal> {
    if !s.contains('e') || s.contains(',') {
        return None;
    }
    Decimal::from_scientific(s).ok()
}

/// A rate such as CTR: `1.2%` and `1.2` (above 1, so a percent) are both 0.012; `0.012` stays.
pub fn fraction(cell: &str, decimal_comma: bool) -> Result<Option<Decimal>, String> {
    let is_pct = cell.trim().ends_with('%');
    let Some(v) = number(cell, decimal_comma)? else { return Ok(None) };
    if is_pct || v > Decimal::ONE {
        return v.checked_div(Decimal::ONE_HUNDRED).map(Some).ok_or_else(|| format!("\"{}\" is not a rate", cell.trim()));
    }
    Ok(Some(v))
}

/// A percentage such as a share of budget: `25%`, `25` and `0.25` (a fraction) are all 25.
pub fn percent(cell: &str, decimal_comma: bool) -> Result<Option<Decimal>, String> {
    let is_pct = cell.trim().ends_with('%');
    let Some(v) = number(cell, decimal_comma)? else { return Ok(None) };
    if !is_pct && v > Decimal::ZERO && v < Decimal::ONE {
        return Ok(v.checked_mul(Decimal::ONE_HUNDRED));
    }
    Ok(Some(v))
}

/// How to read `04/01/2027`: day first (most of the world) or month first (US).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportDateOrder"))]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

/// Which order a column of slashed dates must be in: `Some` when a value proves it (a first part
/// over 12 is a day), `None` when every value reads both ways.
pub fn date_order_of<'a>(cells: impl Iterator<Item = &'a str>) -> Option<DateOrder> {
    for c in cells {
        let parts: Vec<&str> = c.trim().split(['/', '.', '-']).map(str::trim).collect();
        if parts.len() != 3 || parts[0].len() > 2 || parts[1].len() > 2 {
            continue;
        }
        let (Ok(a), Ok(b)) = (parts[0].parse::<u32>(), parts[1].parse::<u32>()) else { continue };
        if a > 12 && b <= 12 {
            return Some(DateOrder::DayFirst);
        }
        if b > 12 && a <= 12 {
            return Some(DateOrder::MonthFirst);
        }
    }
    None
}

/// The day an Excel serial number stands for (1900 date system: 1 is 1900-01-01, with Excel's
/// phantom 1900-02-29, so days count from 1899-12-30). Only plausible plan dates are accepted.
pub fn excel_serial(v: Decimal) -> Option<NaiveDate> {
    let days: i64 = v.trunc().try_into().ok()?;
    if !(10_000..=110_000).contains(&days) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(days as u64))
}

/// The earliest year a plan's date may fall in. An earlier one is a short year misread or a typo
/// (`0004-05-27`, `4/5/0027`), never a plan, so it is refused naming its cell rather than
/// flighting a line two thousand years ago.
pub const EARLIEST_YEAR: i32 = 1900;

/// Parse a date cell: ISO (`2027-01-04`, with or without a time), an Excel serial number, text
/// with a month name (`4 Jan 2027`, `Jan 4, 2027`, `4-Jan-27`) or a slashed or dotted date read
/// in `order`. A year comes first only when written with four digits; one or two digits are the
/// 2000s (paste's rule, [`full_year`]). A date before [`EARLIEST_YEAR`] is refused.
pub fn date(cell: &str, order: DateOrder) -> Result<NaiveDate, String> {
    let d = any_date(cell, order)?;
    if d.year() < EARLIEST_YEAR {
        return Err(format!(
            "\"{}\" is a date in the year {}: a plan's dates are after {EARLIEST_YEAR} (write the year in full, e.g. 2027-04-05)",
            cell.trim(),
            d.year()
        ));
    }
    Ok(d)
}

fn any_date(cell: &str, order: DateOrder) -> Result<NaiveDate, String> {
    let raw = cell.trim();
    let bad = || format!("\"{raw}\" is not a date");
    if raw.is_empty() {
        return Err("the date is empty".into());
    }
    let s = raw.split('T').next().unwrap_or(raw);
    let s = if s.len() > 10 && s.as_bytes().get(4) == Some(&b'-') { s.get(..10).unwrap_or(s) } else { s };
    // Year first only with four digits: `4/5/27` is a short US or UK date, never the year 4.
    let year_first = s.split(['-', '/']).next().is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    if year_first {
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(s, "%Y/%m/%d")) {
            return Ok(d);
        }
    }
    if s.bytes().all(|b| b.is_ascii_digit() || b == b'.') && !s.contains("..") && s.matches('.').count() <= 1 {
        if let Ok(v) = s.parse::<Decimal>() {
            return excel_serial(v).ok_or_else(bad);
        }
    }
    let named = s.replace(',', " ").replace(['-', '.', '/'], " ");
    let named: Vec<&str> = named.split_whitespace().collect();
    if named.iter().any(|w| month(w).is_some()) {
        return named_date(&named).ok_or_else(bad);
    }
    let parts: Vec<&str> = s.split(['/', '.', '-']).map(str::trim).collect();
    if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if n.len() == 3 {
            let year = full_year(n[2], parts[2].len()).ok_or_else(bad)?;
            let (d, m) = match order {
                DateOrder::DayFirst => (n[0], n[1]),
                DateOrder::MonthFirst => (n[1], n[0]),
            };
            return NaiveDate::from_ymd_opt(year, m, d).ok_or_else(bad);
        }
    }
    Err(bad())
}

fn month(w: &str) -> Option<u32> {
    const NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let w = w.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep".to_string() } else { w };
    NAMES.iter().position(|n| w.starts_with(n) && (w.len() == 3 || full_month_name(&w))).map(|i| i as u32 + 1)
}

fn full_month_name(w: &str) -> bool {
    const FULL: [&str; 12] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    FULL.contains(&w)
}

/// `4 Jan 2027`, `Jan 4 2027`, `Monday 4 January 2027`, `4 Jan 27`.
fn named_date(words: &[&str]) -> Option<NaiveDate> {
    let mi = words.iter().position(|w| month(w).is_some())?;
    let m = month(words[mi])?;
    let nums: Vec<&str> = words.iter().enumerate().filter(|(i, w)| *i != mi && w.bytes().all(|b| b.is_ascii_digit())).map(|(_, w)| *w).collect();
    if nums.len() != 2 {
        return None;
    }
    let (day, year) = if nums[0].len() == 4 { (nums[1], nums[0]) } else { (nums[0], nums[1]) };
    let year = full_year(year.parse().ok()?, year.len())?;
    let day: u32 = day.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok()?;
    NaiveDate::from_ymd_opt(year, m, day)
}

/// `04/01/2027 - 28/03/2027`, `4 Jan – 28 Mar 2027`: a flight written in one cell.
pub fn flight(cell: &str, order: DateOrder) -> Result<(NaiveDate, NaiveDate), String> {
    let raw = cell.trim();
    let bad = || format!("\"{raw}\" is not a flight (a start and an end date)");
    let (a, b) = [" - ", " – ", " — ", " to ", "–", "—"].iter().find_map(|sep| raw.split_once(sep)).or_else(|| raw.split_once(" until ")).ok_or_else(bad)?;
    let end = date(b, order).map_err(|_| bad())?;
    let start = date(a, order).or_else(|_| date(&format!("{} {}", a.trim(), end.year()), order)).map_err(|_| bad())?;
    Ok((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn ymd(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn amounts_as_planners_type_them() {
        let cases: [(&str, bool, &str, Option<&str>); 10] = [
            ("$12,500.00", false, "12500.00", None),
            ("12.500,00 €", true, "12500.00", Some("EUR")),
            ("12.500,00 €", false, "12500.00", Some("EUR")),
            ("USD 12,500", false, "12500", Some("USD")),
            ("£25k", false, "25000", Some("GBP")),
            ("1.2m", false, "1200000.0", None),
            ("(1,250.50)", false, "-1250.50", None),
            ("¥1,200,000", false, "1200000", Some("JPY")),
            ("12 500,50", true, "12500.50", None),
            ("1.5E+3", false, "1500", None),
        ];
        for (cell, dc, want, cur) in cases {
            let a = amount(cell, dc).unwrap().unwrap();
            assert_eq!(a.value, d(want), "{cell}");
            assert_eq!(a.currency, cur, "{cell}");
        }
        assert!(amount("$12,500.00", false).unwrap().unwrap().dollar_sign);
        assert_eq!(amount("TBC", false).unwrap(), None);
        assert!(amount("twelve", false).is_err());
    }

    #[test]
    fn rates_and_percents() {
        assert_eq!(fraction("1.2%", false).unwrap(), Some(d("0.012")));
        assert_eq!(fraction("1.2", false).unwrap(), Some(d("0.012")));
        assert_eq!(fraction("0.012", false).unwrap(), Some(d("0.012")));
        assert_eq!(percent("25%", false).unwrap(), Some(d("25")));
        assert_eq!(percent("0.25", false).unwrap(), Some(d("25.00")));
    }

    #[test]
    fn dates_as_text_and_serials() {
        let jan4 = ymd(2027, 1, 4);
        for s in ["2027-01-04", "2027-01-04 00:00:00", "4 Jan 2027", "Jan 4, 2027", "4-Jan-27", "Monday 4 January 2027", "46391"] {
            assert_eq!(date(s, DateOrder::DayFirst), Ok(jan4), "{s}");
        }
        assert_eq!(date("04/01/2027", DateOrder::DayFirst), Ok(jan4));
        assert_eq!(date("01/04/2027", DateOrder::MonthFirst), Ok(jan4));
        assert_eq!(date("04.01.27", DateOrder::DayFirst), Ok(jan4));
        assert!(date("2027-02-30", DateOrder::DayFirst).is_err());
        assert!(date("31/31/2027", DateOrder::DayFirst).is_err());
        assert!(date("12", DateOrder::DayFirst).is_err());
        assert_eq!(date_order_of(["01/02/2027", "13/02/2027"].into_iter()), Some(DateOrder::DayFirst));
        assert_eq!(date_order_of(["02/13/2027"].into_iter()), Some(DateOrder::MonthFirst));
        assert_eq!(date_order_of(["01/02/2027"].into_iter()), None);
        assert_eq!(flight("4 Jan - 28 Mar 2027", DateOrder::DayFirst), Ok((jan4, ymd(2027, 3, 28))));
        assert_eq!(flight("04/01/2027 – 28/03/2027", DateOrder::DayFirst), Ok((jan4, ymd(2027, 3, 28))));
    }

    #[test]
    fn short_years_are_the_2000s_and_years_before_1900_are_refused() {
        use DateOrder::*;
        // (cell, order, the date read, or "-" when refused)
        let cases = [
            ("4/5/27", MonthFirst, "2027-04-05"),
            ("4/5/27", DayFirst, "2027-05-04"),
            ("6/1/27", MonthFirst, "2027-06-01"),
            ("4-5-27", DayFirst, "2027-05-04"),
            ("4.5.27", DayFirst, "2027-05-04"),
            ("12/31/9", MonthFirst, "2009-12-31"),
            ("2027/4/5", MonthFirst, "2027-04-05"),
            ("2027-4-5", DayFirst, "2027-04-05"),
            ("1900-01-01", DayFirst, "1900-01-01"),
            ("0004-05-27", MonthFirst, "-"),
            ("1899-12-31", DayFirst, "-"),
            ("4/5/0027", MonthFirst, "-"),
            ("4/5/027", MonthFirst, "-"),
            ("5 Apr 0027", DayFirst, "-"),
        ];
        for (cell, order, want) in cases {
            match want {
                "-" => assert!(date(cell, order).is_err(), "{cell} under {order:?} should be refused, got {:?}", date(cell, order)),
                w => assert_eq!(date(cell, order).map(|d| d.to_string()), Ok(w.to_string()), "{cell} under {order:?}"),
            }
        }
        let e = date("0004-05-27", MonthFirst).unwrap_err();
        assert!(e.contains("the year 4") && e.contains("1900"), "{e}");
    }
}
