// Browser tests of plans going in and out: importing a plan file through the import preview (and
// refusing a broken one with where and why; spreadsheets and mediaplanschema are
// plan-import.test.mjs), exporting plan files, XLSX, CSV and the PDF through the native dialogs the shell
// opens itself (no path ever crosses from the page), the library's recent plans, and the native
// menu's actions. The dialogs answer from a queue the test fills (browser/mocks/dialogs.ts); menu
// items arrive as the shell's "menu" event.
// Run: node --test browser/library.test.mjs (from ui/).

import { test } from "node:test";
import assert from "node:assert/strict";
import { scenario, usd, useBrowser } from "./harness.mjs";

const b = useBrowser();
const SAMPLE = "Q1 2027 Cold Brew Launch";
const IMPORTED = scenario("filesImported").plan.name;

/** What the next native dialog the shell opens returns. */
const pick = (path) => b.page.evaluate((p) => window.__dialogAnswers.push(p), path);
/** Every dialog the shell opened so far. */
const asked = () => b.page.evaluate(() => window.__dialogAsks);
/** No command was sent a file path: the page never names one. */
async function noPathsSent() {
  for (const c of await b.calls()) {
    assert.ok(!JSON.stringify(c.args ?? {}).includes("/home/ana"), `${c.cmd} was sent a path: ${JSON.stringify(c.args)}`);
  }
}
/** The shell's native menu: emit its "menu" event with an item's id. */
const menu = (id) =>
  b.page.evaluate((payload) => window.__TAURI_INTERNALS__.invoke("plugin:event|emit", { event: "menu", payload }), id);
const callsTo = async (cmd) => (await b.calls()).filter((c) => c.cmd === cmd);
const rows = () => b.page.locator("table.library-table tbody tr");
const library = async () => {
  await b.page.goto(b.base);
  await rows().first().waitFor();
};

test("a plan file is imported through the open dialog and shows in the library with the core's figures", async () => {
  await library();
  assert.equal(await rows().count(), 2);
  await pick("/home/ana/Downloads/cold-brew-agency-v3.json");
  await b.page.getByRole("button", { name: "Import plan…" }).click();
  // The plan file is previewed like any other plan before it joins the library.
  const preview = b.page.getByRole("dialog", { name: "Import plan" });
  await preview.getByText("Flightplan plan file (flightplan/1)").waitFor();
  assert.equal(await preview.getByRole("table", { name: "Lines to import" }).locator("tbody tr").count(), scenario("filesImported").plan.lines.length);
  assert.equal(await rows().count(), 2, "nothing is saved before Import");
  await preview.getByRole("button", { name: "Import into library" }).click();
  await preview.waitFor({ state: "detached" });
  const row = rows().filter({ hasText: IMPORTED });
  await row.waitFor();
  assert.equal(await rows().count(), 3);
  const want = scenario("filesImported").view.totals.budget;
  assert.ok((await row.innerText()).includes(usd(want)), `the imported plan's budget ${usd(want)} is listed`);
  assert.match(await row.getAttribute("class"), /just-imported/);
  await b.page.locator(".toast", { hasText: `“${IMPORTED}” imported into the library.` }).waitFor();
  await b.shot("library-imported");

  const [dialog] = await asked();
  assert.equal(dialog.kind, "open");
  assert.deepEqual(dialog.filters.map((f) => f.extensions), [["xlsx", "csv", "json", "flightplan"], ["xlsx", "csv"], ["json", "flightplan"]]);
  assert.equal((await callsTo("choose_plan_import")).length, 1);
  assert.deepEqual((await callsTo("commit_plan_import")).map((c) => c.args), [{ source: 0, choices: {} }]);
  await noPathsSent();

  // The toast's Open opens it.
  await b.page.locator(".toast").getByRole("button", { name: "Open" }).click();
  await b.page.locator(".stage-rail").waitFor();
  assert.equal(await b.page.locator("h1").textContent(), IMPORTED);
});

