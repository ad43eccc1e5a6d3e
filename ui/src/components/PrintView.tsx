// Print (Ctrl+P): the one-page plan as it will come out of the printer, on the paper chosen, then
// the system's print dialog. The page is the exported PDF itself (print_pdf hands over the
// export's bytes for the stored plan, today, on that paper), drawn by pdf.js on a canvas at print
// resolution (PRINT_DPI) and shown as an image, the one element both the screen and the print
// stylesheet show (which prints it alone, edge to edge, on the paper, fed portrait). An image,
// not the canvas: WebKitGTK prints a canvas as a black box, and an image hidden until printed
// comes out blank. The system dialog opens on the same paper, without margins
// (src-tauri/src/print_dialog.rs). What the page leaves off is listed, as the export lists it.

import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { api, toCommandError } from "../api";
import type { Paper } from "../bindings";
import { errorMessage } from "../errors";
import { drawFirstPage, fromBase64, PRINT_DPI } from "../pdfPage";
import { PaperChoice, paperLabel } from "./PaperChoice";

interface Props {
  planId: number;
  /** The plan's own paper, chosen first. */
  planPaper: Paper;
  /** Why the stored plan is not the one on screen (an edit was refused), or null. */
  blocked: string | null;
  onClose: () => void;
}

type Shown =
  | { state: "drawing" }
  | { state: "ready"; paper: Paper; widthPt: number; heightPt: number; warnings: string[] }
  | { state: "failed"; message: string };

/**
 * The print stylesheet's sizes for the page drawn. The landscape page goes on its paper fed
 * portrait, turned a quarter (counter-clockwise, as printers turn landscape jobs): an `@page` of
 * the paper's portrait size with no margin (the PDF has its own), a sheet of that size, and the
 * image at exactly the page's size, turned onto it. (WebKitGTK prints a landscape page setup as a
 * blank sheet, so the sheet is portrait everywhere.)
 */
export function pageRule(widthPt: number, heightPt: number): string {
  const [long, short] = widthPt >= heightPt ? [widthPt, heightPt] : [heightPt, widthPt];
  const turn = widthPt >= heightPt ? `transform-origin: 0 0; transform: translate(0, ${long}pt) rotate(-90deg);` : "";
  return (
    `@page { size: ${short}pt ${long}pt; margin: 0; } ` +
    `@media print { .print-sheet { width: ${short}pt; height: ${long}pt; } ` +
    `.print-image { width: ${widthPt}pt; height: ${heightPt}pt; ${turn} } }`
  );
}


/**
 * The print page size as a stylesheet adopted while the view is open: built through the CSSOM,
 * which the CSP (no inline styles) allows.
 */
function usePageRule(rule: string | null) {
  useEffect(() => {
    if (!rule || typeof CSSStyleSheet === "undefined" || !("adoptedStyleSheets" in document)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rule);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [rule]);
}

export function PrintView({ planId, planPaper, blocked, onClose }: Props) {
  const [paper, setPaper] = useState<Paper>(planPaper);
  const [shown, setShown] = useState<Shown>({ state: "drawing" });
  const sheet = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => dialog.current?.focus(), []);

  useEffect(() => {
    if (blocked) {
      setShown({ state: "failed", message: blocked });
      return;
    }
    let live = true;
    setShown({ state: "drawing" });
    (async () => {
      try {
        const page = await api.printPdf(planId, paper);
        const box = sheet.current;
        if (!live || !box) return;
        // Each page is drawn on a canvas of its own and swapped in once drawn, so a paper changed
        // mid-draw never mixes two drawings.
        const canvas = document.createElement("canvas");
        const drawn = await drawFirstPage(fromBase64(page.pdf), [{ canvas, dpi: () => PRINT_DPI }]);
        const image = new Image();
        image.className = "print-image";
        image.alt = `The one-page plan on ${paperLabel(page.paper)}`;
        // Decoded when painted, printing included: WebKit decodes large images off the main
        // thread by default, and a print paints before that decode lands (a blank sheet).
        image.decoding = "sync";
        image.src = canvas.toDataURL("image/png");
        await image.decode();
        if (!live) return;
        image.dataset.widthPt = String(drawn.widthPt);
        image.dataset.heightPt = String(drawn.heightPt);
        box.replaceChildren(image);
        setShown({ state: "ready", paper: page.paper, widthPt: drawn.widthPt, heightPt: drawn.heightPt, warnings: page.warnings });
      } catch (e) {
        if (live) setShown({ state: "failed", message: e instanceof Error ? e.message : errorMessage(toCommandError(e)) });
      }
    })();
    return () => {
      live = false;
    };
  }, [planId, paper, blocked]);

  const ready = shown.state === "ready" ? shown : null;
  usePageRule(ready ? pageRule(ready.widthPt, ready.heightPt) : null);

  return createPortal(
    <div
      className="print-view"
      role="dialog"
      aria-modal="true"
      aria-labelledby="print-title"
      data-testid="print-view"
      ref={dialog}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div className="print-toolbar">
        <div className="print-heading">
          <h2 id="print-title">Print the one-page plan</h2>
          <span className="muted small">The page exactly as the PDF export lays it out, as of today.</span>
        </div>
        <PaperChoice value={paper} planPaper={planPaper} onChange={setPaper} disabled={blocked !== null} />
        <div className="print-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="button primary" disabled={!ready || ready.paper !== paper} onClick={() => window.print()}>
            Print…
          </button>
        </div>
      </div>
      {ready && ready.warnings.length > 0 && (
        <div className="notice print-warnings" role="status">
          <strong>Not on the page:</strong>
          <ul aria-label="Print warnings">
            {ready.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {shown.state === "failed" && (
        <div className="notice tone-bad print-failed" role="alert">
          <strong>The page could not be drawn.</strong> {shown.message}
        </div>
      )}
      <div className="print-stage" aria-busy={shown.state === "drawing"}>
        {shown.state === "drawing" && <p className="muted print-drawing">Drawing the page…</p>}
        <div className={`print-sheet${ready ? "" : " is-empty"}`} data-paper={ready?.paper} ref={sheet} />
      </div>
    </div>,
    document.body,
  );
}
