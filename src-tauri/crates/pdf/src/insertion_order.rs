//! Insertion orders: the one-page order an agency sends a publisher or media owner for a direct
//! or offline buy, one per vendor.
//!
//! An auction platform takes a budget and a bid; a newsletter, a radio group or a TV station
//! takes a signed order. The IO is that order: who buys (advertiser and agency), from whom
//! (vendor), what (placements, dates, units, rate, and the schedule week by week: spots and
//! dayparts, faces, insertions), for how much (the net cost payable to the vendor, exactly as
//! the plan costs it), on what terms, signed by both sides. The agency's commission and fees are
//! the client's business, not the vendor's: they stay on the client's plan and never print here. Signing it is the `io_signed` item of
//! the launch checklist. Every figure comes from `flightplan_core::compute`; this module only
//! groups the lines by vendor, numbers the orders and formats what the page prints
//! (`io_page` lays it out).

use crate::labels::{period, Formats};
use crate::{draw, fonts, io_page, Layout, Rendered};
use chrono::NaiveDate;
use flightplan_core::costing::LineView;
use flightplan_core::flight::day_label;
use flightplan_core::money::Currency;
use flightplan_core::plan::{BuyUnit, Line, Paper, Plan, Pricing};
use flightplan_core::report::{line_rows, vendor_orders, Cell, Row};
use flightplan_core::Dec;
use flightplan_core::{Error, PlanView, Result};
use rust_decimal::Decimal;

/// The standard terms printed on every IO: short, and what a media owner expects to see.
pub const IO_TERMS: [(&str, &str); 5] = [
    (
        "Cancellation",
        "Either party may cancel any placement without penalty by written notice at least 14 days before its first insertion date. Later cancellations are liable for placements already run and for production costs already incurred. Placements that have run cannot be cancelled.",
    ),
    (
        "Makegoods",
        "Under-delivery of ordered units, missed, pre-empted or misplaced insertions and material errors will be remedied by makegoods of equal or greater value in a comparable position, agreed in writing by the agency before they run; otherwise the shortfall is credited in full.",
    ),
    (
        "Invoicing",
        "Invoice monthly in arrears, per placement, against delivered units only, with proof of performance (affidavits, tear sheets, screenshots or ad-server reports). Every invoice must quote this IO number. Delivery beyond the ordered units is not billable.",
    ),
    (
        "Payment",
        "Net 30 days from receipt of a correct invoice, at the net cost on this order, in the currency stated. The agency pays as agent for the advertiser and is liable only for sums it has received from the advertiser for this order (sequential liability).",
    ),
    (
        "Changes",
        "Changes to placements, dates, units or rates are valid only as a written revision of this IO signed by both parties. The IAB/4A's standard terms and conditions apply where this order is silent.",
    ),
];

/// How to render insertion orders. `paper: None` uses the plan's `settings.paper`; IOs print in
/// portrait.
#[derive(Debug, Clone, PartialEq)]
pub struct IoOptions {
    pub paper: Option<Paper>,
    /// The issue date printed on the order and stored as the PDF's creation date (passed in:
    /// the renderer never reads the clock, so the same plan and date give the same page).
    pub issued_on: NaiveDate,
}

impl IoOptions {
    pub fn new(issued_on: NaiveDate) -> IoOptions {
        IoOptions { paper: None, issued_on }
    }
}

/// One vendor's order: which lines it carries and its exact totals.
#[derive(Debug, Clone, PartialEq)]
pub struct InsertionOrder {
    /// The vendor as first written on its lines (a line without a vendor is ordered from its
    /// channel).
    pub vendor: String,
    /// e.g. `NCC-202701-5B2E-02-V1`: client initials, plan start month, a checksum of the plan
    /// name, the vendor's number in plan order, and the plan version.
    pub number: String,
    /// Indices into `plan.lines` (and `view.lines`), in plan order.
    pub lines: Vec<usize>,
    /// Sum of the lines' net, as costed.
    pub net: Decimal,
    /// Sum of the lines' gross (net plus commission and fees), as costed: for the agency's and
    /// the client's records only; the vendor's order prints net.
    pub gross: Decimal,
}

/// Whether a line is bought on an insertion order.
pub fn needs_io(line: &Line) -> bool {
    flightplan_core::report::needs_io(line.buying)
}

/// The orders a plan needs: one per vendor of its direct and offline lines, in the order the
/// vendors first appear, with the core's net and gross per vendor
/// (`flightplan_core::report::vendor_orders`). A direct or offline line without a vendor is an
/// error naming it.
pub fn insertion_orders(plan: &Plan, view: &PlanView) -> Result<Vec<InsertionOrder>> {
    Ok(vendor_orders(plan, view)?
        .into_iter()
        .enumerate()
        .map(|(n, v)| InsertionOrder { number: io_number(plan, n + 1), vendor: v.vendor, lines: v.lines, net: v.net, gross: v.gross })
        .collect())
}

