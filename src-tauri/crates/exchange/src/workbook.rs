//! The XLSX workbook of the core's report (`flightplan_core::report`: the presented scenario as
//! of a day): "Mix" (every line's costed figures with `SUM` totals), "Flowchart" (net media per
//! line per week, hiatus weeks shaded, weekly totals), "Fees & totals", "Plan" (the plan's header
//! and fee settings, so the workbook imports back to the same plan), "Channels" (the report's
//! channel rows and channel × month, as the PDF summarises a long plan) and "Creative & notes"
//! (every creative item and note, including those the one-page PDF leaves off).
//!
//! Cells hold numbers, not text, so planners can keep working in the sheet; formulas carry the
//! core's figures as their cached results, so a viewer that does not recalculate shows the same
//! totals as the PDF.

use crate::xml_text::{self, xml_text};
use crate::{buying, funnel, kpi_code};
use chrono::Datelike;
use flightplan_core::money::Currency;
use flightplan_core::plan::Plan;
use flightplan_core::Dec;
use flightplan_core::{Error, PlanView, Report, Result};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatBorder, Formula, Workbook, Worksheet, XlsxError};

fn xerr(e: XlsxError) -> Error {
    Error::new("export_failed", format!("could not write the XLSX: {e}"))
}

fn num(d: impl Into<Decimal>) -> f64 {
    d.into().to_f64().unwrap_or(0.0)
}

/// Excel column letters for a 0-based index (0 → A, 26 → AA).
fn col_name(mut i: u16) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, (b'A' + (i % 26) as u8) as char);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s
}

struct Formats {
    head: Format,
    money: Format,
    money_bold: Format,
    count: Format,
    count_bold: Format,
    pct: Format,
    pct_bold: Format,
    rate: Format,
    grps: Format,
    bold: Format,
    date: Format,
    hiatus: Format,
}

fn formats(currency: Currency) -> Formats {
    let dp = currency.minor_units() as usize;
    let symbol = currency.sign().replace('"', "");
    let places = if dp == 0 { String::new() } else { format!(".{}", "0".repeat(dp)) };
    let money_fmt = format!("\"{symbol}\"#,##0{places};-\"{symbol}\"#,##0{places}");
    Formats {
        head: Format::new().set_bold().set_background_color(Color::RGB(0x1F4E79)).set_font_color(Color::White),
        money: Format::new().set_num_format(&money_fmt),
        money_bold: Format::new().set_num_format(&money_fmt).set_bold().set_border_top(FormatBorder::Thin),
        count: Format::new().set_num_format("#,##0"),
        count_bold: Format::new().set_num_format("#,##0").set_bold().set_border_top(FormatBorder::Thin),
        pct: Format::new().set_num_format("0.00"),
        pct_bold: Format::new().set_num_format("0.00").set_bold().set_border_top(FormatBorder::Thin),
        rate: Format::new().set_num_format("0.00%"),
        grps: Format::new().set_num_format("0.00"),
        bold: Format::new().set_bold().set_border_top(FormatBorder::Thin),
        date: Format::new().set_num_format("yyyy-mm-dd"),
        hiatus: Format::new().set_background_color(Color::RGB(0xDDE1E6)),
    }
}

/// The report as an XLSX workbook, and the warnings to show (text XML cannot hold, replaced). The
/// file is dated the report's day, never the clock, so the same plan on the same day gives the
/// same bytes from the app and the CLI.
pub fn write_xlsx(report: &Report) -> Result<(Vec<u8>, Vec<String>)> {
    let (plan, view) = (&report.plan, &report.view);
    if plan.lines.len() != view.lines.len() {
        return Err(Error::new("stale_view", "the costed plan does not match the plan: recompute it before exporting"));
    }
    let currency =
        Currency::from_code(&view.currency).ok_or_else(|| Error::at("unknown_currency", "currency", format!("\"{}\" is not a currency", view.currency)))?;
    let f = formats(currency);
    let mut wb = Workbook::new();
    let day = ExcelDateTime::from_ymd(report.today.year() as u16, report.today.month() as u8, report.today.day() as u8).map_err(xerr)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&day));
    mix(wb.add_worksheet(), plan, view, &f).map_err(xerr)?;
    flowchart(wb.add_worksheet(), view, &f).map_err(xerr)?;
    totals(wb.add_worksheet(), plan, view, &f).map_err(xerr)?;
    plan_sheet(wb.add_worksheet(), plan, &f).map_err(xerr)?;
    channels_sheet(wb.add_worksheet(), report, &f).map_err(xerr)?;
    creative_sheet(wb.add_worksheet(), plan, &f).map_err(xerr)?;
    Ok((wb.save_to_buffer().map_err(xerr)?, xml_text::warnings(plan)))
}

