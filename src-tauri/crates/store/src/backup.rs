//! A consistent copy of the library file, taken while it is open.
//!
//! Before an upgrade changes an existing library, and whenever a planner asks for a copy, the
//! whole file is copied with SQLite's online backup API: the copy is one consistent snapshot even
//! if another Flightplan window is writing, unlike copying the file and its write-ahead log by
//! hand. The copy is written to a temporary name and renamed into place, so a crash never leaves
//! a half-written backup under the real name.

use crate::errors;
use flightplan_core::{Error, Result};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

/// How often a copy that finds the file locked is retried, and how long it waits between tries.
const ATTEMPTS: u32 = 50;
const PAUSE: Duration = Duration::from_millis(100);

/// Copy the main database of `conn` to `dest`, replacing any file there.
pub fn backup_to(conn: &Connection, dest: &Path, label: &str) -> Result<()> {
    let dest_label = dest.display().to_string();
    let io = |e: std::io::Error| Error::new(errors::IO, format!("could not write the library backup ({e})")).in_file(&dest_label);
    let mut tmp_name = dest.as_os_str().to_owned();
    tmp_name.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp_name);
    remove_if_present(&tmp).map_err(io)?;

    let copied = copy(conn, &tmp, label, &dest_label);
    if let Err(e) = copied {
        let _ = remove_if_present(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, dest).map_err(io)?;
    sync_folder(dest);
    Ok(())
}

/// Copy into `tmp`: failures to write name the backup (`dest_label`), a busy source the library.
fn copy(conn: &Connection, tmp: &Path, label: &str, dest_label: &str) -> Result<()> {
    let dest_err = |e| {
        let e = errors::sqlite(dest_label, e);
        Error { message: format!("backing up the plan library failed: {}", e.message), ..e }
    };
    let mut target = Connection::open(tmp).map_err(dest_err)?;
    {
        let backup = Backup::new(conn, &mut target).map_err(dest_err)?;
        let mut attempts = 0;
        // One step of all pages reads the source in a single read transaction: one snapshot.
        loop {
            match backup.step(-1).map_err(|e| errors::sqlite(label, e))? {
                StepResult::Done => break,
                StepResult::More => {}
                StepResult::Busy | StepResult::Locked => {
                    attempts += 1;
                    if attempts >= ATTEMPTS {
                        return Err(errors::sqlite(
                            label,
                            rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY), Some("the backup could not start".into())),
                        ));
                    }
                    std::thread::sleep(PAUSE);
                }
                _ => {}
            }
        }
    }
    // The copied header carries the source's WAL flag; switch the copy back to a rollback
    // journal so the backup is one self-contained file.
    target.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get::<_, String>(0)).map_err(dest_err)?;
    target.close().map_err(|(_, e)| dest_err(e))
}

fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Make the rename durable: on Unix a rename is on disk only once its folder is synced.
fn sync_folder(file: &Path) {
    #[cfg(unix)]
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = file;
}
