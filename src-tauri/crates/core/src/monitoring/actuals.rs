//! Imported actuals: platform report rows matched to plan lines and merged into the plan.
//!
//! A report speaks in campaign, ad set (ad group) and ad names, the plan in lines. A row is
//! matched by its ad set name first, then its campaign name (an ad-set or ad-only report is
//! matched by what it has): the mapping given with the import, a name saved on a line
//! (`line.launch.campaigns`), or the plan's naming convention. Rows that match no line are listed
//! for the planner to assign, never dropped. An import is all or nothing: any bad row (a currency
//! other than the plan's, a row for an unknown line id) fails the whole import naming the file's
//! line, and the plan is untouched because this module only returns a new list of actuals.
//!
//! Re-importing replaces, never doubles: each imported actual carries its source (platform and
//! the matched name), and an existing actual of the same source whose days overlap the days the
//! new report covers for that source is replaced (see [`merge`]).

use crate::error::{Error, Result};
use crate::money::{add, sum};
use crate::naming::{campaign_name, normalise};
use crate::plan::{Actual, Plan};
use crate::Dec;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// A row's campaign, ad set and ad names.
type Names<'a> = (&'a str, Option<&'a str>, Option<&'a str>);

/// A plain multiplicative hash for the import's own keys (names from one file, row ranges):
/// a report of 200,000 rows hashes each row twice, and SipHash's resistance to crafted keys buys
/// nothing against a file the planner chose.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// One row of a report after parsing: a campaign's (or ad set's, or ad's) delivery over a day,
/// a week or any range of days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportRow {
    /// Line number in the file (1-based), for messages.
    pub file_line: usize,
    /// The campaign; empty when the report has no campaign column (an ad-set or ad report).
    pub campaign: String,
    /// The ad set (Meta, TikTok) or ad group (Google, Microsoft), when the report has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ad_set: Option<String>,
    /// The ad, when the report has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ad: Option<String>,
    /// First and last day the row covers (inclusive).
    #[serde(with = "crate::date")]
    pub start: NaiveDate,
    #[serde(with = "crate::date")]
    pub end: NaiveDate,
    pub spend: Dec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impressions: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clicks: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversions: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Dec>,
    /// ISO code stated by the file for this row, if it states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

impl ImportRow {
    /// The name the planner knows the row by: its campaign, else its ad set, else its ad.
    pub fn label(&self) -> &str {
        [Some(self.campaign.as_str()), self.ad_set.as_deref(), self.ad.as_deref()].into_iter().flatten().find(|s| !s.trim().is_empty()).unwrap_or("")
    }
}

/// Rows whose names matched no line (or more than one), for the planner to assign.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Unmatched {
    /// The campaign (or, in a report without campaigns, the ad set or ad) the rows belong to.
    pub campaign: String,
    /// The ad sets / ad groups of those rows, when the report has them: any of these names can
    /// be assigned to a line instead of the whole campaign.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<String>>", optional))]
    pub ad_sets: Vec<String>,
    pub reason: String,
    pub file_lines: Vec<usize>,
    pub rows: usize,
    pub spend: Dec,
}

/// The outcome of an import: the plan's complete new actuals and what happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Import {
    /// Rows matched to lines, summed per line, source and range of days.
    pub added: Vec<Actual>,
    /// How many existing actuals the import replaced (same source, overlapping days).
    pub replaced: usize,
    pub unmatched: Vec<Unmatched>,
    /// Things the planner should know, e.g. a replaced row that reached outside the new report.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// All of the plan's actuals after the import.
    #[serde(skip)]
    pub actuals: Vec<Actual>,
    /// The added rows that cover days outside the plan's period (they still count toward spend
    /// to date, so the planner is told before saving them); none when every row is inside.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outside_period: Option<OutsidePeriod>,
}

/// Added rows with days outside the plan's period: how many, and the first and last such day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutsidePeriod {
    pub rows: usize,
    #[serde(with = "crate::date")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub first: NaiveDate,
    #[serde(with = "crate::date")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub last: NaiveDate,
}

/// [`OutsidePeriod`] of `added` against the plan's `start..=end`.
pub fn outside_period(added: &[Actual], start: NaiveDate, end: NaiveDate) -> Option<OutsidePeriod> {
    let outside: Vec<&Actual> = added.iter().filter(|a| a.start < start || a.end > end).collect();
    Some(OutsidePeriod { rows: outside.len(), first: outside.iter().map(|a| a.start).min()?, last: outside.iter().map(|a| a.end).max()? })
}

