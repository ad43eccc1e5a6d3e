//! mediaplanschema 2.0 documents in their 3.0 form (the published v2 → v3 changes): the
//! campaign's single audience and location list become `target_audiences[]` and
//! `target_locations[]`, and the dictionary's `custom_dimensions` become
//! `lineitem_custom_dimensions`. Everything else is the same in both versions.

use serde_json::{json, Map, Value};

pub fn to_v3(doc: &Value) -> Value {
    let mut doc = doc.clone();
    if let Some(meta) = doc.get_mut("meta").and_then(Value::as_object_mut) {
        meta.insert("schema_version".into(), json!("3.0"));
    }
    if let Some(c) = doc.get_mut("campaign").and_then(Value::as_object_mut) {
        audiences(c);
        locations(c);
    }
    if let Some(d) = doc.get_mut("dictionary").and_then(Value::as_object_mut) {
        if let Some(dims) = d.remove("custom_dimensions") {
            d.entry("lineitem_custom_dimensions").or_insert(dims);
        }
    }
    doc
}

fn audiences(c: &mut Map<String, Value>) {
    let keys = ["audience_name", "audience_age_start", "audience_age_end", "audience_gender", "audience_interests"];
    if !keys.iter().any(|k| c.contains_key(*k)) {
        return;
    }
    let mut a = Map::new();
    let name = c.remove("audience_name").and_then(|v| v.as_str().map(str::to_string)).unwrap_or_else(|| "Audience".into());
    a.insert("name".into(), json!(name));
    if let Some(v) = c.remove("audience_age_start") {
        a.insert("demo_age_start".into(), v);
    }
    if let Some(v) = c.remove("audience_age_end") {
        a.insert("demo_age_end".into(), v);
    }
    if let Some(v) = c.remove("audience_gender") {
        a.insert("demo_gender".into(), v);
    }
    if let Some(v) = c.remove("audience_interests") {
        let joined = match &v {
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "),
            Value::String(s) => s.clone(),
            _ => String::new(),
        };
        if !joined.is_empty() {
            a.insert("interest_attributes".into(), json!(joined));
        }
    }
    let list = c.entry("target_audiences").or_insert_with(|| json!([]));
    if let Some(items) = list.as_array_mut() {
        items.push(Value::Object(a));
    }
}

fn locations(c: &mut Map<String, Value>) {
    if !c.contains_key("location_type") && !c.contains_key("locations") {
        return;
    }
    let kind = c.remove("location_type");
    let list: Vec<String> =
        c.remove("locations").and_then(|v| v.as_array().map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())).unwrap_or_default();
    let mut l = Map::new();
    l.insert("name".into(), json!(if list.is_empty() { "Locations".to_string() } else { list.join(", ") }));
    if let Some(k) = kind {
        l.insert("location_type".into(), k);
    }
    if !list.is_empty() {
        l.insert("location_list".into(), json!(list));
    }
    let target = c.entry("target_locations").or_insert_with(|| json!([]));
    if let Some(items) = target.as_array_mut() {
        items.push(Value::Object(l));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v2_audience_and_locations_become_v3_lists() {
        let v2 = json!({
            "meta": {"id": "m", "schema_version": "2.0"},
            "campaign": {"name": "C", "audience_name": "Tech 25-45", "audience_age_start": 25, "audience_age_end": 45,
                          "audience_gender": "Any", "audience_interests": ["AI", "Data"],
                          "location_type": "Country", "locations": ["United States", "Canada"]},
            "lineitems": [],
            "dictionary": {"custom_dimensions": {"dim_custom1": {"status": "enabled", "caption": "B"}}}
        });
        let v3 = to_v3(&v2);
        assert_eq!(v3["meta"]["schema_version"], "3.0");
        assert_eq!(
            v3["campaign"]["target_audiences"],
            json!([{"name": "Tech 25-45", "demo_age_start": 25, "demo_age_end": 45, "demo_gender": "Any", "interest_attributes": "AI, Data"}])
        );
        assert_eq!(
            v3["campaign"]["target_locations"],
            json!([{"name": "United States, Canada", "location_type": "Country", "location_list": ["United States", "Canada"]}])
        );
        assert!(v3["campaign"].get("audience_name").is_none());
        assert!(v3["dictionary"].get("custom_dimensions").is_none());
        assert_eq!(v3["dictionary"]["lineitem_custom_dimensions"]["dim_custom1"]["caption"], "B");
    }
}
