//! What went wrong with the library file, in a planner's words.
//!
//! SQLite reports failures as numeric codes; a planner needs to know whether the file is damaged,
//! unreachable, busy in another program or from a newer Flightplan, and which file it is. Every
//! error leaving this crate is a `flightplan_core::Error` with a stable code, a plain sentence and
//! the file in its `file` field (never inside the sentence), so the UI composes what it shows.
//! An in-memory library has no file to name.

use flightplan_core::Error;
use rusqlite::ErrorCode;

/// The file is damaged, truncated or not an SQLite file at all.
pub const CORRUPT: &str = "library_corrupt";
/// The file cannot be read or written (permissions, disk full, missing folder, I/O error).
pub const IO: &str = "library_io";
/// Another program holds the file locked for longer than the busy timeout.
pub const BUSY: &str = "library_busy";
/// A newer Flightplan wrote the file; this build must not touch it.
pub const TOO_NEW: &str = "library_too_new";
/// An SQLite file that is not a Flightplan library.
pub const FOREIGN: &str = "library_foreign";
/// No plan with that id (or it was purged).
pub const PLAN_NOT_FOUND: &str = "plan_not_found";
/// The plan is in the trash; restore it before working on it.
pub const PLAN_DELETED: &str = "plan_deleted";
/// No saved version with that id.
pub const VERSION_NOT_FOUND: &str = "version_not_found";
/// A version needs a name a planner can recognise.
pub const VERSION_NAME: &str = "invalid_version_name";
/// An approved, live or closed plan refuses an edit to what was approved.
pub const PLAN_LOCKED: &str = "plan_locked";
/// The plan has no approved version to compare with.
pub const NOT_APPROVED: &str = "not_approved";

/// Turn an SQLite failure on the library at `label` into a planner-facing error.
pub fn sqlite(label: &str, err: rusqlite::Error) -> Error {
    let code = match err.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => CORRUPT,
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => BUSY,
        _ => IO,
    };
    let message = match code {
        CORRUPT => format!("the plan library is damaged or is not a library file ({err})"),
        BUSY => format!("the plan library is in use by another program; close it and try again ({err})"),
        _ => format!("could not read or write the plan library ({err})"),
    };
    in_library(Error::new(code, message), label)
}

/// Name the library file in the error's `file` field; an in-memory library has none.
pub fn in_library(e: Error, label: &str) -> Error {
    if label == MEMORY {
        e
    } else {
        e.in_file(label)
    }
}

/// The label of a library that lives only in memory.
pub const MEMORY: &str = "(in memory)";

/// Turn a failed schema migration into a planner-facing error.
pub fn migration(label: &str, err: rusqlite_migration::Error) -> Error {
    use rusqlite_migration::{Error as M, MigrationDefinitionError as D};
    match err {
        M::RusqliteError { err, .. } => {
            let e = sqlite(label, err);
            Error { message: format!("upgrading the library failed: {}", e.message), ..e }
        }
        M::MigrationDefinition(D::DatabaseTooFarAhead) => too_new(label, None),
        other => in_library(Error::new(IO, format!("could not upgrade the plan library; it was left as it was ({other})")), label),
    }
}

pub fn too_new(label: &str, version: Option<i64>) -> Error {
    let found = version.map(|v| format!(" (library version {v})")).unwrap_or_default();
    let message = format!(
        "the plan library was written by a newer version of Flightplan{found}; this version knows \
         up to library version {}. Update Flightplan to open it; the file was not changed",
        crate::schema::LATEST
    );
    in_library(Error::new(TOO_NEW, message), label)
}

pub fn plan_not_found(label: &str, id: i64) -> Error {
    in_library(Error::new(PLAN_NOT_FOUND, format!("there is no plan {id} in the plan library")), label)
}

pub fn plan_deleted(id: i64) -> Error {
    Error::new(PLAN_DELETED, format!("plan {id} is in the trash; restore it first"))
}

pub fn version_not_found(label: &str, id: i64) -> Error {
    in_library(Error::new(VERSION_NOT_FOUND, format!("there is no saved version {id} in the plan library")), label)
}

/// A stored plan document that no longer reads as a plan.
pub fn unreadable(label: &str, what: &str, err: Error) -> Error {
    in_library(Error::new(CORRUPT, format!("{what} in the plan library cannot be read: {}", err.message)), label)
}
