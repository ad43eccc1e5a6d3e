//! Decimals in the plan file are JSON strings (`"12.50"`), never binary floats.
//!
//! A number in the file would already have passed through a float in most JSON tools, so we
//! refuse it with a message that says how to write it, rather than silently accepting `0.1`
//! as 0.1000000000000000055.
//!
//! [`Dec`] is the one type every serialized amount, rate and figure is declared with: it writes a
//! string, reads by the rules above, and is `string` in the generated TypeScript. Arithmetic is
//! done on `rust_decimal::Decimal`, which `Dec` dereferences to and converts from, so a field is
//! `Dec` and a computation is `Decimal`.

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Deref, DerefMut, Div, Mul, Neg, Sub, SubAssign};
use std::str::FromStr;

struct DecVisitor;

impl<'de> Visitor<'de> for DecVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a decimal written as a string, such as \"12.50\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse(v).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        Err(E::custom(format!("the number {v} must be written as a string, such as \"{v}\", so it stays exact")))
    }
}

/// Parse a decimal string as a planner would write it: `12`, `12.5`, `-3.25`. No exponents,
/// no thousands separators, no spaces.
pub fn parse(v: &str) -> Result<Decimal, String> {
    let ok_chars = !v.is_empty() && v.bytes().enumerate().all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && (b == b'-' || b == b'+')));
    if !ok_chars || v.bytes().filter(|b| *b == b'.').count() > 1 || !v.bytes().any(|b| b.is_ascii_digit()) {
        return Err(format!("\"{v}\" is not a decimal number (write it like \"12.50\")"));
    }
    Decimal::from_str(v).map_err(|_| format!("\"{v}\" has too many digits to be stored exactly"))
}

/// An exact decimal as the plan file and the IPC carry it: a JSON string such as `"12.50"`.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(transparent)]
pub struct Dec(pub Decimal);

impl Dec {
    /// The decimal inside, for arithmetic.
    pub const fn get(self) -> Decimal {
        self.0
    }
}

impl Deref for Dec {
    type Target = Decimal;
    fn deref(&self) -> &Decimal {
        &self.0
    }
}

impl DerefMut for Dec {
    fn deref_mut(&mut self) -> &mut Decimal {
        &mut self.0
    }
}

impl From<Decimal> for Dec {
    fn from(v: Decimal) -> Dec {
        Dec(v)
    }
}

impl From<Dec> for Decimal {
    fn from(v: Dec) -> Decimal {
        v.0
    }
}

