// Browser tests: the built UI in Debian's Chromium (playwright-core), Tauri's IPC answered by
// @tauri-apps/api/mocks with the real core's output. Each stage's main flow.
// Run: npm run test:browser (from ui/).

import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtures, scenario, usd, useBrowser } from "./harness.mjs";

const b = useBrowser();
const shot = (n) => b.shot(n);
const text = () => b.text();
const kpi = (label) => b.kpi(label);
const openPlan = (name) => b.openPlan(name);

test("library lists the plans and opens the sample at the plan stage with the core's totals", async () => {
  await b.page.goto(b.base);
  await b.page.locator("table.library-table tbody tr").first().waitFor();
  assert.equal(await b.page.locator("table.library-table tbody tr").count(), 2);
  await shot("library");
  await openPlan("Q1 2027 Cold Brew Launch");
  const want = scenario("sample").view.totals;
  assert.equal(await kpi("Gross total").textContent(), usd(want.gross));
  const body = await text();
  for (const key of ["net_media", "agency_commission", "ad_serving", "tech_fee", "gross"]) {
    assert.ok(body.includes(usd(want[key])), `${key} ${usd(want[key])} is shown`);
  }
  assert.equal(await b.page.locator('.stage[aria-current="step"]').getAttribute("data-stage"), "4");
  await shot("stage-4");
});

test("the stage rail shows six stages with each stage's open findings from the core", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  const stages = b.page.locator(".stage-rail .stage");
  assert.equal(await stages.count(), 6);
  const findings = scenario("sample").view.findings;
  for (let n = 1; n <= 6; n++) {
    const count = findings.filter((f) => f.stage === n).length;
    const badge = b.page.getByTestId(`stage-${n}-findings`);
    if (count === 0) assert.equal(await badge.count(), 0, `stage ${n} has no findings`);
    else assert.match(await badge.textContent(), new RegExp(`^${count} finding`), `stage ${n}`);
  }
  // Any order: jump to 6, then 2.
  await stages.nth(5).click();
  // Stage 6 reviews the plan before any actuals: nothing spent yet, against the core's figures.
  await b.page.getByTestId("monitor-pace").waitFor();
  assert.equal(await b.page.getByTestId("monitor-actual").textContent(), usd(scenario("sample").monitor.pacing.total.actual));
  assert.match(await text(), /No actuals yet/);
  await stages.nth(1).click();
  assert.equal(await b.page.locator('.stage[aria-current="step"]').getAttribute("data-stage"), "2");
  await shot("stage-2");
});

test("stage 1: a budget edit is saved through the core and undone with Ctrl+Z", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  await b.page.locator('.stage[data-stage="1"]').click();
  await shot("stage-1");
  const budget = b.page.locator('input[data-path="budget"]');
  await budget.fill("$300,000.00");
  await budget.press("Enter");
  await b.page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();
  assert.equal(await kpi("Budget").textContent(), usd(scenario("budget").view.totals.budget));
  assert.equal(await kpi("Unallocated").textContent(), usd(scenario("budget").view.totals.unallocated));
  await b.page.locator("h1").click();
  await b.page.keyboard.press("Control+z");
  await b.page.waitForFunction(() => document.querySelector('input[data-path="budget"]')?.value === "250000.00");
  assert.equal(await kpi("Budget").textContent(), usd(scenario("sample").view.totals.budget));
  await b.page.keyboard.press("Control+Shift+z");
  await b.page.waitForFunction(() => document.querySelector('input[data-path="budget"]')?.value === "300000.00");
  assert.equal(await kpi("Budget").textContent(), usd("300000.00"));
  await b.page.keyboard.press("Control+z");
  await b.page.waitForFunction(() => document.querySelector('input[data-path="budget"]')?.value === "250000.00");
});

test("stage 1: a KPI that does not judge the objective is flagged on the spot", async () => {
  await openPlan("Untitled plan");
  assert.equal(await b.page.locator('.stage[aria-current="step"]').getAttribute("data-stage"), "1");
  await b.page.locator('select[data-path="goal.objective"]').selectOption("awareness");
  // The mock has no core answer for this plan: the refusal shows and the choice is kept.
  await b.page.getByTestId("save-refused").waitFor();
  assert.equal(await b.page.locator('select[data-path="goal.objective"]').inputValue(), "awareness");
  const kpis = await b.page.locator('select[data-path="goal.kpi"] option').allTextContents();
  assert.ok(kpis.includes("Reach") && !kpis.includes("CPA"), kpis.join(","));
});

