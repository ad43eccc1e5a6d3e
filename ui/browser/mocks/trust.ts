// The browser-test mock's answers for sign-off and the grid's paste (commands/approval.rs,
// commands/paste.rs), from the real core's trust fixtures (scripts/make-trust-fixtures.ts): the
// sample plan (library id 1) approved by Dana Whitfield, revised with one edit, and its changes;
// blocks pasted onto the blank plan under each date order. Anything else is refused by name.

import trust from "../../src/test/trust-fixtures.json";
import { canonical } from "../../src/test/canonical";
import type { Handlers, MockContext } from "./context";
import { ask, baseName } from "./dialogs";
import { ADDED_CHANNEL, COMMENT } from "../../src/test/trust";
import { handlers as planning } from "./planning";

type Doc = { id: number; plan: Record<string, unknown>; view: unknown };
const docs = trust.docs as unknown as Record<"approved" | "revised", Doc>;
const sampleKey = (ctx: MockContext) => canonical(ctx.byName("sample").plan);
const noFixture = (what: string) => ({ code: "mock_no_fixture", message: `the fixtures hold no ${what}` });

function paste(args: Record<string, unknown>) {
  const options = args.options as { dates: string };
  const hit = trust.pastes.find((p) => p.plan === canonical(args.plan) && p.text === args.text && p.dates === options.dates);
  if (!hit) throw noFixture(`paste of this block onto this plan read ${options.dates}`);
  return hit;
}

function store(ctx: MockContext, id: number, doc: Doc) {
  const p = ctx.find(id);
  p.plan = doc.plan;
  p.view = doc.view;
  return { id, plan: doc.plan, view: doc.view, view_id: ctx.numbered(id, doc.plan, doc.view) };
}

// The library's rate card: built in until a card is saved (`flightplan library rates`).
let rates: unknown = trust.rates.builtin;
let exports = 0;

/** Whether the entry sent is the fixtures' added channel (`flightplan library rates add`). */
const isAdded = (entry: Record<string, unknown>) => Object.entries(ADDED_CHANNEL).every(([k, v]) => entry[k] === v);

