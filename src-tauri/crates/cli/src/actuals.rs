//! `flightplan actuals import`: read a platform report into a plan's actuals.
//!
//! Shows what an import would do (matched rows per line, unmatched campaigns to assign, skipped
//! title and total rows) before anything is saved; `--write` saves the plan with the actuals
//! merged. Any bad row fails the whole import with the file's line number, and nothing is
//! written. `pacing` and `roll-forward` load their `--actuals` files through the same path.

use crate::paste::DatesArg;
use crate::plan_file::load;
use crate::print_json;
use clap::{Args, Subcommand};
use flightplan_actuals::{read_report, ColumnMapping, DateRange, Platform, ReadOptions, Report, Skipped, Totals, Warning};
use flightplan_core::actuals::{import, Import, Unmatched};
use flightplan_core::plan::Actual;
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
    /// Read a platform report (Google Ads, Meta, TikTok, LinkedIn, Microsoft, Amazon, Snapchat,
    /// Pinterest, in their interface languages) or a mapped CSV/XLSX and match its rows to lines.
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

/// How report files are read: shared by `actuals import`, `pacing`, `reconcile` and
/// `roll-forward`.
#[derive(Args, Clone)]
pub struct SourceArgs {
    /// auto, or the platform: google, meta, tiktok, linkedin, microsoft, amazon, snapchat, pinterest.
    #[arg(long, default_value = "auto")]
    platform: String,
    /// A JSON column mapping (and/or `campaigns`: campaign or ad set name → line id).
    #[arg(long)]
    mapping: Option<PathBuf>,
    /// The period a report without a date column covers, e.g. 2025-01-01..2025-12-31.
    #[arg(long, value_name = "START..END")]
    period: Option<String>,
    /// How the reports write numeric dates, when the file cannot say (`05/06/2025`): mdy or dmy.
    /// Default: learnt from the file (its dates, title range, number style, language).
    #[arg(long, value_enum)]
    dates: Option<DatesArg>,
}

/// What `actuals import` prints: what the file held and what the import would do.
#[derive(Serialize)]
struct ImportOutput<'a> {
    file: String,
    platform: Platform,
    /// The dialect recognised: platform, language and a label (`Google Ads (pt)`).
    dialect: Option<DialectOut>,
    encoding: &'a str,
    header_line: usize,
    currency: Option<&'a str>,
    period: Option<DateRange>,
    rows_read: usize,
    totals: &'a Totals,
    skipped: &'a [Skipped],
    warnings: Vec<Warning>,
    added: &'a [Actual],
    replaced: usize,
    unmatched: &'a [Unmatched],
    /// The added rows with days outside the plan's period; null when every row is inside it.
    outside_period: Option<&'a flightplan_core::actuals::OutsidePeriod>,
    /// How numeric dates were read where some read two ways: the order, an example read both
    /// ways and the evidence; null when every date reads one way.
    dates: Option<&'a flightplan_actuals::DatesRead>,
}

#[derive(Serialize)]
struct DialectOut {
    platform: Platform,
    language: String,
    label: String,
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
            print_json(&output(a.file.display().to_string(), &report, &imported))
        }
    }
}

/// The report's warnings, then the import's.
fn all_warnings(r: &Report, i: &Import) -> Vec<Warning> {
    let mut warnings = r.warnings.clone();
    warnings.extend(i.warnings.iter().map(|m| Warning { line: None, message: m.clone() }));
    warnings
}

fn output<'a>(file: String, r: &'a Report, i: &'a Import) -> ImportOutput<'a> {
    let warnings = all_warnings(r, i);
    ImportOutput {
        file,
        platform: r.platform,
        dialect: r.dialect.as_ref().map(|d| DialectOut { platform: d.platform, language: d.language.clone(), label: d.label() }),
        encoding: &r.encoding,
        header_line: r.header_line,
        currency: r.currency.as_deref(),
        period: r.period,
        rows_read: r.rows.len(),
        totals: &r.totals,
        skipped: &r.skipped,
        warnings,
        added: &i.added,
        replaced: i.replaced,
        unmatched: &i.unmatched,
        outside_period: i.outside_period.as_ref(),
        dates: r.dates.as_ref(),
    }
}

