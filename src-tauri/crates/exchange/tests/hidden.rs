//! Agency workbooks with rows and columns hidden (the audit's `pct.xlsx` and `hidden.xlsx`): a
//! hidden row is not imported, a visible column is read before a hidden one, and each is a
//! warning naming the rows or the column.

use flightplan_exchange::{preview_import, read_plan_source, ImportChoices, ImportPreview, ProblemLevel};
use rust_xlsxwriter::Workbook;

/// A sheet of `rows` (cells as text; numbers written as numbers), with `hide_rows` (0-based) and
/// `hide_cols` hidden.
fn workbook(rows: &[&[&str]], hide_rows: &[u32], hide_cols: &[u16]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Plan").unwrap();
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            match v.parse::<f64>() {
                Ok(n) => ws.write_number(r as u32, c as u16, n).unwrap(),
                Err(_) => ws.write_string(r as u32, c as u16, *v).unwrap(),
            };
        }
    }
    for r in hide_rows {
        ws.set_row_hidden(*r).unwrap();
    }
    for c in hide_cols {
        ws.set_column_hidden(*c).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

fn preview(bytes: &[u8]) -> ImportPreview {
    preview_import(&read_plan_source(bytes, "plan.xlsx", None).unwrap(), &ImportChoices::default())
}

fn warnings(p: &ImportPreview) -> Vec<(String, String)> {
    p.problems.iter().filter(|x| x.level == ProblemLevel::Warning).map(|x| (x.code.clone(), x.message.clone())).collect()
}

#[test]
fn a_hidden_row_is_not_imported_and_is_named() {
    let rows: [&[&str]; 8] = [
        &["Client", "Acme"],
        &["Currency", "USD"],
        &["Budget", "100000"],
        &[],
        &["Channel", "Line", "Pricing", "Rate", "Start", "End", "Share %"],
        &["Meta", "A", "CPM", "9.5", "2027-04-05", "2027-06-27", "50"],
        &["Meta", "B", "CPM", "9.5", "2027-04-05", "2027-06-27", "50"],
        &["Meta", "OLD", "CPM", "9.5", "2027-04-05", "2027-06-27", "50"],
    ];
    // (rows hidden, the lines imported, the warning)
    let cases: [(&[u32], &[&str], Option<&str>); 3] = [
        (&[7], &["A", "B"], Some("row 8 hidden in the sheet: not imported")),
        (&[6, 7], &["A"], Some("rows 7, 8 hidden in the sheet: not imported")),
        (&[], &["A", "B", "OLD"], None),
    ];
    for (hide, lines, warning) in cases {
        let p = preview(&workbook(&rows, hide, &[]));
        let names: Vec<&str> = p.plan.lines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, lines, "{hide:?}");
        let hidden: Vec<String> = warnings(&p).into_iter().filter(|(c, _)| c == "hidden_rows").map(|(_, m)| m).collect();
        assert_eq!(hidden.len(), usize::from(warning.is_some()), "{hide:?}: {hidden:?}");
        if let Some(w) = warning {
            assert!(hidden[0].starts_with(w), "{}", hidden[0]);
        }
        let skipped: Vec<usize> = p.skipped.iter().filter(|s| s.reason == "hidden in the sheet").filter_map(|s| s.at.row).collect();
        assert_eq!(skipped, hide.iter().map(|r| *r as usize + 1).collect::<Vec<_>>());
    }
}

#[test]
fn a_visible_column_is_read_before_a_hidden_one() {
    let rows: [&[&str]; 6] = [
        &["Client", "Acme"],
        &["Currency", "USD"],
        &[],
        &["Channel", "Line", "Pricing", "Rate", "Start", "End", "Investment", "Net media"],
        &["Meta", "Prospecting", "CPM", "9.5", "2027-04-05", "2027-06-27", "50000", "40000"],
        &["Google", "Search", "CPC", "1.5", "2027-04-05", "2027-06-27", "30000", "25000"],
    ];
    // (columns hidden, the lines' net media, the hidden_column warnings)
    let cases: [(&[u16], [&str; 2], &[&str]); 3] = [
        (
            &[7],
            ["50000.00", "30000.00"],
            &["column H (\"Net media\") is hidden in the sheet: not imported (also looks like net media (cost), which is read from column \"Investment\")"],
        ),
        (&[], ["40000.00", "25000.00"], &[]),
        (
            &[6, 7],
            ["40000.00", "25000.00"],
            &[
                "column G (\"Investment\") is hidden in the sheet: not imported (also looks like net media (cost), which is read from column \"Net media\")",
                "column H (\"Net media\") is hidden in the sheet but read as net media (cost): no visible column gives it",
            ],
        ),
    ];
    for (hide, nets, want) in cases {
        let p = preview(&workbook(&rows, &[], hide));
        assert!(p.ready(), "{hide:?}: {:?}", p.problems);
        let got: Vec<String> = p.plan.lines.iter().map(|l| l.budget.unwrap().to_string()).collect();
        assert_eq!(got, nets, "{hide:?}");
        let hidden: Vec<String> = warnings(&p).into_iter().filter(|(c, _)| c == "hidden_column").map(|(_, m)| m).collect();
        assert_eq!(hidden, want, "{hide:?}");
    }
}

