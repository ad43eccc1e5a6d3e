// Regenerates src/test/trust-fixtures.json: the real core's answers the browser-test mock gives
// for the everyday-trust features (issue 16), from the CLI:
//   pastes      `flightplan paste PLAN BLOCK --dates …` (the app's read_paste) and, where the block
//               has no problem, `--place ROW` (place_paste), each placed plan costed as a scenario;
//   signoff     the sample plan through a real library (`flightplan library … --now`): draft, proposed,
//               approved by Dana Whitfield, then revised with one edit; each step's `status`
//               (locked and moves), `show` (plan and view) and `versions`; `changes` since approval
//               (none right after approving, then the revision's), and the lock's refusal of the
//               edit on the approved plan (`library save`);
//   comments    `flightplan comment` on the sample's Meta line, then `--resolve c1` (costed as
//               scenarios), and the refusal of a comment without an author;
//   fills       `flightplan fill` (the grid's Ctrl+R) of the sample's retargeting start into its end,
//               and of its end into the KPI column, refused;
//   weights     the sample's retargeting line with a hiatus week (set_week_weight's answer), costed;
//   fit         `flightplan fit` of the sample from two known points, and one point refused;
//   rates       `flightplan library rates show` built in, after `rates set Meta Prospecting 11.25`,
//               and `rates import`'s refusal of a card with a negative rate; a channel added with
//               `rates add` (and refused a second time), the catalogue then listed (`flightplan
//               catalogue --library`), and the channel removed again (`rates remove`).
// Run after the core changes (part of `npm run fixtures`).

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Plan } from "../src/bindings";
import { cliError } from "./cli-errors";
import { canonical } from "../src/test/canonical";
import { blankPlan, PASTED_TSV } from "../src/test/scenarios";
import { ADDED_CHANNEL, APPROVER, COMMENT, EDITED_BUDGET, EDITED_LINE, HEADER_TSV, longPlan, longPlanEdited, NOW } from "../src/test/trust";

const root = resolve(import.meta.dirname, "../..");
const cli = process.env.FLIGHTPLAN_CLI ?? join(root, "target/debug/flightplan");
const work = mkdtempSync(join(tmpdir(), "fp-trust-"));
const run = (args: string[]) => {
  const r = spawnSync(cli, args, { encoding: "utf8" });
  return r.status === 0 ? { ok: JSON.parse(r.stdout) } : { err: cliError(r.stderr) };
};
const json = (args: string[]) => JSON.parse(execFileSync(cli, args, { encoding: "utf8" }));
const file = (name: string, content: string) => {
  const f = join(work, name);
  writeFileSync(f, content);
  return f;
};

type Scenario = { name: string; key: string; plan: unknown; view?: unknown; error?: unknown };
const scenarios: Scenario[] = [];
const cost = (name: string, plan: Plan) => {
  const r = run(["compute", file(`${name}.json`, JSON.stringify(plan)), "--as-written"]);
  scenarios.push({ name, key: canonical(plan), plan, ...(r.ok ? { view: r.ok } : { error: r.err }) });
};

// Paste: the grid-order block onto the blank plan (ISO dates, read in the browser tests' US
// locale), and a block with a header row in
// its own column order with US dates, read month first (placed) and day first (refused).
const DATES = { month_first: "mdy", day_first: "dmy", year_first: "ymd", unknown: "unknown" } as const;
type Paste = { name: string; plan: string; text: string; dates: keyof typeof DATES; read: unknown; placed?: string; error?: unknown };
const pastes: Paste[] = [];
const blank = blankPlan();
const blankFile = file("blank.json", JSON.stringify(blank));
for (const [name, text, dates] of [
  ["pasted", PASTED_TSV, "month_first"],
  ["pastedHeader", HEADER_TSV, "month_first"],
  ["pastedHeaderDayFirst", HEADER_TSV, "day_first"],
] as const) {
  const block = file(`${name}.tsv`, text);
  const read = json(["paste", blankFile, block, "--dates", DATES[dates]]);
  const entry: Paste = { name, plan: canonical(blank), text, dates, read };
  const placed = run(["paste", blankFile, block, "--dates", DATES[dates], "--place", "0"]);
  if (placed.ok) {
    cost(name, placed.ok as Plan);
    entry.placed = name;
  } else entry.error = placed.err;
  pastes.push(entry);
}

// Sign-off on the sample plan in a real library.
const lib = join(work, "library.sqlite3");
const L = (...args: string[]) => ["library", "--library", lib, "--now", NOW, ...args];
const sample = json(["demo"]) as Plan;
const id = String(json(L("import", file("sample.json", JSON.stringify(sample)))).id);
const status = (to: string, by = "") => json(L("status", id, "--to", to, "--by", by));
const approvedVersion = () => (json(L("versions", id)) as { kind: string }[]).find((v) => v.kind === "approved") ?? null;
const signoff = (s: { status: string; locked: boolean; moves: unknown }) => ({ status: s.status, locked: s.locked, moves: s.moves, approved_version: approvedVersion() });

const notApproved = run(L("changes", id)).err;
const noName = run(L("status", id, "--to", "approved", "--by", " ")).err;
const draft = signoff(status("draft"));
const proposed = signoff(status("proposed"));
const approvedSignoff = signoff(status("approved", APPROVER));
const approved = json(L("show", id));
const changesNone = json(L("changes", id));
const edit = (plan: Plan): Plan => ({ ...plan, lines: plan.lines.map((l) => (l.id === EDITED_LINE ? { ...l, budget: EDITED_BUDGET } : l)) });
const edited = edit(approved.plan);
scenarios.push({ name: "trust.approvedEdited", key: canonical(edited), plan: edited, error: run(L("save", id, file("edited.json", JSON.stringify(edited)))).err });
json(L("revise", id));
const revision = json(L("show", id)).plan as Plan;
json(L("save", id, file("revised.json", JSON.stringify(edit(revision)))));
const revised = json(L("show", id));
const revisedSignoff = signoff(status("draft"));
const changes = json(L("changes", id));

