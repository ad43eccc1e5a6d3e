// Browser tests of Import plan…: a messy agency workbook through the mapping preview (one column
// corrected, the mapping applied by itself to the next file of the layout), the mediaplanschema
// 2.0 example, a file without a currency, a broken cell that blocks the import, and the keyboard.
// The shell's dialog answers from a queue the test fills; every preview is the real core's
// (src/test/import-fixtures.json, from `flightplan import --preview`).
// Run: node --test browser/plan-import.test.mjs (from ui/).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useBrowser } from "./harness.mjs";

const b = useBrowser();
const imports = JSON.parse(readFileSync(join(import.meta.dirname, "../src/test/import-fixtures.json"), "utf8")).imports;
const canonical = (v) => JSON.stringify(sortKeys(v));
const sortKeys = (v) =>
  Array.isArray(v) ? v.map(sortKeys) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v;
/** The core's answers for a file under the choices the UI sends. */
const fixture = (file, choices = {}) => {
  const f = imports.find((x) => x.file === file && canonical(x.choices) === canonical(choices));
  if (!f) throw new Error(`no import fixture for ${file} ${canonical(choices)}: run npm run fixtures`);
  return f;
};
/** "28250.00" in GBP → "£28,250.00", as the UI formats money. */
const fmt = (v, sym) => {
  const [int, frac] = v.split(".");
  return sym + int.replace(/\B(?=(\d{3})+$)/g, ",") + (frac === undefined ? "" : "." + frac);
};

const pick = (path) => b.page.evaluate((p) => window.__dialogAnswers.push(p), path);
const rows = () => b.page.locator("table.library-table tbody tr");
const dialog = () => b.page.getByRole("dialog", { name: "Import plan" });
const importButton = () => dialog().getByRole("button", { name: "Import into library" });
const callsTo = async (cmd) => (await b.calls()).filter((c) => c.cmd === cmd);
const fact = (label) => dialog().locator(".import-fact", { has: b.page.locator(".label", { hasText: new RegExp(`^${label}$`) }) }).locator(".fact-main");

async function library() {
  await b.page.goto(b.base);
  await rows().first().waitFor();
}
async function choose(file) {
  await pick(`/home/planner/Downloads/${file}`);
  await b.page.getByRole("button", { name: "Import plan…" }).click();
  await dialog().waitFor();
}