/// A deterministic IO number: the same plan, version and vendor always give the same number.
pub fn io_number(plan: &Plan, vendor_no: usize) -> String {
    let initials: String =
        plan.client.split_whitespace().filter_map(|w| w.chars().find(|c| c.is_ascii_alphanumeric())).take(4).collect::<String>().to_ascii_uppercase();
    let initials = if initials.is_empty() { "IO".to_string() } else { initials };
    // FNV-1a: stable across Rust versions and platforms, unlike the std hasher.
    let hash = plan.name.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    format!("{initials}-{}-{:04X}-{vendor_no:02}-V{}", plan.start.format("%Y%m"), hash & 0xffff, plan.version)
}

/// `morning-brew.pdf`, `iheartmedia.pdf`: one name per vendor, never two alike even ignoring
/// case (as Windows and macOS compare names). A vendor that slugs to nothing is `vendor`; a
/// name already taken (`Acme!` and `Acme?` both slug to `acme`) gets its order number, then a
/// counter, until it is free.
pub fn io_file_names<'a>(vendors: impl Iterator<Item = &'a str>) -> Vec<String> {
    let slugs: Vec<String> =
        vendors.map(|v| Some(flightplan_core::naming::slug(v)).filter(|s| !s.is_empty()).unwrap_or_else(|| "vendor".to_string())).collect();
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(slugs.len());
    for (i, base) in slugs.iter().enumerate() {
        let shared = base == "vendor" || slugs.iter().filter(|s| *s == base).count() > 1;
        let mut name = if shared { format!("{base}-{:02}.pdf", i + 1) } else { format!("{base}.pdf") };
        let mut n = 2;
        while taken.contains(&name.to_lowercase()) {
            name = format!("{base}-{:02}-{n}.pdf", i + 1);
            n += 1;
        }
        taken.insert(name.to_lowercase());
        out.push(name);
    }
    out
}

/// Render every insertion order of the plan, one one-page PDF per vendor.
pub fn render_insertion_orders(plan: &Plan, view: &PlanView, opts: &IoOptions) -> Result<Vec<(InsertionOrder, Rendered)>> {
    insertion_orders(plan, view)?
        .into_iter()
        .map(|order| {
            let r = render_insertion_order(plan, view, &order, opts)?;
            Ok((order, r))
        })
        .collect()
}

/// Render one vendor's insertion order as a one-page PDF.
pub fn render_insertion_order(plan: &Plan, view: &PlanView, order: &InsertionOrder, opts: &IoOptions) -> Result<Rendered> {
    if plan.lines.len() != view.lines.len() || order.lines.iter().any(|i| *i >= plan.lines.len()) {
        return Err(Error::new("stale_view", "the insertion order does not match the plan: recompute it before rendering"));
    }
    let currency =
        Currency::from_code(&view.currency).ok_or_else(|| Error::at("unknown_currency", "currency", format!("\"{}\" is not a currency", view.currency)))?;
    let fmt = Formats { currency, style: plan.settings.number_style };
    let rows = line_rows(plan, view)?;
    let doc = IoDoc::new(plan, view, &rows, order, fmt, opts.issued_on);
    let mut fonts = fonts::Fonts::new().map_err(|m| Error::new("font_unavailable", m))?;
    let pages = io_page::lay_out(&doc, opts.paper.unwrap_or(plan.settings.paper), &mut fonts);
    let meta = draw::Meta {
        title: format!("Insertion order {} — {}", order.number, order.vendor),
        author: if plan.prepared_by.is_empty() { plan.client.clone() } else { plan.prepared_by.clone() },
        subject: format!("Insertion order for {} ({}), {}", plan.client, plan.name, order.vendor),
        created: opts.issued_on,
    };
    let bytes = draw::pdf(&pages, &mut fonts, &meta);
    let mut pages = pages.into_iter();
    let layout = pages.next().ok_or_else(|| Error::new("internal", "the insertion order was laid out on no page"))?;
    let continued: Vec<Layout> = pages.collect();
    let mut warnings = crate::warnings(&fonts, std::iter::once(&layout).chain(&continued));
    if layout.folded > 0 {
        warnings.push(format!(
            "The order runs to {} pages: {} of its {} placements did not fit page 1 and follow it, with their schedules (page 1 carries the total of all, the terms and the signatures).",
            1 + continued.len(),
            layout.folded,
            doc.placements.len()
        ));
    }
    Ok(Rendered { bytes, warnings, layout, continued })
}

