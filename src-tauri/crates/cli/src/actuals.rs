//! `flightplan actuals import`: read a platform report into a plan's actuals.
//!
//! Shows what an import would do (matched rows per line, unmatched campaigns to assign, skipped
//! title and total rows) before anything is saved; `--write` saves the plan with the actuals
//! merged. Any bad row fails the whole import with the file's line number, and nothing is
//! written. `pacing` and `roll-forward` load their `--actuals` files through the same path.

use crate::plan_file::load;
use crate::print_json;
use clap::{Args, Subcommand};
use flightplan_actuals::{parse, ColumnMapping, Platform, Report};
use flightplan_core::actuals::{import, Import};
use flightplan_core::{write_plan, Error, Plan};
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct ActualsArgs {
    #[command(subcommand)]
    command: ActualsCommand,
}

#[derive(Subcommand)]
enum ActualsCommand {
    /// Parse a Meta, Google Ads, TikTok or mapped CSV/XLSX report and match its rows to lines.
    Import(ImportArgs),
}

#[derive(Args)]
pub struct ImportArgs {
    plan: PathBuf,
    file: PathBuf,
    #[command(flatten)]
    source: SourceArgs,
    /// Save the plan with the imported actuals merged to this file (may be PLAN itself).
    #[arg(long)]
    write: Option<PathBuf>,
}

/// How report files are read: shared by `actuals import`, `pacing` and `roll-forward`.
#[derive(Args, Clone)]
pub struct SourceArgs {
    /// meta, google, tiktok or auto.
    #[arg(long, default_value = "auto")]
    platform: String,
    /// A JSON column mapping (and/or `campaigns`: campaign name → line id).
    #[arg(long)]
    mapping: Option<PathBuf>,
}

#[derive(Serialize)]
struct ImportOutput<'a> {
    file: String,
    #[serde(flatten)]
    report: ReportSummary<'a>,
    #[serde(flatten)]
    import: &'a Import,
}

#[derive(Serialize)]
struct ReportSummary<'a> {
    platform: Platform,
    encoding: &'a str,
    header_line: usize,
    currency: Option<&'a str>,
    rows_read: usize,
    skipped: &'a [flightplan_actuals::Skipped],
}

pub fn run(args: ActualsArgs) -> Result<(), Vec<Error>> {
    match args.command {
        ActualsCommand::Import(a) => {
            let mut plan = load(&a.plan)?;
            let (report, imported) = import_file(&plan, &a.file, &a.source)?;
            if let Some(out) = &a.write {
                plan.actuals = imported.actuals.clone();
                save(&plan, out)?;
            }
            print_json(&ImportOutput {
                file: a.file.display().to_string(),
                report: summary(&report),
                import: &imported,
            })
        }
    }
}

fn summary(r: &Report) -> ReportSummary<'_> {
    ReportSummary {
        platform: r.platform,
        encoding: &r.encoding,
        header_line: r.header_line,
        currency: r.currency.as_deref(),
        rows_read: r.rows.len(),
        skipped: &r.skipped,
    }
}

fn read_mapping(path: Option<&Path>) -> Result<ColumnMapping, Error> {
    let Some(p) = path else { return Ok(ColumnMapping::default()) };
    let text = crate::plan_file::read_text(p)?;
    serde_json::from_str(&text).map_err(|e| Error::new("bad_mapping", format!("{}: {e}", p.display())))
}

/// Parse one report and match it against `plan` (nothing is changed).
pub fn import_file(plan: &Plan, file: &Path, source: &SourceArgs) -> Result<(Report, Import), Vec<Error>> {
    let platform = match source.platform.as_str() {
        "auto" => None,
        p => Some(Platform::parse(p).ok_or_else(|| {
            vec![Error::new("bad_platform", format!("--platform {p}: use meta, google, tiktok or auto"))]
        })?),
    };
    let mapping = read_mapping(source.mapping.as_deref()).map_err(|e| vec![e])?;
    let bytes = flightplan_files::read_bounded(file, flightplan_files::REPORT_FILE_LIMIT, "report").map_err(|e| vec![e])?;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| file.display().to_string());
    let report = parse(&bytes, &name, platform, &mapping).map_err(|e| vec![e])?;
    let source_name = report.platform.name();
    let imported = import(plan, &report.rows, source_name, &mapping.campaigns).map_err(|e| {
        vec![Error { message: format!("{name}: {}", e.message), path: Some(name.clone()), ..e }]
    })?;
    Ok((report, imported))
}

/// Load a plan and merge every `--actuals` file into it, in order; all or nothing.
pub fn load_with_actuals(plan: &Path, files: &[PathBuf], source: &SourceArgs) -> Result<(Plan, Vec<Import>), Vec<Error>> {
    let mut plan = load(plan)?;
    let mut imports = Vec::new();
    for f in files {
        let (_, imported) = import_file(&plan, f, source)?;
        plan.actuals = imported.actuals.clone();
        imports.push(imported);
    }
    Ok((plan, imports))
}

/// Write a plan file whole: to a temporary file beside it, then renamed over the target.
pub fn save(plan: &Plan, path: &Path) -> Result<(), Vec<Error>> {
    crate::plan_file::write_atomically(path, write_plan(plan).as_bytes()).map_err(|e| vec![e])
}
