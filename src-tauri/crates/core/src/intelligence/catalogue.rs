//! The channel catalogue: a planner's defaults for each channel (medium, funnel role, buying
//! method, pricing, default rate and units) and the market norms each medium's delivery is
//! checked against (what a point costs, how far reach goes, how often people can be reached).
//!
//! These are a planner's working assumptions, so they live in the core with everything else
//! that makes a figure: the UI lists the catalogue from here, the plausibility findings read the
//! norms from here. The channels and their default rates are the built-in rate card
//! (`rate_card.rs`), which a planner edits and the library keeps; [`catalogue_for`] lists a
//! saved card's channels. Every figure is a documented default (`docs/findings.md`,
//! "Plausibility norms"), not market data.

use crate::money::round_dp;
use crate::plan::{BuyUnit, Buying, Daypart, Demand, Funnel, Kpi, KpiUnit, Medium, Pricing};
use crate::rate_card::{default_rate_card, RateCard, RateCardEntry};
use crate::reach::ReachModel;
use crate::Dec;
use rust_decimal::Decimal;
use serde::Serialize;

/// Everything the stage 3 catalogue shows: the channels, each medium's norms, and the reach
/// models a planner chooses between.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Catalogue {
    pub channels: Vec<CatalogueEntry>,
    pub media: Vec<MediumNorms>,
    pub reach_models: Vec<ReachModelInfo>,
    /// Every KPI with its label, unit and the funnel stages it judges.
    pub kpis: Vec<KpiInfo>,
}

/// A KPI as the goal form and stage 6 show it: the core's label, unit and funnel fit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KpiInfo {
    pub kpi: Kpi,
    pub label: &'static str,
    pub unit: KpiUnit,
    /// The funnel stages the KPI judges well (`Kpi::fits`), in funnel order.
    pub fits: Vec<Funnel>,
    /// Counted on the target audience's universe (reach, frequency, GRPs, CPP).
    pub on_audience: bool,
}

/// Every KPI, in the order a planner picks from.
pub fn kpis() -> Vec<KpiInfo> {
    let stages = [Funnel::Awareness, Funnel::Consideration, Funnel::Conversion, Funnel::Retention];
    Kpi::ALL
        .iter()
        .map(|&kpi| KpiInfo {
            kpi,
            label: kpi.label(),
            unit: kpi.unit(),
            fits: stages.iter().copied().filter(|s| kpi.fits(*s)).collect(),
            on_audience: kpi.on_audience(),
        })
        .collect()
}

/// One channel a planner can add as a line, with its defaults.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CatalogueEntry {
    pub channel: String,
    pub name: String,
    pub vendor: String,
    /// The entry's medium, else read from its pricing or channel name; none when neither says.
    pub medium: Option<Medium>,
    pub demand: Option<Demand>,
    pub role: Option<Funnel>,
    pub buying: Option<Buying>,
    pub pricing: Pricing,
    /// The default rate for a new line. A CPP is the price of one point of the plan's universe,
    /// so it is worked out from `typical_cpm` on that universe, and is null without one.
    pub rate: Option<Dec>,
    /// For CPP channels: the cost per thousand on-target impressions the default CPP is priced
    /// at (CPP = CPM × universe / 100,000).
    pub typical_cpm: Option<Dec>,
    /// Seconds, for spot media.
    pub spot_length: Option<u32>,
    pub dayparts: Vec<Daypart>,
    /// Default faces for a poster campaign, insertions for print.
    pub faces: Option<u32>,
    pub insertions: Option<u32>,
    /// Print: readers of one insertion.
    pub readership: Option<Dec>,
}

/// What a medium's market allows: the checks in `plausibility.rs` use these.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MediumNorms {
    pub medium: Medium,
    /// "Linear TV", "Radio", …
    pub label: String,
    /// What a line in this medium is booked in (spots, faces, insertions), if it has a unit.
    pub unit: Option<BuyUnit>,
    /// The market's range of cost per thousand on-target impressions. A line whose points cost
    /// less than `cpm_low` buys more GRPs than the market sells for that money.
    pub cpm_low: Option<Dec>,
    pub cpm_high: Option<Dec>,
    /// The most of an audience one medium reaches in a campaign, percent.
    pub reach_ceiling_pct: Option<Dec>,
    /// The most exposures a week the medium gives the average person it reaches.
    pub max_weekly_frequency: Option<Dec>,
}

/// A reach model as the planner chooses it, with what it assumes in plain words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReachModelInfo {
    pub label: String,
    /// The model with its default parameters, ready to store on the plan.
    pub model: ReachModel,
    pub explanation: String,
}

