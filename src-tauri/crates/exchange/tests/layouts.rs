//! Plans from spreadsheets in the layouts agencies really use, built here with rust_xlsxwriter:
//! mediaplanpy's Excel template (sheets Metadata, Campaign, Line Items, formulas without cached
//! values), title rows, section headings, subtotal and total rows, merged cells, money as text,
//! dates as text and as Excel serials, columns in any order, a semicolon CSV with decimal commas.
#![allow(clippy::type_complexity, clippy::too_many_arguments)]

use flightplan_core::compute;
use flightplan_core::plan::{Buying, Kpi, NumberStyle, Pricing};
use flightplan_core::Dec;
use flightplan_exchange::{
    commit_import, preview_import, read_plan_source, GuessSource, ImportChoices, ImportFormat, ImportPreview, LineField, PlanMapping, ProblemLevel,
};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};
use std::str::FromStr;

fn d(s: &str) -> Dec {
    Dec::from_str(s).unwrap()
}

fn preview(bytes: &[u8], file: &str, choices: &ImportChoices) -> ImportPreview {
    let source = read_plan_source(bytes, file, None).unwrap();
    preview_import(&source, choices)
}

fn date(ws: &mut Worksheet, r: u32, c: u16, y: u16, m: u8, day: u8) {
    let f = Format::new().set_num_format("yyyy-mm-dd");
    ws.write_date_with_format(r, c, ExcelDateTime::from_ymd(y, m, day).unwrap(), &f).unwrap();
}

fn codes(p: &ImportPreview, level: ProblemLevel) -> Vec<String> {
    p.problems.iter().filter(|x| x.level == level).map(|x| x.code.clone()).collect()
}

