//! The rate card: a planner's channel catalogue with its default rates, and the fees new plans
//! start with.
//!
//! A planner keeps the same working assumptions from plan to plan (what a Meta prospecting CPM
//! costs this year, that Linear TV is bought offline on an insertion order, the agency's
//! commission), so they live in the library, not in one plan, and every new line or pasted row
//! starts from them. The built-in card is a starting point (`default_rate_card`); a planner's
//! edits are saved in the library (`flightplan-store`), exported and imported as a
//! `flightplan-rates/1` JSON file, and checked here with errors that name the entry.
//!
//! Decimals are strings and rates are in the card's currency, as in the plan file.

use crate::error::{Error, Result};
use crate::money::Currency;
use crate::plan::{Buying, Daypart, Demand, Fees, Funnel, Line, Medium, Pricing};
use crate::Dec;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The file format of an exported rate card.
pub const RATE_CARD_FORMAT: &str = "flightplan-rates/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RateCard {
    /// Always `flightplan-rates/1`.
    pub format: String,
    /// ISO 4217: the currency the rates are in, and new plans' currency.
    pub currency: String,
    /// The fees a new plan starts with; none means a new plan has no fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub fees: Option<Fees>,
    pub channels: Vec<RateCardEntry>,
}

/// One channel a planner can add as a line, with the defaults the line starts from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RateCardEntry {
    /// The channel, as lines name it ("Meta", "Linear TV").
    pub channel: String,
    /// The kind of buy within the channel ("Prospecting"), the new line's name.
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vendor: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub demand: Option<Demand>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub role: Option<Funnel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub buying: Option<Buying>,
    pub pricing: Pricing,
    /// The default rate in the card's currency (none: the planner gives one per line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub rate: Option<Dec>,
    /// Whether ad serving applies (default: digital pricing is ad-served).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub ad_served: Option<bool>,
    /// The medium (else read from the pricing or the channel's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub medium: Option<Medium>,
    /// For CPP entries: the cost per thousand on-target impressions a point is priced at, so a
    /// new line's CPP follows its plan's universe (CPP = CPM × universe / 100,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub typical_cpm: Option<Dec>,
    /// Seconds, for spot media.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub spot_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dayparts: Vec<Daypart>,
    /// Default faces for a poster campaign or screens for cinema, insertions for print.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub faces: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub insertions: Option<u32>,
    /// Print: readers of one insertion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub readership: Option<Dec>,
}

impl RateCardEntry {
    /// "Meta — Prospecting", as errors and lists name an entry.
    pub fn label(&self) -> String {
        let parts: Vec<&str> = [self.channel.trim(), self.name.trim()].into_iter().filter(|p| !p.is_empty()).collect();
        if parts.is_empty() {
            "(unnamed)".into()
        } else {
            parts.join(" \u{2014} ")
        }
    }
}

/// The built-in rate card: the core's channel catalogue (digital and traditional media, in US
/// dollars), with no fees (a new plan's fees are zero until the planner saves their own).
pub fn default_rate_card() -> RateCard {
    RateCard { format: RATE_CARD_FORMAT.into(), currency: "USD".into(), fees: None, channels: crate::catalogue::built_in_entries() }
}

impl RateCard {
    /// The entry a line of `channel` (and, to choose among a channel's entries, `name`) starts
    /// from: the channel matched ignoring case and spacing; among its entries the one named
    /// `name`, else the first whose name starts with it ("Drive time spots" finds "Drive time
    /// spots — CPP"), else the channel's first entry.
    pub fn entry_for(&self, channel: &str, name: Option<&str>) -> Option<&RateCardEntry> {
        let key = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let (channel, name) = (key(channel), name.map(key));
        let of_channel = || self.channels.iter().filter(|e| key(&e.channel) == channel);
        let first = of_channel().next();
        match name.filter(|n| !n.is_empty()) {
            Some(n) => of_channel().find(|e| key(&e.name) == n).or_else(|| of_channel().find(|e| key(&e.name).starts_with(&n))).or(first),
            None => first,
        }
    }

    /// A new line from an entry: the channel, name, vendor, demand, role, buying method, pricing,
    /// rate, ad serving, medium and units of the entry, the flight `start`–`end`, and no money yet
    /// (a share of 0%, so the planner gives it a share or an amount). A CPP entry without a rate
    /// is priced on `universe` (the plan's) from its typical CPM.
    pub fn new_line(entry: &RateCardEntry, id: &str, start: NaiveDate, end: NaiveDate, universe: Option<Decimal>) -> Line {
        Line {
            id: id.to_string(),
            channel: entry.channel.clone(),
            name: entry.name.clone(),
            vendor: entry.vendor.clone(),
            role: entry.role,
            demand: entry.demand,
            buying: entry.buying,
            pricing: entry.pricing,
            rate: entry.rate.or_else(|| crate::catalogue::cpp_on(entry.pricing, entry.typical_cpm.map(Dec::get), universe).map(Dec)),
            budget: None,
            share: Some(Dec(Decimal::ZERO)),
            start,
            end,
            ctr: None,
            cvr: None,
            vtr: None,
            impressions: None,
            clicks: None,
            conversions: None,
            views: None,
            grps: None,
            ad_served: entry.ad_served,
            kpi: None,
            weights: None,
            pattern: None,
            creative: Vec::new(),
            launch: Default::default(),
            notes: String::new(),
            reach_pct: None,
            response: None,
            min_budget: None,
            max_budget: None,
            medium: entry.medium,
            target_audience: String::new(),
            universe: None,
            target_pct: None,
            spot_length: entry.spot_length,
            spots: None,
            dayparts: entry.dayparts.clone(),
            faces: entry.faces,
            insertions: entry.insertions,
            readership: entry.readership,
        }
    }
}

