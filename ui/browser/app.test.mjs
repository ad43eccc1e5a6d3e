// Browser tests: the built UI in Debian's Chromium (playwright-core), Tauri's IPC answered by
// @tauri-apps/api/mocks with the real core's output. Each stage's main flow.
// Run: npm run test:browser (from ui/).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, extname, normalize } from "node:path";
import { build } from "vite";
import { chromium } from "playwright-core";

const here = import.meta.dirname;
const fixtures = JSON.parse(readFileSync(join(here, "../src/test/core-fixtures.json"), "utf8"));
const scenario = (n) => fixtures.scenarios.find((s) => s.name === n);
const usd = (v) => {
  const neg = v.startsWith("-");
  const [int, frac] = v.replace("-", "").split(".");
  return (neg ? "-$" : "$") + int.replace(/\B(?=(\d{3})+$)/g, ",") + (frac === undefined ? "" : "." + frac);
};

let work, server, browser, page, base;
const shots = process.env.FLIGHTPLAN_SHOTS; // a folder to save screenshots in, if set

before(async () => {
  work = mkdtempSync(join(tmpdir(), "fp-browser-"));
  const dist = join(work, "dist");
  await build({ configFile: join(here, "../vite.browser.config.ts"), logLevel: "warn", build: { outDir: dist } });
  const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".woff2": "font/woff2", ".woff": "font/woff", ".svg": "image/svg+xml" };
  server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const file = normalize(join(dist, url.pathname === "/" ? "index.html" : decodeURIComponent(url.pathname)));
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}/`;
  // A fresh profile each run (playwright passes it as --user-data-dir).
  const context = await chromium.launchPersistentContext(join(work, "profile"), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  browser = context;
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e));
});

after(async () => {
  await browser?.close();
  server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const shot = async (name) => {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
};
const text = () => page.locator("body").innerText();
const kpi = (label) => page.locator(".kpi-card", { has: page.locator(".label", { hasText: new RegExp(`^${label}$`) }) }).locator(".kpi-value");
const openPlan = async (name) => {
  await page.goto(base);
  await page.locator("table.library-table tbody tr", { hasText: name }).first().click();
  await page.locator(".stage-rail").waitFor();
};

test("library lists the plans and opens the sample at the plan stage with the core's totals", async () => {
  await page.goto(base);
  await page.locator("table.library-table tbody tr").first().waitFor();
  assert.equal(await page.locator("table.library-table tbody tr").count(), 2);
  await shot("library");
  await openPlan("Q1 2027 Cold Brew Launch");
  const want = scenario("sample").view.totals;
  assert.equal(await kpi("Gross total").textContent(), usd(want.gross));
  const body = await text();
  for (const key of ["net_media", "agency_commission", "ad_serving", "tech_fee", "gross"]) {
    assert.ok(body.includes(usd(want[key])), `${key} ${usd(want[key])} is shown`);
  }
  assert.equal(await page.locator('.stage[aria-current="step"]').getAttribute("data-stage"), "4");
  await shot("stage-4");
});

test("the stage rail shows six stages with each stage's open findings from the core", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  const stages = page.locator(".stage-rail .stage");
  assert.equal(await stages.count(), 6);
  const findings = scenario("sample").view.findings;
  for (let n = 1; n <= 6; n++) {
    const count = findings.filter((f) => f.stage === n).length;
    const badge = page.getByTestId(`stage-${n}-findings`);
    if (count === 0) assert.equal(await badge.count(), 0, `stage ${n} has no findings`);
    else assert.match(await badge.textContent(), new RegExp(`^${count} finding`), `stage ${n}`);
  }
  // Any order: jump to 6, then 2.
  await stages.nth(5).click();
  await page.getByTestId("stage-6-pending").waitFor();
  assert.match(await text(), /Coming with the buying & monitoring work/);
  await stages.nth(1).click();
  assert.equal(await page.locator('.stage[aria-current="step"]').getAttribute("data-stage"), "2");
  await shot("stage-2");
});

test("stage 1: a budget edit is saved through the core and undone with Ctrl+Z", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  await page.locator('.stage[data-stage="1"]').click();
  await shot("stage-1");
  const budget = page.locator('input[data-path="budget"]');
  await budget.fill("$300,000.00");
  await budget.press("Enter");
  await page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();
  assert.equal(await kpi("Budget").textContent(), usd(scenario("budget").view.totals.budget));
  assert.equal(await kpi("Unallocated").textContent(), usd(scenario("budget").view.totals.unallocated));
  await page.locator("h1").click();
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => document.querySelector('input[data-path="budget"]')?.value === "250000.00");
  assert.equal(await kpi("Budget").textContent(), usd(scenario("sample").view.totals.budget));
  await page.keyboard.press("Control+Shift+z");
  await page.waitForFunction(() => document.querySelector('input[data-path="budget"]')?.value === "300000.00");
  assert.equal(await kpi("Budget").textContent(), usd("300000.00"));
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => document.querySelector('input[data-path="budget"]')?.value === "250000.00");
});

test("stage 1: a KPI that does not judge the objective is flagged on the spot", async () => {
  await openPlan("Untitled plan");
  assert.equal(await page.locator('.stage[aria-current="step"]').getAttribute("data-stage"), "1");
  await page.locator('select[data-path="goal.objective"]').selectOption("awareness");
  // The mock has no core answer for this plan: the refusal shows and the choice is kept.
  await page.getByTestId("save-refused").waitFor();
  assert.equal(await page.locator('select[data-path="goal.objective"]').inputValue(), "awareness");
  const kpis = await page.locator('select[data-path="goal.kpi"] option').allTextContents();
  assert.ok(kpis.includes("Reach") && !kpis.includes("CPA"), kpis.join(","));
});

test("stage 4: a refused edit shows the core's error at the cell and keeps the typed value", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  const rate = page.locator('td[data-row="1"][data-col="3"]');
  await rate.click();
  await page.keyboard.type("-2.40");
  await page.keyboard.press("Enter");
  await page.getByTestId("save-refused").waitFor();
  assert.equal(await rate.textContent(), "-2.40");
  assert.match(await rate.getAttribute("class"), /cell-error/);
  assert.match(await page.locator(".grid-error").textContent(), /Line 2: -2\.40 is negative/);
  // The last good figures stay on screen.
  assert.equal(await kpi("Gross total").textContent(), usd(scenario("sample").view.totals.gross));
  await shot("stage-4-error");
  await page.keyboard.press("Control+z");
  await page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();
  assert.equal(await rate.textContent(), "2.40");
});

test("stage 4: pasting three lines from a spreadsheet creates them and shows the core's totals", async () => {
  await openPlan("Untitled plan");
  await page.locator('.stage[data-stage="4"]').click();
  const tsv = fixtures.scenarios.find((s) => s.name === "pasted").plan.lines.length;
  assert.equal(tsv, 3);
  const PASTED_TSV = fixtures.pasted_tsv;
  await page.locator(".line-grid").focus();
  await page.evaluate((t) => navigator.clipboard.writeText(t), PASTED_TSV);
  await page.keyboard.press("Control+v");
  await page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();
  assert.equal(await page.locator(".grid-table tbody tr").count(), 3);
  const want = scenario("pasted").view;
  assert.equal(await kpi("Net media").textContent(), usd(want.totals.net_media));
  assert.equal(await kpi("Gross total").textContent(), usd(want.totals.gross));
  const nets = await page.locator(".grid-table tbody tr td.computed:nth-last-child(3)").allTextContents();
  assert.deepEqual(nets, want.lines.map((l) => l.net.replace(/\B(?=(\d{3})+\.)/g, ",")));
  // Keyboard: arrows move the active cell, Tab wraps to the next line.
  await page.locator('td[data-row="0"][data-col="0"]').click();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.locator("td.active").getAttribute("data-row"), "1");
  assert.equal(await page.locator("td.active").getAttribute("data-col"), "1");
  await shot("stage-4-pasted");
});

test("stage 3: the split shows each line's net and share from the core, and the catalogue", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  await page.locator('.stage[data-stage="3"]').click();
  const want = scenario("sample").view;
  const rows = page.locator("table.split-table tbody tr");
  assert.equal(await rows.count(), want.lines.length);
  const labels = await page.locator(".share-label").allTextContents();
  assert.deepEqual(labels, want.lines.map((l) => `${l.share_pct}%`));
  assert.equal(await page.getByTestId("unallocated").locator("strong").textContent(), usd(want.totals.unallocated));
  assert.ok((await page.locator("table.catalogue tbody tr").count()) >= 10);
  await shot("stage-3");
});

test("stage 2: competitor days running are counted and long runners marked proven", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  await page.locator('.stage[data-stage="2"]').click();
  const sample = scenario("sample").plan;
  const rows = page.getByTestId("competitor-row");
  assert.equal(await rows.count(), (sample.competitors ?? []).length);
  const proven = await page.locator(".badge.proven").count();
  assert.ok(proven >= 0);
  await page.locator('.stage[data-stage="5"]').click();
  await page.getByTestId("stage-5-pending").waitFor();
  await shot("stage-5");
});

test("library: search, duplicate, delete with undo, and a new plan opens at stage 1", async () => {
  await page.goto(base);
  const rows = page.locator("table.library-table tbody tr");
  await rows.first().waitFor();
  await page.getByLabel("Search plans").fill("northwind cold");
  assert.equal(await rows.count(), 1);
  await page.getByLabel("Search plans").fill("");
  const before = await rows.count();
  await page.getByRole("button", { name: "Duplicate Q1 2027 Cold Brew Launch", exact: true }).click();
  await page.locator("table.library-table tbody tr", { hasText: "Q1 2027 Cold Brew Launch (copy)" }).waitFor();
  assert.equal(await rows.count(), before + 1);
  await page.getByRole("button", { name: "Delete Q1 2027 Cold Brew Launch (copy)" }).click();
  await page.locator(".toast", { hasText: "moved to the trash" }).waitFor();
  assert.equal(await rows.count(), before);
  await shot("library-deleted");
  await page.locator(".toast").getByRole("button", { name: "Undo" }).click();
  await page.locator("table.library-table tbody tr", { hasText: "(copy)" }).waitFor();
  assert.equal(await rows.count(), before + 1);
  await page.getByRole("button", { name: "New plan" }).click();
  await page.locator(".stage-rail").waitFor();
  assert.equal(await page.locator('.stage[aria-current="step"]').getAttribute("data-stage"), "1");
  assert.equal(await page.locator("h1").textContent(), "Untitled plan");
});

test("workshop mode shows the split, flowchart and totals in large type and exits with Escape", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  await page.getByRole("button", { name: "Workshop" }).click();
  const ws = page.getByRole("dialog", { name: "Workshop mode" });
  await ws.waitFor();
  const want = scenario("sample").view;
  assert.equal(await ws.locator(".ws-line").count(), want.lines.length);
  assert.ok((await ws.innerText()).includes(usd(want.totals.gross)));
  assert.equal(await ws.locator("table.flowchart").count(), 1);
  await shot("workshop");
  await page.keyboard.press("Escape");
  await ws.waitFor({ state: "detached" });
});

test("a named version can be saved and is listed, newest first", async () => {
  await openPlan("Q1 2027 Cold Brew Launch");
  await page.getByRole("button", { name: "Versions" }).click();
  const pop = page.getByRole("dialog", { name: "Versions" });
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
  const handle = page.getByRole("slider", { name: `End of ${lineName}` });
  const row = page.locator("table.flowchart tbody tr").first();
  const target = row.locator("td").nth(9); // the week of 8 March
  await handle.scrollIntoViewIfNeeded();
  const a = await handle.boundingBox();
  const b = await target.boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();
  assert.equal(await page.locator('td[data-row="0"][data-col="7"]').textContent(), "2027-03-14");
  const states = await row.locator("td").evaluateAll((tds) => tds.map((td) => td.getAttribute("data-state")));
  const wantWeeks = new Set(want.view.lines[0].weeks.map((w) => w.week_start));
  assert.deepEqual(states, want.view.weeks.map((w) => (wantWeeks.has(w) ? "on" : "off")));
  await shot("stage-4-dragged");
});
