//! The system print dialog opens on the page being printed: the one-page plan's paper (A4 or US
//! Letter, as the print view drew it), with no margins added (the PDF's page carries its own).
//!
//! The print view calls `window.print()`. WebKitGTK then opens the GTK print dialog on the
//! printer's defaults (A4 or Letter by locale, the printer's margins) and ignores the page's CSS
//! `@page` size, so a Letter page could go out on A4, shrunk within margins. The webview asks
//! before it opens the dialog (its `print` signal); the answer here sets the page setup the
//! dialog starts from. The planner can still change anything in the dialog.
//!
//! The sheet stays portrait: the print view turns the landscape page onto it, as printers turn
//! landscape jobs, because WebKitGTK prints a landscape page setup as a blank sheet (seen with
//! WebKitGTK 2.50 printing to a file). Other systems' webviews read the page's `@page` rule
//! (PrintView.tsx) and need nothing here.

use crate::commands::print::PrintedPaper;
use tauri::{Runtime, WebviewWindow};

/// GTK's names for the papers: the PWG names `GTK_PAPER_NAME_A4` and `GTK_PAPER_NAME_LETTER`.
pub fn gtk_paper_name(paper: flightplan_core::plan::Paper) -> &'static str {
    match paper {
        flightplan_core::plan::Paper::A4 => "iso_a4",
        flightplan_core::plan::Paper::Letter => "na_letter",
    }
}

/// Answer `window`'s print requests with the printed page's setup.
#[cfg(target_os = "linux")]
pub fn open_on_printed_paper<R: Runtime>(window: &WebviewWindow<R>, printed: PrintedPaper) {
    let hooked = window.with_webview(move |webview| {
        use webkit2gtk::{PrintOperationExt, WebViewExt};
        webview.inner().connect_print(move |_, operation| {
            let setup = gtk::PageSetup::new();
            setup.set_paper_size(&gtk::PaperSize::new(Some(gtk_paper_name(printed.get()))));
            setup.set_orientation(gtk::PageOrientation::Portrait);
            setup.set_top_margin(0.0, gtk::Unit::Points);
            setup.set_bottom_margin(0.0, gtk::Unit::Points);
            setup.set_left_margin(0.0, gtk::Unit::Points);
            setup.set_right_margin(0.0, gtk::Unit::Points);
            operation.set_page_setup(&setup);
            // Not handled here: the webview goes on to open its print dialog on this setup.
            false
        });
    });
    if let Err(e) = hooked {
        eprintln!("flightplan: the print dialog will open on the printer's own paper ({e})");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn open_on_printed_paper<R: Runtime>(_window: &WebviewWindow<R>, _printed: PrintedPaper) {}
