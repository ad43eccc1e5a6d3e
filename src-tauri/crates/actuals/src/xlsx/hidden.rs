//! The rows and columns a sheet hides. A planner hides a stale option ("OLD", at 50%) or a column
//! of last quarter's figures rather than deleting it; a reader that sees only the cells would
//! import them as if they were shown. The sheet's XML says what is hidden: `<row hidden="1">`
//! and `<col min max hidden="1">`, read here in a pass of their own, within the same limit as the
//! cells.

use super::{too_large, Sheet};
use crate::limits::{MAX_COLUMNS, MAX_SHEET_CELLS};
use crate::Error;
use quick_xml::events::BytesStart;

/// What a sheet hides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hidden {
    /// 1-based numbers of the hidden rows, in order.
    pub rows: Vec<usize>,
    /// Hidden columns as 0-based inclusive ranges (A = 0): `<col min="8" max="8">` is `(7, 7)`.
    pub columns: Vec<(usize, usize)>,
    /// The whole sheet is hidden (`state="hidden"` or `"veryHidden"` in the workbook).
    pub sheet: bool,
}

fn is_hidden(e: &BytesStart) -> bool {
    matches!(super::attr(e, b"hidden").as_deref(), Some("1" | "true"))
}

impl Sheet<'_> {
    /// The sheet's hidden rows and columns (rows numbered as [`Sheet::each`] numbers them).
    pub fn hidden(&self, file: &str) -> Result<Hidden, Error> {
        let mut out = Hidden::default();
        let mut last_row = 0usize;
        self.each_start(file, |e| {
            match e.local_name().as_ref() {
                b"row" => {
                    let given = super::attr(e, b"r").and_then(|v| v.parse().ok()).filter(|n| *n > 0);
                    last_row = given.unwrap_or(last_row + 1);
                    if is_hidden(e) {
                        if out.rows.len() >= MAX_SHEET_CELLS as usize {
                            return Err(too_large(file, "the sheet hides more rows than it could hold cells"));
                        }
                        out.rows.push(last_row);
                    }
                }
                b"col" if is_hidden(e) => {
                    let n = |k: &[u8]| super::attr(e, k).and_then(|v| v.parse::<usize>().ok()).filter(|n| *n > 0);
                    if let (Some(min), Some(max)) = (n(b"min"), n(b"max")) {
                        if out.columns.len() >= MAX_COLUMNS {
                            return Err(too_large(file, "the sheet lists more hidden column ranges than it can have columns"));
                        }
                        out.columns.push((min.min(max) - 1, min.max(max).min(MAX_COLUMNS) - 1));
                    }
                }
                _ => {}
            }
            Ok(())
        })?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use rust_xlsxwriter::Workbook;

    #[test]
    fn hidden_rows_and_columns_are_read_as_numbered() {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        for r in 0..6u32 {
            for c in 0..4u16 {
                ws.write_number(r, c, f64::from(r * 10 + u32::from(c))).unwrap();
            }
        }
        ws.set_row_hidden(2).unwrap();
        ws.set_row_hidden(5).unwrap();
        ws.set_column_hidden(1).unwrap();
        ws.set_column_range_hidden(3, 9).unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let sheets = crate::read_workbook(&bytes, "h.xlsx").unwrap();
        assert_eq!(sheets[0].hidden.rows, [3, 6]);
        assert_eq!(sheets[0].hidden.columns, [(1, 1), (3, 9)]);
        let mut wb = Workbook::new();
        wb.add_worksheet().write_string(0, 0, "x").unwrap();
        assert_eq!(crate::read_workbook(&wb.save_to_buffer().unwrap(), "p.xlsx").unwrap()[0].hidden, super::Hidden::default());
    }
}
