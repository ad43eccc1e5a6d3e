// The flowchart (blocking chart): weeks across in month bands, lines down the side, a bar per
// flight with each week's net spend and, for a traditional line, the week's spots, faces or
// insertions under it (the core's schedule), hiatus weeks shaded. Clients often read this as
// "the plan".

import { memo, useCallback, useEffect, useMemo, useState } from "react";
import type { LineView, NumberStyle, PlanView, WeekRow } from "../types";
import { dayOfMonth, groupDigits, isNonZero, units } from "../format";
import { showDate } from "../dates";
import { Spacer, useRowWindow } from "./rowWindow";
import { sameItems, sameLineView, sameProps } from "./unchanged";

/** Widths in px: the line label column, and the narrowest a week can be and still show its spend. */
const LABEL_WIDTH = 216;
const MIN_WEEK_WIDTH = 64;

type CellState = "on" | "hiatus" | "off";

interface Cell {
  state: CellState;
  net?: string;
  /** Spots, faces or insertions this week, for a traditional line. */
  units?: number;
  /** First and last on-air week of a run, for the bar's rounded ends. */
  runStart: boolean;
  runEnd: boolean;
}

/** Lay a line's flight weeks onto the plan's week grid: the row starts at its `from` Monday and
 * has one net per week after it. */
