// What to do with each line this week, from the core's rules: scale the winners, cut the losers,
// fix tracking that reports clicks but no conversions, hold, or wait for enough data. The reason
// is the core's own sentence with its numbers. Lines that need an action come first.

import type { Action, Line, Recommendation } from "../../bindings";
import type { NumberStyle } from "../../types";
import { kpiLabel, kpiValue } from "./numbers";

export const ACTION_LABEL: Record<Action, string> = {
  fix_tracking: "Fix tracking",
  cut: "Cut",
  scale: "Scale",
  not_enough_data: "Not enough data",
  hold: "Hold",
};

const ORDER: Action[] = ["fix_tracking", "cut", "scale", "not_enough_data", "hold"];

interface Props {
  recommendations: Recommendation[];
  lines: Line[];
  currency: string;
  numberStyle?: NumberStyle;
  onSelect?: (line: string) => void;
}

export function Recommendations({ recommendations, lines, currency, numberStyle, onSelect }: Props) {
  if (recommendations.length === 0) return <p className="muted small empty-line">No lines to judge yet.</p>;
  const sorted = recommendations
    .map((r, i) => ({ r, i }))
    .sort((a, b) => ORDER.indexOf(a.r.action) - ORDER.indexOf(b.r.action) || a.i - b.i)
    .map((x) => x.r);
  return (
    <ul className="recs" aria-label="Recommendations">
      {sorted.map((r) => {
        const line = lines.find((l) => l.id === r.line);
        return (
          <li key={r.line} className={`rec action-${r.action}`} data-line={r.line}>
            <span className={`action-badge ${r.action}`}>{ACTION_LABEL[r.action]}</span>
            <div className="rec-body">
              <p className="rec-head">
                {onSelect ? (
                  <button type="button" className="link-button rec-line" onClick={() => onSelect(r.line)} title="Chart this line">
                    {line?.name ?? r.line}
                  </button>
                ) : (
                  <span className="rec-line">{line?.name ?? r.line}</span>
                )}
                {line && <span className="muted small"> {line.channel}</span>}
              </p>
              <p className="rec-reason">{r.reason}</p>
            </div>
            {r.kpi && r.actual !== null && (
              <p className="rec-kpi num">
                <span className="rec-kpi-value">{kpiValue(r.kpi, r.actual_shown, currency, numberStyle)}</span>
                <span className="muted small">
                  {kpiLabel(r.kpi)}
                  {r.target_shown !== null ? ` · target ${kpiValue(r.kpi, r.target_shown, currency, numberStyle)}` : ""}
                </span>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
