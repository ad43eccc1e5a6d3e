// A traditional line's units, as its medium books them: spots with their length and daypart mix
// for TV and radio (and cinema spots), faces a week for out of home and cinema screens,
// insertions and readership for print. The core prices and schedules them; this edits them.

import type { Daypart, Line, Medium } from "../bindings";
import type { CommandErrorBody } from "../types";
import { fieldError, TextField } from "../components/Field";
import { cleanDecimal, setOpt } from "../store/usePlan";

/** A whole count as typed: digits become a number, anything else is sent as typed for the core
 * to refuse by name, and empty removes the field. */
export function setCount<K extends "spot_length" | "spots" | "faces" | "insertions">(line: Line, key: K, text: string): Line {
  const t = text.trim();
  const next: Record<string, unknown> = { ...line };
  if (t === "") delete next[key];
  else next[key] = /^\d{1,9}$/.test(t) ? Number(t) : t;
  return next as Line;
}

/** Which unit fields a medium books in. */
export function unitFields(medium: Medium | null | undefined, pricing: string): { spots: boolean; dayparts: boolean; faces: boolean; print: boolean } {
  return {
    spots: medium === "tv" || medium === "radio" || medium === "cinema",
    dayparts: medium === "tv" || medium === "radio",
    faces: medium === "ooh" || pricing === "per_face_week",
    print: medium === "print" || pricing === "per_insertion",
  };
}

interface Props {
  line: Line;
  index: number;
  medium: Medium | null;
  error: CommandErrorBody | null;
  onLine: (line: Line) => void;
}

export function LineUnitFields({ line, index, medium, error, onLine }: Props) {
  const p = `lines[${index}]`;
  const f = unitFields(medium, line.pricing);
  const count = (v: number | undefined) => (v === undefined ? "" : String(v));
  const dayparts = line.dayparts ?? [];
  const setDayparts = (list: Daypart[]) => {
    const next: Line = { ...line, dayparts: list };
    if (list.length === 0) delete next.dayparts;
    onLine(next);
  };
  const setPart = (i: number, change: (d: Daypart) => Daypart) => setDayparts(dayparts.map((d, j) => (j === i ? change(d) : d)));
  if (!f.spots && !f.faces && !f.print) return null;
  return (
    <div className="line-units" aria-label="Units">
      <div className="form-grid">
        {f.spots && (
          <>
            <TextField label="Spot length" path={`${p}.spot_length`} error={error} numeric suffix="seconds" value={count(line.spot_length)} placeholder="30" onCommit={(v) => onLine(setCount(line, "spot_length", v))} />
            <TextField
              label="Spots"
              path={`${p}.spots`}
              error={error}
              numeric
              suffix="over the flight"
              value={count(line.spots)}
              hint="Scheduled by week in step with the spend"
              onCommit={(v) => onLine(setCount(line, "spots", v))}
            />
          </>
        )}
        {f.faces && (
          <TextField
            label={medium === "cinema" ? "Screens" : "Faces"}
            path={`${p}.faces`}
            error={error}
            numeric
            suffix="a week"
            value={count(line.faces)}
            hint={line.pricing === "per_face_week" ? "Costs faces × weeks on air × rate; empty: the budget buys what it pays for" : "Posted every week on air"}
            onCommit={(v) => {
              let next = setCount(line, "faces", v);
              // Booked faces set a per-face line's cost, so they replace its share or amount.
              if (next.faces !== undefined && line.pricing === "per_face_week") {
                next = { ...next };
                delete next.share;
                delete next.budget;
              }
              onLine(next);
            }}
          />
        )}
        {f.print && (
          <>
            <TextField
              label="Insertions"
              path={`${p}.insertions`}
              error={error}
              numeric
              suffix="over the flight"
              value={count(line.insertions)}
              hint={line.pricing === "per_insertion" ? "Costs insertions × rate; empty: the budget buys what it pays for" : undefined}
              onCommit={(v) => {
                let next = setCount(line, "insertions", v);
                if (next.insertions !== undefined && line.pricing === "per_insertion") {
                  next = { ...next };
                  delete next.share;
                  delete next.budget;
                }
                onLine(next);
              }}
            />
            <TextField
              label="Readership"
              path={`${p}.readership`}
              error={error}
              numeric
              suffix="readers an issue"
              value={line.readership ?? ""}
              hint="Impressions = insertions × readership"
              onCommit={(v) => onLine(setOpt(line, "readership", cleanDecimal(v)))}
            />
          </>
        )}
      </div>
      {f.dayparts && (
        <div className="dayparts">
          <p className="label">Dayparts</p>
          {dayparts.length === 0 && <p className="muted small empty-line">No daypart mix yet.</p>}
          {dayparts.map((d, i) => (
            <div className="form-row compact daypart-row" key={i} data-testid="daypart-row">
              <TextField label="Daypart" path={`${p}.dayparts[${i}].name`} error={error} value={d.name} placeholder="e.g. Prime" onCommit={(v) => setPart(i, (x) => ({ ...x, name: v.trim() }))} />
              <TextField
                label="Share of spots"
                path={`${p}.dayparts[${i}].share`}
                error={error}
                numeric
                suffix="%"
                value={d.share ?? ""}
                onCommit={(v) => setPart(i, (x) => setOpt(x, "share", cleanDecimal(v)))}
              />
              <button type="button" className="icon-button" aria-label={`Remove daypart ${d.name}`} onClick={() => setDayparts(dayparts.filter((_, j) => j !== i))}>
                ×
              </button>
            </div>
          ))}
          {fieldError(error, `${p}.dayparts`) ? (
            <p className="field-error" role="alert">
              {fieldError(error, `${p}.dayparts`)}
            </p>
          ) : (
            dayparts.length > 0 && <p className="field-hint">Daypart · share of the line's spots (shares sum to 100)</p>
          )}
          <button type="button" className="button small" onClick={() => setDayparts([...dayparts, { name: `Daypart ${dayparts.length + 1}` }])}>
            + Add daypart
          </button>
        </div>
      )}
    </div>
  );
}