/// The norms the checks use, without allocating (read per line on every recompute).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Norms {
    pub cpm_low: Option<Decimal>,
    pub cpm_high: Option<Decimal>,
    pub reach_ceiling_pct: Option<Decimal>,
    pub max_weekly_frequency: Option<Decimal>,
}

pub const ALL_MEDIA: [Medium; 12] = [
    Medium::Tv,
    Medium::Radio,
    Medium::Ooh,
    Medium::Print,
    Medium::Cinema,
    Medium::Ctv,
    Medium::OnlineVideo,
    Medium::Social,
    Medium::Search,
    Medium::Display,
    Medium::Audio,
    Medium::Email,
];

fn d(units: i64, scale: u32) -> Option<Decimal> {
    Some(Decimal::new(units, scale))
}

/// A medium's market norms: CPM range (on-target impressions), reach ceiling (percent) and the
/// most exposures a week. Search and email sell no audience points, so have none.
pub fn norms(m: Medium) -> Norms {
    let n = |low: i64, high: i64, ceiling: i64, weekly: i64| Norms {
        cpm_low: d(low, 2),
        cpm_high: d(high, 2),
        reach_ceiling_pct: d(ceiling, 0),
        max_weekly_frequency: d(weekly, 0),
    };
    match m {
        Medium::Tv => n(500, 8000, 92, 7),
        Medium::Radio => n(200, 3000, 85, 10),
        Medium::Ooh => n(100, 2500, 90, 14),
        Medium::Print => n(500, 15000, 75, 7),
        Medium::Cinema => n(800, 6000, 50, 2),
        Medium::Ctv => n(1500, 7000, 80, 7),
        Medium::OnlineVideo => n(500, 5000, 85, 10),
        Medium::Social => n(200, 4000, 85, 10),
        Medium::Display => n(50, 2000, 85, 15),
        Medium::Audio => n(800, 4000, 60, 10),
        Medium::Search | Medium::Email => Norms { cpm_low: None, cpm_high: None, reach_ceiling_pct: None, max_weekly_frequency: None },
    }
}

pub fn medium_label(m: Medium) -> &'static str {
    match m {
        Medium::Tv => "Linear TV",
        Medium::Radio => "Radio",
        Medium::Ooh => "Out of home",
        Medium::Print => "Print",
        Medium::Cinema => "Cinema",
        Medium::Ctv => "Connected TV",
        Medium::OnlineVideo => "Online video",
        Medium::Social => "Social",
        Medium::Search => "Search",
        Medium::Display => "Display",
        Medium::Audio => "Streaming audio",
        Medium::Email => "Newsletter and email",
    }
}

/// The unit a medium books in.
pub fn medium_unit(m: Medium) -> Option<BuyUnit> {
    match m {
        Medium::Tv | Medium::Radio | Medium::Cinema => Some(BuyUnit::Spots),
        Medium::Ooh => Some(BuyUnit::Faces),
        Medium::Print => Some(BuyUnit::Insertions),
        _ => None,
    }
}

/// The medium a line runs in: as stated, else from its pricing (per face → out of home, per
/// insertion → print), else read from the channel's name ("Linear TV", "Radio — drive time",
/// "Billboards", "Newspaper", …). `None` when nothing says.
pub fn line_medium(medium: Option<Medium>, pricing: Pricing, channel: &str) -> Option<Medium> {
    medium
        .or(match pricing {
            Pricing::PerFaceWeek => Some(Medium::Ooh),
            Pricing::PerInsertion => Some(Medium::Print),
            _ => None,
        })
        .or_else(|| infer_medium(channel))
}

