//! The words plans use for pricing models, buying methods, media, funnel stages and KPIs, read into
//! Flightplan's values (`Cost per 1000` is CPM, `Programmatic Guaranteed` is programmatic,
//! `Brand Awareness` is the awareness stage), shared by the spreadsheet and mediaplanschema
//! readers.

use flightplan_core::plan::{BuyUnit, Buying, Funnel, Kpi, Medium, Pricing};

fn squash(s: &str) -> String {
    let s: String = s.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn pricing(s: &str) -> Option<Pricing> {
    let w = squash(s);
    Some(match w.as_str() {
        "cpm" | "ecpm" | "vcpm" | "cost per 1000" | "cost per 1000 impressions" | "cost per thousand" | "cost per mille" => Pricing::Cpm,
        "cpc" | "cost per click" => Pricing::Cpc,
        "cpa" | "cpl" | "cpi" | "cost per acquisition" | "cost per lead" | "cost per install" | "cost per conversion" | "cps" => Pricing::Cpa,
        "cpv" | "cpcv" | "cost per view" | "cost per completed view" => Pricing::Cpv,
        "cpp" | "cprp" | "cost per point" | "cost per rating point" => Pricing::Cpp,
        "flat" | "flat fee" | "fixed" | "fixed fee" | "fixed cost" | "sponsorship" | "tenancy" | "lump sum" | "package" => Pricing::Flat,
        // Out of home and print, as Flightplan's own exports write them (`Per face/week`,
        // `per insertion`, `per_face_week`) and as rate cards do.
        "per face week" | "per face per week" | "face week" | "cost per face per week" | "rate per face per week" => Pricing::PerFaceWeek,
        "per insertion" | "insertion" | "cost per insertion" | "rate per insertion" => Pricing::PerInsertion,
        _ => return None,
    })
}

pub fn buying(s: &str) -> Option<Buying> {
    let w = squash(s);
    if w.contains("programmatic") || matches!(w.as_str(), "pg" | "pmp" | "open exchange" | "dsp" | "rtb") {
        return Some(Buying::Programmatic);
    }
    Some(match w.as_str() {
        "auction" | "biddable" | "self serve" | "platform auction" | "bidding" => Buying::Auction,
        "direct" | "io" | "direct io" | "direct buy" | "insertion order" | "upfront" | "scatter" | "guaranteed" | "reserved" => Buying::Direct,
        "offline" | "traditional" => Buying::Offline,
        _ => return None,
    })
}

/// A medium as a plan's medium column names it: Flightplan's own labels (`Linear TV`, `Out of
/// home`), its codes (`ooh`, `online_video`) and the words agencies use (`Outdoor`, `Press`).
pub fn medium(s: &str) -> Option<Medium> {
    Some(match squash(s).as_str() {
        "linear tv" | "tv" | "television" | "broadcast tv" | "linear television" => Medium::Tv,
        "radio" | "broadcast radio" => Medium::Radio,
        "out of home" | "ooh" | "outdoor" | "dooh" | "digital out of home" | "billboards" | "out of home ooh" => Medium::Ooh,
        "print" | "press" | "newspaper" | "newspapers" | "magazine" | "magazines" => Medium::Print,
        "cinema" => Medium::Cinema,
        "connected tv" | "ctv" | "streaming tv" => Medium::Ctv,
        "online video" | "online video olv" | "olv" | "video" | "online_video" => Medium::OnlineVideo,
        "social" | "paid social" | "social media" => Medium::Social,
        "search" | "paid search" | "sem" => Medium::Search,
        "display" | "programmatic display" => Medium::Display,
        "streaming audio" | "audio" | "digital audio" | "podcast" | "podcasts" => Medium::Audio,
        "newsletter and email" | "email" | "newsletter" | "newsletters" => Medium::Email,
        _ => return None,
    })
}

/// What a traditional line is booked in, as a `Unit` column names it.
pub fn buy_unit(s: &str) -> Option<BuyUnit> {
    Some(match squash(s).as_str() {
        "spots" | "spot" => BuyUnit::Spots,
        "faces" | "face" | "panels" | "sites" => BuyUnit::Faces,
        "insertions" | "insertion" => BuyUnit::Insertions,
        _ => return None,
    })
}

pub fn buying_word(b: Buying) -> &'static str {
    match b {
        Buying::Auction => "auction",
        Buying::Programmatic => "programmatic",
        Buying::Direct => "direct",
        Buying::Offline => "offline",
    }
}

