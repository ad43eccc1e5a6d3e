// The plan's actuals as a grid: what each line spent and delivered over a range of days (a day, a
// week, a month, a report's whole period), imported or typed in (publishers' emailed figures,
// offline buys). Every cell commits on Enter or when focus leaves, as one plan edit the core
// checks and saves; a value it refuses stays in the cell with its message underneath. Rows can be
// added (a day, a week Monday to Sunday, or any range) and removed.

import { useState } from "react";
import type { Actual, Plan } from "../../bindings";
import type { CommandErrorBody, NumberStyle } from "../../types";
import { cleanDecimal } from "../../store/usePlan";
import { errorMessage } from "../../errors";
import { addActual, removeActual, setActual, type ActualField } from "./edits";
import { coverLabel, mondayOf, weekOf, type Cover } from "./ranges";
import { useDraftInput } from "../../components/draft";
import { DateInput } from "../../components/DateInput";

interface Props {
  plan: Plan;
  error: CommandErrorBody | null;
  edit: (change: (plan: Plan) => Plan) => void;
  numberStyle?: NumberStyle;
  /** A day inside the plan to start new rows on (the review day). */
  defaultDate: string;
}

const MEASURES: { key: Exclude<ActualField, "line" | "start" | "end">; label: string }[] = [
  { key: "spend", label: "Spend" },
  { key: "impressions", label: "Impressions" },
  { key: "clicks", label: "Clicks" },
  { key: "conversions", label: "Conversions" },
  { key: "revenue", label: "Revenue" },
];

/** The core's refusal for `actuals[i].field` (or the whole row), in plain words. */
function cellError(error: CommandErrorBody | null, i: number, field?: string): string | null {
  if (!error?.path) return null;
  const row = `actuals[${i}]`;
  if (field ? error.path === `${row}.${field}` : error.path === row) return errorMessage(error);
  return null;
}

