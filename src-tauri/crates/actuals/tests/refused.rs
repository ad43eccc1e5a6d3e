//! Files that are not reports, picked by mistake: each is refused with a code and a message
//! saying what it is and what to do, never read as an empty CSV that imports nothing "fine".

use flightplan_actuals::{parse, read_table, ColumnMapping};
use std::io::Write;

/// A ZIP archive holding the given files.
fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in files {
        zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(body).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// `head` followed by enough bytes to look like a file.
fn file(head: &[u8]) -> Vec<u8> {
    let mut b = head.to_vec();
    b.extend((0..4096u32).map(|i| (i * 7 % 251) as u8));
    b
}

#[test]
fn binary_files_are_refused_by_what_they_are() {
    let csv = b"Day,Campaign name,Amount spent (USD)\n2025-09-01,LC,1.00\n";
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        (
            "an old .xls",
            file(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
            "xls_workbook",
            "Excel 97–2003 .xls workbook, which is not read: open it and save it as .xlsx or .csv",
        ),
        ("a PDF", b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj<<>>endobj\n".to_vec(), "not_a_report", "this is a PDF, not a report"),
        ("a gzip", file(b"\x1F\x8B\x08\x08"), "not_a_report", "gzip-compressed file: decompress it"),
        ("an ELF program", file(b"\x7FELF\x02\x01\x01\x00"), "not_a_report", "not a text report (the file holds binary data)"),
        ("random bytes with NULs", file(b"\xF8\x53\x3C\x9B"), "not_a_report", "not a text report"),
        ("a ZIP of a CSV", zip_of(&[("google.csv", csv)]), "not_a_report", "ZIP archive, not an .xlsx workbook (it holds \"google.csv\"): extract it"),
        (
            "an .ods",
            zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", b"<x/>")]),
            "not_a_report",
            "OpenDocument file (.ods)",
        ),
    ];
    for (what, bytes, code, message) in &cases {
        for name in ["report.csv", "report.xlsx"] {
            let e = parse(bytes, name, None, &ColumnMapping::default()).unwrap_err();
            assert_eq!((e.code.as_str(), e.file.as_deref()), (*code, Some(name)), "{what}: {e}");
            assert!(e.message.contains(message), "{what}: {}", e.message);
            // Plan import reads files through the same door.
            assert_eq!(read_table(bytes, name).unwrap_err().code, *code, "{what}");
        }
    }
}

#[test]
fn text_reports_with_zero_bytes_of_their_own_still_read() {
    // UTF-16 ("Excel .csv") carries a NUL in every ASCII character, with or without a BOM.
    let text = "Day\tCampaign name\tAmount spent (USD)\n2025-09-01\tLC\t1.00\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
    for bytes in [le, be] {
        let r = parse(&bytes, "r.csv", None, &ColumnMapping::default()).unwrap();
        assert_eq!(r.rows.len(), 1);
    }
    // A cut-short workbook stays a workbook error, saying it may be damaged.
    let e = parse(b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "r.xlsx", None, &ColumnMapping::default()).unwrap_err();
    assert_eq!(e.code, "bad_xlsx");
    assert!(e.message.contains("cut short or damaged"), "{}", e.message);
}
