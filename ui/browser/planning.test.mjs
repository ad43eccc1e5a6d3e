// Browser tests for stage 3's planning intelligence: "Optimise split" on the lines' response
// curves (curves drawn, before/after from the core, accept saves) and the scenario comparison
// (every figure and difference from the core, the presented scenario marked and moved, a scenario
// added). Figures come from the real core's fixtures; edits must save through the mock as the
// exact plans in src/test/scenarios/planning.ts.
// Run: cd ui && node --test browser/planning.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { scenario, usd, useBrowser } from "./harness.mjs";

const b = useBrowser();
const SAMPLE = "Q1 2027 Cold Brew Launch";

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
/** "4664" → "4,664": digits grouped as the UI shows counts. */
const grouped = (v) => usd(v).replace("$", "");

async function openStage3(name = SAMPLE) {
  await b.openPlan(name);
  await b.page.locator('.stage[data-stage="3"]').click();
  await b.page.locator('section[aria-label="Optimise split"]').waitFor();
}
/** Scroll so `selector` sits just under the top bar, for a screenshot. */
const toTop = (selector) =>
  b.page.locator(selector).first().evaluate((e) => window.scrollBy(0, e.getBoundingClientRect().top - 56));
async function lastSavedPlan() {
  await b.page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();
  const saves = (await b.calls()).filter((c) => c.cmd === "save_plan");
  assert.ok(saves.length > 0, "the edit was saved through the core");
  return saves[saves.length - 1].args.plan;
}

test("the accepted-split scenario's literals are still the core's optimum of the sample", () => {
  const o = scenario("sample").optimised.allocation;
  const accepted = scenario("planning.splitAccepted").plan;
  assert.equal(accepted.budget, o.budget);
  for (const a of o.lines) {
    const line = accepted.lines.find((l) => l.id === a.id);
    if (a.fixed) assert.deepEqual(line, scenario("sample").plan.lines.find((l) => l.id === a.id), `${a.id} kept`);
    else {
      assert.equal(line.budget, a.budget, `${a.id} carries its optimised budget`);
      assert.equal(line.share, undefined);
    }
  }
});

