//! The cells of a pasted block: which line field a column is (by its heading, in any order),
//! and what a cell says, read strictly: a number in the planner's number style (`1,234.56` or
//! `1.234,56`), a percent, a pricing model, a KPI, a date by the date order. A cell that could
//! be read two ways, or not at all, is refused with the reason; nothing is guessed.

use super::dates::{parse_date, DateOrder};
use crate::money::Currency;
use crate::plan::{Buying, Demand, Funnel, Kpi, Line, NumberStyle, Pricing};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// A field of a line that a pasted column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum LineField {
    Id,
    Name,
    Channel,
    Vendor,
    Role,
    Demand,
    Buying,
    Pricing,
    Rate,
    Budget,
    Share,
    Start,
    End,
    Kpi,
    KpiTarget,
    Ctr,
    Cvr,
    Vtr,
    Impressions,
    Notes,
}

/// The line grid's columns, in order: a block pasted without a header row fills these from the
/// column it was pasted at.
pub const GRID_COLUMNS: [LineField; 10] = [
    LineField::Name,
    LineField::Channel,
    LineField::Pricing,
    LineField::Rate,
    LineField::Budget,
    LineField::Share,
    LineField::Start,
    LineField::End,
    LineField::Kpi,
    LineField::KpiTarget,
];

/// The field as the grid heads it.
pub fn label(f: LineField) -> &'static str {
    use LineField::*;
    match f {
        Id => "Id",
        Name => "Line",
        Channel => "Channel",
        Vendor => "Vendor",
        Role => "Role",
        Demand => "Demand",
        Buying => "Buying",
        Pricing => "Pricing",
        Rate => "Rate",
        Budget => "Budget",
        Share => "Share %",
        Start => "Start",
        End => "End",
        Kpi => "KPI",
        KpiTarget => "KPI target",
        Ctr => "CTR",
        Cvr => "CVR",
        Vtr => "View rate",
        Impressions => "Impressions",
        Notes => "Notes",
    }
}

/// The field a column heading names, in the words spreadsheets use ("Flight start", "Net
/// media", "Publisher", …), ignoring case, spacing and punctuation; a heading that names a
/// pricing model ("CPM") is the rate column and implies that pricing.
pub fn field_for_heading(heading: &str) -> Option<(LineField, Option<Pricing>)> {
    use LineField::*;
    let key: String = heading.to_lowercase().chars().filter(|c| c.is_alphanumeric() || *c == '%').collect();
    let f = match key.as_str() {
        "id" | "lineid" => Id,
        "line" | "name" | "linename" | "placement" | "campaign" | "tactic" | "lineitem" => Name,
        "channel" | "media" | "mediachannel" | "medium" => Channel,
        "vendor" | "publisher" | "mediaowner" | "supplier" | "platform" | "partner" | "seller" => Vendor,
        "role" | "funnel" | "funnelstage" | "objective" => Role,
        "demand" => Demand,
        "buying" | "buyingmethod" | "buymethod" | "method" => Buying,
        "pricing" | "pricingmodel" | "buytype" | "costtype" | "costmodel" | "model" | "ratetype" => Pricing,
        "rate" | "unitrate" | "unitcost" | "price" | "unitprice" => Rate,
        "budget" | "net" | "netmedia" | "netcost" | "cost" | "spend" | "amount" | "investment" | "netbudget" | "mediacost" => Budget,
        "share" | "share%" | "%" | "split" | "shareofbudget" | "allocation" | "allocation%" | "%ofbudget" => Share,
        "start" | "startdate" | "from" | "flightstart" | "begin" | "launch" => Start,
        "end" | "enddate" | "to" | "flightend" | "finish" | "stop" => End,
        "kpi" | "primarykpi" | "metric" => Kpi,
        "kpitarget" | "target" | "goal" | "kpigoal" => KpiTarget,
        "ctr" | "clickthroughrate" | "clickrate" => Ctr,
        "cvr" | "conversionrate" => Cvr,
        "vtr" | "viewrate" | "completionrate" | "vcr" => Vtr,
        "impressions" | "imps" | "impr" | "impression" => Impressions,
        "notes" | "note" | "comments" | "comment" => Notes,
        other => {
            return pricing_word(other).filter(|p| *p != crate::plan::Pricing::Flat).map(|p| (Rate, Some(p)));
        }
    };
    Some((f, None))
}

/// A cell's value, as the line will hold it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Dec(Decimal),
    Date(NaiveDate),
    Pricing(Pricing),
    Kpi(Kpi),
    Role(Funnel),
    Demand(Demand),
    Buying(Buying),
}

