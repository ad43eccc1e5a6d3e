//! Bytes to text: the encodings report files really come in.
//!
//! Google Ads' "Excel .csv" is UTF-16 with tabs, other exports carry a UTF-8 BOM, and older
//! spreadsheets save Windows-1252. Decoding first means every later step sees plain text.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// Decode a report file, honouring a BOM, spotting BOM-less UTF-16 by its zero bytes, and
/// falling back to Windows-1252 when the bytes are not UTF-8. Line ends become `\n`, so the CSV
/// reader's line numbers are the file's.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    let (text, enc) = decode_raw(bytes);
    if text.contains('\r') {
        (Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n")), enc)
    } else {
        (text, enc)
    }
}

fn decode_raw(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(rest);
        return (text, enc.name());
    }
    if let Some(enc) = bomless_utf16(bytes) {
        return (enc.decode_without_bom_handling(bytes).0, enc.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), UTF_8.name()),
        Err(_) => (WINDOWS_1252.decode_without_bom_handling(bytes).0, WINDOWS_1252.name()),
    }
}

/// UTF-16 without a BOM, spotted by the zero byte each ASCII character carries at every other
/// position.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(400)];
    if sample.len() < 4 {
        return None;
    }
    let odd_zeros = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let even_zeros = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let half = sample.len() / 2;
    if odd_zeros * 10 >= half * 4 && even_zeros * 10 < half {
        Some(UTF_16LE)
    } else if even_zeros * 10 >= half * 4 && odd_zeros * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether the bytes are UTF-16 text (with a BOM or without), whose NUL bytes are text.
pub fn is_utf16(bytes: &[u8]) -> bool {
    match Encoding::for_bom(bytes) {
        Some((enc, _)) => enc == UTF_16LE || enc == UTF_16BE,
        None => bomless_utf16(bytes).is_some(),
    }
}

/// The field delimiter: a tab if lines carry several (Excel .csv), else `;` or `,`, whichever
/// the busiest of the first lines uses more (the header has the most fields).
pub fn delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().take(60).map(|l| if l.len() > 100_000 { "" } else { l }).collect();
    let most = |c: char| lines.iter().map(|l| l.matches(c).count()).max().unwrap_or(0);
    let (tabs, commas, semis) = (most('\t'), most(','), most(';'));
    if tabs >= 2 {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}