/// One placement as printed: every cell already formatted.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub name: String,
    pub flight: String,
    pub units: String,
    pub rate: String,
    pub net: String,
    /// Channel, audience, spot length and dayparts, weeks on air, hiatus weeks, materials due,
    /// notes: the small print under the row.
    pub detail: String,
    pub net_value: Decimal,
    /// What the schedule counts for this placement ("spots", "faces", "insertions"), or "net"
    /// when the placement has no units and the schedule shows its net cost per week.
    pub unit: &'static str,
    /// The schedule: per week of the order (`IoDoc::weeks`), the units (or net) that week.
    pub schedule: Vec<Slot>,
    /// The same by month (`IoDoc::months`), as the core adds the weeks up
    /// (`flightplan_core::report::Row::months`; faces: the most up at once).
    pub months: Vec<Slot>,
}

/// A placement's week on the schedule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Slot {
    /// Outside the placement's flight.
    Off,
    /// In the flight, nothing runs.
    Hiatus,
    /// Units that week (or net cost, for a placement without units), as costed.
    Value(Decimal),
}

/// Everything the IO page prints, formatted.
pub struct IoDoc<'a> {
    pub plan: &'a Plan,
    pub order: &'a InsertionOrder,
    pub fmt: Formats,
    pub issued: String,
    pub period: String,
    pub placements: Vec<Placement>,
    pub net: String,
    /// Mondays of the weeks the order runs, for the schedule's columns.
    pub weeks: Vec<NaiveDate>,
    /// The plan's month bands the order runs in ("Jan 2027"), for a long order's schedule.
    pub months: Vec<String>,
    /// The vendor's channels, e.g. `Newsletter`.
    pub channels: String,
}

impl<'a> IoDoc<'a> {
    fn new(plan: &'a Plan, view: &PlanView, rows: &[Row], order: &'a InsertionOrder, fmt: Formats, issued_on: NaiveDate) -> IoDoc<'a> {
        let mut weeks: Vec<NaiveDate> = order.lines.iter().flat_map(|i| view.lines[*i].weeks.iter().map(|w| w.week_start)).collect();
        weeks.sort_unstable();
        weeks.dedup();
        // The month bands holding any of the order's weeks.
        let bands: Vec<usize> = view
            .months
            .iter()
            .enumerate()
            .filter(|(_, b)| view.weeks.get(b.first_week..b.first_week + b.weeks).is_some_and(|ws| ws.iter().any(|w| weeks.binary_search(w).is_ok())))
            .map(|(k, _)| k)
            .collect();
        let placements: Vec<Placement> = order
            .lines
            .iter()
            .map(|i| {
                let mut p = placement(plan, &plan.lines[*i], &view.lines[*i], fmt, &weeks);
                p.months = bands.iter().map(|k| month_slot(rows.get(*i).and_then(|r| r.months.get(*k)), p.unit != "net")).collect();
                p
            })
            .collect();
        let (first, last) = order.lines.iter().fold((plan.end, plan.start), |(s, e), i| (s.min(plan.lines[*i].start), e.max(plan.lines[*i].end)));
        let period = if order.lines.is_empty() { period(plan.start, plan.end) } else { period(first, last) };
        let mut channels: Vec<&str> = Vec::new();
        for i in &order.lines {
            let c = plan.lines[*i].channel.as_str();
            if !c.is_empty() && !channels.contains(&c) {
                channels.push(c);
            }
        }
        IoDoc {
            plan,
            order,
            fmt,
            issued: day_label(issued_on),
            period,
            net: fmt.money(order.net),
            weeks,
            months: bands.iter().map(|k| view.months[*k].label.clone()).collect(),
            placements,
            channels: channels.join(", "),
        }
    }
}

