//! `flightplan names PLAN.json [--template T]`: the campaign name of every line under the plan's
//! naming convention, to copy into the ad platforms so their reports match back to the lines.

use crate::plan_file::load;
use crate::print_json;
use flightplan_core::naming::campaign_name;
use flightplan_core::Error;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct NamesArgs {
    /// The plan file (flightplan/1 JSON).
    plan: PathBuf,
    /// Use this template instead of the plan's `monitoring.naming_template`.
    #[arg(long)]
    template: Option<String>,
}

pub fn run(a: NamesArgs) -> Result<(), Vec<Error>> {
    let plan = load(&a.plan)?;
    let template = a.template.clone().or_else(|| plan.monitoring.naming_template.clone()).ok_or_else(|| {
        vec![Error::at(
            "no_naming_template",
            "monitoring.naming_template",
            "the plan has no naming convention: set monitoring.naming_template (e.g. {client}_{channel}_{objective}_{audience}_{yyyymm}) or pass --template",
        )]
    })?;
    let names = plan
        .lines
        .iter()
        .map(|l| {
            let name = campaign_name(&template, &plan, l).map_err(|e| vec![e])?;
            Ok(serde_json::json!({ "line": l.id, "name": l.name, "campaign": name }))
        })
        .collect::<Result<Vec<_>, Vec<Error>>>()?;
    print_json(&serde_json::json!({ "template": template, "names": names }))
}
