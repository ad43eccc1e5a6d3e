// The native menu's actions, routed to the screen on show. The desktop shell does not act on its
// menu items (src-tauri/src/menu.rs): it emits a "menu" event carrying the item's id, and the
// screen that owns the action runs the same code as its own button, so each action has one path.
//
// Screens subscribe to the ids they handle while they are mounted. When two subscribers handle
// one id (the app frame's fallback and the screen on show), the higher priority wins, then the
// most recent subscriber: the library's own import runs in the library, the frame's elsewhere.

import { useEffect, useRef } from "react";
import { listen } from "@tauri-apps/api/event";

export const MENU_ACTIONS = [
  "new_plan",
  "import_plan",
  "update_plan",
  "export_plan",
  "print",
  "export_pdf",
  "export_xlsx",
  "export_csv",
  "export_mediaplan",
  "library",
  "undo",
  "redo",
  "snapshot",
  "workshop",
  "about",
] as const;

export type MenuAction = (typeof MENU_ACTIONS)[number];

/** The Tauri event the shell emits (menu.rs `MENU_EVENT`). */
export const MENU_EVENT = "menu";

/** Subscribers registered by the app frame; screens use the default, which outranks it. */
export const FRAME = 0;
export const SCREEN = 1;

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === "string" && (MENU_ACTIONS as readonly string[]).includes(value);
}

interface Subscriber {
  action: MenuAction;
  run: () => void;
  priority: number;
  order: number;
}

/** The subscriptions, one bus per app (a module-level one is exported as `menu`). */
export class MenuBus {
  private subs: Subscriber[] = [];
  private next = 0;

  /** Handle `action` until the returned function is called. */
  on(action: MenuAction, run: () => void, priority = SCREEN): () => void {
    const sub = { action, run, priority, order: this.next++ };
    this.subs.push(sub);
    return () => {
      this.subs = this.subs.filter((s) => s !== sub);
    };
  }

  /** Run the action's handler; false when nothing on screen handles it (e.g. export in the library). */
  dispatch(action: unknown): boolean {
    if (!isMenuAction(action)) return false;
    let best: Subscriber | null = null;
    for (const s of this.subs) {
      if (s.action !== action) continue;
      if (!best || s.priority > best.priority || (s.priority === best.priority && s.order > best.order)) best = s;
    }
    if (!best) return false;
    best.run();
    return true;
  }
}

export const menu = new MenuBus();

/**
 * Handle a menu action while the component is mounted. The latest `run` is always called, so it
 * may close over fresh state without resubscribing on every render.
 */
export function useMenu(action: MenuAction, run: () => void, priority = SCREEN, bus: MenuBus = menu): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => bus.on(action, () => latest.current(), priority), [action, priority, bus]);
}

/**
 * Route the shell's "menu" events to the bus. Resolves to the function that stops listening.
 */
export async function listenToNativeMenu(bus: MenuBus = menu): Promise<() => void> {
  return listen<string>(MENU_EVENT, (e) => {
    bus.dispatch(e.payload);
  });
}