test("stage 3: Optimise split draws each curved line's curve and the core's before and after; Accept saves it", async () => {
  await openStage3();
  const o = scenario("sample").optimised;
  const page = b.page;
  await page.getByRole("button", { name: "Optimise split", exact: true }).click();
  await page.locator(".curve-card").first().waitFor();

  // One chart per curved line, its path through every point the core sampled, both marks on it.
  assert.equal(await page.locator("svg.response-curve").count(), o.curves.length);
  assert.equal(o.curves.length, 6);
  for (const c of o.curves) {
    const svg = page.locator(`svg.response-curve[data-line="${c.id}"]`);
    assert.equal(await svg.count(), 1, `${c.id} has a chart`);
    const d = await svg.locator("path.rc-line").getAttribute("d");
    assert.equal(d.split(/[ML]/).filter(Boolean).length, c.points.length, `${c.id}'s curve has every point`);
    assert.equal(await svg.locator('circle[data-mark="current"]').count(), 1);
    assert.equal(await svg.locator('circle[data-mark="optimised"]').count(), 1);
    const a = o.allocation.lines.find((l) => l.id === c.id);
    const legend = await page.locator(`.curve-card[data-line="${c.id}"] .curve-legend`).innerText();
    assert.ok(legend.includes(usd(a.current_budget)) && legend.includes(usd(a.budget)), legend);
  }

  // The before/after table, line by line, exactly the core's figures.
  for (const a of o.allocation.lines) {
    const row = page.locator(`.optimise-table tr[data-line="${a.id}"]`);
    assert.equal(await row.locator('[data-col="current"]').textContent(), usd(a.current_budget), `${a.id} now`);
    assert.equal(await row.locator('[data-col="optimised"]').textContent(), a.fixed ? "kept" : usd(a.budget), `${a.id} optimised`);
    assert.equal(await row.locator('[data-col="response-now"]').textContent(), a.current_response === null ? "—" : grouped(a.current_response));
    assert.equal(await row.locator('[data-col="response-optimised"]').textContent(), a.response === null ? "—" : grouped(a.response));
    if (a.fixed) assert.match(await row.locator('[data-col="change"]').textContent(), /kept as written/);
    if (a.at_bound) assert.match(await row.locator('[data-col="bound"]').textContent(), /^At /);
  }
  assert.equal(await page.getByTestId("gain").textContent(), `+${grouped(o.allocation.gain)}`);
  assert.equal(
    (await page.getByTestId("response-before-after").textContent()).replace(/\s+/g, " "),
    `${grouped(o.allocation.current_total_response)} → ${grouped(o.allocation.total_response)}`,
  );
  await toTop('section[aria-label="Optimise split"]');
  await b.shot("planning-optimise");
  await toTop(".optimise-table");
  await b.shot("planning-optimise-table");

  await page.getByRole("button", { name: "Accept split" }).click();
  const saved = await lastSavedPlan();
  const accepted = scenario("planning.splitAccepted");
  assert.equal(canonical(saved), accepted.key, "the plan the core returned for accept is what was saved");
  assert.equal(await page.locator(".curve-card").count(), 0, "the proposal closed");
  assert.match(await page.locator(".optimise-accepted").textContent(), new RegExp(`${grouped(o.allocation.current_total_response)} → ${grouped(o.allocation.total_response)}`));
  // The split now shows the core's nets for the accepted plan.
  const nets = await page.locator("table.split-table tbody tr td.num.strong").allTextContents();
  assert.deepEqual(nets, accepted.view.lines.map((l) => grouped(l.net)));
  assert.equal(await b.kpi("Net media").textContent(), usd(accepted.view.totals.net_media));
  await b.shot("planning-accepted");
});

test("stage 3: Reject closes the proposal and leaves the plan as it was", async () => {
  await openStage3();
  await b.page.getByRole("button", { name: "Optimise split", exact: true }).click();
  await b.page.locator(".curve-card").first().waitFor();
  await b.page.getByRole("button", { name: "Reject" }).click();
  assert.equal(await b.page.locator(".curve-card").count(), 0);
  assert.equal((await b.calls()).filter((c) => c.cmd === "save_plan" || c.cmd === "accept_split").length, 0);
});

test("stage 3: a plan with no lines has nothing to optimise or compare yet", async () => {
  await openStage3("Untitled plan");
  assert.match(await b.page.getByTestId("optimise-intro").textContent(), /Add channels first/);
  assert.ok(await b.page.getByRole("button", { name: "Optimise split", exact: true }).isDisabled());
  await b.page.getByTestId("no-scenarios").waitFor();
  assert.equal(await b.page.locator("table.compare-table").count(), 0);
});

const KINDS = {
  money: ["budget", "net_media", "agency_commission", "ad_serving", "tech_fee", "fees", "gross", "unallocated"],
  count: ["impressions", "clicks", "conversions", "views"],
  pct: ["reach_pct", "effective_reach_pct"],
  plain: ["grps", "frequency", "total_response"],
};
const kindOf = (key) => Object.keys(KINDS).find((k) => KINDS[k].includes(key));
const shown = (v, kind) => (v === null ? "—" : kind === "money" ? usd(v) : kind === "pct" ? `${grouped(v)}%` : grouped(v));
const signed = (v, kind) => {
  const plus = /[1-9]/.test(v) && !v.startsWith("-") ? "+" : "";
  return kind === "pct" ? `${plus}${grouped(v)} pts` : plus + shown(v, kind);
};