impl Value {
    /// As the plan file writes it: decimals and dates as text, choices by their file names.
    pub fn text(&self) -> String {
        let name = |v: serde_json::Result<serde_json::Value>| v.ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        match self {
            Value::Text(s) => s.clone(),
            Value::Dec(d) => d.to_string(),
            Value::Date(d) => d.to_string(),
            Value::Pricing(p) => name(serde_json::to_value(p)),
            Value::Kpi(k) => name(serde_json::to_value(k)),
            Value::Role(f) => name(serde_json::to_value(f)),
            Value::Demand(d) => name(serde_json::to_value(d)),
            Value::Buying(b) => name(serde_json::to_value(b)),
        }
    }
}

/// Read one cell for `field`. Empty cells are `None`.
pub fn read_cell(field: LineField, cell: &str, dates: DateOrder, numbers: NumberStyle, currency: Currency) -> Result<Option<Value>, String> {
    use LineField::*;
    let text = cell.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let v = match field {
        Id | Name | Channel | Vendor | Notes => Value::Text(text.to_string()),
        Start | End => Value::Date(parse_date(text, dates)?),
        Pricing => {
            Value::Pricing(pricing_word(&text.to_lowercase()).ok_or_else(|| format!("\"{text}\" is not a pricing model (CPM, CPC, CPA, CPV, CPP or flat)"))?)
        }
        Kpi => Value::Kpi(kpi_word(text).ok_or_else(|| format!("\"{text}\" is not a KPI (e.g. CPA, ROAS, reach, CPM)"))?),
        Role => Value::Role(match text.to_lowercase().as_str() {
            "awareness" => Funnel::Awareness,
            "consideration" => Funnel::Consideration,
            "conversion" => Funnel::Conversion,
            "retention" => Funnel::Retention,
            _ => return Err(format!("\"{text}\" is not a funnel role (awareness, consideration, conversion or retention)")),
        }),
        Demand => Value::Demand(match text.to_lowercase().as_str() {
            "capture" | "demand capture" => crate::plan::Demand::Capture,
            "creation" | "demand creation" => crate::plan::Demand::Creation,
            _ => return Err(format!("\"{text}\" is not capture or creation")),
        }),
        Buying => Value::Buying(match text.to_lowercase().replace(['-', '/'], " ").trim() {
            "auction" | "platform" | "platform auction" | "self serve" => crate::plan::Buying::Auction,
            "programmatic" | "dsp" | "programmatic dsp" => crate::plan::Buying::Programmatic,
            "direct" | "io" | "insertion order" | "direct io" => crate::plan::Buying::Direct,
            "offline" | "traditional" => crate::plan::Buying::Offline,
            _ => return Err(format!("\"{text}\" is not a buying method (auction, programmatic, direct or offline)")),
        }),
        Budget => {
            let (v, pct) = number(text, numbers)?;
            if pct {
                return Err(format!("\"{text}\" is a percent: put shares in the Share % column"));
            }
            if v < Decimal::ZERO {
                return Err(format!("\"{text}\" is negative"));
            }
            if v.normalize().scale() > currency.minor_units() {
                return Err(format!("\"{text}\" has more decimal places than {} allows ({})", currency.code(), currency.minor_units()));
            }
            Value::Dec(v)
        }
        Rate | KpiTarget => {
            let (v, _) = number(text, numbers)?;
            if v < Decimal::ZERO {
                return Err(format!("\"{text}\" is negative"));
            }
            Value::Dec(v)
        }
        Share => {
            let (v, _) = number(text, numbers)?;
            if v < Decimal::ZERO || v > Decimal::ONE_HUNDRED {
                return Err(format!("\"{text}\" is not a share between 0% and 100%"));
            }
            Value::Dec(v)
        }
        Ctr | Cvr | Vtr => {
            let (v, pct) = number(text, numbers)?;
            let v = if pct { v / Decimal::ONE_HUNDRED } else { v };
            if v < Decimal::ZERO || v > Decimal::ONE {
                return Err(format!("\"{text}\" is more than 100%: write a rate as 1.2% or as the fraction 0.012"));
            }
            Value::Dec(v.normalize())
        }
        Impressions => {
            let (v, pct) = number(text, numbers)?;
            if pct || v < Decimal::ZERO || !v.fract().is_zero() {
                return Err(format!("\"{text}\" is not a whole number of impressions"));
            }
            Value::Dec(v.normalize())
        }
    };
    Ok(Some(v))
}

