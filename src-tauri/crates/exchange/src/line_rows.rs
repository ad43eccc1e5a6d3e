//! One spreadsheet row into one media line: name, channel, vendor, pricing model and rate, cost,
//! flight dates, stated delivery and KPI, each read from the column mapped to it.
//!
//! A row that cannot be read whole still becomes a line in the preview, carrying the error that
//! names its sheet, row and column, so the planner sees every problem at once.

use crate::cells::{self, DateOrder};
use crate::columns::LineField;
use crate::derive::{per_unit, rate_for};
use crate::preview::{Conversion, Problem, SourceRef};
use crate::words;
use chrono::NaiveDate;
use flightplan_core::money::{mul, round_dp, Currency};
use flightplan_core::plan::{BuyUnit, KpiTarget, Launch, Line, Pricing};
use flightplan_core::Dec;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The header row's columns as read: field → column index, and each column's header.
pub struct Columns {
    pub by_field: HashMap<LineField, usize>,
    pub headers: Vec<String>,
    pub letters: Vec<String>,
}

impl Columns {
    pub fn has(&self, f: LineField) -> bool {
        self.by_field.contains_key(&f)
    }
}

/// What every row of the sheet shares.
pub struct RowContext<'a> {
    pub sheet: Option<&'a str>,
    pub cols: &'a Columns,
    pub decimal_comma: bool,
    pub currency: Option<Currency>,
    pub date_order: DateOrder,
    /// The channel a section heading row above set (`DIGITAL`), for rows that name none.
    pub section: Option<String>,
}

/// A line read from a row, before the plan's period and ids are settled.
pub struct RowLine {
    pub line: Line,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// The cells the start and end were read from, so a date the plan cannot hold is named there.
    pub dates_at: [Option<SourceRef>; 2],
    pub at: SourceRef,
    pub no_cost: bool,
    /// The row's own id (an id column), else `None` and one is made from the name.
    pub id: Option<String>,
    /// Fee amounts the row states (Flightplan's exports), for recovering the plan's fee rates.
    pub commission: Option<Decimal>,
    pub ad_serving: Option<Decimal>,
    pub tech_fee: Option<Decimal>,
    /// Counts the row states, checked against what the pricing gives once the plan is known.
    pub stated: [(LineField, Option<Decimal>); 5],
    pub problems: Vec<Problem>,
    pub conversion: Option<Conversion>,
}

