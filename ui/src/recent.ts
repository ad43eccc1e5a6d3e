// The plans opened most recently, so the library can offer them first: a planner works on two or
// three plans a week among dozens. Only ids are kept (in localStorage, per machine); what a card
// shows comes from the library's own list, so a renamed plan shows its new name and a deleted
// one simply drops out.

import type { PlanSummary } from "./types";

/** Versioned, so a later shape can ignore this one instead of misreading it. */
export const RECENT_KEY = "flightplan.recent-plans.v1";
export const RECENT_MAX = 5;

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage disabled: there is simply no recent list
  }
}

/** The ids, most recent first; an empty list when nothing (readable) is stored. */
export function recentIds(store: Storage | null = storage()): number[] {
  try {
    const raw = store?.getItem(RECENT_KEY);
    if (!raw) return [];
    const ids: unknown = JSON.parse(raw);
    if (!Array.isArray(ids)) return [];
    return ids.filter((id): id is number => Number.isInteger(id)).slice(0, RECENT_MAX);
  } catch {
    return [];
  }
}

/** Note that plan `id` was just opened: it moves to the front, the list keeps RECENT_MAX. */
export function rememberOpened(id: number, store: Storage | null = storage()): void {
  const ids = [id, ...recentIds(store).filter((x) => x !== id)].slice(0, RECENT_MAX);
  try {
    store?.setItem(RECENT_KEY, JSON.stringify(ids));
  } catch {
    // a full or disabled storage only costs the recent list
  }
}

/** The library's plans in recent order; ids no longer in the library (deleted) are skipped. */
export function recentPlans(plans: PlanSummary[], ids: number[]): PlanSummary[] {
  const byId = new Map(plans.map((p) => [p.id, p]));
  return ids.map((id) => byId.get(id)).filter((p): p is PlanSummary => p !== undefined);
}