/// mediaplanpy's v3.0 Excel layout: key/value Metadata and Campaign sheets with a merged title,
/// a Line Items table whose cost components and metrics are formulas openpyxl leaves without a
/// cached value, and Dictionary and Documentation sheets.
fn mediaplanpy_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let title = Format::new().set_bold();
    let meta = wb.add_worksheet();
    meta.set_name("Metadata").unwrap();
    meta.merge_range(0, 0, 0, 3, "Media Plan Metadata (v3.0)", &title).unwrap();
    let rows = [
        ("Schema Version:", "3.0"),
        ("Media Plan ID:", "mp_harbour_q1"),
        ("Media Plan Name:", "Harbour Q1 draft"),
        ("Created By Name:", "Sam Okafor"),
        ("Created At:", "2026-11-20T10:00:00Z"),
    ];
    for (i, (k, v)) in rows.iter().enumerate() {
        meta.write_string(i as u32 + 1, 0, *k).unwrap();
        meta.write_string(i as u32 + 1, 1, *v).unwrap();
        meta.write_string(i as u32 + 1, 2, if i < 2 { "TRUE" } else { "" }).unwrap();
        meta.write_string(i as u32 + 1, 3, "Identifier or name as the schema describes it").unwrap();
    }
    let camp = wb.add_worksheet();
    camp.set_name("Campaign").unwrap();
    camp.merge_range(0, 0, 0, 3, "Campaign Information (v3.0)", &title).unwrap();
    camp.write_string(1, 0, "Campaign ID:").unwrap();
    camp.write_string(1, 1, "camp_harbour_q1").unwrap();
    camp.write_string(2, 0, "Campaign Name:").unwrap();
    camp.write_string(2, 1, "Harbour Q1 Always-on").unwrap();
    camp.write_string(3, 0, "Objective:").unwrap();
    camp.write_string(3, 1, "Conversion").unwrap();
    camp.write_string(4, 0, "Start Date:").unwrap();
    date(camp, 4, 1, 2027, 1, 4);
    camp.write_string(5, 0, "End Date:").unwrap();
    date(camp, 5, 1, 2027, 3, 28);
    camp.write_string(6, 0, "Budget Total:").unwrap();
    camp.write_number_with_format(6, 1, 100000.0, &Format::new().set_num_format("$#,##0.00")).unwrap();
    camp.write_string(7, 0, "Budget Currency:").unwrap();
    camp.write_string(7, 1, "USD").unwrap();
    camp.write_string(8, 0, "Advertiser Name:").unwrap();
    camp.write_string(8, 1, "Harbour & Finch").unwrap();
    camp.write_string(9, 0, "Product Name:").unwrap();
    camp.write_string(9, 1, "Finch Outdoor").unwrap();
    camp.write_string(10, 0, "KPI Name 1:").unwrap();
    camp.write_string(10, 1, "metric_conversions").unwrap();

    let li = wb.add_worksheet();
    li.set_name("Line Items").unwrap();
    li.set_formula_result_default("");
    let heads = [
        "ID",
        "Name",
        "Start Date",
        "End Date",
        "Cost Total",
        "Channel",
        "Vehicle",
        "Partner",
        "Media Product",
        "KPI",
        "Cost Currency",
        "Cost Media %",
        "Cost Media",
        "Cost per 1000 Impressions",
        "Impressions",
        "Cost per Click",
        "Clicks",
    ];
    for (c, h) in heads.iter().enumerate() {
        li.write_string(0, c as u16, *h).unwrap();
    }
    // id, name, start, end, cost, channel, vehicle, partner, product, kpi, cpm, cpc
    let lines: [(&str, &str, (u8, u8), (u8, u8), f64, &str, &str, &str, &str, &str, f64, f64); 3] = [
        ("li_meta", "Meta prospecting", (1, 4), (3, 28), 40000.0, "Social", "Meta", "Meta Ads", "Feed", "CPA", 8.0, 0.8),
        ("li_yt", "YouTube bumpers", (1, 11), (3, 14), 25000.0, "Video", "YouTube", "Google Ads", "Bumper 6s", "CPV", 12.5, 2.5),
        ("li_ctv", "CTV premium", (2, 1), (3, 28), 30000.0, "CTV", "", "The Trade Desk", "Streaming", "Reach", 30.0, 0.0),
    ];
    for (i, l) in lines.iter().enumerate() {
        let r = i as u32 + 1;
        li.write_string(r, 0, l.0).unwrap();
        li.write_string(r, 1, l.1).unwrap();
        date(li, r, 2, 2027, l.2 .0, l.2 .1);
        date(li, r, 3, 2027, l.3 .0, l.3 .1);
        li.write_number(r, 4, l.4).unwrap();
        li.write_string(r, 5, l.5).unwrap();
        if !l.6.is_empty() {
            li.write_string(r, 6, l.6).unwrap();
        }
        li.write_string(r, 7, l.7).unwrap();
        li.write_string(r, 8, l.8).unwrap();
        li.write_string(r, 9, l.9).unwrap();
        li.write_string(r, 10, "USD").unwrap();
        li.write_number(r, 11, 0.85).unwrap();
        li.write_formula(r, 12, Formula::new(format!("=E{0}*L{0}", r + 1))).unwrap();
        li.write_number(r, 13, l.10).unwrap();
        li.write_formula(r, 14, Formula::new(format!("=IF(N{0}=0,0,E{0}/N{0}*1000)", r + 1))).unwrap();
        if l.11 > 0.0 {
            li.write_number(r, 15, l.11).unwrap();
            li.write_formula(r, 16, Formula::new(format!("=IF(P{0}=0,0,E{0}/P{0})", r + 1))).unwrap();
        }
    }
    let dict = wb.add_worksheet();
    dict.set_name("Dictionary").unwrap();
    dict.merge_range(0, 0, 0, 6, "Dictionary Configuration (v3.0)", &title).unwrap();
    dict.write_string(1, 0, "Field Name").unwrap();
    dict.write_string(1, 3, "Caption").unwrap();
    let doc = wb.add_worksheet();
    doc.set_name("Documentation").unwrap();
    doc.write_string(0, 0, "Start Date").unwrap();
    doc.write_string(0, 1, "Line item start date in YYYY-MM-DD format").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn mediaplanpy_excel_template() {
    let p = preview(&mediaplanpy_workbook(), "harbour.xlsx", &ImportChoices::default());
    assert_eq!(p.sheet.as_deref(), Some("Line Items"));
    assert_eq!(p.sheets, ["Metadata", "Campaign", "Line Items", "Dictionary", "Documentation"]);
    assert_eq!(p.header_row, Some(1));
    let field = |h: &str| p.columns.iter().find(|c| c.header == h).and_then(|c| c.field);
    assert_eq!(field("ID"), Some(LineField::Id));
    assert_eq!(field("Name"), Some(LineField::Name));
    assert_eq!(field("Cost Total"), Some(LineField::Budget));
    assert_eq!(field("Vehicle"), Some(LineField::Vendor));
    assert_eq!(field("Partner"), None, "vehicle wins the vendor");
    assert_eq!(field("Cost per 1000 Impressions"), Some(LineField::Cpm));
    assert_eq!(field("Cost per Click"), Some(LineField::Cpc));
    assert_eq!(field("Media Product"), None);
    assert_eq!(field("Cost Currency"), Some(LineField::Currency));
    assert!(p.ready(), "{:#?}", p.problems);

    let plan = commit_import(&p).unwrap();
    assert_eq!((plan.name.as_str(), plan.client.as_str(), plan.brand.as_str()), ("Harbour Q1 Always-on", "Harbour & Finch", "Finch Outdoor"));
    assert_eq!((plan.currency.as_str(), plan.budget), ("USD", d("100000.00")));
    assert_eq!((plan.start.to_string(), plan.end.to_string()), ("2027-01-04".to_string(), "2027-03-28".to_string()));
    assert_eq!(plan.prepared_by, "Sam Okafor");
    let ids: Vec<&str> = plan.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["li_meta", "li_yt", "li_ctv"]);
    let l = &plan.lines[0];
    assert_eq!((l.channel.as_str(), l.vendor.as_str(), l.pricing, l.rate), ("Social", "Meta", Pricing::Cpm, Some(d("8"))));
    assert_eq!(l.kpi.as_ref().map(|k| k.kpi), Some(Kpi::Cpa));
    // No vehicle: the line has no vendor rather than the partner's name twice over.
    assert_eq!(plan.lines[2].vendor, "");
    let view = compute(&plan).unwrap();
    // Impressions from the CPM; clicks from cost / cost per click, as the template's formulas say.
    assert_eq!(view.lines[0].impressions, Some(d("5000000")));
    assert_eq!(view.lines[0].clicks, Some(d("50000")));
    assert_eq!(view.lines[1].impressions, Some(d("2000000")));
    assert_eq!(view.lines[1].clicks, Some(d("10000")));
    assert_eq!(view.lines[2].clicks, None);
    assert_eq!(view.totals.net_media, d("95000.00"));
    assert_eq!(view.totals.unallocated, d("5000.00"));
}

