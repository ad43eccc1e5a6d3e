//! A plan the app's screen sends as its changes to the plan the shell holds for it.
//!
//! Why: on a 1,000-line plan the whole document is some 475 KB, carried through the webview's IPC
//! and read line by line on every edit, when an edit changes one line. The screen sends the plan
//! without its lines, which of the held plan's lines it keeps (by index) and the lines that are
//! new or changed; this puts the plan back together and checks it by every rule, exactly as if it
//! had been sent whole. An error in a sent line names its place in the whole plan.

use crate::error::{without_position, Error, Result};
use crate::plan::format::{field_error, read_plan, validate};
use crate::plan::limits::MAX_LINES;
use crate::plan::{Line, Plan};

/// The plan `head` (its JSON with `lines` empty) stands for, given `held`: `kept` is a JSON
/// array with one entry per line, the index of an unchanged line in `held` or null for the next
/// line of `changed`, a JSON array of lines. Checked as [`crate::plan_from_sent_text`] checks a
/// whole plan, with the same error for each broken field (where the plan and a line are both
/// broken, the plan's own field is named first).
pub fn plan_from_sent_changes(head: &str, kept: &str, changed: &str, held: &Plan) -> Result<Plan> {
    let mut plan = read_plan(head).map_err(|e| if e.code == "invalid_json" { e } else { Error { json_line: None, json_column: None, ..e } })?;
    let refused = |what: String| Error::new("invalid_request", format!("the changes sent {what}"));
    if !plan.lines.is_empty() {
        return Err(refused("carry lines in the plan itself".into()));
    }
    let kept: Vec<Option<usize>> =
        serde_json::from_str(kept).map_err(|e| refused(format!("do not say which lines are kept ({})", without_position(&e.to_string()))))?;
    // Bounded before any line is copied: a short list of indexes could name a line millions of
    // times.
    if kept.len() > MAX_LINES {
        return Err(Error::at("too_large", "lines", format!("has {} lines; a plan may have at most {MAX_LINES}", kept.len())));
    }
    // The whole plan's index of each sent line, to name it in an error.
    let places: Vec<usize> = kept.iter().enumerate().filter(|(_, k)| k.is_none()).map(|(i, _)| i).collect();
    let mut de = serde_json::Deserializer::from_str(changed);
    let sent: Vec<Line> = serde_path_to_error::deserialize(&mut de).map_err(|err| line_error(changed, &places, err))?;
    if de.end().is_err() {
        return Err(refused("have more text after the changed lines".into()));
    }
    if sent.len() != places.len() {
        return Err(refused(format!("hold {} lines where {} were changed", sent.len(), places.len())));
    }
    let mut sent = sent.into_iter();
    plan.lines = kept
        .iter()
        .map(|k| match k {
            Some(i) => held.lines.get(*i).cloned().ok_or_else(|| refused(format!("keep line {i} of a plan of {} lines", held.lines.len()))),
            None => sent.next().ok_or_else(|| refused("lack a changed line".into())),
        })
        .collect::<Result<_>>()?;
    match validate(&plan).into_iter().next() {
        Some(e) => Err(e),
        None => Ok(plan),
    }
}

