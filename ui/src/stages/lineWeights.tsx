// A line's flight weights, week by week, under the line's details: a planner types 0 for a hiatus
// week or 2 for a heavy week and the core stores them as the line's `weights` (starting from its
// pattern's weights), checks them and recomputes, so each week's net below is the core's. "Reset
// to even weeks" clears them.

import { useEffect, useState } from "react";
import { api, toCommandError, type CommandError } from "../api";
import type { Line, Plan } from "../bindings";
import type { LineView, NumberStyle } from "../types";
import { money } from "../format";
import { showDate } from "../dates";
import { errorMessage } from "../errors";

export interface WeekCell {
  start: string;
  net: string;
  hiatus: boolean;
}

/** The line's weeks as the core sends them (`LineView.weeks`, one row from its `from` Monday):
 * the one place the UI reads them. */
export function lineWeeks(view: LineView | undefined): WeekCell[] {
  const row = view?.weeks;
  if (!row || row.from === null) return [];
  const from = row.from;
  const hiatus = new Set(row.hiatus);
  return row.net.map((net, k) => ({ start: mondayAfter(from, k), net, hiatus: hiatus.has(k) }));
}

/** The Monday `weeks` weeks after `monday` (ISO dates). */
export function mondayAfter(monday: string, weeks: number): string {
  const d = new Date(`${monday}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7 * weeks);
  return d.toISOString().slice(0, 10);
}

function WeightInput({ value, label, hiatus, onCommit }: { value: string; label: string; hiatus: boolean; onCommit: (text: string) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft.trim() !== value && draft.trim() !== "") onCommit(draft.trim());
    else setDraft(value);
  };
  return (
    <input
      className="num week-weight-input"
      aria-label={label}
      value={draft}
      placeholder={hiatus ? "0" : "1"}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === "Enter" && commit()}
    />
  );
}

interface Props {
  plan: Plan;
  line: Line;
  index: number;
  view?: LineView;
  onLine: (line: Line) => void;
  numberStyle?: NumberStyle;
}

export function LineWeights({ plan, line, index, view, onLine, numberStyle }: Props) {
  const weeks = lineWeeks(view);
  const [refused, setRefused] = useState<CommandError | null>(null);
  if (weeks.length === 0) return null;
  const take = async (work: () => Promise<Plan>) => {
    try {
      const next = await work();
      setRefused(null);
      if (next.lines[index]) onLine(next.lines[index]);
    } catch (e) {
      setRefused(toCommandError(e));
    }
  };
  return (
    <div className="detail-group line-weights" aria-label="Flight weights">
      <p className="label">
        Flight weights <span className="muted small">· 0 is a hiatus week, 2 a heavy week; the net of each week is the core&apos;s</span>
      </p>
      <div className="weights-row">
        {weeks.map((w, k) => (
          <div className="week-weight" key={w.start}>
            <span className="sub">{showDate(w.start)}</span>
            <WeightInput
              value={line.weights?.[k] ?? ""}
              hiatus={w.hiatus}
              label={`Weight, week of ${showDate(w.start)}`}
              onCommit={(text) => take(() => api.setWeekWeight(plan, index, k, text))}
            />
            <span className="sub num" data-testid={`week-net-${k}`}>
              {money(w.net, plan.currency, numberStyle)}
            </span>
          </div>
        ))}
      </div>
      {line.weights && (
        <button type="button" className="button small" onClick={() => take(() => api.resetWeights(plan, index))}>
          Reset to even weeks
        </button>
      )}
      {refused && (
        <p className="field-error" role="alert">
          {errorMessage(refused)}
        </p>
      )}
    </div>
  );
}