impl RowContext<'_> {
    fn cell<'r>(&self, cells: &'r [String], f: LineField) -> Option<&'r str> {
        let i = *self.cols.by_field.get(&f)?;
        cells.get(i).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    fn at(&self, row: usize, f: LineField) -> SourceRef {
        let mut at = SourceRef::row(self.sheet, row);
        if let Some(i) = self.cols.by_field.get(&f) {
            at.column = self.cols.headers.get(*i).cloned();
            at.cell = self.cols.letters.get(*i).cloned();
        }
        at
    }

    /// What a traditional line books: spots, faces or insertions from their own columns, or a
    /// `Units` count in the unit a `Unit` column names (else its pricing's or medium's unit), and
    /// a spot length. A count that is not a whole number is not a booking (Flightplan's exports
    /// write what a budget buys, to two places); in its own column that is a warning.
    /// `own_export::settle_units` then decides whether the units or the stated cost fund it.
    fn read_units(&self, row: usize, cells: &[String], line: &mut Line, problems: &mut Vec<Problem>) {
        let whole = |f: LineField, problems: &mut Vec<Problem>| -> Option<u32> {
            let c = self.cell(cells, f)?;
            match cells::count(c, self.decimal_comma) {
                Ok(n) => n,
                Err(_) => {
                    if f != LineField::Units {
                        problems.push(Problem::warning("bad_count", self.at(row, f), format!("\"{c}\" is not a whole number of {}: left unset", f.label())));
                    }
                    None
                }
            }
        };
        let (mut spots, mut faces, mut insertions) =
            (whole(LineField::Spots, problems), whole(LineField::Faces, problems), whole(LineField::Insertions, problems));
        let named = self.cell(cells, LineField::Unit).and_then(words::buy_unit);
        let unit = named.or_else(|| line.pricing.unit()).or_else(|| line.medium.and_then(flightplan_core::catalogue::medium_unit));
        if let (Some(n), Some(unit)) = (whole(LineField::Units, problems), unit) {
            let slot = match unit {
                BuyUnit::Spots => &mut spots,
                BuyUnit::Faces => &mut faces,
                BuyUnit::Insertions => &mut insertions,
            };
            slot.get_or_insert(n);
        }
        (line.spots, line.faces, line.insertions) = (spots, faces, insertions);
        line.spot_length = whole(LineField::SpotLength, problems).filter(|s| *s > 0);
    }

    /// Read one data row (already known not to be blank, a total or a heading).
    pub fn read(&self, row: usize, cells: &[String]) -> RowLine {
        let mut problems = Vec::new();
        let mut bad = |f: LineField, code: &str, msg: String| problems.push(Problem::error(code, self.at(row, f), msg));
        let text = |f: LineField| self.cell(cells, f).filter(|s| !cells::is_blank(s)).map(str::to_string);
        let dc = self.decimal_comma;

        let number = |f: LineField, bad: &mut dyn FnMut(LineField, &str, String)| -> Option<Decimal> {
            let c = self.cell(cells, f)?;
            match cells::number(c, dc) {
                Ok(v) => v,
                Err(m) => {
                    bad(f, "bad_number", m);
                    None
                }
            }
        };
        let fraction = |f: LineField, bad: &mut dyn FnMut(LineField, &str, String)| -> Option<Decimal> {
            let c = self.cell(cells, f)?;
            cells::fraction(c, dc).unwrap_or_else(|m| {
                bad(f, "bad_number", m);
                None
            })
        };

        // Money: the row's currency (a column, or the amount's own sign) against the plan's.
        let row_currency = text(LineField::Currency).map(|c| c.to_ascii_uppercase());
        let money = |f: LineField, bad: &mut dyn FnMut(LineField, &str, String)| -> Option<(Decimal, Option<String>)> {
            let c = self.cell(cells, f)?;
            match cells::amount(c, dc) {
                Ok(Some(a)) => Some((a.value, a.currency.map(str::to_string).or_else(|| row_currency.clone()))),
                Ok(None) => None,
                Err(m) => {
                    bad(f, "bad_amount", m);
                    None
                }
            }
        };

        let name = text(LineField::Name);
        // A medium column names the line's medium; with no channel column it is the channel too.
        let medium_text = text(LineField::Medium);
        let medium = medium_text.as_deref().and_then(words::medium);
        let unknown_medium = match (medium_text.as_deref(), medium) {
            (Some(m), None) => Some(Problem::warning(
                "unknown_medium",
                self.at(row, LineField::Medium),
                format!("\"{m}\" is not a medium Flightplan knows (TV, radio, out of home, print, cinema, connected TV, online video, social, search, display, audio, email): the line has none"),
            )),
            _ => None,
        };
        let channel = text(LineField::Channel).or(medium_text).or_else(|| self.section.clone());
        let vendor = text(LineField::Vendor).unwrap_or_default();
        let name = name.unwrap_or_else(|| {
            let made = [vendor.as_str(), channel.as_deref().unwrap_or("")].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" ");
            if made.is_empty() {
                format!("Row {row}")
            } else {
                made
            }
        });

        // Cost, converted into the plan's currency when the row states another.
        let mut conversion = None;
        let mut budget = None;
        if let Some((value, cur)) = money(LineField::Budget, &mut bad) {
            if value < Decimal::ZERO {
                bad(LineField::Budget, "negative_value", format!("{value} is a negative cost"));
            }
            budget = Some(self.in_plan_currency(row, value, cur, cells, &mut problems, &mut conversion));
        }
        let budget = budget.flatten();
        let share = if budget.is_none() {
            self.cell(cells, LineField::Share).and_then(|c| match cells::percent(c, dc) {
                Ok(v) => v,
                Err(m) => {
                    problems.push(Problem::error("bad_number", self.at(row, LineField::Share), m));
                    None
                }
            })
        } else {
            None
        };
        let mut bad = |f: LineField, code: &str, msg: String| problems.push(Problem::error(code, self.at(row, f), msg));
        let no_cost = budget.is_none() && share.is_none();

        // Dates: start and end, or one flight cell.
        let mut start = None;
        let mut end = None;
        let (mut start_at, mut end_at) = (None, None);
        for (f, slot, at) in [(LineField::Start, &mut start, &mut start_at), (LineField::End, &mut end, &mut end_at)] {
            if let Some(c) = self.cell(cells, f).filter(|c| !cells::is_blank(c)) {
                match cells::date(c, self.date_order) {
                    Ok(d) => (*slot, *at) = (Some(d), Some(self.at(row, f))),
                    Err(m) => bad(f, "bad_date", m),
                }
            }
        }
        if let (None, None, Some(c)) = (start, end, self.cell(cells, LineField::Flight)) {
            match cells::flight(c, self.date_order) {
                Ok((s, e)) => {
                    (start, end) = (Some(s), Some(e));
                    (start_at, end_at) = (Some(self.at(row, LineField::Flight)), Some(self.at(row, LineField::Flight)));
                }
                Err(m) => bad(LineField::Flight, "bad_date", m),
            }
        }

        // Pricing: a pricing column, else the first rate column that names its model. A "buy
        // type" column that holds pricing models (CPM, Fixed fee) is read as pricing.
        let mut pricing = None;
        let buy = text(LineField::Buying);
        let buying = buy.as_deref().and_then(words::buying);
        if buying.is_none() && !self.cols.has(LineField::Pricing) {
            pricing = buy.as_deref().and_then(words::pricing);
        }
        if let Some(p) = text(LineField::Pricing) {
            match words::pricing(&p) {
                Some(x) => pricing = Some(x),
                None => bad(
                    LineField::Pricing,
                    "unknown_pricing",
                    format!("\"{p}\" is not a pricing model (CPM, CPC, CPA, CPV, CPP, flat, per face/week or per insertion)"),
                ),
            }
        }
        let model_cols = [LineField::Cpm, LineField::Cpc, LineField::Cpa, LineField::Cpv, LineField::Cpp];
        let mut rate = None;
        if let Some(p) = pricing {
            rate = money(LineField::Rate, &mut bad).map(|m| m.0);
            if rate.is_none() {
                if let Some(f) = model_cols.iter().find(|f| f.pricing() == Some(p)) {
                    rate = number(*f, &mut bad);
                }
            }
        } else {
            for f in model_cols {
                if let Some(r) = number(f, &mut bad).filter(|r| !r.is_zero()) {
                    pricing = f.pricing();
                    rate = Some(r);
                    break;
                }
            }
            if pricing.is_none() && self.cols.has(LineField::Rate) {
                if let Some(r) = money(LineField::Rate, &mut bad) {
                    rate = Some(r.0);
                }
            }
        }

        let count = |f: LineField, bad: &mut dyn FnMut(LineField, &str, String)| number(f, bad);
        let mut stated = [
            (LineField::Impressions, count(LineField::Impressions, &mut bad)),
            (LineField::Clicks, count(LineField::Clicks, &mut bad)),
            (LineField::Conversions, count(LineField::Conversions, &mut bad)),
            (LineField::Views, count(LineField::Views, &mut bad)),
            (LineField::Grps, number(LineField::Grps, &mut bad)),
        ];
        // A count a formula left without a value can still be had from its cost-per column.
        for (f, model) in [
            (LineField::Impressions, LineField::Cpm),
            (LineField::Clicks, LineField::Cpc),
            (LineField::Conversions, LineField::Cpa),
            (LineField::Views, LineField::Cpv),
        ] {
            let slot = stated.iter_mut().find(|(g, _)| *g == f).map(|(_, v)| v);
            if let (Some(slot @ None), Some(cost), Some(p)) = (slot, budget, model.pricing()) {
                if let Some(cpu) = number(model, &mut bad).filter(|r| !r.is_zero()) {
                    *slot = cost.checked_mul(per_unit(p)).and_then(|x| x.checked_div(cpu)).map(|x| round_dp(x, 0));
                }
            }
        }
        let stated_of = |f: LineField| stated.iter().find(|(g, _)| *g == f).and_then(|(_, v)| *v);
        // No model stated: the figures the row gives decide it, as a planner would read them.
        if pricing.is_none() {
            let cost = budget.unwrap_or_default();
            let pick = [
                (Pricing::Cpm, LineField::Impressions),
                (Pricing::Cpc, LineField::Clicks),
                (Pricing::Cpv, LineField::Views),
                (Pricing::Cpa, LineField::Conversions),
            ]
            .into_iter()
            .find_map(|(p, f)| stated_of(f).and_then(|n| rate_for(cost, n, per_unit(p))).map(|r| (p, r)));
            match pick {
                Some((p, r)) => (pricing, rate) = (Some(p), rate.or(Some(r))),
                None => pricing = Some(Pricing::Flat),
            }
        }
        let mut pricing = pricing.unwrap_or(Pricing::Flat);
        if pricing != Pricing::Flat && rate.is_none() {
            let unit = match pricing {
                Pricing::Cpm => LineField::Impressions,
                Pricing::Cpc => LineField::Clicks,
                Pricing::Cpa => LineField::Conversions,
                Pricing::Cpv => LineField::Views,
                _ => LineField::Grps,
            };
            rate = stated_of(unit).and_then(|n| rate_for(budget.unwrap_or_default(), n, per_unit(pricing)));
            if rate.is_none() {
                problems.push(Problem::warning(
                    "no_rate",
                    SourceRef::row(self.sheet, row),
                    format!("no {} rate and no figures to derive one: imported as a flat line", pricing.label()),
                ));
                pricing = Pricing::Flat;
            }
        }
        let mut bad = |f: LineField, code: &str, msg: String| problems.push(Problem::error(code, self.at(row, f), msg));
        if let Some(r) = rate.filter(|r| *r < Decimal::ZERO) {
            bad(LineField::Rate, "negative_value", format!("{r} is a negative rate"));
        }

        let role = text(LineField::Role).and_then(|r| words::funnel(&r));
        let kpi = match text(LineField::Kpi) {
            Some(k) => match words::kpi(&k) {
                Some(kpi) => Some(KpiTarget { kpi, target: number(LineField::KpiTarget, &mut bad).map(Dec) }),
                None => {
                    problems.push(Problem::warning("unknown_kpi", self.at(row, LineField::Kpi), format!("\"{k}\" is not a KPI Flightplan knows: left out")));
                    None
                }
            },
            None => None,
        };
        let mut bad = |f: LineField, code: &str, msg: String| problems.push(Problem::error(code, self.at(row, f), msg));
        let ctr = fraction(LineField::Ctr, &mut bad);
        let cvr = fraction(LineField::Cvr, &mut bad);
        let vtr = fraction(LineField::Vtr, &mut bad);
        let fee = |f: LineField, bad: &mut dyn FnMut(LineField, &str, String)| money(f, bad).map(|m| m.0);
        let commission = fee(LineField::AgencyCommission, &mut bad);
        let ad_serving = fee(LineField::AdServing, &mut bad);
        let tech_fee = fee(LineField::TechFee, &mut bad);

        let placeholder = NaiveDate::MIN;
        let mut line = Line {
            id: String::new(),
            channel: channel.unwrap_or_default(),
            name,
            vendor,
            role,
            demand: None,
            buying,
            pricing,
            rate: if pricing == Pricing::Flat { rate.filter(|r| !r.is_zero()).map(Dec) } else { rate.map(Dec) },
            budget: if no_cost { Some(Dec(Decimal::ZERO)) } else { budget.map(Dec) },
            share: share.map(Dec),
            start: start.unwrap_or(placeholder),
            end: end.unwrap_or(placeholder),
            ctr: ctr.map(Dec),
            cvr: cvr.map(Dec),
            vtr: vtr.map(Dec),
            impressions: None,
            clicks: None,
            conversions: None,
            views: None,
            grps: None,
            ad_served: None,
            kpi,
            weights: None,
            pattern: None,
            creative: Vec::new(),
            launch: Launch::default(),
            notes: text(LineField::Notes).unwrap_or_default(),
            reach_pct: None,
            response: None,
            min_budget: None,
            max_budget: None,
            medium,
            target_audience: String::new(),
            universe: number(LineField::Universe, &mut bad).filter(|u| *u > Decimal::ZERO).map(Dec),
            target_pct: None,
            spot_length: None,
            spots: None,
            dayparts: Vec::new(),
            faces: None,
            insertions: None,
            readership: None,
        };
        problems.extend(unknown_medium);
        self.read_units(row, cells, &mut line, &mut problems);
        RowLine {
            id: text(LineField::Id),
            line,
            start,
            end,
            dates_at: [start_at, end_at],
            at: SourceRef::row(self.sheet, row),
            no_cost,
            commission,
            ad_serving,
            tech_fee,
            stated,
            problems,
            conversion,
        }
    }

    /// A cost in the plan's currency: as written, or converted at the row's exchange rate when
    /// it states another currency; refused (an error naming the row) with no rate.
    fn in_plan_currency(
        &self,
        row: usize,
        value: Decimal,
        currency: Option<String>,
        cells: &[String],
        problems: &mut Vec<Problem>,
        conversion: &mut Option<Conversion>,
    ) -> Option<Decimal> {
        let Some(plan) = self.currency else { return Some(value) };
        let from = match currency {
            Some(c) if c != plan.code() => c,
            _ => return Some(value),
        };
        let at = self.at(row, LineField::Budget);
        let rate = self.cell(cells, LineField::ExchangeRate).and_then(|c| cells::number(c, self.decimal_comma).ok().flatten());
        match rate.filter(|r| *r > Decimal::ZERO) {
            Some(r) => match mul(value, r, "converted cost") {
                Ok(x) => {
                    let converted = plan.round(x);
                    *conversion = Some(Conversion {
                        line: String::new(),
                        at,
                        from,
                        to: plan.code().to_string(),
                        amount: Dec(value),
                        rate: Dec(r),
                        converted: Dec(converted),
                    });
                    Some(converted)
                }
                Err(e) => {
                    problems.push(Problem::error("overflow", at, e.message));
                    None
                }
            },
            None => {
                problems.push(Problem::error(
                    "currency_mismatch",
                    at,
                    format!("the cost is in {from} but the plan is in {}, and the row gives no exchange rate: add one or convert the row", plan.code()),
                ));
                None
            }
        }
    }
}
