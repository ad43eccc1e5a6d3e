//! Fees on the plan: agency commission, ad serving and tech fees, each computed on the total it
//! applies to and then split to the lines.
//!
//! A client checks a fee with a calculator on the total: "2% of $8,000,000.00 is $160,000.00".
//! So each fee's total is its exact value rounded once (commission and tech fee on the total net
//! media, ad serving on the total ad-served impressions), and the lines' shares are that total
//! split by the largest remainder method over the lines' exact fees: every line's fee is its
//! exact fee rounded down or up (never a whole minor unit away), and the lines add up to the
//! total. Commission on a gross basis is a share of gross (net / (1 − pct) − net, the
//! traditional 15%); on a net basis it is a mark-up on net.

use crate::error::{Error, Result};
use crate::money::{distribute, div, mul, split_decimals, split_exact, to_units, units_to_dec, Currency};
use crate::plan::{CommissionBasis, Fees, Line};
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LineFees {
    pub agency_commission: Decimal,
    pub ad_serving: Decimal,
    pub tech_fee: Decimal,
}

impl LineFees {
    pub fn total(&self) -> Decimal {
        self.agency_commission + self.ad_serving + self.tech_fee
    }
}

/// Each line's fees and the plan's fee totals. Each total is its exact value rounded; the lines'
/// fees sum to it exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFees {
    pub lines: Vec<LineFees>,
    pub totals: LineFees,
}

/// The plan's fee percentages as exact fractions, worked out once for all its lines.
#[derive(Debug, Clone, Copy)]
pub struct FeeRates {
    /// Commission per unit of net media as a fraction `num / den` (exact integers).
    commission: (i128, i128),
    ad_serving_cpm: Decimal,
    /// Tech fee per unit of net media, `num / den`.
    tech: (i128, i128),
}

impl FeeRates {
    pub fn new(fees: &Fees) -> Result<FeeRates> {
        // pct / 100 as an integer fraction m / 10^s.
        let fraction = |pct: Decimal, what: &str| -> Result<(i128, i128)> {
            let f = div(pct, Decimal::ONE_HUNDRED, what)?;
            let den = 10i128.checked_pow(f.scale()).ok_or_else(|| Error::overflow(what))?;
            Ok((f.mantissa(), den))
        };
        let (c, d) = fraction(fees.agency_commission_pct.0, "agency commission")?;
        let commission = match fees.agency_commission_basis {
            // A share of gross: net / (1 − c) − net = net · c / (1 − c).
            CommissionBasis::Gross if c > 0 => {
                if c >= d {
                    return Err(Error::at("out_of_range", "fees.agency_commission_pct", "commission on gross must be below 100%"));
                }
                (c, d - c)
            }
            _ => (c, d),
        };
        Ok(FeeRates { commission, ad_serving_cpm: fees.ad_serving_cpm.0, tech: fraction(fees.tech_fee_pct.0, "tech fee")? })
    }

    /// The plan's fees: `nets` are the lines' net media (at the currency's minor unit) and
    /// `impressions` their unrounded impressions.
    pub fn plan_fees(&self, lines: &[Line], nets: &[Decimal], impressions: &[Option<Decimal>], currency: Currency) -> Result<PlanFees> {
        let dp = currency.minor_units();
        let n = nets.len();
        let units: Vec<i128> = nets.iter().map(|v| to_units(*v, dp)).collect::<Result<_>>()?;
        let commission = split_rate(&units, self.commission, "agency commission")?;
        let tech = split_rate(&units, self.tech, "tech fee")?;
        let ad_serving = if self.ad_serving_cpm.is_zero() {
            vec![0; n]
        } else {
            // In minor units: impressions / 1000 × CPM × 10^dp.
            let per_imp = div(mul(self.ad_serving_cpm, Decimal::from(10i64.pow(dp)), "ad serving")?, Decimal::ONE_THOUSAND, "ad serving")?;
            let exact: Vec<Decimal> = lines
                .iter()
                .zip(impressions)
                .map(|(l, imps)| match imps {
                    Some(i) if l.is_ad_served() => mul(*i, per_imp, "ad serving"),
                    _ => Ok(Decimal::ZERO),
                })
                .collect::<Result<_>>()?;
            match split_decimals(&exact) {
                Some(parts) => parts,
                None => split_exact(&exact, "ad serving")?,
            }
        };
        let mut out = Vec::with_capacity(n);
        let mut totals = [0i128; 3];
        for k in 0..n {
            let parts = [commission[k], ad_serving[k], tech[k]];
            for (t, p) in totals.iter_mut().zip(parts) {
                *t = t.checked_add(p).ok_or_else(|| Error::overflow("fees"))?;
            }
            out.push(LineFees { agency_commission: units_to_dec(parts[0], dp), ad_serving: units_to_dec(parts[1], dp), tech_fee: units_to_dec(parts[2], dp) });
        }
        Ok(PlanFees {
            lines: out,
            totals: LineFees { agency_commission: units_to_dec(totals[0], dp), ad_serving: units_to_dec(totals[1], dp), tech_fee: units_to_dec(totals[2], dp) },
        })
    }
}

