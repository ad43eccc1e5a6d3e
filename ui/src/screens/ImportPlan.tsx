// "Import plan…": what a file would become, before anything is saved. The shell has read the file
// the planner picked (ChosenPlanImport); this dialog shows the core's preview of it — the file,
// its kind and sheet, the header row and how each column is read (with a field to correct each),
// the currency (a choice when the file states none), the lines as they would land with the rows
// they came from, rows without a cost, rows left out and why, every problem with its place, and
// the core's totals. Each correction asks the core for a new preview. "Import into library" stays
// off until nothing blocks; "Cancel" (or Escape) changes nothing.
//
// A corrected column mapping is remembered for the file's layout (importMappings.ts) when the plan
// is imported, and applied by itself to the next file with the same header.

import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { api, CommandError, toCommandError } from "../api";
import type { ChosenPlanImport, ImportChoices, ImportPreview, ImportField } from "../bindings";
import { day, money, period } from "../format";
import { forgetMapping, layoutSignature, mappingToSave, saveMapping, savedMapping, withColumn, withMapping } from "../importMappings";
import { ErrorNotice } from "../components/ErrorNotice";
import { ColumnsTable, Conversions, LinesTable, ProblemList, SkippedRows } from "./ImportPlanParts";

const KIND_WORDS: Record<ChosenPlanImport["kind"], string> = {
  spreadsheet: "Media-plan spreadsheet",
  flightplan_xlsx: "Flightplan XLSX export",
  flightplan_csv: "Flightplan CSV export",
  mediaplan: "mediaplanschema document",
  flightplan_plan: "Flightplan plan file",
};

/** Currencies offered when the file states none (any ISO 4217 code may be typed). */
const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY", "SGD", "HKD", "INR", "BRL", "MXN", "ZAR", "AED"];
/** Problems that ask the planner for the plan's currency. */
const CURRENCY_CODES = new Set(["no_currency", "unknown_currency", "currency_conflict", "currency_guessed"]);

interface Props {
  chosen: ChosenPlanImport;
  /** The plan is in the library under `id`. */
  onImported: (id: number, name: string) => void;
  /** Nothing was imported. */
  onCancel: () => void;
}

