//! Cell values as platforms write them: `4,042`, `16.24%`, ` --`, `$1,234.50`, `1.234,50`,
//! `2025-09-01`, `Sep 1, 2025`, `9/1/2025`.
//!
//! Numbers become exact decimals (never floats); a blank or a dash is "no value", not zero and
//! not an error. Anything else that is not a number or a date is an error the caller reports
//! with the file's line number.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A blank, `--`, `-` or `N/A` cell.
pub fn is_blank(cell: &str) -> bool {
    matches!(cell.trim().to_ascii_lowercase().as_str(), "" | "--" | "-" | "—" | "n/a" | "na" | "null")
}

/// Parse a number cell. `decimal_comma` says the file writes `1.234,50` (semicolon files).
/// `Ok(None)` is a blank; `Err` is text that is not a number.
pub fn number(cell: &str, decimal_comma: bool) -> Result<Option<Decimal>, String> {
    if is_blank(cell) {
        return Ok(None);
    }
    let raw = cell.trim();
    let (neg_paren, inner) = match raw.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(s) => (true, s),
        None => (false, raw),
    };
    let mut s: String = inner
        .chars()
        .filter(|c| !matches!(c, '%' | '$' | '€' | '£' | '¥' | ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let has_dot = s.contains('.');
    let has_comma = s.contains(',');
    if has_dot && has_comma {
        // The later of the two is the decimal separator.
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
        // `100.000` in a decimal-comma file is a hundred thousand.
        let groups: Vec<&str> = s.split('.').collect();
        if groups[1..].iter().all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())) {
            s = s.replace('.', "");
        }
    }
    let ok = !s.is_empty()
        && s.bytes().enumerate().all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && (b == b'-' || b == b'+')));
    if !ok {
        return Err(format!("\"{raw}\" is not a number"));
    }
    let v = Decimal::from_str(&s).map_err(|_| format!("\"{raw}\" is not a number"))?;
    Ok(Some(if neg_paren { -v } else { v }))
}

/// Parse a date cell in the layouts platforms export (time of day, if any, is ignored).
pub fn date(cell: &str) -> Result<NaiveDate, String> {
    let s = cell.trim();
    let s = s.split(['T']).next().unwrap_or(s);
    let s = if s.len() > 10 && s.as_bytes().get(4) == Some(&b'-') { &s[..10] } else { s };
    const FORMATS: [&str; 9] =
        ["%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y"];
    for f in FORMATS {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Ok(d);
        }
    }
    Err(format!("\"{}\" is not a date", cell.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Option<Decimal> {
        number(s, false).unwrap()
    }

    #[test]
    fn numbers_in_platform_shapes() {
        assert_eq!(n("\"4,042\"".trim_matches('"')), Some(Decimal::from(4042)));
        assert_eq!(n("16.24%"), Some(Decimal::from_str("16.24").unwrap()));
        assert_eq!(n(" --"), None);
        assert_eq!(n("$1,234.50"), Some(Decimal::from_str("1234.50").unwrap()));
        assert_eq!(n("1,234,567"), Some(Decimal::from(1234567)));
        assert_eq!(n("(12.00)"), Some(Decimal::from_str("-12.00").unwrap()));
        assert_eq!(number("1.234,50", true).unwrap(), Some(Decimal::from_str("1234.50").unwrap()));
        assert_eq!(number("12,5", true).unwrap(), Some(Decimal::from_str("12.5").unwrap()));
        assert_eq!(number("100.000", true).unwrap(), Some(Decimal::from(100000)));
        assert!(number("abc", false).is_err());
        assert!(number("1,2,3", false).is_err());
    }

    #[test]
    fn dates_in_platform_shapes() {
        let d = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
        for s in ["2025-09-01", "2025/09/01", "9/1/2025", "Sep 1, 2025", "September 1, 2025", "2025-09-01 00:00:00"] {
            assert_eq!(date(s), Ok(d), "{s}");
        }
        assert_eq!(date("13/09/2025"), Ok(NaiveDate::from_ymd_opt(2025, 9, 13).unwrap()));
        assert!(date("2025-02-30").is_err());
    }
}
