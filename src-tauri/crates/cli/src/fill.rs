//! `flightplan fill PLAN`: the line grid's fill-down (Ctrl+D) and fill-right (Ctrl+R) through the
//! core, printing the filled plan, or the refusal (a date into a rate column, an empty source
//! cell), exactly as the desktop grid does them.

use crate::plan_file::load;
use crate::write_stdout;
use clap::Args;
use flightplan_core::paste::{fill_down, fill_right, LineField};
use flightplan_core::{write_plan, Error};
use std::path::PathBuf;

#[derive(Args)]
pub struct FillArgs {
    plan: PathBuf,
    /// The field copied: a line field's file name (start, end, rate, budget, name, …).
    #[arg(long)]
    field: String,
    /// Fill down: the row (0 = the first line) copied into `--rows`.
    #[arg(long, conflicts_with = "into")]
    down_from: Option<usize>,
    /// Fill right: the fields of each of `--rows` that `--field` is copied into (comma-separated).
    #[arg(long, value_delimiter = ',')]
    into: Vec<String>,
    /// The rows filled (comma-separated, 0 = the first line).
    #[arg(long, value_delimiter = ',', required = true)]
    rows: Vec<usize>,
}

fn field(flag: &str, name: &str) -> Result<LineField, Vec<Error>> {
    serde_json::from_value(serde_json::Value::String(name.trim().to_string()))
        .map_err(|_| vec![Error::at("invalid_field", flag, format!("\"{name}\" is not a line field (start, end, rate, budget, share, name, channel, …)"))])
}

pub fn run(a: FillArgs) -> Result<(), Vec<Error>> {
    let plan = load(&a.plan)?;
    let from = field("--field", &a.field)?;
    let filled = match a.down_from {
        Some(row) => fill_down(&plan, from, row, &a.rows),
        None => {
            if a.into.is_empty() {
                return Err(vec![Error::new("missing_field", "give --down-from ROW to fill down or --into FIELDS to fill right")]);
            }
            let into = a.into.iter().map(|f| field("--into", f)).collect::<Result<Vec<_>, _>>()?;
            fill_right(&plan, &a.rows, from, &into)
        }
    }
    .map_err(|e| vec![e])?;
    write_stdout(&format!("{}\n", write_plan(&filled)))
}