/// A number in the planner's style, with currency symbols or codes around it and a trailing
/// `%` allowed (returned as the second value). Thousands separators must group digits in threes,
/// so `1,5` is not silently read as 15.
pub fn number(text: &str, style: NumberStyle) -> Result<(Decimal, bool), String> {
    let bad = || {
        let example = match style {
            NumberStyle::CommaDot => "1,234.56",
            NumberStyle::DotComma => "1.234,56",
            NumberStyle::SpaceComma => "1 234,56",
            NumberStyle::Indian => "1,23,456.78",
        };
        format!("\"{text}\" is not a number in the {example} style")
    };
    let mut t = text.trim().to_string();
    let pct = t.ends_with('%');
    if pct {
        t.pop();
    }
    // Currency symbols and codes either side: $, €, £, ¥, USD …
    let t = t.trim_matches(|c: char| c.is_whitespace() || "$€£¥₹₩₽₺₪".contains(c));
    let t = t.trim_start_matches(|c: char| c.is_ascii_uppercase()).trim_end_matches(|c: char| c.is_ascii_uppercase()).trim();
    let t = t.trim_matches(|c: char| "$€£¥₹₩₽₺₪".contains(c)).trim();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.trim()),
        None => (false, t),
    };
    let (group, point): (&[char], char) = match style {
        NumberStyle::CommaDot | NumberStyle::Indian => (&[','], '.'),
        NumberStyle::DotComma => (&['.'], ','),
        NumberStyle::SpaceComma => (&[' ', '\u{a0}', '\u{202f}'], ','),
    };
    let (int, frac) = match t.split_once(point) {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let groups: Vec<&str> = int.split(|c| group.contains(&c)).collect();
    let threes = |g: &[&str]| !g[0].is_empty() && g[0].len() <= 3 && g[1..].iter().all(|g| g.len() == 3);
    // Indian grouping: the last group three digits, those before it two (the first one or two).
    let lakhs = |g: &[&str]| {
        let (last, rest) = g.split_last().unwrap_or((&"", &[]));
        last.len() == 3 && !rest.is_empty() && (1..=2).contains(&rest[0].len()) && rest[1..].iter().all(|g| g.len() == 2)
    };
    let grouped_ok = groups.len() == 1 || threes(&groups) || (style == NumberStyle::Indian && lakhs(&groups));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !grouped_ok || !groups.iter().all(|g| digits(g)) || frac.is_some_and(|f| !digits(f)) {
        return Err(bad());
    }
    let plain = format!("{}{}{}", if negative { "-" } else { "" }, groups.concat(), frac.map(|f| format!(".{f}")).unwrap_or_default());
    Decimal::from_str(&plain).map(|v| (v, pct)).map_err(|_| bad())
}

fn pricing_word(t: &str) -> Option<Pricing> {
    Some(match t.trim() {
        "cpm" | "vcpm" | "dcpm" => Pricing::Cpm,
        "cpc" => Pricing::Cpc,
        "cpa" | "cpi" | "cpl" | "cpo" | "cpe" => Pricing::Cpa,
        "cpv" | "cpcv" | "cpvv" => Pricing::Cpv,
        "cpp" | "cpgrp" | "cprp" | "costperpoint" | "cost per point" => Pricing::Cpp,
        "flat" | "fixed" | "flatfee" | "flat fee" | "fixedfee" | "fixed fee" | "sponsorship" => Pricing::Flat,
        _ => return None,
    })
}

fn kpi_word(t: &str) -> Option<Kpi> {
    let key = t.trim().to_lowercase().replace([' ', '-'], "_");
    serde_json::from_value(serde_json::Value::String(key.clone())).ok().or(match key.as_str() {
        "views" => Some(Kpi::VideoViews),
        "grp" => Some(Kpi::Grps),
        "repeat" => Some(Kpi::RepeatRate),
        _ => None,
    })
}

/// Put a read value into a line. A budget clears the line's share and a share its budget.
pub fn set(line: &mut Line, field: LineField, value: &Value) {
    use LineField::*;
    match (field, value) {
        (Id, Value::Text(s)) => line.id = s.clone(),
        (Name, Value::Text(s)) => line.name = s.clone(),
        (Channel, Value::Text(s)) => line.channel = s.clone(),
        (Vendor, Value::Text(s)) => line.vendor = s.clone(),
        (Notes, Value::Text(s)) => line.notes = s.clone(),
        (Role, Value::Role(r)) => line.role = Some(*r),
        (Demand, Value::Demand(d)) => line.demand = Some(*d),
        (Buying, Value::Buying(b)) => line.buying = Some(*b),
        (Pricing, Value::Pricing(p)) => line.pricing = *p,
        (Rate, Value::Dec(v)) => line.rate = Some((*v).into()),
        (Budget, Value::Dec(v)) => {
            line.budget = Some((*v).into());
            line.share = None;
        }
        (Share, Value::Dec(v)) => {
            line.share = Some((*v).into());
            line.budget = None;
        }
        (Start, Value::Date(d)) => line.start = *d,
        (End, Value::Date(d)) => line.end = *d,
        (Kpi, Value::Kpi(k)) => line.kpi = Some(crate::plan::KpiTarget { kpi: *k, target: line.kpi.as_ref().and_then(|t| t.target) }),
        (KpiTarget, Value::Dec(v)) => {
            if let Some(k) = &mut line.kpi {
                k.target = Some((*v).into());
            }
        }
        (Ctr, Value::Dec(v)) => line.ctr = Some((*v).into()),
        (Cvr, Value::Dec(v)) => line.cvr = Some((*v).into()),
        (Vtr, Value::Dec(v)) => line.vtr = Some((*v).into()),
        (Impressions, Value::Dec(v)) => line.impressions = Some((*v).into()),
        _ => {}
    }
}

