// Browser tests for reach-led planning on the road-safety brief (tests/fixtures/road-safety.json:
// $8M over 21 days, men 18–34, TV and radio, NBD k 0.5, "reach 25% at 8+"): the goal and its N
// and the reach model (stage 1), the universe explained and a line's own audience (stage 2), the
// core's catalogue with its traditional media (stage 3), R&F per line, a line's units, weekly
// units on the flowchart, and reach against the goal in the totals and workshop mode (stage 4).
// Every figure comes from the real core's fixtures (src/test/reach-fixtures.json); every edit
// must save through the mock as the exact plan in src/test/scenarios/reach.ts.
// Run: cd ui && node --test browser/reach.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { usd, useBrowser } from "./harness.mjs";

const b = useBrowser();
const reach = JSON.parse(readFileSync(join(import.meta.dirname, "../src/test/reach-fixtures.json"), "utf8"));
const scenario = (n) => {
  const s = reach.scenarios.find((x) => x.name === n);
  if (!s) throw new Error(`no reach fixture "${n}": add it to src/test/scenarios/reach.ts and run npm run fixtures`);
  return s;
};
const base = scenario("reach.roadSafety");

/** The plan as a lookup key, keys sorted (as src/test/canonical.ts). */
const canonical = (v) => JSON.stringify(sortKeys(v));
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .filter((k) => v[k] !== undefined)
        .map((k) => [k, sortKeys(v[k])]),
    );
  }
  return v;
}

/** Open the road-safety plan (in the mock's library with ?reach) at stage `n`. */
async function open(n) {
  await b.page.setViewportSize({ width: 1600, height: 1000 });
  await b.page.goto(`${b.base}?reach`);
  await b.page.locator("table.library-table tbody tr", { hasText: "Buckle Up" }).first().click();
  await b.page.locator(".stage-rail").waitFor();
  await b.page.locator(`.stage[data-stage="${n}"]`).click();
}
/** Type into the field for `path` and press Enter: one edit, saved through the core. */
async function commit(path, value) {
  const input = b.page.locator(`input[data-path="${path}"]`);
  await input.fill(value);
  await input.press("Enter");
}
/** The plan the last save sent, once it is saved (or refused). */
async function lastSaved(state = "All changes saved") {
  await b.page.getByTestId("save-state").filter({ hasText: state }).waitFor();
  const saves = (await b.calls()).filter((c) => c.cmd === "save_plan");
  assert.ok(saves.length > 0, "the edit was saved through the core");
  return saves[saves.length - 1].args.plan;
}
const toTop = (selector) => b.page.locator(selector).first().evaluate((e) => window.scrollBy(0, e.getBoundingClientRect().top - 56));

test("stage 1: reach 25% at 8+ of men 18–34 is met; at 10+ it is short by the core's gap with the spend that closes it", async () => {
  await open(1);
  const goal = base.view.totals.reach_goal;
  assert.deepEqual([goal.target_pct, goal.frequency, goal.reach_pct, goal.met], ["25", 8, "33.95", true]);
  assert.equal(await b.page.locator('select[data-path="goal.kpi"]').inputValue(), "effective_reach");
  assert.equal(await b.page.locator('input[data-path="goal.target"]').inputValue(), "25");
  assert.equal(await b.page.locator('input[data-path="effective_frequency"]').inputValue(), "8");
  const status = b.page.getByTestId("reach-goal");
  assert.equal(await status.getAttribute("data-state"), "met");
  assert.match(await status.innerText(), /Reach 25% at 8\+ of Men 18–34/);
  assert.match(await status.innerText(), /reaches 33\.95% of Men 18–34 8 or more times/);
  await b.shot("reach-stage-1");

  await commit("effective_frequency", "10");
  assert.equal(canonical(await lastSaved()), scenario("reach.atTen").key);
  const short = scenario("reach.atTen").view.totals.reach_goal;
  await b.page.getByTestId("reach-goal-badge").filter({ hasText: `Short by ${short.gap_pct} points` }).waitFor();
  assert.equal(await status.getAttribute("data-state"), "short");
  assert.equal(short.extra_spend, "157291.66");
  assert.match(await b.page.getByTestId("reach-goal-extra").innerText(), new RegExp(`^${usd(short.extra_spend).replace(/[$.]/g, "\\$&")} more net media`));
  await b.page.keyboard.press("Control+z");
  await b.page.getByTestId("reach-goal-badge").filter({ hasText: "Met" }).waitFor();
});