/// Names compared loosely (case, spacing, dash style) against what each line answers to.
pub struct Matcher<'a> {
    plan: &'a Plan,
    mapping: HashMap<String, &'a str>,
    saved: HashMap<String, Vec<usize>>,
    convention: Vec<(String, usize)>,
}

impl<'a> Matcher<'a> {
    /// Everything the plan's lines answer to, normalised once.
    pub fn new(plan: &'a Plan, mapping: &'a BTreeMap<String, String>) -> Matcher<'a> {
        let mut saved: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, l) in plan.lines.iter().enumerate() {
            for c in &l.launch.campaigns {
                let ids = saved.entry(normalise(c)).or_default();
                if !ids.contains(&i) {
                    ids.push(i);
                }
            }
        }
        let convention = match &plan.monitoring.naming_template {
            Some(t) => plan
                .lines
                .iter()
                .enumerate()
                .filter_map(|(i, l)| campaign_name(t, plan, l).ok().map(|n| (normalise(&n), i)))
                .filter(|(n, _)| !n.is_empty())
                .collect(),
            None => Vec::new(),
        };
        Matcher { plan, mapping: mapping.iter().map(|(k, v)| (normalise(k), v.as_str())).collect(), saved, convention }
    }

    /// The line id a name belongs to: the import's mapping, a name saved on a line, or the
    /// naming convention (the name, or the name followed by `_ - | .` or a space and a suffix).
    /// `Err` says why it matched none or several.
    pub fn line_for(&self, name: &str) -> std::result::Result<String, String> {
        let key = normalise(name);
        if let Some(id) = self.mapping.get(&key) {
            return Ok(id.to_string());
        }
        if let Some(ids) = self.saved.get(&key) {
            if let Some(one) = self.single(ids)? {
                return Ok(one);
            }
        }
        let by_name: Vec<usize> = self
            .convention
            .iter()
            .filter(|(n, _)| key == *n || (key.starts_with(n.as_str()) && key[n.len()..].starts_with(['_', '-', ' ', '|', '.'])))
            .map(|(_, i)| *i)
            .collect();
        if let Some(one) = self.single(&by_name)? {
            return Ok(one);
        }
        Err("no line has this name saved, and it does not follow the naming convention".into())
    }

    fn single(&self, ids: &[usize]) -> std::result::Result<Option<String>, String> {
        let id = |i: &usize| self.plan.lines.get(*i).map(|l| l.id.clone()).unwrap_or_default();
        match ids {
            [] => Ok(None),
            [one] => Ok(Some(id(one))),
            many => Err(format!("matches several lines ({}); assign it to one", many.iter().map(id).collect::<Vec<_>>().join(", "))),
        }
    }

    /// Match a row by its ad set, then its campaign (then its ad, when it has neither). Gives
    /// the line id and the source the actual will carry.
    fn match_row(&self, row: &ImportRow, source: &str) -> std::result::Result<(String, String), String> {
        let campaign = row.campaign.trim();
        let ad_set = row.ad_set.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let ad = row.ad.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let mut why: Option<String> = None;
        let mut tried = Vec::new();
        if let Some(set) = ad_set {
            tried.push("ad set");
            match self.line_for(set) {
                Ok(id) => {
                    let src = if campaign.is_empty() { format!("{source}:{set}") } else { format!("{source}:{campaign} / {set}") };
                    return Ok((id, src));
                }
                Err(e) if e.starts_with("matches several") => why = Some(format!("its ad set {e}")),
                Err(_) => {}
            }
        }
        if !campaign.is_empty() {
            tried.push("campaign");
            match self.line_for(campaign) {
                Ok(id) => return Ok((id, format!("{source}:{campaign}"))),
                Err(e) if e.starts_with("matches several") && why.is_none() => why = Some(e),
                Err(_) => {}
            }
        }
        if let (Some(ad), None, true) = (ad, ad_set, campaign.is_empty()) {
            tried.push("ad");
            match self.line_for(ad) {
                Ok(id) => return Ok((id, format!("{source}:{ad}"))),
                Err(e) if e.starts_with("matches several") && why.is_none() => why = Some(e),
                Err(_) => {}
            }
        }
        Err(why.unwrap_or_else(|| format!("no line has this {} name saved, and it does not follow the naming convention", tried.join(" or "))))
    }
}

