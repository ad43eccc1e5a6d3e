//! Naming conventions: one template per plan turns each line into the campaign name the buyer
//! types into the platform, so the names in a downloaded report lead back to the line.
//!
//! A template such as `{client}_{channel}_{objective}_{audience}_{yyyymm}` is filled from the
//! plan and line, each value made name-safe (letters and digits, spaces become `-`). Matching
//! compares names loosely (case, spacing and dash style ignored) because platforms and people
//! retype names.

use crate::error::{Error, Result};
use crate::plan::{Funnel, Line, Plan};
use chrono::Datelike;

/// The tokens a template may use.
pub const TOKENS: [&str; 10] = ["client", "brand", "plan", "channel", "vendor", "objective", "audience", "line", "yyyymm", "yyyy"];

/// Fill `template` for one line. An unknown `{token}` or an unclosed brace is an error naming it.
pub fn campaign_name(template: &str, plan: &Plan, line: &Line) -> Result<String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or_else(|| Error::at("naming_template", "monitoring.naming_template", format!("\"{template}\" has an unclosed {{")))?;
        let token = &after[..close];
        out.push_str(&token_value(token, plan, line).ok_or_else(|| {
            Error::at("naming_template", "monitoring.naming_template", format!("{{{token}}} is not a naming token (use one of {})", TOKENS.join(", ")))
        })?);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn token_value(token: &str, plan: &Plan, line: &Line) -> Option<String> {
    let objective = line.role.or(plan.goal.as_ref().map(|g| g.objective)).map(funnel_word).unwrap_or("");
    let audience = plan.audience.segments.first().map(|s| s.name.as_str()).filter(|s| !s.is_empty()).unwrap_or("all");
    let v = match token {
        "client" => slug(&plan.client),
        "brand" => slug(&plan.brand),
        "plan" => slug(&plan.name),
        "channel" => slug(&line.channel),
        "vendor" => slug(&line.vendor),
        "objective" => objective.to_string(),
        "audience" => slug(audience),
        "line" => slug(&line.id),
        "yyyymm" => format!("{:04}{:02}", line.start.year(), line.start.month()),
        "yyyy" => format!("{:04}", line.start.year()),
        _ => return None,
    };
    Some(v)
}

fn funnel_word(f: Funnel) -> &'static str {
    match f {
        Funnel::Awareness => "awareness",
        Funnel::Consideration => "consideration",
        Funnel::Conversion => "conversion",
        Funnel::Retention => "retention",
    }
}

/// Lower-case letters and digits; runs of anything else become one `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_alphanumeric() {
            out.extend(ch.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A campaign name compared loosely: case-folded, every dash style as `-`, spaces collapsed.
pub fn normalise(name: &str) -> String {
    let mapped: String = name
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    mapped.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether a platform's campaign name is the convention's name, or that name followed by a
/// separator and a suffix (`..._202709_v2`).
pub fn follows(campaign: &str, convention: &str) -> bool {
    let (c, n) = (normalise(campaign), normalise(convention));
    if n.is_empty() {
        return false;
    }
    c == n || (c.starts_with(&n) && c[n.len()..].starts_with(['_', '-', ' ', '|', '.']))
}