test("stage 1: the reach models are the core's, explained; NBD shows its k and Poisson is chosen with a click", async () => {
  await open(1);
  const models = reach.catalogues["37500000"].reach_models;
  const cards = b.page.locator(".model-choice");
  await cards.nth(models.length).waitFor();
  for (const m of models) {
    const text = await b.page.locator(`.model-choice[data-model="${m.model.kind}"]`).innerText();
    assert.ok(text.includes(m.label) && text.includes(m.explanation), m.label);
  }
  const nbd = b.page.locator('.model-choice[data-model="nbd"]');
  assert.match(await nbd.getAttribute("class"), /\bon\b/);
  assert.equal(await nbd.locator('input[data-path="reach_model.k"]').inputValue(), "0.5");
  await toTop(".reach-model-panel");
  await b.shot("reach-stage-1-models");
  await b.page.locator('.model-choice[data-model="poisson"] input[type="radio"]').check();
  assert.equal(canonical(await lastSaved()), scenario("reach.poisson").key);
  await b.page.locator('.model-choice.on[data-model="poisson"]').waitFor();
  assert.equal(await b.page.locator('input[data-path="reach_model.k"]').count(), 0);
});

test("stage 2: the universe is explained, each line shows the universe its points are counted on, and an on-target share saves", async () => {
  await open(2);
  assert.equal(await b.page.locator('input[data-path="target_audience"]').inputValue(), "Men 18–34");
  assert.equal(await b.page.locator('input[data-path="universe"]').inputValue(), "37500000");
  assert.match(await b.page.locator(".universe-explained").innerText(), /from your measurement source/);
  const counted = await b.page.getByTestId("line-universe").allTextContents();
  assert.deepEqual(counted, base.view.lines.map((l) => Number(l.universe).toLocaleString("en-US")));
  assert.deepEqual(counted, ["37,500,000", "37,500,000", "37,500,000", "15,000,000"]);
  assert.equal(await b.page.locator('input[data-path="lines[3].universe"]').inputValue(), "15000000");
  await b.shot("reach-stage-2");
  await commit("lines[2].target_pct", "80");
  assert.equal(canonical(await lastSaved()), scenario("reach.radioOnTarget").key);
});

test("stage 3: the catalogue is the core's, priced on the plan's universe, and billboards come with their faces", async () => {
  await open(3);
  const table = b.page.locator("table.catalogue");
  await table.waitFor();
  const asked = (await b.calls()).filter((c) => c.cmd === "catalogue").map((c) => c.args.universe);
  assert.ok(asked.includes("37500000"), JSON.stringify(asked));
  const channels = reach.catalogues["37500000"].channels;
  assert.equal(await table.locator("tbody tr[data-medium]").count(), channels.length);
  for (const m of ["tv", "radio", "ooh", "print", "cinema"]) assert.ok((await table.locator(`tr[data-medium="${m}"]`).count()) > 0, m);
  const tv = channels.find((e) => e.medium === "tv" && e.pricing === "cpp");
  assert.equal(tv.rate, "11250.00");
  assert.equal(await table.getByLabel(`Default rate for ${tv.channel} ${tv.name}`).inputValue(), tv.rate);
  await toTop("table.catalogue");
  await b.shot("reach-stage-3-catalogue");

  await table.getByRole("button", { name: "Add Out of home Billboards — per face per week" }).click();
  assert.equal(canonical(await lastSaved()), scenario("reach.billboards").key);
  const row = b.page.locator("table.split-table tbody tr", { hasText: "Billboards" });
  assert.equal(await row.getByLabel("Faces for Billboards — per face per week").inputValue(), "20");
  const net = scenario("reach.billboards").view.lines[4].net;
  assert.equal(net, "150000.00");
  await row.locator("td.strong", { hasText: "150,000.00" }).waitFor();
});

