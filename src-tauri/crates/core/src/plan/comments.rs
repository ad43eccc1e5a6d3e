//! Comments on a plan and its lines: who said what, when, and whether it is resolved.
//!
//! Plans go back and forth between planner, buyer and client; a question about a line belongs
//! next to that line, in the plan file, not in an email thread. Comments never change a figure,
//! so they stay editable on an approved (locked) plan.

use crate::error::{Error, Result};
use crate::plan::{Comment, Plan};
use chrono::{DateTime, Utc};

/// The plan with a new comment by `author` at `at` (passed in), on `line` (an id of the plan's
/// lines) or on the whole plan. Its id is the next free `c<n>`.
pub fn add_comment(plan: &Plan, line: Option<&str>, author: &str, text: &str, at: DateTime<Utc>) -> Result<Plan> {
    let (author, text) = (author.trim(), text.trim());
    if author.is_empty() {
        return Err(Error::at("missing_field", "author", "say who writes the comment"));
    }
    if text.is_empty() {
        return Err(Error::at("missing_field", "text", "a comment needs its text"));
    }
    if let Some(id) = line {
        if !plan.lines.iter().any(|l| l.id == id) {
            return Err(Error::at("unknown_line", "line", format!("no line has the id \"{id}\"")));
        }
    }
    let mut n = plan.comments.len() + 1;
    while plan.comments.iter().any(|c| c.id == format!("c{n}")) {
        n += 1;
    }
    let mut next = plan.clone();
    next.comments.push(Comment {
        id: format!("c{n}"),
        line: line.map(str::to_string),
        author: author.to_string(),
        at,
        text: text.to_string(),
        resolved: false,
    });
    Ok(next)
}

/// The plan with comment `id` marked resolved (or open again).
pub fn resolve_comment(plan: &Plan, id: &str, resolved: bool) -> Result<Plan> {
    let mut next = plan.clone();
    let c = next.comments.iter_mut().find(|c| c.id == id).ok_or_else(|| Error::new("unknown_comment", format!("the plan has no comment \"{id}\"")))?;
    c.resolved = resolved;
    Ok(next)
}

/// The rules comments keep, each naming `comments[i]`: an id, unique; an author; some text.
pub(crate) fn validate_comments(plan: &Plan, errs: &mut Vec<Error>) {
    let mut ids = std::collections::HashSet::new();
    for (i, c) in plan.comments.iter().enumerate() {
        let p = |f: &str| format!("comments[{i}].{f}");
        if c.id.trim().is_empty() {
            errs.push(Error::at("missing_field", p("id"), "every comment needs an id"));
        } else if !ids.insert(c.id.as_str()) {
            errs.push(Error::at("duplicate_comment", p("id"), format!("another comment already has the id \"{}\"", c.id)));
        }
        if c.author.trim().is_empty() {
            errs.push(Error::at("missing_field", p("author"), "say who wrote the comment"));
        }
        if c.text.trim().is_empty() {
            errs.push(Error::at("missing_field", p("text"), "a comment needs its text"));
        }
        if c.line.as_deref().is_some_and(|l| l.trim().is_empty()) {
            errs.push(Error::at("invalid_field", p("line"), "name the line by its id, or leave it out for the whole plan"));
        }
    }
    if let Some(a) = &plan.approval {
        if a.by.trim().is_empty() {
            errs.push(Error::at("missing_field", "approval.by", "say who approved the plan"));
        }
    }
}
