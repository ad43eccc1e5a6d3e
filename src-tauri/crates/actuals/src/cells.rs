//! Number cells as platforms write them: `4,042`, `16.24%`, ` --`, `$1,234.50`, `1.234,50`,
//! `R$ 12,28`, `Rs.201.68`, `₹1,23,456.00` (Indian grouping), `$6.0`, `53344.971952`,
//! `(12.00)`, `1.5E+06`.
//!
//! Numbers become exact decimals (never floats). Whether `,` or `.` is the decimal separator is
//! the file's, learnt from its own cells ([`Evidence`]) before any is read, because `1,234`
//! alone cannot say. A blank or a dash is "no value", not zero and not an error; anything else
//! that is not a number is an error the caller reports with the file's line number. A currency
//! written with the value (`R$`, `€`, `Rs.`, `EUR`) is read too, so the file's currency can be
//! checked against the plan's.

use rust_decimal::Decimal;
use std::str::FromStr;

/// A blank, `--`, `-` or `N/A` cell.
pub fn is_blank(cell: &str) -> bool {
    let c = cell.trim();
    c.is_empty() || matches!(c, "--" | "-" | "—" | "–" | "n/a" | "N/A" | "NA" | "na" | "null" | "NULL" | "(not set)" | "∞")
}

/// Which character separates decimals in a file's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decimals {
    /// `1,234.56`
    Dot,
    /// `1.234,56`
    Comma,
}

/// What a file's number cells say about their decimal separator.
#[derive(Debug, Clone, Copy, Default)]
pub struct Evidence {
    dot: usize,
    comma: usize,
}

impl Evidence {
    /// Look at one number cell (its digits and separators only: `Rs.201.68` is `201.68`).
    pub fn see(&mut self, cell: &str) {
        let b = cell.as_bytes();
        // The span from the first digit to the last.
        let (Some(first), Some(last)) = (b.iter().position(u8::is_ascii_digit), b.iter().rposition(u8::is_ascii_digit)) else { return };
        let (mut dots, mut commas, mut last_dot, mut last_comma) = (0usize, 0usize, None, None);
        let mut digits_after = 0usize;
        for (i, c) in b[first..=last].iter().enumerate() {
            match c {
                b'.' => {
                    dots += 1;
                    last_dot = Some(i);
                    digits_after = 0;
                }
                b',' => {
                    commas += 1;
                    last_comma = Some(i);
                    digits_after = 0;
                }
                c if c.is_ascii_digit() => digits_after += 1,
                _ => {}
            }
        }
        match (dots, commas) {
            (0, 0) => {}
            (_, 0) if dots > 1 => self.comma += 1,
            (0, _) if commas > 1 => self.dot += 1,
            (1, 0) => {
                if digits_after != 3 {
                    self.dot += 1;
                }
            }
            (0, 1) => {
                if digits_after != 3 {
                    self.comma += 1;
                }
            }
            _ => {
                if last_comma > last_dot {
                    self.comma += 1;
                } else {
                    self.dot += 1;
                }
            }
        }
    }

    /// Whether any cell has said.
    pub fn settled(&self) -> bool {
        self.dot + self.comma > 0
    }

    /// The file's separator; `fallback` when its cells do not say (all whole, or all `1,234`).
    pub fn decide(&self, fallback: Decimals) -> Decimals {
        if self.dot > self.comma {
            Decimals::Dot
        } else if self.comma > self.dot {
            Decimals::Comma
        } else {
            fallback
        }
    }
}

/// Currency markers written with amounts, and their ISO codes. A bare `$` (dollars of a dozen
/// countries) and `¥` (yen or yuan) say nothing.
const MARKERS: &[(&str, &str)] = &[
    ("R$", "BRL"),
    ("US$", "USD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("MX$", "MXN"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("₹", "INR"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("₫", "VND"),
    ("฿", "THB"),
    ("₱", "PHP"),
    ("₦", "NGN"),
    ("₪", "ILS"),
    ("zł", "PLN"),
    ("Rp", "IDR"),
    ("Kč", "CZK"),
    ("Ft", "HUF"),
    ("kr", ""),
    ("$", ""),
    ("¥", ""),
    ("￥", ""),
];

/// A number read from a cell, with the currency it was written in, if it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub value: Decimal,
    pub currency: Option<String>,
}

