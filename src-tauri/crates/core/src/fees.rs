//! Fees on a line: agency commission, ad serving and tech fees, each rounded per line.
//!
//! Fees are rounded on each line and totals are sums of the rounded line figures, so every
//! column of the plan adds up as printed. Commission on a gross basis is a share of gross
//! (net / (1 − pct) − net), the traditional 15%; on a net basis it is a mark-up on net.

use crate::error::Result;
use crate::money::{div, mul, sub, Currency};
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

/// Fees for one line, given its net media and unrounded impressions, rounded to the currency.
pub fn line_fees(
    fees: &Fees,
    line: &Line,
    net: Decimal,
    impressions: Option<Decimal>,
    currency: Currency,
) -> Result<LineFees> {
    FeeRates::new(fees)?.line_fees(line, net, impressions, currency)
}

/// The plan's fee percentages as fractions, worked out once for all its lines.
#[derive(Debug, Clone, Copy)]
pub struct FeeRates {
    basis: CommissionBasis,
    /// Agency commission as a fraction, and 1 − that (the net share of gross).
    commission: Decimal,
    net_share: Decimal,
    ad_serving_cpm: Decimal,
    tech: Decimal,
}

impl FeeRates {
    pub fn new(fees: &Fees) -> Result<FeeRates> {
        let commission = div(fees.agency_commission_pct, Decimal::ONE_HUNDRED, "agency commission")?;
        Ok(FeeRates {
            basis: fees.agency_commission_basis,
            commission,
            net_share: sub(Decimal::ONE, commission, "agency commission")?,
            ad_serving_cpm: fees.ad_serving_cpm,
            tech: div(fees.tech_fee_pct, Decimal::ONE_HUNDRED, "tech fee")?,
        })
    }

    /// [`line_fees`] at these rates.
    pub fn line_fees(
        &self,
        line: &Line,
        net: Decimal,
        impressions: Option<Decimal>,
        currency: Currency,
    ) -> Result<LineFees> {
        let commission = match self.basis {
            CommissionBasis::Gross => {
                let gross_media = div(net, self.net_share, "agency commission")?;
                sub(gross_media, net, "agency commission")?
            }
            CommissionBasis::Net => mul(net, self.commission, "agency commission")?,
        };
        let ad_serving = match impressions {
            Some(imps) if line.is_ad_served() => {
                mul(div(imps, Decimal::ONE_THOUSAND, "ad serving")?, self.ad_serving_cpm, "ad serving")?
            }
            _ => Decimal::ZERO,
        };
        let tech = mul(net, self.tech, "tech fee")?;
        Ok(LineFees {
            agency_commission: currency.round(commission),
            ad_serving: currency.round(ad_serving),
            tech_fee: currency.round(tech),
        })
    }
}
