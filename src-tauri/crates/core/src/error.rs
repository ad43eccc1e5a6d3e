//! Errors that reach a planner as `{code, message, …where}`.
//!
//! Every error a file or a user can cause is a value, never a panic. The message is one plain
//! sentence; *where* it is lives in fields beside it: `path` names the JSON field
//! (`lines[2].rate`) or the cell (`Mix!E7`), `line` the plan line's id, `file`, `sheet`, `row`
//! and `column` (its header) the place in an imported file, `json_line`/`json_column` the position of a JSON syntax or type
//! error. Each ring composes what it shows from these fields (the UI puts the message by the
//! field; the CLI prints `lines[2].rate (line "tv-1"): …`), so no ring ever takes a message apart.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A user-facing error. `code` is stable (tests and the UI match on it); `message` is plain words
/// without the place, which the other fields carry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Error {
    pub code: String,
    pub message: String,
    /// The JSON path of the field (`lines[2].rate`), or a cell of an imported sheet (`Mix!E7`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub path: Option<String>,
    /// The id of the plan line the error is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub line: Option<String>,
    /// The file the error is in, as the planner named or picked it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub file: Option<String>,
    /// The sheet of a workbook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub sheet: Option<String>,
    /// The 1-based row of a sheet (for a CSV or text file, its line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub row: Option<u32>,
    /// The header of the column the cell is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub column: Option<String>,
    /// The 1-based line of the JSON text where reading stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub json_line: Option<u32>,
    /// The 1-based column of the JSON text where reading stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub json_column: Option<u32>,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Error { code: code.to_string(), message: message.into(), ..Error::default() }
    }

    /// An error about one field of the plan file: the path is a field, not part of the message.
    pub fn at(code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error { path: Some(path.into()), ..Error::new(code, message) }
    }

    /// Attach the id of the line the error is about (the first one given stays).
    pub fn on_line(mut self, id: &str) -> Self {
        if self.line.is_none() {
            self.line = Some(id.to_string());
        }
        self
    }

    /// Attach the file the error is in (the first one given stays).
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        if self.file.is_none() {
            self.file = Some(file.into());
        }
        self
    }

    /// Attach a sheet and row of an imported file.
    pub fn at_row(mut self, sheet: Option<&str>, row: usize) -> Self {
        self.sheet = sheet.filter(|s| !s.is_empty()).map(str::to_string);
        self.row = u32::try_from(row).ok();
        self
    }

    /// Attach the header of the column the error is in.
    pub fn in_column(mut self, header: impl Into<String>) -> Self {
        self.column = Some(header.into());
        self
    }

    /// Where serde_json stopped reading (1-based line and column; 0 means unknown).
    pub fn at_json(mut self, line: usize, column: usize) -> Self {
        self.json_line = u32::try_from(line).ok().filter(|l| *l > 0);
        self.json_column = u32::try_from(column).ok().filter(|c| *c > 0);
        self
    }

    /// A JSON text that does not read: the position as fields, serde's own words as the message
    /// (without its " at line L column C", which the fields say).
    pub fn json(code: &str, what: &str, e: &serde_json::Error) -> Self {
        Error::new(code, format!("{what} ({})", without_position(&e.to_string()))).at_json(e.line(), e.column())
    }

    /// Arithmetic that would not fit in a decimal: reported, never a panic.
    pub fn overflow(what: &str) -> Self {
        Error::new("overflow", format!("{what} is too large to compute exactly"))
    }
}

/// serde_json's message without the " at line L column C" it ends with.
pub(crate) fn without_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) if msg[i..].contains(" column ") => msg[..i].to_string(),
        _ => msg.to_string(),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for Error {}
