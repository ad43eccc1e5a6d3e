// The parts of the import preview (ImportPlan.tsx): the columns as read with a field to correct
// each, the lines as they would be imported, the problems with their places, conversions, rows
// without a cost and the rows left out. Each renders what the core's preview says; none works
// out a figure.

import type { ColumnGuess, ImportPreview, ImportField, Problem } from "../bindings";
import { money, num, period, pricingLabel } from "../format";

/** Where something is in the file, as the preview gives it. */
export interface Place {
  sheet?: string;
  row?: number;
  column?: string;
  cell?: string;
  path?: string;
}

/** "Row 8, column G “Spend allocation”", or a JSON path; the sheet is said when it is not the
 * one the lines were read from. */
export function describePlace(at: Place, mainSheet?: string): string {
  if (at.path) return at.path;
  const parts: string[] = [];
  if (at.sheet && at.sheet !== mainSheet) parts.push(`Sheet “${at.sheet}”`);
  if (at.row !== undefined) parts.push(`${parts.length ? "row" : "Row"} ${at.row}`);
  if (at.column !== undefined || at.cell !== undefined) {
    const col = [at.cell, at.column ? `“${at.column}”` : ""].filter(Boolean).join(" ");
    parts.push(`column ${col}`);
  }
  return parts.join(", ");
}

/** The fields a column can be read as, in the groups a planner thinks in. */
export const FIELD_GROUPS: { label: string; fields: [ImportField, string][] }[] = [
  {
    label: "The line",
    fields: [
      ["name", "Line name"],
      ["channel", "Channel"],
      ["medium", "Medium (TV, radio, print…)"],
      ["vendor", "Vendor"],
      ["id", "Line id"],
      ["role", "Role (funnel stage)"],
      ["buying", "Buying method"],
      ["notes", "Notes"],
    ],
  },
  {
    label: "Money",
    fields: [
      ["budget", "Net media (cost)"],
      ["share", "Share of budget"],
      ["pricing", "Pricing model"],
      ["rate", "Rate"],
      ["cpm", "CPM"],
      ["cpc", "CPC"],
      ["cpa", "CPA"],
      ["cpv", "CPV"],
      ["cpp", "CPP"],
      ["currency", "Currency"],
      ["exchange_rate", "Exchange rate"],
    ],
  },
  {
    label: "Dates",
    fields: [
      ["start", "Start"],
      ["end", "End"],
      ["flight", "Flight dates (start – end)"],
    ],
  },
  {
    label: "Delivery",
    fields: [
      ["impressions", "Impressions"],
      ["clicks", "Clicks"],
      ["conversions", "Conversions"],
      ["views", "Views"],
      ["grps", "GRPs"],
      ["universe", "Universe"],
      ["ctr", "CTR"],
      ["cvr", "CVR"],
      ["vtr", "View rate"],
    ],
  },
  {
    label: "Traditional media",
    fields: [
      ["spots", "Spots"],
      ["faces", "Faces"],
      ["insertions", "Insertions"],
      ["units", "Units booked (with a unit column)"],
      ["unit", "Unit (spots, faces, insertions)"],
      ["spot_length", "Spot length (seconds)"],
    ],
  },
  {
    label: "KPI",
    fields: [
      ["kpi", "KPI"],
      ["kpi_target", "KPI target"],
    ],
  },
  {
    label: "Flightplan's fee columns",
    fields: [
      ["agency_commission", "Agency commission"],
      ["ad_serving", "Ad serving"],
      ["tech_fee", "Tech fee"],
    ],
  },
];

const FIELD_LABEL: Record<string, string> = Object.fromEntries(FIELD_GROUPS.flatMap((g) => g.fields));
export const fieldLabel = (f: ImportField | null): string => (f && f !== "ignore" ? FIELD_LABEL[f] ?? f : "Not imported");

