//! The native menu: File, Edit, View and Help with the usual shortcuts.
//!
//! Items that act on the plan (new, import, export, undo, workshop mode) do not act here: the
//! shell forwards their id to the webview as a `menu` event and the UI runs the same action as
//! its own button, so there is one code path per action. Cut, copy, paste and select-all are the
//! system's own items, so they work in every text field.

use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

/// The event the UI listens to; its payload is the menu item's id.
pub const MENU_EVENT: &str = "menu";

/// The app's own items: (id, label, accelerator).
pub const ITEMS: &[(&str, &str, Option<&str>)] = &[
    ("new_plan", "New Plan", Some("CmdOrCtrl+N")),
    ("import_plan", "Import Plan…", Some("CmdOrCtrl+O")),
    ("update_plan", "Update Plan from File…", None),
    ("export_plan", "Export Plan File…", Some("CmdOrCtrl+Shift+S")),
    ("print", "Print…", Some("CmdOrCtrl+P")),
    ("export_pdf", "Export PDF…", Some("CmdOrCtrl+E")),
    ("export_xlsx", "Export XLSX…", None),
    ("export_csv", "Export CSV…", None),
    ("export_mediaplan", "Export mediaplanschema…", None),
    ("library", "Library", Some("CmdOrCtrl+L")),
    ("undo", "Undo", None),
    ("redo", "Redo", None),
    ("snapshot", "Save Version…", Some("CmdOrCtrl+Shift+V")),
    ("workshop", "Workshop Mode", Some("F5")),
    ("about", "About Flightplan", None),
];

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |id: &str| -> tauri::Result<tauri::menu::MenuItem<R>> {
        let (id, label, accel) = ITEMS.iter().find(|(i, _, _)| *i == id).copied().unwrap_or((id, id, None));
        let b = MenuItemBuilder::with_id(id, label);
        match accel {
            Some(a) => b.accelerator(a).build(app),
            None => b.build(app),
        }
    };
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("new_plan")?)
        .item(&item("import_plan")?)
        .item(&item("update_plan")?)
        .separator()
        .item(&item("print")?)
        .item(&item("export_pdf")?)
        .item(&item("export_xlsx")?)
        .item(&item("export_csv")?)
        .item(&item("export_mediaplan")?)
        .item(&item("export_plan")?)
        .separator()
        .item(&item("library")?)
        .separator()
        .item(&PredefinedMenuItem::quit(app, Some("Quit Flightplan"))?)
        .build()?;
    // Undo and redo carry no accelerator here: Ctrl+Z reaches the UI, which undoes the plan
    // edit outside text fields and leaves a field's own undo alone inside one.
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item("undo")?)
        .item(&item("redo")?)
        .separator()
        .item(&PredefinedMenuItem::cut(app, None)?)
        .item(&PredefinedMenuItem::copy(app, None)?)
        .item(&PredefinedMenuItem::paste(app, None)?)
        .item(&PredefinedMenuItem::select_all(app, None)?)
        .separator()
        .item(&item("snapshot")?)
        .build()?;
    let view = SubmenuBuilder::new(app, "View").item(&item("workshop")?).item(&PredefinedMenuItem::fullscreen(app, None)?).build()?;
    let help = SubmenuBuilder::new(app, "Help").item(&item("about")?).build()?;
    MenuBuilder::new(app).items(&[&file, &edit, &view, &help]).build()
}

/// Hand an app item's id to the webview.
pub fn forward<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    if ITEMS.iter().any(|(i, _, _)| *i == id) {
        let _ = app.emit(MENU_EVENT, id);
    }
}
