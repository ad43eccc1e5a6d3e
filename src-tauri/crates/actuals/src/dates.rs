//! Dates as reports write them, in the file's own language: `2025-09-01`, `9/1/2025`,
//! `01.09.2025`, `Nov 10, 2018`, `ter., 5 de mai. de 2026`, `5 janv. 2026`, `2026年5月5日`,
//! `1/23/2019 12:00:00 AM|11`, and the ranges title lines state (`27 January 2026 - 23 February
//! 2026`, `Ad report (Oct 25, 2016-Oct 31, 2016)`, `Report Start: January 1, 2023, 12:00 AM`).
//!
//! Month names come from `data/months.csv`, which a person can extend by adding a row. Whether
//! `1/2/2025` is the 1st of February or the 2nd of January is the file's, learnt from its own
//! dates ([`order_evidence`]) and else from its language. The time of day is dropped: a row is
//! about days.

use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::OnceLock;

/// How a file orders day and month in numeric dates with `/` or `-`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    DayMonth,
    MonthDay,
}

/// A file's date habits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateStyle {
    pub order: Order,
    /// The planner gave the order: a date that cannot be read in it (`1/13/2025` day first) is
    /// an error, not read the other way round.
    pub forced: bool,
}

impl DateStyle {
    /// The order a language writes numeric dates in, when the file's dates do not say: US
    /// English month first (the platforms' English exports are American), every other
    /// language day first.
    pub fn for_language(language: &str) -> DateStyle {
        DateStyle { order: if language == "en" { Order::MonthDay } else { Order::DayMonth }, forced: false }
    }

    /// The order the planner gave.
    pub fn given(order: Order) -> DateStyle {
        DateStyle { order, forced: true }
    }
}

fn months() -> &'static HashMap<String, u32> {
    static MONTHS: OnceLock<HashMap<String, u32>> = OnceLock::new();
    MONTHS.get_or_init(|| {
        let mut map = HashMap::new();
        for line in include_str!("../data/months.csv").lines() {
            if line.starts_with('#') || line.starts_with("language,") {
                continue;
            }
            let mut f = line.split(',');
            let (_lang, month, name) = (f.next(), f.next().and_then(|m| m.trim().parse::<u32>().ok()), f.next());
            if let (Some(m), Some(name)) = (month, name) {
                map.insert(name.trim().to_lowercase(), m);
            }
        }
        map
    })
}

/// The month a word names (`Nov`, `novembre`, `mai.`, `März`), if any.
fn month_of(word: &str) -> Option<u32> {
    months().get(&word.trim_end_matches('.').to_lowercase()).copied()
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num { value: u32, digits: usize },
    Word { text: String, comma_after: bool },
}

/// Drop a time of day (`12:00:00 AM`, `T00:00:00Z`, `|11` hour suffixes) from a date cell.
fn without_time(s: &str) -> String {
    let s = s.split('|').next().unwrap_or(s);
    // ISO `2025-09-01T00:00:00`.
    let s = match s.find('T') {
        Some(i) if i == 10 && s.as_bytes().get(4) == Some(&b'-') => s.get(..i).unwrap_or(s),
        _ => s,
    };
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        // A run of digits and colons with at least one colon is a time.
        if chars[i].is_ascii_digit() {
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || chars[j] == ':'
                    || (chars[j] == '.'
                        && j > i
                        && chars[j - 1].is_ascii_digit()
                        && chars[..j].iter().rev().take_while(|c| c.is_ascii_digit() || **c == ':').any(|c| *c == ':')))
            {
                j += 1;
            }
            let run: String = chars[i..j].iter().collect();
            if !run.contains(':') {
                out.push_str(&run);
            }
            i = j;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn tokens(s: &str) -> Vec<Tok> {
    let s = without_time(s);
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() && out.len() < 16 {
        let c = chars[i];
        if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            let digits = j - i;
            let value = if digits > 9 { u32::MAX } else { chars[i..j].iter().collect::<String>().parse().unwrap_or(u32::MAX) };
            out.push(Tok::Num { value, digits });
            i = j;
        } else if c.is_alphabetic() {
            let mut j = i;
            while j < chars.len() && chars[j].is_alphabetic() {
                j += 1;
            }
            let text: String = chars[i..j].iter().collect();
            let mut k = j;
            while k < chars.len() && chars[k] == '.' {
                k += 1;
            }
            let comma_after = chars.get(k) == Some(&',');
            out.push(Tok::Word { text, comma_after });
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// `2025-09-01`, the commonest cell, read without tokenising.
fn iso(cell: &str) -> Option<Option<NaiveDate>> {
    let b = cell.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> { b[r].iter().try_fold(0u32, |acc, c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))) };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    Some(NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d))
}

