//! `flightplan paste PLAN BLOCK.tsv`: what pasting a block copied from a spreadsheet onto a
//! plan's line grid reads as (its header row, each column's field, the rows, every problem), or
//! with `--place` the plan with the block placed, exactly as the desktop grid's paste does. New
//! lines start from the library's rate card (`--library`), else the built-in one.

use crate::library::open;
use crate::plan_file::{load, read_text};
use crate::{print_json, write_stdout};
use clap::{Args, ValueEnum};
use flightplan_core::paste::{place, read_block, DateOrder, PasteOptions};
use flightplan_core::plan::NumberStyle;
use flightplan_core::rate_card::default_rate_card;
use flightplan_core::{write_plan, Error};
use std::path::PathBuf;

#[derive(Args)]
pub struct PasteArgs {
    plan: PathBuf,
    /// The pasted block: tab-separated text as a spreadsheet copies it.
    block: PathBuf,
    /// How the planner's locale writes dates: mdy (US), dmy (UK, Europe), ymd (ISO), or unknown
    /// (ambiguous day/month dates refused).
    #[arg(long, value_enum, default_value = "unknown")]
    dates: DatesArg,
    /// Numbers as written in the block: "1,234.56", "1.234,56", "1 234,56" or "1,23,456.78"
    /// (India); by default the plan's own number style, as the grid reads a paste.
    #[arg(long)]
    numbers: Option<String>,
    /// The grid column the block was pasted at (0 = Line), for a block without a header row.
    #[arg(long, default_value_t = 0)]
    column: usize,
    /// Place the block from this grid row (0 = the first line) and print the plan.
    #[arg(long, value_name = "ROW")]
    place: Option<usize>,
    /// The library whose rate card new lines start from.
    #[arg(long)]
    library: Option<PathBuf>,
}

/// `--dates`: how numeric dates put day, month and year (`paste`, and the report files of
/// `actuals import`, `pacing`, `reconcile` and `roll-forward`).
#[derive(Clone, Copy, ValueEnum)]
pub enum DatesArg {
    Mdy,
    Dmy,
    Ymd,
    Unknown,
}

impl From<DatesArg> for DateOrder {
    fn from(d: DatesArg) -> DateOrder {
        match d {
            DatesArg::Mdy => DateOrder::MonthFirst,
            DatesArg::Dmy => DateOrder::DayFirst,
            DatesArg::Ymd => DateOrder::YearFirst,
            DatesArg::Unknown => DateOrder::Unknown,
        }
    }
}

pub fn run(a: PasteArgs) -> Result<(), Vec<Error>> {
    let plan = load(&a.plan)?;
    let text = read_text(&a.block).map_err(|e| vec![e])?;
    let numbers: NumberStyle = match &a.numbers {
        None => plan.settings.number_style,
        Some(style) => serde_json::from_value(serde_json::Value::String(style.clone())).map_err(|_| {
            vec![Error::at("invalid_field", "--numbers", format!("\"{style}\" is not a number style (1,234.56, 1.234,56, 1 234,56 or 1,23,456.78)"))]
        })?,
    };
    let dates = DateOrder::from(a.dates);
    let card = match a.library {
        Some(path) => open(Some(path))?.rate_card().map_err(|e| vec![e])?.card,
        None => default_rate_card(),
    };
    let options = PasteOptions { dates, numbers, first_column: a.column };
    let read = read_block(&text, &options, &plan, &card);
    match a.place {
        None => print_json(&read),
        Some(at) => {
            let placed = place(&plan, &read, at).map_err(|e| vec![e])?;
            write_stdout(&format!("{}\n", write_plan(&placed)))
        }
    }
}