/// A classic agency flowchart: a title block, columns in their own order, channel section
/// headings merged across the sheet, money as text with £, dates as text (day first) and as
/// Excel serial numbers, a row still to be costed, subtotals, a grand total and a footnote.
fn agency_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Plan Q1").unwrap();
    let bold = Format::new().set_bold();
    ws.merge_range(0, 0, 0, 8, "HARBOUR & FINCH — SPRING 2027 MEDIA PLAN", &bold).unwrap();
    ws.write_string(1, 0, "Client:").unwrap();
    ws.write_string(1, 1, "Harbour & Finch Ltd").unwrap();
    ws.write_string(2, 0, "Campaign: Spring 2027 launch").unwrap();
    let heads = ["Placement", "Media Owner", "Start", "End", "Buy Type", "Unit Rate", "Net Cost", "Est. Impressions", "Notes"];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string(4, c as u16, *h).unwrap();
    }
    ws.merge_range(5, 0, 5, 8, "DIGITAL", &bold).unwrap();
    // placement, owner, start (text), end (serial), buy type, rate, net cost (text)
    ws.write_string(6, 0, "Prospecting video").unwrap();
    ws.write_string(6, 1, "Meta").unwrap();
    ws.write_string(6, 2, "04/01/2027").unwrap();
    ws.write_number(6, 3, 46474.0).unwrap(); // 2027-03-28
    ws.write_string(6, 4, "CPM").unwrap();
    ws.write_string(6, 5, "£8.50").unwrap();
    ws.write_string(6, 6, "£12,750.00").unwrap();
    ws.write_string(6, 7, "1,500,000").unwrap();
    ws.write_string(7, 0, "Search — brand").unwrap();
    ws.write_string(7, 1, "Google").unwrap();
    ws.write_string(7, 2, "11/01/2027").unwrap();
    ws.write_string(7, 3, "28 Mar 2027").unwrap();
    ws.write_string(7, 4, "CPC").unwrap();
    ws.write_string(7, 5, "£1.20").unwrap();
    ws.write_string(7, 6, "£6,000").unwrap();
    ws.write_string(7, 8, "Brand terms only").unwrap();
    ws.write_string(8, 0, "Influencer seeding").unwrap();
    ws.write_string(8, 1, "TBC").unwrap();
    ws.write_string(8, 2, "01/02/2027").unwrap();
    ws.write_string(8, 3, "28/02/2027").unwrap();
    ws.write_string(8, 6, "TBC").unwrap();
    ws.write_string(9, 0, "Digital subtotal").unwrap();
    ws.write_formula(9, 6, Formula::new("=SUM(G7:G9)").set_result("18750")).unwrap();
    ws.merge_range(10, 0, 10, 8, "OUT OF HOME", &bold).unwrap();
    ws.write_string(11, 0, "6-sheets, London Zone 1").unwrap();
    ws.write_string(11, 1, "JCDecaux").unwrap();
    ws.write_string(11, 2, "15/02/2027").unwrap();
    ws.write_string(11, 3, "14/03/2027").unwrap();
    ws.write_string(11, 4, "Fixed fee").unwrap();
    ws.write_string(11, 6, "£9,500.00").unwrap();
    ws.write_string(11, 7, "2.4m").unwrap();
    ws.write_formula(12, 6, Formula::new("=SUM(G12:G12)").set_result("9500")).unwrap();
    ws.write_string(14, 0, "GRAND TOTAL").unwrap();
    ws.write_formula(14, 6, Formula::new("=G10+G13").set_result("28250")).unwrap();
    ws.write_string(16, 0, "All costs are net of agency commission.").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn agency_flowchart_with_sections_subtotals_and_text_money() {
    let p = preview(&agency_workbook(), "spring.xlsx", &ImportChoices::default());
    assert_eq!(p.header_row, Some(5));
    assert_eq!(p.currency.as_deref(), Some("GBP"));
    assert!(p.currency_source.as_deref().unwrap().contains("Net Cost"), "{:?}", p.currency_source);
    assert!(p.ready(), "{:#?}", p.problems);
    let plan = commit_import(&p).unwrap();
    assert_eq!((plan.name.as_str(), plan.client.as_str()), ("Spring 2027 launch", "Harbour & Finch Ltd"));
    let got: Vec<(&str, &str, &str, Pricing, Option<Dec>, Option<Dec>, String, String)> = plan
        .lines
        .iter()
        .map(|l| (l.channel.as_str(), l.name.as_str(), l.vendor.as_str(), l.pricing, l.rate, l.budget, l.start.to_string(), l.end.to_string()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("DIGITAL", "Prospecting video", "Meta", Pricing::Cpm, Some(d("8.50")), Some(d("12750.00")), "2027-01-04".into(), "2027-03-28".into()),
            ("DIGITAL", "Search — brand", "Google", Pricing::Cpc, Some(d("1.20")), Some(d("6000.00")), "2027-01-11".into(), "2027-03-28".into()),
            ("DIGITAL", "Influencer seeding", "", Pricing::Flat, None, Some(d("0.00")), "2027-02-01".into(), "2027-02-28".into()),
            ("OUT OF HOME", "6-sheets, London Zone 1", "JCDecaux", Pricing::Flat, None, Some(d("9500.00")), "2027-02-15".into(), "2027-03-14".into()),
        ]
    );
    assert_eq!(plan.lines[1].notes, "Brand terms only");
    // The row without a cost is listed, not dropped.
    assert_eq!(p.rows_without_cost, [plan.lines[2].id.clone()]);
    assert!(p.problems.iter().any(|x| x.code == "no_cost" && x.at.row == Some(9) && x.level == ProblemLevel::Warning));
    // Title, sections, subtotals (named and unnamed), the total and the footnote are skipped.
    let skipped: Vec<(usize, &str)> = p.skipped.iter().map(|s| (s.at.row.unwrap(), s.reason.as_str())).collect();
    assert!(skipped.contains(&(6, "section heading: channel \"DIGITAL\" for the rows below that name none")), "{skipped:#?}");
    assert!(skipped.contains(&(10, "subtotal row")), "{skipped:#?}");
    assert!(skipped.contains(&(13, "figures without a line name (a subtotal)")), "{skipped:#?}");
    assert!(skipped.contains(&(15, "total row")), "{skipped:#?}");
    assert!(skipped.iter().any(|s| s.0 == 1), "{skipped:#?}");
    assert!(skipped.contains(&(17, "a note, not a line")), "{skipped:#?}");
    let view = compute(&plan).unwrap();
    assert_eq!(view.lines[0].impressions, Some(d("1500000")));
    // The OOH line states its delivery; "2.4m" is 2,400,000.
    assert_eq!(view.lines[3].impressions, Some(d("2400000")));
    assert_eq!(view.totals.net_media, d("28250.00"));
    assert_eq!(plan.budget, d("28250.00"));
}

