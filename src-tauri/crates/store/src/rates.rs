//! The planner's rate card in the library: one card for every plan, saved across sessions.
//!
//! A planner edits a default rate once and expects it next time and in the next plan, so the
//! card lives in the library file next to the plans (one row; no row means the built-in card
//! from `flightplan_core::rate_card`). Every card written here passes the core's rules first.

use crate::errors;
use crate::library::{stamp, Library};
use chrono::{DateTime, Utc};
use flightplan_core::rate_card::{default_rate_card, read_rate_card, validate_rate_card, write_rate_card, RateCard};
use flightplan_core::{Error, Result};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// The rate card as the library holds it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SavedRateCard {
    pub card: RateCard,
    /// When the planner last saved it (RFC 3339, UTC); none while it is the built-in card.
    pub updated_at: Option<String>,
}

impl Library {
    /// The planner's rate card, or the built-in one if none was saved.
    pub fn rate_card(&self) -> Result<SavedRateCard> {
        let row: Option<(String, String)> = self
            .conn
            .query_row("SELECT card, updated_at FROM rate_card WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(|e| self.db(e))?;
        match row {
            None => Ok(SavedRateCard { card: default_rate_card(), updated_at: None }),
            Some((text, at)) => {
                let card = read_rate_card(&text).map_err(|errs| {
                    let first = errs.into_iter().next().unwrap_or_else(|| Error::new("invalid_rate_card", "unreadable"));
                    errors::unreadable(&self.label, "the rate card", first)
                })?;
                Ok(SavedRateCard { card, updated_at: Some(at) })
            }
        }
    }

    /// Save `card` as the planner's rate card (checked first: the first broken rule is the
    /// error, naming the entry).
    pub fn set_rate_card(&mut self, card: &RateCard, now: DateTime<Utc>) -> Result<()> {
        if let Some(e) = validate_rate_card(card).into_iter().next() {
            return Err(e);
        }
        let tx = self.conn.transaction().map_err(|e| errors::sqlite(&self.label, e))?;
        tx.execute(
            "INSERT INTO rate_card (id, card, updated_at) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET card = excluded.card, updated_at = excluded.updated_at",
            (write_rate_card(card), stamp(now)),
        )
        .map_err(|e| errors::sqlite(&self.label, e))?;
        tx.commit().map_err(|e| errors::sqlite(&self.label, e))
    }

    /// Go back to the built-in rate card (the saved one is removed).
    pub fn reset_rate_card(&mut self) -> Result<()> {
        let tx = self.conn.transaction().map_err(|e| errors::sqlite(&self.label, e))?;
        tx.execute("DELETE FROM rate_card", []).map_err(|e| errors::sqlite(&self.label, e))?;
        tx.commit().map_err(|e| errors::sqlite(&self.label, e))
    }

    /// The rate card as a `flightplan-rates/1` file's text.
    pub fn export_rate_card(&self) -> Result<String> {
        Ok(write_rate_card(&self.rate_card()?.card))
    }

    /// Read a `flightplan-rates/1` file and save it as the rate card. A broken file changes
    /// nothing and gives every problem, each naming its entry.
    pub fn import_rate_card(&mut self, text: &str, now: DateTime<Utc>) -> std::result::Result<RateCard, Vec<Error>> {
        let card = read_rate_card(text)?;
        self.set_rate_card(&card, now).map_err(|e| vec![e])?;
        Ok(card)
    }
}