/// The report's channel rows: line count, money, delivery and net media by month, each the
/// core's exact sum of the channel's lines, with the plan's totals underneath.
fn channels_sheet(ws: &mut Worksheet, report: &Report, f: &Formats) -> std::result::Result<(), XlsxError> {
    ws.set_name("Channels")?;
    let view = &report.view;
    let mut heads: Vec<String> = [
        "Channel",
        "Lines",
        "Net media",
        "Share %",
        "Impressions",
        "Clicks",
        "Conversions",
        "Views",
        "GRPs",
        "Agency commission",
        "Ad serving",
        "Tech fee",
        "Fees",
        "Gross",
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    heads.extend(view.months.iter().map(|m| m.label.clone()));
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &f.head)?;
    }
    let money = |ws: &mut Worksheet, r: u32, c: u16, v: Decimal, fmt: &Format| ws.write_number_with_format(r, c, num(v), fmt).map(|_| ());
    for (i, ch) in report.channels.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, xml_text(&ch.channel))?;
        ws.write_number(r, 1, ch.lines.len() as f64)?;
        money(ws, r, 2, ch.net, &f.money)?;
        ws.write_number_with_format(r, 3, num(ch.share_pct), &f.pct)?;
        for (c, v) in [(4u16, ch.impressions), (5, ch.clicks), (6, ch.conversions), (7, ch.views)] {
            if let Some(v) = v {
                ws.write_number_with_format(r, c, num(v), &f.count)?;
            }
        }
        if let Some(g) = ch.grps {
            ws.write_number_with_format(r, 8, num(g), &f.grps)?;
        }
        for (c, v) in [(9u16, ch.agency_commission), (10, ch.ad_serving), (11, ch.tech_fee), (12, ch.fees), (13, ch.gross)] {
            money(ws, r, c, v, &f.money)?;
        }
        for (k, m) in ch.months.iter().enumerate() {
            money(ws, r, 14 + k as u16, m.net, &f.money)?;
        }
    }
    let tr = report.channels.len() as u32 + 1;
    let t = &view.totals;
    ws.write_string_with_format(tr, 0, "Total", &f.bold)?;
    ws.write_number_with_format(tr, 1, view.lines.len() as f64, &f.count_bold)?;
    money(ws, tr, 2, t.net_media.0, &f.money_bold)?;
    ws.write_number_with_format(tr, 3, num(t.share_pct), &f.pct_bold)?;
    for (c, v) in [(4u16, t.impressions), (5, t.clicks), (6, t.conversions), (7, t.views)] {
        if let Some(v) = v {
            ws.write_number_with_format(tr, c, num(v), &f.count_bold)?;
        }
    }
    if let Some(g) = t.grps {
        ws.write_number_with_format(tr, 8, num(g), &f.pct_bold)?;
    }
    for (c, v) in [(9u16, t.agency_commission), (10, t.ad_serving), (11, t.tech_fee), (12, t.fees), (13, t.gross)] {
        money(ws, tr, c, v.0, &f.money_bold)?;
    }
    for (k, m) in t.months.iter().enumerate() {
        money(ws, tr, 14 + k as u16, m.net.0, &f.money_bold)?;
    }
    ws.set_column_width(0, 28)?;
    Ok(())
}

