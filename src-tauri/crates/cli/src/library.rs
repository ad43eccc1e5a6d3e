//! `flightplan library …`: the plan library from the command line (import, new, list, show,
//! export, delete, restore, snapshot, versions, status moves and approval, revisions, changes
//! since approval, the rate card).

use crate::plan_file::load;
use crate::print_json;
use clap::{Args, Subcommand, ValueEnum};
use flightplan_core::plan::PlanStatus;
use flightplan_core::{blank_plan, compute, write_plan, Error};
use flightplan_store::{Library, PlanId};
use std::path::PathBuf;

#[derive(Args)]
pub struct LibraryArgs {
    /// The library file. Defaults to $FLIGHTPLAN_LIBRARY, else the desktop app's library.
    #[arg(long, global = true)]
    library: Option<PathBuf>,
    /// The moment to record (approvals, versions, saves) instead of the clock, RFC 3339: for
    /// scripts and reproducible test fixtures.
    #[arg(long, global = true, value_name = "RFC3339")]
    now: Option<String>,
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
    /// Start a new blank plan (no fees unless the rate card saves default fees); prints its id.
    New {
        /// Today, for the plan's quarter (starts the Monday after); defaults to the clock.
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
    /// Move a plan: draft → proposed → approved → live → closed (approving records --by and
    /// takes an approved version; the plan is then locked).
    Status {
        id: PlanId,
        #[arg(long, value_enum)]
        to: StatusArg,
        /// Who approves (required with --to approved).
        #[arg(long, default_value = "")]
        by: String,
    },
    /// Save a plan file over plan ID (an approved plan's lock applies: only what stays editable,
    /// or a revision).
    Save { id: PlanId, plan: PathBuf },
    /// Start a revision of an approved plan: a draft with the next version number.
    Revise { id: PlanId },
    /// What changed since the plan was last approved, figure by figure.
    Changes { id: PlanId },
    /// The rate card: channels, default rates and default fees, kept across plans.
    Rates(crate::rates::RatesArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub enum StatusArg {
    Draft,
    Proposed,
    Approved,
    Live,
    Closed,
}

impl From<StatusArg> for PlanStatus {
    fn from(s: StatusArg) -> PlanStatus {
        match s {
            StatusArg::Draft => PlanStatus::Draft,
            StatusArg::Proposed => PlanStatus::Proposed,
            StatusArg::Approved => PlanStatus::Approved,
            StatusArg::Live => PlanStatus::Live,
            StatusArg::Closed => PlanStatus::Closed,
        }
    }
}

/// The library shared with the desktop app: `$FLIGHTPLAN_LIBRARY`, else the app's data folder.
pub fn default_library_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FLIGHTPLAN_LIBRARY") {
        return Some(PathBuf::from(p));
    }
    directories::BaseDirs::new().map(|d| d.data_dir().join(crate::APP_IDENTIFIER).join("library.sqlite3"))
}

pub fn open(path: Option<PathBuf>) -> Result<Library, Vec<Error>> {
    let path = path.or_else(default_library_path).ok_or_else(|| vec![Error::new("library_path", "no home folder found: pass --library PATH")])?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| vec![Error::new("library_io", format!("{}: {e}", dir.display()))])?;
    }
    Library::open(&path).map_err(|e| vec![e])
}

pub fn run(args: LibraryArgs) -> Result<(), Vec<Error>> {
    let now = match &args.now {
        None => chrono::Utc::now(),
        Some(t) => chrono::DateTime::parse_from_rfc3339(t)
            .map_err(|e| vec![Error::at("invalid_field", "--now", format!("\"{t}\" is not an RFC 3339 time ({e})"))])?
            .with_timezone(&chrono::Utc),
    };
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
        LibraryCommand::New { today } => {
            let today = match today {
                Some(t) => flightplan_core::date::parse(&t).map_err(|m| vec![Error::at("invalid_field", "--today", m)])?,
                None => now.date_naive(),
            };
            let mut lib = open(args.library)?;
            let plan = blank_plan(today, &lib.rate_card().map_err(one)?.card);
            let id = lib.import(&plan, now).map_err(one)?;
            print_json(&serde_json::json!({ "id": id, "plan": plan }))
        }
        LibraryCommand::Status { id, to, by } => {
            let plan = open(args.library)?.set_status(id, to.into(), &by, now).map_err(one)?;
            print_json(&serde_json::json!({
                "id": id,
                "status": plan.status,
                "version": plan.version,
                "approval": plan.approval,
                "locked": flightplan_core::approval::is_locked(plan.status),
                "moves": flightplan_core::approval::moves(plan.status),
            }))
        }
        LibraryCommand::Save { id, plan } => {
            let plan = load(&plan)?;
            compute(&plan).map_err(one)?;
            open(args.library)?.save(id, &plan, now).map_err(one)?;
            print_json(&serde_json::json!({ "saved": id, "status": plan.status, "version": plan.version }))
        }
        LibraryCommand::Revise { id } => {
            let plan = open(args.library)?.start_revision(id, now).map_err(one)?;
            print_json(&serde_json::json!({ "id": id, "status": plan.status, "version": plan.version, "revises": plan.revises }))
        }
        LibraryCommand::Changes { id } => print_json(&open(args.library)?.changes_since_approval(id).map_err(one)?),
        LibraryCommand::Rates(rates) => crate::rates::run(args.library, rates, now),
    }
}
