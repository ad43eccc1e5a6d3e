//! How the CLI says an error: one JSON object per line for scripts, or one readable line for a
//! planner at a terminal, composed from the error's fields (the message never holds the place).

use flightplan_core::Error;
use std::io::IsTerminal;

/// `--errors`: how errors are written to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ErrorStyle {
    /// Text on a terminal, JSON otherwise (a script, a pipe, a file).
    Auto,
    /// One readable line per error: `plan.json, lines[2].rate (line "tv-1"): … (code)`.
    Text,
    /// One `{code, message, path?, line?, file?, sheet?, row?, json_line?, json_column?}` object
    /// per line.
    Json,
}

impl ErrorStyle {
    /// Whether errors are written as JSON, `Auto` deciding by whether stderr is a terminal.
    pub fn json(self) -> bool {
        match self {
            ErrorStyle::Auto => !std::io::stderr().is_terminal(),
            ErrorStyle::Text => false,
            ErrorStyle::Json => true,
        }
    }
}

/// Where the error is, said from its fields: `plan.json:3:5`, `report.csv, row 12`,
/// `agency.xlsx, sheet "Mix", row 7, column "Budget", Mix!E7`, `lines[2].rate (line "tv-1")`; empty when the
/// error names no place.
pub fn place(e: &Error) -> String {
    let mut parts = Vec::new();
    match (&e.file, e.json_line, e.json_column) {
        (Some(f), Some(l), Some(c)) => parts.push(format!("{f}:{l}:{c}")),
        (Some(f), Some(l), None) => parts.push(format!("{f}:{l}")),
        (Some(f), None, _) => parts.push(f.clone()),
        (None, Some(l), Some(c)) => parts.push(format!("JSON line {l}, column {c}")),
        (None, Some(l), None) => parts.push(format!("JSON line {l}")),
        (None, None, _) => {}
    }
    if let Some(s) = &e.sheet {
        parts.push(format!("sheet \"{s}\""));
    }
    if let Some(r) = e.row {
        parts.push(format!("row {r}"));
    }
    if let Some(c) = &e.column {
        parts.push(format!("column \"{c}\""));
    }
    match (&e.path, &e.line) {
        (Some(p), Some(l)) => parts.push(format!("{p} (line \"{l}\")")),
        (Some(p), None) => parts.push(p.clone()),
        (None, Some(l)) => parts.push(format!("line \"{l}\"")),
        (None, None) => {}
    }
    parts.join(", ")
}

/// The readable line: the place, the message, the code: `lines[2].rate (line "tv-1"): the rate
/// is negative (negative_value)`.
pub fn text(e: &Error) -> String {
    let at = place(e);
    if at.is_empty() {
        format!("{} ({})", e.message, e.code)
    } else {
        format!("{at}: {} ({})", e.message, e.code)
    }
}

/// The JSON line scripts read.
pub fn json(e: &Error) -> String {
    serde_json::to_string(e).unwrap_or_else(|_| format!("{{\"code\":\"{}\"}}", e.code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: serde_json::Value) -> Error {
        serde_json::from_value(json).unwrap()
    }

    /// Each error as its fields, and the line a planner reads.
    #[test]
    fn an_error_is_said_from_its_fields() {
        let cases = [
            (
                serde_json::json!({"code": "negative_value", "message": "-5 is negative", "path": "lines[2].rate", "line": "tv-1"}),
                "lines[2].rate (line \"tv-1\"): -5 is negative (negative_value)",
            ),
            (
                serde_json::json!({"code": "missing_field", "message": "the plan needs a name", "path": "name", "file": "plan.json"}),
                "plan.json, name: the plan needs a name (missing_field)",
            ),
            (
                serde_json::json!({"code": "invalid_json", "message": "the JSON is malformed", "file": "plan.json", "json_line": 3, "json_column": 5}),
                "plan.json:3:5: the JSON is malformed (invalid_json)",
            ),
            (
                serde_json::json!({"code": "invalid_field", "message": "invalid type: string \"x\", expected a decimal", "path": "budget", "json_line": 4, "json_column": 17}),
                "JSON line 4, column 17, budget: invalid type: string \"x\", expected a decimal (invalid_field)",
            ),
            (
                serde_json::json!({"code": "bad_date", "message": "\"31/02\" is not a date", "file": "report.csv", "row": 12, "column": "Day"}),
                "report.csv, row 12, column \"Day\": \"31/02\" is not a date (bad_date)",
            ),
            (
                serde_json::json!({"code": "bad_amount", "message": "\"abc\" is not an amount", "file": "agency.xlsx", "sheet": "Mix", "row": 7, "path": "Mix!E7", "line": "meta"}),
                "agency.xlsx, sheet \"Mix\", row 7, Mix!E7 (line \"meta\"): \"abc\" is not an amount (bad_amount)",
            ),
            (
                serde_json::json!({"code": "bad_transition", "message": "a planned line cannot move to ended", "line": "tv-1"}),
                "line \"tv-1\": a planned line cannot move to ended (bad_transition)",
            ),
            (
                serde_json::json!({"code": "overflow", "message": "the budget is too large to compute exactly"}),
                "the budget is too large to compute exactly (overflow)",
            ),
        ];
        for (fields, said) in cases {
            assert_eq!(text(&err(fields.clone())), said, "{fields}");
        }
    }

    #[test]
    fn the_json_line_keeps_every_field() {
        let e = err(serde_json::json!({"code": "invalid_json", "message": "m", "file": "p.json", "json_line": 3, "json_column": 5}));
        let back: serde_json::Value = serde_json::from_str(&json(&e)).unwrap();
        assert_eq!(back, serde_json::json!({"code": "invalid_json", "message": "m", "file": "p.json", "json_line": 3, "json_column": 5}));
    }
}
