//! Helpers shared by the CLI's end-to-end tests: run the real `flightplan` binary and read its
//! JSON answer or its first `{code, message}` error.

#![allow(dead_code)]

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flightplan")).args(args).output().unwrap()
}

pub fn ok_json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

pub fn err_json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(!out.status.success(), "{args:?} should fail");
    let text = String::from_utf8_lossy(&out.stderr);
    serde_json::from_str(text.lines().next().unwrap()).unwrap()
}

pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}
