// The core answers every edit with a whole new view: each line's figures arrive as new objects
// even where nothing changed. The long tables' rows compare what they show by value, so an edit
// re-renders the edited line's rows and the totals, not every row in view (React's render is most
// of an edit's time in the page, twice per edit: once for the edit, once for the core's answer).

import type { LineView, WeekRow } from "../types";

/** Two lists of strings (or numbers) with the same items in the same order. */
export function sameItems<T extends string | number | null>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A line's weeks on the grid: the same first week, nets, hiatus weeks and units. */
export function sameWeeks(a: WeekRow, b: WeekRow): boolean {
  return a === b || (a.from === b.from && sameItems(a.net, b.net) && sameItems(a.hiatus, b.hiatus) && sameItems(a.units, b.units));
}

/** The fields of a line's view that a row shows, compared by value (`weeks` with `sameWeeks`). */
export function sameLineView(a: LineView | undefined, b: LineView | undefined, fields: readonly (keyof LineView)[]): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  for (const f of fields) {
    if (f === "weeks" ? !sameWeeks(a.weeks, b.weeks) : a[f] !== b[f]) return false;
  }
  return true;
}

/** A memoised component's props unchanged: every prop the same object, except those given a
 * comparison of their own. A prop added later is compared by identity without being listed, so
 * a row can never keep showing a stale value. */
export function sameProps<P extends object>(compare: { [K in keyof P]?: (a: P[K], b: P[K]) => boolean }) {
  return (a: P, b: P): boolean => {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof P)[]);
    for (const k of keys) {
      const same = compare[k];
      if (same ? !same(a[k], b[k]) : a[k] !== b[k]) return false;
    }
    return true;
  };
}