/// Channel merged down over its lines, flight dates in one cell, a currency column with a
/// line in another currency (converted at its rate) and the saved mapping reused.
fn merged_workbook(with_rate: bool) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Media plan").unwrap();
    ws.write_string(0, 0, "Plan: Q1 Always-on").unwrap();
    ws.write_string(1, 0, "Advertiser").unwrap();
    ws.write_string(1, 2, "Finch Outdoor GmbH").unwrap();
    let heads = ["Kanal", "Vendor", "Tactic", "Flight dates", "Pricing", "Rate", "Spend allocation", "Currency", "FX rate", "KPI", "KPI target"];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    let f = Format::new();
    ws.merge_range(4, 0, 6, 0, "Social", &f).unwrap();
    let rows = [
        ("Meta", "Prospecting", "4 Jan – 28 Mar 2027", "cpm", 7.5, 30000.0, "EUR", 0.0, "cpa", "25"),
        ("Meta", "Retargeting", "11 Jan – 28 Mar 2027", "cpm", 11.0, 8000.0, "EUR", 0.0, "cpa", "15"),
        ("TikTok", "Spark ads (UK)", "4 Jan – 14 Mar 2027", "cpm", 6.0, 10000.0, "GBP", 1.17, "", ""),
    ];
    for (i, r) in rows.iter().enumerate() {
        let row = 4 + i as u32;
        ws.write_string(row, 1, r.0).unwrap();
        ws.write_string(row, 2, r.1).unwrap();
        ws.write_string(row, 3, r.2).unwrap();
        ws.write_string(row, 4, r.3).unwrap();
        ws.write_number(row, 5, r.4).unwrap();
        ws.write_number(row, 6, r.5).unwrap();
        ws.write_string(row, 7, r.6).unwrap();
        if r.7 > 0.0 && with_rate {
            ws.write_number(row, 8, r.7).unwrap();
        }
        if !r.8.is_empty() {
            ws.write_string(row, 9, r.8).unwrap();
            ws.write_string(row, 10, r.9).unwrap();
        }
    }
    ws.write_string(7, 0, "Total").unwrap();
    ws.write_formula(7, 6, Formula::new("=SUM(G5:G7)").set_result("48000")).unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn merged_cells_a_corrected_mapping_and_a_converted_line() {
    // "Kanal" and "Spend allocation" are not names the guess knows: the planner maps them.
    let first = preview(&merged_workbook(true), "q1.xlsx", &ImportChoices { currency: Some("EUR".into()), ..Default::default() });
    let guessed = |h: &str| first.columns.iter().find(|c| c.header == h).and_then(|c| c.field);
    assert_eq!(guessed("Spend allocation"), None);
    assert_eq!(guessed("Flight dates"), Some(LineField::Flight));
    assert_eq!(guessed("FX rate"), Some(LineField::ExchangeRate));
    let mut mapping = first.mapping.clone().unwrap();
    mapping.columns.insert("Spend allocation".into(), LineField::Budget);
    mapping.columns.insert("Kanal".into(), LineField::Channel);
    mapping.currency = Some("EUR".into());
    // The mapping is what gets saved: it round-trips through JSON.
    let saved: PlanMapping = serde_json::from_str(&serde_json::to_string(&mapping).unwrap()).unwrap();
    let p = preview(&merged_workbook(true), "q1.xlsx", &ImportChoices { mapping: Some(saved.clone()), ..Default::default() });
    assert!(p.ready(), "{:#?}", p.problems);
    let plan = commit_import(&p).unwrap();
    assert_eq!((plan.name.as_str(), plan.client.as_str(), plan.currency.as_str()), ("Q1 Always-on", "Finch Outdoor GmbH", "EUR"));
    let channels: Vec<&str> = plan.lines.iter().map(|l| l.channel.as_str()).collect();
    assert_eq!(channels, ["Social", "Social", "Social"], "the merged channel covers every row");
    assert_eq!((plan.lines[0].start.to_string(), plan.lines[0].end.to_string()), ("2027-01-04".into(), "2027-03-28".into()));
    assert_eq!(plan.lines[0].kpi.as_ref().map(|k| (k.kpi, k.target)), Some((Kpi::Cpa, Some(d("25")))));
    // The UK line converts at its stated rate, shown in the preview.
    assert_eq!(plan.lines[2].budget, Some(d("11700.00")));
    let c = &p.conversions[0];
    assert_eq!((c.from.as_str(), c.to.as_str(), c.amount, c.rate, c.converted, c.at.row), ("GBP", "EUR", d("10000"), d("1.17"), d("11700.00"), Some(7)));
    let view = compute(&plan).unwrap();
    assert_eq!(view.totals.net_media, d("49700.00"));
    // Each preview line carries the core's net media for it.
    let nets: Vec<Option<Dec>> = p.lines.iter().map(|l| l.net).collect();
    assert_eq!(nets, view.lines.iter().map(|l| Some(l.net)).collect::<Vec<_>>());
    assert_eq!(nets[2], Some(d("11700.00")));

    // "Not imported" is a correction the preview's mapping keeps, so saving it keeps the KPI
    // target out next time instead of letting the guess back in.
    let mut ignoring = p.mapping.clone().unwrap();
    ignoring.columns.insert("KPI target".into(), LineField::Ignore);
    let q = preview(&merged_workbook(true), "q1.xlsx", &ImportChoices { mapping: Some(ignoring), ..Default::default() });
    assert_eq!(q.columns.iter().find(|c| c.header == "KPI target").map(|c| (c.field, c.source)), Some((None, GuessSource::Mapping)));
    assert_eq!(q.mapping.as_ref().unwrap().columns.get("KPI target"), Some(&LineField::Ignore));
    assert_eq!(q.mapping.as_ref().unwrap().columns.get("Spend allocation"), Some(&LineField::Budget));
    assert_eq!(commit_import(&q).unwrap().lines[0].kpi.as_ref().map(|k| k.target), Some(None));

    // Without the rate the line is refused, naming its sheet, row and cell.
    let p = preview(&merged_workbook(false), "q1.xlsx", &ImportChoices { mapping: Some(saved), ..Default::default() });
    let errs = commit_import(&p).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0].code, "currency_mismatch");
    assert_eq!(errs[0].path.as_deref(), Some("Media plan!G7"));
    let e = &errs[0];
    let place = (e.file.as_deref(), e.sheet.as_deref(), e.row, e.column.as_deref());
    assert_eq!(place, (Some("q1.xlsx"), Some("Media plan"), Some(7), Some("Spend allocation")), "{e:?}");
}