/** The header row's columns, each with the field it is read as and a select to correct it. */
export function ColumnsTable({
  columns,
  disabled,
  onChange,
}: {
  columns: ColumnGuess[];
  disabled: boolean;
  onChange: (header: string, field: ImportField) => void;
}) {
  return (
    <table className="data import-columns" aria-label="Columns">
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Header in the file</th>
          <th scope="col">Read as</th>
          <th scope="col">How</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((c) => {
          const header = c.header.trim();
          const read = c.field !== null;
          return (
            <tr key={c.index} className={read ? "" : "not-read"}>
              <td className="col-letter">{c.letter}</td>
              <th scope="row">{header || <span className="muted">(no header)</span>}</th>
              <td>
                <select
                  aria-label={`Column ${c.letter} ${header || "(no header)"} is read as`}
                  value={c.field ?? "ignore"}
                  disabled={disabled || !header}
                  onChange={(e) => onChange(c.header, e.target.value as ImportField)}
                >
                  <option value="ignore">Not imported</option>
                  {FIELD_GROUPS.map((g) => (
                    <optgroup key={g.label} label={g.label}>
                      {g.fields.map(([f, label]) => (
                        <option key={f} value={f}>
                          {label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </td>
              <td className="muted small">
                {c.source === "mapping" ? <span className="badge how-mapped">your mapping</span> : c.source === "guessed" ? "guessed from the header" : "—"}
                {c.note && <span className="column-note">{sentence(c.note)}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The lines as they would be imported, each with the row or item it came from. */
export function LinesTable({ preview, currency }: { preview: ImportPreview; currency: string | null }) {
  const style = preview.plan.settings.number_style;
  const m = (v: string | undefined) => (v === undefined ? "—" : currency ? money(v, currency, style) : num(v, style));
  const withProblems = new Map<string, Problem["level"]>();
  for (const p of preview.problems) {
    if (!p.line || p.level === "info") continue;
    if (withProblems.get(p.line) !== "error") withProblems.set(p.line, p.level);
  }
  return (
    <div className="table-scroll">
      <table className="data import-lines" aria-label="Lines to import">
        <thead>
          <tr>
            <th scope="col">{preview.columns.length > 0 ? "Row" : "From"}</th>
            <th scope="col">Line</th>
            <th scope="col">Channel</th>
            <th scope="col">Vendor</th>
            <th scope="col">Pricing</th>
            <th scope="col" className="num">
              Rate
            </th>
            <th scope="col" className="num">
              Net media
            </th>
            <th scope="col">Dates</th>
          </tr>
        </thead>
        <tbody>
          {preview.plan.lines.map((line, i) => {
            const at = preview.lines[i];
            const flag = withProblems.get(line.id);
            return (
              <tr key={`${line.id}-${i}`} data-line-id={line.id} className={flag ? `has-${flag}` : undefined}>
                <td className="muted nowrap source-place">{at ? (at.path ?? (at.row !== undefined ? String(at.row) : "")) : ""}</td>
                <th scope="row">
                  <span className="line-name">{line.name}</span>
                  {at?.no_cost && <span className="badge tone-warn">no cost</span>}
                  {flag === "error" && <span className="badge tone-bad">error</span>}
                </th>
                <td>{line.channel}</td>
                <td>{line.vendor || <span className="muted">—</span>}</td>
                <td>{pricingLabel(line.pricing)}</td>
                <td className="num">{line.pricing === "flat" ? "—" : m(line.rate)}</td>
                <td className="num">{m(at?.net ?? line.budget)}</td>
                <td className="nowrap">{period(line.start, line.end)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const LEVEL_WORD: Record<Problem["level"], string> = { error: "Error", warning: "Warning", info: "Note" };
const LEVEL_ORDER: Record<Problem["level"], number> = { error: 0, warning: 1, info: 2 };

/** A message as a sentence: its first word capitalised, unless it is a name or a code
 * ("cost_custom1", "lineitems[2]") that must stay as written. */
export function sentence(message: string): string {
  const first = message.split(/\s/, 1)[0] ?? "";
  return /^[a-z]+[,:;]?$/.test(first) ? message[0].toUpperCase() + message.slice(1) : message;
}

/** Every problem the preview found, errors first, each with its place and line. Three or more of
 * one kind (a row without a cost on every line) are one entry that opens to all of them. */
export function ProblemList({ preview }: { preview: Pick<ImportPreview, "problems" | "plan" | "sheet"> }) {
  const names = new Map(preview.plan.lines.map((l) => [l.id, l.name]));
  const sorted = preview.problems.map((p, i) => ({ p, i })).sort((a, b) => LEVEL_ORDER[a.p.level] - LEVEL_ORDER[b.p.level] || a.i - b.i);
  const groups: Problem[][] = [];
  for (const { p } of sorted) {
    const g = groups.find((x) => x[0].level === p.level && x[0].code === p.code);
    if (g) g.push(p);
    else groups.push([p]);
  }
  const one = (p: Problem) => {
    const place = describePlace(p, preview.sheet);
    const line = p.line ? names.get(p.line) : undefined;
    return (
      <>
        <span className="problem-message">{sentence(p.message)}</span>
        {(place || line) && (
          <span className="problem-place">
            {place && <code>{place}</code>}
            {line && <span>line “{line}”</span>}
          </span>
        )}
      </>
    );
  };
  return (
    <ul className="import-problems" aria-label="Problems">
      {groups.flatMap((g) => {
        const level = g[0].level;
        const badge = <span className={`badge level-badge level-${level}`}>{LEVEL_WORD[level]}</span>;
        if (g.length < 3) {
          return g.map((p, k) => (
            <li key={`${p.code}-${k}`} className={`problem level-${level}`} data-code={p.code}>
              {badge}
              <span className="problem-text">{one(p)}</span>
            </li>
          ));
        }
        return [
          <li key={g[0].code} className={`problem level-${level}`} data-code={g[0].code} data-count={g.length}>
            {badge}
            <span className="problem-text">
              {one(g[0])}
              <details className="problem-more">
                <summary>
                  {g.length - 1} more like it: {g.slice(1).map((p) => describePlace(p, preview.sheet) || (p.line && names.get(p.line)) || p.code).join("; ")}
                </summary>
                <ul>
                  {g.slice(1).map((p, k) => (
                    <li key={k}>{one(p)}</li>
                  ))}
                </ul>
              </details>
            </span>
          </li>,
        ];
      })}
    </ul>
  );
}

/** Lines in another currency, converted at the rate the file states. */
export function Conversions({ preview }: { preview: ImportPreview }) {
  const names = new Map(preview.plan.lines.map((l) => [l.id, l.name]));
  return (
    <table className="data import-conversions" aria-label="Currency conversions">
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Where</th>
          <th scope="col" className="num">
            In the file
          </th>
          <th scope="col" className="num">
            Rate
          </th>
          <th scope="col" className="num">
            Imported as
          </th>
        </tr>
      </thead>
      <tbody>
        {preview.conversions.map((c, i) => (
          <tr key={i}>
            <th scope="row">{names.get(c.line) ?? c.line}</th>
            <td className="muted">{describePlace(c, preview.sheet)}</td>
            <td className="num">{money(c.amount, c.from, preview.plan.settings.number_style)}</td>
            <td className="num">
              1 {c.from} = {c.rate} {c.to}
            </td>
            <td className="num">{money(c.converted, c.to, preview.plan.settings.number_style)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Rows that are not lines (titles, sections, subtotals, totals, notes), with why. */
export function SkippedRows({ preview }: { preview: ImportPreview }) {
  return (
    <ul className="import-skipped" aria-label="Rows left out">
      {preview.skipped.map((s, i) => (
        <li key={i}>
          <span className="skipped-place">{describePlace(s, preview.sheet)}</span>
          <span>{sentence(s.reason)}</span>
        </li>
      ))}
    </ul>
  );
}