/// Parse a number cell. `Ok(None)` is a blank; `Err` is text that is not a number.
pub fn number(cell: &str, decimals: Decimals) -> Result<Option<Amount>, String> {
    if is_blank(cell) {
        return Ok(None);
    }
    let raw = cell.trim();
    // The commonest cells, `1234` and `12.50` (in a file with `.` decimals), read directly.
    let plain =
        |s: &str| s.bytes().all(|b| b.is_ascii_digit() || b == b'.') && s.bytes().filter(|b| *b == b'.').count() <= (decimals == Decimals::Dot) as usize;
    if raw.len() <= 28 && !raw.is_empty() && raw.as_bytes()[0].is_ascii_digit() && plain(raw) {
        if let Ok(value) = Decimal::from_str(raw) {
            return Ok(Some(Amount { value, currency: None }));
        }
    }
    let not_a_number = || format!("\"{}\" is not a number", shorten(raw));
    let (mut neg, mut s) = match raw.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => (false, raw),
    };
    for sign in ['-', '−', '\u{2012}'] {
        if let Some(rest) = s.strip_prefix(sign) {
            neg = !neg;
            s = rest.trim_start();
        }
    }
    // Currency before or after the digits, and a trailing percent sign.
    let mut currency = None;
    let s = s.trim_end_matches('%').trim();
    let (s, before) = strip_marker(s, true);
    let (s, after) = strip_marker(s, false);
    for m in [before, after].into_iter().flatten() {
        if !m.is_empty() {
            currency = Some(m.to_string());
        }
    }
    let mut s = s.trim();
    if let Some(rest) = s.strip_prefix('-') {
        neg = !neg;
        s = rest.trim_start();
    }
    let s: String = s.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')).collect();
    if s.is_empty() {
        return Err(not_a_number());
    }
    if let Some(v) = scientific(&s) {
        return Ok(Some(Amount { value: if neg { -v } else { v }, currency }));
    }
    let (point, group) = match decimals {
        Decimals::Dot => ('.', ','),
        Decimals::Comma => (',', '.'),
    };
    let (point, group) = if s.contains(point) && s.contains(group) && s.rfind(group) > s.rfind(point) {
        // Both, in the other order: the later one is the decimal point whatever the file says.
        (group, point)
    } else {
        (point, group)
    };
    let mut parts = s.split(point);
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    if parts.next().is_some() {
        return Err(not_a_number());
    }
    let mut groups = whole.split(group);
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    // Thousands in threes (`1,234,567`), or the Indian lakh and crore grouping: the last three
    // digits, then twos (`12,34,567`, `3,93,250`), the same all through the number.
    let western = rest.iter().all(|g| g.len() == 3) && first.len() <= 3;
    let indian =
        group == ',' && rest.len() >= 2 && rest.last().is_some_and(|g| g.len() == 3) && rest[..rest.len() - 1].iter().all(|g| g.len() == 2) && first.len() <= 2;
    let grouped_ok = rest.is_empty() || (!first.is_empty() && (western || indian));
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !grouped_ok || !all_digits(first) || !rest.iter().all(|g| all_digits(g)) || !frac.is_none_or(all_digits) {
        return Err(not_a_number());
    }
    let mut plain: String = first.to_string();
    for g in &rest {
        plain.push_str(g);
    }
    if plain.is_empty() {
        plain.push('0');
    }
    if let Some(f) = frac.filter(|f| !f.is_empty()) {
        plain.push('.');
        plain.push_str(f);
    }
    if plain.trim_start_matches('0').split('.').next().is_some_and(|w| w.len() > 28) {
        return Err(format!("\"{}\" is too large to be an amount", shorten(raw)));
    }
    let v = Decimal::from_str(&plain).map_err(|_| format!("\"{}\" is too large or too precise to read exactly", shorten(raw)))?;
    Ok(Some(Amount { value: if neg { -v } else { v }, currency }))
}

/// `1.5E+06`, as spreadsheets write large or tiny numbers.
fn scientific(s: &str) -> Option<Decimal> {
    let (m, e) = s.split_once(['e', 'E'])?;
    let ok = !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit() || b == b'.') && m.matches('.').count() <= 1;
    let exp: i64 = e.trim_start_matches('+').parse().ok()?;
    if !ok || exp.abs() > 28 {
        return None;
    }
    Decimal::from_scientific(&format!("{m}e{exp}")).ok()
}

/// Strip a currency marker at the start (`before`) or end of `s`; gives the rest and the ISO
/// code ("" when the marker is ambiguous).
fn strip_marker(s: &str, before: bool) -> (&str, Option<&'static str>) {
    for (m, code) in MARKERS {
        let rest = if before { s.strip_prefix(m) } else { s.strip_suffix(m) };
        if let Some(rest) = rest {
            return (rest.trim(), Some(code));
        }
    }
    // An ISO code written with the amount: `EUR 12,00`, `12.00 USD`.
    let word = if before { s.split_whitespace().next() } else { s.split_whitespace().last() };
    if let Some(w) = word.filter(|w| w.len() == 3 && w.bytes().all(|b| b.is_ascii_uppercase())) {
        if flightplan_core::money::Currency::from_code(w).is_some() {
            let rest = if before { &s[w.len()..] } else { &s[..s.len() - w.len()] };
            return (rest.trim(), Some(currency_code(w)));
        }
    }
    (s, None)
}

/// A known ISO code as a static string (the markers table's codes, or any ISO code via a leak-free
/// lookup of the core's list).
fn currency_code(code: &str) -> &'static str {
    flightplan_core::money::Currency::from_code(code).map(|c| c.code()).unwrap_or("")
}