/// A fee of `num / den` per unit of net media on lines of `units` minor units: the total is
/// round(Σ units · num / den), and each line gets its exact fee's floor, one more unit going to
/// the largest remainders (ties to the earlier line) until the lines add up to the total.
fn split_rate(units: &[i128], (num, den): (i128, i128), what: &str) -> Result<Vec<i128>> {
    if num == 0 {
        return Ok(vec![0; units.len()]);
    }
    match split_rate_ints(units, num, den) {
        Some(parts) => Ok(parts),
        // Rates with very many decimal places on very large amounts: the same split on decimals.
        None => {
            let int = |v: i128| Decimal::try_from_i128_with_scale(v, 0).map_err(|_| Error::overflow(what));
            let rate = div(int(num)?, int(den)?, what)?;
            let exact: Vec<Decimal> = units.iter().map(|u| mul(int(*u)?, rate, what)).collect::<Result<_>>()?;
            split_exact(&exact, what)
        }
    }
}

fn split_rate_ints(units: &[i128], num: i128, den: i128) -> Option<Vec<i128>> {
    // The usual case in i64 (much faster division): every product fits.
    if let (Ok(n), Ok(d)) = (i64::try_from(num), i64::try_from(den)) {
        let max = units.iter().copied().max().unwrap_or(0);
        if max.checked_mul(num).is_some_and(|p| p <= i64::MAX as i128) && units.iter().all(|u| *u >= 0) {
            let mut floors = Vec::with_capacity(units.len());
            let mut rems = Vec::with_capacity(units.len());
            let (mut floor_sum, mut rem_sum) = (0i128, 0i64);
            for u in units {
                let p = *u as i64 * n;
                let (f, r) = (p / d, p % d);
                floor_sum += i128::from(f);
                rem_sum += r;
                if rem_sum >= d {
                    floor_sum += i128::from(rem_sum / d);
                    rem_sum %= d;
                }
                floors.push(i128::from(f));
                rems.push(r);
            }
            let total = floor_sum + i128::from(rem_sum >= d - rem_sum);
            distribute(&mut floors, &rems, total);
            return Some(floors);
        }
    }
    let mut floors = Vec::with_capacity(units.len());
    let mut rems = Vec::with_capacity(units.len());
    let (mut floor_sum, mut rem_sum) = (0i128, 0i128);
    for u in units {
        let p = u.checked_mul(num)?;
        let (f, r) = (p.div_euclid(den), p.rem_euclid(den));
        floor_sum = floor_sum.checked_add(f)?;
        // Each remainder is below `den`; their sum is carried into whole units as it grows.
        rem_sum += r;
        if rem_sum >= den {
            floor_sum = floor_sum.checked_add(rem_sum / den)?;
            rem_sum %= den;
        }
        floors.push(f);
        rems.push(r);
    }
    // The exact total is floor_sum + rem_sum / den (not negative): rounded half away from zero.
    let total = floor_sum + i128::from(rem_sum >= den - rem_sum);
    distribute(&mut floors, &rems, total);
    Some(floors)
}
