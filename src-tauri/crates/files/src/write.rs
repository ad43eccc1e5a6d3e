//! Writes that are whole or absent.
//!
//! Every file is written to a new temporary file in the target's own folder (created
//! exclusively, so nothing at that name is followed or reused), flushed to disk, then renamed
//! over the target and the folder flushed. On any failure the temporary file is removed. What
//! may be replaced is checked first: an existing regular file the planner can write is replaced
//! (the save dialog, or the command line, already named it); a symlink or a read-only file only
//! when the planner forces it; a folder or a device never.

use flightplan_core::Error;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// What an existing target may be for a write to replace it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// A regular file the planner can write; anything else is refused.
    RegularOnly,
    /// Also a symlink (the link itself is replaced, its target is untouched) or a read-only
    /// file: the planner asked for it (`--force`). Folders and devices are still refused.
    Forced,
}

/// An error about the file at `path`: the file is the error's `file` field, never part of the
/// message, so each ring says where it is its own way.
fn error(code: &str, path: &Path, message: String) -> Error {
    Error::new(code, message).in_file(path.display().to_string())
}

/// `what` is what failed, said of the file: "write the file", "create the folder".
fn unwritable(path: &Path, what: &str, e: std::io::Error) -> Error {
    error("file_unwritable", path, format!("could not {what} ({e})"))
}

/// Check that whatever is at `path` now may be replaced.
fn check_target(path: &Path, replace: Replace) -> Result<(), Error> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(unwritable(path, "check the file", e)),
    };
    let refuse = |why: &str, hint: &str| Err(error("target_not_replaced", path, format!("it {why}, so it was not replaced{hint}")));
    let ft = meta.file_type();
    if ft.is_symlink() {
        return match replace {
            Replace::Forced => Ok(()),
            Replace::RegularOnly => refuse("is a symbolic link", ": choose another name, or force the write to replace the link"),
        };
    }
    if ft.is_dir() {
        return refuse("is a folder", "");
    }
    if !ft.is_file() {
        return refuse("is a device or other special file", "");
    }
    if meta.permissions().readonly() && replace == Replace::RegularOnly {
        return refuse("is read-only", ": choose another name, or force the write to replace it");
    }
    Ok(())
}

/// The folder a file at `path` lives in.
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> Result<String, Error> {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).ok_or_else(|| error("file_unwritable", path, "this is not the name of a file".to_string()))
}

/// A fresh temporary file beside `path`, created exclusively.
fn temporary(path: &Path) -> Result<(PathBuf, File), Error> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let dir = folder_of(path);
    let name = file_name(path)?;
    for _ in 0..16 {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(unwritable(path, "write the file", e)),
        }
    }
    Err(error("file_unwritable", path, "could not find a free temporary name beside the file".to_string()))
}

/// Write `bytes` to a new temporary file beside `path` and flush it; the caller renames it.
fn stage(path: &Path, bytes: &[u8]) -> Result<PathBuf, Error> {
    let (tmp, mut file) = temporary(path)?;
    let written = file.write_all(bytes).and_then(|_| file.sync_all());
    drop(file);
    match written {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(unwritable(path, "write the file", e))
        }
    }
}

/// Flush a folder's entries (the renames) to disk where the system supports it.
fn sync_folder(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Write `bytes` to `path` whole or not at all. The folder must exist.
pub fn write_file(path: &Path, bytes: &[u8], replace: Replace) -> Result<(), Error> {
    check_target(path, replace)?;
    let tmp = stage(path, bytes)?;
    if let Err(e) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(unwritable(path, "replace the file", e));
    }
    sync_folder(&folder_of(path));
    Ok(())
}

/// Write every `(name, bytes)` into `dir` (created if missing), all or nothing: each file is
/// staged first; then existing targets are moved aside, the new files renamed in, and the old
/// ones removed. If anything fails, the new files are removed and the old ones put back.
/// Names must be unique (ignoring case, as Windows and macOS do) and plain file names.
pub fn write_set(dir: &Path, files: &[(String, Vec<u8>)], replace: Replace) -> Result<Vec<PathBuf>, Error> {
    let mut seen = std::collections::HashSet::new();
    for (name, _) in files {
        let plain = Path::new(name).file_name().is_some_and(|n| n == name.as_str()) && !name.starts_with('.');
        if !plain {
            return Err(error("file_unwritable", dir, format!("\"{name}\" is not a plain file name")));
        }
        if !seen.insert(name.to_lowercase()) {
            return Err(error("file_unwritable", dir, format!("two files would both be named \"{name}\"")));
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| unwritable(dir, "create the folder", e))?;
    let targets: Vec<PathBuf> = files.iter().map(|(n, _)| dir.join(n)).collect();
    for t in &targets {
        check_target(t, replace)?;
    }
    // 1. Stage every new file.
    let mut staged: Vec<PathBuf> = Vec::with_capacity(files.len());
    for (t, (_, bytes)) in targets.iter().zip(files) {
        match stage(t, bytes) {
            Ok(tmp) => staged.push(tmp),
            Err(e) => {
                staged.iter().for_each(|s| drop(std::fs::remove_file(s)));
                return Err(e);
            }
        }
    }
    // 2. Move existing targets aside, 3. rename the new files in; undo everything on failure.
    let mut aside: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut placed: Vec<PathBuf> = Vec::new();
    let undo = |aside: &[(PathBuf, PathBuf)], placed: &[PathBuf], staged: &[PathBuf]| {
        placed.iter().for_each(|p| drop(std::fs::remove_file(p)));
        aside.iter().for_each(|(old, kept)| drop(std::fs::rename(kept, old)));
        staged.iter().for_each(|s| drop(std::fs::remove_file(s)));
    };
    for t in &targets {
        if std::fs::symlink_metadata(t).is_ok() {
            let kept = match temporary(t) {
                Ok((kept, f)) => {
                    drop(f);
                    kept
                }
                Err(e) => {
                    undo(&aside, &placed, &staged);
                    return Err(e);
                }
            };
            if let Err(e) = std::fs::rename(t, &kept) {
                let _ = std::fs::remove_file(&kept);
                undo(&aside, &placed, &staged);
                return Err(unwritable(t, "replace the file", e));
            }
            aside.push((t.clone(), kept));
        }
    }
    for (t, s) in targets.iter().zip(&staged) {
        if let Err(e) = std::fs::rename(s, t) {
            undo(&aside, &placed, &staged);
            return Err(unwritable(t, "write the file", e));
        }
        placed.push(t.clone());
    }
    aside.iter().for_each(|(_, kept)| drop(std::fs::remove_file(kept)));
    sync_folder(dir);
    Ok(targets)
}
