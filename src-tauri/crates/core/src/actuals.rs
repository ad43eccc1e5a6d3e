//! Imported actuals: platform report rows matched to plan lines and merged into the plan.
//!
//! A report speaks in campaign names, the plan in lines. Rows are matched by the saved
//! campaign → line mapping (`line.launch.campaigns`, plus any mapping given with the import)
//! or by the plan's naming convention. Rows that match no line are listed for the planner to
//! assign, never dropped. An import is all or nothing: any bad row (a currency other than the
//! plan's, a row for an unknown line id) fails the whole import naming the file's line, and the
//! plan is untouched because this module only returns a new list of actuals. Re-importing a date
//! range replaces those days for the same campaign instead of adding them twice.

use crate::error::{Error, Result};
use crate::money::{add, sum};
use crate::naming::{campaign_name, follows, normalise};
use crate::plan::{Actual, Period, Plan};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One row of a report after parsing: a campaign's delivery on a day or in a week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportRow {
    /// Line number in the file (1-based), for messages.
    pub file_line: usize,
    pub campaign: String,
    #[serde(with = "crate::date")]
    pub date: NaiveDate,
    pub period: Period,
    #[serde(with = "crate::dec")]
    pub spend: Decimal,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    pub impressions: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    pub clicks: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    pub conversions: Option<Decimal>,
    #[serde(default, with = "crate::dec::opt", skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Decimal>,
    /// ISO code stated by the file for this row, if it states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// Rows whose campaign matched no line (or more than one), for the planner to assign.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Unmatched {
    pub campaign: String,
    pub reason: String,
    pub file_lines: Vec<usize>,
    pub rows: usize,
    #[serde(with = "crate::dec")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub spend: Decimal,
}

/// The outcome of an import: the plan's complete new actuals and what happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Import {
    /// Rows matched to lines, summed per (line, campaign, day or week).
    pub added: Vec<Actual>,
    /// How many existing actuals the import replaced (same campaign, same dates).
    pub replaced: usize,
    pub unmatched: Vec<Unmatched>,
    /// All of the plan's actuals after the import.
    #[serde(skip)]
    pub actuals: Vec<Actual>,
}

/// Which line a campaign name belongs to: an explicit mapping, a saved campaign name on a line,
/// or the naming convention. `Err` says why it matched none or several.
pub fn line_for(plan: &Plan, campaign: &str, mapping: &BTreeMap<String, String>) -> std::result::Result<String, String> {
    let key = normalise(campaign);
    if let Some((_, id)) = mapping.iter().find(|(k, _)| normalise(k) == key) {
        return Ok(id.clone());
    }
    let saved: Vec<&str> = plan
        .lines
        .iter()
        .filter(|l| l.launch.campaigns.iter().any(|c| normalise(c) == key))
        .map(|l| l.id.as_str())
        .collect();
    if let Some(one) = single(&saved)? {
        return Ok(one);
    }
    if let Some(t) = &plan.monitoring.naming_template {
        let by_name: Vec<&str> = plan
            .lines
            .iter()
            .filter(|l| campaign_name(t, plan, l).is_ok_and(|n| follows(campaign, &n)))
            .map(|l| l.id.as_str())
            .collect();
        if let Some(one) = single(&by_name)? {
            return Ok(one);
        }
    }
    Err("no line has this campaign name saved, and it does not follow the naming convention".into())
}

fn single(ids: &[&str]) -> std::result::Result<Option<String>, String> {
    match ids {
        [] => Ok(None),
        [one] => Ok(Some(one.to_string())),
        many => Err(format!("matches several lines ({}); assign it to one", many.join(", "))),
    }
}

