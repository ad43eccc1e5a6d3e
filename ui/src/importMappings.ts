// Column mappings remembered per spreadsheet layout. An agency sends the same workbook every
// quarter: once the planner has told the import which column is the net media (or that "Status"
// is not a line field), the next file with the same header is read that way without asking.
//
// A layout is known by its sheet and its header row's texts as the import first found them (the
// "signature"), before any mapping; the mapping saved under it is the core's own `PlanMapping`
// as the planner set it (their columns, sheet, header row and currency) when they imported. Kept on this machine in
// localStorage under a versioned key, newest first, at most MAX_LAYOUTS layouts.

import type { ImportChoices, ImportPreview, ImportField, PlanMapping } from "./bindings";

export const MAPPINGS_KEY = "flightplan.plan-mappings.v1";
export const MAX_LAYOUTS = 40;

interface SavedLayout {
  signature: string;
  mapping: PlanMapping;
  /** When it was saved (ISO 8601), for the note that says a saved mapping was applied. */
  saved_at: string;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** The layout a spreadsheet preview read: its sheet and header texts (case and spacing aside).
 * Null for what has no columns (a JSON document, a sheet whose header was not found). */
export function layoutSignature(preview: ImportPreview): string | null {
  if (preview.columns.length === 0) return null;
  const headers = preview.columns.map((c) => c.header.trim().toLowerCase().replace(/\s+/g, " "));
  if (headers.every((h) => h === "")) return null;
  return JSON.stringify([preview.kind, preview.sheet ?? "", headers]);
}

function readAll(store: Storage | null): SavedLayout[] {
  try {
    const raw = store?.getItem(MAPPINGS_KEY);
    if (!raw) return [];
    const list: unknown = JSON.parse(raw);
    if (!Array.isArray(list)) return [];
    return list.filter(
      (x): x is SavedLayout =>
        typeof x === "object" && x !== null && typeof x.signature === "string" && typeof x.mapping === "object" && x.mapping !== null && typeof x.mapping.columns === "object",
    );
  } catch {
    return [];
  }
}

/** The mapping saved for a layout, with when it was saved; null when there is none. */
export function savedMapping(signature: string | null, store: Storage | null = storage()): { mapping: PlanMapping; savedAt: string } | null {
  if (!signature) return null;
  const hit = readAll(store).find((x) => x.signature === signature);
  return hit ? { mapping: hit.mapping, savedAt: hit.saved_at } : null;
}

/** Remember `mapping` for the layout (replacing what was saved for it). */
export function saveMapping(signature: string, mapping: PlanMapping, now: Date = new Date(), store: Storage | null = storage()): void {
  const rest = readAll(store).filter((x) => x.signature !== signature);
  const list = [{ signature, mapping, saved_at: now.toISOString() }, ...rest].slice(0, MAX_LAYOUTS);
  try {
    store?.setItem(MAPPINGS_KEY, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the import worked, the layout just is not remembered.
  }
}

/** Forget the mapping saved for a layout ("start from the guesses"). */
export function forgetMapping(signature: string, store: Storage | null = storage()): void {
  const rest = readAll(store).filter((x) => x.signature !== signature);
  try {
    store?.setItem(MAPPINGS_KEY, JSON.stringify(rest));
  } catch {
    // nothing to undo
  }
}

/** The choices after the planner changes the mapping. The mapping sent holds only what the
 * planner set (the core guesses the rest, and says which column is whose), built on the one last
 * sent so quick corrections add up while a preview is on its way. */
export function withMapping(choices: ImportChoices, change: Partial<PlanMapping>): ImportChoices {
  const base: PlanMapping = choices.mapping ?? { columns: {} };
  return { ...choices, mapping: { ...base, columns: { ...base.columns }, ...change } };
}

/** The choices after the planner sets one column's field ("ignore": not imported). */
export function withColumn(choices: ImportChoices, header: string, field: ImportField): ImportChoices {
  const next = withMapping(choices, {});
  next.mapping!.columns[header] = field;
  return next;
}

/** What to remember for the layout once the plan is imported: the planner's mapping with the
 * currency they chose; null when they set nothing (the guesses will be made again). */
export function mappingToSave(choices: ImportChoices): PlanMapping | null {
  if (!choices.mapping && !choices.currency) return null;
  const mapping: PlanMapping = { ...(choices.mapping ?? { columns: {} }) };
  if (choices.currency) mapping.currency = choices.currency;
  return mapping;
}
