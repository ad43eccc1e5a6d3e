//! The native open, save and folder dialogs, opened by the shell itself.
//!
//! No command takes a file path from the webview: a compromised or buggy page could otherwise
//! read any file or write one anywhere. The commands that move files ask the planner here, in
//! Rust, and only the path the planner picked is ever read or written. The webview's capability
//! grants no dialog permission at all.
//!
//! Tests on the mock runtime and the real-app end-to-end test cannot click a GTK dialog, so the
//! dialogs are a trait: the app uses the native ones; tests script the answers. In a debug build,
//! `FLIGHTPLAN_DIALOG_ANSWERS=FILE` scripts them too (each dialog takes the first line of FILE;
//! an empty line cancels), for the end-to-end test that drives the real window. It is an
//! environment variable of the process, out of the webview's reach, and absent from release
//! builds.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// A file type a dialog offers: "PDF" with `["pdf"]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filter {
    pub name: &'static str,
    pub extensions: &'static [&'static str],
}

/// What the planner is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// Pick an existing file.
    Open { title: String, filters: Vec<Filter> },
    /// Name a file to write, starting from `file_name`.
    Save { title: String, file_name: String, filters: Vec<Filter> },
    /// Pick a folder.
    Folder { title: String },
}

/// Something that can ask: `None` when the planner cancels.
pub trait Dialogs: Send + Sync {
    fn ask(&self, ask: &Ask) -> Option<PathBuf>;
}

/// The app's dialogs, as Tauri managed state.
pub struct AppDialogs(pub Arc<dyn Dialogs>);

impl AppDialogs {
    /// Ask on a blocking thread: a native dialog runs until the planner answers, and the other
    /// commands must go on meanwhile.
    pub async fn ask(&self, ask: Ask) -> Option<PathBuf> {
        let dialogs = Arc::clone(&self.0);
        tauri::async_runtime::spawn_blocking(move || dialogs.ask(&ask)).await.ok().flatten()
    }
}

/// The platform's own dialogs (GTK, Windows, macOS) through the dialog plugin's Rust API,
/// attached to the main window.
pub struct Native<R: tauri::Runtime>(pub tauri::AppHandle<R>);

impl<R: tauri::Runtime> Dialogs for Native<R> {
    fn ask(&self, ask: &Ask) -> Option<PathBuf> {
        use tauri::Manager;
        use tauri_plugin_dialog::DialogExt;
        let mut b = self.0.dialog().file();
        if let Some(w) = self.0.get_webview_window("main") {
            b = b.set_parent(&w);
        }
        let picked = match ask {
            Ask::Open { title, filters } => {
                for f in filters {
                    b = b.add_filter(f.name, f.extensions);
                }
                b.set_title(title).blocking_pick_file()
            }
            Ask::Save { title, file_name, filters } => {
                for f in filters {
                    b = b.add_filter(f.name, f.extensions);
                }
                b.set_title(title).set_file_name(file_name).blocking_save_file()
            }
            Ask::Folder { title } => b.set_title(title).blocking_pick_folder(),
        };
        picked.and_then(|p| p.into_path().ok())
    }
}

/// Answers given in advance, in order; every question asked is recorded. `None` cancels.
#[derive(Default)]
pub struct Scripted {
    answers: Mutex<VecDeque<Option<PathBuf>>>,
    asked: Mutex<Vec<Ask>>,
    /// When set, answers are read from this file instead (one per line, consumed).
    file: Option<PathBuf>,
}

impl Scripted {
    pub fn new(answers: impl IntoIterator<Item = Option<PathBuf>>) -> Scripted {
        Scripted { answers: Mutex::new(answers.into_iter().collect()), ..Default::default() }
    }

    /// Answers read from `file`, one line per dialog (the end-to-end test writes it).
    pub fn from_file(file: PathBuf) -> Scripted {
        Scripted { file: Some(file), ..Default::default() }
    }

    /// Add the next answer.
    pub fn push(&self, answer: Option<PathBuf>) {
        if let Ok(mut a) = self.answers.lock() {
            a.push_back(answer);
        }
    }

    /// Every question asked so far.
    pub fn asked(&self) -> Vec<Ask> {
        self.asked.lock().map(|a| a.clone()).unwrap_or_default()
    }

    fn next_from_file(file: &PathBuf) -> Option<PathBuf> {
        let text = std::fs::read_to_string(file).ok()?;
        let mut lines = text.lines();
        let first = lines.next()?.trim().to_string();
        let rest: Vec<&str> = lines.collect();
        let _ = std::fs::write(file, rest.join("\n"));
        (!first.is_empty()).then(|| PathBuf::from(first))
    }
}

impl Dialogs for Scripted {
    fn ask(&self, ask: &Ask) -> Option<PathBuf> {
        if let Ok(mut a) = self.asked.lock() {
            a.push(ask.clone());
        }
        match &self.file {
            Some(f) => Scripted::next_from_file(f),
            None => self.answers.lock().ok().and_then(|mut a| a.pop_front()).flatten(),
        }
    }
}

/// The environment variable that scripts the dialogs in a debug build.
pub const ANSWERS_ENV: &str = "FLIGHTPLAN_DIALOG_ANSWERS";

/// The dialogs the app uses: native, or scripted from [`ANSWERS_ENV`] in a debug build.
pub fn for_app<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> AppDialogs {
    if cfg!(debug_assertions) {
        if let Some(file) = std::env::var_os(ANSWERS_ENV).filter(|v| !v.is_empty()) {
            return AppDialogs(Arc::new(Scripted::from_file(PathBuf::from(file))));
        }
    }
    AppDialogs(Arc::new(Native(app)))
}
