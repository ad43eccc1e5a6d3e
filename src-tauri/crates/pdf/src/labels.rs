//! The words and number formats printed on the plan: funnel roles, buying methods, KPI targets,
//! rates, shares and dates, all in the plan's currency and number style.
//!
//! Figures are never recomputed here: they come from `flightplan_core::compute` and are only
//! formatted, with the core's money helpers, so the page says exactly what the CLI says.

use chrono::NaiveDate;
use flightplan_core::flight::day_label;
use flightplan_core::money::{format_money, format_number, Currency};
use flightplan_core::plan::{Buying, Funnel, Kpi, KpiTarget, KpiUnit, NumberStyle, PlanStatus};
use rust_decimal::Decimal;

/// Money and number formatting for one plan.
#[derive(Clone, Copy)]
pub struct Formats {
    pub currency: Currency,
    pub style: NumberStyle,
}

impl Formats {
    pub fn money(&self, v: Decimal) -> String {
        format_money(v, self.currency, self.style)
    }

    /// A unit price such as a CPV of $0.015: never rounded below its own precision.
    pub fn rate(&self, v: Decimal) -> String {
        let dp = v.normalize().scale().max(self.currency.minor_units());
        let n = format_number(v, dp, self.style);
        let symbol = self.currency.sign();
        match n.strip_prefix('-') {
            Some(abs) => format!("-{symbol}{abs}"),
            None => format!("{symbol}{n}"),
        }
    }

    pub fn count(&self, v: Option<Decimal>) -> String {
        v.map(|x| format_number(x, 0, self.style)).unwrap_or_else(|| "—".to_string())
    }

    pub fn grps(&self, v: Option<Decimal>) -> String {
        v.map(|x| format_number(x, 2, self.style)).unwrap_or_else(|| "—".to_string())
    }

    pub fn pct(&self, v: Decimal) -> String {
        format!("{}%", format_number(v, 2, self.style))
    }

    /// A plain decimal without forced places (targets such as a ROAS of 2.5).
    pub fn plain(&self, v: Decimal) -> String {
        let dp = v.normalize().scale();
        format_number(v, dp, self.style)
    }

    /// A KPI target as planners write it: `CPA $15.00`, `CTR 0.90%`, `ROAS 2.5×`.
    pub fn kpi_target(&self, t: &KpiTarget) -> String {
        let name = kpi_name(t.kpi);
        match t.target {
            None => name.to_string(),
            Some(v) => format!("{name} {}", self.kpi_value(t.kpi, v.0)),
        }
    }

    /// A KPI's value in the unit the core gives it (`Kpi::unit`), a fraction shown as the
    /// core's percent (`Kpi::shown`, 2 places), so the page, the app and the CLI agree.
    pub fn kpi_value(&self, kpi: Kpi, v: Decimal) -> String {
        match kpi.unit() {
            KpiUnit::Money => self.rate(v),
            KpiUnit::Fraction => match kpi.shown(v) {
                Ok(pct) => format!("{}%", format_number(pct, 2, self.style)),
                Err(_) => self.plain(v),
            },
            KpiUnit::Percent => format!("{}%", self.plain(v)),
            KpiUnit::Multiple => format!("{}×", self.plain(v)),
            KpiUnit::Count => self.plain(v),
        }
    }
}

/// The KPI's name on the page: the core's, except that "Reach at N+" reads "Effective reach"
/// where no N is printed beside it (a line's KPI target; the header says "Reach at 3+" itself).
pub fn kpi_name(kpi: Kpi) -> &'static str {
    match kpi {
        Kpi::EffectiveReach => "Effective reach",
        other => other.label(),
    }
}

pub fn funnel(f: Option<Funnel>) -> &'static str {
    match f {
        Some(Funnel::Awareness) => "Awareness",
        Some(Funnel::Consideration) => "Consideration",
        Some(Funnel::Conversion) => "Conversion",
        Some(Funnel::Retention) => "Retention",
        None => "—",
    }
}

pub fn buying(b: Option<Buying>) -> &'static str {
    match b {
        Some(Buying::Auction) => "Auction",
        Some(Buying::Programmatic) => "Programmatic",
        Some(Buying::Direct) => "Direct (IO)",
        Some(Buying::Offline) => "Offline",
        None => "—",
    }
}

pub fn status(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::Draft => "Draft",
        PlanStatus::Proposed => "Proposed",
        PlanStatus::Approved => "Approved",
        PlanStatus::Live => "Live",
        PlanStatus::Closed => "Closed",
    }
}

/// `4 Jan – 28 Mar 2027`, or with both years when they differ.
pub fn period(start: NaiveDate, end: NaiveDate) -> String {
    if start == end {
        day_label(start)
    } else if start.format("%Y").to_string() == end.format("%Y").to_string() {
        format!("{} – {}", start.format("%-d %b"), day_label(end))
    } else {
        format!("{} – {}", day_label(start), day_label(end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn f(code: &str, style: NumberStyle) -> Formats {
        Formats { currency: Currency::from_code(code).unwrap(), style }
    }

    #[test]
    fn rates_keep_their_precision() {
        let usd = f("USD", NumberStyle::CommaDot);
        assert_eq!(usd.rate(Decimal::from_str("0.015").unwrap()), "$0.015");
        assert_eq!(usd.rate(Decimal::from_str("9.5").unwrap()), "$9.50");
        let jpy = f("JPY", NumberStyle::CommaDot);
        assert_eq!(jpy.rate(Decimal::from_str("1200").unwrap()), "¥1,200");
        let eur = f("EUR", NumberStyle::DotComma);
        assert_eq!(eur.pct(Decimal::from_str("7.2").unwrap()), "7,20%");
    }

    #[test]
    fn kpi_targets_read_naturally() {
        let usd = f("USD", NumberStyle::CommaDot);
        let t = |kpi, v: &str| KpiTarget { kpi, target: Some(flightplan_core::Dec(Decimal::from_str(v).unwrap())) };
        assert_eq!(usd.kpi_target(&t(Kpi::Cpa, "15")), "CPA $15.00");
        assert_eq!(usd.kpi_target(&t(Kpi::Ctr, "0.009")), "CTR 0.90%");
        assert_eq!(usd.kpi_target(&t(Kpi::Roas, "2.5")), "ROAS 2.5×");
        assert_eq!(period(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(), NaiveDate::from_ymd_opt(2027, 3, 28).unwrap()), "4 Jan – 28 Mar 2027");
        let day = NaiveDate::from_ymd_opt(2027, 2, 14).unwrap();
        assert_eq!(period(day, day), "14 Feb 2027");
    }
}
