// The plan's lines as a spreadsheet: arrows, Tab and Enter move; typing replaces a cell, Enter or
// F2 edits it; Delete clears; Ctrl/Cmd+C copies the selection and Ctrl/Cmd+V pastes a block from
// Excel or Sheets through the core (a preview first: header row, columns by name, dates by the
// planner's date order; pasting over a row replaces it); Ctrl/Cmd+D fills down and Ctrl/Cmd+R
// fills right (through the core, which refuses a value of another kind). Each committed change is one edit
// through the plan store; the net and gross columns are the core's, and so are the reach and
// frequency columns (GRPs, TRPs, reach, frequency, reach at N+), shown once the plan has a
// universe or a line has reach.

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { Line, Plan } from "../bindings";
import type { CommandErrorBody, NumberStyle, PlanView } from "../types";
import { errorLineField, errorLineIndex, errorMessage, errorOnLine } from "../errors";
import { columnField, COLUMNS, fillDownRows, fillRightCols, move, newLine, REACH_COLUMNS, toTsv, type Pos } from "./grid";
import { Spacer, useRowWindow } from "./rowWindow";
import { cleanDecimal } from "../store/usePlan";
import { decimalInStyle } from "../format";
import { GridRow, type RowActions, type RowError } from "./GridRow";
import type { LineField } from "../bindings";

interface Props {
  plan: Plan;
  view: PlanView;
  error: CommandErrorBody | null;
  numberStyle?: NumberStyle;
  onLines: (lines: Line[]) => void;
  /** A block pasted at grid cell `at` (the core reads it, the planner confirms the preview). */
  onPasteText?: (text: string, at: Pos) => void;
  /** Ctrl/Cmd+D: copy `fields` of line `from` to lines `to` (through the core). */
  onFillDown?: (fields: LineField[], from: number, to: number[]) => void;
  /** Ctrl/Cmd+R: copy field `from` of each of lines `rows` into its fields `to` (through the core). */
  onFillRight?: (rows: number[], from: LineField, to: LineField[]) => void;
  /** Told which line the active cell is on (for the line's details below the grid). */
  onActiveLine?: (index: number) => void;
}

