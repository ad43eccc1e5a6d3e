//! Launch: the checklist a line must clear before money is spent, and its status moves.
//!
//! "Tracking verified before a cent is spent" is the rule buyers break under deadline, so going
//! live is gated: a line moves planned → booked → live ⇄ paused → ended, and it can go live only
//! when its required items are done, or with an explicit override that records who and why.

use crate::costing::compute;
use crate::error::{Error, Result};
use crate::learning::learning_needs;
use crate::money::{format_money, Currency};
use crate::plan::{Buying, LaunchOverride, Line, LineStatus, Plan};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckItem {
    /// `tracking_verified`, `creative_ready`, `naming_applied`, `budget_control`, `io_signed`,
    /// `funded_above_learning`.
    pub item: &'static str,
    /// The item as the board names it: "Tracking verified", "IO signed".
    pub label: &'static str,
    /// The item on its chip, short: "Tracking", "Creative 3 of 4", "No creative", "Learning".
    pub short: String,
    pub required: bool,
    pub done: bool,
    pub detail: String,
    /// What the item still needs, in running text, as the board lists open items and a refusal
    /// says them: "creative ready (2 of 3 assets delivered)", "IO signed".
    pub needs: String,
}

/// The checklist of every line, in plan order.
pub fn checklists(plan: &Plan) -> Result<Vec<Vec<CheckItem>>> {
    let view = compute(plan)?;
    let needs = learning_needs(&plan.lines, &view.lines, plan.settings.learning_events_per_week);
    Ok(plan
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let need = needs.iter().find(|n| n.line == i);
            checklist(plan, l, need.map(|n| (n.weekly_spend, n.weekly_minimum)))
        })
        .collect())
}

fn checklist(plan: &Plan, l: &Line, learning: Option<(rust_decimal::Decimal, rust_decimal::Decimal)>) -> Vec<CheckItem> {
    let auction = l.buying == Some(Buying::Auction);
    let digital = l.pricing.is_digital() || matches!(l.buying, Some(Buying::Auction | Buying::Programmatic));
    let direct = matches!(l.buying, Some(Buying::Direct | Buying::Offline));
    // Counts are summed wide: a line's creative list is bounded (core::limits), each count is not.
    let (need, have): (u64, u64) = l.creative.iter().fold((0, 0), |(n, h), c| (n + u64::from(c.count), h + u64::from(c.delivered.min(c.count))));
    // Money in the detail is written as everywhere else in the plan: its currency and number style.
    let money = |v: rust_decimal::Decimal| match Currency::from_code(&plan.currency) {
        Some(c) => format_money(v, c, plan.settings.number_style),
        None => format!("{} {}", v.round_dp(2), plan.currency),
    };
    let mut items = vec![
        CheckItem {
            item: "tracking_verified",
            label: item_label("tracking_verified"),
            short: "Tracking".into(),
            required: digital,
            done: l.launch.tracking_verified,
            detail: "pixel or server-side events verified".into(),
            needs: String::new(),
        },
        CheckItem {
            item: "creative_ready",
            label: item_label("creative_ready"),
            short: if need == 0 { "No creative".into() } else { format!("Creative {have} of {need}") },
            required: true,
            done: need > 0 && have >= need,
            detail: if need == 0 { "no creative listed".into() } else { format!("{have} of {need} {} delivered", if need == 1 { "asset" } else { "assets" }) },
            needs: String::new(),
        },
        CheckItem {
            item: "naming_applied",
            label: item_label("naming_applied"),
            short: "Naming".into(),
            required: digital && plan.monitoring.naming_template.is_some(),
            done: l.launch.naming_applied,
            detail: "campaign names follow the plan's naming convention".into(),
            needs: String::new(),
        },
        CheckItem {
            item: "budget_control",
            label: item_label("budget_control"),
            short: "Budget control".into(),
            required: auction,
            done: l.launch.budget_control.is_some(),
            detail: match l.launch.budget_control {
                Some(b) => format!("{b:?}").to_uppercase(),
                None => "choose CBO or ABO".into(),
            },
            needs: String::new(),
        },
        CheckItem {
            item: "io_signed",
            label: item_label("io_signed"),
            short: "IO signed".into(),
            required: direct,
            done: l.launch.io_signed,
            detail: "insertion order signed".into(),
            needs: String::new(),
        },
    ];
    if let Some((weekly, minimum)) = learning {
        items.push(CheckItem {
            item: "funded_above_learning",
            label: item_label("funded_above_learning"),
            short: "Learning".into(),
            required: true,
            done: weekly >= minimum,
            detail: format!("{} a week against a learning minimum of {}", money(weekly), money(minimum)),
            needs: String::new(),
        });
    }
    for c in &mut items {
        // Where the detail says more than the name (how many assets, how much a week), it goes in.
        c.needs = match c.item {
            "creative_ready" | "funded_above_learning" => format!("{} ({})", item_words(c.item), c.detail),
            _ => item_words(c.item),
        };
    }
    items
}