test("stage 4: a refused edit shows the core's error at the cell and keeps the typed value", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  const rate = b.page.locator('td[data-row="1"][data-col="3"]');
  await rate.click();
  await b.page.keyboard.type("-2.40");
  await b.page.keyboard.press("Enter");
  await b.page.getByTestId("save-refused").waitFor();
  assert.equal(await rate.textContent(), "-2.40");
  assert.match(await rate.getAttribute("class"), /cell-error/);
  assert.match(await b.page.locator(".grid-error").textContent(), /Line 2: -2\.40 is negative/);
  // The last good figures stay on screen.
  assert.equal(await kpi("Gross total").textContent(), usd(scenario("sample").view.totals.gross));
  await shot("stage-4-error");
  await b.page.keyboard.press("Control+z");
  await b.page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();
  assert.equal(await rate.textContent(), "2.40");
});

test("stage 4: pasting three lines from a spreadsheet creates them and shows the core's totals", async () => {
  await openPlan("Untitled plan");
  await b.page.locator('.stage[data-stage="4"]').click();
  const tsv = scenario("pasted").plan.lines.length;
  assert.equal(tsv, 3);
  const PASTED_TSV = fixtures.pasted_tsv;
  await b.page.locator(".line-grid").focus();
  await b.page.evaluate((t) => navigator.clipboard.writeText(t), PASTED_TSV);
  await b.page.keyboard.press("Control+v");
  // The core's reading first: no header row, so the grid's columns in order; then paste.
  const preview = b.page.getByTestId("paste-preview");
  await preview.waitFor();
  assert.match(await preview.getByTestId("paste-summary").textContent(), /^No header row: columns fill the grid's columns/);
  await preview.getByRole("button", { name: "Paste 3 rows" }).click();
  await b.page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();
  assert.equal(await b.page.locator(".grid-table tbody tr").count(), 3);
  const want = scenario("pasted").view;
  assert.equal(await kpi("Net media").textContent(), usd(want.totals.net_media));
  assert.equal(await kpi("Gross total").textContent(), usd(want.totals.gross));
  const nets = await b.page.locator(".grid-table tbody tr td.computed:nth-last-child(3)").allTextContents();
  assert.deepEqual(nets, want.lines.map((l) => l.net.replace(/\B(?=(\d{3})+\.)/g, ",")));
  // Keyboard: arrows move the active cell, Tab wraps to the next line.
  await b.page.locator('td[data-row="0"][data-col="0"]').click();
  await b.page.keyboard.press("ArrowDown");
  await b.page.keyboard.press("ArrowRight");
  assert.equal(await b.page.locator("td.active").getAttribute("data-row"), "1");
  assert.equal(await b.page.locator("td.active").getAttribute("data-col"), "1");
  await shot("stage-4-pasted");
});

test("stage 3: the split shows each line's net and share from the core, and the catalogue", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  await b.page.locator('.stage[data-stage="3"]').click();
  const want = scenario("sample").view;
  const rows = b.page.locator("table.split-table tbody tr");
  assert.equal(await rows.count(), want.lines.length);
  const labels = await b.page.locator(".share-label").allTextContents();
  assert.deepEqual(labels, want.lines.map((l) => `${l.share_pct}%`));
  assert.equal(await b.page.getByTestId("unallocated").locator("strong").textContent(), usd(want.totals.unallocated));
  assert.ok((await b.page.locator("table.catalogue tbody tr").count()) >= 10);
  await shot("stage-3");
});

test("stage 2: competitor days running are counted and long runners marked proven", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  await b.page.locator('.stage[data-stage="2"]').click();
  const sample = scenario("sample").plan;
  const rows = b.page.getByTestId("competitor-row");
  assert.equal(await rows.count(), (sample.competitors ?? []).length);
  const proven = await b.page.locator(".badge.proven").count();
  assert.ok(proven >= 0);
  await b.page.locator('.stage[data-stage="5"]').click();
  await b.page.getByTestId("launch-board").waitFor();
  await shot("stage-5");
});