test("a broken plan file is refused naming the file, the JSON path, the plan line and the file line", async () => {
  await library();
  await pick("/home/ana/Downloads/spring-refresh.json");
  await b.page.getByRole("button", { name: "Import plan…" }).click();
  const box = b.page.getByTestId("import-refused");
  await box.waitFor();
  const core = scenario("filesBroken").error; // the core's refusal of the file, line and column real
  const [line, column] = [core.json_line, core.json_column];
  assert.ok(line > 1 && column > 1, "the core gives the file line and column as fields");
  const shown = await box.innerText();
  assert.match(shown, /spring-refresh\.json was not imported/);
  assert.match(shown, /"twelve" is not a decimal number \(write it like "12\.50"\)/);
  assert.ok(shown.includes(`File line ${line}, column ${column}`), `the file line ${line} is named`);
  assert.ok(shown.includes(`JSON path ${core.path}`), `the JSON path ${core.path} is named`);
  assert.ok(shown.includes(`Plan line ${core.line}`), `the plan line ${core.line} is named`);
  assert.match(shown, /The library is unchanged/);
  assert.equal(await rows().count(), 2, "nothing was added");
  await b.shot("library-import-refused");

  // Cancelling the dialog does nothing at all.
  await box.getByRole("button", { name: "Dismiss" }).click();
  await b.page.getByRole("button", { name: "Import plan…" }).click();
  await b.page.waitForFunction(() => window.__dialogAsks.length === 2);
  assert.equal((await callsTo("choose_plan_import")).length, 2);
  assert.equal(await box.count(), 0);
  assert.equal(await rows().count(), 2);
});

