//! Bytes to text: the encodings report files really come in.
//!
//! Google Ads' "Excel .csv" is UTF-16 with tabs and other exports carry a UTF-8 BOM. A report
//! opened in Excel and saved again as "CSV" arrives in the system's code page: Windows-1252 in
//! western Europe and the Americas, 1250 in central Europe, Shift_JIS in Japan, EUC-KR in Korea,
//! GBK in mainland China, Big5 in Taiwan and Hong Kong. The file does not say which, and the
//! byte ranges overlap (Chinese GBK decodes without a fault as Korean), so the code page is
//! guessed by chardetng, Firefox's detector, from each script's byte patterns. Decoding first
//! means every later step sees plain text.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use std::borrow::Cow;

/// Decode a report file, honouring a BOM, spotting BOM-less UTF-16 by its zero bytes, and
/// reading bytes that are not UTF-8 in the code page they most likely were saved in. Line ends
/// become `\n`, so the CSV reader's line numbers are the file's.
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
        Err(_) => {
            let enc = code_page(bytes);
            (enc.decode_without_bom_handling(bytes).0, enc.name())
        }
    }
}

/// The legacy code page bytes that are not UTF-8 were most likely saved in (Windows-1252 when
/// nothing tells otherwise).
fn code_page(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Deny)
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
    fn excel_csv_saved_in_a_code_page_reads_in_it_and_chinese_is_not_taken_for_korean() {
        use encoding_rs::{BIG5, EUC_KR, GBK, SHIFT_JIS, WINDOWS_1250, WINDOWS_1252};
        let files = [
            ("日,キャンペーン名,消化金額 (JPY)\n2026年5月5日,ブランド,1200\n", SHIFT_JIS),
            ("날짜,캠페인,비용\n2026-05-05,브랜드,1200\n", EUC_KR),
            // Mainland China's GBK decodes without a fault as Korean (휑퍅,밤멩溝죗…): it must not be.
            ("日期,广告系列,费用,展示次数,点击次数\n2025-09-01,品牌词搜索,1234.56,10000,300\n", GBK),
            ("日期,廣告活動,費用,曝光,點擊\n2025-09-01,品牌關鍵字,1234.56,10000,300\n", BIG5),
            // ß, Ä, Ö and Ü are half-width katakana in Shift_JIS, and é with the next letter a kanji.
            ("Kampagne,Télévision,Größe,Ausgaben\nÄpfel Öl Über,Café crème,Straße,12,50\n", WINDOWS_1252),
            ("Nome da campanha,Valor usado (BRL),Impressões\nPromoção,12,3\n", WINDOWS_1252),
            ("Kampania,Koszt,Wyświetlenia,Kliknięcia\nPromocja,12,3,4\n", WINDOWS_1250),
        ];
        for (text, enc) in files {
            let (bytes, _, unmappable) = enc.encode(text);
            assert!(!unmappable);
            assert_eq!(decode(&bytes), (Cow::Owned::<str>(text.to_string()), enc.name()), "{}", enc.name());
        }
    }
}