/// Read a `flightplan-rates/1` file and check it: every problem, each naming its entry.
pub fn read_rate_card(text: &str) -> std::result::Result<RateCard, Vec<Error>> {
    let mut de = serde_json::Deserializer::from_str(text);
    let card: RateCard = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let at = if path == "." { "rate card".to_string() } else { path };
        vec![Error::at("invalid_rate_card", at, crate::error::without_position(&inner.to_string())).at_json(inner.line(), inner.column())]
    })?;
    let errs = validate_rate_card(&card);
    if errs.is_empty() {
        Ok(card)
    } else {
        Err(errs)
    }
}

/// Write a rate card as pretty `flightplan-rates/1` JSON; `read_rate_card` reads it back.
pub fn write_rate_card(card: &RateCard) -> String {
    serde_json::to_string_pretty(card).unwrap_or_default()
}

/// Every rule a rate card keeps, each broken one naming the entry (`channels[3].rate`,
/// "entry \"Meta — Prospecting\": …").
pub fn validate_rate_card(card: &RateCard) -> Vec<Error> {
    let mut errs = Vec::new();
    if card.format != RATE_CARD_FORMAT {
        errs.push(Error::at(
            "unsupported_format",
            "format",
            format!("\"{}\" is not a rate card this version reads (expected \"{RATE_CARD_FORMAT}\")", card.format),
        ));
    }
    let currency = Currency::from_code(&card.currency);
    if currency.is_none() {
        errs.push(Error::at("unknown_currency", "currency", format!("\"{}\" is not an ISO 4217 currency code (such as USD, EUR, JPY)", card.currency)));
    }
    if let Some(f) = &card.fees {
        let pct = |errs: &mut Vec<Error>, path: &str, v: Decimal, below_100: bool| {
            if v < Decimal::ZERO {
                errs.push(Error::at("negative_value", path, format!("{v} is negative")));
            } else if v > Decimal::ONE_HUNDRED || (below_100 && v == Decimal::ONE_HUNDRED) {
                errs.push(Error::at("out_of_range", path, format!("{v}% must be {}", if below_100 { "below 100" } else { "at most 100" })));
            }
        };
        pct(&mut errs, "fees.agency_commission_pct", f.agency_commission_pct.0, true);
        pct(&mut errs, "fees.tech_fee_pct", f.tech_fee_pct.0, false);
        if f.ad_serving_cpm < Decimal::ZERO {
            errs.push(Error::at("negative_value", "fees.ad_serving_cpm", format!("{} is negative", f.ad_serving_cpm)));
        }
    }
    let mut seen: Vec<(String, String)> = Vec::new();
    for (i, e) in card.channels.iter().enumerate() {
        let label = e.label();
        let mut push = |field: &str, code: &str, msg: String| {
            let mut err = Error::at(code, format!("channels[{i}].{field}"), msg);
            // The entry by its name; where it is in the file (`channels[i].field`) is the path.
            err.message = format!("\u{201c}{label}\u{201d}: {}", err.message);
            errs.push(err);
        };
        if e.channel.trim().is_empty() {
            push("channel", "missing_field", "the entry needs a channel".into());
        }
        if e.name.trim().is_empty() {
            push("name", "missing_field", "the entry needs a name".into());
        }
        let key = (e.channel.trim().to_lowercase(), e.name.trim().to_lowercase());
        if seen.contains(&key) {
            push("name", "duplicate_entry", "another entry has the same channel and name".into());
        }
        seen.push(key);
        match e.rate {
            Some(r) if r < Decimal::ZERO => push("rate", "negative_value", format!("{r} is negative")),
            Some(r) if r.is_zero() && e.pricing != Pricing::Flat => {
                push("rate", "out_of_range", format!("a {} rate must be greater than zero", e.pricing.label()))
            }
            _ => {}
        }
    }
    errs
}

/// The card with one entry's default rate replaced (the entry named by channel and name, as
/// `RateCardEntry::label` shows them): the rate card screen's "edit a rate".
pub fn set_rate(card: &RateCard, channel: &str, name: &str, rate: Option<Decimal>) -> Result<RateCard> {
    let mut next = card.clone();
    let entry = next
        .channels
        .iter_mut()
        .find(|e| e.channel.trim().eq_ignore_ascii_case(channel.trim()) && e.name.trim().eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| Error::new("unknown_entry", format!("the rate card has no entry \"{channel} \u{2014} {name}\"")))?;
    entry.rate = rate.map(Dec);
    if let Some(e) = validate_rate_card(&next).into_iter().next() {
        return Err(e);
    }
    Ok(next)
}

