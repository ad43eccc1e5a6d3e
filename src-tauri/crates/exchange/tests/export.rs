//! The CSV and XLSX exports of the sample plan carry the core's figures exactly.

use flightplan_core::Dec;
use flightplan_exchange::{write_csv, write_xlsx};

#[test]
fn csv_has_every_line_with_exact_figures() {
    let plan = flightplan_core::sample_plan();
    let view = flightplan_core::compute(&plan).unwrap();
    let text = write_csv(&as_report(&plan, &view)).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().unwrap().clone();
    let net = headers.iter().position(|h| h == "net").unwrap();
    let gross = headers.iter().position(|h| h == "gross").unwrap();
    let imps = headers.iter().position(|h| h == "impressions").unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), view.lines.len());
    for (row, line) in rows.iter().zip(&view.lines) {
        assert_eq!(row[net], line.net.to_string());
        assert_eq!(row[gross], line.gross.to_string());
        assert_eq!(row[imps], line.impressions.map(|d| d.to_string()).unwrap_or_default());
    }
    let sum: rust_decimal::Decimal = rows.iter().map(|r| r[gross].parse::<rust_decimal::Decimal>().unwrap()).sum();
    assert_eq!(sum, view.totals.gross);
}

/// The workbook carries the report's channel rows and channel × month, as the PDF summarises a
/// long plan, and every creative item and note (which the one-page PDF may leave off).
#[test]
fn xlsx_has_the_reports_channels_and_every_creative_item_and_note() {
    let plan = flightplan_core::sample_plan();
    let view = flightplan_core::compute(&plan).unwrap();
    let report = as_report(&plan, &view);
    let bytes = write_xlsx(&report).unwrap().0;
    let sheets = flightplan_actuals::read_workbook(&bytes, "plan.xlsx").unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Mix", "Flowchart", "Fees & totals", "Plan", "Channels", "Creative & notes"]);
    let channels = &sheets[4].records;
    let head = &channels[0].cells;
    assert_eq!(&head[..4], ["Channel", "Lines", "Net media", "Share %"]);
    assert_eq!(head.len(), 14 + view.months.len());
    // One row per channel, largest first, then the totals: the core's exact figures.
    for (row, ch) in channels[1..].iter().zip(&report.channels) {
        assert_eq!(row.cells[0], ch.channel);
        assert_eq!(row.cells[1], ch.lines.len().to_string());
        assert_eq!(row.cells[2].parse::<rust_decimal::Decimal>().unwrap(), ch.net, "{}", ch.channel);
        for (k, m) in ch.months.iter().enumerate() {
            let cell = &row.cells[14 + k];
            let v = if cell.is_empty() { rust_decimal::Decimal::ZERO } else { cell.parse().unwrap() };
            assert_eq!(v, m.net, "{} {}", ch.channel, view.months[k].label);
        }
    }
    let total = &channels[report.channels.len() + 1].cells;
    assert_eq!((total[0].as_str(), total[2].parse::<Dec>().unwrap()), ("Total", view.totals.net_media));
    let creative = &sheets[5].records;
    let items: usize = plan.lines.iter().map(|l| l.creative.len()).sum();
    let text: Vec<String> = creative.iter().map(|r| r.cells.join("|")).collect();
    assert!(items > 0 && text.iter().filter(|r| r.contains("|")).count() >= items);
    for note in &plan.notes {
        assert!(text.iter().any(|r| r.starts_with(note.as_str())), "note {note:?} missing");
    }
}

/// The audit's `fffe.json`: U+FFFE and U+FFFF, which XML 1.0 forbids, in text the workbook writes.
#[test]
fn xlsx_holds_no_character_xml_forbids_and_says_what_it_replaced() {
    let mut plan = flightplan_core::sample_plan();
    plan.lines[0].name = "Search \u{FFFE} Brand".into();
    plan.client = "North\u{FFFF}wind".into();
    plan.lines[1].creative.push(serde_json::from_value(serde_json::json!({"format": "Banner \u{FFFE}", "count": 1})).unwrap());
    let view = flightplan_core::compute(&plan).unwrap();
    let (bytes, warnings) = write_xlsx(&as_report(&plan, &view)).unwrap();
    let paths: Vec<&str> = warnings.iter().map(|w| w.split(':').next().unwrap()).collect();
    assert_eq!(paths, ["client", "lines[0].name", &*format!("lines[1].creative[{}].format", plan.lines[1].creative.len() - 1)], "{warnings:?}");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut strings = String::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut part, &mut text).unwrap();
        assert!(!text.contains(['\u{FFFE}', '\u{FFFF}']), "{} holds a character XML forbids", part.name());
        strings.push_str(&text);
    }
    assert!(strings.contains("Search \u{FFFD} Brand") && strings.contains("North\u{FFFD}wind"));
    // A plan without such text exports without a warning.
    let plan = flightplan_core::sample_plan();
    assert!(write_xlsx(&as_report(&plan, &flightplan_core::compute(&plan).unwrap())).unwrap().1.is_empty());
}