/// Which line a campaign name belongs to (see [`Matcher::line_for`]).
pub fn line_for(plan: &Plan, campaign: &str, mapping: &BTreeMap<String, String>) -> std::result::Result<String, String> {
    Matcher::new(plan, mapping).line_for(campaign)
}

/// Match `rows` (from the platform `source`, e.g. `meta`) to lines and merge them into the
/// plan's actuals. Fails on the first row in another currency, with negative spend, with an
/// impossible range, or mapped to a line id the plan lacks.
pub fn import(plan: &Plan, rows: &[ImportRow], source: &str, mapping: &BTreeMap<String, String>) -> Result<Import> {
    for r in rows {
        if let Some(c) = &r.currency {
            if !c.eq_ignore_ascii_case(&plan.currency) {
                return Err(Error::new("currency_mismatch", format!("the row is in {c} but the plan is in {}; convert it first", plan.currency))
                    .at_row(None, r.file_line));
            }
        }
        if r.spend.is_sign_negative() && !r.spend.is_zero() {
            return Err(Error::new("negative_spend", format!("spend {} is negative", r.spend)).at_row(None, r.file_line));
        }
        if r.end < r.start || (r.end - r.start).num_days() >= crate::plan::MAX_ACTUAL_DAYS {
            return Err(Error::new("bad_period", format!("the row covers {} to {}, which is not a range of at most ten years", r.start, r.end))
                .at_row(None, r.file_line));
        }
    }
    let matcher = Matcher::new(plan, mapping);
    // One match per distinct name triple; rows of a big report share a few dozen.
    let mut matches: Vec<std::result::Result<(String, String), String>> = Vec::new();
    let mut by_names: HashMap<Names, usize, BuildHasherDefault<Fx>> = HashMap::default();
    // Matched rows summed per (match, start, end): breakdown rows (age, gender, placement) and
    // ad rows roll up into their line's source and range.
    let mut group_of: HashMap<(usize, NaiveDate, NaiveDate), usize, BuildHasherDefault<Fx>> = HashMap::default();
    let mut groups: Vec<(Actual, usize)> = Vec::new();
    let mut unmatched: BTreeMap<String, (Unmatched, BTreeSet<String>)> = BTreeMap::new();
    for r in rows {
        let key = (r.campaign.as_str(), r.ad_set.as_deref(), r.ad.as_deref());
        let m = match by_names.get(&key) {
            Some(m) => *m,
            None => {
                matches.push(matcher.match_row(r, source));
                by_names.insert(key, matches.len() - 1);
                matches.len() - 1
            }
        };
        match &matches[m] {
            Ok((id, src)) => {
                let g = *group_of.entry((m, r.start, r.end)).or_insert_with(|| {
                    let mut a = Actual::on_day(id, r.start, Decimal::ZERO);
                    a.end = r.end;
                    a.source = src.clone();
                    groups.push((a, r.file_line));
                    groups.len() - 1
                });
                let acc = &mut groups[g].0;
                acc.spend = Dec(add(acc.spend.0, r.spend.0, "imported spend")?);
                acc.impressions = add_opt(acc.impressions.map(Dec::get), r.impressions.map(Dec::get))?.map(Dec);
                acc.clicks = add_opt(acc.clicks.map(Dec::get), r.clicks.map(Dec::get))?.map(Dec);
                acc.conversions = add_opt(acc.conversions.map(Dec::get), r.conversions.map(Dec::get))?.map(Dec);
                acc.revenue = add_opt(acc.revenue.map(Dec::get), r.revenue.map(Dec::get))?.map(Dec);
            }
            Err(reason) => {
                let label = r.label().to_string();
                let (u, sets) = unmatched.entry(label.clone()).or_insert_with(|| {
                    let u =
                        Unmatched { campaign: label, ad_sets: Vec::new(), reason: reason.clone(), file_lines: Vec::new(), rows: 0, spend: Dec(Decimal::ZERO) };
                    (u, BTreeSet::new())
                });
                if let Some(set) = r.ad_set.as_deref().filter(|s| !s.trim().is_empty() && s.trim() != u.campaign) {
                    sets.insert(set.trim().to_string());
                }
                u.file_lines.push(r.file_line);
                u.rows += 1;
                u.spend = Dec(add(u.spend.0, r.spend.0, "unmatched spend")?);
            }
        }
    }
    drop(group_of);
    let known: std::collections::HashSet<&str> = plan.lines.iter().map(|l| l.id.as_str()).collect();
    let mut added = Vec::with_capacity(groups.len());
    for (a, first_line) in groups {
        if !known.contains(a.line.as_str()) {
            return Err(
                Error::new("unknown_line", format!("\"{}\" is mapped to line \"{}\", which the plan does not have", a.source, a.line)).at_row(None, first_line)
            );
        }
        added.push(a);
    }
    let merged = merge(&plan.actuals, &added);
    let unmatched = unmatched
        .into_values()
        .map(|(mut u, sets)| {
            u.file_lines.sort_unstable();
            u.ad_sets = sets.into_iter().collect();
            u
        })
        .collect();
    let outside_period = outside_period(&added, plan.start, plan.end);
    Ok(Import { added, replaced: merged.replaced, unmatched, warnings: merged.warnings, actuals: merged.actuals, outside_period })
}