export function ImportPlan({ chosen, onImported, onCancel }: Props) {
  const [choices, setChoices] = useState<ImportChoices>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(true);
  const [committing, setCommitting] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  /** The layout as first read (before any mapping), and the saved mapping applied to it. */
  const [layout, setLayout] = useState<string | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const [currencyText, setCurrencyText] = useState("");
  const seq = useRef(0);
  const dialog = useRef<HTMLDivElement>(null);

  /** Ask the core for the preview under `next`; a newer request wins over an older answer. */
  const ask = async (next: ImportChoices): Promise<ImportPreview | null> => {
    const n = ++seq.current;
    setChoices(next);
    setBusy(true);
    setError(null);
    try {
      const p = await api.previewImport(chosen.source, next);
      if (n !== seq.current) return null;
      setPreview(p);
      return p;
    } catch (e) {
      if (n === seq.current) setError(toCommandError(e));
      return null;
    } finally {
      if (n === seq.current) setBusy(false);
    }
  };

  // The first preview with the guesses; then, if this layout has a saved mapping, with it.
  useEffect(() => {
    void (async () => {
      const first = await ask({});
      if (!first) return;
      const signature = layoutSignature(first);
      setLayout(signature);
      const saved = savedMapping(signature);
      if (saved) {
        setApplied(saved.savedAt);
        await ask({ mapping: saved.mapping });
      }
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen.source]);

  // Focus the dialog on open; Escape cancels; Tab stays inside.
  useEffect(() => {
    dialog.current?.focus();
  }, []);
  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === "Escape" && !committing) {
      e.preventDefault();
      onCancel();
      return;
    }
    if (e.key !== "Tab" || !dialog.current) return;
    const focusable = Array.from(
      dialog.current.querySelectorAll<HTMLElement>("button:not(:disabled), select:not(:disabled), input:not(:disabled), summary, [tabindex='0']"),
    );
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && (document.activeElement === first || document.activeElement === dialog.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const setColumn = (header: string, field: ImportField) => {
    void ask(withColumn(choices, header, field));
  };
  const setSheet = (sheet: string) => void ask({ ...choices, mapping: { columns: {}, sheet } });
  const setHeaderRow = (row: number) => {
    if (Number.isInteger(row) && row >= 1) void ask(withMapping(choices, { header_row: row }));
  };
  const setCurrency = (text: string) => {
    const code = text.trim().toUpperCase();
    setCurrencyText(code);
    if (code === "") {
      const { currency: _dropped, ...rest } = choices;
      void ask(rest);
    } else if (/^[A-Z]{3}$/.test(code)) {
      void ask({ ...choices, currency: code });
    }
  };
  const startFromGuesses = () => {
    if (layout) forgetMapping(layout);
    setApplied(null);
    setCurrencyText("");
    void ask({});
  };

  const errors = preview?.problems.filter((p) => p.level === "error").length ?? 0;
  const ready = preview !== null && errors === 0 && !busy && !error;

  const commit = async () => {
    if (!ready || !preview || committing) return;
    setCommitting(true);
    setError(null);
    try {
      const id = await api.commitImport(chosen.source, choices);
      // What the planner set for this layout, for the next file of it.
      const keep = mappingToSave(choices);
      if (layout && keep) saveMapping(layout, keep);
      onImported(id, preview.plan.name);
    } catch (e) {
      setError(toCommandError(e));
    } finally {
      setCommitting(false);
    }
  };

  const spreadsheet = preview !== null && preview.columns.length + preview.sheets.length > 0 && preview.kind !== "mediaplan";
  const askCurrency =
    preview !== null && (choices.currency !== undefined || preview.problems.some((p) => CURRENCY_CODES.has(p.code)));
  const currency = preview?.currency ?? null;
  const t = preview?.totals;
  // Figures as the plan will show them: in the file's own number style.
  const m = (v: string) => (currency ? money(v, currency, preview?.plan.settings.number_style) : v);
  const lineCount = preview?.plan.lines.length ?? 0;

  return (
    <div className="scrim import-scrim">
      <div
        className="import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        aria-describedby="import-status"
        tabIndex={-1}
        ref={dialog}
        onKeyDown={onKeyDown}
        data-testid="import-preview"
      >
        <header className="import-head">
          <div>
            <h2 id="import-title">Import plan</h2>
            <p className="import-file">
              <span className="import-file-name">{chosen.file}</span>
              <span className="badge import-kind">{preview?.source ?? KIND_WORDS[chosen.kind]}</span>
            </p>
          </div>
          <button type="button" className="icon-button" aria-label="Cancel the import" onClick={onCancel} disabled={committing}>
            ×
          </button>
        </header>

        <div className="import-body">
          {error && <ErrorNotice error={error} title={preview ? "The plan was not imported" : "The file could not be previewed"} />}
          {!preview && !error && <p className="muted">Reading {chosen.file}…</p>}
          {preview && (
            <>
              <section className="import-summary" aria-label="Summary">
                <div className="import-fact">
                  <span className="label">Plan</span>
                  <span className="fact-main">{preview.plan.name}</span>
                  <span className="muted">
                    {preview.plan.client || "No client"}
                    {lineCount > 0 && ` · ${period(preview.plan.start, preview.plan.end)}`}
                  </span>
                </div>
                <div className="import-fact">
                  <span className="label">Lines</span>
                  <span className="fact-main">{lineCount}</span>
                  <span className="muted">
                    {preview.rows_without_cost.length > 0 ? `${preview.rows_without_cost.length} without a cost` : "all costed"}
                    {preview.skipped.length > 0 && ` · ${preview.skipped.length} rows left out`}
                  </span>
                </div>
                <div className="import-fact">
                  <span className="label">Currency</span>
                  <span className="fact-main">{currency ?? "—"}</span>
                  <span className="muted">{currency ? preview.currency_source ?? "" : "not stated in the file"}</span>
                </div>
                <div className="import-fact">
                  <span className="label">Net media</span>
                  <span className="fact-main num">{t ? m(t.net_media) : "—"}</span>
                  <span className="muted">{t ? `budget ${m(t.budget)}` : "once nothing blocks"}</span>
                </div>
                <div className="import-fact">
                  <span className="label">Gross total</span>
                  <span className="fact-main num">{t ? m(t.gross) : "—"}</span>
                  <span className="muted">{t ? `fees ${m(t.fees)}` : ""}</span>
                </div>
              </section>

              {applied && (
                <p className="notice import-applied" role="status">
                  <span>The column mapping you saved for this layout on {day(applied.slice(0, 10))} is applied.</span>
                  <button type="button" className="button small" onClick={startFromGuesses} disabled={busy}>
                    Start from the guesses
                  </button>
                </p>
              )}

              {preview.problems.length > 0 && (
                <section className="import-section" aria-labelledby="import-problems-title">
                  <h3 id="import-problems-title">
                    Problems <span className="count">{preview.problems.length}</span>
                  </h3>
                  <ProblemList preview={preview} />
                </section>
              )}

              {askCurrency && (
                <section className="import-section import-currency" aria-labelledby="import-currency-title">
                  <h3 id="import-currency-title">Plan currency</h3>
                  <label className="inline-field">
                    <span>The file’s amounts are in</span>
                    <input
                      type="text"
                      list="import-currencies"
                      aria-label="Plan currency"
                      placeholder="e.g. EUR"
                      maxLength={3}
                      spellCheck={false}
                      autoComplete="off"
                      value={currencyText}
                      onChange={(e) => setCurrency(e.target.value)}
                    />
                    <datalist id="import-currencies">
                      {CURRENCIES.map((c) => (
                        <option key={c} value={c} />
                      ))}
                    </datalist>
                  </label>
                  <span className="muted small">An ISO 4217 code. A file that states its currency is imported in it.</span>
                </section>
              )}

              {spreadsheet && (
                <section className="import-section" aria-labelledby="import-columns-title">
                  <h3 id="import-columns-title">Columns</h3>
                  <div className="import-where-read">
                    {preview.sheets.length > 1 ? (
                      <label className="inline-field">
                        <span>Sheet</span>
                        <select value={preview.sheet ?? ""} onChange={(e) => setSheet(e.target.value)} disabled={committing} aria-label="Sheet">
                          {preview.sheets.map((s) => (
                            <option key={s} value={s}>
                              {s}
                            </option>
                          ))}
                        </select>
                      </label>
                    ) : (
                      preview.sheet && (
                        <span>
                          Sheet <strong>{preview.sheet}</strong>
                        </span>
                      )
                    )}
                    <HeaderRow value={preview.header_row} disabled={committing} onChange={setHeaderRow} />
                    <span className="muted small">Correct a column and the preview follows; the mapping is saved for the next file of this layout.</span>
                  </div>
                  {preview.columns.length > 0 && <ColumnsTable columns={preview.columns} disabled={committing} onChange={setColumn} />}
                </section>
              )}

              {preview.conversions.length > 0 && (
                <section className="import-section" aria-labelledby="import-conversions-title">
                  <h3 id="import-conversions-title">Currency conversions</h3>
                  <Conversions preview={preview} />
                </section>
              )}

              <section className="import-section" aria-labelledby="import-lines-title">
                <h3 id="import-lines-title">
                  Lines as they will be imported <span className="count">{lineCount}</span>
                </h3>
                {lineCount > 0 ? <LinesTable preview={preview} currency={currency} /> : <p className="muted">No lines read yet.</p>}
                {preview.rows_without_cost.length > 0 && (
                  <p className="import-no-cost" data-testid="rows-without-cost">
                    <strong>Rows without a cost</strong> are imported at 0 for you to fill in, not dropped:{" "}
                    {preview.rows_without_cost
                      .map((id) => {
                        const i = preview.plan.lines.findIndex((l) => l.id === id);
                        const at = preview.lines[i];
                        const where = at?.row !== undefined ? ` (row ${at.row})` : at?.path ? ` (${at.path})` : "";
                        return `${preview.plan.lines[i]?.name ?? id}${where}`;
                      })
                      .join(", ")}
                    .
                  </p>
                )}
              </section>

              {preview.skipped.length > 0 && (
                <details className="import-section" open={preview.skipped.length <= 12}>
                  <summary>
                    <h3>
                      Rows left out <span className="count">{preview.skipped.length}</span>
                    </h3>
                  </summary>
                  <SkippedRows preview={preview} />
                </details>
              )}
            </>
          )}
        </div>

        <footer className="import-foot">
          <p id="import-status" className={`import-status${errors > 0 ? " tone-bad" : ""}`} role="status">
            {busy
              ? "Reading the file…"
              : !preview
                ? ""
                : errors > 0
                  ? `${errors} ${errors === 1 ? "error blocks" : "errors block"} the import: correct the ${errors === 1 ? "problem" : "problems"} above, or fix the file and import it again.`
                  : `Ready to import ${lineCount} ${lineCount === 1 ? "line" : "lines"}${t ? `, ${m(t.gross)} gross` : ""}. Nothing is saved until you import.`}
          </p>
          <button type="button" className="button" onClick={onCancel} disabled={committing}>
            Cancel
          </button>
          <button type="button" className="button primary" onClick={() => void commit()} disabled={!ready || committing} aria-busy={committing}>
            {committing ? "Importing…" : "Import into library"}
          </button>
        </footer>
      </div>
    </div>
  );
}

/** The header row, 1-based as the spreadsheet numbers it; applied on Enter or leaving the field. */
function HeaderRow({ value, disabled, onChange }: { value?: number; disabled: boolean; onChange: (row: number) => void }) {
  const [text, setText] = useState(value !== undefined ? String(value) : "");
  useEffect(() => setText(value !== undefined ? String(value) : ""), [value]);
  const apply = () => {
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n !== value) onChange(n);
  };
  return (
    <label className="inline-field">
      <span>Header row</span>
      <input
        type="number"
        min={1}
        className="header-row-input"
        aria-label="Header row"
        value={text}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          }
        }}
      />
    </label>
  );
}