test("stage 3: the scenarios side by side show every figure and difference from the core", async () => {
  await openStage3();
  const c = scenario("sample").comparison;
  const table = b.page.locator("table.compare-table");
  await table.waitFor();
  const cell = (key, side) => table.locator(`tr[data-figure="${key}"] td[data-side="${side}"]`);
  for (const key of Object.keys(c.base.totals)) {
    const kind = kindOf(key);
    assert.ok(kind, `${key} is a figure the table knows`);
    assert.equal(await cell(key, "plan").textContent(), shown(c.base.totals[key], kind), `plan ${key}`);
    for (const s of c.scenarios) {
      assert.equal(await cell(key, s.name).locator(".fig").textContent(), shown(s.totals[key], kind), `${s.name} ${key}`);
      const d = s.difference[key];
      const diff = await cell(key, s.name).locator(".diff").textContent();
      if (/[1-9]/.test(d)) assert.equal(diff, `${d.startsWith("-") ? "▼" : "▲"} ${signed(d, kind)}`, `${s.name} ${key} difference`);
      else assert.equal(diff, "no change");
    }
  }
  // Each line's net media per side, the scenario's own line budgets marked.
  for (const s of c.scenarios) {
    const own = scenario("sample").plan.scenarios.find((x) => x.name === s.name).lines.map((l) => l.id);
    for (const l of s.lines) {
      const td = table.locator(`tr[data-line="${l.id}"] td[data-side="${s.name}"]`);
      assert.equal(await td.locator(".fig").textContent(), usd(l.net));
      assert.equal(await td.evaluate((e) => e.classList.contains("overridden")), own.includes(l.id), `${s.name} ${l.id}`);
    }
  }
  assert.equal(c.presented, null);
  assert.ok(await table.locator('th[data-side="plan"]').evaluate((e) => e.classList.contains("is-presented")));
  await toTop('section[aria-label="Scenarios"]');
  await b.shot("planning-scenarios");
  await toTop('tr[data-figure="impressions"]');
  await b.shot("planning-scenarios-2");
});

test("stage 3: marking Aggressive as presented saves it, and the marker moves", async () => {
  await openStage3();
  const table = b.page.locator("table.compare-table");
  await table.waitFor();
  await b.page.getByRole("radio", { name: "Present Aggressive in the PDF" }).check();
  const saved = await lastSavedPlan();
  assert.equal(canonical(saved), scenario("planning.aggressivePresented").key);
  await b.page.waitForFunction(() => document.querySelector('th[data-side="Aggressive"]')?.classList.contains("is-presented"));
  assert.equal(await table.locator("th.is-presented").count(), 1);
  assert.ok(await b.page.getByRole("radio", { name: "Present Aggressive in the PDF" }).isChecked());
  assert.ok(!(await b.page.getByRole("radio", { name: "Present Plan as written in the PDF" }).isChecked()));
  assert.equal(await table.locator('td[data-side="Aggressive"] .presented').textContent(), "In the PDF");
  await toTop('section[aria-label="Scenarios"]');
  await b.shot("planning-presented");
});

test("stage 3: adding a scenario by name and budget saves it and shows its costed column", async () => {
  await openStage3();
  await b.page.locator("table.compare-table").waitFor();
  await b.page.getByLabel("New scenario name").fill("Stretch");
  await b.page.getByLabel("New scenario budget").fill("320,000");
  await b.page.getByRole("button", { name: "Add scenario" }).click();
  const saved = await lastSavedPlan();
  const added = scenario("planning.scenarioAdded");
  assert.equal(canonical(saved), added.key);
  const side = added.comparison.scenarios.find((s) => s.name === "Stretch");
  const cell = (key) => b.page.locator(`table.compare-table tr[data-figure="${key}"] td[data-side="Stretch"]`);
  await cell("budget").locator(".fig").filter({ hasText: usd(side.totals.budget) }).waitFor();
  assert.equal(await cell("unallocated").locator(".fig").textContent(), usd(side.totals.unallocated));
  assert.equal(await cell("unallocated").locator(".diff").textContent(), `▲ +${usd(side.difference.unallocated)}`);
});