#[test]
fn xlsx_is_dated_the_reports_day_not_the_clock() {
    let plan = flightplan_core::sample_plan();
    let day = chrono::NaiveDate::from_ymd_opt(2027, 2, 14).unwrap();
    let report = flightplan_core::report(&plan, day).unwrap();
    let bytes = write_xlsx(&report).unwrap().0;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut core = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("docProps/core.xml").unwrap(), &mut core).unwrap();
    assert!(core.contains(">2027-02-14T00:00:00Z</dcterms:created>"), "{core}");
    assert_eq!(write_xlsx(&report).unwrap().0, bytes, "the same report gives the same bytes");
}

#[test]
fn xlsx_has_four_sheets() {
    let plan = flightplan_core::sample_plan();
    let view = flightplan_core::compute(&plan).unwrap();
    let bytes = write_xlsx(&as_report(&plan, &view)).unwrap().0;
    assert!(bytes.starts_with(b"PK"));
    let names = String::from_utf8_lossy(&bytes);
    for sheet in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"] {
        assert!(names.contains(sheet), "{sheet} missing");
    }
}

/// Names, channels and vendors a planner (or a pasted sheet) typed as formulas reach the CSV as
/// text a spreadsheet shows, not runs; negative figures stay numbers.
#[test]
fn csv_escapes_text_that_a_spreadsheet_would_run() {
    let mut plan = flightplan_core::sample_plan();
    plan.scenarios.clear();
    let cases =
        [("=1+1", "'=1+1"), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("Acme = good", "Acme = good")];
    let n = plan.lines.len();
    assert!(n >= cases.len(), "one case per line of the sample");
    for (i, (raw, _)) in cases.iter().enumerate() {
        plan.lines[i].name = raw.to_string();
        plan.lines[i].vendor = raw.to_string();
    }
    plan.lines[0].channel = "=HYPERLINK(\"http://x\")".into();
    let view = flightplan_core::compute(&plan).unwrap();
    let text = write_csv(&as_report(&plan, &view)).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let h = r.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    for (i, (_, want)) in cases.iter().enumerate() {
        assert_eq!(&rows[i][col("name")], *want, "name {i}");
        assert_eq!(&rows[i][col("vendor")], *want, "vendor {i}");
    }
    assert_eq!(&rows[0][col("channel")], "'=HYPERLINK(\"http://x\")");
    // Every text cell that could start a formula is escaped; numbers are untouched.
    for row in &rows {
        for (k, cell) in row.iter().enumerate() {
            if ["net", "gross", "rate", "share_pct", "fees"].contains(&&h[k]) {
                assert!(cell.is_empty() || cell.parse::<rust_decimal::Decimal>().is_ok(), "{} = {cell}", &h[k]);
            } else {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{} = {cell:?}", &h[k]);
            }
        }
    }
}

#[test]
fn csv_carries_audience_reach_and_traditional_units() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/road-safety.json");
    let plan = flightplan_core::parse_plan(&std::fs::read_to_string(path).unwrap()).unwrap();
    let view = flightplan_core::compute(&plan).unwrap();
    let text = write_csv(&as_report(&plan, &view)).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().unwrap().clone();
    // The original columns keep their places; the new ones follow.
    assert_eq!(&headers[24], "currency");
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name} missing"));
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    let drive = &rows[3];
    assert_eq!(&drive[col("id")], "radio-drive");
    assert_eq!(&drive[col("medium")], "radio");
    assert_eq!(&drive[col("target_audience")], "Men 18–34, top 25 markets");
    assert_eq!(&drive[col("universe")], "15000000");
    assert_eq!((&drive[col("grps")], &drive[col("trps")]), ("296.30", "118.52"));
    assert_eq!(&drive[col("reach_pct")], view.lines[3].reach_pct.unwrap().to_string());
    assert_eq!(&drive[col("frequency")], view.lines[3].frequency.unwrap().to_string());
    assert_eq!((&drive[col("unit")], &drive[col("units")], &drive[col("spot_length")]), ("spots", "600", "30"));
    assert_eq!(&drive[col("dayparts")], "Morning drive 50%; Afternoon drive 50%");
    // The network TV line is on the plan's own universe: GRPs are TRPs.
    assert_eq!((&rows[0][col("grps")], &rows[0][col("trps")], &rows[0][col("target_audience")]), ("192.00", "192.00", "Men 18–34"));
    let bytes = write_xlsx(&as_report(&plan, &view)).unwrap().0;
    assert!(bytes.starts_with(b"PK"));
}

/// The report the rings pass the writers: this plan and its view, as of a fixed day.
fn as_report(plan: &flightplan_core::Plan, view: &flightplan_core::PlanView) -> flightplan_core::Report {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    flightplan_core::report::summarise(plan.clone(), view.clone(), day, None).unwrap()
}
