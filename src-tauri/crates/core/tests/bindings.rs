//! The UI's TypeScript bindings for the core's IPC types are committed in `ui/src/bindings/`;
//! this fails when they no longer match the Rust types. `UPDATE_BINDINGS=1` rewrites them.
#![cfg(feature = "ts")]

use flightplan_core::bindings::{core, ui_dir};

#[test]
fn bindings_are_fresh() {
    let bindings = core();
    for name in ["Plan.ts", "Line.ts", "PlanView.ts", "Totals.ts", "Finding.ts", "Error.ts", "Comparison.ts"] {
        assert!(bindings.files().contains_key(name), "{name} not generated");
    }
    if let Err(e) = bindings.sync(&ui_dir(env!("CARGO_MANIFEST_DIR")), false) {
        panic!("{e}");
    }
}

#[test]
fn bindings_carry_decimals_and_dates_as_strings() {
    let files = core();
    let files = files.files();
    let plan = &files["Plan.ts"];
    assert!(plan.contains("budget: string,"), "{plan}");
    assert!(plan.contains("start: string,"), "{plan}");
    assert!(plan.contains("universe?: string,"), "{plan}");
    assert!(plan.contains("brand?: string,"), "{plan}");
    assert!(plan.contains("goal?: Goal,"), "{plan}");
    let line_view = &files["LineView.ts"];
    assert!(line_view.contains("rate: string | null,"), "{line_view}");
    assert!(line_view.contains("net: string,"), "{line_view}");
    assert!(!files.values().any(|f| f.contains("bigint")));
}