fn add_opt(a: Option<Decimal>, b: Option<Decimal>) -> Result<Option<Decimal>> {
    Ok(match (a, b) {
        (None, None) => None,
        (a, b) => Some(add(a.unwrap_or_default(), b.unwrap_or_default(), "imported counts")?),
    })
}

/// The plan's actuals after merging new ones in.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub actuals: Vec<Actual>,
    /// How many existing rows were replaced.
    pub replaced: usize,
    pub warnings: Vec<String>,
}

/// Merge new actuals into existing ones, replacing rather than doubling.
///
/// For each source in `new` (a platform and the campaign or ad set name), the new rows of that
/// source cover the days from their earliest start to their latest end. An existing actual of
/// the same source that shares at least one day with that span is replaced, whole. A replaced
/// row that reached outside the span is dropped with its days outside too (its spend cannot be
/// split honestly), and a warning says so. Hand-entered actuals (no source), other sources and
/// rows wholly outside the span are kept.
pub fn merge(existing: &[Actual], new: &[Actual]) -> Merged {
    let mut spans: HashMap<&str, (NaiveDate, NaiveDate)> = HashMap::new();
    for a in new {
        let r = spans.entry(a.source.as_str()).or_insert((a.start, a.end));
        r.0 = r.0.min(a.start);
        r.1 = r.1.max(a.end);
    }
    let mut out: Vec<Actual> = Vec::with_capacity(existing.len() + new.len());
    let mut replaced = 0;
    let mut warnings = Vec::new();
    for a in existing {
        let span = if a.source.is_empty() { None } else { spans.get(a.source.as_str()) };
        match span {
            Some(&(from, to)) if a.start <= to && a.end >= from => {
                replaced += 1;
                if a.start < from || a.end > to {
                    warnings.push(format!(
                        "{}: the earlier row for {} to {} ({} spend) reached outside the new report's {} to {} and was replaced whole; import a report covering those days again if they are missing",
                        a.source, a.start, a.end, a.spend, from, to
                    ));
                }
            }
            _ => out.push(a.clone()),
        }
    }
    out.extend(new.iter().cloned());
    // Ordered by line, days and source. Rows are large to move and their names slow to compare
    // again and again, so each distinct name is ranked once and compact keys are sorted.
    let rank = |names: Vec<&str>| -> HashMap<String, u32, BuildHasherDefault<Fx>> {
        let mut distinct: Vec<&str> = names;
        distinct.sort_unstable();
        distinct.dedup();
        distinct.into_iter().enumerate().map(|(i, n)| (n.to_string(), i as u32)).collect()
    };
    let distinct = |f: fn(&Actual) -> &str| -> Vec<&str> {
        let mut seen: HashMap<&str, (), BuildHasherDefault<Fx>> = HashMap::default();
        out.iter().map(f).filter(|n| seen.insert(n, ()).is_none()).collect()
    };
    let line_rank = rank(distinct(|a| a.line.as_str()));
    let source_rank = rank(distinct(|a| a.source.as_str()));
    let mut order: Vec<(u32, NaiveDate, NaiveDate, u32, usize)> = out
        .iter()
        .enumerate()
        .map(|(i, a)| (line_rank.get(a.line.as_str()).copied().unwrap_or(0), a.start, a.end, source_rank.get(a.source.as_str()).copied().unwrap_or(0), i))
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<Actual>> = out.into_iter().map(Some).collect();
    let actuals = order.into_iter().filter_map(|k| slots.get_mut(k.4).and_then(Option::take)).collect();
    Merged { actuals, replaced, warnings }
}

/// Spend summed over some actuals (exact).
pub fn total_spend<'a>(actuals: impl IntoIterator<Item = &'a Actual>) -> Result<Decimal> {
    sum(actuals.into_iter().map(|a| a.spend.0), "actual spend")
}