/// A currency stated in a header: `Amount spent (USD)`, `Cost (EUR)`, `14 Day Total Sales (₹)`.
pub fn currency_in_header(h: &str) -> Option<String> {
    let open = h.rfind('(')?;
    let inner = h.get(open + 1..)?.strip_suffix(')')?.trim();
    if inner.len() == 3 && inner.bytes().all(|b| b.is_ascii_uppercase()) {
        return flightplan_core::money::Currency::from_code(inner).map(|c| c.code().to_string());
    }
    MARKERS.iter().find(|(m, code)| *m == inner && !code.is_empty()).map(|(_, c)| c.to_string())
}

/// At most 40 characters of a cell, for messages.
pub fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str, d: Decimals) -> Option<Decimal> {
        number(s, d).unwrap().map(|a| a.value)
    }

    fn dec(s: &str) -> Option<Decimal> {
        Some(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn numbers_in_platform_shapes() {
        use Decimals::*;
        assert_eq!(n("4,042", Dot), dec("4042"));
        assert_eq!(n("16.24%", Dot), dec("16.24"));
        assert_eq!(n(" --", Dot), None);
        assert_eq!(n("$1,234.50", Dot), dec("1234.50"));
        assert_eq!(n("1,234,567", Dot), dec("1234567"));
        assert_eq!(n("(12.00)", Dot), dec("-12.00"));
        assert_eq!(n("1.234,50", Comma), dec("1234.50"));
        assert_eq!(n("1.683,00", Comma), dec("1683.00"));
        assert_eq!(n("12,5", Comma), dec("12.5"));
        assert_eq!(n("100.000", Comma), dec("100000"));
        assert_eq!(n("53344.971952", Dot), dec("53344.971952"));
        assert_eq!(n("$6.0", Dot), dec("6.0"));
        assert_eq!(n("1.5E+06", Dot), dec("1500000"));
        assert_eq!(n("0.0007000000000000001", Dot), dec("0.0007000000000000001"));
        assert_eq!(n("1 234,50 €", Comma), dec("1234.50"));
        assert_eq!(n("-12", Dot), dec("-12"));
        assert!(number("abc", Dot).is_err());
        assert!(number("1,2,3", Dot).is_err());
        assert!(number("1.2.3", Dot).is_err());
        assert!(number("12-", Dot).is_err());
        assert!(number(&"9".repeat(40), Dot).is_err());
        assert!(number("< 10%", Dot).is_err());
    }

    #[test]
    fn indian_grouping_is_read_when_it_holds_all_through() {
        use Decimals::*;
        for (cell, value) in
            [("3,93,250", "393250"), ("₹1,23,456.00", "123456.00"), ("12,34,56,789", "123456789"), ("1,00,000", "100000"), ("₹53,344.97", "53344.97")]
        {
            assert_eq!(n(cell, Dot), dec(value), "{cell}");
        }
        assert_eq!(number("₹1,23,456.00", Dot).unwrap().unwrap().currency.as_deref(), Some("INR"));
        for cell in ["1,23,4567", "12,345,67", "123,45,678", "1,2,345", "3,93,250", "1,234,56,789"] {
            let d = if cell == "3,93,250" { Comma } else { Dot };
            assert!(number(cell, d).is_err(), "{cell}");
        }
    }

    #[test]
    fn currency_written_with_the_amount() {
        let a = number("R$ 12,28", Decimals::Comma).unwrap().unwrap();
        assert_eq!((a.value, a.currency.as_deref()), (Decimal::from_str("12.28").unwrap(), Some("BRL")));
        let a = number("Rs.201.68", Decimals::Dot).unwrap().unwrap();
        assert_eq!((a.value, a.currency.as_deref()), (Decimal::from_str("201.68").unwrap(), Some("INR")));
        let a = number("EUR 12,00", Decimals::Comma).unwrap().unwrap();
        assert_eq!(a.currency.as_deref(), Some("EUR"));
        let a = number("$6.0", Decimals::Dot).unwrap().unwrap();
        assert_eq!(a.currency, None, "a bare dollar sign says no currency");
        assert_eq!(currency_in_header("Amount spent (USD)").as_deref(), Some("USD"));
        assert_eq!(currency_in_header("14 Day Total Sales (₹)").as_deref(), Some("INR"));
        assert_eq!(currency_in_header("Clicks (all)"), None);
        assert_eq!(currency_in_header("Clicks (ALL)").as_deref(), Some("ALL"));
    }

    #[test]
    fn the_file_decides_its_decimal_separator() {
        let mut e = Evidence::default();
        for c in ["1,234", "12", "118,99", "3,45%"] {
            e.see(c);
        }
        assert_eq!(e.decide(Decimals::Dot), Decimals::Comma);
        let mut e = Evidence::default();
        for c in ["1,234", "2.5"] {
            e.see(c);
        }
        assert_eq!(e.decide(Decimals::Comma), Decimals::Dot);
        assert_eq!(Evidence::default().decide(Decimals::Comma), Decimals::Comma);
    }
}