/// A funnel stage from an objective or role, by its telling word.
pub fn funnel(s: &str) -> Option<Funnel> {
    let w = squash(s);
    let has = |k: &[&str]| k.iter().any(|x| w.split(' ').any(|word| word == *x) || w == *x);
    if has(&["awareness", "reach", "upper", "brand", "branding", "launch", "see"]) {
        Some(Funnel::Awareness)
    } else if has(&["consideration", "engagement", "traffic", "mid", "middle", "think", "interest", "views"]) {
        Some(Funnel::Consideration)
    } else if has(&["conversion", "conversions", "sales", "leads", "performance", "acquisition", "lower", "do", "installs", "purchase"]) {
        Some(Funnel::Conversion)
    } else if has(&["retention", "loyalty", "retargeting", "crm", "care", "repeat"]) {
        Some(Funnel::Retention)
    } else {
        None
    }
}

pub fn funnel_word(f: Funnel) -> &'static str {
    match f {
        Funnel::Awareness => "awareness",
        Funnel::Consideration => "consideration",
        Funnel::Conversion => "conversion",
        Funnel::Retention => "retention",
    }
}

/// A KPI by its code (`cpa`), name (`Cost per acquisition`) or a mediaplanschema metric.
pub fn kpi(s: &str) -> Option<Kpi> {
    let w = squash(s);
    Some(match w.as_str() {
        "reach" | "metric reach" => Kpi::Reach,
        "frequency" => Kpi::Frequency,
        "cpm" | "cost per 1000 impressions" => Kpi::Cpm,
        "video views" | "views" | "metric views" | "video view rate" | "vtr" => Kpi::VideoViews,
        "cpv" | "cpcv" | "cost per view" => Kpi::Cpv,
        "ctr" | "click through rate" => Kpi::Ctr,
        "cpc" | "cost per click" => Kpi::Cpc,
        "engagement" | "engagement rate" | "engagements" | "metric engagements" => Kpi::Engagement,
        "cpa" | "cost per acquisition" | "cpl" | "cost per lead" | "cost per conversion" => Kpi::Cpa,
        "roas" | "return on ad spend" => Kpi::Roas,
        "cpi" | "cost per install" => Kpi::Cpi,
        "cac" | "customer acquisition cost" => Kpi::Cac,
        "repeat rate" | "repeat_rate" => Kpi::RepeatRate,
        "ltv" | "lifetime value" => Kpi::Ltv,
        "grps" | "grp" | "trps" => Kpi::Grps,
        "cpp" | "cost per point" => Kpi::Cpp,
        _ => return None,
    })
}

/// The KPI's code, as the plan file writes it (`repeat_rate`).
pub fn kpi_code(k: Kpi) -> String {
    crate::kpi_code(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pricing_label_flightplan_writes_reads_back() {
        use Pricing::*;
        for p in [Cpm, Cpc, Cpa, Cpv, Cpp, Flat, PerFaceWeek, PerInsertion] {
            // The XLSX's label, the CSV's lower-cased label and the plan file's code.
            let code = serde_json::to_value(p).unwrap().as_str().unwrap().to_string();
            for written in [p.label().to_string(), p.label().to_ascii_lowercase(), code] {
                assert_eq!(pricing(&written), Some(p), "{written}");
            }
        }
    }

    #[test]
    fn words_planners_use() {
        assert_eq!(pricing("Cost per 1000"), Some(Pricing::Cpm));
        assert_eq!(pricing("Fixed fee"), Some(Pricing::Flat));
        assert_eq!(pricing("CPL"), Some(Pricing::Cpa));
        assert_eq!(buying("Programmatic Guaranteed"), Some(Buying::Programmatic));
        assert_eq!(buying("Direct IO"), Some(Buying::Direct));
        assert_eq!(funnel("Brand Awareness"), Some(Funnel::Awareness));
        assert_eq!(funnel("Lead generation"), None);
        assert_eq!(funnel("Leads"), Some(Funnel::Conversion));
        assert_eq!(kpi("Cost per acquisition"), Some(Kpi::Cpa));
        assert_eq!(kpi("repeat_rate"), Some(Kpi::RepeatRate));
        assert_eq!(kpi("Brand Lift"), None);
    }
}