/// Every creative item (by line, with its due date) and every note of the plan.
fn creative_sheet(ws: &mut Worksheet, plan: &Plan, f: &Formats) -> std::result::Result<(), XlsxError> {
    ws.set_name("Creative & notes")?;
    for (c, h) in crate::plan_details::CREATIVE_COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &f.head)?;
    }
    let mut r = 1u32;
    for line in &plan.lines {
        for cr in &line.creative {
            if let Some(d) = cr.due {
                ws.write_string(r, 0, d.format("%Y-%m-%d").to_string())?;
            }
            ws.write_number(r, 1, f64::from(cr.count))?;
            ws.write_string(r, 2, xml_text(&cr.format))?;
            ws.write_string(r, 3, xml_text(&line.name))?;
            ws.write_string(r, 4, xml_text(&line.channel))?;
            ws.write_number(r, 5, f64::from(cr.delivered))?;
            ws.write_string(r, 6, xml_text(&cr.notes))?;
            ws.write_string(r, 7, xml_text(&line.id))?;
            r += 1;
        }
    }
    r += 1;
    ws.write_string_with_format(r, 0, crate::plan_details::NOTES, &f.head)?;
    for note in &plan.notes {
        r += 1;
        ws.write_string(r, 0, xml_text(note))?;
    }
    ws.set_column_width(2, 28)?;
    ws.set_column_width(3, 36)?;
    Ok(())
}

type Opt = fn(&flightplan_core::LineView) -> Option<Dec>;

/// The Mix sheet's columns, in order. Import (`spreadsheet.rs`) reads them back by header.
const MIX: [&str; 36] = [
    "Channel",
    "Line",
    "Vendor",
    "Role",
    "Buying",
    "Pricing",
    "Rate",
    "CTR",
    "CVR",
    "View rate",
    "Start",
    "End",
    "Net media",
    "Share %",
    "Impressions",
    "Clicks",
    "Conversions",
    "Views",
    "GRPs",
    "Agency commission",
    "Ad serving",
    "Tech fee",
    "Fees",
    "Gross",
    "KPI",
    "KPI target",
    "Line ID",
    "Medium",
    "Universe",
    "TRPs",
    "Reach %",
    "Frequency",
    "Effective reach %",
    "Units",
    "Unit",
    "Spot length",
];

/// The 0-based column of a Mix header.
fn mix_col(name: &str) -> u16 {
    MIX.iter().position(|h| *h == name).unwrap_or(0) as u16
}

