//! Flightplan's desktop shell: a Tauri window around the planning core and the plan library.
//!
//! The shell is deliberately thin. Every figure comes from `flightplan_core`, every stored plan
//! from `flightplan_store`; this crate only opens the library, exposes a handful of commands to
//! the webview (and nothing else: no file system or shell access, a strict CSP) and starts the
//! window. Keeping it thin is what lets the core and store be tested without a display.

/// The staleness check of the UI's generated TypeScript bindings (`ui/src/bindings/`).
#[cfg(test)]
mod bindings;
pub mod commands;
pub mod dialogs;
pub mod library;
pub mod menu;
pub mod print_dialog;
pub mod rendering;
pub mod shown_views;
pub mod today;

use library::{library_path, PlanLibrary, LIBRARY_ENV};
use tauri::{Builder, Manager, Runtime};

/// Register the app's commands on a builder, working on the local date. The one place they are
/// listed for Tauri; the desktop app and the tests on the mock runtime both build through it.
pub fn with_commands<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    with_commands_on(builder, today::Today::local())
}

/// [`with_commands`] on a given day (tests fix it).
pub fn with_commands_on<R: Runtime>(builder: Builder<R>, today: today::Today) -> Builder<R> {
    builder
        .manage(today)
        .manage(shown_views::ShownViews::default())
        .manage(commands::export::ExportedFiles::default())
        .manage(commands::print::PrintedPaper::default())
        .manage(commands::monitoring::ChosenReports::default())
        .manage(commands::opening::OpenedFiles::default())
        .manage(commands::plan_import::PlanImports::default())
        .invoke_handler(tauri::generate_handler![
            commands::list_plans,
            commands::open_plan,
            commands::compute_plan,
            commands::save_plan,
            commands::plans::create_plan,
            commands::plans::duplicate_plan,
            commands::plans::delete_plan,
            commands::plans::restore_plan,
            commands::versions::snapshot_plan,
            commands::versions::list_versions,
            commands::export::export_pdf,
            commands::print::print_pdf,
            commands::export::export_table,
            commands::export::open_export,
            commands::export::export_mediaplan,
            commands::plan_import::choose_plan_import,
            commands::plan_import::preview_plan_import,
            commands::plan_import::commit_plan_import,
            commands::plan_import::preview_plan_update,
            commands::files::export_plan_file,
            commands::buying::launch_board,
            commands::buying::move_line,
            commands::buying::export_insertion_orders,
            commands::monitoring::review_plan,
            commands::monitoring::choose_report,
            commands::monitoring::preview_actuals,
            commands::monitoring::roll_forward_plan,
            commands::planning::catalogue,
            commands::planning::optimise_split,
            commands::planning::accept_split,
            commands::planning::compare_scenarios,
            commands::opening::opened_files,
            commands::opening::import_opened_file,
            commands::opening::dismiss_opened_file,
            commands::approval::plan_signoff,
            commands::approval::set_plan_status,
            commands::approval::start_revision,
            commands::approval::changes_since_approval,
            commands::paste::read_paste,
            commands::paste::place_paste,
            commands::paste::fill_down,
            commands::paste::fill_right,
            commands::weights::set_week_weight,
            commands::weights::reset_weights,
            commands::comments::add_comment,
            commands::comments::resolve_comment,
            commands::rates::rate_card,
            commands::rates::save_rate_card,
            commands::rates::add_rate_card_entry,
            commands::rates::remove_rate_card_entry,
            commands::rates::reset_rate_card,
            commands::rates::export_rate_card,
            commands::rates::import_rate_card,
            commands::planning::fit_curve,
        ])
}

/// Start the desktop app.
pub fn run() {
    rendering::choose();
    let app = with_commands(tauri::Builder::default())
        // First, so a second launch hands over to the running window instead of opening the
        // library file twice.
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
            // A plan file double-clicked while Flightplan runs: offered to this window.
            commands::opening::offer(app, commands::opening::plan_files_in(&args, std::path::Path::new(&cwd)));
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        // Only for `open_export`'s Rust call: no opener permission is granted to the webview.
        .plugin(tauri_plugin_opener::init())
        .on_menu_event(menu::forward)
        .setup(|app| {
            let handle = app.handle().clone();
            app.manage(dialogs::for_app(handle.clone()));
            if let Some(window) = app.get_webview_window("main") {
                print_dialog::open_on_printed_paper(&window, app.state::<commands::print::PrintedPaper>().inner().clone());
            }
            match menu::build(&handle) {
                Ok(m) => {
                    let _ = app.set_menu(m);
                }
                Err(e) => eprintln!("flightplan: the menu could not be built: {e}"),
            }
            let data_dir =
                || app.path().app_data_dir().map_err(|e| flightplan_core::Error::new("library_io", format!("no folder for app data on this system ({e})")));
            let library = match library_path(std::env::var_os(LIBRARY_ENV), data_dir) {
                Ok(path) => PlanLibrary::open(&path, chrono::Utc::now()),
                Err(e) => PlanLibrary::unavailable(std::path::PathBuf::from(library::LIBRARY_FILE), e),
            };
            app.manage(library);
            // A plan file the app was launched to open (Linux and Windows pass it as an argument).
            let args: Vec<String> = std::env::args().collect();
            let cwd = std::env::current_dir().unwrap_or_default();
            commands::opening::offer(&handle, commands::opening::plan_files_in(&args, &cwd));
            Ok(())
        });
    let app = match app.build(tauri::generate_context!()) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("flightplan: the window could not start: {e}");
            std::process::exit(1);
        }
    };
    app.run(|_handle, _event| {
        // macOS hands opened files to the running app as an event, not an argument.
        #[cfg(target_os = "macos")]
        if let tauri::RunEvent::Opened { urls } = _event {
            let paths = urls.iter().filter_map(|u| u.to_file_path().ok()).collect();
            commands::opening::offer(_handle, paths);
        }
    });
}
