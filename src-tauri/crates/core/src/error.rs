//! Errors that reach a planner as `{code, message}`.
//!
//! Every error a file or a user can cause is a value, never a panic. The `path` names the JSON
//! field (`lines[2].rate`) and `line` names the line id, so the UI can put the message next to
//! the field it concerns and the CLI can print it plainly.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A user-facing error. `code` is stable (tests and the UI match on it); `message` is plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Error {
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub line: Option<String>,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Error { code: code.to_string(), message: message.into(), path: None, line: None }
    }

    /// An error about one field of the plan file.
    pub fn at(code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        let path = path.into();
        let message = format!("{path}: {}", message.into());
        Error { code: code.to_string(), message, path: Some(path), line: None }
    }

    /// Attach the id of the line the error is about, and say it in the message.
    pub fn on_line(mut self, id: &str) -> Self {
        if self.line.is_none() {
            self.message = format!("line \"{id}\": {}", self.message);
            self.line = Some(id.to_string());
        }
        self
    }

    /// Arithmetic that would not fit in a decimal: reported, never a panic.
    pub fn overflow(what: &str) -> Self {
        Error::new("overflow", format!("{what} is too large to compute exactly"))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for Error {}
