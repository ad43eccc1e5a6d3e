// The line grid's rules, apart from React: its columns (how a cell reads and writes a line),
// keyboard movement, and pasting a tab-separated block from Excel or Sheets onto the plan.
// Cells hold text; the core checks it, so a bad cell is an error beside the cell, never a crash.

import type { Kpi, Line, LineField, LineView, NumberStyle, Plan, Pricing } from "../bindings";
import { KPI_LABEL } from "../stages/model";
import { num, pct, pricingLabel } from "../format";
import { cleanDecimal } from "../store/usePlan";
import { readDate, showDate } from "../dates";

export type ColumnKind = "text" | "dec" | "date" | "choice";

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
  /** The JSON field under `lines[i]` that errors name. */
  field: string;
  width: number;
  get: (line: Line) => string;
  set: (line: Line, text: string) => Line;
  choices?: string[];
}

/** The reach-led figures the grid shows after net and gross when the plan has a reach model:
 * the core's, read from the line's view. `n` is the plan's effective frequency. */
export interface ReachColumn {
  /** The cell's `data-rf`. */
  key: string;
  field: "grps" | "trps" | "reach_pct" | "frequency" | "effective_reach_pct";
  width: number;
  label: (n: number) => string;
  title: (n: number) => string;
  show: (value: string | null | undefined, style?: NumberStyle) => string;
}

export const REACH_COLUMNS: readonly ReachColumn[] = [
  { key: "grps", field: "grps", width: 66, label: () => "GRPs", title: () => "Gross rating points on the line's universe", show: num },
  { key: "trps", field: "trps", width: 66, label: () => "TRPs", title: () => "Target rating points on the plan's target audience", show: num },
  { key: "reach", field: "reach_pct", width: 66, label: () => "Reach", title: () => "Share of the target reached at least once", show: pct },
  { key: "frequency", field: "frequency", width: 50, label: () => "Freq.", title: () => "Average exposures among those reached", show: num },
  { key: "effective", field: "effective_reach_pct", width: 70, label: (n) => `Reach ${n}+`, title: (n) => `Share of the target reached ${n} or more times`, show: pct },
];

/** The core's figures a grid row shows: net and gross, and the reach columns. */
export const ROW_FIGURES: readonly (keyof LineView)[] = ["net", "gross", ...REACH_COLUMNS.map((c) => c.field)];

const PRICING: Pricing[] = ["cpm", "cpc", "cpa", "cpv", "cpp", "flat", "per_face_week", "per_insertion"];

function optional<K extends keyof Line>(line: Line, key: K, value: string): Line {
  const next = { ...line };
  if (value === "") delete next[key];
  else (next as Record<string, unknown>)[key] = value;
  return next;
}

/** "CPA", "cpa", "Per face/week" or "per_insertion" → the pricing; anything else is passed on
 * for the core to refuse. */
function pricingFrom(text: string): Pricing {
  const t = text.trim().toLowerCase();
  const byLabel = PRICING.find((p) => pricingLabel(p).toLowerCase() === t);
  return byLabel ?? (t.replace(/[\s/]+/g, "_") as Pricing);
}

/** A line funded by an amount or a share buys what the money pays for: a per-face or
 * per-insertion line's booked count, which would otherwise set its cost, comes off. */
function fundedByMoney(line: Line): Line {
  const next = { ...line };
  if (next.pricing === "per_face_week") delete next.faces;
  if (next.pricing === "per_insertion") delete next.insertions;
  return next;
}

function kpiFrom(text: string): Kpi {
  const t = text.trim().toLowerCase();
  const byLabel = (Object.entries(KPI_LABEL) as [Kpi, string][]).find(([, l]) => l.toLowerCase() === t);
  return byLabel ? byLabel[0] : (t.replace(/\s+/g, "_") as Kpi);
}

/** Dates as typed or pasted: "2027-01-04" stays; "04/01/2027" (day first) becomes ISO. */
/** A typed or pasted date, read by the one date rule (dates.ts): ISO kept, "4 Jan 2027" and
 * numbers in this computer's date order read; text that is no date is kept for the core to
 * refuse with its own message. */
export function cleanDate(text: string): string {
  const read = readDate(text);
  return "date" in read ? read.date : text.trim();
}

