//! `flightplan update PLAN.json FILE -o OUT.json [--format xlsx|csv] [--preview]`: the plan
//! updated from its spreadsheet sent back (Flightplan's own XLSX or CSV, or any media-plan
//! spreadsheet): the file's lines matched to the plan's by line id, or by channel and name; only
//! what the file's columns and labels hold taken; scenarios, curves, actuals, comments and the
//! sign-off kept (`flightplan_exchange::update_from`).
//!
//! Prints every figure that changes, the lines added and removed, what was kept and the file's
//! warnings, and writes the updated plan whole; or, with any error, writes nothing.
//! `--preview` prints the whole update (with the plan) and writes nothing.

use crate::import::read_source;
use crate::plan_file::{load, write_atomically};
use crate::print_json;
use flightplan_core::{write_plan, Error};
use flightplan_exchange::{preview_import, update_from, ImportChoices, ImportFormat, ProblemLevel};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct UpdateArgs {
    /// The plan to update (flightplan/1 JSON).
    plan: PathBuf,
    /// The spreadsheet sent back: .xlsx or .csv.
    file: PathBuf,
    /// Where to write the updated plan (it may be the plan itself).
    #[arg(short = 'o', long = "output", required_unless_present = "preview")]
    output: Option<PathBuf>,
    /// xlsx or csv (default: from the file's contents).
    #[arg(long)]
    format: Option<String>,
    /// Print the whole update, the updated plan included, and write nothing.
    #[arg(long)]
    preview: bool,
}

pub fn run(args: UpdateArgs) -> Result<(), Vec<Error>> {
    let plan = load(&args.plan)?;
    let format = match args.format.as_deref() {
        Some(f) => Some(ImportFormat::parse(f).ok_or_else(|| vec![Error::at("invalid_field", "--format", format!("\"{f}\" is not xlsx or csv"))])?),
        None => None,
    };
    let source = read_source(&args.file, format, "spreadsheet to update from")?;
    let choices = ImportChoices { currency: Some(plan.currency.clone()), ..Default::default() };
    let update = update_from(&plan, &preview_import(&source, &choices));
    if args.preview {
        return print_json(&update);
    }
    if !update.ready {
        return Err(update.problems.iter().filter(|p| p.level == ProblemLevel::Error).map(|p| p.to_error(&update.file)).collect());
    }
    let Some(output) = &args.output else { return Ok(()) };
    write_atomically(output, write_plan(&update.plan).as_bytes()).map_err(|e| vec![e])?;
    let warnings: Vec<Error> = update.problems.iter().filter(|p| p.level == ProblemLevel::Warning).map(|p| p.to_error(&update.file)).collect();
    print_json(&serde_json::json!({
        "output": output.display().to_string(),
        "source": update.source,
        "changes": update.changes,
        "kept": update.kept,
        "warnings": warnings,
    }))
}
