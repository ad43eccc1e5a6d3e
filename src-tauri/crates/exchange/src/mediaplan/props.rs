//! Flightplan's own details (`custom_properties.flightplan`) laid over what a plain import of a
//! campaign or line item reads, field by field, so one detail another tool wrote differently
//! costs that detail, never the line item or the plan.
//!
//! Tools that read and write the document pass it through their own JSON: a rate Flightplan wrote
//! as the string `"12.5"` can come back as the number `12.5`, notes as `5`. A number where a
//! decimal string or text belongs is read as its exact decimal text (`12.5` → `"12.5"`). A detail
//! that still does not read is left out with a warning naming it
//! (`lineitems[0].custom_properties.flightplan.notes`), the plain reading kept in its place; one
//! the reading cannot do without (a line's pricing, the plan's fees) is an error naming it.

use super::decimal;
use crate::preview::{Problem, SourceRef};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use serde_path_to_error::Segment;

/// `base` (the plain import's fields) with `props` over it, except the `kept` keys, read as a
/// `T`. `at` is the JSON path of the props (`lineitems[2].custom_properties.flightplan`); a
/// detail in `required` that does not read is an error, and `plain` (a whole plain reading) is
/// read instead; any other is a warning, and `base`'s value of it stands. `None` only when not
/// even the plain reading reads (an error says why).
pub(crate) fn overlay<T: DeserializeOwned>(
    base: &Map<String, Value>,
    plain: &Map<String, Value>,
    props: &Map<String, Value>,
    (kept, required): (&[&str], &[&str]),
    at: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let from_props = |k: &str| props.contains_key(k) && !kept.contains(&k);
    let mut merged = base.clone();
    for (k, v) in props.iter().filter(|(k, _)| from_props(k)) {
        merged.insert(k.clone(), v.clone());
    }
    // Each round reads a number as text or leaves one detail out, so it ends.
    for _ in 0..=2 * count_values(props) {
        let err = match serde_path_to_error::deserialize::<_, T>(Value::Object(merged.clone())) {
            Ok(t) => return Some(t),
            Err(e) => e,
        };
        let segments: Vec<Segment> = err.path().iter().cloned().collect();
        let place = format!("{at}.{}", err.path());
        let message = err.into_inner().to_string();
        let key = match segments.first() {
            Some(Segment::Map { key }) if from_props(key) => key.clone(),
            _ => break,
        };
        if let Some(v) = value_at(&mut merged, &segments).filter(|v| v.is_number()) {
            if let Some(d) = decimal(v) {
                *v = Value::String(d.normalize().to_string());
                continue;
            }
        }
        if required.contains(&key.as_str()) {
            problems.push(Problem::error("invalid_field", SourceRef::path(place), format!("Flightplan's detail does not read: {message}")));
            return serde_json::from_value(Value::Object(plain.clone())).ok();
        }
        problems.push(Problem::warning("detail_left_out", SourceRef::path(place), format!("Flightplan's detail does not read ({message}): left out")));
        match base.get(&key) {
            Some(v) => merged.insert(key, v.clone()),
            None => merged.remove(&key),
        };
    }
    problems.push(Problem::error("invalid_field", SourceRef::path(at), "Flightplan's details do not read"));
    serde_json::from_value(Value::Object(plain.clone())).ok().or_else(|| {
        problems.push(Problem::error("invalid_field", SourceRef::path(at.rsplit_once(".custom_properties").map_or(at, |p| p.0)), "the item does not read"));
        None
    })
}

/// The value a path of object keys and array indexes leads to.
fn value_at<'v>(obj: &'v mut Map<String, Value>, path: &[Segment]) -> Option<&'v mut Value> {
    let (first, rest) = path.split_first()?;
    let Segment::Map { key } = first else { return None };
    let mut v = obj.get_mut(key)?;
    for s in rest {
        v = match s {
            Segment::Map { key } => v.get_mut(key)?,
            Segment::Seq { index } => v.get_mut(*index)?,
            _ => return None,
        };
    }
    Some(v)
}

/// Every value in a tree of props, bounding the rounds of [`overlay`].
fn count_values(props: &Map<String, Value>) -> usize {
    fn count(v: &Value) -> usize {
        1 + match v {
            Value::Array(a) => a.iter().map(count).sum(),
            Value::Object(o) => o.values().map(count).sum(),
            _ => 0,
        }
    }
    props.values().map(count).sum()
}

#[cfg(test)]
#[allow(clippy::type_complexity)]
mod tests {
    use super::*;
    use flightplan_core::plan::Line;
    use serde_json::json;

    fn plain() -> Map<String, Value> {
        json!({ "id": "l1", "name": "Meta", "channel": "Social", "start": "2027-01-04", "end": "2027-03-28",
                "budget": "10000", "pricing": "cpm", "rate": "10" })
        .as_object()
        .cloned()
        .unwrap()
    }

    #[test]
    fn a_detail_reads_as_text_or_is_named_and_left_out() {
        // (props, the rate and notes read, the codes and paths of the problems)
        let cases: [(Value, &str, &str, &[(&str, &str)]); 6] = [
            (json!({ "rate": 12.5 }), "12.5", "", &[]),
            (json!({ "rate": "12.5", "notes": 5 }), "12.5", "5", &[]),
            (json!({ "notes": 2.50 }), "10", "2.5", &[]),
            (json!({ "notes": { "a": 1 } }), "10", "", &[("detail_left_out", "li.notes")]),
            (json!({ "rate": "12.5", "ctr": [1] }), "12.5", "", &[("detail_left_out", "li.ctr")]),
            (json!({ "rate": 12.5, "pricing": "per_fortnight" }), "10", "", &[("invalid_field", "li.pricing")]),
        ];
        for (props, rate, notes, want) in cases {
            let mut problems = Vec::new();
            let line: Line = overlay(&plain(), &plain(), props.as_object().unwrap(), (&["id"], &["pricing"]), "li", &mut problems).expect("a line");
            assert_eq!((line.rate.map(|r| r.to_string()).unwrap_or_default().as_str(), line.notes.as_str()), (rate, notes), "{props}");
            let got: Vec<(&str, Option<&str>)> = problems.iter().map(|p| (p.code.as_str(), p.at.path.as_deref())).collect();
            let want: Vec<(&str, Option<&str>)> = want.iter().map(|(c, p)| (*c, Some(*p))).collect();
            assert_eq!(got, want, "{props}");
        }
    }
}
