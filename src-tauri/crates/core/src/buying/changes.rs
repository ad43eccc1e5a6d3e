//! What changed between two versions of a plan: every figure a client signed off that is
//! different now, per line and per total, and the lines added and removed.
//!
//! "What changed since approval" is the question a client asks of a revised plan, so the
//! answer is computed here from the two plans themselves (the approved snapshot and the plan
//! as it stands), costing both, rather than from an edit log that could miss a change.

use crate::costing::compute;
use crate::error::Result;
use crate::plan::{Line, Pattern, Plan};
use crate::view::{LineView, PlanView};
use crate::Dec;
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::Serialize;

/// How a changed value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ChangeKind {
    /// In the plan currency.
    Money,
    /// A whole count (impressions, clicks).
    Count,
    /// A percentage (share, reach, a fee's percent).
    Percent,
    /// A rate or a ratio (CPM, CTR, frequency, GRPs).
    Number,
    /// `YYYY-MM-DD`.
    Date,
    Text,
}

/// One changed figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Change {
    /// The line's id, or none for the plan and its totals.
    pub line: Option<String>,
    /// The field: `net`, `gross`, `start`, `rate`, `impressions`, `weeks.2027-01-04`,
    /// `totals.net_media`, `totals.months.2027-01`, `fees.tech_fee_pct`, …
    pub field: String,
    /// In words: "Net media", "Week of 4 Jan 2027", "Tech fee %".
    pub label: String,
    pub kind: ChangeKind,
    /// As the plan file and the costed view write them (decimals as strings); none when absent.
    pub before: Option<String>,
    pub after: Option<String>,
    /// after − before, for numbers present on both sides.
    pub difference: Option<Dec>,
    /// A figure that follows from the others (a line's fees, gross and delivery, the plan's
    /// totals, months and weeks), not one the plan sets: lists show what was set first.
    pub derived: bool,
}

/// A line added or removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LineRef {
    pub id: String,
    pub channel: String,
    pub name: String,
    pub net: Dec,
}

/// Every difference from one version of a plan to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Changes {
    pub currency: String,
    pub from_version: u32,
    pub to_version: u32,
    /// Who approved the earlier version and when, if it was approved.
    pub approved_by: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub approved_at: Option<DateTime<Utc>>,
    pub lines_added: Vec<LineRef>,
    pub lines_removed: Vec<LineRef>,
    /// Plan-level changes first (period, fees, totals, months, weeks), then each line's in
    /// plan order.
    pub changes: Vec<Change>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.lines_added.is_empty() && self.lines_removed.is_empty() && self.changes.is_empty()
    }
}

/// Everything that differs from `before` (e.g. the approved snapshot) to `after` (the plan as
/// it stands). Both plans are costed, so a broken one is its first error.
pub fn changes(before: &Plan, after: &Plan) -> Result<Changes> {
    let (vb, va) = (compute(before)?, compute(after)?);
    let mut out = Vec::new();
    plan_changes(before, after, &vb, &va, &mut out);
    let mut added = Vec::new();
    for (l, v) in after.lines.iter().zip(&va.lines) {
        match before.lines.iter().position(|b| b.id == l.id) {
            None => added.push(LineRef { id: l.id.clone(), channel: l.channel.clone(), name: l.name.clone(), net: v.net }),
            Some(i) => line_changes(&before.lines[i], l, &vb.lines[i], v, &mut out),
        }
    }
    let removed = before
        .lines
        .iter()
        .zip(&vb.lines)
        .filter(|(b, _)| !after.lines.iter().any(|l| l.id == b.id))
        .map(|(l, v)| LineRef { id: l.id.clone(), channel: l.channel.clone(), name: l.name.clone(), net: v.net })
        .collect();
    Ok(Changes {
        currency: va.currency.clone(),
        from_version: before.version,
        to_version: after.version,
        approved_by: before.approval.as_ref().map(|a| a.by.clone()),
        approved_at: before.approval.as_ref().map(|a| a.at),
        lines_added: added,
        lines_removed: removed,
        changes: out,
    })
}

/// Collects changes of one owner (a line or the plan).
struct Diff<'a> {
    line: Option<&'a str>,
    out: &'a mut Vec<Change>,
    /// Whether the figures pushed now are derived ones.
    derived: bool,
}

