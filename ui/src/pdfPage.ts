// Draws the one-page plan's PDF on a canvas, for the print view. The page has one layout, the
// PDF's (the shell hands over the very bytes the export writes); pdf.js draws it, so what the
// planner sees and prints is the exported page, not a second HTML copy of it.
//
// pdf.js is loaded on first use (its own chunk) and runs its parser in a worker that Vite bundles
// into dist/assets: nothing is fetched from the network, and the strict CSP (scripts and workers
// from the app itself only) holds. The legacy build carries the polyfills the system webviews
// (WebKitGTK, WKWebView) may lack for the newest JavaScript pdf.js uses.

import workerUrl from "pdfjs-dist/legacy/build/pdf.worker.min.mjs?url";

/** Print resolution: 3 device pixels per PDF point, 216 dpi on paper. */
export const PRINT_DPI = 216;

export interface DrawnPage {
  /** The page's size in PDF points (1/72 in), from its MediaBox. */
  widthPt: number;
  heightPt: number;
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let loading: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  loading ??= import("pdfjs-dist/legacy/build/pdf.mjs").then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return loading;
}

/** The bytes of a base64 string (the shell's `PrintablePage.pdf`). */
export function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** A canvas to draw the page on, and its resolution given the page's size in points. */
export interface Target {
  canvas: HTMLCanvasElement;
  dpi: (page: DrawnPage) => number;
}

/**
 * Draw page 1 of `pdf` on each target's canvas at its resolution; each canvas's pixel size
 * follows the page's. Resolves with the page's size once drawn; rejects with pdf.js's error (bytes
 * that are not a PDF, a cancelled draw).
 */
export async function drawFirstPage(pdf: Uint8Array, targets: Target[]): Promise<DrawnPage> {
  const lib = await pdfjs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = lib.getDocument({ data: pdf.slice(), isOffscreenCanvasSupported: false });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const [x0, y0, x1, y1] = page.view;
    // pdf.js reads the MediaBox as 32-bit floats (841.89 comes back 841.89014): to the hundredth,
    // as the PDF writes it.
    const pt = (v: number) => Math.round(Math.abs(v) * 100) / 100;
    const size = { widthPt: pt(x1 - x0), heightPt: pt(y1 - y0) };
    for (const { canvas, dpi } of targets) {
      const viewport = page.getViewport({ scale: dpi(size) / 72 });
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("this window cannot draw on a canvas");
      await page.render({ canvas, canvasContext: context, viewport, background: "#ffffff" }).promise;
    }
    return size;
  } finally {
    void task.destroy();
  }
}
