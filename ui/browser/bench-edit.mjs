// Bench (not a test): the UI's own share of an edit on a large plan. Stage 4 of a 200- and a
// 1,000-line plan in Chromium, a rate typed into the grid and committed with Enter, timed from the
// Enter to the frame that shows the new total. The IPC answers at once with the real core's view
// (`flightplan compute`, worked out beforehand), so what is timed is the page alone: the plan
// store, React and the browser's layout and paint. The desktop app's whole edit, with the core
// and the library, is bench/app-measure.sh's.
//   npm run bench:edit           (from ui/; needs target/debug/flightplan)
//   BENCH_PROFILE=1 …            also prints where the 1,000-line edit's time goes (unminified)

import { test } from "node:test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { useBrowser } from "./harness.mjs";
import { benchPlan } from "../../bench/plans.mjs";
import { keptLines } from "./keptLines.mjs";

const cli = process.env.FLIGHTPLAN_CLI ?? resolve(import.meta.dirname, "../../target/debug/flightplan");
const work = mkdtempSync(join(tmpdir(), "fp-bench-edit-"));
const sample = JSON.parse(execFileSync(cli, ["demo"], { encoding: "utf8" }));
const compute = (plan, name) => {
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(plan));
  return JSON.parse(execFileSync(cli, ["compute", file, "--as-written"], { encoding: "utf8", maxBuffer: 64 << 20 }));
};
/** The plan, and the core's view of it with line 1's rate at "9" and at "1.2" (the edits made),
 * with the answers to each edit from each view the screen can hold, worked out beforehand. */
function benchData(size) {
  const plan = benchPlan(sample, size);
  const withRate = (rate) => ({ ...plan, lines: plan.lines.map((l, i) => (i === 0 ? { ...l, rate } : l)) });
  const view = compute(plan, `p${size}`);
  const views = [compute(withRate("9"), `p${size}a`), compute(withRate("1.2"), `p${size}b`)];
  const answers = { open: views.map((v) => keptLines(view, v)), 0: views.map((v) => keptLines(views[0], v)), 1: views.map((v) => keptLines(views[1], v)) };
  return { plan, view, views, answers };
}

const b = useBrowser();

/** Open the bench plan at stage 4, its IPC answered from `data`. */
async function openAtStage4(data) {
  await b.page.goto(b.base);
  await b.page.locator("table.library-table tbody tr").first().waitFor();
  await b.page.evaluate((data) => {
    const mocked = window.__TAURI_INTERNALS__.invoke;
    // The view the screen holds: its number, and which of the bench's views it is.
    let lastId = 1;
    let held = "open";
    window.__TAURI_INTERNALS__.invoke = (cmd, args, opts) => {
      if (cmd === "open_plan") return Promise.resolve({ id: args.id, plan: data.plan, view: data.view, view_id: (lastId = 1) });
      // The plan store sends the plan as text after a line with its id and the view it holds.
      if (cmd === "save_plan") {
        const text = new TextDecoder().decode(args);
        const named = Number(text.slice(0, text.indexOf("\n")).split(" ")[1]);
        const to = text.includes('"rate":"9"') ? 0 : 1;
        const from = named === lastId ? held : null;
        held = to;
        lastId += 1;
        if (from === null) return Promise.resolve({ view_id: lastId, view: data.views[to], kept: null });
        const { kept, view } = data.answers[from][to];
        return Promise.resolve({ view_id: lastId, view, kept: { from: named, lines: kept } });
      }
      return mocked(cmd, args, opts);
    };
  }, data);
  const t = Date.now();
  await b.page.locator("table.library-table tbody tr .plan-name").first().click();
  await b.page.locator('button[data-stage="4"]').click();
  await b.page.locator('td[data-row="0"][data-col="3"]').waitFor();
  return Date.now() - t;
}

/** Type `rate` into line 1's rate and commit it; resolves to [ms until the new total is in the
 * page, ms until the frame after it]. */
async function edit(rate, gross) {
  await b.page.locator('td[data-row="0"][data-col="3"]').click();
  await b.page.keyboard.press("Enter");
  await b.page.keyboard.press("Control+A");
  await b.page.keyboard.type(rate);
  return b.page.evaluate(async (gross) => {
    const el = document.querySelector("input.cell-input");
    const shown = gross.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    const total = () => document.querySelector(".totals-panel")?.textContent ?? "";
    const t0 = performance.now();
    el.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    while (!total().includes(shown)) await new Promise((r) => setTimeout(r, 0));
    const t1 = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return [t1 - t0, performance.now() - t0];
  }, gross);
}

for (const size of [200, 1000]) {
  test(`edit a rate on a ${size}-line plan`, async () => {
    const data = benchData(size);
    const open = await openAtStage4(data);
    const times = [];
    for (let i = 0; i < 9; i++) times.push(await edit(i % 2 === 0 ? "9" : "1.2", data.views[i % 2].totals.gross));
    times.sort((x, y) => x[1] - y[1]);
    console.log(`${size} lines: opened at stage 4 in ${open} ms; edit → new total in the page ${times[4][0].toFixed(1)} ms, → painted ${times[4][1].toFixed(1)} ms (median of 9)`);
  });
}

if (process.env.BENCH_PROFILE) {
  test("where the 1,000-line edit's time goes (self time, Chrome's sampling profiler)", async () => {
    const data = benchData(1000);
    await openAtStage4(data);
    const cdp = await b.page.context().newCDPSession(b.page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
    for (let i = 0; i < 4; i++) await edit(i % 2 === 0 ? "9" : "1.2", data.views[i % 2].totals.gross);
    const { profile } = await cdp.send("Profiler.stop");
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    profile.samples.forEach((id, i) => {
      const f = byId.get(id).callFrame;
      const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    for (const [key, us] of [...self].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
  });
}