/// A sent line that does not read, named as the whole plan names it: `lines[i].field` and the
/// line's id.
fn line_error(changed: &str, places: &[usize], err: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = err.path().to_string();
    let inner = err.into_inner();
    if inner.is_syntax() || inner.is_eof() {
        return Error::new("invalid_json", "the changed lines sent are not JSON").at_json(inner.line(), inner.column());
    }
    // `[k].rate` is the k-th line sent.
    let k: Option<usize> = path.strip_prefix('[').and_then(|r| r.split(']').next()).and_then(|k| k.parse().ok());
    let Some(k) = k else { return field_error("lines".into(), &inner) };
    let rest = &path[path.find(']').map_or(path.len(), |i| i + 1)..];
    let place = places.get(k).copied().unwrap_or(k);
    let e = field_error(format!("lines[{place}]{rest}"), &inner);
    let id = serde_json::from_str::<serde_json::Value>(changed).ok().and_then(|v| v.get(k)?.get("id")?.as_str().map(str::to_string));
    match id {
        Some(id) => e.on_line(&id),
        None => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{plan_from_sent_text, sample_plan};
    use serde_json::{json, Value};

    /// What the screen sends: the plan without lines, the kept indexes into `held`, the rest.
    fn changes(plan: &Value, held: &Plan) -> (String, String, String) {
        let held: Vec<Value> = held.lines.iter().map(|l| serde_json::to_value(l).unwrap()).collect();
        let lines = plan["lines"].as_array().unwrap();
        let kept: Vec<Option<usize>> = lines.iter().map(|l| held.iter().position(|h| h == l)).collect();
        let changed: Vec<&Value> = lines.iter().zip(&kept).filter(|(_, k)| k.is_none()).map(|(l, _)| l).collect();
        let mut head = plan.clone();
        head["lines"] = json!([]);
        (head.to_string(), serde_json::to_string(&kept).unwrap(), serde_json::to_string(&changed).unwrap())
    }

    fn both(plan: &Value, held: &Plan) -> (Result<Plan>, Result<Plan>) {
        let (head, kept, changed) = changes(plan, held);
        (plan_from_sent_changes(&head, &kept, &changed, held), plan_from_sent_text(&plan.to_string()))
    }

    #[test]
    fn the_changes_read_as_the_whole_plan_reads() {
        let held = sample_plan();
        let base = serde_json::to_value(&held).unwrap();
        let edits: Vec<(&str, Box<dyn Fn(&mut Value)>)> = vec![
            ("nothing", Box::new(|_| {})),
            ("a rate", Box::new(|p| p["lines"][2]["rate"] = json!("9.00"))),
            (
                "the budget and a name",
                Box::new(|p| {
                    p["budget"] = json!("300000.00");
                    p["lines"][0]["name"] = json!("Brand search");
                }),
            ),
            ("lines moved", Box::new(|p| p["lines"].as_array_mut().unwrap().rotate_left(3))),
            (
                "a line added",
                Box::new(|p| {
                    let mut copy = p["lines"][1].clone();
                    copy["id"] = json!("copy");
                    p["lines"].as_array_mut().unwrap().insert(4, copy);
                }),
            ),
        ];
        for (what, edit) in edits {
            let mut plan = base.clone();
            edit(&mut plan);
            let (changes, whole) = both(&plan, &held);
            assert_eq!(changes.unwrap(), whole.unwrap(), "{what}");
        }
        // Every line dropped: an empty plan reads as its whole self would.
        let mut plan = base.clone();
        plan["lines"] = json!([]);
        let (changes, whole) = both(&plan, &held);
        assert_eq!(changes.map(|p| p.lines.len()), whole.map(|p| p.lines.len()));
    }

    #[test]
    fn a_broken_line_is_named_by_its_place_in_the_whole_plan() {
        let held = sample_plan();
        let base = serde_json::to_value(&held).unwrap();
        let breaks: Vec<(&str, Box<dyn Fn(&mut Value)>)> = vec![
            ("a rule", Box::new(|p| p["lines"][5]["rate"] = json!("-2.40"))),
            ("a type", Box::new(|p| p["lines"][6]["rate"] = json!(2.4))),
            (
                "a missing field",
                Box::new(|p| {
                    p["lines"][7].as_object_mut().unwrap().remove("channel");
                }),
            ),
            ("a rule across lines", Box::new(|p| p["lines"][4]["id"] = p["lines"][1]["id"].clone())),
            ("the plan's own field", Box::new(|p| p["budget"] = json!("lots"))),
        ];
        for (what, broken) in breaks {
            let mut plan = base.clone();
            plan["lines"][3]["rate"] = json!("1.11"); // a changed line before the broken one
            broken(&mut plan);
            let (changes, whole) = both(&plan, &held);
            let (changes, whole) = (changes.expect_err(what), whole.expect_err(what));
            assert_eq!(changes, whole, "{what}");
            assert!(changes.path.is_some(), "{what}: {changes:?}");
        }
    }

    #[test]
    fn changes_that_do_not_fit_the_held_plan_are_refused() {
        let held = sample_plan();
        let mut head = serde_json::to_value(&held).unwrap();
        let line = serde_json::to_string(&vec![&held.lines[0]]).unwrap();
        let n = held.lines.len();
        head["lines"] = json!([]);
        let head = head.to_string();
        for (kept, changed, says) in [
            (format!("[{n}]"), "[]".to_string(), format!("keep line {n} of a plan of {n} lines")),
            ("[null, null]".into(), line.clone(), "hold 1 lines where 2 were changed".into()),
            ("[0]".into(), line.clone(), "hold 1 lines where 0 were changed".into()),
            ("[0, -1]".into(), "[]".into(), "do not say which lines are kept".into()),
        ] {
            let err = plan_from_sent_changes(&head, &kept, &changed, &held).expect_err(&says);
            assert_eq!(err.code, "invalid_request");
            assert!(err.message.starts_with(&format!("the changes sent {says}")), "{}", err.message);
        }
        let with_lines = serde_json::to_string(&held).unwrap();
        let err = plan_from_sent_changes(&with_lines, "[]", "[]", &held).unwrap_err();
        assert_eq!(err.message, "the changes sent carry lines in the plan itself");
        let err = plan_from_sent_changes(&head, "[null]", "[{", &held).unwrap_err();
        assert_eq!(err.code, "invalid_json");
        let err = plan_from_sent_changes(&head, "[null]", &format!("{line} []"), &held).unwrap_err();
        assert_eq!(err.message, "the changes sent have more text after the changed lines");
    }

    #[test]
    fn a_plan_of_too_many_lines_is_refused_as_the_whole_plan_is() {
        let held = sample_plan();
        let mut whole = serde_json::to_value(&held).unwrap();
        let n = crate::plan::limits::MAX_LINES + 1;
        whole["lines"] = Value::Array(vec![whole["lines"][0].clone(); n]);
        let (changes, whole) = both(&whole, &held);
        let (changes, whole) = (changes.unwrap_err(), whole.unwrap_err());
        assert_eq!(changes, whole);
        assert_eq!((changes.code.as_str(), changes.path.as_deref()), ("too_large", Some("lines")));
    }
}