export function LineGrid({ plan, view, error, numberStyle, onLines, onActiveLine, onPasteText, onFillDown, onFillRight }: Props) {
  const rows = plan.lines.length;
  const cols = COLUMNS.length;
  const reach = showsReach(plan, view);
  // The plan's columns, the net and gross, the reach columns when shown, and the remove button.
  const allColumns = COLUMNS.length + 3 + (reach ? REACH_COLUMNS.length : 0);
  const n = view.totals.effective_frequency;
  const [active, setActive] = useState<Pos>({ row: 0, col: 0 });
  const [anchor, setAnchor] = useState<Pos | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  // A long plan draws only the rows in view (the grid then scrolls in its own box).
  const win = useRowWindow<HTMLDivElement>(rows, ROW_HEIGHT, (i) => `${plan.lines[i]?.id}-${i}`);
  const box = win.scrollRef;
  const lineViews = useMemo(() => new Map(view.lines.map((l) => [l.id, l])), [view.lines]);
  const input = useRef<HTMLInputElement>(null);
  const actions = useRef<RowActions>(null as unknown as RowActions);
  // Set when an edit is committed or abandoned by key, so the blur that follows (focus going back
  // to the grid) does not commit it a second time.
  const closed = useRef(false);

  useEffect(() => {
    if (rows > 0 && active.row >= rows) setActive({ row: rows - 1, col: active.col });
  }, [rows, active]);
  useEffect(() => {
    onActiveLine?.(Math.min(active.row, Math.max(rows - 1, 0)));
  }, [active.row, rows, onActiveLine]);
  // Keys move the active cell past the drawn rows: scroll it into view.
  useEffect(() => {
    if (win.windowed) win.reveal(active.row);
  }, [active.row, win.windowed]); // eslint-disable-line react-hooks/exhaustive-deps
  // The active cell stays in the window too (the box can run past its bottom, or be scrolled
  // half out of sight): once its row is drawn, the page scrolls just enough to show it. Only
  // after the active cell moves: a row drawn again because the box was scrolled back to it
  // moves nothing (it may be drawn just outside the box's sight, and the page would jump).
  const activeDrawn = !win.windowed || win.rows.includes(active.row);
  const moved = useRef(false);
  useEffect(() => {
    moved.current = true;
  }, [active.row, active.col]);
  useEffect(() => {
    const cell = box.current?.querySelector<HTMLElement>(`td[data-row="${active.row}"][data-col="${active.col}"]`);
    if (!moved.current || !cell) return;
    moved.current = false;
    if (box.current?.contains(document.activeElement)) keepInWindow(cell, box.current);
  }, [active.row, active.col, activeDrawn]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (editing !== null) {
      closed.current = false;
      input.current?.focus();
    }
  }, [editing !== null]); // eslint-disable-line react-hooks/exhaustive-deps

  const sel = anchor
    ? {
        r0: Math.min(anchor.row, active.row),
        r1: Math.max(anchor.row, active.row),
        c0: Math.min(anchor.col, active.col),
        c1: Math.max(anchor.col, active.col),
      }
    : { r0: active.row, r1: active.row, c0: active.col, c1: active.col };

  const setCells = (updates: { row: number; col: number; text: string }[]) => {
    const lines = plan.lines.slice();
    for (const u of updates) {
      // A number typed in the plan's style ("2.400,50" where the plan writes 1.234,56) reaches
      // the line as the core's plain decimal.
      const text = COLUMNS[u.col].kind === "dec" ? cleanDecimal(u.text, numberStyle) : u.text;
      if (lines[u.row]) lines[u.row] = COLUMNS[u.col].set(lines[u.row], text);
    }
    onLines(lines);
  };

  const commit = (text: string, then?: string, shift = false, refocus = true) => {
    if (closed.current) return;
    closed.current = true;
    setEditing(null);
    if (text !== cellText(active.row, active.col)) {
      setCells([{ ...active, text }]);
    }
    if (then) setActive(move(active, then, shift, rows, cols));
    // No scroll from the focus itself: the browser would bring the whole box into view, moving
    // the page by up to a screenful on a long plan. The active cell is kept in view instead.
    if (refocus) box.current?.focus({ preventScroll: true });
  };

  // A cell being typed in that is scrolled out of the drawn rows would lose its input with its
  // row: it is committed as it leaves, as a click elsewhere would.
  const editedRowDrawn = !win.windowed || win.rows.includes(active.row);
  useEffect(() => {
    if (editing !== null && !editedRowDrawn) {
      commit(editing, undefined, false, false);
      box.current?.focus({ preventScroll: true });
    }
  }, [editedRowDrawn]); // eslint-disable-line react-hooks/exhaustive-deps
  /** Open the active cell's editor, bringing its row into view first if it was scrolled away. */
  const startEditing = (text: string) => {
    if (!editedRowDrawn) win.reveal(active.row);
    setEditing(text);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing !== null || rows === 0) return;
    const mod = e.ctrlKey || e.metaKey;
    if (["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Tab", "Home", "End"].includes(e.key)) {
      e.preventDefault();
      if (e.shiftKey && e.key.startsWith("Arrow")) setAnchor(anchor ?? active);
      else setAnchor(null);
      setActive(move(active, e.key, e.shiftKey, rows, cols));
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEditing(cellText(active.row, active.col));
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      const updates = [];
      for (let r = sel.r0; r <= sel.r1; r++) for (let c = sel.c0; c <= sel.c1; c++) updates.push({ row: r, col: c, text: "" });
      setCells(updates);
    } else if (mod && !e.altKey && e.key.toLowerCase() === "d") {
      e.preventDefault();
      const rowsToFill = fillDownRows(sel.r0, sel.r1);
      const fields: LineField[] = [];
      for (let c = sel.c0; c <= sel.c1; c++) {
        const f = columnField(c);
        if (f) fields.push(f);
      }
      if (rowsToFill && fields.length > 0) onFillDown?.(fields, rowsToFill.from, rowsToFill.to);
    } else if (mod && !e.altKey && e.key.toLowerCase() === "r") {
      // Never the webview's reload: Ctrl+R fills right, as in a spreadsheet.
      e.preventDefault();
      const cols = fillRightCols(sel.c0, sel.c1);
      const from = cols ? columnField(cols.from) : null;
      const to = (cols?.to ?? []).map(columnField).filter((f): f is LineField => f !== null);
      const rowsToFill = Array.from({ length: sel.r1 - sel.r0 + 1 }, (_, i) => sel.r0 + i);
      if (from && to.length > 0) onFillRight?.(rowsToFill, from, to);
    } else if (e.key === "Escape") {
      setAnchor(null);
    } else if (!mod && !e.altKey && e.key.length === 1) {
      // Typing over: the first character replaces the cell.
      e.preventDefault();
      setAnchor(null);
      startEditing(e.key);
    }
  };

  /** A cell's text as the planner edits and copies it: a number in the plan's style. */
  const cellText = (r: number, c: number) => {
    const text = COLUMNS[c].get(plan.lines[r]);
    return COLUMNS[c].kind === "dec" ? decimalInStyle(text, numberStyle) : text;
  };

  /** Whether the editor is open on cell (r, ci). */
  const editingAt = (r: number, ci: number) => editing !== null && active.row === r && active.col === ci;

  // The rows' events, acting on this render's state (rows drawn earlier keep the same ref).
  actions.current = {
    mouseDown: (r, ci, shift) => {
      if (editing !== null) {
        if (editingAt(r, ci)) return;
        // The value being typed goes to its own cell before the click moves the active cell
        // (the editor's blur came after the move, and wrote it into the cell clicked).
        commit(editing, undefined, false, false);
      }
      if (shift) setAnchor(anchor ?? active);
      else setAnchor(null);
      setActive({ row: r, col: ci });
    },
    doubleClick: (r, ci) => {
      // Inside the open editor (selecting a word): the typed text stays.
      if (editingAt(r, ci)) return;
      setEditing(cellText(r, ci));
    },
    remove: (r) => onLines(plan.lines.filter((_, i) => i !== r)),
    inputChange: (text) => setEditing(text),
    inputBlur: () => {
      if (editing !== null) commit(editing, undefined, false, false);
    },
    inputKeyDown: (e) => {
      if (editing === null) {
        e.stopPropagation();
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        commit(editing, e.key, e.shiftKey);
      } else if (e.key === "Escape") {
        e.preventDefault();
        closed.current = true;
        setEditing(null);
        box.current?.focus({ preventScroll: true });
      }
      e.stopPropagation();
    },
  };

  const rowError = (r: number): RowError | null => {
    const field = error ? errorLineField(error) : null;
    if (!error || field === null || errorLineIndex(error) !== r) return null;
    return { field, message: errorMessage(error) };
  };

  return (
    <div className="grid-wrap">
      <div
        ref={box}
        className={`line-grid${win.windowed ? " windowed" : ""}`}
        role="grid"
        aria-label="Plan lines"
        aria-rowcount={rows + 1}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onCopy={(e) => {
          if (editing !== null || rows === 0) return;
          const block: string[][] = [];
          for (let r = sel.r0; r <= sel.r1; r++) {
            const row: string[] = [];
            for (let c = sel.c0; c <= sel.c1; c++) row.push(cellText(r, c));
            block.push(row);
          }
          e.clipboardData.setData("text/plain", toTsv(block));
          e.preventDefault();
        }}
        onPaste={(e) => {
          if (editing !== null) return;
          const text = e.clipboardData.getData("text/plain");
          if (text.trim() === "" || !onPasteText) return;
          e.preventDefault();
          onPasteText(text, rows === 0 ? { row: 0, col: 0 } : active);
        }}
      >
        <table className={`data grid-table${reach ? " with-reach" : ""}`}>
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.key} style={{ width: c.width }} />
            ))}
            <col style={{ width: 104 }} />
            <col style={{ width: 104 }} />
            {reach && REACH_COLUMNS.map((c) => <col key={c.key} style={{ width: c.width }} />)}
            <col style={{ width: 36 }} />
          </colgroup>
          <thead>
            <tr role="row">
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" role="columnheader" className={c.kind === "dec" ? "num" : undefined}>
                  {c.label}
                </th>
              ))}
              <th scope="col" className="num computed" title="Computed by the core">
                Net media
              </th>
              <th scope="col" className="num computed" title="Computed by the core">
                Gross
              </th>
              {reach &&
                REACH_COLUMNS.map((c, i) => (
                  <th key={c.key} scope="col" className={`num computed${i === 0 ? " rf-first" : ""}`} title={c.title(n)}>
                    {c.label(n)}
                  </th>
                ))}
              <th aria-label="Remove" />
            </tr>
          </thead>
          <tbody>
            {win.padTop > 0 && <Spacer height={win.padTop} columns={allColumns} />}
            {win.rows.map((r) => {
              const line = plan.lines[r];
              const inSel = r >= sel.r0 && r <= sel.r1;
              return (
                <GridRow
                  key={`${line.id}-${r}`}
                  row={r}
                  line={line}
                  view={lineViews.get(line.id)}
                  activeCol={active.row === r ? active.col : -1}
                  selFrom={inSel ? sel.c0 : -1}
                  selTo={inSel ? sel.c1 : -1}
                  editing={active.row === r ? editing : null}
                  error={rowError(r)}
                  reach={reach}
                  numberStyle={numberStyle}
                  measure={win.measure}
                  actions={actions}
                  input={input}
                />
              );
            })}
            {win.padBottom > 0 && <Spacer height={win.padBottom} columns={allColumns} />}
          </tbody>
        </table>
        {rows === 0 && <p className="grid-empty">No lines yet. Paste a block from a spreadsheet here, or add a line.</p>}
      </div>
      {error && errorLineIndex(error, plan.lines) !== null && (
        <p className="field-error grid-error" role="alert">
          {errorOnLine(error, plan.lines)}
        </p>
      )}
      <div className="grid-actions">
        <button type="button" className="button" onClick={() => onLines([...plan.lines, newLine(plan)])}>
          + Add line
        </button>
        <span className="muted small">
          Arrows, Tab and Enter move · type to replace · Ctrl/⌘+C copies · Ctrl/⌘+V pastes rows from a spreadsheet (a header row
          maps columns by name) · Ctrl/⌘+D fills down · Ctrl/⌘+R fills right
        </span>
      </div>
    </div>
  );
}