fn mix(ws: &mut Worksheet, plan: &Plan, view: &PlanView, f: &Formats) -> std::result::Result<(), XlsxError> {
    ws.set_name("Mix")?;
    for (c, h) in MIX.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &f.head)?;
    }
    let counts: [(&str, Opt); 4] = [("Impressions", |l| l.impressions), ("Clicks", |l| l.clicks), ("Conversions", |l| l.conversions), ("Views", |l| l.views)];
    for (i, (line, v)) in plan.lines.iter().zip(&view.lines).enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, mix_col("Channel"), xml_text(&v.channel))?;
        ws.write_string(r, mix_col("Line"), xml_text(&v.name))?;
        ws.write_string(r, mix_col("Vendor"), xml_text(&line.vendor))?;
        ws.write_string(r, mix_col("Role"), funnel(line.role))?;
        ws.write_string(r, mix_col("Buying"), buying(line.buying))?;
        ws.write_string(r, mix_col("Pricing"), v.pricing.label())?;
        if let Some(rate) = v.rate {
            ws.write_number(r, mix_col("Rate"), num(rate))?;
        }
        for (c, rate) in [("CTR", line.ctr), ("CVR", line.cvr), ("View rate", line.vtr)] {
            if let Some(x) = rate {
                ws.write_number_with_format(r, mix_col(c), num(x), &f.rate)?;
            }
        }
        for (c, d) in [("Start", line.start), ("End", line.end)] {
            let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            ws.write_date_with_format(r, mix_col(c), &dt, &f.date)?;
        }
        ws.write_number_with_format(r, mix_col("Net media"), num(v.net), &f.money)?;
        ws.write_number_with_format(r, mix_col("Share %"), num(v.share_pct), &f.pct)?;
        for (c, get) in counts {
            if let Some(x) = get(v) {
                ws.write_number_with_format(r, mix_col(c), num(x), &f.count)?;
            }
        }
        if let Some(g) = v.grps {
            ws.write_number_with_format(r, mix_col("GRPs"), num(g), &f.grps)?;
        }
        let money = [("Agency commission", v.agency_commission), ("Ad serving", v.ad_serving), ("Tech fee", v.tech_fee), ("Fees", v.fees), ("Gross", v.gross)];
        for (c, x) in money {
            ws.write_number_with_format(r, mix_col(c), num(x), &f.money)?;
        }
        if let Some(k) = &line.kpi {
            ws.write_string(r, mix_col("KPI"), kpi_code(k.kpi))?;
            if let Some(t) = k.target {
                ws.write_number(r, mix_col("KPI target"), num(t))?;
            }
        }
        ws.write_string(r, mix_col("Line ID"), xml_text(&line.id))?;
        if let Some(m) = v.medium {
            ws.write_string(r, mix_col("Medium"), flightplan_core::catalogue::medium_label(m))?;
        }
        let reach: [(&str, Option<Dec>, &Format); 6] = [
            ("Universe", v.universe, &f.count),
            ("TRPs", v.trps, &f.grps),
            ("Reach %", v.reach_pct, &f.pct),
            ("Frequency", v.frequency, &f.grps),
            ("Effective reach %", v.effective_reach_pct, &f.pct),
            ("Units", v.units, &f.grps),
        ];
        for (c, x, fmt) in reach {
            if let Some(x) = x {
                ws.write_number_with_format(r, mix_col(c), num(x), fmt)?;
            }
        }
        if let Some(u) = v.unit {
            ws.write_string(r, mix_col("Unit"), u.label())?;
        }
        if let Some(len) = line.spot_length {
            ws.write_number(r, mix_col("Spot length"), f64::from(len))?;
        }
    }
    let n = view.lines.len() as u32;
    let tr = n + 1;
    ws.write_string_with_format(tr, 0, "Total", &f.bold)?;
    let t = &view.totals;
    let sums: [(&str, Option<Dec>, &Format); 12] = [
        ("Net media", Some(t.net_media), &f.money_bold),
        ("Share %", Some(t.share_pct), &f.pct_bold),
        ("Impressions", t.impressions, &f.count_bold),
        ("Clicks", t.clicks, &f.count_bold),
        ("Conversions", t.conversions, &f.count_bold),
        ("Views", t.views, &f.count_bold),
        ("GRPs", t.grps, &f.pct_bold),
        ("Agency commission", Some(t.agency_commission), &f.money_bold),
        ("Ad serving", Some(t.ad_serving), &f.money_bold),
        ("Tech fee", Some(t.tech_fee), &f.money_bold),
        ("Fees", Some(t.fees), &f.money_bold),
        ("Gross", Some(t.gross), &f.money_bold),
    ];
    for (name, value, fmt) in sums {
        let c = mix_col(name);
        let col = col_name(c);
        let formula = Formula::new(format!("=SUM({col}2:{col}{})", n + 1)).set_result(num(value.unwrap_or_default()).to_string());
        ws.write_formula_with_format(tr, c, formula, fmt)?;
    }
    if t.trps.is_some() {
        let c = mix_col("TRPs");
        let col = col_name(c);
        let formula = Formula::new(format!("=SUM({col}2:{col}{})", n + 1)).set_result(num(t.trps.unwrap_or_default().0).to_string());
        ws.write_formula_with_format(tr, c, formula, &f.pct_bold)?;
    }
    // Combined reach and frequency are not sums of the lines: the core's deduplicated figures.
    for (c, x) in [("Reach %", t.reach_pct), ("Frequency", t.frequency), ("Effective reach %", t.effective_reach_pct)] {
        if let Some(x) = x {
            ws.write_number_with_format(tr, mix_col(c), num(x), &f.pct_bold)?;
        }
    }
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 34)?;
    for c in 2..MIX.len() as u16 {
        ws.set_column_width(c, 13)?;
    }
    ws.set_freeze_panes(1, 2)?;
    Ok(())
}