test("a plan is exported as a plan file from its row, named after its client and plan", async () => {
  await library();
  await pick("/home/ana/plans/cold-brew-q1");
  await b.page.getByRole("button", { name: `Export ${SAMPLE}` }).click();
  const notice = b.page.getByTestId("library-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /Plan file saved to \/home\/ana\/plans\/cold-brew-q1\.flightplan\./);
  const sample = scenario("sample").plan;
  const [dialog] = await asked();
  assert.equal(dialog.kind, "save");
  assert.equal(dialog.fileName, `${sample.client} ${sample.name}.flightplan`);
  assert.deepEqual(dialog.filters, [{ name: "Flightplan plan", extensions: ["flightplan", "json"] }]);
  const [exp] = await callsTo("export_plan_file");
  assert.deepEqual(exp.args, { id: 1 });
  assert.equal(await b.page.locator(".stage-rail").count(), 0, "exporting does not open the plan");
});

test("Recent lists the plans opened most recently, newest first, and skips deleted ones", async () => {
  await library();
  await b.page.evaluate(() => localStorage.clear());
  await library();
  assert.equal(await b.page.locator(".recent").count(), 0, "no recent strip before any plan is opened");

  await rows().filter({ hasText: SAMPLE }).first().click();
  await b.page.locator(".stage-rail").waitFor();
  await b.page.getByRole("button", { name: "Library" }).click();
  const cards = b.page.locator(".recent-card");
  await cards.first().waitFor();
  assert.equal(await cards.count(), 1);

  await rows().filter({ hasText: "Untitled plan" }).click();
  await b.page.locator(".stage-rail").waitFor();
  await b.page.getByRole("button", { name: "Library" }).click();
  await cards.nth(1).waitFor();
  assert.deepEqual(await cards.locator(".recent-name").allTextContents(), ["Untitled plan", SAMPLE]);
  const first = await cards.nth(1).innerText();
  assert.ok(first.includes(usd(scenario("sample").view.totals.budget)), "the card shows the core's budget");
  assert.ok(first.includes(scenario("sample").plan.client));
  assert.equal(`${scenario("sample").plan.start} ${scenario("sample").plan.end}`, "2027-01-04 2027-03-28");
  assert.ok(first.includes("4 Jan – 28 Mar 2027"), "the card shows the period");
  await b.shot("library-recent");

  // Survives a restart (localStorage), and a deleted plan drops out.
  await library();
  await cards.nth(1).waitFor();
  await rows().filter({ hasText: "Untitled plan" }).getByRole("button", { name: "Delete Untitled plan" }).click();
  await b.page.locator(".toast", { hasText: "moved to the trash" }).waitFor();
  await b.page.waitForFunction(() => document.querySelectorAll(".recent-card").length === 1);
  assert.deepEqual(await cards.locator(".recent-name").allTextContents(), [SAMPLE]);

  // A card opens its plan.
  await cards.first().click();
  await b.page.locator(".stage-rail").waitFor();
  assert.equal(await b.page.locator("h1").textContent(), SAMPLE);
});

test("XLSX and CSV exports from the plan screen say where they went and open on request", async () => {
  await b.openPlan(SAMPLE);
  const sample = scenario("sample").plan;
  const notice = b.page.getByTestId("export-notice");

  await pick("/home/ana/exports/q1.xlsx");
  await b.page.getByRole("button", { name: "More export formats" }).click();
  const items = b.page.getByRole("menu", { name: "Export" }).getByRole("menuitem");
  assert.deepEqual(await items.locator(".menu-label").allTextContents(), ["Export XLSX…", "Export CSV…", "Export mediaplanschema…", "Export plan file…", "Update from file…"]);
  await b.shot("plan-export-menu");
  await items.filter({ hasText: "Export XLSX…" }).click();
  await notice.filter({ hasText: "XLSX workbook saved to /home/ana/exports/q1.xlsx." }).waitFor();
  let table = await callsTo("export_table");
  assert.deepEqual(table.at(-1).args, { id: 1, format: "xlsx" });
  let save = (await asked()).at(-1);
  assert.equal(save.fileName, `${sample.client} ${sample.name}.xlsx`);
  assert.deepEqual(save.filters[0].extensions, ["xlsx"]);
  assert.equal((await callsTo("open_export")).length, 0, "a spreadsheet is not opened unasked");
  await notice.getByRole("button", { name: "Open" }).click();
  await b.page.waitForFunction(() => window.__ipcCalls.some((c) => c.cmd === "open_export"));
  const xlsxNumber = (await callsTo("open_export"))[0].args.export;
  assert.equal(typeof xlsxNumber, "number", "the file is opened by the number the shell gave it");
  await b.shot("plan-export-xlsx");

  // The dialog handed back a name without its extension: the notice shows the file written.
  await pick("/home/ana/exports/q1-lines");
  await b.page.getByRole("button", { name: "More export formats" }).click();
  await items.filter({ hasText: "Export CSV…" }).click();
  await notice.filter({ hasText: "CSV saved to /home/ana/exports/q1-lines.csv." }).waitFor();
  table = await callsTo("export_table");
  assert.deepEqual(table.at(-1).args, { id: 1, format: "csv" });
  save = (await asked()).at(-1);
  assert.deepEqual(save.filters[0].extensions, ["csv"]);
  await notice.getByRole("button", { name: "Open" }).click();
  await b.page.waitForFunction(() => window.__ipcCalls.filter((c) => c.cmd === "open_export").length === 2);
  const csvNumber = (await callsTo("open_export"))[1].args.export;
  assert.notEqual(csvNumber, xlsxNumber);

  // Cancelling the dialog writes nothing and says nothing.
  await b.page.getByRole("button", { name: "More export formats" }).click();
  await items.filter({ hasText: "Export plan file…" }).click();
  await b.page.waitForFunction(() => window.__dialogAsks.length === 3);
  assert.equal((await callsTo("export_plan_file")).length, 1);
  await notice.filter({ hasText: "CSV saved to" }).waitFor();
  await noPathsSent();
});

test("Update from file… shows what the CSV sent back changes, applies it as one edit through the core, and Undo takes it back", async () => {
  await b.openPlan(SAMPLE);
  const before = scenario("sample").plan;
  const total = b.kpi("Gross total");
  const grossBefore = await total.textContent();

  // A plan file is not a spreadsheet: said, and nothing to apply.
  await pick("/home/ana/Downloads/plan.json");
  await b.page.getByRole("button", { name: "More export formats" }).click();
  await b.page.getByRole("menuitem", { name: /Update from file…/ }).click();
  let dialog = b.page.getByRole("dialog", { name: "Update from plan.json" });
  await dialog.waitFor();
  assert.match(await dialog.locator('[data-code="not_a_spreadsheet"]').textContent(), /import it as a plan of its own/);
  assert.equal(await dialog.getByRole("button", { name: "Apply changes" }).count(), 0);
  await dialog.getByRole("button", { name: "Close" }).click();

  // The client's CSV: the brand search rate 1.20 → 1.35, prospecting deleted.
  await pick("/home/ana/Downloads/Cold Brew lines.csv");
  await menu("update_plan");
  dialog = b.page.getByRole("dialog", { name: "Update from Cold Brew lines.csv" });
  await dialog.waitFor();
  const ask = (await asked()).at(-1);
  assert.deepEqual([ask.title, ask.filters[0].extensions], ["Update the plan from a spreadsheet", ["xlsx", "csv"]]);
  const rate = dialog.locator('tr[data-line="google-brand"][data-field="rate"] td');
  assert.deepEqual(await rate.allTextContents(), ["Search — Brand", "Rate", usd("1.20"), usd("1.35"), `+${usd("0.15")}`]);
  await dialog.getByText("Removed: Prospecting — Broad (Meta), $48,000.00 net").waitFor();
  assert.match(await dialog.getByRole("list", { name: "Kept" }).textContent(), /2 scenarios, 6 response curves/);
  await b.shot("plan-update-from-file");
  assert.equal((await callsTo("save_plan")).length, 0, "nothing is saved before Apply");

  await dialog.getByRole("button", { name: "Apply changes" }).click();
  await dialog.waitFor({ state: "detached" });
  await b.page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();
  const saved = (await callsTo("save_plan")).at(-1).args.plan;
  assert.equal(saved.lines.length, before.lines.length - 1);
  assert.equal(saved.lines[0].rate, "1.35");
  assert.equal(saved.scenarios.length, before.scenarios.length, "the scenarios stay");
  const grid = b.page.locator(".line-grid");
  await grid.locator('td[data-row="0"][data-col="3"]').filter({ hasText: "1.35" }).waitFor();
  assert.notEqual(await total.textContent(), grossBefore);

  // One Undo takes the whole update back.
  await b.page.getByRole("button", { name: "Undo" }).click();
  await grid.locator('td[data-row="0"][data-col="3"]').filter({ hasText: "1.20" }).waitFor();
  await grid.getByText("Prospecting — Broad").first().waitFor();
  assert.equal(await total.textContent(), grossBefore);
  await noPathsSent();
});

test("Export PDF writes the PDF, opens it, and offers to open it again", async () => {
  await b.openPlan(SAMPLE);
  await pick("/home/ana/exports/Cold Brew Q1.pdf");
  await b.page.getByRole("button", { name: "Export PDF" }).click();
  // The paper first (the plan's A4 chosen), then the save dialog.
  await b.page.getByRole("dialog", { name: "Export the one-page plan" }).getByRole("button", { name: "Save PDF…" }).click();
  const notice = b.page.getByTestId("export-notice");
  await notice.filter({ hasText: "PDF saved to /home/ana/exports/Cold Brew Q1.pdf and opened in your PDF viewer." }).waitFor();
  assert.deepEqual((await callsTo("export_pdf"))[0].args, { id: 1, paper: "a4" });
  assert.equal((await asked())[0].fileName, "Northwind Coffee Co. Q1 2027 Cold Brew Launch.pdf");
  assert.deepEqual((await callsTo("open_export")).map((c) => typeof c.args.export), ["number"]);
  await b.shot("plan-export-pdf");
  await notice.getByRole("button", { name: "Open again" }).click();
  await b.page.waitForFunction(() => window.__ipcCalls.filter((c) => c.cmd === "open_export").length === 2);
});

test("the native menu's items run the same actions as the buttons", async () => {
  await library();
  // Help › About.
  await menu("about");
  const about = b.page.getByRole("dialog", { name: "Flightplan" });
  await about.waitFor();
  assert.match(await about.innerText(), /Version 0\.1\.0[\s\S]*Offline media planning/);
  await b.shot("about");
  await b.page.keyboard.press("Escape");
  await about.waitFor({ state: "detached" });

  // File › New Plan opens a blank plan.
  await menu("new_plan");
  await b.page.locator(".stage-rail").waitFor();
  assert.equal(await b.page.locator("h1").textContent(), "Untitled plan");
  assert.deepEqual((await callsTo("create_plan")).map((c) => c.args), [{ from: "blank" }]);

  // File › Library, then open the sample.
  await menu("library");
  await b.page.locator("h1", { hasText: "Plan library" }).waitFor();
  await rows().filter({ hasText: SAMPLE }).first().click();
  await b.page.locator(".stage-rail").waitFor();

  // Edit › Undo and Redo step through the plan store, as Ctrl+Z does.
  await b.page.locator('.stage[data-stage="1"]').click();
  const budget = b.page.locator('input[data-path="budget"]');
  await budget.fill("$300,000.00");
  await budget.press("Enter");
  const kpi = b.kpi("Budget");
  await kpi.filter({ hasText: usd(scenario("budget").view.totals.budget) }).waitFor();
  await b.page.locator("h1").click();
  await menu("undo");
  await kpi.filter({ hasText: usd(scenario("sample").view.totals.budget) }).waitFor();
  await menu("redo");
  await kpi.filter({ hasText: usd(scenario("budget").view.totals.budget) }).waitFor();
  await b.page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();

  // Edit › Save Version… opens the Versions popover; View › Workshop Mode the workshop.
  await menu("snapshot");
  await b.page.getByRole("dialog", { name: "Versions" }).waitFor();
  await menu("workshop");
  const ws = b.page.getByRole("dialog", { name: "Workshop mode" });
  await ws.waitFor();
  await b.page.keyboard.press("Escape");
  await ws.waitFor({ state: "detached" });

  // File › Export CSV… runs the plan screen's export.
  await pick("/home/ana/exports/lines.csv");
  await menu("export_csv");
  await b.page.getByTestId("export-notice").filter({ hasText: "CSV saved to /home/ana/exports/lines.csv." }).waitFor();
  assert.equal((await callsTo("export_table")).at(-1).args.format, "csv");

  // File › Import Plan… from the plan screen: the preview opens over the library.
  await pick("/home/ana/Downloads/cold-brew-agency-v3.json");
  await menu("import_plan");
  const preview = b.page.getByRole("dialog", { name: "Import plan" });
  await preview.getByRole("button", { name: "Import into library" }).click();
  await rows().filter({ hasText: IMPORTED }).waitFor();
  assert.equal(await b.page.locator("h1").textContent(), "Plan library");
  assert.equal((await callsTo("choose_plan_import")).length, 1);

  // Cancelling File › Import from a plan leaves the planner on the plan.
  await rows().filter({ hasText: SAMPLE }).first().click();
  await b.page.locator(".stage-rail").waitFor();
  await menu("import_plan");
  await b.page.waitForFunction(() => window.__ipcCalls.filter((c) => c.cmd === "choose_plan_import").length === 2);
  await b.page.waitForFunction(() => window.__dialogAsks.filter((a) => a.kind === "open").length === 2);
  assert.equal(await b.page.locator(".stage-rail").count(), 1);
  await noPathsSent();
});

test("a plan file the system opens is shown first and imported only when the planner says so", async () => {
  await library();
  // The file manager opens a good file and a broken one.
  await b.page.evaluate(() => window.__openFile("Cold brew v3.flightplan", "filesImported"));
  const dialog = b.page.getByRole("dialog", { name: "Open Cold brew v3.flightplan?" });
  await dialog.waitFor();
  const shown = await dialog.innerText();
  assert.ok(shown.includes(IMPORTED), "the plan's name is shown");
  assert.ok(shown.includes(scenario("filesImported").plan.client), "and its client");
  assert.equal(await rows().count(), 2, "nothing imported yet");
  await b.shot("opened-file");
  await dialog.getByRole("button", { name: "Import into library" }).click();
  await rows().filter({ hasText: IMPORTED }).waitFor();
  assert.equal(await rows().count(), 3);
  await dialog.waitFor({ state: "detached" });

  await b.page.evaluate(() => window.__openFile("spring-refresh.flightplan", "filesBroken"));
  const broken = b.page.getByRole("dialog", { name: "Open spring-refresh.flightplan?" });
  await broken.waitFor();
  assert.match(await broken.getByRole("alert").innerText(), /cannot be imported: .*"twelve" is not a decimal number/);
  assert.equal(await broken.getByRole("button", { name: "Import into library" }).count(), 0);
  await broken.getByRole("button", { name: "Close" }).click();
  await broken.waitFor({ state: "detached" });
  assert.equal(await rows().count(), 3, "the broken file changed nothing");
  assert.deepEqual((await callsTo("dismiss_opened_file")).map((c) => c.args), [{ pending: 1 }]);
});