/// A workbook of named sheets, each `(name, hidden, rows)`.
fn sheets(list: &[(&str, bool, &[&[&str]])]) -> Vec<u8> {
    let mut wb = Workbook::new();
    for (name, hidden, rows) in list {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, cells) in rows.iter().enumerate() {
            for (c, v) in cells.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
                match v.parse::<f64>() {
                    Ok(n) => ws.write_number(r as u32, c as u16, n).unwrap(),
                    Err(_) => ws.write_string(r as u32, c as u16, *v).unwrap(),
                };
            }
        }
        if *hidden {
            ws.set_hidden(true);
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_hidden_sheet_gives_no_lines_or_details_while_a_shown_one_has_them() {
    let header: &[&str] = &["Channel", "Line", "Pricing", "Rate", "Start", "End", "Budget"];
    // Last version's plan, hidden: more columns named (so a better header) and its own budget.
    let old: [&[&str]; 4] = [&["Budget", "999999"], &["Notes"], &["Superseded"], &["Channel", "Line", "Vendor", "Pricing", "Rate", "Start", "End", "Budget"]];
    let current: [&[&str]; 4] =
        [&["Client", "Acme"], &["Currency", "USD"], header, &["Meta", "Prospecting", "CPM", "9.5", "2027-04-05", "2027-06-27", "40000"]];
    // (The first sheet is the active one, which a workbook cannot hide: the hidden one comes second.)
    let p = preview(&sheets(&[("Plan", false, &current), ("Old version", true, &old)]));
    assert_eq!(p.sheet.as_deref(), Some("Plan"));
    assert_eq!(p.plan.lines.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["Prospecting"]);
    assert_eq!((p.plan.budget.to_string().as_str(), p.plan.notes.len()), ("40000.00", 0), "the hidden sheet's budget and notes are not read");
    let noted: Vec<(&str, Option<&str>)> =
        p.problems.iter().filter(|x| x.code == "hidden_sheet").map(|x| (x.message.as_str(), x.at.sheet.as_deref())).collect();
    assert_eq!(noted, [("sheet \"Old version\" is hidden in the workbook: its cells were not read (show it in the file to read them)", Some("Old version"))]);

    // A workbook whose only table of lines is on a hidden sheet is still read from it.
    let only: [&[&str]; 2] = [header, &["Meta", "Retargeting", "CPM", "12", "2027-04-05", "2027-06-27", "5000"]];
    let p = preview(&sheets(&[("Cover", false, &[&["Spring plan"]]), ("Data", true, &only)]));
    assert_eq!((p.sheet.as_deref(), p.plan.lines.len()), (Some("Data"), 1));
}

#[test]
fn a_hidden_row_above_the_table_gives_no_detail() {
    let rows: [&[&str]; 6] = [
        &["Client", "Acme"],
        &["Budget", "250000"],
        &["Budget", "100000"],
        &["Currency", "USD"],
        &["Channel", "Line", "Pricing", "Rate", "Start", "End", "Share %"],
        &["Meta", "A", "CPM", "9.5", "2027-04-05", "2027-06-27", "100"],
    ];
    // Row 2, last revision's budget, is hidden: the plan's budget is the shown 100,000.
    let p = preview(&workbook(&rows, &[1], &[]));
    assert_eq!(p.plan.budget.to_string(), "100000.00");
    assert!(
        warnings(&p).contains(&("hidden_rows".to_string(), "row 2 hidden in the sheet: not imported (show them in the file to import them)".to_string())),
        "{:?}",
        warnings(&p)
    );
    let p = preview(&workbook(&rows, &[], &[]));
    assert_eq!(p.plan.budget.to_string(), "250000.00", "shown, the first Budget label is read");
}