/// The medium a channel name speaks of, by the words planners use for it (case-insensitive, whole
/// words; runs on every line of every recompute, so it allocates nothing).
pub fn infer_medium(channel: &str) -> Option<Medium> {
    let words = || channel.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let any = |ws: &[&str]| words().any(|w| ws.iter().any(|x| w.eq_ignore_ascii_case(x)));
    // Consecutive words, e.g. "out of home" (or "out-of-home").
    let seq = |ws: &[&str]| {
        let mut it = words();
        loop {
            let rest = it.clone();
            if rest.take(ws.len()).zip(ws).filter(|(w, x)| w.eq_ignore_ascii_case(x)).count() == ws.len() {
                return true;
            }
            if it.next().is_none() {
                return false;
            }
        }
    };
    if seq(&["connected", "tv"]) || seq(&["streaming", "tv"]) || any(&["ctv", "ott"]) {
        Some(Medium::Ctv)
    } else if any(&["cinema", "cinemas", "movie", "theatre", "theater"]) {
        Some(Medium::Cinema)
    } else if any(&["radio"]) {
        Some(Medium::Radio)
    } else if any(&["podcast", "podcasts", "audio", "spotify"]) {
        Some(Medium::Audio)
    } else if seq(&["out", "of", "home"]) || any(&["ooh", "dooh", "outdoor", "billboard", "billboards", "poster", "posters", "transit"]) {
        Some(Medium::Ooh)
    } else if any(&["print", "newspaper", "newspapers", "magazine", "magazines", "press"]) {
        Some(Medium::Print)
    } else if any(&["youtube", "video"]) {
        Some(Medium::OnlineVideo)
    } else if any(&["tv", "television"]) {
        Some(Medium::Tv)
    } else if any(&["search", "bing"]) || seq(&["google", "ads"]) || seq(&["microsoft", "ads"]) {
        Some(Medium::Search)
    } else if any(&["meta", "facebook", "instagram", "tiktok", "linkedin", "snap", "snapchat", "pinterest", "reddit", "social"]) {
        Some(Medium::Social)
    } else if any(&["display", "programmatic", "dsp", "banner", "banners"]) {
        Some(Medium::Display)
    } else if any(&["newsletter", "newsletters", "email"]) {
        Some(Medium::Email)
    } else {
        None
    }
}

/// The built-in catalogue, with CPP defaults priced for `universe` (the plan's; none leaves them
/// empty).
pub fn catalogue(universe: Option<Decimal>) -> Catalogue {
    catalogue_for(&default_rate_card(), universe)
}

/// The catalogue of a planner's rate card: its channels (CPP defaults priced for `universe`),
/// every medium's norms and the reach models.
pub fn catalogue_for(card: &RateCard, universe: Option<Decimal>) -> Catalogue {
    let channels = card
        .channels
        .iter()
        .map(|e| CatalogueEntry {
            channel: e.channel.clone(),
            name: e.name.clone(),
            vendor: e.vendor.clone(),
            medium: line_medium(e.medium, e.pricing, &e.channel),
            demand: e.demand,
            role: e.role,
            buying: e.buying,
            pricing: e.pricing,
            rate: e.rate.or_else(|| cpp_on(e.pricing, e.typical_cpm.map(Dec::get), universe).map(Dec)),
            typical_cpm: e.typical_cpm,
            spot_length: e.spot_length,
            dayparts: e.dayparts.clone(),
            faces: e.faces,
            insertions: e.insertions,
            readership: e.readership,
        })
        .collect();
    Catalogue { channels, media: media(), reach_models: reach_models(), kpis: kpis() }
}

/// A CPP priced on a universe from its typical CPM: one point is 1% of the universe, so
/// CPP = CPM × universe / 100 / 1,000, to the cent. `None` for other pricing or without both.
pub fn cpp_on(pricing: Pricing, typical_cpm: Option<Decimal>, universe: Option<Decimal>) -> Option<Decimal> {
    if pricing != Pricing::Cpp {
        return None;
    }
    typical_cpm?.checked_mul(universe?)?.checked_div(Decimal::from(100_000)).map(|v| round_dp(v, 2))
}

fn media() -> Vec<MediumNorms> {
    ALL_MEDIA
        .iter()
        .map(|m| {
            let n = norms(*m);
            MediumNorms {
                medium: *m,
                label: medium_label(*m).to_string(),
                unit: medium_unit(*m),
                cpm_low: n.cpm_low.map(Dec),
                cpm_high: n.cpm_high.map(Dec),
                reach_ceiling_pct: n.reach_ceiling_pct.map(Dec),
                max_weekly_frequency: n.max_weekly_frequency.map(Dec),
            }
        })
        .collect()
}

fn reach_models() -> Vec<ReachModelInfo> {
    vec![
        ReachModelInfo {
            label: "Poisson".into(),
            model: ReachModel::Poisson,
            explanation: "Exposures fall at random, so everyone in the universe is equally likely to see each one: reach = 1 − e^(−GRPs/100). The most even spread and so the highest reach for the points; right for broad, frequent schedules.".into(),
        },
        ReachModelInfo {
            label: "Negative binomial (NBD)".into(),
            model: ReachModel::Nbd { k: Dec(Decimal::ONE) },
            explanation: "Some people see far more than others (heavy and light viewers): reach = 1 − (1 + m/k)^(−k), m = GRPs/100. A small k (0.5–1) is very uneven exposure, as TV and radio to light-viewing audiences such as young men; a large k tends to Poisson.".into(),
        },
        ReachModelInfo {
            label: "Planner's reach curve".into(),
            model: ReachModel::Curve { max: Dec(Decimal::from(85)), k: Dec(Decimal::new(4, 3)) },
            explanation: "A curve fitted to past campaigns or a research tool: reach % = max × (1 − e^(−k·GRPs)). max is the reach the medium never passes; k how fast points build reach.".into(),
        },
    ]
}

