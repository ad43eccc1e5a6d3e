//! `flightplan`: the headless command line over the planning core and the plan library.
//!
//! Planners and scripts use it to cost, check and export plans without the desktop app, and the
//! test suite uses it end to end. Output is JSON on stdout; errors are `{code, message}` JSON on
//! stderr with a non-zero exit code, and nothing partial is ever written.

mod actuals;
mod allocate;
mod catalogue;
mod check;
mod comment;
mod compare;
mod errors;
mod export;
mod fill;
mod fit;
mod import;
mod io;
mod launch;
mod library;
mod names;
mod pacing;
mod paste;
mod plan_file;
mod rates;
mod reconcile;
mod roll_forward;
mod update;

/// The desktop app's identifier (tauri.conf.json); its data folder holds the shared library.
pub const APP_IDENTIFIER: &str = "com.flightplan.desktop";

use clap::{Parser, Subcommand};
use flightplan_core::Error;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Parser)]
#[command(name = "flightplan", version, about = "Cost, check and export media plans (flightplan/1 JSON).")]
struct Cli {
    /// Let a written file replace a symbolic link or a read-only file at the output path (a
    /// folder or a device is never replaced).
    #[arg(long, global = true)]
    force: bool,
    /// How errors are written to stderr: one readable line each (text), one JSON object each
    /// (json), or text on a terminal and JSON otherwise (auto).
    #[arg(long, global = true, value_enum, default_value = "auto")]
    errors: errors::ErrorStyle,
    #[command(subcommand)]
    command: Command,
}

/// `--force` was given: see [`replace`].
static FORCE: AtomicBool = AtomicBool::new(false);

/// Errors are written as JSON lines (`--errors`): see [`report`].
static JSON_ERRORS: AtomicBool = AtomicBool::new(true);

/// What an output file may replace, by `--force`.
pub fn replace() -> flightplan_files::Replace {
    if FORCE.load(Ordering::Relaxed) {
        flightplan_files::Replace::Forced
    } else {
        flightplan_files::Replace::RegularOnly
    }
}

