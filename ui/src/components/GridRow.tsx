// One line of the grid. A row is drawn again only when what it shows changes: its line, its
// figures from the core (compared by value, since the core's answer to an edit brings every line's
// view as a new object), the active cell or selection on it, or the editor open in it. An edit then
// re-renders the edited row, not the forty in view, once for the edit and once for the core's
// answer. The row's events go to the grid through `actions`, a ref the grid refreshes on each
// render, so a row drawn earlier still acts on the grid's current state.

import { memo, type KeyboardEvent, type RefObject } from "react";
import type { Line } from "../bindings";
import type { LineView, NumberStyle } from "../types";
import { groupDigits, num } from "../format";
import { COLUMNS, REACH_COLUMNS, ROW_FIGURES } from "./grid";
import { sameLineView, sameProps } from "./unchanged";

/** What the grid does for a row's events. */
export interface RowActions {
  mouseDown: (row: number, col: number, shift: boolean) => void;
  doubleClick: (row: number, col: number) => void;
  remove: (row: number) => void;
  inputChange: (text: string) => void;
  inputBlur: () => void;
  inputKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
}

/** The field a refused value names on this row, and the core's message. */
export interface RowError {
  field: string;
  message: string;
}

export interface GridRowProps {
  row: number;
  line: Line;
  view: LineView | undefined;
  /** The active cell's column when it is on this row, else -1. */
  activeCol: number;
  /** The selected columns on this row (first and last), or -1 and -1. */
  selFrom: number;
  selTo: number;
  /** The active cell's editor text, when it is open on this row. */
  editing: string | null;
  error: RowError | null;
  reach: boolean;
  numberStyle?: NumberStyle;
  measure: (el: Element | null) => void;
  actions: RefObject<RowActions>;
  input: RefObject<HTMLInputElement>;
}

/** An error names a field; what the row shows of it is its field and message. */
const sameError = (a: RowError | null, b: RowError | null) => a?.field === b?.field && a?.message === b?.message;

export const GridRow = memo(
  GridRowDrawn,
  sameProps<GridRowProps>({ error: sameError, view: (a, b) => sameLineView(a, b, ROW_FIGURES) }),
);

function GridRowDrawn({ row: r, line, view: lv, activeCol, selFrom, selTo, editing, error: err, reach, numberStyle, measure, actions, input }: GridRowProps) {
  return (
    <tr role="row" aria-rowindex={r + 2} data-index={r} ref={measure} className={err ? "row-error" : undefined}>
      {COLUMNS.map((c, ci) => {
        const isActive = activeCol === ci;
        const inSel = ci >= selFrom && ci <= selTo;
        const bad = err && (err.field === c.field || err.field.startsWith(`${c.field}.`) || err.field.startsWith(`${c.field}[`));
        const cls = ["cell", c.kind === "dec" ? "num" : "", isActive ? "active" : "", inSel && !isActive ? "selected" : "", bad ? "cell-error" : ""]
          .filter(Boolean)
          .join(" ");
        return (
          <td
            key={c.key}
            role="gridcell"
            className={cls}
            data-row={r}
            data-col={ci}
            aria-selected={isActive}
            title={bad ? err?.message : undefined}
            onMouseDown={(e) => actions.current?.mouseDown(r, ci, e.shiftKey)}
            onDoubleClick={() => actions.current?.doubleClick(r, ci)}
          >
            {isActive && editing !== null ? (
              <input
                ref={input}
                // Focused as it mounts: its row may be drawn only after the editor opens.
                autoFocus
                className={`cell-input${c.kind === "dec" ? " num" : ""}`}
                value={editing}
                data-dirty="true"
                aria-label={`${c.label}, line ${r + 1}`}
                onChange={(e) => actions.current?.inputChange(e.target.value)}
                onBlur={() => actions.current?.inputBlur()}
                onKeyDown={(e) => actions.current?.inputKeyDown(e)}
              />
            ) : c.kind === "dec" ? (
              groupDigits(c.get(line), numberStyle)
            ) : (
              c.get(line)
            )}
          </td>
        );
      })}
      <td className="num computed">{lv ? num(lv.net, numberStyle) : "—"}</td>
      <td className="num computed">{lv ? num(lv.gross, numberStyle) : "—"}</td>
      {reach &&
        REACH_COLUMNS.map((c, i) => (
          <td key={c.key} className={`num computed${i === 0 ? " rf-first" : ""}`} data-rf={c.key}>
            {c.show(lv?.[c.field], numberStyle)}
          </td>
        ))}
      <td>
        <button type="button" className="icon-button" aria-label={`Remove ${line.name}`} title="Remove line" onClick={() => actions.current?.remove(r)}>
          ×
        </button>
      </td>
    </tr>
  );
}