test("a messy agency workbook is previewed, one column corrected, imported with the core's figures, and its mapping applied next time", async () => {
  await library();
  await b.page.evaluate(() => localStorage.clear());
  await choose("agency-plan.xlsx");
  const guessed = fixture("agency-plan.xlsx").preview;
  const columns = dialog().getByRole("table", { name: "Columns" });
  await columns.waitFor();
  const head = await dialog().locator(".import-head").innerText();
  assert.match(head, /agency-plan\.xlsx/);
  assert.match(head, /XLSX spreadsheet/);
  assert.equal(await dialog().getByRole("combobox", { name: "Sheet" }).inputValue(), "Spring plan");
  assert.equal(await dialog().getByRole("spinbutton", { name: "Header row" }).inputValue(), String(guessed.header_row));
  const spend = dialog().getByRole("combobox", { name: "Column G Spend allocation is read as" });
  assert.equal(await spend.inputValue(), "ignore", "no guess knows “Spend allocation”");
  // Every line at 0 until the cost column is mapped: listed, not dropped.
  assert.match(await dialog().getByTestId("rows-without-cost").innerText(), /Prospecting video \(row 8\), Search — brand \(row 9\), Influencer seeding \(row 10\), 6-sheets, London Zone 1 \(row 13\)/);
  assert.equal(await fact("Net media").innerText(), fmt(guessed.totals.net_media, "£"));
  await b.shot("import-agency-guessed");

  // The planner corrects one column; the core previews again.
  await spend.selectOption("budget");
  const corrected = fixture("agency-plan.xlsx", { mapping: { columns: { "Spend allocation": "budget" } } }).preview;
  await fact("Net media").filter({ hasText: fmt(corrected.totals.net_media, "£") }).waitFor();
  assert.equal(corrected.totals.net_media, "28250.00");
  assert.equal(await fact("Gross total").innerText(), fmt(corrected.totals.gross, "£"));
  const lines = dialog().getByRole("table", { name: "Lines to import" }).locator("tbody tr");
  assert.deepEqual(await lines.locator("td.source-place").allInnerTexts(), ["8", "9", "10", "13"]);
  const first = await lines.first().innerText();
  assert.match(first, /Prospecting video/);
  assert.ok(first.includes(fmt(corrected.lines[0].net, "£")), `the core's net ${corrected.lines[0].net} is shown`);
  assert.match(await dialog().getByTestId("rows-without-cost").innerText(), /Influencer seeding \(row 10\)\.$/);
  const left = await dialog().getByRole("list", { name: "Rows left out" }).innerText();
  assert.match(left, /Row 11\s+Subtotal row/);
  assert.match(left, /Row 16\s+Total row/);
  assert.match(await dialog().getByRole("list", { name: "Problems" }).innerText(), /Influencer seeding" states no cost/);
  assert.equal(await importButton().isEnabled(), true);
  await b.shot("import-agency-corrected");
  await dialog().getByRole("list", { name: "Rows left out" }).scrollIntoViewIfNeeded();
  await b.shot("import-agency-lines");

  await importButton().click();
  await dialog().waitFor({ state: "detached" });
  const committed = fixture("agency-plan.xlsx", { mapping: { columns: { "Spend allocation": "budget" } } }).commit;
  const row = rows().filter({ hasText: "Spring 2027 launch" });
  await row.waitFor();
  assert.ok((await row.innerText()).includes(fmt(committed.view.totals.budget, "£")), "the library lists the core's budget");
  assert.match(await row.innerText(), /Harbour & Finch Ltd/);
  assert.equal(await rows().count(), 3);
  assert.deepEqual((await callsTo("commit_plan_import")).map((c) => c.args), [{ source: 0, choices: { mapping: { columns: { "Spend allocation": "budget" } } } }]);

  // Next quarter's file of the same layout: read with the saved mapping, without asking.
  await choose("agency-plan.xlsx");
  await dialog().getByText(/The column mapping you saved for this layout on .* is applied\./).waitFor();
  await fact("Net media").filter({ hasText: "£28,250.00" }).waitFor();
  assert.equal(await dialog().getByRole("combobox", { name: "Column G Spend allocation is read as" }).inputValue(), "budget");
  // Cancel: nothing is imported.
  await dialog().getByRole("button", { name: "Cancel", exact: true }).click();
  await dialog().waitFor({ state: "detached" });
  assert.equal(await rows().count(), 3);
  assert.equal((await callsTo("commit_plan_import")).length, 1);
});

test("the mediaplanschema 2.0 example shows its line items by JSON path and imports with the core's totals", async () => {
  await library();
  await choose("example_mediaplan_v2.0.json");
  const p = fixture("example_mediaplan_v2.0.json").preview;
  await dialog().getByText("mediaplanschema 2.0").waitFor();
  assert.equal(await dialog().getByRole("table", { name: "Columns" }).count(), 0, "a document has no columns to map");
  const lines = dialog().getByRole("table", { name: "Lines to import" }).locator("tbody tr");
  assert.deepEqual(await lines.locator("td.source-place").allInnerTexts(), ["lineitems[0]", "lineitems[1]", "lineitems[2]", "lineitems[3]"]);
  assert.match(await lines.first().innerText(), /LinkedIn Sponsored Content - Tech Professionals\s+Digital\s+LinkedIn\s+CPM\s+\$23\.333333\s+\$280,000\.00/);
  assert.equal(await fact("Net media").innerText(), fmt(p.totals.net_media, "$"));
  assert.equal(await fact("Currency").innerText(), "USD");
  const problems = await dialog().getByRole("list", { name: "Problems" }).innerText();
  assert.match(problems, /Note\s+cost_custom1 \("agency management fee"\)/);
  assert.match(problems, /dictionary\.custom_costs\.cost_custom1/);
  // cost_total includes buying, platform, data and creative costs: net media is cost_media.
  assert.match(problems, /cost_buying 16000\.00, cost_platform 12000\.00, cost_data 8000\.00, cost_creative 4000\.00 \(40000\.00 in all\) are not media/);
  await b.shot("import-mediaplan");
  await importButton().click();
  const row = rows().filter({ hasText: p.plan.name });
  await row.waitFor();
  assert.ok((await row.innerText()).includes(fmt(fixture("example_mediaplan_v2.0.json").commit.view.totals.budget, "$")));
});

test("a file without a currency waits for the planner's choice", async () => {
  await library();
  await b.page.evaluate(() => localStorage.clear());
  await choose("lines-no-currency.csv");
  const currency = dialog().getByRole("combobox", { name: "Plan currency" });
  await currency.waitFor();
  assert.equal(await importButton().isDisabled(), true);
  assert.match(await dialog().locator("#import-status").innerText(), /1 error blocks the import/);
  assert.match(await dialog().getByRole("list", { name: "Problems" }).innerText(), /The file states no currency/);
  await b.shot("import-no-currency");
  await currency.fill("EUR");
  const chosen = fixture("lines-no-currency.csv", { currency: "EUR" }).preview;
  await fact("Gross total").filter({ hasText: fmt(chosen.totals.gross, "€") }).waitFor();
  assert.equal(await importButton().isEnabled(), true);
  await importButton().click();
  await rows().filter({ hasText: chosen.plan.name }).waitFor();
  assert.deepEqual((await callsTo("commit_plan_import")).at(-1).args.choices, { currency: "EUR" });
});

test("a broken cell blocks the import with its row and column; Escape and Cancel leave the library as it was", async () => {
  await library();
  await choose("broken-rate.csv");
  const problems = dialog().getByRole("list", { name: "Problems" });
  await problems.waitFor();
  const first = await problems.locator("li").first().innerText();
  assert.match(first, /^Error/);
  assert.match(first, /"8,5x"/);
  assert.match(first, /Row 3, column E “Rate”/);
  assert.equal(await importButton().isDisabled(), true);
  assert.match(await dialog().locator("#import-status").innerText(), /1 error blocks the import/);
  await b.shot("import-broken-cell");
  await b.page.keyboard.press("Escape");
  await dialog().waitFor({ state: "detached" });
  assert.equal(await rows().count(), 2);
  assert.equal((await callsTo("commit_plan_import")).length, 0);
});

test("the preview is worked from the keyboard: focus starts in it, Tab stays in it, a select corrects a column", async () => {
  await library();
  await b.page.evaluate(() => localStorage.clear());
  await choose("agency-plan.xlsx");
  await dialog().getByRole("table", { name: "Columns" }).waitFor();
  assert.equal(await b.page.evaluate(() => document.activeElement?.getAttribute("role")), "dialog");
  // Tab round the dialog: never out to the library behind it.
  const seen = new Set();
  for (let i = 0; i < 40; i++) {
    await b.page.keyboard.press("Tab");
    const inside = await b.page.evaluate(() => !!document.activeElement?.closest("[role=dialog]"));
    assert.ok(inside, `focus stays in the dialog (tab ${i + 1})`);
    seen.add(await b.page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent));
  }
  assert.ok(seen.has("Column G Spend allocation is read as"), "every column's select is reachable");
  const spend = dialog().getByRole("combobox", { name: "Column G Spend allocation is read as" });
  await spend.focus();
  await spend.selectOption("budget");
  await fact("Net media").filter({ hasText: "£28,250.00" }).waitFor();
  assert.equal(await b.page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Column G Spend allocation is read as", "focus stays on the select");
  await importButton().focus();
  await b.page.keyboard.press("Enter");
  await rows().filter({ hasText: "Spring 2027 launch" }).waitFor();
});