test("library: search, duplicate, delete with undo, and a new plan opens at stage 1", async () => {
  await b.page.goto(b.base);
  const rows = b.page.locator("table.library-table tbody tr");
  await rows.first().waitFor();
  await b.page.getByLabel("Search plans").fill("northwind cold");
  assert.equal(await rows.count(), 1);
  await b.page.getByLabel("Search plans").fill("");
  const before = await rows.count();
  await b.page.getByRole("button", { name: "Duplicate Q1 2027 Cold Brew Launch", exact: true }).click();
  await b.page.locator("table.library-table tbody tr", { hasText: "Q1 2027 Cold Brew Launch (copy)" }).waitFor();
  assert.equal(await rows.count(), before + 1);
  await b.page.getByRole("button", { name: "Delete Q1 2027 Cold Brew Launch (copy)" }).click();
  await b.page.locator(".toast", { hasText: "moved to the trash" }).waitFor();
  assert.equal(await rows.count(), before);
  await shot("library-deleted");
  await b.page.locator(".toast").getByRole("button", { name: "Undo" }).click();
  await b.page.locator("table.library-table tbody tr", { hasText: "(copy)" }).waitFor();
  assert.equal(await rows.count(), before + 1);
  await b.page.getByRole("button", { name: "New plan" }).click();
  await b.page.locator(".stage-rail").waitFor();
  assert.equal(await b.page.locator('.stage[aria-current="step"]').getAttribute("data-stage"), "1");
  assert.equal(await b.page.locator("h1").textContent(), "Untitled plan");
});

test("workshop mode shows the split, flowchart and totals in large type and exits with Escape", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  await b.page.getByRole("button", { name: "Workshop" }).click();
  const ws = b.page.getByRole("dialog", { name: "Workshop mode" });
  await ws.waitFor();
  const want = scenario("sample").view;
  assert.equal(await ws.locator(".ws-line").count(), want.lines.length);
  assert.ok((await ws.innerText()).includes(usd(want.totals.gross)));
  assert.equal(await ws.locator("table.flowchart").count(), 1);
  await shot("workshop");
  await b.page.keyboard.press("Escape");
  await ws.waitFor({ state: "detached" });
});

test("a named version can be saved and is listed, newest first", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  await b.page.getByRole("button", { name: "Versions" }).click();
  const pop = b.page.getByRole("dialog", { name: "Versions" });
  await pop.getByLabel("Version name").fill("Sent to client");
  await pop.getByRole("button", { name: "Save version" }).click();
  await pop.locator(".version-list li", { hasText: "Sent to client" }).waitFor();
  await pop.getByLabel("Version name").fill("   ");
  await pop.getByRole("button", { name: "Save version" }).click();
  await pop.locator(".field-error", { hasText: "A version needs a name" }).waitFor();
  await pop.getByLabel("Version name").fill("Round 2");
  await pop.getByRole("button", { name: "Save version" }).click();
  await pop.locator(".version-list li", { hasText: "Round 2" }).waitFor();
  const names = await pop.locator(".version-list li > span:first-child").allTextContents();
  assert.deepEqual(names, ["Round 2", "Sent to client"]);
});

test("stage 4: dragging a flight's end on the flowchart moves its end date through the core", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  const want = scenario("dragged");
  const lineName = want.plan.lines[0].name;
  const handle = b.page.getByRole("slider", { name: `End of ${lineName}` });
  const row = b.page.locator("table.flowchart tbody tr").first();
  const target = row.locator("td").nth(9); // the week of 8 March
  await handle.scrollIntoViewIfNeeded();
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  await b.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await b.page.mouse.down();
  await b.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await b.page.mouse.up();
  await b.page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();
  // The grid shows the end by the one date rule.
  assert.equal(await b.page.locator('td[data-row="0"][data-col="7"]').textContent(), "14 Mar 2027");
  const states = await row.locator("td").evaluateAll((tds) => tds.map((td) => td.getAttribute("data-state")));
  const row0 = want.view.lines[0].weeks;
  const firstWeek = want.view.weeks.indexOf(row0.from);
  assert.deepEqual(states, want.view.weeks.map((_, i) => (i >= firstWeek && i < firstWeek + row0.net.length ? "on" : "off")));
  await shot("stage-4-dragged");
});