struct Entry {
    channel: &'static str,
    name: &'static str,
    medium: Medium,
    demand: Demand,
    role: Funnel,
    buying: Buying,
    pricing: Pricing,
    /// Rate in cents (or the typical CPM in cents for CPP entries).
    cents: i64,
}

const fn e(channel: &'static str, name: &'static str, medium: Medium, demand: Demand, role: Funnel, buying: Buying, pricing: Pricing, cents: i64) -> Entry {
    Entry { channel, name, medium, demand, role, buying, pricing, cents }
}

use Buying::{Auction, Direct, Offline, Programmatic};
use Demand::{Capture, Creation};
use Funnel::{Awareness, Consideration, Conversion};

const ENTRIES: [Entry; 21] = [
    e("Google Ads", "Search — Brand", Medium::Search, Capture, Conversion, Auction, Pricing::Cpc, 120),
    e("Google Ads", "Search — Generic", Medium::Search, Capture, Conversion, Auction, Pricing::Cpc, 240),
    e("Microsoft Ads", "Search — Bing", Medium::Search, Capture, Conversion, Auction, Pricing::Cpc, 160),
    e("Meta", "Prospecting", Medium::Social, Creation, Consideration, Auction, Pricing::Cpm, 950),
    e("Meta", "Retargeting", Medium::Social, Capture, Conversion, Auction, Pricing::Cpm, 1400),
    e("TikTok", "In-feed video", Medium::Social, Creation, Awareness, Auction, Pricing::Cpm, 700),
    e("YouTube", "In-stream 15s", Medium::OnlineVideo, Creation, Awareness, Auction, Pricing::Cpv, 3),
    e("LinkedIn", "Sponsored content", Medium::Social, Creation, Consideration, Auction, Pricing::Cpm, 3500),
    e("Programmatic", "Display (DSP)", Medium::Display, Creation, Awareness, Programmatic, Pricing::Cpm, 450),
    e("CTV", "Connected TV", Medium::Ctv, Creation, Awareness, Programmatic, Pricing::Cpm, 2800),
    e("Linear TV", "National spots — CPP", Medium::Tv, Creation, Awareness, Offline, Pricing::Cpp, 3000),
    e("Linear TV", "National spots — CPM", Medium::Tv, Creation, Awareness, Offline, Pricing::Cpm, 3000),
    e("Radio", "Network spots — CPP", Medium::Radio, Creation, Awareness, Offline, Pricing::Cpp, 1000),
    e("Radio", "Drive time spots — CPP", Medium::Radio, Creation, Awareness, Offline, Pricing::Cpp, 1400),
    e("Out of home", "Billboards — per face per week", Medium::Ooh, Creation, Awareness, Direct, Pricing::PerFaceWeek, 250000),
    e("Out of home", "Digital screens — CPM", Medium::Ooh, Creation, Awareness, Programmatic, Pricing::Cpm, 800),
    e("Print", "Newspaper — full page", Medium::Print, Creation, Awareness, Direct, Pricing::PerInsertion, 2400000),
    e("Print", "Magazine — full page", Medium::Print, Creation, Consideration, Direct, Pricing::PerInsertion, 8500000),
    e("Cinema", "Pre-show 30s — CPM", Medium::Cinema, Creation, Awareness, Direct, Pricing::Cpm, 1800),
    e("Cinema", "Screens — per screen per week", Medium::Cinema, Creation, Awareness, Direct, Pricing::PerFaceWeek, 45000),
    e("Newsletter", "Sponsorship", Medium::Email, Creation, Consideration, Direct, Pricing::Flat, 0),
];

fn dayparts(parts: &[(&str, i64)]) -> Vec<Daypart> {
    parts.iter().map(|(n, s)| Daypart { name: n.to_string(), share: Some(Dec(Decimal::from(*s))) }).collect()
}