#[test]
fn semicolon_csv_with_decimal_commas_and_an_unusual_header() {
    let csv = "Mediaplan Frühjahr 2027;;;;;\n\
               Kunde: Finch Outdoor GmbH;;;;;\n\
               ;;;;;\n\
               Kanal;Platzierung;Start;Ende;Budget (EUR);Impressions\n\
               Social;Meta Prospecting;04.01.2027;28.03.2027;12.500,00;1.250.000\n\
               Search;Google Brand;11.01.2027;28.03.2027;3.750,50;\n\
               Gesamt;;;;16.250,50;\n";
    let mut mapping = PlanMapping::default();
    for (h, f) in [("Kanal", LineField::Channel), ("Platzierung", LineField::Name), ("Ende", LineField::End)] {
        mapping.columns.insert(h.into(), f);
    }
    let source = read_plan_source(csv.as_bytes(), "fruehjahr.csv", Some(ImportFormat::Csv)).unwrap();
    let p = preview_import(&source, &ImportChoices { mapping: Some(mapping), ..Default::default() });
    assert_eq!(p.currency.as_deref(), Some("EUR"));
    assert_eq!(p.header_row, Some(4));
    let plan = commit_import(&p).unwrap_or_else(|e| panic!("{e:#?}\n{:#?}", p.problems));
    assert_eq!(plan.name, "Mediaplan Frühjahr 2027", "the title row names the plan");
    assert_eq!(plan.client, "Finch Outdoor GmbH");
    assert_eq!(plan.lines.len(), 2, "\"Gesamt\" is a total row");
    assert!(p.skipped.iter().any(|s| s.at.row == Some(7) && s.reason == "total row"), "{:#?}", p.skipped);
    assert_eq!(plan.lines[0].budget, Some(d("12500.00")));
    assert_eq!(plan.lines[1].budget, Some(d("3750.50")));
    assert_eq!((plan.lines[0].pricing, plan.lines[0].rate), (Pricing::Cpm, Some(d("10"))));
    assert_eq!(plan.lines[1].pricing, Pricing::Flat);
    // Written with decimal commas, it is shown with them.
    assert_eq!(plan.settings.number_style, NumberStyle::DotComma);

    // Thousands grouped by spaces (French, Nordic): shown so; a dot-decimal file keeps the default.
    let spaced = "Channel;Line;Start;End;Budget (EUR)\nSocial;Meta;2027-01-04;2027-03-28;12\u{a0}500,00\n";
    let source = read_plan_source(spaced.as_bytes(), "printemps.csv", Some(ImportFormat::Csv)).unwrap();
    let p = preview_import(&source, &ImportChoices::default());
    assert_eq!((p.plan.lines[0].budget, p.plan.settings.number_style), (Some(d("12500.00")), NumberStyle::SpaceComma), "{:#?}", p.problems);
    let dotted = "Channel,Line,Start,End,Budget (EUR)\nSocial,Meta,2027-01-04,2027-03-28,\"12,500.00\"\n";
    let source = read_plan_source(dotted.as_bytes(), "spring.csv", Some(ImportFormat::Csv)).unwrap();
    assert_eq!(preview_import(&source, &ImportChoices::default()).plan.settings.number_style, NumberStyle::CommaDot);
}

