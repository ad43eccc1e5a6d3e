// The flowchart (blocking chart): weeks across in month bands, lines down the side, a bar per
// flight with each week's net spend, hiatus weeks shaded. Clients often read this as "the plan".

import type { LineView, LineWeek, NumberStyle, PlanView } from "../types";
import { dayOfMonth, groupDigits, isNonZero } from "../format";

/** Widths in px: the line label column, and the narrowest a week can be and still show its spend. */
const LABEL_WIDTH = 216;
const MIN_WEEK_WIDTH = 64;

type CellState = "on" | "hiatus" | "off";

interface Cell {
  state: CellState;
  net?: string;
  /** First and last on-air week of a run, for the bar's rounded ends. */
  runStart: boolean;
  runEnd: boolean;
}

/** Lay a line's flight weeks onto the plan's week grid. */
export function lineCells(grid: string[], weeks: LineWeek[]): Cell[] {
  const byWeek = new Map(weeks.map((w) => [w.week_start, w]));
  const states: Cell[] = grid.map((ws) => {
    const w = byWeek.get(ws);
    if (!w) return { state: "off", runStart: false, runEnd: false };
    const on = !w.hiatus && isNonZero(w.net);
    return { state: on ? "on" : "hiatus", net: w.net, runStart: false, runEnd: false };
  });
  states.forEach((c, i) => {
    if (c.state !== "on") return;
    c.runStart = states[i - 1]?.state !== "on";
    c.runEnd = states[i + 1]?.state !== "on";
  });
  return states;
}

interface Props {
  view: PlanView;
  numberStyle?: NumberStyle;
}

export function Flowchart({ view, numberStyle }: Props) {
  const monthStarts = new Set(view.months.map((m) => m.first_week));
  const edge = (i: number) => (monthStarts.has(i) && i > 0 ? " month-start" : "");
  return (
    <div className="flowchart-scroll">
      <table
        className="flowchart"
        aria-label="Flowchart"
        style={{ minWidth: LABEL_WIDTH + view.weeks.length * MIN_WEEK_WIDTH }}
      >
        <colgroup>
          <col className="fc-label-col" />
          {view.weeks.map((w) => (
            <col key={w} />
          ))}
        </colgroup>
        <thead>
          <tr className="fc-months">
            <th rowSpan={2} scope="col" className="fc-label">
              Line
            </th>
            {view.months.map((m) => (
              <th
                key={`${m.year}-${m.month}`}
                colSpan={m.weeks}
                scope="colgroup"
                className={`fc-month${m.first_week > 0 ? " month-start" : ""}`}
                data-testid="month-band"
              >
                {m.label}
              </th>
            ))}
          </tr>
          <tr className="fc-weeks">
            {view.weeks.map((w, i) => (
              <th key={w} scope="col" className={`fc-week${edge(i)}`} title={`Week of ${w}`}>
                {dayOfMonth(w)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.lines.map((line) => (
            <FlowchartRow key={line.id} line={line} grid={view.weeks} edge={edge} numberStyle={numberStyle} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="fc-label">
              Net per week
            </th>
            {view.totals.weeks.map((w, i) => (
              <td key={w.week_start} className={`fc-total num${edge(i)}`}>
                {isNonZero(w.net) ? groupDigits(w.net, numberStyle) : ""}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function FlowchartRow({
  line,
  grid,
  edge,
  numberStyle,
}: {
  line: LineView;
  grid: string[];
  edge: (i: number) => string;
  numberStyle?: NumberStyle;
}) {
  const cells = lineCells(grid, line.weeks);
  return (
    <tr>
      <th scope="row" className="fc-label">
        <span className="fc-line-name">{line.name}</span>
        <span className="fc-line-channel">{line.channel}</span>
      </th>
      {cells.map((c, i) => {
        const cls = [
          "fc-cell",
          `fc-${c.state}`,
          c.runStart ? "run-start" : "",
          c.runEnd ? "run-end" : "",
        ]
          .filter(Boolean)
          .join(" ");
        const title =
          c.state === "on"
            ? `${line.name}, week of ${grid[i]}: ${groupDigits(c.net ?? "", numberStyle)}`
            : c.state === "hiatus"
              ? `${line.name}, week of ${grid[i]}: hiatus`
              : undefined;
        return (
          <td key={grid[i]} className={`${cls}${edge(i)}`} title={title} data-state={c.state}>
            {c.state === "on" && <span className="fc-bar num">{groupDigits(c.net ?? "", numberStyle)}</span>}
          </td>
        );
      })}
    </tr>
  );
}