/// The bindings describe the JSON the core really sends: every key of the sample plan, its
/// costed view and a scenario comparison is declared, every required field is present, and each
/// value has the declared type (decimals and dates are strings).
#[test]
fn bindings_match_the_json_the_core_sends() {
    use flightplan_core::{compute, sample_plan, scenario::compare};
    use serde_json::{json, Value};

    let bindings = core();
    let files = bindings.files();
    let mut plan = sample_plan();
    let first = plan.lines[0].id.clone();
    let mut with_scenario = serde_json::to_value(&plan).unwrap();
    with_scenario["scenarios"] = json!([{"name": "Cheaper clicks", "presented": true, "lines": [{"id": first, "rate": "0.90"}]}]);
    plan = serde_json::from_value(with_scenario).unwrap();

    let view = compute(&plan).unwrap();
    let comparison = compare(&plan).unwrap();
    let mut problems = Vec::new();
    check(files, "Plan", &serde_json::to_value(&plan).unwrap(), "plan", &mut problems);
    check(files, "PlanView", &serde_json::to_value(&view).unwrap(), "view", &mut problems);
    check(files, "Comparison", &serde_json::to_value(&comparison).unwrap(), "comparison", &mut problems);
    let err = flightplan_core::Error::at("bad", "lines[0].rate", "wrong").on_line("x");
    check(files, "Error", &serde_json::to_value(&err).unwrap(), "error", &mut problems);
    check(files, "Error", &json!({"code": "c", "message": "m"}), "bare error", &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The checker itself catches a number where a decimal string belongs, an undeclared key and
    // a missing required field.
    let mut caught = Vec::new();
    check(files, "LineWeek", &json!({"week_start": "2027-01-04", "net": 12.5, "extra": 1}), "week", &mut caught);
    assert_eq!(caught.len(), 3, "{caught:?}");

    /// Check `value` against the TypeScript type `ty` (a generated type's name or a type
    /// expression), recording each mismatch with its JSON path.
    fn check(files: &std::collections::BTreeMap<String, String>, ty: &str, value: &Value, at: &str, problems: &mut Vec<String>) {
        let ty = ty.trim();
        if let Some(inner) = ty.strip_suffix(" | null") {
            if !value.is_null() {
                check(files, inner, value, at, problems);
            }
            return;
        }
        if let Some(inner) = ty.strip_prefix("Array<").and_then(|t| t.strip_suffix('>')) {
            match value.as_array() {
                Some(items) => {
                    for (i, v) in items.iter().enumerate() {
                        check(files, inner, v, &format!("{at}[{i}]"), problems);
                    }
                }
                None => problems.push(format!("{at}: {value} is not an array")),
            }
            return;
        }
        let ok = match ty {
            "string" => value.is_string(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "unknown" => true,
            _ => {
                let Some(decl) = files.get(&format!("{ty}.ts")).map(|f| declaration(f)) else {
                    problems.push(format!("{at}: no binding for {ty}"));
                    return;
                };
                if decl.starts_with('"') {
                    // A plain enum: a union of string literals.
                    let name = value.as_str().map(|s| format!("\"{s}\"")).unwrap_or_default();
                    decl.split(" | ").any(|v| v == name)
                } else if decl.starts_with("{ \"") {
                    // A tagged enum: the variant whose tag matches.
                    let variant = decl.split(" | ").find(|v| {
                        let tag = v.trim_start_matches("{ \"").split('"').next().unwrap_or("");
                        let name = v.split(": \"").nth(1).and_then(|s| s.split('"').next());
                        name.is_some() && value.get(tag).and_then(Value::as_str) == name
                    });
                    match variant {
                        Some(v) => check_object(files, v, value, at, problems),
                        None => problems.push(format!("{at}: {value} matches no variant of {ty}")),
                    }
                    true
                } else {
                    check_object(files, &decl, value, at, problems);
                    true
                }
            }
        };
        if !ok {
            problems.push(format!("{at}: {value} is not a {ty}"));
        }
    }

    /// `{ a: T, b?: U, }`: every key declared, every required field present, each value typed.
    fn check_object(files: &std::collections::BTreeMap<String, String>, decl: &str, value: &Value, at: &str, problems: &mut Vec<String>) {
        let Some(obj) = value.as_object() else {
            problems.push(format!("{at}: {value} is not an object"));
            return;
        };
        let body = decl.trim().trim_start_matches('{').trim_end_matches('}');
        let mut declared = Vec::new();
        for field in body.split(", ").map(str::trim).filter(|f| !f.is_empty()) {
            let field = field.trim_end_matches(',');
            let Some((name, ty)) = field.split_once(": ") else { continue };
            let (name, optional) = match name.strip_suffix('?') {
                Some(n) => (n.trim_matches('"'), true),
                None => (name.trim_matches('"'), false),
            };
            declared.push(name.to_string());
            match obj.get(name) {
                Some(v) if ty.starts_with('"') => {
                    if v.as_str().map(|s| format!("\"{s}\"")).as_deref() != Some(ty) {
                        problems.push(format!("{at}.{name}: {v} is not {ty}"));
                    }
                }
                Some(v) => check(files, ty, v, &format!("{at}.{name}"), problems),
                None if optional => {}
                None => problems.push(format!("{at}.{name}: required in TypeScript but not sent")),
            }
        }
        for key in obj.keys() {
            if !declared.contains(key) {
                problems.push(format!("{at}.{key}: sent but not declared in TypeScript"));
            }
        }
    }

    /// The right-hand side of `export type X = ...;`, without doc comments, imports or newlines.
    fn declaration(file: &str) -> String {
        let mut text = String::new();
        let mut rest = file;
        while let Some(start) = rest.find("/**") {
            text.push_str(&rest[..start]);
            rest = rest[start..].find("*/").map(|end| &rest[start + end + 2..]).unwrap_or("");
        }
        text.push_str(rest);
        let text = text.replace('\n', " ");
        let decl = text.split_once(" = ").map(|(_, d)| d).unwrap_or("");
        let decl = decl.trim().trim_end_matches(';').trim();
        let mut squeezed = String::new();
        for word in decl.split_whitespace() {
            if !squeezed.is_empty() {
                squeezed.push(' ');
            }
            squeezed.push_str(word);
        }
        squeezed
    }
}