fn placement(plan: &Plan, line: &Line, lv: &LineView, f: Formats, weeks: &[NaiveDate]) -> Placement {
    let on_air = lv.weeks.iter().filter(|w| !w.hiatus).count();
    let hiatus: Vec<String> = lv.weeks.iter().filter(|w| w.hiatus).map(|w| w.week_start.format("%-d %b").to_string()).collect();
    let mut detail = vec![line.channel.clone()];
    if let Some(b) = line.buying {
        detail.push(crate::labels::buying(Some(b)).to_string());
    }
    let audience = if line.universe.is_some() { line.target_audience.trim() } else { plan.target_audience.trim() };
    if let Some(u) = lv.universe {
        let who = if audience.is_empty() { "Universe".to_string() } else { audience.to_string() };
        detail.push(format!("{who} ({})", f.count(Some(u.0))));
    }
    if let Some(s) = line.spot_length {
        detail.push(format!(":{s} spots"));
    }
    if !line.dayparts.is_empty() {
        let parts: Vec<String> = line
            .dayparts
            .iter()
            .map(|d| match d.share {
                Some(s) => format!("{} {}%", d.name.trim(), f.plain(s.normalize())),
                None => d.name.trim().to_string(),
            })
            .collect();
        detail.push(format!("Dayparts: {}", parts.join(", ")));
    }
    if let Some(r) = line.readership {
        detail.push(format!("Readership {}", f.count(Some(r.0))));
    }
    let weeks_n = lv.weeks.len();
    detail.push(if hiatus.is_empty() {
        format!("{weeks_n} week{} on air", if weeks_n == 1 { "" } else { "s" })
    } else {
        format!("{on_air} of {weeks_n} weeks on air, hiatus w/c {}", hiatus.join(", "))
    });
    for c in &line.creative {
        let due = c.due.map(|d| format!(", due {}", day_label(d))).unwrap_or_default();
        detail.push(format!("Materials: {} × {}{due}", c.count, c.format));
    }
    if !line.notes.trim().is_empty() {
        detail.push(line.notes.trim().to_string());
    }
    let has_units = lv.weeks.iter().any(|w| w.units.is_some());
    let schedule = weeks
        .iter()
        .map(|ws| match lv.weeks.iter().find(|w| w.week_start == *ws) {
            None => Slot::Off,
            Some(w) if w.hiatus => Slot::Hiatus,
            Some(w) if has_units => w.units.map_or(Slot::Off, |n| Slot::Value(Decimal::from(n))),
            Some(w) => Slot::Value(w.net.0),
        })
        .collect();
    Placement {
        name: line.name.clone(),
        flight: period(line.start, line.end),
        units: units(line, lv, f),
        rate: match lv.rate {
            Some(r) => format!("{} {}", lv.pricing.label(), f.rate(r.0)),
            None if lv.pricing == Pricing::Flat => "Flat fee".to_string(),
            None => lv.pricing.label().to_string(),
        },
        net: f.money(lv.net.0),
        detail: detail.join("  ·  "),
        net_value: lv.net.0,
        unit: if has_units { lv.unit.map_or("units", |u| u.label()) } else { "net" },
        schedule,
        months: Vec::new(),
    }
}

/// A placement's month on the schedule, from the core's month cell: its units (or net), a
/// hiatus month, or off.
fn month_slot(cell: Option<&Cell>, units: bool) -> Slot {
    match cell {
        None => Slot::Off,
        Some(c) if !c.in_flight => Slot::Off,
        Some(c) if units => c.units.filter(|n| *n > 0).map_or(Slot::Hiatus, |n| Slot::Value(Decimal::from(n))),
        Some(c) if c.net.is_zero() => Slot::Hiatus,
        Some(c) => Slot::Value(c.net),
    }
}

/// The units the vendor delivers against: the booked units (spots, faces for so many weeks,
/// insertions) with the points they carry, else the priced unit, else the first estimate.
fn units(line: &Line, lv: &LineView, f: Formats) -> String {
    let count = |v: Option<Decimal>, what: &str| v.map(|x| format!("{} {what}", f.count(Some(x))));
    let grps = |v: Option<Decimal>| v.map(|x| format!("{} GRPs", f.grps(Some(x))));
    let booked = match (lv.unit, lv.units) {
        (Some(BuyUnit::Faces), Some(n)) => {
            let weeks = lv.weeks.iter().filter(|w| !w.hiatus).count();
            Some(format!("{} faces × {weeks} week{}", f.plain(n.normalize()), if weeks == 1 { "" } else { "s" }))
        }
        (Some(u), Some(n)) => Some(format!("{} {}", f.plain(n.normalize()), u.label())),
        _ => None,
    };
    let priced = match line.pricing {
        Pricing::Cpm => count(lv.impressions.map(Dec::get), "impressions"),
        Pricing::Cpc => count(lv.clicks.map(Dec::get), "clicks"),
        Pricing::Cpa => count(lv.conversions.map(Dec::get), "conversions"),
        Pricing::Cpv => count(lv.views.map(Dec::get), "views"),
        Pricing::Cpp => grps(lv.grps.map(Dec::get)),
        Pricing::Flat | Pricing::PerFaceWeek | Pricing::PerInsertion => None,
    };
    match (booked, priced) {
        (Some(b), Some(p)) => format!("{b}, {p}"),
        (Some(b), None) => b,
        (None, Some(p)) => p,
        (None, None) => count(lv.impressions.map(Dec::get), "impressions")
            .or_else(|| count(lv.views.map(Dec::get), "views"))
            .or_else(|| grps(lv.grps.map(Dec::get)))
            .or_else(|| count(lv.clicks.map(Dec::get), "clicks"))
            .unwrap_or_else(|| "—".to_string()),
    }
}
