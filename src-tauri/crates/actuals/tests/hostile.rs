//! Hostile files: each is refused with a clear error, or read, within a memory bound counted by
//! the test's own allocator, never by allocating what the file claims. One test, so the count
//! is its alone.

mod common;

use common::{number_cell, peak_during, sheet, text_cell, xlsx, Counting};
use flightplan_actuals::limits::{MAX_REPORT_BYTES, MAX_SHEET_CELLS};
use flightplan_actuals::{parse, ColumnMapping, Report};
use flightplan_core::Error;
use std::io::Write;

#[global_allocator]
static ALLOC: Counting = Counting;

/// What a parse may hold at once, whatever the file.
const MEMORY_BOUND: usize = 300 << 20;

fn read(bytes: &[u8], what: &str) -> (Result<Report, Error>, usize) {
    let (r, peak) = peak_during(|| parse(bytes, "hostile.xlsx", None, &ColumnMapping::default()));
    assert!(peak < MEMORY_BOUND, "{what}: held {} MiB", peak >> 20);
    (r, peak)
}

/// A workbook whose sheet XML is streamed into the archive: `rows` empty rows between a header
/// and one data row.
fn empty_rows_workbook(rows: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    let head = format!(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{}{}{}</row>"#,
        text_cell("A1", "Day"),
        text_cell("B1", "Campaign name"),
        text_cell("C1", "Amount spent (USD)")
    );
    zip.write_all(head.as_bytes()).unwrap();
    let mut chunk = String::new();
    for _ in 0..rows {
        // Rows without a number follow the one before.
        chunk.push_str("<row/>");
        if chunk.len() > 1 << 20 {
            zip.write_all(chunk.as_bytes()).unwrap();
            chunk.clear();
        }
    }
    let last = rows + 2;
    chunk.push_str(&format!(
        "<row r=\"{last}\">{}{}{}</row></sheetData></worksheet>",
        text_cell(&format!("A{last}"), "2025-09-01"),
        text_cell(&format!("B{last}"), "LC_Retargeting"),
        number_cell(&format!("C{last}"), "12.5")
    ));
    zip.write_all(chunk.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn hostile_workbooks_and_files_stay_within_bounds() {
    // Cells at A1 and XFD1048576: 17 billion cells in its dense range, two in fact.
    let corners = xlsx(&sheet(&format!(r#"<row r="1">{}</row><row r="1048576">{}</row>"#, text_cell("A1", "x"), number_cell("XFD1048576", "1"))), None);
    assert!(corners.len() < 4096);
    let (r, peak) = read(&corners, "A1 and XFD1048576");
    let r = r.unwrap();
    assert_eq!(r.rows.len(), 0);
    assert!(peak < 16 << 20, "held {} MiB", peak >> 20);

    // A shared string that inflates to 100 MiB from a few hundred KB.
    let mut bomb = br#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>"#.to_vec();
    bomb.extend(std::iter::repeat_n(b'a', 100 << 20));
    bomb.extend_from_slice(b"</t></si></sst>");
    let file = xlsx(&sheet(r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#), Some(&bomb));
    drop(bomb);
    assert!(file.len() < 2 << 20, "{} bytes", file.len());
    let e = read(&file, "shared-string bomb").0.unwrap_err();
    assert_eq!(e.code, "too_large");
    assert!(e.message.contains("xl/sharedStrings.xml inflates to more than 64 MiB"), "{}", e.message);

    // One shared string longer than a cell can hold.
    let long = format!(r#"<sst><si><t>{}</t></si></sst>"#, "b".repeat(40_000));
    let e = read(&xlsx(&sheet(r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#), Some(long.as_bytes())), "long string").0.unwrap_err();
    assert_eq!(e.code, "too_large");
    assert!(e.message.contains("32767 characters"), "{}", e.message);

    // Ten million empty rows between the header and the only data row.
    let file = empty_rows_workbook(10_000_000);
    assert!(file.len() < 2 << 20, "{} bytes", file.len());
    let (r, peak) = read(&file, "ten million empty rows");
    let r = r.unwrap();
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.rows[0].file_line, 10_000_002);
    assert!(peak < 32 << 20, "held {} MiB", peak >> 20);

    // Rows reaching column XFD, over and over: refused once the cells visited pass the limit.
    let header = format!(r#"<row r="1">{}{}{}</row>"#, text_cell("A1", "Day"), text_cell("B1", "Campaign name"), text_cell("C1", "Amount spent (USD)"));
    let wide: String = header + &(2..=4001).map(|r| format!(r#"<row r="{r}">{}</row>"#, number_cell(&format!("XFD{r}"), "1"))).collect::<String>();
    let e = read(&xlsx(&sheet(&wide), None), "wide rows").0.unwrap_err();
    assert_eq!(e.code, "too_large");
    assert!(e.message.contains(&MAX_SHEET_CELLS.to_string()), "{}", e.message);

    // A cell past XFD.
    let e = read(&xlsx(&sheet(r#"<row r="1"><c r="XFE1"><v>1</v></c></row>"#), None), "past XFD").0.unwrap_err();
    assert_eq!(e.code, "too_large");

    // A formula whose result was never saved: an error naming the cell, not a silent 0.
    let rows = format!(
        r#"<row r="1">{}{}{}</row><row r="2">{}{}<c r="C2"><f>SUM(C3:C9)</f></c></row>"#,
        text_cell("A1", "Day"),
        text_cell("B1", "Campaign name"),
        text_cell("C1", "Amount spent (USD)"),
        text_cell("A2", "2025-09-01"),
        text_cell("B2", "LC")
    );
    let e = read(&xlsx(&sheet(&rows), None), "formula").0.unwrap_err();
    assert_eq!(e.code, "formula_not_calculated");
    assert_eq!((e.path.as_deref(), e.row, e.file.as_deref()), (Some("C2"), Some(2), Some("hostile.xlsx")), "the cell is in the fields");
    assert!(e.message.contains("SUM(C3:C9)") && !e.message.contains("C2"), "{}", e.message);

    // Not a workbook after all.
    let e = read(b"PK\x03\x04 not really a zip", "broken zip").0.unwrap_err();
    assert_eq!(e.code, "bad_xlsx");

    // Ten million blank lines in a CSV: skipped without listing each.
    let mut csv = b"Day,Campaign name,Amount spent (USD)\n".to_vec();
    csv.extend(std::iter::repeat_n(b'\n', 10_000_000));
    csv.extend_from_slice(b"2025-09-01,LC,1.00\n");
    let (r, _) = read(&csv, "blank lines");
    let r = r.unwrap();
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.rows[0].file_line, 10_000_002);

    // One endless line of 20 MB (ten million cells): no header, found within the first MiB and
    // two thousand cells, not after holding ten million of them.
    let line: Vec<u8> = b"a,".iter().copied().cycle().take(20_000_000).collect();
    let (r, peak) = read(&line, "one endless line");
    let e = r.unwrap_err();
    assert_eq!((e.code.as_str(), e.row), ("no_header", Some(1)));
    assert!(e.message.contains("line 1 has more than 2000 cells"), "{}", e.message);
    assert!(peak < 32 << 20, "held {} MiB", peak >> 20);
    // The same line under a real header is a row of the wrong width, named by its line.
    let mut long = b"Day,Campaign name,Amount spent (USD)\n".to_vec();
    long.extend_from_slice(&line);
    let e = read(&long, "endless data line").0.unwrap_err();
    assert_eq!((e.code.as_str(), e.row), ("bad_row", Some(2)));

    // A file over the size limit is refused before anything is read from it.
    let big = vec![b'a'; MAX_REPORT_BYTES + 1];
    let e = read(&big, "too big").0.unwrap_err();
    assert_eq!(e.code, "too_large");
}