#[test]
fn flightplan_csv_names_starting_with_formula_characters_come_back() {
    // The CSV export guards a cell starting with =, +, -, @ with a leading quote.
    let csv = "id,channel,name,vendor,role,buying,pricing,rate,start,end,net,share_pct,impressions,clicks,conversions,views,grps,agency_commission,ad_serving,tech_fee,fees,gross,kpi,kpi_target,currency\n\
               a,Social,'=1+1,'@vendor,,,cpm,10,2027-01-04,2027-01-31,1000.00,100.00,100000,,,,,0.00,0.00,0.00,0.00,1000.00,,,USD\n";
    let source = read_plan_source(csv.as_bytes(), "plan.csv", None).unwrap();
    let p = preview_import(&source, &ImportChoices::default());
    assert_eq!(p.kind, flightplan_exchange::SourceKind::FlightplanCsv);
    let plan = commit_import(&p).unwrap();
    assert_eq!((plan.lines[0].name.as_str(), plan.lines[0].vendor.as_str()), ("=1+1", "@vendor"));
}

#[test]
fn a_bad_cell_names_its_sheet_row_and_column() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Lines").unwrap();
    for (c, h) in ["Channel", "Line", "Start", "End", "Budget (USD)", "Buying"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "Search").unwrap();
    ws.write_string(1, 1, "Brand").unwrap();
    ws.write_string(1, 2, "2027-01-04").unwrap();
    ws.write_string(1, 3, "2027-02-30").unwrap();
    ws.write_string(1, 4, "12,000").unwrap();
    ws.write_string(1, 5, "Programmatic guaranteed").unwrap();
    ws.write_string(2, 0, "Social").unwrap();
    ws.write_string(2, 1, "Meta").unwrap();
    ws.write_string(2, 2, "2027-01-04").unwrap();
    ws.write_string(2, 3, "2027-03-28").unwrap();
    ws.write_string(2, 4, "twelve grand").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let p = preview(&bytes, "bad.xlsx", &ImportChoices::default());
    assert_eq!(p.plan.lines[0].buying, Some(Buying::Programmatic));
    let errs = commit_import(&p).unwrap_err();
    let got: Vec<(&str, Option<&str>)> = errs.iter().map(|e| (e.code.as_str(), e.path.as_deref())).collect();
    assert_eq!(got, [("bad_date", Some("Lines!D2")), ("bad_amount", Some("Lines!E3"))]);
    let e = &errs[0];
    assert_eq!((e.sheet.as_deref(), e.row, e.column.as_deref(), e.message.as_str()), (Some("Lines"), Some(2), Some("End"), "\"2027-02-30\" is not a date"));
    assert_eq!(codes(&p, ProblemLevel::Error), ["bad_date", "bad_amount"]);
}