/// Parse a date cell. The error says what was wrong in the planner's words.
pub fn parse(cell: &str, style: DateStyle) -> Result<NaiveDate, String> {
    if let Some(d) = iso(cell.trim()) {
        return d.ok_or_else(|| format!("\"{}\" is not a real calendar date", crate::cells::shorten(cell.trim())));
    }
    let (y, m, d) = parts(cell, style)?;
    let d = d.ok_or_else(|| format!("\"{}\" names a month, not a day", crate::cells::shorten(cell.trim())))?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("\"{}\" is not a real calendar date", crate::cells::shorten(cell.trim())))
}

/// Parse a month cell (`September 2025`, `Sep 2025`, `2025-09`, or a date in the month): its
/// first and last day.
pub fn parse_month(cell: &str, style: DateStyle) -> Result<(NaiveDate, NaiveDate), String> {
    let (y, m, _) = parts(cell, style)?;
    let first = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(|| format!("\"{}\" is not a month", crate::cells::shorten(cell.trim())))?;
    let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
    let last = next.and_then(|n| n.pred_opt()).ok_or_else(|| format!("\"{}\" is not a month", crate::cells::shorten(cell.trim())))?;
    Ok((first, last))
}

fn year_of(value: u32, digits: usize) -> Option<i32> {
    match digits {
        4 => i32::try_from(value).ok().filter(|y| (1900..=9999).contains(y)),
        2 => i32::try_from(value).ok().map(|y| 2000 + y),
        _ => None,
    }
}

/// Year, month and day (none for a month alone).
fn parts(cell: &str, style: DateStyle) -> Result<(i32, u32, Option<u32>), String> {
    let shown = crate::cells::shorten(cell.trim());
    let not_a_date = || format!("\"{shown}\" is not a date");
    let toks = tokens(cell);
    let nums: Vec<(u32, usize)> = toks.iter().filter_map(|t| if let Tok::Num { value, digits } = t { Some((*value, *digits)) } else { None }).collect();
    let mut named: Vec<(u32, bool)> =
        toks.iter().filter_map(|t| if let Tok::Word { text, comma_after } = t { month_of(text).map(|m| (m, *comma_after)) } else { None }).collect();
    if named.len() > 1 && named[0].1 {
        // `mar, 5 mar 2026`: the first word is the weekday (martedì, martes).
        named.remove(0);
    }
    if let Some(&(month, _)) = named.first() {
        return match nums.as_slice() {
            [(a, ad), (b, bd)] => {
                if let Some(y) = year_of(*b, *bd).filter(|_| *bd == 4 || *a <= 31) {
                    Ok((y, month, Some(*a)))
                } else if let Some(y) = year_of(*a, *ad).filter(|_| *ad == 4) {
                    Ok((y, month, Some(*b)))
                } else {
                    Err(not_a_date())
                }
            }
            [(y, yd)] => year_of(*y, *yd).filter(|_| *yd == 4).map(|y| (y, month, None)).ok_or_else(not_a_date),
            _ => Err(not_a_date()),
        };
    }
    let dotted = cell.contains('.') && !cell.contains('/');
    match nums.as_slice() {
        [(v, 8)] => {
            // 20250901
            let (y, m, d) = (*v / 10_000, (*v / 100) % 100, *v % 100);
            Ok((i32::try_from(y).map_err(|_| not_a_date())?, m, Some(d)))
        }
        [(y, 4), (m, _)] => Ok((i32::try_from(*y).map_err(|_| not_a_date())?, *m, None)),
        [(a, 4), (b, _), (c, _)] => Ok((i32::try_from(*a).map_err(|_| not_a_date())?, *b, Some(*c))),
        [(a, _), (b, _), (c, cd)] => {
            let y = year_of(*c, *cd).ok_or_else(not_a_date)?;
            let day_first = dotted || style.order == Order::DayMonth;
            if style.forced && !dotted {
                // The planner said which comes first: a month over 12 is a wrong date, not a hint.
                let (d, m) = if day_first { (*a, *b) } else { (*b, *a) };
                if m > 12 {
                    let order = if day_first { "day first" } else { "month first" };
                    return Err(format!("\"{shown}\" has no month {m} when read {order}, the date order given"));
                }
                return Ok((y, m, Some(d)));
            }
            // A part over 12 cannot be the month, whatever the file's habit.
            let (d, m) = if *a > 12 && *b <= 12 {
                (*a, *b)
            } else if *b > 12 && *a <= 12 {
                (*b, *a)
            } else if day_first {
                (*a, *b)
            } else {
                (*b, *a)
            };
            Ok((y, m, Some(d)))
        }
        _ => Err(not_a_date()),
    }
}

