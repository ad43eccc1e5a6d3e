//! How the webview draws on Linux: without compositing where there is no graphics processor, and
//! with plain scroll bars everywhere.
//!
//! WebKitGTK composites the page through OpenGL. Where there is no GPU (a virtual machine, a
//! remote desktop, a laptop without its graphics driver) that OpenGL is Mesa's software
//! rasteriser, and every frame of the plan screen then costs some 50 ms of CPU on two cores:
//! an edit took three frames to show. Drawn without compositing, the same frame takes one 16 ms
//! refresh (bench/app-measure.sh, README "Performance"), and the web process holds 85 MB less.
//! So when the machine has no GPU render node, the app asks WebKit not to composite. A machine
//! with a GPU is left as it is, and a setting the planner (or their admin) made stands.
//!
//! GTK's overlay scroll bars (drawn over the page, shown while the pointer moves) keep WebKitGTK
//! 2.50 drawing frame after frame for as long as the pointer rests over a page that scrolls: a
//! plan open and untouched cost 90 ms of CPU a second without compositing, and 1.8 s a second
//! (both cores) with Mesa's software OpenGL. That drains a laptop's battery and slows the next
//! edit. With plain scroll bars the same page at rest costs 0–2 ms a second, so the app asks GTK
//! for them, unless a setting was made.
//!
//! Both are set in the app's own environment, so programs the app starts (the PDF viewer
//! `open_export` opens, when it was not already running) inherit them too: plain scroll bars, and
//! no compositing on a machine that has no GPU anyway.

/// The environment variable WebKitGTK reads to draw without accelerated compositing.
pub const DISABLE_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// The environment variable GTK reads to draw overlay scroll bars (`0`: plain ones).
pub const OVERLAY_SCROLLING: &str = "GTK_OVERLAY_SCROLLING";

/// Whether to turn compositing off: only with no GPU to composite on, and nobody's choice made.
pub fn without_compositing(has_render_node: bool, already_chosen: bool) -> bool {
    !has_render_node && !already_chosen
}

/// Whether the machine has a GPU render node (`/dev/dri/renderD128`…) this user may draw on: one
/// the user cannot open (not in the `render` group) leaves OpenGL in software too.
#[cfg(target_os = "linux")]
fn has_render_node() -> bool {
    std::fs::read_dir("/dev/dri").is_ok_and(|dir| {
        dir.flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD") && std::fs::OpenOptions::new().read(true).write(true).open(e.path()).is_ok())
    })
}

/// Decide before GTK and WebKit start (first thing in `run`, while the app has one thread).
pub fn choose() {
    #[cfg(target_os = "linux")]
    {
        if without_compositing(has_render_node(), std::env::var_os(DISABLE_COMPOSITING).is_some()) {
            std::env::set_var(DISABLE_COMPOSITING, "1");
        }
        if std::env::var_os(OVERLAY_SCROLLING).is_none() {
            std::env::set_var(OVERLAY_SCROLLING, "0");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::without_compositing;

    #[test]
    fn compositing_is_turned_off_only_without_a_gpu_and_without_a_choice_made() {
        assert!(without_compositing(false, false), "no GPU: draw without compositing");
        assert!(!without_compositing(true, false), "a GPU composites as WebKit likes");
        assert!(!without_compositing(false, true), "the planner's own setting stands");
    }
}