#[test]
fn a_sheet_with_no_recognisable_header_asks_for_a_mapping() {
    let csv = "A,B,C\nfoo,bar,1\n";
    let source = read_plan_source(csv.as_bytes(), "mystery.csv", None).unwrap();
    let p = preview_import(&source, &ImportChoices { currency: Some("USD".into()), ..Default::default() });
    let errs = commit_import(&p).unwrap_err();
    assert_eq!(errs[0].code, "no_header");
    let mut mapping = PlanMapping { header_row: Some(1), ..Default::default() };
    mapping.columns.insert("A".into(), LineField::Channel);
    mapping.columns.insert("B".into(), LineField::Name);
    mapping.columns.insert("C".into(), LineField::Budget);
    mapping.plan_name = Some("Mystery".into());
    mapping.client = Some("Acme".into());
    let p = preview_import(&source, &ImportChoices { mapping: Some(mapping), currency: Some("USD".into()) });
    // No dates anywhere: the planner must map them.
    let errs = commit_import(&p).unwrap_err();
    assert_eq!(errs[0].code, "no_dates");
}

/// The audit's `labels_row.xlsx`: two label/value pairs on each row above the lines.
#[test]
fn two_labelled_details_on_one_row_are_both_read() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Plan").unwrap();
    let rows: [&[&str]; 5] = [
        &["Client", "Acme", "", "Currency", "EUR"],
        &["Start date", "2027-01-04", "", "End date", "2027-06-27"],
        &["Budget", "100000", "", "Agency commission %", "15"],
        &[],
        &["Channel", "Line", "Pricing", "Rate", "Start", "End", "Net media"],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    for (c, v) in ["Meta", "Prospecting", "CPM", "9.5", "2027-04-05", "2027-04-27", "50000"].iter().enumerate() {
        ws.write_string(5, c as u16, *v).unwrap();
    }
    let p = preview(&wb.save_to_buffer().unwrap(), "labels_row.xlsx", &ImportChoices::default());
    assert!(p.ready(), "{:?}", p.problems);
    let plan = &p.plan;
    assert_eq!((plan.client.as_str(), plan.currency.as_str()), ("Acme", "EUR"));
    assert_eq!((plan.start.to_string(), plan.end.to_string()), ("2027-01-04".into(), "2027-06-27".into()));
    assert_eq!((plan.budget, plan.fees.agency_commission_pct), (d("100000"), d("15")));
}

/// A traditional-media sheet: a `Medium` column and no channel column. The medium names each
/// line's channel and its medium (TV books spots, print insertions); one the plan cannot read is
/// a warning at its cell, and the line keeps the text as its channel.
#[test]
fn a_medium_column_gives_the_lines_their_medium_and_channel() {
    let csv = "Line,Medium,Budget,Start,End\nPrime time spots,TV,40000,2027-03-01,2027-03-28\nWeekend supplements,Press,12000,2027-03-01,2027-03-28\nStations,Radio & podcast,8000,2027-03-01,2027-03-28\n";
    let p = preview(csv.as_bytes(), "traditional.csv", &ImportChoices { currency: Some("GBP".into()), ..Default::default() });
    let got: Vec<(&str, &str, Option<flightplan_core::plan::Medium>)> = p.plan.lines.iter().map(|l| (l.name.as_str(), l.channel.as_str(), l.medium)).collect();
    use flightplan_core::plan::Medium;
    assert_eq!(
        got,
        vec![("Prime time spots", "TV", Some(Medium::Tv)), ("Weekend supplements", "Press", Some(Medium::Print)), ("Stations", "Radio & podcast", None)]
    );
    let warned: Vec<(ProblemLevel, Option<usize>, Option<String>)> =
        p.problems.iter().filter(|x| x.code == "unknown_medium").map(|x| (x.level, x.at.row, x.at.column.clone())).collect();
    assert_eq!(warned, vec![(ProblemLevel::Warning, Some(4), Some("Medium".to_string()))]);
}