fn read_mapping(path: Option<&Path>) -> Result<ColumnMapping, Error> {
    let Some(p) = path else { return Ok(ColumnMapping::default()) };
    let text = crate::plan_file::read_text(p)?;
    serde_json::from_str(&text).map_err(|e| Error::json("bad_mapping", "this is not a column mapping", &e).in_file(p.display().to_string()))
}

/// Read one report and match it against `plan` (nothing is changed).
pub fn import_file(plan: &Plan, file: &Path, source: &SourceArgs) -> Result<(Report, Import), Vec<Error>> {
    let platform = match source.platform.as_str() {
        "auto" => None,
        p => Some(Platform::parse(p).ok_or_else(|| {
            vec![Error::new("bad_platform", format!("--platform {p}: use auto, google, meta, tiktok, linkedin, microsoft, amazon, snapchat or pinterest"))]
        })?),
    };
    let mapping = read_mapping(source.mapping.as_deref()).map_err(|e| vec![e])?;
    let period = match &source.period {
        Some(p) => Some(DateRange::parse(p).map_err(|e| vec![Error { path: Some("--period".into()), ..e }])?),
        None => None,
    };
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| file.display().to_string());
    let bytes = read_limited(file, &name)?;
    let report = read_report(&bytes, &name, &ReadOptions { platform, mapping: mapping.clone(), period, date_order: source.dates.map(Into::into) })
        .map_err(|e| vec![e])?;
    let source_name = report.platform.name();
    let imported = import(plan, &report.rows, source_name, &mapping.campaigns).map_err(|e| vec![e.in_file(&name)])?;
    Ok((report, imported))
}

/// A report file's bytes, refusing one over the size limit before reading it.
fn read_limited(file: &Path, name: &str) -> Result<Vec<u8>, Vec<Error>> {
    let max = flightplan_actuals::limits::MAX_REPORT_BYTES as u64;
    flightplan_files::read_bounded(file, max, "report").map_err(|e| vec![Error { file: Some(name.to_string()), ..e }])
}

/// What one `--actuals` file said besides its rows, which `pacing`, `reconcile` and
/// `roll-forward` print as `reports`: a planner pacing on a file must see what importing it
/// alone would have warned about (its total row disagreeing, dates read one way of two, rows
/// outside the plan's period).
#[derive(Serialize)]
pub struct FileNotes {
    file: String,
    rows_read: usize,
    warnings: Vec<Warning>,
    /// The added rows with days outside the plan's period; null when every row is inside it.
    outside_period: Option<flightplan_core::actuals::OutsidePeriod>,
}

/// A plan with every `--actuals` file merged, what each import did, and what each file said.
pub struct Loaded {
    pub plan: Plan,
    pub imports: Vec<Import>,
    pub reports: Vec<FileNotes>,
}

impl Loaded {
    /// Add `reports` to a command's JSON output, when files were imported (a run without
    /// `--actuals` prints what it always did).
    pub fn add_reports(&self, out: &mut serde_json::Value) {
        if let (Some(o), false) = (out.as_object_mut(), self.reports.is_empty()) {
            o.insert("reports".into(), serde_json::to_value(&self.reports).unwrap_or_default());
        }
    }
}

/// Load a plan and merge every `--actuals` file into it, in order; all or nothing.
pub fn load_with_actuals(plan: &Path, files: &[PathBuf], source: &SourceArgs) -> Result<Loaded, Vec<Error>> {
    let mut plan = load(plan)?;
    let (mut imports, mut reports) = (Vec::new(), Vec::new());
    for f in files {
        let (report, imported) = import_file(&plan, f, source)?;
        plan.actuals = imported.actuals.clone();
        let file = f.display().to_string();
        reports.push(FileNotes {
            file,
            rows_read: report.rows.len(),
            warnings: all_warnings(&report, &imported),
            outside_period: imported.outside_period.clone(),
        });
        imports.push(imported);
    }
    Ok(Loaded { plan, imports, reports })
}

/// Write a plan file whole: to a temporary file beside it, then renamed over the target.
pub fn save(plan: &Plan, path: &Path) -> Result<(), Vec<Error>> {
    crate::plan_file::write_atomically(path, write_plan(plan).as_bytes()).map_err(|e| vec![e])
}
