//! The plan library the desktop app works on: which file it is, opening it once at start-up, and
//! sharing it between commands.
//!
//! A planner's first launch should land on a real, costed plan rather than an empty screen, so
//! a library file created on this start is seeded with the bundled sample plan. A library that
//! cannot be opened (damaged, locked, from a newer version) must not stop the app from starting:
//! the error is kept and every command answers with it, so the UI can say what is wrong with
//! which file.

use chrono::{DateTime, Utc};
use flightplan_core::{sample_plan, Error, Result};
use flightplan_store::Library;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The environment variable that points the app at a library file (tests, demos, a shared drive).
pub const LIBRARY_ENV: &str = "FLIGHTPLAN_LIBRARY";

/// The library's file name inside the app's data folder.
pub const LIBRARY_FILE: &str = "library.sqlite3";

/// Where the library lives: `FLIGHTPLAN_LIBRARY` if set and not empty, else
/// `<app data dir>/library.sqlite3`.
pub fn library_path(env_value: Option<std::ffi::OsString>, app_data_dir: impl FnOnce() -> Result<PathBuf>) -> Result<PathBuf> {
    match env_value {
        Some(v) if !v.is_empty() => Ok(PathBuf::from(v)),
        _ => Ok(app_data_dir()?.join(LIBRARY_FILE)),
    }
}

/// The open library as Tauri managed state. Commands lock it for the length of one call.
pub struct PlanLibrary {
    path: PathBuf,
    library: Mutex<std::result::Result<Library, Error>>,
}

impl PlanLibrary {
    /// Open (creating if needed) the library at `path`. A file that did not exist before gets the
    /// sample plan, imported at `now`. Never fails: an error is kept and returned by [`Self::with`].
    pub fn open(path: &Path, now: DateTime<Utc>) -> PlanLibrary {
        let opened = open_seeded(path, now);
        PlanLibrary { path: path.to_path_buf(), library: Mutex::new(opened) }
    }

    /// A library that failed before it could be opened (e.g. no app data folder).
    pub fn unavailable(path: PathBuf, error: Error) -> PlanLibrary {
        PlanLibrary { path, library: Mutex::new(Err(error)) }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Run `f` on the open library, or return why it is not open. A command that panicked while
    /// holding the library left it as its last transaction did (SQLite rolled back whatever was
    /// half done), so the next command carries on with it.
    pub fn with<T>(&self, f: impl FnOnce(&mut Library) -> Result<T>) -> Result<T> {
        let mut guard = self.library.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match &mut *guard {
            Ok(library) => f(library),
            Err(e) => Err(e.clone()),
        }
    }
}

fn open_seeded(path: &Path, now: DateTime<Utc>) -> Result<Library> {
    let first_start = !path.exists();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::new("library_io", format!("could not create the folder for the plan library ({e})")).in_file(path.display().to_string()))?;
    }
    let mut library = Library::open(path)?;
    if first_start && library.list()?.is_empty() {
        library.import(&sample_plan(), now)?;
    }
    Ok(library)
}