/// Match `rows` (from the file `source`, e.g. `meta`) to lines and merge them into the plan's
/// actuals. Fails on the first row in another currency or mapped to a line id the plan lacks.
pub fn import(plan: &Plan, rows: &[ImportRow], source: &str, mapping: &BTreeMap<String, String>) -> Result<Import> {
    for r in rows {
        if let Some(c) = &r.currency {
            if !c.eq_ignore_ascii_case(&plan.currency) {
                return Err(Error::new(
                    "currency_mismatch",
                    format!("file line {}: the row is in {c} but the plan is in {}; convert it first", r.file_line, plan.currency),
                ));
            }
        }
        if r.spend.is_sign_negative() && !r.spend.is_zero() {
            return Err(Error::new("negative_spend", format!("file line {}: spend {} is negative", r.file_line, r.spend)));
        }
    }
    // Sum rows per (campaign, period, date): ad-set rows roll up into their campaign.
    let mut groups: BTreeMap<(String, NaiveDate, u8), (ImportRow, Vec<usize>)> = BTreeMap::new();
    for r in rows {
        let key = (r.campaign.clone(), r.date, matches!(r.period, Period::Week) as u8);
        match groups.get_mut(&key) {
            None => {
                groups.insert(key, (r.clone(), vec![r.file_line]));
            }
            Some((acc, lines)) => {
                acc.spend = add(acc.spend, r.spend, "imported spend")?;
                acc.impressions = add_opt(acc.impressions, r.impressions)?;
                acc.clicks = add_opt(acc.clicks, r.clicks)?;
                acc.conversions = add_opt(acc.conversions, r.conversions)?;
                acc.revenue = add_opt(acc.revenue, r.revenue)?;
                lines.push(r.file_line);
            }
        }
    }
    let mut added = Vec::new();
    let mut unmatched: BTreeMap<String, Unmatched> = BTreeMap::new();
    for ((campaign, _, _), (row, lines)) in groups {
        match line_for(plan, &campaign, mapping) {
            Ok(id) => {
                if !plan.lines.iter().any(|l| l.id == id) {
                    return Err(Error::new(
                        "unknown_line",
                        format!("file line {}: campaign \"{campaign}\" is mapped to line \"{id}\", which the plan does not have", lines[0]),
                    ));
                }
                added.push(Actual {
                    line: id,
                    date: row.date,
                    period: row.period,
                    spend: row.spend,
                    impressions: row.impressions,
                    clicks: row.clicks,
                    conversions: row.conversions,
                    revenue: row.revenue,
                    source: format!("{source}:{campaign}"),
                });
            }
            Err(reason) => {
                let u = unmatched.entry(campaign.clone()).or_insert_with(|| Unmatched {
                    campaign: campaign.clone(),
                    reason,
                    file_lines: Vec::new(),
                    rows: 0,
                    spend: Decimal::ZERO,
                });
                u.file_lines.extend(lines);
                u.rows += 1;
                u.spend = add(u.spend, row.spend, "unmatched spend")?;
            }
        }
    }
    let (actuals, replaced) = merge(&plan.actuals, &added);
    let mut unmatched: Vec<Unmatched> = unmatched.into_values().collect();
    for u in &mut unmatched {
        u.file_lines.sort_unstable();
    }
    Ok(Import { added, replaced, unmatched, actuals })
}

fn add_opt(a: Option<Decimal>, b: Option<Decimal>) -> Result<Option<Decimal>> {
    Ok(match (a, b) {
        (None, None) => None,
        (a, b) => Some(add(a.unwrap_or_default(), b.unwrap_or_default(), "imported counts")?),
    })
}

/// Merge new actuals into existing ones. For each source campaign in `new`, existing actuals
/// from that same source dated inside the new rows' date range are replaced; everything else
/// (hand-entered rows, other campaigns, other dates) is kept. Returns the list and how many
/// existing rows were replaced.
pub fn merge(existing: &[Actual], new: &[Actual]) -> (Vec<Actual>, usize) {
    let mut ranges: BTreeMap<&str, (NaiveDate, NaiveDate)> = BTreeMap::new();
    for a in new {
        let r = ranges.entry(a.source.as_str()).or_insert((a.date, a.date));
        r.0 = r.0.min(a.date);
        r.1 = r.1.max(a.date);
    }
    let mut out: Vec<Actual> = Vec::with_capacity(existing.len() + new.len());
    let mut replaced = 0;
    for a in existing {
        let hit = !a.source.is_empty()
            && ranges.get(a.source.as_str()).is_some_and(|(from, to)| a.date >= *from && a.date <= *to);
        if hit {
            replaced += 1;
        } else {
            out.push(a.clone());
        }
    }
    out.extend(new.iter().cloned());
    out.sort_by(|a, b| (a.line.as_str(), a.date, a.source.as_str()).cmp(&(b.line.as_str(), b.date, b.source.as_str())));
    (out, replaced)
}

/// Spend summed over some actuals (exact).
pub fn total_spend<'a>(actuals: impl IntoIterator<Item = &'a Actual>) -> Result<Decimal> {
    sum(actuals.into_iter().map(|a| a.spend), "actual spend")
}
