//! `flightplan comment PLAN --author A --text T [--line ID]`: the plan with a comment added (on
//! one line or the whole plan), or with `--resolve ID` one marked resolved; prints the plan, as
//! the desktop's comments do. `--at` fixes when (RFC 3339), else the clock.

use crate::plan_file::load;
use crate::write_stdout;
use clap::Args;
use flightplan_core::comments::{add_comment, resolve_comment};
use flightplan_core::{write_plan, Error};
use std::path::PathBuf;

#[derive(Args)]
pub struct CommentArgs {
    plan: PathBuf,
    #[arg(long, default_value = "")]
    author: String,
    #[arg(long, default_value = "")]
    text: String,
    /// The line the comment is about (its id); the whole plan when left out.
    #[arg(long)]
    line: Option<String>,
    /// Mark this comment resolved instead of adding one.
    #[arg(long, value_name = "ID")]
    resolve: Option<String>,
    /// Open a resolved comment again (with --resolve).
    #[arg(long)]
    reopen: bool,
    #[arg(long, value_name = "RFC3339")]
    at: Option<String>,
}

pub fn run(a: CommentArgs) -> Result<(), Vec<Error>> {
    let plan = load(&a.plan)?;
    let next = match &a.resolve {
        Some(id) => resolve_comment(&plan, id, !a.reopen),
        None => {
            let at = match &a.at {
                None => chrono::Utc::now(),
                Some(t) => chrono::DateTime::parse_from_rfc3339(t)
                    .map_err(|e| vec![Error::at("invalid_field", "--at", format!("\"{t}\" is not an RFC 3339 time ({e})"))])?
                    .with_timezone(&chrono::Utc),
            };
            add_comment(&plan, a.line.as_deref(), &a.author, &a.text, at)
        }
    }
    .map_err(|e| vec![e])?;
    write_stdout(&format!("{}\n", write_plan(&next)))
}