/// The plan's header and the settings its figures depend on, one labelled value per row, so the
/// workbook imports back to the same plan (`spreadsheet.rs` reads these labels).
fn plan_sheet(ws: &mut Worksheet, plan: &Plan, f: &Formats) -> std::result::Result<(), XlsxError> {
    ws.set_name("Plan")?;
    ws.write_string_with_format(0, 0, "Field", &f.head)?;
    ws.write_string_with_format(0, 1, "Value", &f.head)?;
    let fees = &plan.fees;
    let basis = match fees.agency_commission_basis {
        flightplan_core::plan::CommissionBasis::Gross => "gross",
        flightplan_core::plan::CommissionBasis::Net => "net",
    };
    let mut rows: Vec<(&str, String)> = vec![
        ("Plan name", plan.name.clone()),
        ("Client", plan.client.clone()),
        ("Brand", plan.brand.clone()),
        ("Currency", plan.currency.clone()),
        ("Start date", plan.start.format("%Y-%m-%d").to_string()),
        ("End date", plan.end.format("%Y-%m-%d").to_string()),
        ("Budget", plan.budget.to_string()),
        ("Agency commission %", fees.agency_commission_pct.to_string()),
        ("Commission basis", basis.to_string()),
        ("Ad serving CPM", fees.ad_serving_cpm.to_string()),
        ("Tech fee %", fees.tech_fee_pct.to_string()),
        ("Prepared by", plan.prepared_by.clone()),
    ];
    if let Some(u) = plan.universe {
        rows.push(("Universe", u.to_string()));
    }
    // The plan's own details the other sheets do not show, so the workbook imports back to the
    // plan it came from (`plan_details.rs` reads them).
    rows.push(("Plan status", flightplan_core::approval::status_label(plan.status).to_string()));
    rows.push(("Plan version", plan.version.to_string()));
    if !plan.target_audience.is_empty() {
        rows.push(("Target audience", plan.target_audience.clone()));
    }
    if !plan.audience.summary.is_empty() {
        rows.push(("Audience in one line", plan.audience.summary.clone()));
    }
    if let Some(g) = &plan.goal {
        rows.push(("Funnel stage", crate::words::funnel_word(g.objective).to_string()));
        if !g.description.is_empty() {
            rows.push(("Objective", g.description.clone()));
        }
        if let Some(k) = g.kpi {
            rows.push(("Primary KPI", kpi_code(k)));
        }
        if let Some(t) = g.target {
            rows.push(("Primary KPI target", t.to_string()));
        }
    }
    if let Some(n) = plan.effective_frequency {
        rows.push(("Effective frequency", n.to_string()));
    }
    for (i, (label, value)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *label)?;
        // Decimals as text: exactly the plan's figures, never a float.
        ws.write_string(r, 1, xml_text(value))?;
    }
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 40)?;
    Ok(())
}

fn flowchart(ws: &mut Worksheet, view: &PlanView, f: &Formats) -> std::result::Result<(), XlsxError> {
    ws.set_name("Flowchart")?;
    ws.write_string_with_format(0, 0, "Channel", &f.head)?;
    ws.write_string_with_format(0, 1, "Line", &f.head)?;
    let first = 2u16;
    for (k, d) in view.weeks.iter().enumerate() {
        let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
        ws.write_date_with_format(0, first + k as u16, &dt, &f.date.clone().set_bold())?;
    }
    let total_col = first + view.weeks.len() as u16;
    ws.write_string_with_format(0, total_col, "Net media", &f.head)?;
    let last_week = col_name(total_col - 1);
    for (i, l) in view.lines.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, xml_text(&l.channel))?;
        ws.write_string(r, 1, xml_text(&l.name))?;
        for w in &l.weeks {
            let Ok(k) = view.weeks.binary_search(&w.week_start) else { continue };
            let c = first + k as u16;
            if w.hiatus {
                ws.write_number_with_format(r, c, 0.0, &f.hiatus)?;
            } else {
                ws.write_number_with_format(r, c, num(w.net), &f.money)?;
            }
        }
        let formula = Formula::new(format!("=SUM(C{}:{last_week}{})", r + 1, r + 1)).set_result(num(l.net).to_string());
        ws.write_formula_with_format(r, total_col, formula, &f.money)?;
    }
    let n = view.lines.len() as u32;
    let tr = n + 1;
    ws.write_string_with_format(tr, 0, "Net spend", &f.bold)?;
    for (k, w) in view.totals.weeks.iter().enumerate() {
        let c = first + k as u16;
        let col = col_name(c);
        let formula = Formula::new(format!("=SUM({col}2:{col}{})", n + 1)).set_result(num(w.net).to_string());
        ws.write_formula_with_format(tr, c, formula, &f.money_bold)?;
    }
    let col = col_name(total_col);
    let formula = Formula::new(format!("=SUM({col}2:{col}{})", n + 1)).set_result(num(view.totals.net_media).to_string());
    ws.write_formula_with_format(tr, total_col, formula, &f.money_bold)?;
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 34)?;
    ws.set_freeze_panes(1, 2)?;
    Ok(())
}

