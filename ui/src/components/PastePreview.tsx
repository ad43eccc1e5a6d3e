// What a block pasted from a spreadsheet would do, as the core read it, before anything changes:
// whether its first row was a header (columns matched by name, in any order) and which field each
// column fills, the rows with the rate card entry each new line starts from, and every problem
// (an ambiguous date is refused with both readings, never guessed). The planner picks the date
// order (the locale's by default) and pastes only when nothing blocks.

import { useEffect, useState } from "react";
import { api, toCommandError, type PasteSettings } from "../api";
import type { DateOrder, LineField, PastedRows, Plan } from "../bindings";
import { DATE_ORDER_LABEL } from "../dateOrder";
import { errorMessage } from "../errors";
import { showDate } from "../dates";
import { money, num } from "../format";

export const FIELD_LABEL: Record<LineField, string> = {
  id: "Line id",
  name: "Line",
  channel: "Channel",
  vendor: "Vendor",
  role: "Role",
  demand: "Demand",
  buying: "Buying method",
  pricing: "Pricing",
  rate: "Rate",
  budget: "Budget",
  share: "Share %",
  start: "Start",
  end: "End",
  kpi: "KPI",
  kpi_target: "KPI target",
  ctr: "CTR",
  cvr: "CVR",
  vtr: "View rate",
  impressions: "Impressions",
  notes: "Notes",
};

interface Props {
  plan: Plan;
  text: string;
  /** The grid row and column the block was pasted at. */
  at: { row: number; col: number };
  initial: PasteSettings;
  /** The plan with the block placed (commit it as an edit). */
  onPlaced: (plan: Plan, settings: PasteSettings) => void;
  onCancel: () => void;
}

export function PastePreview({ plan, text, at, initial, onPlaced, onCancel }: Props) {
  const [settings, setSettings] = useState<PasteSettings>(initial);
  const [read, setRead] = useState<PastedRows | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    api.readPaste(plan, text, settings).then(
      (r) => live && setRead(r),
      (e) => live && setError(errorMessage(toCommandError(e))),
    );
    return () => {
      live = false;
    };
  }, [plan, text, settings]);

  const place = async () => {
    setError(null);
    try {
      onPlaced(await api.placePaste(plan, text, settings, at.row), settings);
    } catch (e) {
      setError(errorMessage(toCommandError(e)));
    }
  };
  const blocked = !read || read.problems.length > 0;
  const over = read ? read.rows.filter((r) => at.row + r.offset < plan.lines.length).length : 0;
  const added = read ? read.rows.length - over : 0;
  const mapped = read?.columns.filter((c) => c.field !== null) ?? [];
  return (
    <div className="scrim import-scrim" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <div className="import-dialog paste-dialog" role="dialog" aria-modal="true" aria-labelledby="paste-title" data-testid="paste-preview" tabIndex={-1}>
        <header className="import-head">
          <div>
            <h2 id="paste-title">Paste from a spreadsheet</h2>
            {read && (
              <p className="muted small" data-testid="paste-summary">
                {read.header ? "Header row found: columns matched by name" : "No header row: columns fill the grid's columns from where you pasted"}
                {" · "}
                {read.rows.length} row{read.rows.length === 1 ? "" : "s"}
                {read.whole_lines ? " · each row is a whole line from its channel's rate card entry" : ""}
              </p>
            )}
          </div>
          <label className="field inline-field">
            <span className="label">Dates</span>
            <select
              aria-label="Date order"
              value={settings.dates}
              onChange={(e) => setSettings({ ...settings, dates: e.target.value as DateOrder })}
            >
              {(Object.keys(DATE_ORDER_LABEL) as DateOrder[]).map((d) => (
                <option key={d} value={d}>
                  {DATE_ORDER_LABEL[d]}
                </option>
              ))}
            </select>
          </label>
        </header>
        <div className="import-body paste-body">
          {read && (
            <section aria-label="Columns">
              <h3>Columns</h3>
              <ul className="paste-columns">
                {read.columns.map((c) => (
                  <li key={c.column} className={c.field ? "" : "muted"} data-field={c.field ?? ""}>
                    {c.heading ? `“${c.heading}”` : `Column ${c.column}`} → {c.field ? FIELD_LABEL[c.field] : "not pasted"}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {read && read.problems.length > 0 && (
            <section aria-label="Problems" className="paste-problems" role="alert">
              <h3>Nothing can be pasted until these are fixed</h3>
              <ul>
                {read.problems.map((p, i) => (
                  <li key={i} className="field-error">
                    {p.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {read && read.rows.length > 0 && (
            <table className="data paste-rows">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  {mapped.map((c) => (
                    <th key={c.column} scope="col">
                      {FIELD_LABEL[c.field!]}
                    </th>
                  ))}
                  <th scope="col">Lands on</th>
                </tr>
              </thead>
              <tbody>
                {read.rows.map((r) => {
                  const target = at.row + r.offset;
                  return (
                    <tr key={r.row} data-row={r.row}>
                      <td>{r.row}</td>
                      {mapped.map((c) => (
                        <td key={c.column} className={NUMERIC.includes(c.field!) ? "num" : undefined}>
                          {shownCell(plan, c.field!, r.cells.find((x) => x.field === c.field)?.value ?? "")}
                        </td>
                      ))}
                      <td>
                        {target < plan.lines.length ? `replaces line ${target + 1} (${plan.lines[target].name})` : "new line"}
                        {r.entry && <span className="muted small"> · from {r.entry}</span>}
                        {r.notes.map((n, i) => (
                          <span key={i} className="paste-note small">
                            {" "}
                            {n}
                          </span>
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <footer className="import-foot dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button primary" disabled={blocked} onClick={() => void place()}>
            {read ? `Paste ${read.rows.length} row${read.rows.length === 1 ? "" : "s"}${over > 0 ? ` (${over} replaced, ${added} new)` : ""}` : "Paste"}
          </button>
        </footer>
      </div>
    </div>
  );
}

const NUMERIC: LineField[] = ["rate", "budget", "share", "kpi_target", "ctr", "cvr", "vtr", "impressions"];

/** A read cell as the rest of the app shows its field: dates by the one date rule, money in the
 * plan's currency and number style, shares as percents. The value itself is the core's. */
function shownCell(plan: Plan, field: LineField, value: string): string {
  if (value === "") return "";
  const style = plan.settings?.number_style;
  switch (field) {
    case "start":
    case "end":
      return showDate(value);
    case "rate":
    case "budget":
      return money(value, plan.currency, style);
    case "share":
      return `${num(value, style)}%`;
    case "impressions":
      return num(value, style);
    default:
      return value;
  }
}