#[derive(Subcommand)]
enum Command {
    /// Cost a plan: lines, totals, weekly flowchart and findings, as JSON. As of --now (default
    /// today) with the presented scenario applied, as the client's PDF and workbook show it;
    /// --as-written for the plan as the file has it.
    Compute {
        plan: PathBuf,
        #[command(flatten)]
        day: check::Day,
    },
    /// Check a plan file and report every problem found.
    Validate { plan: PathBuf },
    /// Print the bundled sample plan (a realistic quarterly plan).
    Demo,
    /// The channel catalogue (defaults per channel), each medium's market norms and the reach
    /// models, as JSON.
    Catalogue(catalogue::CatalogueArgs),
    /// Import platform reports into a plan's actuals.
    Actuals(actuals::ActualsArgs),
    /// Pacing, KPI performance and recommendations as of a day, as JSON.
    Pacing(pacing::PacingArgs),
    /// Write the next period's plan, re-based on this period's actuals.
    RollForward(roll_forward::RollForwardArgs),
    /// Manage the local plan library (a SQLite file).
    Library(library::LibraryArgs),
    /// Check a plan's health: every finding, exit 1 if any is an error. As of --now (default
    /// today) with the presented scenario applied, as the client is shown it; --as-written for
    /// the plan as the file has it.
    Check(check::CheckArgs),
    /// Split the budget to maximise total response on the lines' response curves.
    Allocate(allocate::AllocateArgs),
    /// The plan as written and each of its scenarios side by side, with the differences, as
    /// JSON; the presented scenario (the one the PDF shows) is marked. Figures have no date.
    Compare(compare::CompareArgs),
    /// Add a comment to a plan or one of its lines, or mark one resolved; prints the plan.
    Comment(comment::CommentArgs),
    /// Export a plan: the one-page PDF, an XLSX workbook, a CSV of the lines or a
    /// mediaplanschema 3.0 document (`NAME.mediaplan.json`), by the output's name.
    Export(export::ExportArgs),
    /// A Hill response curve fitted to two or three known points (spend → result).
    Fit(fit::FitArgs),
    /// Import a plan from XLSX, CSV (Flightplan's own or any media-plan spreadsheet through a
    /// column mapping) or a mediaplanschema 2.0/3.0 document.
    Import(import::ImportArgs),
    /// What a block pasted from a spreadsheet onto a plan's line grid reads as (header row,
    /// columns by name, dates by date order, every problem), or the plan with it placed.
    Paste(paste::PasteArgs),
    /// The line grid's fill-down (Ctrl+D) or fill-right (Ctrl+R) through the core: the filled
    /// plan, or the refusal.
    Fill(fill::FillArgs),
    /// Write one insertion-order PDF per vendor of the direct and offline lines.
    Io(io::IoArgs),
    /// Show each line's launch checklist and status, or move a line (live is gated).
    Launch(launch::LaunchArgs),
    /// Print every line's campaign name under the plan's naming convention.
    Names(names::NamesArgs),
    /// Planned, delivered and invoiced per vendor and month, with discrepancies flagged.
    Reconcile(reconcile::ReconcileArgs),
    /// Update a plan from its spreadsheet sent back (XLSX or CSV): the file's changes taken,
    /// what a spreadsheet does not carry kept; prints every figure that changes.
    Update(update::UpdateArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    FORCE.store(cli.force, Ordering::Relaxed);
    JSON_ERRORS.store(cli.errors.json(), Ordering::Relaxed);
    // The backstop: a bug must still end as one `{code, message}` line, never a Rust panic
    // message, and never with a partial file (every write is staged and renamed).
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let what =
            info.payload().downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| info.payload().downcast_ref::<String>().cloned()).unwrap_or_default();
        report(&Error::new(
            "internal",
            format!("Flightplan stopped on an internal error ({what}{at}); nothing was written. Please report it with the file that caused it."),
        ));
    }));
    let result = std::panic::catch_unwind(move || run(cli.command)).unwrap_or_else(|_| Err(Vec::new()));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(errors) => {
            for e in errors {
                report(&e);
            }
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<(), Vec<Error>> {
    match command {
        Command::Compute { plan, day } => plan_file::compute(&plan, &day),
        Command::Validate { plan } => plan_file::validate(&plan),
        Command::Demo => write_stdout(flightplan_core::SAMPLE_PLAN_JSON),
        Command::Catalogue(args) => catalogue::run(args),
        Command::Library(args) => library::run(args),
        Command::Actuals(args) => actuals::run(args),
        Command::Pacing(args) => pacing::run(args),
        Command::RollForward(args) => roll_forward::run(args),
        Command::Check(args) => check::run(args),
        Command::Allocate(args) => allocate::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Comment(args) => comment::run(args),
        Command::Export(args) => export::run(args),
        Command::Fit(args) => fit::run(args),
        Command::Import(args) => import::run(args),
        Command::Io(args) => io::run(args),
        Command::Paste(args) => paste::run(args),
        Command::Fill(args) => fill::run(args),
        Command::Launch(args) => launch::run(args),
        Command::Names(args) => names::run(args),
        Command::Reconcile(args) => reconcile::run(args),
        Command::Update(args) => update::run(args),
    }
}

/// Print an error to stderr as one line: JSON (`{code, message, path?, line?, file?, …}`) or
/// readable text, by `--errors`. A closed stderr is ignored: there is nowhere left to say anything.
pub fn report(e: &Error) {
    let text = if JSON_ERRORS.load(Ordering::Relaxed) { errors::json(e) } else { errors::text(e) };
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Print a value as pretty JSON on stdout.
pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Vec<Error>> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| vec![Error::new("internal", format!("could not write JSON: {e}"))])?;
    text.push('\n');
    write_stdout(&text)
}

/// The exit status of a program whose reader went away (128 + SIGPIPE), as shells report it.
const BROKEN_PIPE_STATUS: i32 = 141;

/// Write `text` to stdout. A reader that stopped reading (`| head`) ends the program quietly with
/// the broken-pipe status; any other failure (a full disk) is an `output_failed` error.
pub fn write_stdout(text: &str) -> Result<(), Vec<Error>> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(BROKEN_PIPE_STATUS),
        Err(e) => Err(vec![Error::new("output_failed", format!("could not write the output ({e})"))]),
    }
}
