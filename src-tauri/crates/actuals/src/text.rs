//! Bytes to text: the encodings report files really come in.
//!
//! Google Ads' "Excel .csv" is UTF-16 with tabs, other exports carry a UTF-8 BOM, and older
//! spreadsheets save Windows-1252. Excel on a Japanese or Korean Windows saves "CSV" in the
//! system's code page (Shift_JIS, EUC-KR), so a report opened there and saved again arrives in
//! it. Decoding first means every later step sees plain text.

use encoding_rs::{Encoding, EUC_KR, SHIFT_JIS, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
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
        Err(_) => match east_asian(bytes) {
            Some((text, enc)) => (Cow::Owned(text), enc.name()),
            None => (WINDOWS_1252.decode_without_bom_handling(bytes).0, WINDOWS_1252.name()),
        },
    }
}

/// Kana or Hangul a decoding must show before a file is taken as Shift_JIS or EUC-KR.
const MIN_EAST_ASIAN: usize = 3;

/// Shift_JIS or EUC-KR text: bytes that decode in it without a single malformed sequence and
/// show Japanese kana or Korean Hangul. Kana and Hangul are what tell: Windows-1252 text with
/// accents can decode as kanji or hanja by chance (`é` and the next letter make one), but its
/// bytes almost never make full-width kana (a Shift_JIS lead byte 0x82 or 0x83 is `‚` or `ƒ`)
/// or a run of Hangul (two accented letters in a row).
fn east_asian(bytes: &[u8]) -> Option<(String, &'static Encoding)> {
    let shows = |text: &str, range: std::ops::RangeInclusive<char>| text.chars().filter(|c| range.contains(c)).take(MIN_EAST_ASIAN).count() >= MIN_EAST_ASIAN;
    for (enc, script) in [(SHIFT_JIS, '\u{3041}'..='\u{30FA}'), (EUC_KR, '\u{AC00}'..='\u{D7A3}')] {
        if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
            if shows(&text, script) {
                return Some((text.into_owned(), enc));
            }
        }
    }
    None
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_csv_saved_in_japan_or_korea_reads_in_its_code_page_and_latin_text_stays_windows_1252() {
        let ja = "日,キャンペーン名,消化金額 (JPY)\n2026年5月5日,ブランド,1200\n";
        let ko = "날짜,캠페인,비용\n2026-05-05,브랜드,1200\n";
        for (text, enc) in [(ja, SHIFT_JIS), (ko, EUC_KR)] {
            let (bytes, _, unmappable) = enc.encode(text);
            assert!(!unmappable);
            assert_eq!(decode(&bytes), (Cow::Owned::<str>(text.to_string()), enc.name()));
        }
        // German and French in Windows-1252: ß, Ä, Ö and Ü are half-width katakana in
        // Shift_JIS, and é with the next letter a kanji, but neither makes full-width kana.
        let latin = "Kampagne,Télévision,Größe,Ausgaben\nÄpfel Öl Über,Café crème,Straße,12,50\n";
        let (bytes, _, _) = WINDOWS_1252.encode(latin);
        assert_eq!(decode(&bytes), (Cow::Owned::<str>(latin.to_string()), WINDOWS_1252.name()));
    }
}
