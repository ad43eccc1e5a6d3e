//! Text as an XLSX can hold it. A workbook's sheets are XML 1.0, which forbids U+FFFE and U+FFFF
//! anywhere: a plan name carrying one (pasted from a broken file) made a workbook that strict
//! readers (LibreOffice, openpyxl, Excel's repair) reject or silently truncate. They are the only
//! characters a Rust string can hold that XML 1.0 forbids (control characters are escaped as
//! `_xHHHH_` by rust_xlsxwriter, as Excel does), so the writer puts U+FFFD in their place and the
//! export warns, naming each field changed.

use flightplan_core::plan::Plan;
use std::borrow::Cow;

/// The characters XML 1.0 forbids that a `char` can be.
fn forbidden(c: char) -> bool {
    matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// `s` with each forbidden character replaced by U+FFFD.
pub fn xml_text(s: &str) -> Cow<'_, str> {
    if s.chars().any(forbidden) {
        Cow::Owned(s.chars().map(|c| if forbidden(c) { '\u{FFFD}' } else { c }).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// A warning for each field the workbook writes whose text it cannot hold as it is, naming the
/// field by its path in the plan file (`lines[2].name`).
pub fn warnings(plan: &Plan) -> Vec<String> {
    let mut fields: Vec<(String, &str)> = vec![
        ("name".into(), &plan.name),
        ("client".into(), &plan.client),
        ("brand".into(), &plan.brand),
        ("currency".into(), &plan.currency),
        ("prepared_by".into(), &plan.prepared_by),
    ];
    if let Some(g) = &plan.goal {
        fields.push(("goal.description".into(), &g.description));
    }
    for (i, n) in plan.notes.iter().enumerate() {
        fields.push((format!("notes[{i}]"), n));
    }
    for (i, l) in plan.lines.iter().enumerate() {
        for (k, v) in [("id", &l.id), ("channel", &l.channel), ("name", &l.name), ("vendor", &l.vendor)] {
            fields.push((format!("lines[{i}].{k}"), v));
        }
        for (j, c) in l.creative.iter().enumerate() {
            fields.push((format!("lines[{i}].creative[{j}].format"), &c.format));
            fields.push((format!("lines[{i}].creative[{j}].notes"), &c.notes));
        }
    }
    fields
        .into_iter()
        .filter(|(_, s)| s.chars().any(forbidden))
        .map(|(path, s)| {
            let which: Vec<String> = s.chars().filter(|c| forbidden(*c)).map(|c| format!("U+{:04X}", c as u32)).collect();
            format!("{path}: {} cannot be written in an XLSX (XML forbids it): written as U+FFFD", which.join(", "))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_replaced_and_others_kept() {
        for (s, want) in
            [("Search \u{FFFE} Brand", "Search \u{FFFD} Brand"), ("a\u{FFFF}", "a\u{FFFD}"), ("Café 🚀\t\n", "Café 🚀\t\n"), ("\u{1FFFE}", "\u{1FFFE}")]
        {
            assert_eq!(xml_text(s), want, "{s:?}");
        }
    }
}
