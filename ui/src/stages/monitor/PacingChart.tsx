// The pacing chart: planned against actual cumulative spend, week by week, for one line or the
// whole plan, with the as-of day marked and the core's expected and actual spend at that day.
// The core gives each line's weekly cumulative figures; the chart turns those strings into
// numbers only to place pixels (the plan's curve is the lines' curves stacked). Every figure
// printed comes from the core as it gave it.

import { useEffect, useRef, useState, type RefObject } from "react";
import type { Pacing, PaceWeek } from "../../bindings";
import type { NumberStyle } from "../../types";
import { currencySymbol, money } from "../../format";
import { shortDay } from "./numbers";

export const TOTAL = "__total__";

interface Props {
  pacing: Pacing;
  /** A line id, or TOTAL for the plan. */
  selected: string;
  numberStyle?: NumberStyle;
}

interface Series {
  /** Week starts, ascending. */
  weeks: string[];
  planned: number[];
  /** Null for weeks that start after the as-of day. */
  actual: (number | null)[];
}

const DAY = 86_400_000;
const toDay = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

/** A line's or the plan's weeks (the core sums the plan's), as numbers for placing pixels. */
function series(weeks: PaceWeek[]): Series {
  return {
    weeks: weeks.map((w) => w.week_start),
    planned: weeks.map((w) => Number(w.planned_cumulative)),
    actual: weeks.map((w) => (w.actual_cumulative === null ? null : Number(w.actual_cumulative))),
  };
}

/** Round tick steps (1, 2, 2.5, 5 × 10ⁿ) for about five gridlines up to `max`. */
function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= max + step * 0.001; v += step) out.push(v);
  if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

/** A gridline's label: "$50k", "$1.2M" (the scale's own round numbers, not the plan's money). */
function axisLabel(v: number, currency: string): string {
  const sym = currencySymbol(currency);
  if (v >= 1e6) return `${sym}${+(v / 1e6).toFixed(1)}M`;
  if (v >= 1e3) return `${sym}${+(v / 1e3).toFixed(1)}k`;
  return `${sym}${v}`;
}

