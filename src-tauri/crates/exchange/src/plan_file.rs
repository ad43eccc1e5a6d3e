//! Flightplan's own plan file (`flightplan/1` JSON) through the same import preview as any other
//! file, so "Import plan…" is one door: a colleague's plan file shows its lines, every broken rule
//! with its JSON path and line, and its costed totals before it joins the library.
//!
//! The file's structure (JSON, types, required fields) must read, or the import stops at once
//! with the file line and column; the plan's rules are the preview's problems, all of them.

use crate::preview::{finish, ImportChoices, ImportPreview, PreviewLine, Problem, SourceKind, SourceRef};
use flightplan_core::{Error, Plan};

/// Whether a JSON document says it is a Flightplan plan file.
pub(crate) fn is_plan_file(doc: &serde_json::Value) -> bool {
    doc.get("format").and_then(serde_json::Value::as_str).is_some_and(|f| f.starts_with("flightplan/"))
}

/// Read the plan's structure; an error names the file, the JSON path and the file line.
pub(crate) fn read(text: &str, file: &str) -> Result<Plan, Error> {
    flightplan_core::read_plan(text).map_err(|e| e.in_file(file))
}

/// The plan file as it would be imported: its lines at their JSON paths, every rule it breaks.
pub(crate) fn preview(file: &str, plan: &Plan, choices: &ImportChoices) -> ImportPreview {
    let mut problems: Vec<Problem> = flightplan_core::validate(plan).into_iter().map(rule).collect();
    if let Some(chosen) = choices.currency.as_deref().map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty()) {
        if chosen != plan.currency {
            problems.push(Problem::error(
                "currency_conflict",
                SourceRef::path("currency"),
                format!("the plan is in {} but {chosen} was chosen: a plan file is imported in its own currency", plan.currency),
            ));
        }
    }
    let lines = plan
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| PreviewLine { id: l.id.clone(), at: SourceRef::path(format!("lines[{i}]")), no_cost: false, net: None })
        .collect();
    finish(ImportPreview {
        file: file.to_string(),
        kind: SourceKind::FlightplanPlan,
        source: "Flightplan plan file (flightplan/1)".into(),
        sheets: Vec::new(),
        sheet: None,
        header_row: None,
        columns: Vec::new(),
        mapping: None,
        currency: Some(plan.currency.clone()),
        currency_source: Some("the plan file".into()),
        plan: plan.clone(),
        lines,
        rows_without_cost: Vec::new(),
        skipped: Vec::new(),
        conversions: Vec::new(),
        problems,
        totals: None,
        labelled: Vec::new(),
    })
}

/// A broken rule as a problem at its JSON path and line.
fn rule(e: Error) -> Problem {
    let at = e.path.as_deref().map(SourceRef::path).unwrap_or_default();
    let mut p = Problem::error(&e.code, at, e.message);
    p.line = e.line;
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_file_previews_as_its_lines_and_every_broken_rule_names_its_path() {
        let mut plan = flightplan_core::sample_plan();
        let p = preview("q1.json", &plan, &ImportChoices::default());
        assert!(p.ready(), "{:#?}", p.problems);
        assert_eq!(p.kind, SourceKind::FlightplanPlan);
        assert_eq!(p.plan, plan);
        assert_eq!(p.lines.len(), plan.lines.len());
        assert_eq!(p.lines[1].at.path.as_deref(), Some("lines[1]"));
        let view = flightplan_core::compute(&plan).unwrap();
        assert_eq!(p.totals.as_ref().map(|t| t.gross), Some(view.totals.gross));
        assert_eq!(p.lines[1].net, Some(view.lines[1].net));

        plan.lines[0].rate = Some(flightplan_core::Dec(rust_decimal::Decimal::NEGATIVE_ONE));
        plan.lines[2].name.clear();
        let p = preview("q1.json", &plan, &ImportChoices { currency: Some("EUR".into()), ..Default::default() });
        assert!(!p.ready());
        assert!(p.totals.is_none());
        let errs = p.errors();
        let first = &errs[0];
        assert_eq!(
            (first.code.as_str(), first.path.as_deref(), first.line.as_deref()),
            ("negative_value", Some("lines[0].rate"), Some(plan.lines[0].id.as_str()))
        );
        assert_eq!((first.file.as_deref(), first.message.as_str()), (Some("q1.json"), "-1 is negative"));
        assert!(errs.iter().any(|e| e.path.as_deref() == Some("lines[2].name")), "{errs:#?}");
        assert!(errs.iter().any(|e| e.code == "currency_conflict"), "{errs:#?}");
    }

    #[test]
    fn a_plan_file_is_told_apart_from_mediaplanschema_and_a_broken_one_stops_at_its_file_line() {
        let plan = flightplan_core::sample_plan();
        let text = flightplan_core::write_plan(&plan);
        let source = crate::read_plan_source(text.as_bytes(), "q1.json", None).unwrap();
        let p = crate::preview_import(&source, &ImportChoices::default());
        assert_eq!((p.kind, p.source.as_str()), (SourceKind::FlightplanPlan, "Flightplan plan file (flightplan/1)"));
        assert_eq!(crate::commit_import(&p).unwrap(), plan);

        let broken = text.replacen("\"rate\": \"1.20\"", "\"rate\": \"twelve\"", 1);
        assert_ne!(broken, text);
        let e = crate::read_plan_source(broken.as_bytes(), "q1.json", None).unwrap_err();
        assert_eq!((e.code.as_str(), e.path.as_deref()), ("invalid_field", Some("lines[0].rate")));
        assert_eq!(e.file.as_deref(), Some("q1.json"));
        assert!(e.json_line.is_some() && e.json_column.is_some(), "the file line is named: {e:?}");
    }
}
