//! mediaplanschema, the open JSON media-plan standard (Planmatic, MIT; `mediaplanpy` reads and
//! writes it): one document is one plan, with `meta`, `campaign`, `lineitems[]` and an optional
//! `dictionary`. Version 2.0 and 3.0 documents import; 3.0 is written.
//!
//! The mapping (campaign → plan, line items → lines) keeps everything Flightplan has no field
//! for: the imported document is stored in the plan's `extensions.mediaplan`, and exporting
//! writes that document back with only what the planner changed since (`write.rs` compares the
//! plan with a fresh import of the stored document, group by group). What only Flightplan has
//! (pricing models, rates, weekly weights, fees, stages 1–6) travels in `custom_properties.
//! flightplan` on the campaign and on each line item, so a Flightplan plan round-trips exactly.

mod campaign;
mod costs;
mod migrate;
mod props;
mod read;
mod write;

pub use read::preview;
pub use write::write_mediaplan;

use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::str::FromStr;

/// The key under `custom_properties` that holds Flightplan's own details.
pub const FLIGHTPLAN_KEY: &str = "flightplan";

/// A JSON number as an exact decimal. Floats go through their shortest text, which is the
/// decimal that was written for any figure of up to 15 significant digits.
pub fn decimal(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Some(Decimal::from(i))
            } else if let Some(u) = n.as_u64() {
                Some(Decimal::from(u))
            } else {
                let f = n.as_f64()?;
                if !f.is_finite() {
                    return None;
                }
                Decimal::from_str(&f.to_string()).ok().or_else(|| Decimal::from_scientific(&format!("{f:e}")).ok())
            }
        }
        // Some writers quote numbers; a decimal string is as good.
        Value::String(s) => Decimal::from_str(s.trim()).ok(),
        _ => None,
    }
}

/// A decimal as a JSON number: an integer when it is whole, else the float whose shortest text
/// is the decimal's (exact for up to 15 significant digits).
pub fn number(d: Decimal) -> Value {
    let d = d.normalize();
    if d.scale() == 0 {
        if let Ok(i) = i64::try_from(d.mantissa()) {
            return Value::from(i);
        }
    }
    f64::from_str(&d.to_string()).ok().and_then(serde_json::Number::from_f64).map(Value::Number).unwrap_or(Value::Null)
}

/// The document with every `null` member of an object left out: the schema allows `null` for
/// any field it does not require, and means by it that the field is not given.
pub(crate) fn without_nulls(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(o.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), without_nulls(v))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

pub(crate) fn text(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// The document's major version: `2.0` and `v3.0` are 2 and 3.
pub(crate) fn major_version(doc: &Value) -> Option<u32> {
    let v = doc.get("meta")?.get("schema_version")?;
    let s = match v {
        Value::String(s) => s.trim().trim_start_matches(['v', 'V']).to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    s.split('.').next()?.parse().ok()
}

/// Numbers compare as numbers (`850000` equals `850000.0`), everything else exactly.
pub fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => decimal(a) == decimal(b) || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_json(p, q)),
        (Value::Object(x), Value::Object(y)) => x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w))),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_cross_exactly() {
        for s in ["850000", "12000.5", "26.666667", "0.012", "1234567.89", "0"] {
            let d = Decimal::from_str(s).unwrap();
            let v = number(d);
            assert_eq!(decimal(&v), Some(d.normalize()), "{s}");
            let text = serde_json::to_string(&v).unwrap();
            assert_eq!(decimal(&serde_json::from_str(&text).unwrap()), Some(d.normalize()), "{s} as {text}");
        }
        assert_eq!(serde_json::to_string(&number(Decimal::from_str("850000.00").unwrap())).unwrap(), "850000");
        assert!(same_json(&json!({"a": [1, 2.5]}), &json!({"a": [1.0, 2.5]})));
        assert!(!same_json(&json!({"a": 1}), &json!({"a": 1, "b": 2})));
        assert_eq!(major_version(&json!({"meta": {"schema_version": "v3.0"}})), Some(3));
    }
}
