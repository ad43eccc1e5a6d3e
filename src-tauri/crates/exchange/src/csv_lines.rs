//! The plan's lines as CSV: one row per line with its costed figures, decimals exact as text,
//! unknown delivery left empty (not 0), ready for any spreadsheet or finance system. Audience,
//! reach and traditional units follow the original columns, so older imports keep their places.
//! Text the planner typed is escaped so that no spreadsheet opens it as a formula.

use crate::{buying, funnel, kpi_code};
use flightplan_core::Dec;
use flightplan_core::{Error, Report, Result};

const HEADER: [&str; 36] = [
    "id",
    "channel",
    "name",
    "vendor",
    "role",
    "buying",
    "pricing",
    "rate",
    "start",
    "end",
    "net",
    "share_pct",
    "impressions",
    "clicks",
    "conversions",
    "views",
    "grps",
    "agency_commission",
    "ad_serving",
    "tech_fee",
    "fees",
    "gross",
    "kpi",
    "kpi_target",
    "currency",
    "medium",
    "target_audience",
    "universe",
    "trps",
    "reach_pct",
    "frequency",
    "effective_reach_pct",
    "unit",
    "units",
    "spot_length",
    "dayparts",
];

/// A planner's own text (a name, a channel, a vendor) as a cell no spreadsheet runs as a
/// formula: text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
/// `'`, as OWASP recommends for CSV injection. Numbers are written by the core's decimals, never
/// through here, so they stay numbers. Reading the CSV back drops exactly this one `'`.
pub fn text_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The medium's code, as in the plan file (`tv`, `ooh`, …).
fn code(m: flightplan_core::plan::Medium) -> String {
    serde_json::to_value(m).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn opt(v: Option<Dec>) -> String {
    v.map(|d| d.to_string()).unwrap_or_default()
}

/// The lines of the report (the presented scenario as of a day) as CSV text (RFC 4180, header
/// row first).
pub fn write_csv(report: &Report) -> Result<String> {
    let (plan, view) = (&report.plan, &report.view);
    if plan.lines.len() != view.lines.len() {
        return Err(Error::new("stale_view", "the costed plan does not match the plan: recompute it before exporting"));
    }
    let io = |e: csv::Error| Error::new("export_failed", format!("could not write the CSV: {e}"));
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).map_err(io)?;
    for (line, v) in plan.lines.iter().zip(&view.lines) {
        let record = vec![
            text_cell(&v.id),
            text_cell(&v.channel),
            text_cell(&v.name),
            text_cell(&line.vendor),
            funnel(line.role).to_string(),
            buying(line.buying).to_string(),
            v.pricing.label().to_ascii_lowercase(),
            opt(v.rate),
            line.start.format("%Y-%m-%d").to_string(),
            line.end.format("%Y-%m-%d").to_string(),
            v.net.to_string(),
            v.share_pct.to_string(),
            opt(v.impressions),
            opt(v.clicks),
            opt(v.conversions),
            opt(v.views),
            opt(v.grps),
            v.agency_commission.to_string(),
            v.ad_serving.to_string(),
            v.tech_fee.to_string(),
            v.fees.to_string(),
            v.gross.to_string(),
            line.kpi.as_ref().map(|k| kpi_code(k.kpi)).unwrap_or_default(),
            opt(line.kpi.as_ref().and_then(|k| k.target)),
            view.currency.clone(),
            v.medium.map(code).unwrap_or_default(),
            text_cell(if line.universe.is_some() { &line.target_audience } else { &plan.target_audience }),
            opt(v.universe),
            opt(v.trps),
            opt(v.reach_pct),
            opt(v.frequency),
            opt(v.effective_reach_pct),
            v.unit.map(|u| u.label().to_string()).unwrap_or_default(),
            opt(v.units),
            line.spot_length.map(|s| s.to_string()).unwrap_or_default(),
            text_cell(
                &line
                    .dayparts
                    .iter()
                    .map(|d| match d.share {
                        Some(s) => format!("{} {}%", d.name, s.normalize()),
                        None => d.name.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        ];
        w.write_record(&record).map_err(io)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::new("export_failed", format!("could not write the CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| Error::new("export_failed", format!("the CSV is not UTF-8: {e}")))
}
