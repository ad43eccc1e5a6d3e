// What leaves the plan screen: the one-page client PDF (the primary export, on the paper asked for
// each time, opened in the system viewer as soon as it is written), the plan as an XLSX workbook or CSV for the spreadsheet
// people, as a mediaplanschema 3.0 document for the agency's other planning tools, and the plan
// file itself. Each command asks where to save in the native dialog (the
// shell opens it), writes the stored plan, and the notice says where the file went with a button
// to open it. The native menu's export items (menu.ts) run the same flows.

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { api, toCommandError } from "../api";
import { KINDS, type ExportKind } from "../files";
import type { Exported, Paper } from "../bindings";
import { useMenu } from "../menu";
import { errorWithFile } from "../errors";
import { ExportPaperDialog } from "./PaperChoice";

export type ExportOutcome =
  | { state: "saved"; kind: ExportKind; path: string; exportNumber: number; warnings: string[]; opened: boolean; openError?: string }
  | { state: "failed"; kind: ExportKind; message: string };

export interface PlanExports {
  /** The export being written, if one is. */
  busy: ExportKind | null;
  outcome: ExportOutcome | null;
  run: (kind: ExportKind) => Promise<void>;
  /** Export PDF… asks the paper first: the plan's own paper while it asks, else null. */
  askingPaper: Paper | null;
  /** Export the PDF on the paper chosen; or close the question. */
  exportPdfOn: (paper: Paper) => Promise<void>;
  cancelPaper: () => void;
  /** Open the file just exported in the system viewer. */
  openSaved: () => Promise<void>;
  dismiss: () => void;
}

interface Options {
  /** Why nothing can be exported now (the stored plan is not what is on screen), or null. */
  blocked: string | null;
  /** Open the PDF in the system viewer once it is written (default true). */
  openPdf?: boolean;
  /** The plan's own paper, which Export PDF… offers first (default A4). */
  paper?: Paper;
}