/// Copy one field from a line to another (fill down): the value as held, never re-read.
pub fn copy(from: &Line, to: &mut Line, field: LineField) {
    use LineField::*;
    match field {
        Id => {}
        Name => to.name = from.name.clone(),
        Channel => to.channel = from.channel.clone(),
        Vendor => to.vendor = from.vendor.clone(),
        Notes => to.notes = from.notes.clone(),
        Role => to.role = from.role,
        Demand => to.demand = from.demand,
        Buying => to.buying = from.buying,
        Pricing => to.pricing = from.pricing,
        Rate => to.rate = from.rate,
        Budget | Share => {
            to.budget = from.budget;
            to.share = from.share;
        }
        Start => to.start = from.start,
        End => to.end = from.end,
        Kpi | KpiTarget => to.kpi = from.kpi.clone(),
        Ctr => to.ctr = from.ctr,
        Cvr => to.cvr = from.cvr,
        Vtr => to.vtr = from.vtr,
        Impressions => to.impressions = from.impressions,
    }
}

/// The field a plan-file path under `lines[i]` names (`rate`, `kpi.target`, …).
pub fn field_of_path(path: &str) -> Option<LineField> {
    let rest = path.split_once("].").map(|(_, r)| r)?;
    let head = rest.split(['.', '[']).next()?;
    serde_json::from_value(serde_json::Value::String(match head {
        "kpi" if rest.starts_with("kpi.target") => "kpi_target".into(),
        other => other.to_string(),
    }))
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_in_the_planners_style_and_never_half_read() {
        let n = |t: &str, s| number(t, s).map(|(v, p)| (v.to_string(), p));
        assert_eq!(n("$2,400,000.00", NumberStyle::CommaDot), Ok(("2400000.00".into(), false)));
        assert_eq!(n("2.400.000,50 €", NumberStyle::DotComma), Ok(("2400000.50".into(), false)));
        assert_eq!(n("2\u{a0}400,5", NumberStyle::SpaceComma), Ok(("2400.5".into(), false)));
        assert_eq!(n("12.5%", NumberStyle::CommaDot), Ok(("12.5".into(), true)));
        assert_eq!(n("USD 950", NumberStyle::CommaDot), Ok(("950".into(), false)));
        assert!(n("1,5", NumberStyle::CommaDot).is_err(), "not 15");
        assert_eq!(n("₹12,34,567.89", NumberStyle::Indian), Ok(("1234567.89".into(), false)));
        assert_eq!(n("1,234,567", NumberStyle::Indian), Ok(("1234567".into(), false)));
        assert!(n("12,34,567", NumberStyle::CommaDot).is_err(), "lakhs only in the Indian style");
        assert!(n("1,2,34,567", NumberStyle::Indian).is_err());
        assert!(n("123,45,678", NumberStyle::Indian).is_err());
        assert!(n("2.400,00", NumberStyle::CommaDot).is_err());
        assert!(n("twelve", NumberStyle::CommaDot).is_err());
    }

    #[test]
    fn headings_in_spreadsheet_words() {
        assert_eq!(field_for_heading("Flight Start"), Some((LineField::Start, None)));
        assert_eq!(field_for_heading("Net media ($)"), Some((LineField::Budget, None)));
        assert_eq!(field_for_heading("Net Media"), Some((LineField::Budget, None)));
        assert_eq!(field_for_heading("CPM"), Some((LineField::Rate, Some(Pricing::Cpm))));
        assert_eq!(field_for_heading("Publisher"), Some((LineField::Vendor, None)));
        assert_eq!(field_of_path("lines[0].kpi.target"), Some(LineField::KpiTarget));
        assert_eq!(field_of_path("lines[3].rate"), Some(LineField::Rate));
    }
}
