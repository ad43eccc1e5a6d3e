//! Files that are not a text report or a workbook, told apart by their first bytes before
//! anything tries to read them as one.
//!
//! A planner picks the wrong download as easily as the right one: an Excel 97–2003 `.xls`, the
//! report's PDF, a `.gz` or a program renamed `.csv`. Read as CSV such a file decodes as
//! Windows-1252 garbage, finds no header and imports nothing "successfully", quoting the garbage.
//! Refusing it by name, with what to do instead, is the only useful answer.

use crate::Error;

/// Bytes looked at for NULs: text never has them, binary files almost always do early on.
const SNIFF_BYTES: usize = 8192;

/// Signatures of files people mistake for reports, and what to tell them.
const SIGNATURES: &[(&[u8], &str, &str)] = &[
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "xls_workbook", "this is an Excel 97–2003 .xls workbook, which is not read: open it and save it as .xlsx or .csv"),
    (b"%PDF-", "not_a_report", "this is a PDF, not a report: download the report as CSV or XLSX"),
    (b"\x1F\x8B", "not_a_report", "this is a gzip-compressed file: decompress it and import the report inside"),
    (b"7z\xBC\xAF\x27\x1C", "not_a_report", "this is a 7-Zip archive: extract it and import the report inside"),
    (b"Rar!\x1A\x07", "not_a_report", "this is a RAR archive: extract it and import the report inside"),
    (b"\x89PNG", "not_a_report", "this is a PNG image, not a report: download the report as CSV or XLSX"),
    (b"\xFF\xD8\xFF", "not_a_report", "this is a JPEG image, not a report: download the report as CSV or XLSX"),
];

/// Refuse bytes that are neither a workbook (a ZIP, checked by the workbook reader) nor text.
/// UTF-16 text, whose ASCII characters each carry a NUL byte, is text.
pub fn refuse_binary(bytes: &[u8], file: &str) -> Result<(), Error> {
    if let Some((_, code, message)) = SIGNATURES.iter().find(|(magic, _, _)| bytes.starts_with(magic)) {
        return Err(Error::new(code, *message).in_file(file));
    }
    if crate::xlsx::is_xlsx(bytes) {
        // A ZIP: the workbook reader says whether it is a workbook.
        return Ok(());
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) && !crate::text::is_utf16(bytes) {
        return Err(Error::new("not_a_report", "this is not a text report (the file holds binary data): export the report from the platform as CSV or XLSX")
            .in_file(file));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_in_any_encoding_passes_and_binary_does_not() {
        assert!(refuse_binary(b"Day,Campaign,Cost\n", "r.csv").is_ok());
        assert!(refuse_binary(b"", "r.csv").is_ok());
        let utf16: Vec<u8> = "Campaign\tCost\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert!(refuse_binary(&utf16, "r.csv").is_ok());
        let with_bom: Vec<u8> = [0xFF, 0xFE].into_iter().chain(utf16).collect();
        assert!(refuse_binary(&with_bom, "r.csv").is_ok());
        let e = refuse_binary(b"\x7FELF\x02\x01\x01\x00\x00\x00", "r.csv").unwrap_err();
        assert_eq!((e.code.as_str(), e.file.as_deref()), ("not_a_report", Some("r.csv")));
        assert_eq!(refuse_binary(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", "r.csv").unwrap_err().code, "xls_workbook");
        assert!(refuse_binary(b"%PDF-1.4\n", "r.csv").unwrap_err().message.contains("PDF"));
    }
}
