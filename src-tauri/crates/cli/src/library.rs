//! `flightplan library …`: the plan library from the command line (import, list, show, export,
//! delete, restore, snapshot, versions).

use crate::plan_file::load;
use crate::print_json;
use clap::{Args, Subcommand};
use flightplan_core::{compute, write_plan, Error};
use flightplan_store::{Library, PlanId};
use std::path::PathBuf;

#[derive(Args)]
pub struct LibraryArgs {
    /// The library file. Defaults to $FLIGHTPLAN_LIBRARY, else the desktop app's library.
    #[arg(long, global = true)]
    library: Option<PathBuf>,
    #[command(subcommand)]
    command: LibraryCommand,
}

#[derive(Subcommand)]
enum LibraryCommand {
    /// Add a plan file to the library; prints its id.
    Import { plan: PathBuf },
    /// List the plans in the library.
    List,
    /// Print a plan with its costing.
    Show { id: PlanId },
    /// Write a plan as flightplan/1 JSON (to stdout, or to a file with -o).
    Export {
        id: PlanId,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Delete a plan (it can be restored until purged).
    Delete {
        id: PlanId,
        /// Remove it for good, with its versions.
        #[arg(long)]
        purge: bool,
    },
    /// Bring back a deleted plan.
    Restore { id: PlanId },
    /// Take a named snapshot ("version") of a plan.
    Snapshot { id: PlanId, name: String },
    /// List a plan's snapshots.
    Versions { id: PlanId },
}

/// The library shared with the desktop app: `$FLIGHTPLAN_LIBRARY`, else the app's data folder.
pub fn default_library_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FLIGHTPLAN_LIBRARY") {
        return Some(PathBuf::from(p));
    }
    directories::BaseDirs::new().map(|d| d.data_dir().join(crate::APP_IDENTIFIER).join("library.sqlite3"))
}

fn open(path: Option<PathBuf>) -> Result<Library, Vec<Error>> {
    let path = path
        .or_else(default_library_path)
        .ok_or_else(|| vec![Error::new("library_path", "no home folder found: pass --library PATH")])?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| vec![Error::new("library_io", format!("{}: {e}", dir.display()))])?;
    }
    Library::open(&path).map_err(|e| vec![e])
}

pub fn run(args: LibraryArgs) -> Result<(), Vec<Error>> {
    let now = chrono::Utc::now();
    let one = |e: Error| vec![e];
    match args.command {
        LibraryCommand::Import { plan } => {
            // Read and check the file before touching the library: nothing partial is written.
            let plan = load(&plan)?;
            compute(&plan).map_err(one)?;
            let mut lib = open(args.library)?;
            let id = lib.import(&plan, now).map_err(one)?;
            print_json(&serde_json::json!({ "id": id, "name": plan.name }))
        }
        LibraryCommand::List => print_json(&open(args.library)?.list().map_err(one)?),
        LibraryCommand::Show { id } => {
            let plan = open(args.library)?.get(id).map_err(one)?;
            let view = compute(&plan).map_err(one)?;
            print_json(&serde_json::json!({ "id": id, "plan": plan, "view": view }))
        }
        LibraryCommand::Export { id, output } => {
            let plan = open(args.library)?.get(id).map_err(one)?;
            let text = write_plan(&plan);
            match output {
                None => crate::write_stdout(&format!("{text}\n")),
                Some(path) => crate::plan_file::write_atomically(&path, text.as_bytes()).map_err(one),
            }
        }
        LibraryCommand::Delete { id, purge } => {
            let mut lib = open(args.library)?;
            if purge {
                lib.purge(id).map_err(one)?;
            } else {
                lib.delete(id, now).map_err(one)?;
            }
            print_json(&serde_json::json!({ "deleted": id, "purged": purge }))
        }
        LibraryCommand::Restore { id } => {
            open(args.library)?.restore(id).map_err(one)?;
            print_json(&serde_json::json!({ "restored": id }))
        }
        LibraryCommand::Snapshot { id, name } => {
            let version = open(args.library)?.snapshot(id, &name, now).map_err(one)?;
            print_json(&serde_json::json!({ "plan": id, "version": version, "name": name }))
        }
        LibraryCommand::Versions { id } => print_json(&open(args.library)?.versions(id).map_err(one)?),
    }
}