impl Diff<'_> {
    fn push(&mut self, field: &str, label: &str, kind: ChangeKind, before: Option<String>, after: Option<String>, diff: Option<Decimal>) {
        if before != after {
            self.out.push(Change {
                line: self.line.map(str::to_string),
                field: field.to_string(),
                label: label.to_string(),
                kind,
                before,
                after,
                difference: diff.map(Dec),
                derived: self.derived,
            });
        }
    }

    fn num(&mut self, field: &str, label: &str, kind: ChangeKind, b: Option<Decimal>, a: Option<Decimal>) {
        // Equal amounts written differently ("10" and "10.00") are no change.
        if b.map(|x| x.normalize()) == a.map(|x| x.normalize()) {
            return;
        }
        let diff = match (b, a) {
            (Some(b), Some(a)) => a.checked_sub(b),
            _ => None,
        };
        self.push(field, label, kind, b.map(|x| x.to_string()), a.map(|x| x.to_string()), diff);
    }

    fn text(&mut self, field: &str, label: &str, b: &str, a: &str) {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        self.push(field, label, ChangeKind::Text, opt(b), opt(a), None);
    }

    fn date(&mut self, field: &str, label: &str, b: Option<NaiveDate>, a: Option<NaiveDate>) {
        self.push(field, label, ChangeKind::Date, b.map(|d| d.to_string()), a.map(|d| d.to_string()), None);
    }

    fn json<T: Serialize>(&mut self, field: &str, label: &str, b: &T, a: &T) {
        let show = |v: &T| match serde_json::to_value(v) {
            Ok(serde_json::Value::Null) | Err(_) => None,
            Ok(serde_json::Value::String(s)) => Some(s),
            Ok(v) => Some(v.to_string()),
        };
        self.push(field, label, ChangeKind::Text, show(b), show(a), None);
    }
}

fn plan_changes(b: &Plan, a: &Plan, vb: &PlanView, va: &PlanView, out: &mut Vec<Change>) {
    use ChangeKind::*;
    let mut d = Diff { line: None, out, derived: false };
    d.text("name", "Plan name", &b.name, &a.name);
    d.text("client", "Client", &b.client, &a.client);
    d.text("brand", "Brand", &b.brand, &a.brand);
    d.text("currency", "Currency", &b.currency, &a.currency);
    d.date("start", "Period start", Some(b.start), Some(a.start));
    d.date("end", "Period end", Some(b.end), Some(a.end));
    d.json("goal", "Goal", &b.goal, &a.goal);
    d.num("fees.agency_commission_pct", "Agency commission %", Percent, Some(b.fees.agency_commission_pct.0), Some(a.fees.agency_commission_pct.0));
    d.json("fees.agency_commission_basis", "Commission basis", &b.fees.agency_commission_basis, &a.fees.agency_commission_basis);
    d.num("fees.ad_serving_cpm", "Ad serving CPM", Money, Some(b.fees.ad_serving_cpm.0), Some(a.fees.ad_serving_cpm.0));
    d.num("fees.tech_fee_pct", "Tech fee %", Percent, Some(b.fees.tech_fee_pct.0), Some(a.fees.tech_fee_pct.0));
    let (tb, ta) = (&vb.totals, &va.totals);
    for (field, label, kind, x, y) in [
        ("budget", "Budget", Money, Some(tb.budget), Some(ta.budget)),
        ("net_media", "Net media", Money, Some(tb.net_media), Some(ta.net_media)),
        ("agency_commission", "Agency commission", Money, Some(tb.agency_commission), Some(ta.agency_commission)),
        ("ad_serving", "Ad serving", Money, Some(tb.ad_serving), Some(ta.ad_serving)),
        ("tech_fee", "Tech fee", Money, Some(tb.tech_fee), Some(ta.tech_fee)),
        ("fees", "Fees", Money, Some(tb.fees), Some(ta.fees)),
        ("gross", "Gross", Money, Some(tb.gross), Some(ta.gross)),
        ("unallocated", "Unallocated", Money, Some(tb.unallocated), Some(ta.unallocated)),
        ("impressions", "Impressions", Count, tb.impressions, ta.impressions),
        ("clicks", "Clicks", Count, tb.clicks, ta.clicks),
        ("conversions", "Conversions", Count, tb.conversions, ta.conversions),
        ("views", "Views", Count, tb.views, ta.views),
        ("grps", "GRPs", Number, tb.grps, ta.grps),
        ("reach_pct", "Reach %", Percent, tb.reach_pct, ta.reach_pct),
        ("frequency", "Frequency", Number, tb.frequency, ta.frequency),
        ("effective_reach_pct", "Effective reach %", Percent, tb.effective_reach_pct, ta.effective_reach_pct),
    ] {
        // The budget is the plan's own; every other total follows from the lines.
        d.derived = field != "budget";
        d.num(&format!("totals.{field}"), label, kind, x.map(Dec::get), y.map(Dec::get));
    }
    // Months and weeks by their dates, so a moved period still lines up.
    let months = |v: &PlanView| -> Vec<(String, String, Decimal)> {
        v.totals.months.iter().map(|m| (format!("{}-{:02}", m.year, m.month), m.label.clone(), m.net.0)).collect()
    };
    let (mb, ma) = (months(vb), months(va));
    for key in union(mb.iter().map(|m| m.0.clone()), ma.iter().map(|m| m.0.clone())) {
        let find = |ms: &[(String, String, Decimal)]| ms.iter().find(|m| m.0 == key).cloned();
        let (x, y) = (find(&mb), find(&ma));
        let label = y.as_ref().or(x.as_ref()).map(|m| format!("Net media, {}", m.1)).unwrap_or_default();
        d.num(&format!("totals.months.{key}"), &label, Money, x.map(|m| m.2), y.map(|m| m.2));
    }
    week_changes(&mut d, "totals.weeks", &tb.weeks, &ta.weeks);
}