/// What a numeric date says about its file's order: `13/1/2025` is day first, `1/13/2025`
/// month first; `1/2/2025` says nothing.
pub fn order_evidence(cell: &str) -> Option<Order> {
    if iso(cell.trim()).is_some() || !cell.bytes().any(|b| b == b'/' || b == b'-' || b == b'.') {
        return None;
    }
    let toks = tokens(cell);
    if toks.iter().any(|t| matches!(t, Tok::Word { text, .. } if month_of(text).is_some())) {
        return None;
    }
    match toks.as_slice() {
        [Tok::Num { value: a, digits: ad }, Tok::Num { value: b, .. }, Tok::Num { digits: 4 | 2, .. }] if *ad != 4 => {
            if *a > 12 && *b <= 12 {
                Some(Order::DayMonth)
            } else if *b > 12 && *a <= 12 {
                Some(Order::MonthDay)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether a cell is a numeric date whose day and month could be either way round (`1/2/2025`).
pub fn is_ambiguous(cell: &str) -> bool {
    let cell = cell.trim();
    if iso(cell).is_some() || !cell.bytes().any(|b| b == b'/' || b == b'-') {
        return false;
    }
    matches!(tokens(cell).as_slice(), [Tok::Num { value: a, digits: ad }, Tok::Num { value: b, .. }, Tok::Num { .. }] if *ad != 4 && *a <= 12 && *b <= 12)
}

/// Separators between the two ends of a range, longest first.
const RANGE_SEPARATORS: &[&str] =
    &[" - ", " – ", " — ", " to ", " até ", " a ", " au ", " bis ", " tot ", " al ", " sampai ", " s/d ", " ~ ", "〜", "~", "..", " -", "- ", ",", "–", "-"];

/// A date range stated in a title line: `27 January 2026 - 23 February 2026`, `Ad report (Oct
/// 25, 2016-Oct 31, 2016)`, `Report Time: 1/1/2019 to 1/31/2019`.
pub fn range_in_text(text: &str, style: DateStyle) -> Option<(NaiveDate, NaiveDate)> {
    let text: String = text.chars().take(300).collect();
    let mut candidates = vec![text.clone()];
    let mut rest = text.as_str();
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else { break };
        candidates.push(after[..close].to_string());
        rest = &after[close + 1..];
    }
    for c in candidates {
        // `Report Time: …`: a label before a colon, when no digit precedes it.
        let c = match c.split_once(':') {
            Some((label, value)) if !label.chars().any(|ch| ch.is_ascii_digit()) => value.to_string(),
            _ => c,
        };
        let c = c.trim();
        for sep in RANGE_SEPARATORS {
            for (i, _) in c.match_indices(sep) {
                let (a, b) = (&c[..i], &c[i + sep.len()..]);
                if let (Ok(from), Ok(to)) = (parse(a, style), parse(b, style)) {
                    if from <= to {
                        return Some((from, to));
                    }
                }
            }
        }
    }
    None
}

/// Which end of a period a labelled title line gives: LinkedIn's `Report Start: January 1,
/// 2023, 12:00 AM` and `Report End: …`.
pub fn labelled_end(text: &str, style: DateStyle) -> Option<(bool, NaiveDate)> {
    let (label, value) = text.split_once(':')?;
    let words: Vec<String> = label.to_lowercase().split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect();
    const STARTS: &[&str] =
        &["start", "begin", "from", "início", "inicio", "début", "beginn", "inizio", "mulai", "開始", "von", "desde", "de", "da", "dari", "van"];
    const ENDS: &[&str] = &["end", "until", "to", "fim", "fin", "ende", "fine", "einde", "akhir", "終了", "bis", "hasta", "até", "a", "sampai", "tot"];
    let is_start = words.iter().any(|w| STARTS.contains(&w.as_str()));
    let is_end = words.iter().any(|w| ENDS.contains(&w.as_str()));
    if is_start == is_end {
        return None;
    }
    parse(value, style).ok().map(|d| (is_start, d))
}

/// Whether a title line says the report covers all time (so no range can be taken from it).
pub fn says_all_time(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    [
        "all time",
        "todo o período",
        "todo el período",
        "toute la période",
        "gesamte laufzeit",
        "gesamter zeitraum",
        "sempre",
        "semua waktu",
        "全期間",
        "lifetime",
        "maximum",
    ]
    .iter()
    .any(|p| t == *p || t.starts_with(&format!("{p} ")) || t.ends_with(&format!(" {p}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const US: DateStyle = DateStyle { order: Order::MonthDay, forced: false };
    const EU: DateStyle = DateStyle { order: Order::DayMonth, forced: false };

    #[test]
    fn dates_in_platform_shapes() {
        let d = day("2025-09-01");
        for s in ["2025-09-01", "2025/09/01", "9/1/2025", "Sep 1, 2025", "September 1, 2025", "2025-09-01 00:00:00", "2025-09-01T00:00:00Z", "20250901"] {
            assert_eq!(parse(s, US), Ok(d), "{s}");
        }
        assert_eq!(parse("01.09.2025", US), Ok(d));
        assert_eq!(parse("1/9/2025", EU), Ok(d));
        assert_eq!(parse("13/09/2025", US), Ok(day("2025-09-13")), "a first part over 12 is the day");
        assert_eq!(parse("ter., 5 de mai. de 2026", EU), Ok(day("2026-05-05")));
        assert_eq!(parse("Nov 10, 2018", US), Ok(day("2018-11-10")));
        assert_eq!(parse("1/23/2019 12:00:00 AM|11", US), Ok(day("2019-01-23")));
        assert_eq!(parse("5 janv. 2026", EU), Ok(day("2026-01-05")));
        assert_eq!(parse("5. März 2026", EU), Ok(day("2026-03-05")));
        assert_eq!(parse("mar, 5 mar 2026", EU), Ok(day("2026-03-05")));
        assert_eq!(parse("2026年5月5日", EU), Ok(day("2026-05-05")));
        assert_eq!(parse("5 Mei 2026", EU), Ok(day("2026-05-05")));
        assert!(parse("2025-02-30", US).is_err());
        assert!(parse("2025-09-0é", US).is_err());
        assert!(parse("Total", US).is_err());
        assert!(parse("", US).is_err());
        assert_eq!(parse_month("September 2025", US), Ok((day("2025-09-01"), day("2025-09-30"))));
        assert_eq!(parse_month("2024-02", US), Ok((day("2024-02-01"), day("2024-02-29"))));
    }

    #[test]
    fn ranges_in_title_lines() {
        assert_eq!(range_in_text("27 January 2026 - 23 February 2026", US), Some((day("2026-01-27"), day("2026-02-23"))));
        assert_eq!(range_in_text("Ad report (Oct 25, 2016-Oct 31, 2016)", US), Some((day("2016-10-25"), day("2016-10-31"))));
        assert_eq!(range_in_text("5 de maio de 2026 - 15 de maio de 2026", EU), Some((day("2026-05-05"), day("2026-05-15"))));
        assert_eq!(range_in_text("Report Time: 1/1/2019 to 1/31/2019", US), Some((day("2019-01-01"), day("2019-01-31"))));
        assert_eq!(range_in_text("Campaign Report(2024-05-12 to 2024-05-18)", US), Some((day("2024-05-12"), day("2024-05-18"))));
        assert_eq!(range_in_text("All time", US), None);
        assert_eq!(range_in_text("Campaign report", US), None);
        assert_eq!(labelled_end("Report Start: January 1, 2023, 12:00 AM", US), Some((true, day("2023-01-01"))));
        assert_eq!(labelled_end("Report End: May 31, 2023, 11:59 PM", US), Some((false, day("2023-05-31"))));
        assert_eq!(labelled_end("Date Generated: February 27, 2024, 7:09 AM", US), None);
        assert!(says_all_time("All time"));
    }

    #[test]
    fn the_file_decides_day_or_month_first() {
        assert_eq!(order_evidence("13/1/2025"), Some(Order::DayMonth));
        assert_eq!(order_evidence("1/13/2025"), Some(Order::MonthDay));
        assert_eq!(order_evidence("1/2/2025"), None);
        assert_eq!(order_evidence("2025-01-13"), None);
    }

    #[test]
    fn a_given_order_is_kept() {
        let dmy = DateStyle::given(Order::DayMonth);
        assert_eq!(parse("05/06/2025", dmy), Ok(day("2025-06-05")));
        assert_eq!(parse("05/06/2025", DateStyle::given(Order::MonthDay)), Ok(day("2025-05-06")));
        let e = parse("1/13/2025", dmy).unwrap_err();
        assert!(e.contains("no month 13") && e.contains("day first"), "{e}");
        assert_eq!(parse("01.09.2025", DateStyle::given(Order::MonthDay)), Ok(day("2025-09-01")), "dotted dates are day first");
    }
}
