//! The limits a report file must stay within, so no file (however it was made) can take more
//! memory or time than a real platform export of that size would. Each is named in
//! docs/reports.md; a file over one is refused with a `too_large` error saying which.

/// The largest report file read, CSV or XLSX: 128 MiB (a 1,000,000-row export is about 200 MB
/// only with very wide rows; platforms split larger downloads).
pub const MAX_REPORT_BYTES: usize = 128 * 1024 * 1024;

/// Data rows one report may hold.
pub const MAX_DATA_ROWS: usize = 1_000_000;

/// Rows searched from the top of the file for the header (title and preamble lines above it).
pub const HEADER_SEARCH_ROWS: usize = 60;

/// CSV: the header is searched for in the text's first MiB only (a real header and its title
/// lines take a few KB), so a file of one endless line costs its first MiB, not its size.
pub const HEADER_SEARCH_BYTES: usize = 1 << 20;

/// Filled cells a header row may have (a wide custom export has a few hundred columns); a row
/// with more is not a header, and only its first cells are kept for messages.
pub const MAX_HEADER_CELLS: usize = 2_000;

/// XLSX: entries in the ZIP archive (a workbook has a few dozen).
pub const MAX_XLSX_ENTRIES: usize = 10_000;

/// XLSX: the inflated size of the worksheet read, counted while inflating (the size a ZIP
/// header claims is not trusted).
pub const MAX_SHEET_XML_BYTES: u64 = 512 * 1024 * 1024;

/// XLSX: the inflated size of the shared strings, styles and workbook parts, each.
pub const MAX_PART_XML_BYTES: u64 = 64 * 1024 * 1024;

/// XLSX: one shared or inline string, in characters (Excel's own limit for a cell).
pub const MAX_CELL_CHARS: usize = 32_767;

/// XLSX: columns (Excel's own: A to XFD).
pub const MAX_COLUMNS: usize = 16_384;

/// XLSX: cells visited, counting every column up to each row's last cell. A sheet with one
/// cell at A1 and one at XFD1048576 visits 16,385, not the 17 billion of its dense range.
pub const MAX_SHEET_CELLS: u64 = 50_000_000;

/// Rows listed in `skipped` one by one; beyond that they are counted in a last entry.
pub const MAX_SKIPPED_LISTED: usize = 1_000;
