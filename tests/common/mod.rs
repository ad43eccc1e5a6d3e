//! The desktop commands' test harness: the app's command set on Tauri's mock runtime (no
//! display), invoked through IPC exactly as the webview invokes them, on a real library file.
#![allow(dead_code)]

use flightplan_desktop::dialogs::{AppDialogs, Scripted};
use flightplan_desktop::library::PlanLibrary;
use serde_json::{json, Value};
use std::path::Path;
use std::sync::Arc;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

pub fn now() -> chrono::DateTime<chrono::Utc> {
    "2026-11-21T09:30:00Z".parse().expect("a fixed timestamp")
}

/// The day the app works on in these tests (the shell's `Today`, fixed).
pub fn today() -> chrono::NaiveDate {
    now().date_naive()
}

pub struct Harness {
    pub _app: App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
    /// The native dialogs, answered in advance by the test: `h.dialogs.push(Some(path))`.
    pub dialogs: Arc<Scripted>,
}

pub fn app_on(path: &Path) -> Harness {
    let dialogs = Arc::new(Scripted::default());
    let app = flightplan_desktop::with_commands_on(mock_builder(), flightplan_desktop::today::Today::fixed(today()))
        .manage(PlanLibrary::open(path, now()))
        .manage(AppDialogs(dialogs.clone()))
        .build(mock_context(noop_assets()))
        .expect("the mock app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("a mock window");
    Harness { _app: app, window, dialogs }
}

pub fn invoke(h: &Harness, cmd: &str, args: Value) -> Result<Value, Value> {
    invoke_body(h, cmd, InvokeBody::Json(args))
}

/// Invoke `cmd` with a raw body, as the UI sends a plan as text.
pub fn invoke_text(h: &Harness, cmd: &str, text: &str) -> Result<Value, Value> {
    invoke_body(h, cmd, InvokeBody::Raw(text.as_bytes().to_vec()))
}

fn invoke_body(h: &Harness, cmd: &str, body: InvokeBody) -> Result<Value, Value> {
    get_ipc_response(
        &h.window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("a url"),
            body,
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().expect("a JSON answer"))
}

pub fn first_id(h: &Harness) -> i64 {
    invoke(h, "list_plans", json!({})).expect("list")[0]["id"].as_i64().expect("an id")
}

pub fn listed_names(h: &Harness) -> Vec<String> {
    let plans = invoke(h, "list_plans", json!({})).expect("list");
    plans.as_array().expect("a list").iter().map(|p| p["name"].as_str().unwrap_or_default().to_string()).collect()
}