// A comment on the sample's line, then resolved (`flightplan comment`), each costed.
const sampleFile = file("sample-plain.json", JSON.stringify(sample));
const commented = json(["comment", sampleFile, "--author", COMMENT.author, "--text", COMMENT.text, "--line", COMMENT.line, "--at", COMMENT.at]) as Plan;
cost("trust.commented", commented);
const resolved = json(["comment", file("commented.json", JSON.stringify(commented)), "--resolve", "c1"]) as Plan;
cost("trust.commentResolved", resolved);
const noAuthor = run(["comment", sampleFile, "--author", "", "--text", COMMENT.text]).err;

// Fill right on the sample (`flightplan fill`, the grid's Ctrl+R): the retargeting line's start
// into its end (costed), and its end into the KPI column, refused.
const FILL_ROW = 3;
const filledRight = json(["fill", sampleFile, "--field", "start", "--into", "end", "--rows", String(FILL_ROW)]) as Plan;
cost("trust.filledRight", filledRight);
const fills = {
  right: { rows: [FILL_ROW], from: "start", to: ["end"], plan: "trust.filledRight" },
  refused: { rows: [FILL_ROW], from: "end", to: ["kpi"], error: run(["fill", sampleFile, "--field", "end", "--into", "kpi", "--rows", String(FILL_ROW)]).err },
};

// A hiatus in the third week of the sample's retargeting line: the plan the app's set_week_weight
// returns (the desktop command test checks these weights), costed by `flightplan compute`.
const WEIGHT = { line: 3, week: 2, weight: "0" };
const weighted = {
  ...sample,
  lines: sample.lines.map((l, i) => (i === WEIGHT.line ? { ...l, weights: ["1", "1", "0", "1", "1", "1", "1", "1", "1", "1", "1"] } : l)),
} as Plan;
cost("trust.weighted", weighted);
const weights = { ...WEIGHT, plan: "trust.weighted" };

// A long plan (drawn a window at a time) and the same with one rate far down changed.
const long = longPlan(sample);
cost("trust.long", long);
cost("trust.longEdited", longPlanEdited(long));

// A curve fitted from two known points on the sample (`flightplan fit`), and one point refused.
const fit = {
  two: json(["fit", sampleFile, "--point", "10000:400", "--point", "40000:1000"]),
  onePoint: run(["fit", sampleFile, "--point", "10000:400"]).err,
};

// The rate card in a fresh library: built in, Meta — Prospecting's default rate saved as 11.25,
// and a card the core refuses (a negative rate).
const ratesLib = join(work, "rates.sqlite3");
const R = (...args: string[]) => ["library", "--library", ratesLib, "--now", NOW, "rates", ...args];
const builtin = json(R("show"));
json(R("set", "Meta", "Prospecting", "11.25"));
const ratesEdited = json(R("show"));
const bad = structuredClone(builtin.card);
bad.channels[0].rate = "-1.20";
const refused = run(R("import", file("bad-rates.json", JSON.stringify(bad)))).err;

// A channel added to the built-in card in its own library (`rates add`), and the catalogue stage 3
// then lists (`catalogue --library`, without a universe and on the sample's); the same channel
// refused a second time; then removed again (`rates remove`).
const addLib = join(work, "rates-add.sqlite3");
const A = (...args: string[]) => ["library", "--library", addLib, "--now", NOW, "rates", ...args];
const addArgs = Object.entries(ADDED_CHANNEL).flatMap(([k, v]) => [`--${k === "name" ? "name" : k}`, v]);
const added = json(A("add", ...addArgs));
const catalogueWith = (lib: string) =>
  Object.fromEntries(["", String(sample.universe ?? "")].filter((u, i, all) => all.indexOf(u) === i).map((u) => [u, json(["catalogue", "--library", lib, ...(u ? ["--universe", u] : [])])]));
const addedCatalogues = catalogueWith(addLib);
const addedTwice = run(A("add", ...addArgs)).err;
const removed = json(A("remove", ADDED_CHANNEL.channel, ADDED_CHANNEL.name));

writeFileSync(
  resolve(import.meta.dirname, "../src/test/trust-fixtures.json"),
  JSON.stringify(
    {
      generated_by: "ui/scripts/make-trust-fixtures.ts from `flightplan paste`, `flightplan fill`, `flightplan comment`, `flightplan fit`, `flightplan library status|show|versions|revise|save|changes|rates`, `flightplan catalogue` and `flightplan compute`",
      pastes,
      signoff: { draft, proposed, approved: approvedSignoff, revised: revisedSignoff },
      docs: { approved, revised },
      changes: { none: changesNone, revised: changes },
      errors: { not_approved: notApproved, no_name: noName },
      rates: { builtin, edited: ratesEdited, bad, refused, added, addedCatalogues, addedTwice, removed },
      comments: { no_author: noAuthor },
      fills,
      weights,
      fit,
      scenarios,
    },
    null,
    1,
  ) + "\n",
);
console.log(pastes.map((p) => `${p.name}: ${p.placed ? "placed" : `refused ${JSON.stringify(p.error)}`}`).concat(scenarios.map((s) => `${s.name}: ${s.view ? "view" : "error"}`)).join("\n"));