test("stage 4: R&F per line from the core, a TV line's spots and dayparts, weekly spots, and reach against the goal", async () => {
  await open(4);
  const rows = b.page.locator(".grid-table tbody tr");
  await rows.first().waitFor();
  for (const [i, lv] of base.view.lines.entries()) {
    const cells = await Promise.all(["grps", "trps", "reach", "frequency", "effective"].map((k) => rows.nth(i).locator(`td[data-rf="${k}"]`).textContent()));
    assert.deepEqual(cells, [lv.grps, lv.trps, `${lv.reach_pct}%`, lv.frequency, `${lv.effective_reach_pct}%`], lv.id);
  }
  // The grid fits a 1600-wide window with its reach columns.
  const fits = await b.page.locator(".line-grid").evaluate((g) => g.scrollWidth <= g.clientWidth);
  assert.ok(fits, "no horizontal scroll at 1600 wide");
  await b.shot("reach-stage-4");

  // The line detail (line 1, network TV): its spots and dayparts; the core schedules them by week.
  assert.equal(await b.page.locator('input[data-path="lines[0].spots"]').inputValue(), "96");
  assert.equal(await b.page.getByTestId("line-booked").textContent(), " · books 96 spots over the flight");
  await toTop(".line-detail");
  await b.shot("reach-stage-4-detail");

  // A daypart share that breaks the sum is refused by the core, in its words under the dayparts.
  await commit("lines[0].dayparts[0].share", "60");
  assert.equal(canonical(await lastSaved("Not saved")), scenario("reach.primeSixty").key);
  const refusal = scenario("reach.primeSixty").error;
  assert.equal(refusal.path, "lines[0].dayparts");
  assert.equal(await b.page.locator(".dayparts .field-error").textContent(), "The daypart shares add up to 110%, not 100%");
  await b.page.keyboard.press("Control+z");
  assert.equal(canonical(await lastSaved()), base.key);

  await commit("lines[0].spots", "120");
  assert.equal(canonical(await lastSaved()), scenario("reach.tvSpots").key);
  await b.page.getByTestId("line-booked").filter({ hasText: "120 spots" }).waitFor();
  const weekly = scenario("reach.tvSpots").view.lines[0].weeks.units.map((n) => `${n} spots`);
  const tvRow = b.page.locator(".stage-body table.flowchart tbody tr", { hasText: "Network prime and sports" });
  assert.deepEqual(await tvRow.getByTestId("week-units").allTextContents(), weekly);
  assert.deepEqual(weekly, ["40 spots", "40 spots", "40 spots"]);

  // Totals: reach, frequency, reach at 8+, GRPs and TRPs beside the money, and the goal met.
  const t = scenario("reach.tvSpots").view.totals;
  const panel = b.page.getByLabel("Reach and frequency totals");
  for (const [k, v] of [["reach", `${t.reach_pct}%`], ["frequency", t.frequency], ["effective", `${t.effective_reach_pct}%`], ["grps", t.grps], ["trps", t.trps]]) {
    assert.equal(await panel.locator(`[data-rf="${k}"] dd`).textContent(), v, k);
  }
  assert.equal(await panel.getByTestId("reach-goal").getAttribute("data-state"), t.reach_goal.met ? "met" : "short");
  await toTop(".reach-panel");
  await b.shot("reach-stage-4-totals");
});

test("workshop mode puts reach, frequency, reach at N+, GRPs and TRPs against the goal on the wall", async () => {
  await open(4);
  await b.page.evaluate(() => window.scrollTo(0, 0));
  await b.page.getByRole("button", { name: "Workshop", exact: true }).click();
  const ws = b.page.getByRole("dialog", { name: "Workshop mode" });
  const wall = ws.getByLabel("Reach and frequency");
  await wall.waitFor();
  const t = base.view.totals;
  const text = await wall.innerText();
  for (const v of [`${t.reach_pct}%`, t.frequency, `${t.effective_reach_pct}%`, t.grps, t.trps]) assert.ok(text.includes(v), v);
  assert.match(text, /REACH AT 8\+/i);
  assert.equal(await wall.getByTestId("reach-goal-badge").textContent(), "Met");
  assert.deepEqual(await ws.locator("table.flowchart tbody tr").first().getByTestId("week-units").allTextContents(), ["32 spots", "32 spots", "32 spots"]);
  await b.shot("reach-workshop-1600");
  await b.page.setViewportSize({ width: 1920, height: 1080 });
  await b.shot("reach-workshop-1080");
  await b.page.keyboard.press("Escape");
  await ws.waitFor({ state: "detached" });
});
