// Pacing per line and for the plan as of the review day: budget, spend expected by now (following
// the flight's weights), actual, variance, pace, where the line lands at this pace, the daily
// spend needed to land on budget, and the core's over/under-pacing alert. Picking a row charts it.

import type { Line, Pace, PaceAlert, Pacing } from "../../bindings";
import type { NumberStyle } from "../../types";
import { money } from "../../format";
import { pct } from "./numbers";
import { TOTAL } from "./PacingChart";

interface Props {
  pacing: Pacing;
  lines: Line[];
  selected: string;
  onSelect: (line: string) => void;
  numberStyle?: NumberStyle;
}

/** The core's alert; "Not started" when no spend is expected yet (the core gives no pace). */
export function AlertBadge({ alert, started = true }: { alert: PaceAlert | null; started?: boolean }) {
  if (!alert) return <span className="pace-ok">{started ? "On pace" : "Not started"}</span>;
  return <span className={`alert-badge ${alert}`}>{alert === "overpacing" ? "Over-pacing" : "Under-pacing"}</span>;
}

export function PacingTable({ pacing, lines, selected, onSelect, numberStyle }: Props) {
  const m = (v: string | null) => (v === null ? "—" : money(v, pacing.currency, numberStyle));
  const cells = (p: Pace) => (
    <>
      <td className="num">{m(p.budget)}</td>
      <td className="num">{m(p.expected)}</td>
      <td className="num strong">{m(p.actual)}</td>
      <td className={`num variance ${p.alert ?? ""}`}>{m(p.variance)}</td>
      <td className={`num pace ${p.alert ?? ""}`}>{pct(p.pace_pct, numberStyle)}</td>
      <td className="num">{m(p.projected)}</td>
      <td className="num">{m(p.daily_needed)}</td>
      <td className="num muted">{p.days_left}</td>
      <td>
        <AlertBadge alert={p.alert} started={p.pace_pct !== null} />
      </td>
    </>
  );
  return (
    <div className="table-scroll">
      <table className="data pacing-table" aria-label="Pacing by line">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" className="num">Budget</th>
            <th scope="col" className="num">Expected</th>
            <th scope="col" className="num">Actual</th>
            <th scope="col" className="num">Variance</th>
            <th scope="col" className="num">Pace</th>
            <th scope="col" className="num">Projected</th>
            <th scope="col" className="num" title="Spend per on-air day left to land on budget">
              Daily needed
            </th>
            <th scope="col" className="num" title="On-air days left">
              Days left
            </th>
            <th scope="col">Alert</th>
          </tr>
        </thead>
        <tbody>
          {pacing.lines.map((l) => {
            const line = lines.find((x) => x.id === l.line);
            return (
              <tr
                key={l.line}
                className={`clickable${selected === l.line ? " selected" : ""}`}
                data-line={l.line}
                tabIndex={0}
                onClick={() => onSelect(selected === l.line ? TOTAL : l.line)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    onSelect(selected === l.line ? TOTAL : l.line);
                  }
                }}
              >
                <th scope="row" className="line-name">
                  {l.name}
                  {line && <span className="sub">{line.channel}</span>}
                </th>
                {cells(l)}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr
            className={`clickable${selected === TOTAL ? " selected" : ""}`}
            data-line="total"
            onClick={() => onSelect(TOTAL)}
          >
            <th scope="row">Plan total</th>
            {cells(pacing.total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