function useWidth(fallback: number): [RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.max(320, Math.floor(e.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

const H = 248;
const PAD = { top: 14, right: 16, bottom: 26, left: 56 };

export function PacingChart({ pacing, selected, numberStyle }: Props) {
  const [box, width] = useWidth(720);
  const [hover, setHover] = useState<number | null>(null);
  const line = selected === TOTAL ? null : pacing.lines.find((l) => l.line === selected) ?? null;
  const chart = series(line ? line.weeks : pacing.weeks);
  const at = line ?? pacing.total;
  const m = (v: string) => money(v, pacing.currency, numberStyle);

  if (chart.weeks.length === 0) {
    return <p className="muted small empty-line">No flight weeks to chart.</p>;
  }

  const start = toDay(chart.weeks[0]);
  const end = toDay(chart.weeks[chart.weeks.length - 1]) + 7;
  const asOf = toDay(pacing.as_of) + 1; // the end of the as-of day
  const expected = Number(at.expected);
  const actualNow = Number(at.actual);
  const top = Math.max(chart.planned[chart.planned.length - 1] ?? 0, ...chart.actual.map((a) => a ?? 0), actualNow, 1);
  const grid = ticks(top);
  const yMax = grid[grid.length - 1];
  const innerW = width - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (day: number) => PAD.left + ((Math.min(Math.max(day, start), end) - start) / (end - start)) * innerW;
  const y = (v: number) => PAD.top + innerH - (v / yMax) * innerH;

  const plannedPts: [number, number][] = [[x(start), y(0)], ...chart.weeks.map((w, i): [number, number] => [x(toDay(w) + 7), y(chart.planned[i])])];
  const actualPts: [number, number][] = [[x(start), y(0)]];
  chart.weeks.forEach((w, i) => {
    const a = chart.actual[i];
    if (a !== null) actualPts.push([x(Math.min(toDay(w) + 7, asOf)), y(a)]);
  });
  const path = (pts: [number, number][]) => pts.map(([px, py], i) => `${i ? "L" : "M"}${px.toFixed(1)},${py.toFixed(1)}`).join("");
  const area = `${path(plannedPts)}L${plannedPts[plannedPts.length - 1][0].toFixed(1)},${y(0).toFixed(1)}Z`;
  const asOfX = x(asOf);
  const inFlight = asOf > start && asOf <= end;
  const tone = at.alert === "overpacing" ? "over" : at.alert === "underpacing" ? "under" : "on";
  // Week labels: every week when there is room, else every other one.
  const every = innerW / chart.weeks.length < 44 ? 2 : 1;
  const hovered = hover !== null && line ? line.weeks[hover] : null;

  return (
    <div className="pace-chart" ref={box}>
      <svg
        width={width}
        height={H}
        role="img"
        aria-label={`Planned and actual cumulative spend${line ? ` for ${line.name}` : " for the plan"}, as of ${shortDay(pacing.as_of)}`}
        onMouseLeave={() => setHover(null)}
        onMouseMove={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          const day = start + ((e.clientX - r.left - PAD.left) / innerW) * (end - start);
          const i = Math.floor((day - start) / 7);
          setHover(i >= 0 && i < chart.weeks.length ? i : null);
        }}
      >
        {grid.map((v) => (
          <g key={v} className="pace-grid">
            <line x1={PAD.left} x2={width - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 8} y={y(v)} dy="0.32em" textAnchor="end">
              {axisLabel(v, pacing.currency)}
            </text>
          </g>
        ))}
        {chart.weeks.map((w, i) =>
          i % every === 0 ? (
            <text key={w} className="pace-week" x={x(toDay(w))} y={H - 8}>
              {shortDay(w)}
            </text>
          ) : null,
        )}
        {hover !== null && <rect className="pace-hover" x={x(toDay(chart.weeks[hover]))} y={PAD.top} width={innerW / chart.weeks.length} height={innerH} />}
        <path className="pace-planned-area" d={area} />
        <path className="pace-planned" data-testid="pace-planned" d={path(plannedPts)} />
        <path className={`pace-actual tone-${tone}`} data-testid="pace-actual" d={path(actualPts)} />
        {inFlight && (
          <g className="pace-asof" data-testid="pace-asof">
            <line x1={asOfX} x2={asOfX} y1={PAD.top - 4} y2={PAD.top + innerH} />
            <line className="pace-gap" x1={asOfX} x2={asOfX} y1={y(expected)} y2={y(actualNow)} />
            <circle className="pace-expected-dot" cx={asOfX} cy={y(expected)} r={4}>
              <title>Expected by {shortDay(pacing.as_of)}: {m(at.expected)}</title>
            </circle>
            <circle className={`pace-actual-dot tone-${tone}`} cx={asOfX} cy={y(actualNow)} r={4}>
              <title>Spent by {shortDay(pacing.as_of)}: {m(at.actual)}</title>
            </circle>
            <text x={asOfX + (asOfX > width - 120 ? -6 : 6)} y={PAD.top + 4} textAnchor={asOfX > width - 120 ? "end" : "start"}>
              As of {shortDay(pacing.as_of)}
            </text>
          </g>
        )}
      </svg>
      <div className="pace-legend small">
        <span className="key planned">Planned, cumulative</span>
        <span className={`key actual tone-${tone}`}>Actual, cumulative</span>
        {hovered ? (
          <span className="pace-readout num">
            Week of {shortDay(hovered.week_start)} · planned to date {m(hovered.planned_cumulative)}
            {hovered.actual_cumulative !== null ? ` · actual ${m(hovered.actual_cumulative)}` : " · not reached yet"}
          </span>
        ) : (
          <span className="pace-readout num">
            By {shortDay(pacing.as_of)}: expected {m(at.expected)} · spent {m(at.actual)}
            {!inFlight && toDay(pacing.as_of) >= end ? " · flight over" : ""}
          </span>
        )}
      </div>
    </div>
  );
}