/** The export flows of stored plan `planId`, also bound to the native menu's export items. */
export function usePlanExports(planId: number, { blocked, openPdf = true, paper = "a4" }: Options): PlanExports {
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [askingPaper, setAskingPaper] = useState<Paper | null>(null);
  const running = useRef(false);

  const run = async (kind: ExportKind, pdfPaper?: Paper) => {
    if (running.current) return;
    if (blocked) {
      setOutcome({ state: "failed", kind, message: blocked });
      return;
    }
    // The PDF goes out on the paper asked for each time, the plan's own first.
    if (kind === "pdf" && !pdfPaper) {
      setAskingPaper(paper);
      return;
    }
    running.current = true;
    try {
      setBusy(kind);
      let written: Exported | null;
      if (kind === "pdf") written = await api.exportPdf(planId, pdfPaper);
      else if (kind === "plan") written = await api.exportPlanFile(planId);
      else if (kind === "mediaplan") written = await api.exportMediaplan(planId);
      else written = await api.exportTable(planId, kind);
      // The planner cancelled the save dialog: nothing was written, nothing to say.
      if (!written) return;
      setOutcome(null);
      let opened = false;
      let openError: string | undefined;
      if (kind === "pdf" && openPdf) {
        try {
          await api.openExport(written.export);
          opened = true;
        } catch (e) {
          openError = errorWithFile(toCommandError(e));
        }
      }
      setOutcome({ state: "saved", kind, path: written.path, exportNumber: written.export, warnings: written.warnings, opened, openError });
    } catch (e) {
      setOutcome({ state: "failed", kind, message: errorWithFile(toCommandError(e)) });
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  const openSaved = async () => {
    if (outcome?.state !== "saved") return;
    const saved = outcome;
    try {
      await api.openExport(saved.exportNumber);
      setOutcome({ ...saved, opened: true, openError: undefined });
    } catch (e) {
      setOutcome({ ...saved, openError: errorWithFile(toCommandError(e)) });
    }
  };

  useMenu("export_pdf", () => void run("pdf"));
  useMenu("export_xlsx", () => void run("xlsx"));
  useMenu("export_csv", () => void run("csv"));
  useMenu("export_mediaplan", () => void run("mediaplan"));
  useMenu("export_plan", () => void run("plan"));

  const exportPdfOn = async (chosen: Paper) => {
    setAskingPaper(null);
    await run("pdf", chosen);
  };

  return { busy, outcome, run: (kind) => run(kind), askingPaper, exportPdfOn, cancelPaper: () => setAskingPaper(null), openSaved, dismiss: () => setOutcome(null) };
}

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
/** A menu accelerator as the OS writes it: "Ctrl+Shift+S" or "⇧⌘S". */
function accel(key: string, shift = false): string {
  return isMac ? `${shift ? "⇧" : ""}⌘${key}` : `Ctrl+${shift ? "Shift+" : ""}${key}`;
}

const MORE: { kind: ExportKind; label: string; hint: string; keys?: string }[] = [
  { kind: "xlsx", label: "Export XLSX…", hint: "Lines, flowchart and totals, formatted" },
  { kind: "csv", label: "Export CSV…", hint: "One row per line, exact decimals" },
  { kind: "mediaplan", label: "Export mediaplanschema…", hint: "The open JSON standard (3.0), for other planning tools" },
  { kind: "plan", label: "Export plan file…", hint: "The flightplan/1 file, to share or keep", keys: accel("S", true) },
];

/** An item after the formats, past a separator: what comes back from an export. */
export interface ExportMenuExtra {
  label: string;
  hint: string;
  run: () => void;
  /** Why it cannot run now, or null. */
  blocked: string | null;
}

/** "Export PDF" with a menu of the other formats (and `extra`, "Update from file…"). */
export function ExportMenu({ exports, disabled, extra }: { exports: PlanExports; disabled?: boolean; extra?: ExportMenuExtra }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    items.current[0]?.focus();
    const away = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", away);
    return () => document.removeEventListener("mousedown", away);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) toggle.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const list = items.current.filter((b): b is HTMLButtonElement => b !== null);
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      list[(at + step + list.length) % list.length]?.focus();
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      list[e.key === "Home" ? 0 : list.length - 1]?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      close(true);
    } else if (e.key === "Tab") {
      close(false);
    }
  };

  const busy = exports.busy !== null;
  return (
    <div className="split-button popover-anchor" ref={root}>
      <button
        type="button"
        className="button primary"
        onClick={() => void exports.run("pdf")}
        disabled={disabled || busy}
        aria-busy={exports.busy === "pdf"}
        title={`The one-page client PDF (${accel("E")})`}
      >
        {exports.busy === "pdf" ? "Exporting PDF…" : "Export PDF"}
      </button>
      <button
        type="button"
        ref={toggle}
        className="button primary split-toggle"
        aria-label="More export formats"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled || busy}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 10 6" width="10" height="6" aria-hidden="true">
          <path d="M1 1l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Export" onKeyDown={onMenuKey}>
          {MORE.map((m, i) => (
            <button
              key={m.kind}
              type="button"
              role="menuitem"
              className="menu-item"
              tabIndex={-1}
              ref={(el) => {
                items.current[i] = el;
              }}
              onClick={() => {
                close(true);
                void exports.run(m.kind);
              }}
            >
              <span className="menu-label">{m.label}</span>
              {m.keys && <kbd className="menu-keys">{m.keys}</kbd>}
              <span className="menu-hint">{m.hint}</span>
            </button>
          ))}
          {extra && (
            <>
              <div className="menu-separator" role="separator" />
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                tabIndex={-1}
                disabled={extra.blocked !== null}
                title={extra.blocked ?? undefined}
                ref={(el) => {
                  items.current[MORE.length] = el;
                }}
                onClick={() => {
                  close(true);
                  extra.run();
                }}
              >
                <span className="menu-label">{extra.label}</span>
                <span className="menu-hint">{extra.blocked ?? extra.hint}</span>
              </button>
            </>
          )}
        </div>
      )}
      {exports.askingPaper && (
        <ExportPaperDialog planPaper={exports.askingPaper} onExport={(p) => void exports.exportPdfOn(p)} onCancel={exports.cancelPaper} />
      )}
    </div>
  );
}

/** Where the last export went, with a button to open it; or why it failed. */
export function ExportNotice({ exports }: { exports: PlanExports }) {
  const o = exports.outcome;
  if (!o) return null;
  const noun = KINDS[o.kind].noun;
  const dismiss = (
    <button type="button" className="icon-button" aria-label="Dismiss" onClick={exports.dismiss}>
      ×
    </button>
  );
  if (o.state === "failed") {
    return (
      <div className="notice export-notice tone-bad" role="alert" data-testid="export-notice">
        <span className="notice-text">
          <span>
            <strong>The {noun} was not exported.</strong> {o.message}
          </span>
        </span>
        {dismiss}
      </div>
    );
  }
  const openable = o.kind !== "plan" && o.kind !== "mediaplan";
  return (
    <div className="notice export-notice" role="status" data-testid="export-notice">
      <div className="notice-text">
        <span>
          {noun[0].toUpperCase() + noun.slice(1)} saved to <span className="notice-path">{o.path}</span>
          {o.kind === "pdf" && o.opened ? " and opened in your PDF viewer." : "."}
        </span>
        {o.openError && <span className="notice-error">It could not be opened: {o.openError}</span>}
        {o.warnings.length > 0 && (
          <ul className="notice-warnings" aria-label="Export warnings">
            {o.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </div>
      <span className="notice-actions">
        {openable && (
          <button type="button" className="button small" onClick={() => void exports.openSaved()}>
            {o.kind === "pdf" && o.opened ? "Open again" : "Open"}
          </button>
        )}
        {dismiss}
      </span>
    </div>
  );
}
