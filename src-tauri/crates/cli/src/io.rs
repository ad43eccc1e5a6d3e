//! `flightplan io PLAN.json -o DIR [--date YYYY-MM-DD] [--paper a4|letter]`: one insertion-order
//! PDF per vendor of the plan's direct and offline lines, ready to send for signature.
//!
//! Every order is rendered before anything is written, then the set is written all or nothing
//! (`flightplan_files::write_set`), each vendor under its own file name.

use crate::pacing::parse_day;
use crate::plan_file::load;
use crate::print_json;
use flightplan_core::money::Currency;
use flightplan_core::plan::Paper;
use flightplan_core::{compute, Error};
use flightplan_pdf::{io_file_names as file_names, render_insertion_orders, IoOptions};
use serde::Serialize;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct IoArgs {
    /// The plan file (flightplan/1 JSON).
    plan: PathBuf,
    /// The folder to write the PDFs to (created if missing).
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    /// The issue date printed on the orders (YYYY-MM-DD); defaults to today.
    #[arg(long)]
    date: Option<String>,
    /// Paper; defaults to the plan's own setting. Orders print in portrait.
    #[arg(long, value_parser = ["a4", "letter"])]
    paper: Option<String>,
}

#[derive(Serialize)]
struct Written {
    vendor: String,
    number: String,
    path: String,
    placements: usize,
    /// Exact decimals as strings, like `compute`.
    net: String,
    gross: String,
    net_formatted: String,
    gross_formatted: String,
    warnings: Vec<String>,
}

pub fn run(a: IoArgs) -> Result<(), Vec<Error>> {
    let plan = load(&a.plan)?;
    let view = compute(&plan).map_err(|e| vec![e])?;
    let issued_on = match &a.date {
        Some(d) => parse_day(d, "--date")?,
        None => chrono::Local::now().date_naive(),
    };
    let paper = a.paper.as_deref().map(|p| if p == "letter" { Paper::Letter } else { Paper::A4 });
    let orders = render_insertion_orders(&plan, &view, &IoOptions { paper, issued_on }).map_err(|e| vec![e])?;
    if orders.is_empty() {
        return Err(vec![Error::new(
            "no_insertion_orders",
            "the plan has no direct or offline lines (buying \"direct\" or \"offline\"): there is nothing to order on an IO",
        )]);
    }
    let currency = Currency::from_code(&view.currency)
        .ok_or_else(|| vec![Error::at("unknown_currency", "currency", format!("\"{}\" is not a currency", view.currency))])?;
    let fmt = |v| flightplan_core::money::format_money(v, currency, plan.settings.number_style);

    let names = file_names(orders.iter().map(|(o, _)| o.vendor.as_str()));
    let files: Vec<(String, Vec<u8>)> = names.into_iter().zip(&orders).map(|(n, (_, r))| (n, r.bytes.clone())).collect();
    let paths = flightplan_files::write_set(&a.output, &files, crate::replace()).map_err(|e| vec![e])?;

    let written: Vec<Written> = orders
        .iter()
        .zip(&paths)
        .map(|((o, r), path)| Written {
            vendor: o.vendor.clone(),
            number: o.number.clone(),
            path: path.display().to_string(),
            placements: o.lines.len(),
            net: o.net.to_string(),
            gross: o.gross.to_string(),
            net_formatted: fmt(o.net),
            gross_formatted: fmt(o.gross),
            warnings: r.warnings.clone(),
        })
        .collect();
    print_json(&serde_json::json!({ "files": written }))
}
