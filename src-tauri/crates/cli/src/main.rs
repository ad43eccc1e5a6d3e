//! `flightplan`: the headless command line over the planning core and the plan library.
//!
//! Planners and scripts use it to cost, check and export plans without the desktop app, and the
//! test suite uses it end to end. Output is JSON on stdout; errors are `{code, message}` JSON on
//! stderr with a non-zero exit code, and nothing partial is ever written.

mod actuals;
mod allocate;
mod check;
mod compare;
mod export;
mod io;
mod launch;
mod library;
mod names;
mod pacing;
mod plan_file;
mod rates;
mod reconcile;
mod roll_forward;

/// The desktop app's identifier (tauri.conf.json); its data folder holds the shared library.
pub const APP_IDENTIFIER: &str = "com.flightplan.desktop";

use clap::{Parser, Subcommand};
use flightplan_core::Error;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "flightplan", version, about = "Cost, check and export media plans (flightplan/1 JSON).")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Cost a plan: lines, totals, weekly flowchart and findings, as JSON.
    Compute {
        plan: PathBuf,
        /// Also run the date checks (plan not revisited, period ended) as of this day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
    },
    /// Check a plan file and report every problem found.
    Validate { plan: PathBuf },
    /// Print the bundled sample plan (a realistic quarterly plan).
    Demo,
    /// Import platform reports into a plan's actuals.
    Actuals(actuals::ActualsArgs),
    /// Pacing, KPI performance and recommendations as of a day, as JSON.
    Pacing(pacing::PacingArgs),
    /// Write the next period's plan, re-based on this period's actuals.
    RollForward(roll_forward::RollForwardArgs),
    /// Manage the local plan library (a SQLite file).
    Library(library::LibraryArgs),
    /// Check a plan's health: every finding, exit 1 if any is an error.
    Check(check::CheckArgs),
    /// Split the budget to maximise total response on the lines' response curves.
    Allocate(allocate::AllocateArgs),
    /// The plan and each of its scenarios side by side, with the differences, as JSON.
    Compare(compare::CompareArgs),
    /// Export a plan: the one-page PDF, an XLSX workbook or a CSV of the lines (by extension).
    Export(export::ExportArgs),
    /// Write one insertion-order PDF per vendor of the direct and offline lines.
    Io(io::IoArgs),
    /// Show each line's launch checklist and status, or move a line (live is gated).
    Launch(launch::LaunchArgs),
    /// Print every line's campaign name under the plan's naming convention.
    Names(names::NamesArgs),
    /// Planned, delivered and invoiced per vendor and month, with discrepancies flagged.
    Reconcile(reconcile::ReconcileArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Compute { plan, as_of } => plan_file::compute(&plan, as_of.as_deref()),
        Command::Validate { plan } => plan_file::validate(&plan),
        Command::Demo => {
            print!("{}", flightplan_core::SAMPLE_PLAN_JSON);
            Ok(())
        }
        Command::Library(args) => library::run(args),
        Command::Actuals(args) => actuals::run(args),
        Command::Pacing(args) => pacing::run(args),
        Command::RollForward(args) => roll_forward::run(args),
        Command::Check(args) => check::run(args),
        Command::Allocate(args) => allocate::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Export(args) => export::run(args),
        Command::Io(args) => io::run(args),
        Command::Launch(args) => launch::run(args),
        Command::Names(args) => names::run(args),
        Command::Reconcile(args) => reconcile::run(args),
    };
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

/// Print an error to stderr as one line of `{code, message, path?, line?}` JSON.
pub fn report(e: &Error) {
    let text = serde_json::to_string(e).unwrap_or_else(|_| format!("{{\"code\":\"{}\"}}", e.code));
    eprintln!("{text}");
}

/// Print a value as pretty JSON on stdout.
pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Vec<Error>> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| vec![Error::new("internal", format!("could not write JSON: {e}"))])?;
    println!("{text}");
    Ok(())
}
