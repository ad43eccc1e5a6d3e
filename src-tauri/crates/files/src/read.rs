//! Bounded reads: the size is checked before anything is loaded, and the read itself stops at
//! the limit, so a file that grows while it is read cannot get past it either.

use flightplan_core::Error;
use std::io::Read;
use std::path::Path;

/// The largest plan file read (`flightplan/1`, mediaplan JSON, a plan spreadsheet): 64 MiB.
/// A 3,000-line plan with a year of daily actuals is under 10 MiB.
pub const PLAN_FILE_LIMIT: u64 = 64 * 1024 * 1024;

fn unreadable(path: &Path, e: std::io::Error) -> Error {
    let code = if e.kind() == std::io::ErrorKind::NotFound { "file_not_found" } else { "file_unreadable" };
    Error::new(code, format!("the file could not be read ({e})")).in_file(path.display().to_string())
}

fn too_large(path: &Path, limit: u64, what: &str) -> Error {
    Error::new("file_too_large", format!("a {what} is at most {} MiB; this file is larger", limit / (1024 * 1024))).in_file(path.display().to_string())
}

/// Read at most `limit` bytes of the file at `path`; a larger file is a `file_too_large` error
/// naming `what` ("plan file", "report"), and anything that is not a regular file is refused.
pub fn read_bounded(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>, Error> {
    let file = std::fs::File::open(path).map_err(|e| unreadable(path, e))?;
    let meta = file.metadata().map_err(|e| unreadable(path, e))?;
    if meta.is_dir() {
        return Err(Error::new("file_unreadable", format!("this is a folder, not a {what}")).in_file(path.display().to_string()));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(too_large(path, limit, what));
    }
    let mut bytes = Vec::with_capacity(if meta.is_file() { meta.len() as usize } else { 0 });
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| unreadable(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, limit, what));
    }
    Ok(bytes)
}

/// [`read_bounded`] for UTF-8 text (a BOM is dropped); other bytes are an `invalid_text` error.
pub fn read_text_bounded(path: &Path, limit: u64, what: &str) -> Result<String, Error> {
    let bytes = read_bounded(path, limit, what)?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").map(<[u8]>::to_vec).unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| {
        Error::new("invalid_text", format!("a {what} is UTF-8 text, but byte {} is not", e.utf8_error().valid_up_to() + 1)).in_file(path.display().to_string())
    })
}