impl std::str::FromStr for Dec {
    type Err = rust_decimal::Error;
    fn from_str(s: &str) -> Result<Dec, Self::Err> {
        Decimal::from_str(s).map(Dec)
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Dec {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl PartialEq<Decimal> for Dec {
    fn eq(&self, o: &Decimal) -> bool {
        self.0 == *o
    }
}

impl PartialEq<Dec> for Decimal {
    fn eq(&self, o: &Dec) -> bool {
        *self == o.0
    }
}

impl PartialOrd<Decimal> for Dec {
    fn partial_cmp(&self, o: &Decimal) -> Option<Ordering> {
        self.0.partial_cmp(o)
    }
}

impl PartialOrd<Dec> for Decimal {
    fn partial_cmp(&self, o: &Dec) -> Option<Ordering> {
        self.partial_cmp(&o.0)
    }
}

// Arithmetic gives a `Decimal`: a computation is done on decimals and stored as `Dec` at the end.
macro_rules! op {
    ($tr:ident, $f:ident) => {
        impl $tr<Dec> for Dec {
            type Output = Decimal;
            fn $f(self, o: Dec) -> Decimal {
                self.0.$f(o.0)
            }
        }
        impl $tr<Decimal> for Dec {
            type Output = Decimal;
            fn $f(self, o: Decimal) -> Decimal {
                self.0.$f(o)
            }
        }
        impl $tr<Dec> for Decimal {
            type Output = Decimal;
            fn $f(self, o: Dec) -> Decimal {
                self.$f(o.0)
            }
        }
    };
}
op!(Add, add);
op!(Sub, sub);
op!(Mul, mul);
op!(Div, div);

impl Neg for Dec {
    type Output = Dec;
    fn neg(self) -> Dec {
        Dec(-self.0)
    }
}

impl AddAssign<Decimal> for Dec {
    fn add_assign(&mut self, o: Decimal) {
        self.0 += o;
    }
}

impl AddAssign<Dec> for Dec {
    fn add_assign(&mut self, o: Dec) {
        self.0 += o.0;
    }
}

impl AddAssign<Dec> for Decimal {
    fn add_assign(&mut self, o: Dec) {
        *self += o.0;
    }
}

impl SubAssign<Decimal> for Dec {
    fn sub_assign(&mut self, o: Decimal) {
        self.0 -= o;
    }
}

impl SubAssign<Dec> for Decimal {
    fn sub_assign(&mut self, o: Dec) {
        *self -= o.0;
    }
}

impl Sum<Dec> for Decimal {
    fn sum<I: Iterator<Item = Dec>>(it: I) -> Decimal {
        it.fold(Decimal::ZERO, |a, b| a + b.0)
    }
}

impl<'a> Sum<&'a Dec> for Decimal {
    fn sum<I: Iterator<Item = &'a Dec>>(it: I) -> Decimal {
        it.fold(Decimal::ZERO, |a, b| a + b.0)
    }
}

impl Sum<Dec> for Dec {
    fn sum<I: Iterator<Item = Dec>>(it: I) -> Dec {
        Dec(it.sum())
    }
}

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Dec, D::Error> {
        d.deserialize_any(DecVisitor).map(Dec)
    }
}

#[cfg(feature = "ts")]
impl ts_rs::TS for Dec {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "string".to_owned()
    }
    fn inline(cfg: &ts_rs::Config) -> String {
        <Self as ts_rs::TS>::name(cfg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Row {
        net: Dec,
        rate: Option<Dec>,
    }

    #[test]
    fn a_dec_is_a_json_string_that_keeps_its_places() {
        let row: Row = serde_json::from_str(r#"{"net": "12.50", "rate": null}"#).unwrap();
        assert_eq!(row.net.to_string(), "12.50");
        assert_eq!(serde_json::to_string(&row).unwrap(), r#"{"net":"12.50","rate":null}"#);
        // A missing optional decimal is none, as null is.
        let row: Row = serde_json::from_str(r#"{"net": 3}"#).unwrap();
        assert_eq!((row.net, row.rate), (Dec(Decimal::from(3)), None));
    }

    #[test]
    fn a_float_or_a_formatted_number_is_refused_with_how_to_write_it() {
        let e = serde_json::from_str::<Row>(r#"{"net": 0.1}"#).unwrap_err().to_string();
        assert!(e.contains("the number 0.1 must be written as a string, such as \"0.1\""), "{e}");
        let e = serde_json::from_str::<Row>(r#"{"net": "1,200.00"}"#).unwrap_err().to_string();
        assert!(e.contains("\"1,200.00\" is not a decimal number"), "{e}");
        let e = serde_json::from_str::<Row>(r#"{"net": "1e3"}"#).unwrap_err().to_string();
        assert!(e.contains("is not a decimal number"), "{e}");
    }

    #[test]
    fn arithmetic_gives_decimals_and_comparisons_cross_both_ways() {
        let (a, b) = (Dec(Decimal::new(1250, 2)), Dec(Decimal::new(250, 2)));
        assert_eq!(a - b, Decimal::new(1000, 2));
        assert_eq!(a * Decimal::from(2), Decimal::new(2500, 2));
        // Both directions on purpose: `Dec` against `Decimal` and `Decimal` against `Dec`.
        #[allow(clippy::nonminimal_bool)]
        let both = a > Decimal::TEN && Decimal::TEN < a;
        assert!(both);
        assert_eq!([a, b].into_iter().sum::<Decimal>(), Decimal::new(1500, 2));
    }
}