/// Spots, faces and insertions in their own columns: faces that cost exactly the stated amount
/// fund the line (as a face-booked line is written); faces that do not leave the stated cost
/// standing, with a warning naming both; a count that is not whole is a warning at its cell.
#[test]
fn spots_faces_and_insertions_columns_book_traditional_lines() {
    let csv = "Line,Medium,Pricing,Rate,Faces,Spots,Spot length (s),Budget,Start,End\n\
               Roadside 48 sheets,OOH,Per face/week,300,10,,,12000,2027-03-01,2027-03-28\n\
               Bus sides,OOH,Per face/week,300,10,,,9000,2027-03-01,2027-03-28\n\
               Breakfast radio,Radio,CPP,450,,2.5,30,8000,2027-03-01,2027-03-28\n\
               Prime time,TV,CPP,17500,,96,30,35000,2027-03-01,2027-03-28\n";
    let p = preview(csv.as_bytes(), "outdoor.csv", &ImportChoices { currency: Some("GBP".into()), ..Default::default() });
    let got: Vec<(&str, Option<u32>, Option<String>, Option<u32>, Option<u32>)> =
        p.plan.lines.iter().map(|l| (l.name.as_str(), l.faces, l.budget.map(|b| b.to_string()), l.spots, l.spot_length)).collect();
    assert_eq!(
        got,
        vec![
            ("Roadside 48 sheets", Some(10), None, None, None),
            ("Bus sides", None, Some("9000.00".to_string()), None, None),
            ("Breakfast radio", None, Some("8000.00".to_string()), None, Some(30)),
            ("Prime time", None, Some("35000.00".to_string()), Some(96), Some(30)),
        ]
    );
    let warned: Vec<(&str, Option<usize>, &str)> =
        p.problems.iter().filter(|x| x.level == ProblemLevel::Warning).map(|x| (x.code.as_str(), x.at.row, x.message.as_str())).collect();
    assert!(
        warned.contains(&(
            "units_differ",
            Some(3),
            "10 faces at the rate cost 12000.00, not the stated 9000.00: the stated cost is kept and the faces are not"
        )),
        "{warned:?}"
    );
    assert!(warned.contains(&("bad_count", Some(4), "\"2.5\" is not a whole number of spots: left unset")), "{warned:?}");
    let view = compute(&p.plan).unwrap();
    assert_eq!(view.lines[0].net.to_string(), "12000.00", "ten faces for four weeks at 300");
}

#[test]
fn an_agency_csv_saved_by_excel_in_chinese_or_korean_windows_keeps_its_names() {
    // GBK (mainland China) decodes without a fault as Korean: the names must come back as written.
    for (csv, enc, file) in [
        ("渠道,广告名称,开始日期,结束日期,预算\nMeta,夏季新品推广,2027-01-04,2027-03-28,12500\n", "GBK", "计划.csv"),
        ("渠道,廣告名稱,開始日期,結束日期,預算\nMeta,夏季新品推廣,2027-01-04,2027-03-28,12500\n", "Big5", "計畫.csv"),
        ("채널,광고 이름,시작일,종료일,예산\nMeta,여름 신제품 홍보,2027-01-04,2027-03-28,12500\n", "EUC-KR", "계획.csv"),
    ] {
        let encoding = encoding_rs::Encoding::for_label(enc.as_bytes()).unwrap();
        let (bytes, _, unmappable) = encoding.encode(csv);
        assert!(!unmappable && std::str::from_utf8(&bytes).is_err(), "{enc}");
        let mut mapping = PlanMapping::default();
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        for (h, f) in header.iter().zip([LineField::Channel, LineField::Name, LineField::Start, LineField::End, LineField::Budget]) {
            mapping.columns.insert((*h).into(), f);
        }
        let source = read_plan_source(&bytes, file, Some(ImportFormat::Csv)).unwrap();
        let p = preview_import(&source, &ImportChoices { mapping: Some(mapping), currency: Some("USD".into()) });
        let name = csv.lines().nth(1).unwrap().split(',').nth(1).unwrap();
        assert_eq!(p.plan.lines.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), [name], "{enc}: {:#?}", p.problems);
        assert_eq!(p.plan.lines[0].budget, Some(d("12500")), "{enc}");
    }
}
