//! Build script of the desktop shell: generates Tauri's context and the access-control list.
//!
//! The UI may call only the app's own commands, each granted by name in
//! `src-tauri/capabilities/`. The command list lives in one file shared with the app
//! (`src/commands/names.rs`), so a command cannot be added without its permission.

include!("src/commands/names.rs");

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=src-tauri/src/commands/names.rs");
    println!("cargo:rerun-if-changed=ui/dist");
    // The UI is embedded at compile time; say how to build it rather than fail inside a macro.
    if !std::path::Path::new("ui/dist/index.html").exists() {
        eprintln!(
            "ui/dist/index.html is missing: build the UI first with \
             `npm --prefix ui install && npm --prefix ui run build`"
        );
        std::process::exit(1);
    }
    let attributes = tauri_build::Attributes::new()
        // The config sits at the repository root, so the default `./capabilities` would be the
        // root; the capabilities belong with the shell.
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        // A broken config or capability is a build error, reported as cargo reports any other.
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
