//! `flightplan import FILE -o PLAN.json [--format xlsx|csv|mediaplan] [--mapping M.json]
//! [--currency CODE]`: a plan from a spreadsheet (Flightplan's own XLSX or CSV export, or any
//! media-plan spreadsheet through a column mapping), a mediaplanschema 2.0/3.0 document or a
//! `flightplan/1` plan file (checked with the plan rules, every problem listed).
//!
//! Prints what the import did (source, columns as read, skipped rows, rows without a cost,
//! conversions, warnings) and writes the plan whole, or nothing: any error in the file is
//! reported as `{code, message, path}` naming the sheet and row or the JSON path.
//! `--preview` prints the full preview and writes nothing; `--save-mapping` keeps the column
//! mapping used, for the next file of that layout.

use crate::plan_file::write_atomically;
use crate::print_json;
use flightplan_core::{write_plan, Error};
use flightplan_exchange::{
    commit_import, preview_import, read_plan_source, ImportChoices, ImportFormat, PlanMapping, PlanSource, ProblemLevel, MAX_IMPORT_BYTES,
};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct ImportArgs {
    /// The file to import: .xlsx, .csv or a mediaplanschema .json.
    file: PathBuf,
    /// Where to write the plan (flightplan/1 JSON).
    #[arg(short = 'o', long = "output", required_unless_present = "preview")]
    output: Option<PathBuf>,
    /// xlsx, csv or mediaplan (default: from the file's contents).
    #[arg(long)]
    format: Option<String>,
    /// A saved column mapping (JSON) for a spreadsheet layout.
    #[arg(long)]
    mapping: Option<PathBuf>,
    /// The plan's currency, for a file that does not state one.
    #[arg(long)]
    currency: Option<String>,
    /// Print the whole preview (lines, columns, every problem) and write nothing.
    #[arg(long)]
    preview: bool,
    /// Write the column mapping the import used to this file.
    #[arg(long)]
    save_mapping: Option<PathBuf>,
}

/// The file read once for a preview, named by its own name in every message. Bounded, whatever
/// the format: `/dev/zero` or a 4 GB video picked by mistake is refused by its size instead of
/// filling memory. `what` names the file in that refusal ("plan to import").
pub(crate) fn read_source(file: &Path, format: Option<ImportFormat>, what: &str) -> Result<PlanSource, Vec<Error>> {
    let name = file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| file.display().to_string());
    let bytes = flightplan_files::read_bounded(file, MAX_IMPORT_BYTES as u64, what).map_err(|e| vec![Error { file: Some(name.clone()), ..e }])?;
    read_plan_source(&bytes, &name, format).map_err(|e| vec![e])
}

pub fn run(args: ImportArgs) -> Result<(), Vec<Error>> {
    let format = match args.format.as_deref() {
        Some(f) => Some(ImportFormat::parse(f).ok_or_else(|| vec![Error::at("invalid_field", "--format", format!("\"{f}\" is not xlsx, csv or mediaplan"))])?),
        None => None,
    };
    let mapping: Option<PlanMapping> = match &args.mapping {
        Some(p) => {
            let text = crate::plan_file::read_text(p).map_err(|e| vec![e])?;
            Some(
                serde_json::from_str(&text)
                    .map_err(|e| vec![Error::json("invalid_mapping", "this is not a column mapping", &e).in_file(p.display().to_string())])?,
            )
        }
        None => None,
    };
    let source = read_source(&args.file, format, "plan to import")?;
    let choices = ImportChoices { mapping, currency: args.currency.clone() };
    let preview = preview_import(&source, &choices);
    if let (Some(path), Some(m)) = (&args.save_mapping, &preview.mapping) {
        let text = serde_json::to_string_pretty(m).map_err(|e| vec![Error::new("internal", e.to_string())])?;
        write_atomically(path, text.as_bytes()).map_err(|e| vec![e])?;
    }
    if args.preview {
        return print_json(&preview);
    }
    let plan = commit_import(&preview)?;
    let Some(output) = &args.output else { return Ok(()) };
    write_atomically(output, write_plan(&plan).as_bytes()).map_err(|e| vec![e])?;
    let warnings: Vec<Error> = preview.problems.iter().filter(|p| p.level == ProblemLevel::Warning).map(|p| p.to_error(&preview.file)).collect();
    print_json(&serde_json::json!({
        "output": output.display().to_string(),
        "source": preview.source,
        "sheet": preview.sheet,
        "header_row": preview.header_row,
        "currency": preview.currency,
        "currency_source": preview.currency_source,
        "lines": plan.lines.len(),
        "columns": preview.columns,
        "rows_without_cost": preview.rows_without_cost,
        "skipped": preview.skipped,
        "conversions": preview.conversions,
        "warnings": warnings,
        "totals": preview.totals,
    }))
}
