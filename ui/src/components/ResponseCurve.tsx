// One line's response curve, drawn small: what each extra dollar on the line returns, with the
// spend as the plan stands and the optimised spend marked on it, and the knee (the spend past which
// each extra unit buys less). Every point comes from the core (`LineCurve.points`); strings become
// numbers here only to place pixels. Axis ticks are chart furniture, not plan figures.

import { useId } from "react";
import type { CurvePoint } from "../bindings";
import { currencySymbol } from "../format";

/** The chart's drawing box (the SVG scales to its card's width, keeping this aspect). */
const W = 320;
const H = 148;
const PAD = { left: 34, right: 10, top: 12, bottom: 22 };

export interface CurveMark {
  spend: string;
  response: string | null;
}

interface Props {
  lineId: string;
  name: string;
  points: CurvePoint[];
  knee: string;
  current: CurveMark;
  optimised: CurveMark;
  currency: string;
}

/** About `n` round steps covering 0..max: 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, n = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / n;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(v);
  return ticks;
}

/** An axis tick in short form: 0, 500, 10k, 1.5M (a position on the scale, not a figure). */
export function shortTick(v: number): string {
  if (v === 0) return "0";
  if (v >= 1e6) return `${trim(v / 1e6)}M`;
  if (v >= 1e3) return `${trim(v / 1e3)}k`;
  return trim(v);
}

function trim(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** The response at `spend` on the sampled curve, for placing a mark between two points. */
export function responseAt(points: { x: number; y: number }[], spend: number): number {
  if (points.length === 0) return 0;
  if (spend <= points[0].x) return points[0].y;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (spend <= b.x) return b.x === a.x ? b.y : a.y + ((b.y - a.y) * (spend - a.x)) / (b.x - a.x);
  }
  return points[points.length - 1].y;
}

export function ResponseCurve({ lineId, name, points, knee, current, optimised, currency }: Props) {
  const arrowId = useId().replace(/:/g, "");
  const xy = points.map((p) => ({ x: Number(p.spend), y: Number(p.response) }));
  const maxX = Math.max(1, ...xy.map((p) => p.x));
  const maxYData = Math.max(1, ...xy.map((p) => p.y));
  const yTicks = niceTicks(maxYData, 3);
  const maxY = Math.max(maxYData, yTicks[yTicks.length - 1]);
  const xTicks = niceTicks(maxX, 4).filter((t) => t <= maxX);
  const px = (x: number) => PAD.left + (x / maxX) * (W - PAD.left - PAD.right);
  const py = (y: number) => H - PAD.bottom - (y / maxY) * (H - PAD.top - PAD.bottom);
  const path = xy.map((p, i) => `${i === 0 ? "M" : "L"}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(" ");
  const area = `${path} L${px(xy[xy.length - 1]?.x ?? 0).toFixed(1)},${py(0)} L${px(0)},${py(0)} Z`;
  const mark = (m: CurveMark) => {
    const x = Number(m.spend);
    const y = m.response !== null ? Number(m.response) : responseAt(xy, x);
    return { cx: px(x), cy: py(y) };
  };
  const now = mark(current);
  const best = mark(optimised);
  const kneeX = Number(knee);
  const showKnee = kneeX > 0 && kneeX < maxX;
  const kneeAt = { cx: px(kneeX), cy: py(responseAt(xy, kneeX)) };
  const moved = Math.abs(best.cx - now.cx) > 6;
  const sym = currencySymbol(currency).trim();

  return (
    <svg
      className="response-curve"
      data-line={lineId}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Response curve of ${name}`}
    >
      <defs>
        <marker id={arrowId} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 z" className="rc-arrowhead" />
        </marker>
      </defs>
      {yTicks.map((t) => (
        <g key={`y${t}`}>
          <line className="rc-grid" x1={PAD.left} x2={W - PAD.right} y1={py(t)} y2={py(t)} />
          <text className="rc-tick" x={PAD.left - 5} y={py(t) + 3} textAnchor="end">
            {shortTick(t)}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <text key={`x${t}`} className="rc-tick" x={px(t)} y={H - 7} textAnchor={t === 0 ? "start" : "middle"}>
          {t === 0 ? `${sym}0` : `${sym}${shortTick(t)}`}
        </text>
      ))}
      <path className="rc-area" d={area} />
      <path className="rc-line" d={path} />
      {showKnee && (
        <g className="rc-knee">
          <path d={`M${kneeAt.cx},${kneeAt.cy - 4} l4,4 l-4,4 l-4,-4 z`} />
          <text className="rc-tick" x={kneeAt.cx + 6} y={kneeAt.cy + 11}>
            knee
          </text>
        </g>
      )}
      <line className="rc-drop rc-drop-now" x1={now.cx} x2={now.cx} y1={now.cy} y2={py(0)} />
      <line className="rc-drop rc-drop-best" x1={best.cx} x2={best.cx} y1={best.cy} y2={py(0)} />
      {moved && (
        <line className="rc-move" x1={now.cx} x2={best.cx + (best.cx > now.cx ? -2 : 2)} y1={py(0) - 5} y2={py(0) - 5} markerEnd={`url(#${arrowId})`} />
      )}
      <circle className="rc-now" cx={now.cx} cy={now.cy} r={4} data-mark="current" />
      <circle className="rc-best" cx={best.cx} cy={best.cy} r={4.5} data-mark="optimised" />
    </svg>
  );
}
