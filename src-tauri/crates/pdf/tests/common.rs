//! Shared helpers for the PDF tests: fixture plans and the poppler/qpdf command-line tools.
#![allow(dead_code)]

use chrono::NaiveDate;
use flightplan_core::plan::Plan;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures")
}

pub fn fixture(name: &str) -> Plan {
    let path = fixtures_dir().join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    flightplan_core::parse_plan(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn prepared_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

/// Run a tool on a file and return its stdout; panics with stderr on failure.
pub fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().unwrap_or_else(|e| panic!("{cmd} is not installed: {e}"));
    assert!(out.status.success(), "{cmd} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text without any whitespace, so words split across runs or lines still match.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