/// The card with a channel the planner added: the rate card screen's "Add a channel". The entry
/// is checked alone first, every problem naming its field under `entry` (a channel and a name,
/// a medium given or read from the pricing or the channel's name, a rate that is not negative
/// and, unless the buy is flat, above zero), then against the card: no other entry may have the
/// same channel and name (ignoring case and spacing). The new entry goes after the channel's
/// other entries, else at the end; the card is not saved here.
pub fn add_entry(card: &RateCard, entry: RateCardEntry) -> std::result::Result<RateCard, Vec<Error>> {
    let mut errs = Vec::new();
    let mut entry = entry;
    entry.channel = entry.channel.split_whitespace().collect::<Vec<_>>().join(" ");
    entry.name = entry.name.split_whitespace().collect::<Vec<_>>().join(" ");
    entry.vendor = entry.vendor.trim().to_string();
    if entry.channel.is_empty() {
        errs.push(Error::at("missing_field", "entry.channel", "a new channel needs its name (\"Podcasts\", \"Pinterest\")"));
    }
    if entry.name.is_empty() {
        errs.push(Error::at(
            "missing_field",
            "entry.name",
            "a new channel needs the kind of buy (\"Host reads\", \"Prospecting\"): new lines are named after it",
        ));
    }
    if !entry.channel.is_empty() && crate::catalogue::line_medium(entry.medium, entry.pricing, &entry.channel).is_none() {
        errs.push(Error::at(
            "missing_field",
            "entry.medium",
            format!("choose the medium of \"{}\": its delivery is checked against that medium's market norms", entry.channel),
        ));
    }
    match entry.rate {
        Some(r) if r < Decimal::ZERO => errs.push(Error::at("negative_value", "entry.rate", format!("{r} is negative"))),
        Some(r) if r.is_zero() && entry.pricing != Pricing::Flat => {
            errs.push(Error::at("out_of_range", "entry.rate", format!("a {} rate must be greater than zero", entry.pricing.label())))
        }
        _ => {}
    }
    let key = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let (channel, name) = (key(&entry.channel), key(&entry.name));
    if !channel.is_empty() && !name.is_empty() && card.channels.iter().any(|e| key(&e.channel) == channel && key(&e.name) == name) {
        errs.push(Error::at("duplicate_entry", "entry.name", format!("the rate card already has \"{}\"", entry.label())));
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let mut next = card.clone();
    let at = next.channels.iter().rposition(|e| key(&e.channel) == channel).map_or(next.channels.len(), |i| i + 1);
    next.channels.insert(at, entry);
    let errs = validate_rate_card(&next);
    if errs.is_empty() {
        Ok(next)
    } else {
        Err(errs)
    }
}

/// The card without the entry named by `channel` and `name` (ignoring case and spacing): the
/// rate card screen's "Remove". Plans that already have lines on it are not touched (a line holds
/// its own channel, pricing, buying method and rate); only new lines and pasted rows no longer
/// start from it.
pub fn remove_entry(card: &RateCard, channel: &str, name: &str) -> Result<RateCard> {
    let key = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let i = card
        .channels
        .iter()
        .position(|e| key(&e.channel) == key(channel) && key(&e.name) == key(name))
        .ok_or_else(|| Error::new("unknown_entry", format!("the rate card has no entry \"{} \u{2014} {}\"", channel.trim(), name.trim())))?;
    let mut next = card.clone();
    next.channels.remove(i);
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_card_is_valid_and_round_trips() {
        let card = default_rate_card();
        assert!(validate_rate_card(&card).is_empty());
        assert_eq!(read_rate_card(&write_rate_card(&card)).unwrap(), card);
        assert!(card.fees.is_none());
    }

    #[test]
    fn entries_are_found_by_channel_then_name() {
        let card = default_rate_card();
        assert_eq!(card.entry_for("google  ads", Some("search — generic")).unwrap().rate, Some(Dec(Decimal::new(240, 2))));
        assert_eq!(card.entry_for("Google Ads", Some("Shopping")).unwrap().name, "Search \u{2014} Brand");
        assert!(card.entry_for("Skywriting", None).is_none());
        // Traditional media are on the card, with their units; a CPP line is priced on the universe.
        let tv = card.entry_for("Linear TV", None).unwrap();
        assert_eq!((tv.pricing, tv.rate, tv.spot_length), (Pricing::Cpp, None, Some(30)));
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        let line = RateCard::new_line(tv, "tv", start, start, Some(Decimal::from(37_500_000)));
        assert_eq!(line.rate, Some(Dec(Decimal::new(1_125_000, 2))));
        assert_eq!(line.medium, Some(Medium::Tv));
        assert_eq!(RateCard::new_line(tv, "tv", start, start, None).rate, None);
    }
}