/** A row's height in px (30px cells and a 1px rule), before the drawn rows are measured. */
const ROW_HEIGHT = 31;


/** Scroll the page, and the grid's box sideways, just enough that `cell` is wholly in sight:
 * below the app's sticky top bar, above the window's bottom edge, inside the box's width. The
 * box's own vertical scroll is the row window's (`reveal`). */
export function keepInWindow(cell: HTMLElement, box: HTMLElement) {
  const c = cell.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  // Sideways inside the box (Tab or arrows onto a column scrolled out of sight).
  if (c.left < b.left) box.scrollLeft -= b.left - c.left + 1;
  else if (c.right > b.left + box.clientWidth) box.scrollLeft += c.right - (b.left + box.clientWidth) + 1;
  const top = document.querySelector(".topbar")?.getBoundingClientRect().bottom ?? 0;
  const bottom = document.documentElement.clientHeight;
  const margin = 8;
  if (c.top < top) window.scrollBy(0, c.top - top - margin);
  else if (c.bottom > bottom) window.scrollBy(0, c.bottom - bottom + margin);
}

/** The grid shows reach and frequency once there is something to count them on: a universe on
 * the plan, or a line with reach (its own universe or the planner's estimate). */
export function showsReach(plan: Plan, view: PlanView): boolean {
  return plan.universe !== undefined || view.lines.some((l) => l.reach_pct !== null || l.grps !== null);
}