export function ActualsGrid({ plan, error, edit, defaultDate }: Props) {
  const [filter, setFilter] = useState("");
  const actuals = plan.actuals ?? [];
  const rows = actuals.map((a, i) => ({ a, i })).filter(({ a }) => !filter || a.line === filter);
  const set = (i: number, field: ActualField, value: string) => edit((p) => setActual(p, i, field, value));

  return (
    <div className="actuals">
      <div className="actuals-bar">
        <label className="inline-field">
          <span>Show</span>
          <select aria-label="Show actuals of" value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="">
              All lines ({actuals.length} {actuals.length === 1 ? "row" : "rows"})
            </option>
            {plan.lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} ({actuals.filter((a) => a.line === l.id).length})
              </option>
            ))}
          </select>
        </label>
        <span className="muted small">
          Each row covers its days from start to end: a day, a week (Monday to Sunday) or any range. Imported rows keep their source; re-importing replaces
          them.
        </span>
      </div>
      <div className="actuals-scroll">
        <table className="data actuals-table" aria-label="Actuals">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Start</th>
              <th scope="col">End</th>
              <th scope="col">Covers</th>
              {MEASURES.map((x) => (
                <th key={x.key} scope="col" className="num">
                  {x.label}
                </th>
              ))}
              <th scope="col">Source</th>
              <th scope="col" aria-label="Remove" />
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={11} className="muted empty-line">
                  No actuals yet: import a platform report, or type a row in below.
                </td>
              </tr>
            )}
            {rows.map(({ a, i }) => {
              const rowError = cellError(error, i);
              return (
                <tr key={i} data-row={i} className={rowError ? "row-error" : undefined}>
                  <td>
                    <select
                      aria-label={`Line of row ${i + 1}`}
                      data-path={`actuals[${i}].line`}
                      value={a.line}
                      title={plan.lines.find((l) => l.id === a.line)?.name ?? a.line}
                      aria-invalid={cellError(error, i, "line") ? true : undefined}
                      onChange={(e) => set(i, "line", e.target.value)}
                    >
                      {!plan.lines.some((l) => l.id === a.line) && <option value={a.line}>{a.line}</option>}
                      {plan.lines.map((l) => (
                        <option key={l.id} value={l.id}>
                          {l.name}
                        </option>
                      ))}
                    </select>
                    <CellMessage text={cellError(error, i, "line") ?? rowError} />
                  </td>
                  <td>
                    <Cell type="date" value={a.start} path={`actuals[${i}].start`} label={`Start of row ${i + 1}`} error={cellError(error, i, "start")} onCommit={(v) => set(i, "start", v)} />
                  </td>
                  <td>
                    <Cell type="date" value={a.end} path={`actuals[${i}].end`} label={`End of row ${i + 1}`} error={cellError(error, i, "end")} onCommit={(v) => set(i, "end", v)} />
                  </td>
                  <td className="covers muted small" data-testid="covers">
                    {coverLabel(a.start, a.end)}
                  </td>
                  {MEASURES.map((x) => (
                    <td key={x.key} className="num">
                      <Cell
                        numeric
                        value={(a[x.key] as string | undefined) ?? ""}
                        path={`actuals[${i}].${x.key}`}
                        label={`${x.label} of row ${i + 1}`}
                        error={cellError(error, i, x.key)}
                        onCommit={(v) => set(i, x.key, cleanDecimal(v))}
                      />
                    </td>
                  ))}
                  <td className="source muted small" title={a.source}>
                    {a.source ? a.source.replace(/^([a-z]+):/, (_, p: string) => `${p[0].toUpperCase()}${p.slice(1)} · `) : "Typed in"}
                  </td>
                  <td>
                    <button type="button" className="icon-button" aria-label={`Remove row ${i + 1}`} onClick={() => edit((p) => removeActual(p, i))}>
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <NewRow plan={plan} defaultDate={defaultDate} onAdd={(row) => edit((p) => addActual(p, row))} />
          </tfoot>
        </table>
      </div>
    </div>
  );
}

function CellMessage({ text }: { text: string | null }) {
  return text ? <p className="field-error">{text}</p> : null;
}

/** A grid cell that commits on Enter or blur; Escape puts back the saved value. */
function Cell({
  value,
  path,
  label,
  error,
  onCommit,
  numeric,
  type = "text",
}: {
  value: string;
  path: string;
  label: string;
  error: string | null;
  onCommit: (v: string) => void;
  numeric?: boolean;
  type?: "text" | "date";
}) {
  const draft = useDraftInput(value, onCommit, numeric);
  if (type === "date") {
    return (
      <>
        <DateInput className="cell-input" aria-label={label} aria-invalid={error ? true : undefined} data-path={path} value={value} onChange={onCommit} />
        <CellMessage text={error} />
      </>
    );
  }
  return (
    <>
      <input
        type="text"
        className={`cell-input${numeric ? " num" : ""}`}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        data-path={path}
        {...draft}
      />
      <CellMessage text={error} />
    </>
  );
}

/** The row being typed in, under the grid's columns: added as one edit once it has a line, its
 * days and a spend (Enter in any of its fields adds it). "Day" makes the end the start, "Week"
 * takes the Monday-to-Sunday week of the day picked, "Range" leaves both days free. */
function NewRow({ plan, defaultDate, onAdd }: { plan: Plan; defaultDate: string; onAdd: (a: Actual) => void }) {
  const [line, setLine] = useState(plan.lines[0]?.id ?? "");
  const [cover, setCover] = useState<Cover>("week");
  const [start, setStart] = useState(() => mondayOf(defaultDate));
  const [end, setEnd] = useState(() => weekOf(defaultDate).end);
  const [values, setValues] = useState<Record<string, string>>({});
  // The days the row will cover: a week is the Monday-to-Sunday week of the day typed (the start
  // moves to its Monday once the field is left), a day ends on its start.
  const range = !start ? { start, end } : cover === "week" ? weekOf(start) : cover === "day" ? { start, end: start } : { start, end };
  const ready = !!line && !!range.start && !!range.end && range.end >= range.start && !!cleanDecimal(values.spend ?? "");
  const add = () => {
    if (!ready) return;
    const row: Actual = { line, start: range.start, end: range.end, spend: cleanDecimal(values.spend) };
    for (const x of MEASURES) {
      const v = cleanDecimal(values[x.key] ?? "");
      if (x.key !== "spend" && v) row[x.key] = v;
    }
    onAdd(row);
    setValues({});
  };
  const choose = (c: Cover) => {
    // Leaving "Range", the end follows the choice; entering it, the shown end stays.
    setEnd(range.end);
    if (c === "week" && start) setStart(mondayOf(start));
    setCover(c);
  };
  const enter = (e: { key: string }) => e.key === "Enter" && add();
  const backwards = !!range.start && !!range.end && range.end < range.start;
  return (
    <tr className="new-actual">
      <td>
        <select aria-label="New row line" value={line} title={plan.lines.find((l) => l.id === line)?.name} onChange={(e) => setLine(e.target.value)}>
          {plan.lines.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <DateInput
          className="cell-input"
          aria-label="New row start"
          value={start}
          onChange={setStart}
          live
          onBlur={() => cover === "week" && start && setStart(mondayOf(start))}
          onKeyDown={enter}
        />
      </td>
      <td>
        <DateInput
          className="cell-input"
          aria-label="New row end"
          aria-invalid={backwards ? true : undefined}
          value={range.end}
          readOnly={cover !== "range"}
          title={cover === "range" ? undefined : cover === "day" ? "A day's row ends on its start" : "The week ends on the Sunday"}
          onChange={setEnd}
          live
          onKeyDown={enter}
        />
        <CellMessage text={backwards ? "ends before it starts" : null} />
      </td>
      <td>
        <select
          aria-label="New row covers"
          value={cover}
          title="Day: the row ends on its start · Week: Monday to Sunday · Range: any days"
          onChange={(e) => choose(e.target.value as Cover)}
        >
          <option value="day">Day</option>
          <option value="week" title="Monday to Sunday">
            Week
          </option>
          <option value="range">Range</option>
        </select>
      </td>
      {MEASURES.map((x) => (
        <td key={x.key} className="num">
          <input
            className="cell-input num"
            aria-label={`New row ${x.label.toLowerCase()}`}
            placeholder={x.key === "spend" ? plan.currency : "—"}
            value={values[x.key] ?? ""}
            onChange={(e) => setValues({ ...values, [x.key]: e.target.value })}
            onKeyDown={enter}
          />
        </td>
      ))}
      <td colSpan={2}>
        <button type="button" className="button small" disabled={!ready} onClick={add}>
          Add row
        </button>
      </td>
    </tr>
  );
}