/// A line as the buy-and-launch stage shows it: where it stands, what blocks it going live, and
/// the campaign name the buyer types into the platform.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LaunchLine {
    pub line: String,
    pub name: String,
    pub channel: String,
    pub status: LineStatus,
    /// Every required item is done: the line may go live without an override.
    pub ready: bool,
    /// The required items not yet done.
    pub open: Vec<&'static str>,
    pub checklist: Vec<CheckItem>,
    /// The moves this line can make from its status, in the order planned → ended.
    pub moves: Vec<LineStatus>,
    /// The name the plan's naming convention gives the line; null without a convention.
    pub campaign: Option<String>,
    /// Who overrode the checklist to go live, and why.
    #[serde(rename = "override")]
    pub override_: Option<LaunchOverride>,
}

/// Every line's launch state, in plan order. A broken naming template is an error naming it.
pub fn board(plan: &Plan) -> Result<Vec<LaunchLine>> {
    use LineStatus::*;
    let lists = checklists(plan)?;
    plan.lines
        .iter()
        .zip(lists)
        .map(|(l, checklist)| {
            let open: Vec<&'static str> = checklist.iter().filter(|c| c.required && !c.done).map(|c| c.item).collect();
            let campaign = match &plan.monitoring.naming_template {
                Some(t) => Some(crate::naming::campaign_name(t, plan, l)?),
                None => None,
            };
            Ok(LaunchLine {
                line: l.id.clone(),
                name: l.name.clone(),
                channel: l.channel.clone(),
                status: l.launch.status,
                ready: open.is_empty(),
                open,
                checklist,
                moves: [Planned, Booked, Live, Paused, Ended].into_iter().filter(|&to| allowed(l.launch.status, to)).collect(),
                campaign,
                override_: l.launch.override_.clone(),
            })
        })
        .collect()
}

/// Whether `from → to` is a move a line can make.
pub fn allowed(from: LineStatus, to: LineStatus) -> bool {
    use LineStatus::*;
    matches!(
        (from, to),
        (Planned, Booked)
            | (Booked, Planned)
            | (Booked, Live)
            | (Live, Paused)
            | (Paused, Live)
            | (Live, Ended)
            | (Paused, Ended)
            | (Planned, Ended)
            | (Booked, Ended)
    )
}

/// A checklist item as the board names it ("Tracking verified", "IO signed").
pub fn item_label(item: &str) -> &'static str {
    match item {
        "tracking_verified" => "Tracking verified",
        "creative_ready" => "Creative ready",
        "naming_applied" => "Naming applied",
        "budget_control" => "Budget control",
        "io_signed" => "IO signed",
        "funded_above_learning" => "Funded above learning",
        _ => "Checklist item",
    }
}

/// A checklist item in running text ("creative ready", "IO signed"), as a refusal says it.
pub fn item_words(item: &str) -> String {
    let label = item_label(item);
    match label.strip_prefix("IO ") {
        Some(_) => label.to_string(),
        None => label.to_lowercase(),
    }
}

/// Move line `id` to `to`. Going live needs every required item done, or an override with a
/// name and a reason (recorded on the line with `on`). Returns the changed plan.
pub fn transition(plan: &Plan, id: &str, to: LineStatus, on: NaiveDate, override_by: Option<(&str, &str)>) -> Result<Plan> {
    let idx = plan.lines.iter().position(|l| l.id == id).ok_or_else(|| Error::new("unknown_line", format!("no line \"{id}\"")))?;
    let from = plan.lines[idx].launch.status;
    if !allowed(from, to) {
        return Err(Error::new("bad_transition", format!("a {from:?} line cannot move to {to:?}").to_lowercase()).on_line(id));
    }
    let mut next = plan.clone();
    if to == LineStatus::Live {
        let open: Vec<&'static str> = checklists(plan)?[idx].iter().filter(|c| c.required && !c.done).map(|c| c.item).collect();
        if !open.is_empty() {
            match override_by {
                Some((by, why)) if !by.trim().is_empty() && !why.trim().is_empty() => {
                    next.lines[idx].launch.override_ = Some(LaunchOverride { by: by.trim().into(), reason: why.trim().into(), on });
                }
                _ => {
                    let open: Vec<String> = open.into_iter().map(item_words).collect();
                    return Err(Error::new(
                        "launch_blocked",
                        format!("cannot go live: {} not done; finish them or override with who and why", open.join(", ")),
                    )
                    .on_line(id));
                }
            }
        }
    }
    next.lines[idx].launch.status = to;
    Ok(next)
}
