//! Decimals in the plan file are JSON strings (`"12.50"`), never binary floats.
//!
//! A number in the file would already have passed through a float in most JSON tools, so we
//! refuse it with a message that says how to write it, rather than silently accepting `0.1`
//! as 0.1000000000000000055.

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt;
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
        Err(E::custom(format!(
            "the number {v} must be written as a string, such as \"{v}\", so it stays exact"
        )))
    }
}

/// Parse a decimal string as a planner would write it: `12`, `12.5`, `-3.25`. No exponents,
/// no thousands separators, no spaces.
pub fn parse(v: &str) -> Result<Decimal, String> {
    let ok_chars = !v.is_empty()
        && v.bytes().enumerate().all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && (b == b'-' || b == b'+')));
    if !ok_chars || v.bytes().filter(|b| *b == b'.').count() > 1 || !v.bytes().any(|b| b.is_ascii_digit()) {
        return Err(format!("\"{v}\" is not a decimal number (write it like \"12.50\")"));
    }
    Decimal::from_str(v).map_err(|_| format!("\"{v}\" has too many digits to be stored exactly"))
}

pub fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(DecVisitor)
}

/// The same rules for optional fields; `null` and a missing field are both `None`.
pub mod opt {
    use super::*;

    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.collect_str(v),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        struct OptVisitor;
        impl<'de> Visitor<'de> for OptVisitor {
            type Value = Option<Decimal>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a decimal written as a string, or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
                super::deserialize(d).map(Some)
            }
        }
        d.deserialize_option(OptVisitor)
    }
}

/// A list of decimals (weekly weights).
pub mod vec {
    use super::*;
    use serde::ser::SerializeSeq;

    pub fn serialize<S: Serializer>(v: &Option<Vec<Decimal>>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(v) => {
                let mut seq = s.serialize_seq(Some(v.len()))?;
                for x in v {
                    seq.serialize_element(&x.to_string())?;
                }
                seq.end()
            }
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Decimal>>, D::Error> {
        #[derive(serde::Deserialize)]
        struct W(#[serde(with = "super")] Decimal);
        let v: Option<Vec<W>> = serde::Deserialize::deserialize(d)?;
        Ok(v.map(|v| v.into_iter().map(|w| w.0).collect()))
    }
}
