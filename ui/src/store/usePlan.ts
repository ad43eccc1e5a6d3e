// The plan store: the one place a plan changes. Every edit makes a new plan document, which goes
// to the core (save_plan) to be checked, costed and saved; the view the core returns is what the
// screen shows. A refused edit stays in the form with the core's error beside its field, and the
// last good view stays on screen until the planner fixes it. Undo and redo step through whole
// documents, each one saved again, so the library always holds what the planner sees. Saves go
// one at a time, in order: two on their way at once could reach the library in either order.

import { useCallback, useEffect, useRef, useState } from "react";
import { api, CommandError, toCommandError } from "../api";
import type { NumberStyle, Plan } from "../bindings";
import type { PlanView } from "../types";
import { History } from "./history";
import { viewFromAnswer, type HeldView } from "./heldView";
import { sameDocument } from "./sameDocument";

export type SaveState = "saved" | "saving" | "refused";

export interface PlanStore {
  id: number;
  plan: Plan;
  /** The last view the core returned for a plan it accepted. */
  view: PlanView;
  /** Why the current plan was refused, if it was: shown next to the field in `path`. */
  error: CommandError | null;
  save: SaveState;
  canUndo: boolean;
  canRedo: boolean;
  edit: (change: (plan: Plan) => Plan) => void;
  undo: () => void;
  redo: () => void;
}

interface Loaded {
  plan: Plan;
  view: PlanView;
  error: CommandError | null;
  save: SaveState;
}

/** Open plan `id` and keep it in step with the core. `first.viewId` is the shell's number for
 * `first.view` (none: the first save gets the whole view). */
export function usePlan(id: number, first: { plan: Plan; view: PlanView; viewId?: number }): PlanStore {
  const history = useRef(new History<Plan>(frozen(first.plan)));
  const [state, setState] = useState<Loaded>({ plan: first.plan, view: first.view, error: null, save: "saved" });
  // The view the core last answered with, and its plan: the next save is sent as its changes to
  // that plan, and answered with only the lines whose figures changed.
  const held = useRef<(HeldView & { plan: Plan }) | null>(
    first.viewId === undefined ? null : { id: first.viewId, view: first.view, plan: first.plan },
  );
  // One save at a time, in order, so the library always ends with the latest plan: an edit made
  // while one is on its way waits, and only the newest waiting plan is sent after it.
  const sending = useRef(false);
  const waiting = useRef<Plan | null>(null);

  const send = useCallback(
    (plan: Plan) => {
      sending.current = true;
      const before = held.current;
      api
        .savePlan(id, plan, before ? { viewId: before.id, plan: before.plan } : undefined)
        .then((answer) => {
          held.current = { ...viewFromAnswer(answer, before), plan };
          return null;
        })
        .catch(toCommandError)
        .then((error) => {
          sending.current = false;
          const next = waiting.current;
          waiting.current = null;
          if (next) {
            // A newer plan supersedes this one (and its error): show the figures saved so far.
            const shown = held.current;
            if (!error && shown) setState((s) => ({ ...s, view: shown.view }));
            send(next);
          } else if (error) {
            setState((s) => ({ ...s, plan, error, save: "refused" }));
          } else if (held.current) {
            setState({ plan, view: held.current.view, error: null, save: "saved" });
          }
        });
    },
    [id],
  );

  const persist = useCallback(
    (plan: Plan) => {
      setState((s) => ({ ...s, plan, save: "saving" }));
      if (sending.current) waiting.current = plan;
      else send(plan);
    },
    [send],
  );

  const edit = useCallback(
    (change: (plan: Plan) => Plan) => {
      const next = frozen(change(history.current.current));
      if (sameDocument(next, history.current.current)) return;
      persist(history.current.push(next));
    },
    [persist],
  );
  const undo = useCallback(() => {
    const p = history.current.undo();
    if (p) persist(p);
  }, [persist]);
  const redo = useCallback(() => {
    const p = history.current.redo();
    if (p) persist(p);
  }, [persist]);

  // Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (and Ctrl+Y). A field being typed in keeps the native undo
  // of its own text until its edit is committed.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key !== "z" && key !== "y") return;
      const t = e.target as HTMLElement | null;
      if (t && t.dataset && t.dataset.dirty === "true") return;
      e.preventDefault();
      if (key === "y" || e.shiftKey) redo();
      else undo();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undo, redo]);

  const h = history.current;
  return { id, ...state, canUndo: h.canUndo, canRedo: h.canRedo, edit, undo, redo };
}

/** `value`, frozen with everything in it not frozen yet. A save sends only the lines that are not
 * the held plan's own objects, so a change made in place would never reach the library: plans
 * are frozen as they enter the store, and such a change fails where it is made. */
export function frozen<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}

/** Set or clear an optional field: an empty value removes it from the document. */
export function setOpt<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined | ""): T {
  const next = { ...obj };
  if (value === undefined || value === "") delete next[key];
  else next[key] = value as T[K];
  return next;
}

/** Text as typed in a number field, tidied for the core in the plan's number style: spaces,
 * currency signs and digit grouping removed, and the style's decimal comma made a point
 * ("$1,200.50" → "1200.50"; in the 1.234,56 style "2.400,50" → "2400.50" and "2.400" → "2400",
 * never 2.4). No arithmetic: the core checks the number, and refuses what is left unclear. */
export function cleanDecimal(text: string, style: NumberStyle = "1,234.56"): string {
  const bare = text.trim().replace(/[\s\u00a0\u202f$€£¥₹%]/g, "");
  switch (style) {
    case "1.234,56":
      return bare.replace(/\.(?=\d{3}(\D|$))/g, "").replace(",", ".");
    case "1 234,56":
      return bare.replace(",", ".");
    case "1,23,456.78":
      // Lakhs and crores: the commas of a well-grouped whole part go (12,34,567.89).
      return /^-?\d{1,2}(,\d{2})*,\d{3}(\.\d*)?$/.test(bare) ? bare.replace(/,/g, "") : bare.replace(/,(?=\d{3}(\D|$))/g, "");
    default:
      return bare.replace(/,(?=\d{3}(\D|$))/g, "");
  }
}