fn line_changes(b: &Line, a: &Line, vb: &LineView, va: &LineView, out: &mut Vec<Change>) {
    use ChangeKind::*;
    let mut d = Diff { line: Some(&a.id), out, derived: false };
    d.text("name", "Line name", &b.name, &a.name);
    d.text("channel", "Channel", &b.channel, &a.channel);
    d.text("vendor", "Vendor", &b.vendor, &a.vendor);
    d.json("role", "Role", &b.role, &a.role);
    d.json("buying", "Buying method", &b.buying, &a.buying);
    d.json("pricing", "Pricing", &b.pricing, &a.pricing);
    d.num("rate", "Rate", Money, b.rate.map(Dec::get), a.rate.map(Dec::get));
    d.date("start", "Flight start", Some(b.start), Some(a.start));
    d.date("end", "Flight end", Some(b.end), Some(a.end));
    d.push("flighting", "Flighting", Text, Some(flighting(b)), Some(flighting(a)), None);
    for (field, label, x, y) in [("ctr", "CTR", b.ctr, a.ctr), ("cvr", "CVR", b.cvr, a.cvr), ("vtr", "View rate", b.vtr, a.vtr)] {
        d.num(field, label, Number, x.map(Dec::get), y.map(Dec::get));
    }
    d.json("ad_served", "Ad served", &b.is_ad_served(), &a.is_ad_served());
    d.json("kpi", "Line KPI", &b.kpi, &a.kpi);
    d.num("net", "Net media", Money, Some(vb.net.0), Some(va.net.0));
    d.derived = true;
    for (field, label, kind, x, y) in [
        ("share_pct", "Share of net media %", Percent, Some(vb.share_pct), Some(va.share_pct)),
        ("agency_commission", "Agency commission", Money, Some(vb.agency_commission), Some(va.agency_commission)),
        ("ad_serving", "Ad serving", Money, Some(vb.ad_serving), Some(va.ad_serving)),
        ("tech_fee", "Tech fee", Money, Some(vb.tech_fee), Some(va.tech_fee)),
        ("fees", "Fees", Money, Some(vb.fees), Some(va.fees)),
        ("gross", "Gross", Money, Some(vb.gross), Some(va.gross)),
        ("impressions", "Impressions", Count, vb.impressions, va.impressions),
        ("clicks", "Clicks", Count, vb.clicks, va.clicks),
        ("conversions", "Conversions", Count, vb.conversions, va.conversions),
        ("views", "Views", Count, vb.views, va.views),
        ("grps", "GRPs", Number, vb.grps, va.grps),
        ("reach_pct", "Reach %", Percent, vb.reach_pct, va.reach_pct),
    ] {
        d.num(field, label, kind, x.map(Dec::get), y.map(Dec::get));
    }
    d.derived = false;
    d.json(
        "creative",
        "Creative",
        &b.creative.iter().map(|c| (&c.format, c.count, c.due)).collect::<Vec<_>>(),
        &a.creative.iter().map(|c| (&c.format, c.count, c.due)).collect::<Vec<_>>(),
    );
    d.derived = true;
    week_changes(&mut d, "weeks", &vb.weeks, &va.weeks);
}

fn week_changes(d: &mut Diff, prefix: &str, b: &[crate::week_row::LineWeek], a: &[crate::week_row::LineWeek]) {
    for start in union(b.iter().map(|w| w.week_start), a.iter().map(|w| w.week_start)) {
        let find = |ws: &[crate::week_row::LineWeek]| ws.iter().find(|w| w.week_start == start).map(|w| w.net);
        d.num(
            &format!("{prefix}.{start}"),
            &format!("Week of {}", crate::flight::day_label(start)),
            ChangeKind::Money,
            find(b).map(Dec::get),
            find(a).map(Dec::get),
        );
    }
}

/// Keys of both sides in order, each once.
fn union<T: PartialEq + Ord + Clone>(a: impl Iterator<Item = T>, b: impl Iterator<Item = T>) -> Vec<T> {
    let mut all: Vec<T> = a.chain(b).collect();
    all.sort();
    all.dedup();
    all
}

/// "continuous", "flighting 3 on, 1 off", "pulsing 2 on, 2 off at 0.5", "weights 1, 1, 0".
fn flighting(l: &Line) -> String {
    if let Some(w) = &l.weights {
        return format!("weights {}", w.iter().map(|x| x.normalize().to_string()).collect::<Vec<_>>().join(", "));
    }
    match &l.pattern {
        None | Some(Pattern::Continuous) => "continuous".into(),
        Some(Pattern::Flighting { on, off }) => format!("flighting {on} on, {off} off"),
        Some(Pattern::Pulsing { on, off, base }) => format!("pulsing {on} on, {off} off at {}", base.normalize()),
    }
}