export const COLUMNS: Column[] = [
  { key: "name", label: "Line", kind: "text", field: "name", width: 152, get: (l) => l.name, set: (l, t) => ({ ...l, name: t.trim() }) },
  { key: "channel", label: "Channel", kind: "text", field: "channel", width: 90, get: (l) => l.channel, set: (l, t) => ({ ...l, channel: t.trim() }) },
  {
    key: "pricing",
    label: "Pricing",
    kind: "choice",
    field: "pricing",
    width: 90,
    choices: PRICING,
    get: (l) => pricingLabel(l.pricing),
    set: (l, t) => ({ ...l, pricing: pricingFrom(t) }),
  },
  { key: "rate", label: "Rate", kind: "dec", field: "rate", width: 84, get: (l) => l.rate ?? "", set: (l, t) => optional(l, "rate", cleanDecimal(t)) },
  {
    key: "budget",
    label: "Budget",
    kind: "dec",
    field: "budget",
    width: 100,
    get: (l) => l.budget ?? "",
    // A line is funded by an amount or a share, never both: setting one clears the other.
    set: (l, t) => {
      const v = cleanDecimal(t);
      const next = optional(l, "budget", v);
      if (v !== "") delete next.share;
      return v !== "" ? fundedByMoney(next) : next;
    },
  },
  {
    key: "share",
    label: "Share %",
    kind: "dec",
    field: "share",
    width: 64,
    get: (l) => l.share ?? "",
    set: (l, t) => {
      const v = cleanDecimal(t);
      const next = optional(l, "share", v);
      if (v !== "") delete next.budget;
      return v !== "" ? fundedByMoney(next) : next;
    },
  },
  { key: "start", label: "Start", kind: "date", field: "start", width: 96, get: (l) => showDate(l.start), set: (l, t) => ({ ...l, start: cleanDate(t) }) },
  { key: "end", label: "End", kind: "date", field: "end", width: 96, get: (l) => showDate(l.end), set: (l, t) => ({ ...l, end: cleanDate(t) }) },
  {
    key: "kpi",
    label: "KPI",
    kind: "choice",
    field: "kpi",
    width: 70,
    choices: Object.values(KPI_LABEL),
    get: (l) => (l.kpi ? KPI_LABEL[l.kpi.kpi] ?? l.kpi.kpi : ""),
    set: (l, t) => (t.trim() === "" ? optional(l, "kpi", "") : { ...l, kpi: { ...(l.kpi ?? {}), kpi: kpiFrom(t) } }),
  },
  {
    key: "kpi_target",
    label: "KPI target",
    kind: "dec",
    field: "kpi.target",
    width: 80,
    get: (l) => l.kpi?.target ?? "",
    set: (l, t) => {
      if (!l.kpi) return l;
      const v = cleanDecimal(t);
      const kpi = { ...l.kpi };
      if (v === "") delete kpi.target;
      else kpi.target = v;
      return { ...l, kpi };
    },
  },
];

/** Split clipboard text from a spreadsheet into rows of cells. Handles CRLF, a trailing newline
 * and quoted cells (which may hold tabs, newlines and doubled quotes). */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  const src = text.replace(/\r\n?/g, "\n");
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
    } else if (ch === "\t") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Cells as tab-separated text for the clipboard (quoted where a spreadsheet needs it). */
export function toTsv(rows: string[][]): string {
  const q = (c: string) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(q).join("\t")).join("\n");
}

/** A fresh line for a plan, with an id no other line has. */
export function newLine(plan: Plan, taken: Set<string> = new Set(plan.lines.map((l) => l.id))): Line {
  let n = plan.lines.length + 1;
  while (taken.has(`line-${n}`)) n++;
  taken.add(`line-${n}`);
  return { id: `line-${n}`, channel: "", name: `Line ${n}`, pricing: "cpm", start: plan.start, end: plan.end, budget: "0" };
}

/** The core's line field for each grid column (the grid's columns are the core's `GRID_COLUMNS`, in
 * order): what the core's paste fills and its fill-down copies. */
export function columnField(col: number): LineField | null {
  const key = COLUMNS[col]?.key;
  return key ? (key as LineField) : null;
}

/** Ctrl+D as a spreadsheet does it: the selection's top row copied down the rest of it, or, for
 * one row, the row above copied into it. Null when there is nothing to copy from. */
export function fillDownRows(r0: number, r1: number): { from: number; to: number[] } | null {
  if (r1 > r0) return { from: r0, to: Array.from({ length: r1 - r0 }, (_, i) => r0 + 1 + i) };
  return r0 > 0 ? { from: r0 - 1, to: [r0] } : null;
}

/** Ctrl+R as a spreadsheet does it: the selection's leftmost column copied into the rest of it,
 * or, for one column, the column to its left copied into it. Null when there is nothing to copy
 * from. Columns are grid columns (see `columnField`). */
export function fillRightCols(c0: number, c1: number): { from: number; to: number[] } | null {
  if (c1 > c0) return { from: c0, to: Array.from({ length: c1 - c0 }, (_, i) => c0 + 1 + i) };
  return c0 > 0 ? { from: c0 - 1, to: [c0] } : null;
}

export interface Pos {
  row: number;
  col: number;
}

/** Where a key moves the active cell in a grid of `rows` × `cols`. Tab wraps to the next row. */
export function move(pos: Pos, key: string, shift: boolean, rows: number, cols: number): Pos {
  const clamp = (p: Pos): Pos => ({
    row: Math.max(0, Math.min(rows - 1, p.row)),
    col: Math.max(0, Math.min(cols - 1, p.col)),
  });
  switch (key) {
    case "ArrowUp":
      return clamp({ ...pos, row: pos.row - 1 });
    case "ArrowDown":
    case "Enter":
      return clamp({ ...pos, row: pos.row + (shift && key === "Enter" ? -1 : 1) });
    case "ArrowLeft":
      return clamp({ ...pos, col: pos.col - 1 });
    case "ArrowRight":
      return clamp({ ...pos, col: pos.col + 1 });
    case "Tab":
      if (shift) return pos.col > 0 ? { ...pos, col: pos.col - 1 } : clamp({ row: pos.row - 1, col: cols - 1 });
      return pos.col < cols - 1 ? { ...pos, col: pos.col + 1 } : pos.row < rows - 1 ? { row: pos.row + 1, col: 0 } : pos;
    case "Home":
      return { ...pos, col: 0 };
    case "End":
      return { ...pos, col: cols - 1 };
    default:
      return pos;
  }
}
