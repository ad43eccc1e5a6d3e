// Long tables (the line grid and the flowchart of a plan with hundreds of lines) draw only the rows
// in view. A 1,000-line plan drawn whole is some 60,000 cells, and every edit then lays all of them
// out again: half a second before the new figure shows. Windowed, an edit redraws the few dozen
// rows on screen. Plans of up to WINDOW_FROM lines are drawn whole, as before: the page scrolls
// them, prints them and finds them as it always did.

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useLayoutEffect, useRef, useState } from "react";

/** Tables longer than this draw only the rows in view, in their own scrolling box. */
export const WINDOW_FROM = 100;

export interface RowWindow<E extends HTMLElement> {
  /** The scrolling box (its class gets `windowed` when the table is windowed). */
  scrollRef: React.RefObject<E>;
  windowed: boolean;
  /** The row indices to draw, in order. */
  rows: number[];
  /** Heights of the empty rows above and below the drawn ones, standing in for the rest. */
  padTop: number;
  padBottom: number;
  /** Hand to each drawn row's `ref` (with `data-index`), so its real height is used. */
  measure: (el: Element | null) => void;
  /** Bring row `index` into view, clear of the sticky header (keyboard moves in the grid). */
  reveal: (index: number) => void;
}

const noMeasure = () => {};

/** `count` rows of about `rowHeight` px, each known by `keyOf(index)` (so a measured height stays
 * with its line when lines are reordered). */
export function useRowWindow<E extends HTMLElement>(count: number, rowHeight: number, keyOf: (index: number) => string): RowWindow<E> {
  const scrollRef = useRef<E>(null);
  const windowed = count > WINDOW_FROM;
  // The table's header sits in the scrolling box above the rows, and sticks to its top. Its
  // height is watched, not read on every render (a read there forces a layout on each edit).
  const [header, setHeader] = useState(0);
  useLayoutEffect(() => {
    const head = windowed ? scrollRef.current?.querySelector("thead") : null;
    if (!head) {
      setHeader(0);
      return;
    }
    const read = () => setHeader(head.getBoundingClientRect().height);
    read();
    if (typeof ResizeObserver === "undefined") return;
    const watch = new ResizeObserver(read);
    watch.observe(head);
    return () => watch.disconnect();
  }, [windowed]);
  // The virtualizer works out every row's place again whenever its key function changes: some
  // 6 ms for 1,000 rows, on each render of an edit. The function changes only with the keys.
  const keyRef = useRef(keyOf);
  keyRef.current = keyOf;
  const keys = windowed ? Array.from({ length: count }, (_, i) => keyOf(i)).join("\n") : "";
  const getItemKey = useCallback((i: number) => keyRef.current(i), [keys]); // eslint-disable-line react-hooks/exhaustive-deps
  const v = useVirtualizer({
    count: windowed ? count : 0,
    enabled: windowed,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey,
    overscan: 10,
    scrollMargin: header,
    scrollPaddingStart: header,
  });
  if (!windowed) {
    return { scrollRef, windowed, rows: Array.from({ length: count }, (_, i) => i), padTop: 0, padBottom: 0, measure: noMeasure, reveal: noMeasure };
  }
  const items = v.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    scrollRef,
    windowed,
    rows: items.map((i) => i.index),
    padTop: first ? first.start - header : 0,
    padBottom: last ? v.getTotalSize() - (last.end - header) : 0,
    measure: v.measureElement,
    reveal: (index) => {
      // A row already wholly in view needs no scroll. Every edit committed with Enter moves the
      // active row, and each scroll command starts the virtualizer's frame-by-frame check that
      // the scroll landed: work for nothing on most edits.
      const row = v.getVirtualItems().find((i) => i.index === index);
      const [top, height] = [v.scrollOffset, v.scrollRect?.height];
      if (row && top !== null && height !== undefined && row.start >= top + header - 1 && row.end <= top + height + 1) return;
      v.scrollToIndex(index, { align: "auto" });
    },
  };
}

/** The rows not drawn, as one empty row of their height spanning the table's `columns`, so the
 * scroll bar stays true. */
export function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="row-spacer" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}