fn totals(ws: &mut Worksheet, plan: &Plan, view: &PlanView, f: &Formats) -> std::result::Result<(), XlsxError> {
    ws.set_name("Fees & totals")?;
    let t = &view.totals;
    ws.write_string_with_format(0, 0, "Item", &f.head)?;
    ws.write_string_with_format(0, 1, "Amount", &f.head)?;
    ws.write_string_with_format(0, 2, "Basis", &f.head)?;
    let fees = &plan.fees;
    let rows: [(&str, Decimal, String); 5] = [
        ("Net media", t.net_media.0, "sum of the lines' net media".into()),
        ("Agency commission", t.agency_commission.0, format!("{}% ({:?} basis)", fees.agency_commission_pct, fees.agency_commission_basis).to_lowercase()),
        ("Ad serving", t.ad_serving.0, format!("{} CPM on ad-served impressions", fees.ad_serving_cpm)),
        ("Tech & data fee", t.tech_fee.0, format!("{}% of net media", fees.tech_fee_pct)),
        ("Total fees", t.fees.0, "commission + ad serving + tech".into()),
    ];
    for (i, (label, value, basis)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *label)?;
        if *label == "Total fees" {
            ws.write_formula_with_format(r, 1, Formula::new("=SUM(B3:B5)").set_result(num(*value).to_string()), &f.money)?;
        } else {
            ws.write_number_with_format(r, 1, num(*value), &f.money)?;
        }
        ws.write_string(r, 2, basis)?;
    }
    ws.write_string_with_format(6, 0, "Gross total", &f.bold)?;
    ws.write_formula_with_format(6, 1, Formula::new("=B2+B6").set_result(num(t.gross).to_string()), &f.money_bold)?;
    ws.write_string(8, 0, "Plan budget")?;
    ws.write_number_with_format(8, 1, num(t.budget), &f.money)?;
    ws.write_string(9, 0, "Unallocated")?;
    ws.write_formula_with_format(9, 1, Formula::new("=B9-B2").set_result(num(t.unallocated).to_string()), &f.money)?;
    ws.write_string(11, 0, "Currency")?;
    ws.write_string(11, 1, &view.currency)?;
    if t.reach_pct.is_some() || t.trps.is_some() {
        let audience = match (plan.target_audience.trim(), plan.universe) {
            ("", Some(u)) => format!("universe of {}", u.normalize()),
            (a, Some(u)) => format!("{a}, universe of {}", u.normalize()),
            _ => "no universe".to_string(),
        };
        ws.write_string_with_format(13, 0, "Reach and frequency", &f.head)?;
        ws.write_string_with_format(13, 1, "Figure", &f.head)?;
        ws.write_string_with_format(13, 2, "Basis", &f.head)?;
        let n_plus = format!("Effective reach at {}+ %", t.effective_frequency);
        let model = plan.reach_model.as_ref().map(|m| format!("{m:?}").to_lowercase()).unwrap_or_else(|| "planner's estimates".into());
        let rows: [(&str, Option<Dec>, String); 5] = [
            ("GRPs", t.grps, "impressions / universe × 100, summed".into()),
            ("TRPs", t.trps, format!("on-target impressions / {audience} × 100")),
            ("Reach %", t.reach_pct, format!("{model}; lines combined at random")),
            ("Average frequency", t.frequency, "TRPs / reach".into()),
            (n_plus.as_str(), t.effective_reach_pct, "from the lines' combined exposure distribution".into()),
        ];
        for (i, (label, value, basis)) in rows.iter().enumerate() {
            let r = 14 + i as u32;
            ws.write_string(r, 0, *label)?;
            if let Some(v) = value {
                ws.write_number_with_format(r, 1, num(*v), &f.grps)?;
            }
            ws.write_string(r, 2, basis)?;
        }
    }
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 18)?;
    ws.set_column_width(2, 40)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::col_name;

    #[test]
    fn column_letters() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(25), "Z");
        assert_eq!(col_name(26), "AA");
        assert_eq!(col_name(54), "BC");
    }
}
