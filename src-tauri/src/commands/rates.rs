//! The library's rate card in the app: the channels, default rates and default fees every new
//! plan and pasted line starts from, edited in one place and kept across sessions; exported and
//! imported as a `flightplan-rates/1` file through the shell's own dialogs (no path from the
//! webview).

use super::guarded;
use crate::commands::export::{with_extension, write_exported, Exported, ExportedFiles};
use crate::dialogs::{AppDialogs, Ask, Filter};
use crate::library::PlanLibrary;
use chrono::Utc;
use flightplan_core::rate_card::{add_entry, read_rate_card, remove_entry, RateCard, RateCardEntry};
use flightplan_core::{Error, Result};
use flightplan_store::SavedRateCard;
use tauri::State;

/// Rate card files: `.json` (`flightplan-rates/1`).
pub const RATE_CARD_FILE: Filter = Filter { name: "Flightplan rate card", extensions: &["json"] };
/// A rate card file is small; anything over this is not one.
const RATE_CARD_LIMIT: u64 = 8 * 1024 * 1024;

/// The planner's rate card (the built-in one until one is saved).
#[tauri::command]
pub async fn rate_card(library: State<'_, PlanLibrary>) -> Result<SavedRateCard> {
    guarded(async move { library.with(|lib| lib.rate_card()) }).await
}

/// Save `card` as the rate card (the core's rules first: the first broken one is the error,
/// naming the entry); returns it as saved.
#[tauri::command]
pub async fn save_rate_card(library: State<'_, PlanLibrary>, card: RateCard) -> Result<SavedRateCard> {
    guarded(async move {
        library.with(|lib| {
            lib.set_rate_card(&card, Utc::now())?;
            lib.rate_card()
        })
    })
    .await
}

/// `card` (the card on the rate card screen, saved or not) with the channel the planner added,
/// checked by the core: refused with the first problem, naming the form's field (`entry.rate`,
/// `entry.name` when the card already has that channel and name). Not saved: the screen saves
/// the card with "Save rate card" like any other edit.
#[tauri::command]
pub async fn add_rate_card_entry(card: RateCard, entry: RateCardEntry) -> Result<RateCard> {
    guarded(async move {
        add_entry(&card, entry).map_err(|errs| errs.into_iter().next().unwrap_or_else(|| Error::new("invalid_rate_card", "the channel could not be added")))
    })
    .await
}

/// `card` without the entry `channel` — `name`. Plans whose lines use it are untouched (each
/// line holds its own pricing, buying method and rate); stage 3's catalogue and pasted rows no
/// longer offer it once the card is saved. Not saved here.
#[tauri::command]
pub async fn remove_rate_card_entry(card: RateCard, channel: String, name: String) -> Result<RateCard> {
    guarded(async move { remove_entry(&card, &channel, &name) }).await
}

/// Go back to the built-in rate card.
#[tauri::command]
pub async fn reset_rate_card(library: State<'_, PlanLibrary>) -> Result<SavedRateCard> {
    guarded(async move {
        library.with(|lib| {
            lib.reset_rate_card()?;
            lib.rate_card()
        })
    })
    .await
}

/// Ask where, then write the rate card as a `flightplan-rates/1` file. `None` when cancelled.
#[tauri::command]
pub async fn export_rate_card(library: State<'_, PlanLibrary>, exports: State<'_, ExportedFiles>, dialogs: State<'_, AppDialogs>) -> Result<Option<Exported>> {
    guarded(async move {
        let text = library.with(|lib| lib.export_rate_card())?;
        let ask = Ask::Save { title: "Export the rate card".into(), file_name: "Rate card.json".into(), filters: vec![RATE_CARD_FILE] };
        let Some(target) = dialogs.ask(ask).await.map(|p| with_extension(p, "json")) else { return Ok(None) };
        write_exported(&exports, target, "the rate card export", move || Ok((text.into_bytes(), Vec::new()))).await.map(Some)
    })
    .await
}

/// Ask for a `flightplan-rates/1` file, check it and save it as the rate card. A broken file
/// changes nothing; its error lists every problem, each naming its entry. `None` when cancelled.
#[tauri::command]
pub async fn import_rate_card(library: State<'_, PlanLibrary>, dialogs: State<'_, AppDialogs>) -> Result<Option<SavedRateCard>> {
    guarded(async move {
        let ask = Ask::Open { title: "Import a rate card".into(), filters: vec![RATE_CARD_FILE] };
        let Some(path) = dialogs.ask(ask).await else { return Ok(None) };
        let text = flightplan_files::read_text_bounded(&path, RATE_CARD_LIMIT, "the rate card")?;
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let card = read_rate_card(&text).map_err(|errs| {
            let all: Vec<String> = errs
                .iter()
                .map(|e| match &e.path {
                    Some(p) => format!("{p}: {}", e.message),
                    None => e.message.clone(),
                })
                .collect();
            let first = errs.into_iter().next();
            let code = first.as_ref().map(|e| e.code.clone()).unwrap_or_else(|| "invalid_rate_card".into());
            Error::new(&code, format!("this is not a rate card Flightplan can use; nothing was changed: {}", all.join("; "))).in_file(file)
        })?;
        library.with(|lib| {
            lib.set_rate_card(&card, Utc::now())?;
            lib.rate_card().map(Some)
        })
    })
    .await
}