export const handlers: Handlers = {
  // The grid's Ctrl+R on the sample (`flightplan fill`): the fixtures' fill, or its refusal.
  fill_right: (args, ctx) => {
    const same = (f: { rows: number[]; from: string; to: string[] }) =>
      JSON.stringify([f.rows, f.from, f.to]) === JSON.stringify([args.rows, args.from, args.to]) && canonical(args.plan) === sampleKey(ctx);
    if (same(trust.fills.right)) return ctx.byName(trust.fills.right.plan).plan;
    if (same(trust.fills.refused)) throw trust.fills.refused.error;
    throw noFixture("fill right of these cells on this plan");
  },
  // A week's weight on the sample (the fixtures' hiatus week), else refused by name.
  set_week_weight: (args, ctx) => {
    const w = trust.weights;
    if (canonical(args.plan) === sampleKey(ctx) && args.line === w.line && args.week === w.week && args.weight === w.weight) return ctx.byName(w.plan).plan;
    throw noFixture(`weight ${String(args.weight)} for week ${String(args.week)} of line ${String(args.line)} on this plan`);
  },
  rate_card: () => rates,
  add_rate_card_entry: (args) => {
    const card = canonical(args.card);
    const entry = args.entry as Record<string, unknown>;
    if (card === canonical(trust.rates.builtin.card) && isAdded(entry)) return trust.rates.added.card;
    if (card === canonical(trust.rates.added.card) && isAdded(entry)) throw trust.rates.addedTwice;
    throw noFixture(`rate card entry ${String(entry.channel)} — ${String(entry.name)} added to this card`);
  },
  remove_rate_card_entry: (args) => {
    if (canonical(args.card) === canonical(trust.rates.added.card) && args.channel === ADDED_CHANNEL.channel && args.name === ADDED_CHANNEL.name) {
      return trust.rates.removed.card;
    }
    throw noFixture(`removal of ${String(args.channel)} — ${String(args.name)} from this card`);
  },
  // Stage 3 lists the saved card's channels: with the added channel once that card is saved.
  catalogue: (args, ctx) => {
    if (rates !== trust.rates.added) return planning.catalogue(args, ctx);
    const answer = (trust.rates.addedCatalogues as Record<string, unknown>)[typeof args.universe === "string" ? args.universe.trim() : ""];
    if (answer === undefined) throw noFixture(`catalogue of the added channel's card for the universe ${String(args.universe)}`);
    return answer;
  },
  save_rate_card: (args) => {
    const card = canonical(args.card);
    if (card === canonical(trust.rates.added.card)) return (rates = trust.rates.added);
    if (card === canonical(trust.rates.removed.card)) return (rates = trust.rates.removed);
    if (card === canonical(trust.rates.edited.card)) return (rates = trust.rates.edited);
    if (card === canonical(trust.rates.bad)) throw trust.rates.refused;
    throw noFixture("save of this rate card");
  },
  reset_rate_card: () => (rates = trust.rates.builtin),
  export_rate_card: () => {
    const path = ask({ kind: "save", title: "Export the rate card", fileName: "Rate card.json", filters: [{ name: "Flightplan rate card", extensions: ["json"] }] });
    return path === null ? null : { export: exports++, path: /\.json$/.test(path) ? path : `${path}.json`, warnings: [] };
  },
  import_rate_card: () => {
    const path = ask({ kind: "open", title: "Import a rate card", filters: [{ name: "Flightplan rate card", extensions: ["json"] }] });
    if (path === null) return null;
    if (baseName(path) !== "rates.json") throw noFixture(`rate card file ${baseName(path)}`);
    return (rates = trust.rates.edited);
  },
  plan_signoff: (args, ctx) => {
    const plan = ctx.find(args.id as number).plan;
    if (canonical(plan) === canonical(docs.approved.plan)) return trust.signoff.approved;
    if (canonical(plan) === canonical(docs.revised.plan)) return trust.signoff.revised;
    // Any other plan was never approved: its status's moves, as the core gives them.
    if (plan.status === "draft" || plan.status === undefined) return trust.signoff.draft;
    if (plan.status === "proposed") return trust.signoff.proposed;
    throw noFixture(`sign-off for a ${String(plan.status)} plan`);
  },
  set_plan_status: (args, ctx) => {
    const plan = ctx.find(args.id as number).plan;
    if (args.to === "approved" && canonical(plan) === sampleKey(ctx)) {
      if (!String(args.by ?? "").trim()) throw trust.errors.no_name;
      const by = (docs.approved.plan.approval as { by: string }).by;
      if (String(args.by).trim() !== by) throw noFixture(`approval by ${String(args.by)}`);
      return store(ctx, args.id as number, docs.approved);
    }
    throw noFixture(`move of this plan to ${String(args.to)}`);
  },
  start_revision: (args, ctx) => {
    const edited = ctx.scenarios.find((s) => s.name === "trust.approvedEdited")!;
    if (args.plan && canonical(args.plan) === edited.key) return store(ctx, args.id as number, docs.revised);
    throw noFixture("revision of this plan");
  },
  changes_since_approval: (args, ctx) => {
    const plan = ctx.find(args.id as number).plan;
    if (canonical(plan) === canonical(docs.revised.plan)) return trust.changes.revised;
    if (canonical(plan) === canonical(docs.approved.plan)) return trust.changes.none;
    if (canonical(plan) === sampleKey(ctx)) throw trust.errors.not_approved;
    throw noFixture("changes for this plan");
  },
  add_comment: (args, ctx) => {
    if (!String(args.author ?? "").trim()) throw trust.comments.no_author;
    const c = { line: args.line ?? null, author: args.author, text: args.text };
    const want = { line: COMMENT.line, author: COMMENT.author, text: COMMENT.text };
    if (canonical(args.plan) !== sampleKey(ctx) || canonical(c) !== canonical(want)) throw noFixture("answer to this comment");
    return ctx.byName("trust.commented").plan;
  },
  resolve_comment: (args, ctx) => {
    if (canonical(args.plan) !== ctx.byName("trust.commented").key || args.comment !== "c1" || args.resolved !== true) throw noFixture("answer to this resolve");
    return ctx.byName("trust.commentResolved").plan;
  },
  read_paste: (args) => paste(args).read,
  place_paste: (args, ctx) => {
    const hit = paste(args);
    if (hit.error) throw hit.error;
    if (args.at !== 0 || !hit.placed) throw noFixture(`placing this block at row ${String(args.at)}`);
    return ctx.byName(hit.placed).plan;
  },
};