/// The built-in channels as rate card entries (CPP entries carry their typical CPM, not a rate).
pub(crate) fn built_in_entries() -> Vec<RateCardEntry> {
    ENTRIES
        .iter()
        .map(|x| {
            let cents = Decimal::new(x.cents, 2);
            let (rate, typical_cpm) = match x.pricing {
                Pricing::Flat => (None, None),
                Pricing::Cpp => (None, Some(cents)),
                _ => (Some(cents), None),
            };
            let mut entry = RateCardEntry {
                channel: x.channel.to_string(),
                name: x.name.to_string(),
                vendor: String::new(),
                demand: Some(x.demand),
                role: Some(x.role),
                buying: Some(x.buying),
                pricing: x.pricing,
                rate: rate.map(Dec),
                ad_served: None,
                medium: Some(x.medium),
                typical_cpm: typical_cpm.map(Dec),
                spot_length: None,
                dayparts: Vec::new(),
                faces: None,
                insertions: None,
                readership: None,
            };
            match (x.medium, x.pricing) {
                (Medium::Tv, _) => {
                    entry.spot_length = Some(30);
                    entry.dayparts = dayparts(&[("Prime", 50), ("Early fringe", 20), ("Late fringe", 20), ("Daytime", 10)]);
                }
                (Medium::Radio, _) if x.name.starts_with("Drive") => {
                    entry.spot_length = Some(30);
                    entry.dayparts = dayparts(&[("Morning drive", 50), ("Afternoon drive", 50)]);
                }
                (Medium::Radio, _) => {
                    entry.spot_length = Some(30);
                    entry.dayparts = dayparts(&[("Morning drive", 35), ("Midday", 20), ("Afternoon drive", 35), ("Evening", 10)]);
                }
                (Medium::Cinema, Pricing::Cpm) => entry.spot_length = Some(30),
                (_, Pricing::PerFaceWeek) => entry.faces = Some(if x.medium == Medium::Cinema { 100 } else { 20 }),
                (Medium::Print, _) => {
                    entry.insertions = Some(4);
                    entry.readership = Some(Dec(Decimal::from(if x.name.starts_with("Magazine") { 2_500_000 } else { 1_200_000 })));
                }
                _ => {}
            }
            entry
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_names_give_their_medium() {
        let cases = [
            ("Linear TV", Some(Medium::Tv)),
            ("Connected TV", Some(Medium::Ctv)),
            ("CTV", Some(Medium::Ctv)),
            ("Radio — drive time", Some(Medium::Radio)),
            ("Out of home", Some(Medium::Ooh)),
            ("Billboards", Some(Medium::Ooh)),
            ("Newspaper", Some(Medium::Print)),
            ("Cinema", Some(Medium::Cinema)),
            ("YouTube", Some(Medium::OnlineVideo)),
            ("TikTok", Some(Medium::Social)),
            ("Google Ads", Some(Medium::Search)),
            ("Programmatic", Some(Medium::Display)),
            ("Newsletter", Some(Medium::Email)),
            ("Sponsorship deal", None),
            ("Out-of-home", Some(Medium::Ooh)),
            ("Home improvement", None),
            ("RADIO", Some(Medium::Radio)),
        ];
        for (channel, want) in cases {
            assert_eq!(infer_medium(channel), want, "{channel}");
        }
        assert_eq!(line_medium(None, Pricing::PerInsertion, "Acme Weekly"), Some(Medium::Print));
        assert_eq!(line_medium(Some(Medium::Tv), Pricing::Cpm, "Radio"), Some(Medium::Tv));
    }

    #[test]
    fn cpp_defaults_are_priced_on_the_universe() {
        // $30 CPM on 37,500,000 men 18–34: one point (375,000 people) costs $11,250.00.
        let c = catalogue(Some(Decimal::from(37_500_000)));
        let tv = c.channels.iter().find(|e| e.pricing == Pricing::Cpp && e.medium == Some(Medium::Tv)).unwrap();
        assert_eq!(tv.rate.unwrap().to_string(), "11250.00");
        assert_eq!(tv.typical_cpm.unwrap().to_string(), "30.00");
        assert_eq!(catalogue(None).channels.iter().find(|e| e.pricing == Pricing::Cpp).unwrap().rate, None);
        // Every traditional medium is in the catalogue with its unit.
        for m in [Medium::Tv, Medium::Radio, Medium::Ooh, Medium::Print, Medium::Cinema] {
            assert!(c.channels.iter().any(|e| e.medium == Some(m)), "{m:?}");
        }
        let print = c.channels.iter().find(|e| e.medium == Some(Medium::Print)).unwrap();
        assert_eq!((print.pricing, print.insertions), (Pricing::PerInsertion, Some(4)));
    }
}