export function lineCells(grid: string[], row: WeekRow): Cell[] {
  const first = row.from === null ? -1 : grid.indexOf(row.from);
  const hiatus = new Set(row.hiatus);
  const states: Cell[] = grid.map((_, i) => {
    const k = i - first;
    if (first < 0 || k < 0 || k >= row.net.length) return { state: "off", runStart: false, runEnd: false };
    const net = row.net[k];
    const on = !hiatus.has(k) && isNonZero(net);
    return { state: on ? "on" : "hiatus", net, units: row.units?.[k] ?? undefined, runStart: false, runEnd: false };
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
  /** Given, a flight's ends can be dragged along the weeks: called with the new dates on release. */
  onFlightChange?: (lineId: string, start: string, end: string) => void;
}

/** A flight end being dragged: which line, which end, and the week it is over now. */
interface Drag {
  line: LineView;
  edge: "start" | "end";
  week: number;
}

/** The Sunday ending the week that starts on Monday `monday` (dates, not money). */
export function weekEnd(monday: string): string {
  const d = new Date(`${monday}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

/** The dates a dragged flight end gives: a start snaps to the week's Monday, an end to its Sunday,
 * and an end dragged past the other end stops at it. */
export function draggedDates(grid: string[], first: number, last: number, edge: "start" | "end", week: number): [string, string] {
  const a = edge === "start" ? Math.min(week, last) : first;
  const b = edge === "end" ? Math.max(week, first) : last;
  return [grid[a], weekEnd(grid[b])];
}

/** Drawn again only when the view, the number style or the handler changes: not for the edit
 * itself, while the core works out the new view. */
export const Flowchart = memo(function Flowchart({ view, numberStyle, onFlightChange }: Props) {
  const [drag, setDrag] = useState<Drag | null>(null);
  useEffect(() => {
    if (!drag) return;
    const up = () => {
      const cells = lineCells(view.weeks, drag.line.weeks);
      const first = cells.findIndex((c) => c.state !== "off");
      const last = cells.length - 1 - [...cells].reverse().findIndex((c) => c.state !== "off");
      const moved = drag.edge === "start" ? drag.week !== first : drag.week !== last;
      if (moved && first >= 0) {
        const [start, end] = draggedDates(view.weeks, first, last, drag.edge, drag.week);
        onFlightChange?.(drag.line.id, start, end);
      }
      setDrag(null);
    };
    window.addEventListener("pointerup", up);
    return () => window.removeEventListener("pointerup", up);
  }, [drag, view.weeks, onFlightChange]);
  // A long plan draws only the lines in view (the chart then scrolls in its own box).
  const win = useRowWindow<HTMLDivElement>(view.lines.length, ROW_HEIGHT, (i) => view.lines[i]?.id ?? String(i));
  const allColumns = 1 + view.weeks.length;
  // The same function while the months are the same, so unchanged rows are not drawn again.
  const monthKey = view.months.map((m) => m.first_week).join(",");
  const edge = useMemo(() => {
    const monthStarts = new Set(monthKey.split(",").map(Number));
    return (i: number) => (monthStarts.has(i) && i > 0 ? " month-start" : "");
  }, [monthKey]);
  const canDrag = onFlightChange !== undefined;
  const onDragStart = useCallback((line: LineView, edgeName: "start" | "end", week: number) => setDrag({ line, edge: edgeName, week }), []);
  const onDragOver = useCallback((lineId: string, week: number) => setDrag((d) => (d && d.line.id === lineId ? { ...d, week } : d)), []);
  return (
    <div ref={win.scrollRef} className={`flowchart-scroll${win.windowed ? " windowed" : ""}`}>
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
              <th key={w} scope="col" className={`fc-week${edge(i)}`} title={`Week of ${showDate(w)}`}>
                {dayOfMonth(w)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {win.padTop > 0 && <Spacer height={win.padTop} columns={allColumns} />}
          {win.rows.map((r) => view.lines[r]).map((line, k) => (
            <FlowchartRow
              key={line.id}
              index={win.rows[k]}
              measure={win.measure}
              line={line}
              grid={view.weeks}
              edge={edge}
              numberStyle={numberStyle}
              drag={drag?.line.id === line.id ? drag : null}
              onDragStart={canDrag ? onDragStart : undefined}
              onDragOver={onDragOver}
            />
          ))}
          {win.padBottom > 0 && <Spacer height={win.padBottom} columns={allColumns} />}
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
});

/** A line's row height in px (a 40px label and a 1px rule), before the drawn rows are measured. */
const ROW_HEIGHT = 41;


/** What a row shows of its line's view. */
const ROW_FIELDS = ["name", "channel", "unit", "units", "weeks"] as const;

interface RowProps {
  index: number;
  measure: (el: Element | null) => void;
  line: LineView;
  grid: string[];
  edge: (i: number) => string;
  numberStyle?: NumberStyle;
  drag?: Drag | null;
  onDragStart?: (line: LineView, edge: "start" | "end", week: number) => void;
  onDragOver?: (lineId: string, week: number) => void;
}

/** A row is drawn again when what it shows changes, compared by value (the core's answer to an
 * edit brings every line's view as a new object). */
const FlowchartRow = memo(
  FlowchartRowDrawn,
  sameProps<RowProps>({ grid: sameItems, line: (a, b) => sameLineView(a, b, ROW_FIELDS) }),
);

function FlowchartRowDrawn({
  index,
  measure,
  line,
  grid,
  edge,
  numberStyle,
  drag,
  onDragStart,
  onDragOver,
}: RowProps) {
  const cells = lineCells(grid, line.weeks);
  const first = cells.findIndex((c) => c.state !== "off");
  const last = cells.length - 1 - [...cells].reverse().findIndex((c) => c.state !== "off");
  const preview = drag && first >= 0 ? draggedDates(grid, first, last, drag.edge, drag.week) : null;
  const inPreview = (i: number) => preview !== null && grid[i] >= preview[0] && grid[i] <= preview[1];
  const unit = line.unit;
  const weekly = unit !== null && cells.some((c) => c.units !== undefined);
  const booked = unit && line.units !== null ? ` · ${units(line.units, unit, numberStyle)}${unit === "faces" ? " a week" : ""}` : "";
  return (
    <tr className={weekly ? "fc-with-units" : undefined} data-index={index} ref={measure}>
      <th scope="row" className="fc-label">
        <span className="fc-line-name">{line.name}</span>
        <span className="fc-line-channel">
          {line.channel}
          {booked}
        </span>
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
        const weekUnits = unit && c.units !== undefined ? units(c.units, unit, numberStyle) : null;
        const title =
          c.state === "on"
            ? `${line.name}, week of ${grid[i]}: ${groupDigits(c.net ?? "", numberStyle)}${weekUnits ? `, ${weekUnits}` : ""}`
            : c.state === "hiatus"
              ? `${line.name}, week of ${grid[i]}: hiatus`
              : undefined;
        return (
          <td
            key={grid[i]}
            className={`${cls}${edge(i)}${inPreview(i) ? " fc-preview" : ""}`}
            title={title}
            data-state={c.state}
            onPointerEnter={drag ? () => onDragOver?.(line.id, i) : undefined}
          >
            {c.state === "on" && <span className="fc-bar num">{groupDigits(c.net ?? "", numberStyle)}</span>}
            {c.state === "on" && weekUnits && (
              <span className="fc-units num" data-testid="week-units">
                {weekUnits}
              </span>
            )}
            {onDragStart && i === first && (
              <span
                className="fc-handle start"
                role="slider"
                aria-label={`Start of ${line.name}`}
                aria-valuetext={grid[i]}
                onPointerDown={(e) => {
                  e.preventDefault();
                  onDragStart(line, "start", i);
                }}
              />
            )}
            {onDragStart && i === last && (
              <span
                className="fc-handle end"
                role="slider"
                aria-label={`End of ${line.name}`}
                aria-valuetext={weekEnd(grid[i])}
                onPointerDown={(e) => {
                  e.preventDefault();
                  onDragStart(line, "end", i);
                }}
              />
            )}
          </td>
        );
      })}
    </tr>
  );
}
