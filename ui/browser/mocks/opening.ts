// The browser-test mock's answers for plan files the system opens (commands/opening.rs). A test
// stands in for the file manager with
//   page.evaluate(() => window.__openFile("Q2.flightplan", "filesImported"))
// which holds the file (a fixture scenario's plan, or a refusal when the scenario has an error)
// and emits the shell's "open-file" event; import_opened_file adds the scenario's plan.

import type { Handlers, MockContext } from "./context";
import { emit } from "@tauri-apps/api/event";

interface Held {
  pending: number;
  file: string;
  scenario: string;
  answered: boolean;
}

declare global {
  interface Window {
    __openFile: (file: string, scenario: string) => Promise<void>;
  }
}

const held: Held[] = [];
let context: MockContext | null = null;

function describe(h: Held) {
  const entry = context!.byName(h.scenario);
  const plan = entry.plan as Record<string, unknown>;
  const lines = Array.isArray(plan.lines) ? plan.lines.length : 0;
  return entry.error
    ? { pending: h.pending, file: h.file, name: null, client: null, start: null, end: null, lines: 0, error: entry.error }
    : { pending: h.pending, file: h.file, name: plan.name, client: plan.client, start: plan.start, end: plan.end, lines, error: null };
}

window.__openFile = async (file, scenario) => {
  const h = { pending: held.length, file, scenario, answered: false };
  held.push(h);
  await emit("open-file", describe(h));
};

export const handlers: Handlers = {
  opened_files: (_args, ctx) => {
    context = ctx;
    return held.filter((h) => !h.answered).map(describe);
  },
  import_opened_file: (args, ctx) => {
    const h = held.find((x) => x.pending === args.pending && !x.answered);
    if (!h) throw { code: "not_opened", message: "pending: no file is waiting under this number (it was already answered)", path: "pending" };
    h.answered = true;
    const entry = ctx.byName(h.scenario);
    if (entry.error) throw { ...(entry.error as object), message: `${h.file}: ${(entry.error as { message: string }).message}` };
    const id = Math.max(...ctx.plans.map((p) => p.id)) + 1;
    ctx.plans.push({ id, plan: entry.plan as Record<string, unknown>, view: entry.view, updated_at: "2026-11-21T12:45:00.000Z" });
    return id;
  },
  dismiss_opened_file: (args) => {
    const h = held.find((x) => x.pending === args.pending);
    if (h) h.answered = true;
    return null;
  },
};
