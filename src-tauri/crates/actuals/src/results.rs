//! Meta's Results are not always conversions.
//!
//! Ads Manager's `Results` column counts each row's own optimisation event, which its `Result
//! indicator` names: purchases for one ad set (`actions:offsite_conversion.fb_pixel_purchase`),
//! people reached for another (`reach`), link clicks for a third. Summed as conversions, a reach
//! campaign's 77,816 people swamp 57 purchases and every CPA reads as cents. So a row's Results
//! count as conversions only when its indicator names a conversion (a purchase, lead, install,
//! registration, checkout, or any pixel or on-site conversion); other rows' conversions are
//! unknown, and a warning says what was left out.

use crate::Warning;
use rust_decimal::Decimal;

/// Words in a result indicator that name a conversion.
const CONVERSION_WORDS: &[&str] = &[
    "purchase",
    "lead",
    "install",
    "registration",
    "checkout",
    "add_to_cart",
    "add_payment_info",
    "subscribe",
    "trial",
    "application",
    "schedule",
    "contact",
    "donate",
    "conversion",
];

/// Whether a row's result indicator names a conversion (a blank one: the row has no results).
pub fn is_conversion(indicator: &str) -> bool {
    let i = indicator.trim().to_ascii_lowercase();
    i.is_empty() || CONVERSION_WORDS.iter().any(|w| i.contains(w))
}

/// Results left out of conversions, by indicator, in file order.
#[derive(Default)]
pub struct LeftOut {
    by_kind: Vec<(String, usize, Decimal)>,
}

impl LeftOut {
    /// A row's results of `kind`, not counted as conversions.
    pub fn add(&mut self, kind: &str, results: Decimal) {
        let kind = crate::cells::shorten(kind.trim());
        match self.by_kind.iter_mut().find(|(k, _, _)| *k == kind) {
            Some((_, rows, sum)) => {
                *rows += 1;
                *sum = sum.checked_add(results).unwrap_or(Decimal::MAX);
            }
            None => self.by_kind.push((kind, 1, results)),
        }
    }

    /// The warning saying what was left out, if anything was.
    pub fn warning(&self) -> Option<Warning> {
        if self.by_kind.is_empty() {
            return None;
        }
        let kinds: Vec<String> =
            self.by_kind.iter().map(|(k, rows, sum)| format!("{} {} on {rows} row{}", sum.normalize(), k, if *rows == 1 { "" } else { "s" })).collect();
        Some(Warning {
            line: None,
            message: format!(
                "Results that are not conversions were left out of conversions ({}): the result indicator says what each row's Results count, and only purchases, leads, installs, registrations and other conversions are conversions",
                kinds.join(", ")
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::is_conversion;

    #[test]
    fn indicators_that_name_conversions() {
        for i in [
            "actions:offsite_conversion.fb_pixel_purchase",
            "actions:lead",
            "actions:onsite_conversion.lead_grouped",
            "actions:mobile_app_install",
            "actions:offsite_conversion.fb_pixel_complete_registration",
            "actions:omni_purchase",
            "",
        ] {
            assert!(is_conversion(i), "{i}");
        }
        for i in [
            "reach",
            "impressions",
            "actions:link_click",
            "actions:landing_page_view",
            "actions:video_view",
            "actions:post_engagement",
            "estimated_ad_recallers",
            "thruplay",
        ] {
            assert!(!is_conversion(i), "{i}");
        }
    }
}
