// Browser tests for stage 6, Monitor & optimise: the review of a plan three weeks into its flight
// (pacing, chart, recommendations, performance), importing real platform reports with a preview
// (its dialect, period, totals and unmatched campaigns; a report without dates given its period),
// hand-entered actuals over a range of days, reconciliation, and "Start next plan".
// Every figure checked is the real core's, from core-fixtures.json and monitoring-fixtures.json.
// Run: node --test browser/monitoring.test.mjs (from ui/).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scenario, usd, useBrowser } from "./harness.mjs";

const b = useBrowser();
const monitoring = JSON.parse(readFileSync(join(import.meta.dirname, "../src/test/monitoring-fixtures.json"), "utf8"));
const GOOGLE = "/home/planner/Downloads/google_ads_campaign_report_daily.csv";
const PORTUGUESE = "/home/planner/Downloads/googleads-ptbr-campanha-brl.csv";
const ALL_TIME = "/home/planner/Downloads/googleads-intrago-campaign-alltime.csv";
const UK = "/home/planner/Downloads/google-ads-uk-daily.csv";
const preview = (name, path) => monitoring.previews.find((p) => p.scenario === name && p.path === path);
const ACTION = { scale: "Scale", hold: "Hold", cut: "Cut", fix_tracking: "Fix tracking", not_enough_data: "Not enough data" };

/** Open a plan of the mock's library with ?monitored (by default the in-flight sample) at stage 6. */
async function openMonitored(name = "Cold Brew Q1 — in flight") {
  await b.page.goto(`${b.base}?monitored`);
  await b.page.locator("table.library-table tbody tr", { hasText: name }).click();
  await b.page.locator(".stage-rail").waitFor();
  await b.page.locator('.stage[data-stage="6"]').click();
  await b.page.getByTestId("monitor-pace").waitFor();
}
/** "1234.5" as the UI shows reais with the default number style: "R$1,234.5". */
const brl = (v) => usd(v).replace("$", "R$");

const saved = () => b.page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();


/** The core's message as the UI shows it on its own: a sentence (errors.ts errorMessage). */
const sentence = (m) => m[0].toUpperCase() + m.slice(1);

test("stage 6: the review shows the core's pacing, chart, recommendations and performance", async () => {
  await openMonitored();
  const mon = scenario("monitored").monitor;
  const t = mon.pacing.total;
  assert.equal(await b.page.getByTestId("monitor-pace").textContent(), `${t.pace_pct}%`);
  assert.equal(await b.page.getByTestId("monitor-actual").textContent(), usd(t.actual));
  assert.equal(await b.page.getByTestId("monitor-expected").textContent(), usd(t.expected));
  assert.equal(await b.page.getByTestId("monitor-projected").textContent(), usd(t.projected));
  assert.equal(await b.page.getByTestId("monitor-daily").textContent(), usd(t.daily_needed));
  assert.equal(await b.page.getByTestId("as-of").getAttribute("data-date"), mon.as_of);
  assert.match(await b.page.locator(".monitor-summary").textContent(), t.alert === "underpacing" ? /Under-pacing/ : /Over-pacing|On pace/);

  // The chart draws the planned and the actual cumulative spend, and marks the as-of day.
  for (const id of ["pace-planned", "pace-actual"]) {
    const d = await b.page.getByTestId(id).getAttribute("d");
    assert.ok(d && d.split("L").length > 3, `${id} has a path (${d})`);
  }
  await b.page.getByTestId("pace-asof").waitFor();
  await b.shot("monitor-review");

  // Pacing per line: each line's actual, variance and pace from the core; alerts where it gives one.
  for (const l of mon.pacing.lines) {
    const row = b.page.locator(`.pacing-table tbody tr[data-line="${l.line}"]`);
    const cells = await row.locator("td").allTextContents();
    assert.equal(cells[2], usd(l.actual), `${l.line} actual`);
    assert.equal(cells[3], usd(l.variance), `${l.line} variance`);
    assert.equal(cells[4], l.pace_pct === null ? "—" : `${l.pace_pct}%`, `${l.line} pace`);
    assert.equal(cells[8], l.alert === "overpacing" ? "Over-pacing" : l.alert === "underpacing" ? "Under-pacing" : l.pace_pct === null ? "Not started" : "On pace", `${l.line} alert`);
  }

  // Picking a line charts it: the readout is that line's expected and actual spend.
  const over = mon.pacing.lines.find((l) => l.alert === "overpacing");
  await b.page.locator(`.pacing-table tbody tr[data-line="${over.line}"]`).click();
  assert.equal(await b.page.getByTestId("chart-line").inputValue(), over.line);
  const readout = await b.page.locator(".pace-readout").textContent();
  assert.ok(readout.includes(usd(over.expected)) && readout.includes(usd(over.actual)), readout);
  assert.match(await b.page.getByTestId("pace-actual").getAttribute("class"), /tone-over/);
  await b.shot("monitor-chart-line");

  // Recommendations: every line's action and the core's reason, word for word.
  for (const r of mon.recommendations) {
    const item = b.page.locator(`.recs li[data-line="${r.line}"]`);
    assert.equal(await item.locator(".action-badge").textContent(), ACTION[r.action], `${r.line} action`);
    assert.equal(await item.locator(".rec-reason").textContent(), r.reason, `${r.line} reason`);
  }
  const actions = new Set(mon.recommendations.map((r) => r.action));
  for (const a of ["scale", "cut", "not_enough_data", "hold"]) assert.ok(actions.has(a), `the scenario has a ${a} line`);
  await b.page.locator(".recs").scrollIntoViewIfNeeded();
  await b.shot("monitor-recommendations");

  // Performance: the delivered spend and the learning status per line.
  for (const p of mon.performance) {
    const row = b.page.locator(`.perf-table tbody tr[data-line="${p.line}"]`);
    const cells = await row.locator("td").allTextContents();
    assert.equal(cells[3], usd(p.delivered.spend), `${p.line} spend`);
    if (p.learning) assert.match(cells[cells.length - 1], new RegExp(`^${p.learning.state === "not_started" ? "Not started" : p.learning.state[0].toUpperCase() + p.learning.state.slice(1)}`));
  }
});

test("stage 6: a plan with no actuals yet is reviewed as not started", async () => {
  await b.openPlan("Q1 2027 Cold Brew Launch");
  await b.page.locator('.stage[data-stage="6"]').click();
  await b.page.getByTestId("monitor-pace").waitFor();
  const t = scenario("sample").monitor.pacing.total;
  assert.equal(t.pace_pct, null);
  assert.equal(await b.page.getByTestId("monitor-pace").textContent(), "—");
  assert.equal(await b.page.getByTestId("monitor-actual").textContent(), usd(t.actual));
  assert.match(await b.page.locator(".monitor-summary").textContent(), /No actuals yet.*Not started/s);
  await b.shot("monitor-empty");
});

test("stage 6: another review day is the core's review as of that day", async () => {
  await openMonitored();
  const day = "2027-01-17";
  const want = monitoring.reviews.find((r) => r.scenario === "monitored" && r.as_of === day).monitor.pacing.total;
  await b.page.getByTestId("as-of").fill(day);
  await b.page.getByTestId("as-of").press("Enter");
  await b.page.locator(".monitor-summary h2", { hasText: "17 Jan 2027" }).waitFor();
  assert.equal(await b.page.getByTestId("monitor-actual").textContent(), usd(want.actual));
  assert.equal(await b.page.getByTestId("monitor-expected").textContent(), usd(want.expected));
  assert.equal(await b.page.getByTestId("monitor-pace").textContent(), `${want.pace_pct}%`);
  await b.page.getByRole("button", { name: "Latest actuals" }).click();
  await b.page.locator(".monitor-summary h2", { hasText: "24 Jan 2027" }).waitFor();
  assert.equal(await b.page.getByTestId("monitor-actual").textContent(), usd(scenario("monitored").monitor.pacing.total.actual));
});

test("stage 6: a report is previewed with its unmatched campaigns, assigned, re-previewed and imported", async () => {
  await openMonitored();
  const first = preview("monitored", GOOGLE).preview;
  await b.page.evaluate((p) => window.__dialogAnswers.push(p), GOOGLE);
  await b.page.getByRole("button", { name: "Choose report…" }).click();
  const panel = b.page.getByTestId("import-preview");
  await panel.waitFor();
  // Nothing matches yet: every campaign is listed with its file lines and spend, none dropped.
  assert.equal(await b.page.getByTestId("preview-added").textContent(), `${first.added.length} rows to add`);
  assert.equal(await panel.locator(".unmatched-table tbody tr").count(), first.unmatched.length);
  for (const u of first.unmatched) {
    const row = panel.locator(`.unmatched-table tr[data-campaign="${u.campaign}"]`);
    const lines = await row.getByTestId("unmatched-lines").textContent();
    assert.deepEqual(lines.split(", ").map(Number), u.file_lines, `${u.campaign} file lines`);
    assert.ok((await row.textContent()).includes(usd(u.spend)), `${u.campaign} spend`);
  }
  assert.equal(await b.page.getByTestId("import-accept").isDisabled(), true);
  await panel.locator(".skipped summary").click();
  await b.shot("monitor-import-unmatched");

  // Assign the brand campaign to brand search: a plan edit, then the same file is read again.
  const row = panel.locator('.unmatched-table tr[data-campaign="Search - Brand - US"]');
  await row.locator("select").selectOption("google-brand");
  await row.getByRole("button", { name: "Assign" }).click();
  const second = preview("monitorAssigned", GOOGLE).preview;
  await b.page.getByTestId("preview-added").filter({ hasText: `${second.added.length} rows to add` }).waitFor();
  await saved();
  const assigned = scenario("monitorAssigned").plan.lines.find((l) => l.id === "google-brand");
  assert.deepEqual(assigned.launch.campaigns, ["Search - Brand - US"]);
  assert.equal(await panel.locator(".unmatched-table tbody tr").count(), second.unmatched.length);
  assert.equal(await panel.locator('.preview-table tr[data-line="google-brand"] [data-testid="rows-per-line"]').textContent(), String(second.added.length));
  // The report is from September 2025: the preview says so before anything is saved.
  assert.match(await panel.locator('.inline-warning[role="note"]').textContent(), /outside the plan's period/);
  await b.shot("monitor-import-assigned");

  // Import: the core's complete actuals are saved, and the review is the core's for that plan.
  await b.page.getByTestId("import-accept").click();
  await saved();
  await b.page.locator(".notice", { hasText: `Imported ${second.added.length} rows` }).waitFor();
  const after = scenario("monitorImported");
  assert.equal(await b.page.getByTestId("monitor-actual").textContent(), usd(after.monitor.pacing.total.actual));
  const calls = await b.calls();
  const last = calls.filter((c) => c.cmd === "save_plan").pop();
  assert.equal(last.args.plan.actuals.length, after.plan.actuals.length);
  assert.equal(await b.page.getByTestId("import-preview").count(), 0);
  // The grid shows the report's day rows beside the typed weeks.
  await b.page.getByRole("tab", { name: /^Actuals/ }).click();
  const i = after.plan.actuals.findIndex((a) => a.source === "google:Search - Brand - US");
  const dayRow = b.page.locator(`.actuals-table tbody tr[data-row="${i}"]`);
  assert.equal(after.plan.actuals[i].start, after.plan.actuals[i].end);
  assert.equal(await dayRow.getByTestId("covers").textContent(), "Day");
  assert.equal(await dayRow.locator(`input[data-path="actuals[${i}].end"]`).getAttribute("data-date"), after.plan.actuals[i].end);
  await dayRow.scrollIntoViewIfNeeded();
  await b.shot("monitor-actuals-imported");
});

test("stage 6: a real Portuguese Google Ads report shows its dialect, period and totals, and imports once a campaign is assigned", async () => {
  await openMonitored("Dedetização SP");
  const first = preview("brazil", PORTUGUESE).preview;
  await b.page.evaluate((p) => window.__dialogAnswers.push(p), PORTUGUESE);
  await b.page.getByRole("button", { name: "Choose report…" }).click();
  const panel = b.page.getByTestId("import-preview");
  await panel.waitFor();
  // What the file held, as the core read it: the dialect, the period its title states, and the
  // exact totals of its three data rows (the .source.txt's figures), in reais.
  assert.equal(await b.page.getByTestId("preview-dialect").textContent(), "Google Ads (pt)");
  assert.equal(first.dialect.label, "Google Ads (pt)");
  assert.equal(await b.page.getByTestId("preview-period").textContent(), "5 May – 15 May 2026");
  assert.equal(await b.page.getByTestId("preview-rows-read").textContent(), String(first.rows_read));
  assert.deepEqual(first.totals, { spend: "118.99", impressions: "519", clicks: "34", conversions: "14.00" });
  assert.equal(await b.page.getByTestId("report-total-spend").textContent(), brl(first.totals.spend));
  assert.equal(await b.page.getByTestId("report-total-impressions").textContent(), first.totals.impressions);
  assert.equal(await b.page.getByTestId("report-total-clicks").textContent(), first.totals.clicks);
  assert.equal(await b.page.getByTestId("report-total-conversions").textContent(), first.totals.conversions);
  assert.equal(await panel.locator(".unmatched-table tbody tr").count(), 3);
  await panel.locator(".skipped summary").click();
  assert.match(await panel.locator(".skipped").textContent(), /Lines 1–2: above the header.*Lines 7–9: platform total row/s);
  await b.page.locator(".monitor-work").scrollIntoViewIfNeeded();
  await b.shot("monitor-import-portuguese");

  // The cockroach campaign is the cockroach line's: assigned, read again, imported.
  const row = panel.locator('.unmatched-table tr[data-campaign="[SEARCH][06.05.26]-BARATAS"]');
  await row.locator('select[aria-label^="Line for"]').selectOption("busca-baratas");
  await row.getByRole("button", { name: "Assign" }).click();
  const second = preview("brazilAssigned", PORTUGUESE).preview;
  await b.page.getByTestId("preview-added").filter({ hasText: `${second.added.length} rows to add` }).waitFor();
  assert.equal(second.added.length, 1);
  assert.equal(await panel.locator('.preview-table tr[data-line="busca-baratas"] td').first().textContent(), "[SEARCH][06.05.26]-BARATAS");
  await saved();
  await b.page.getByTestId("import-accept").click();
  await saved();
  const after = scenario("brazilImported");
  assert.deepEqual(after.plan.actuals.map((a) => [a.line, a.start, a.end, a.spend]), [["busca-baratas", "2026-05-05", "2026-05-15", "116.12"]]);
  assert.equal(await b.page.getByTestId("monitor-actual").textContent(), brl(after.monitor.pacing.total.actual));
  // In the grid the report's row covers its whole period: a range row, with its source.
  await b.page.getByRole("tab", { name: /^Actuals/ }).click();
  const imported = b.page.locator('.actuals-table tbody tr[data-row="0"]');
  assert.equal(await imported.locator('input[data-path="actuals[0].start"]').getAttribute("data-date"), "2026-05-05");
  assert.equal(await imported.locator('input[data-path="actuals[0].end"]').getAttribute("data-date"), "2026-05-15");
  assert.equal(await imported.getByTestId("covers").textContent(), "11 days");
  assert.equal(await imported.locator(".source").textContent(), "Google · [SEARCH][06.05.26]-BARATAS");
  await b.page.locator(".monitor-work").scrollIntoViewIfNeeded();
  await b.shot("monitor-actuals-imported-range");
});

test("stage 6: a UK report's dates are read day first from their own run, and again month first when the planner says so", async () => {
  await openMonitored();
  const dayFirst = preview("monitored", UK).preview;
  const monthFirst = monitoring.previews.find((p) => p.scenario === "monitored" && p.path === UK && p.dates === "month_first").preview;
  assert.deepEqual([dayFirst.dates.order, dayFirst.dates.basis, monthFirst.dates.order, monthFirst.dates.basis], ["day_first", "shape", "month_first", "given"]);
  await b.page.evaluate((p) => window.__dialogAnswers.push(p), UK);
  await b.page.getByRole("button", { name: "Choose report…" }).click();
  await b.page.getByTestId("import-preview").waitFor();
  const order = b.page.getByLabel("Date order in the report");
  assert.equal(await order.inputValue(), "day_first");
  assert.equal(await b.page.getByTestId("preview-period").textContent(), "1 Sep – 7 Sep 2025");
  assert.match(await b.page.getByTestId("preview-dates").textContent(), /“01\/09\/2025” is 1 Sep 2025, not 9 Jan 2025: read so, the dates run day after day/);
  await b.page.getByTestId("import-preview").scrollIntoViewIfNeeded();
  await b.shot("monitor-import-uk-dates");

  await order.selectOption("month_first");
  await b.page.getByTestId("preview-period").filter({ hasText: "9 Jan – 9 Jul 2025" }).waitFor();
  assert.match(await b.page.getByTestId("preview-dates").textContent(), /“01\/09\/2025” is 9 Jan 2025, not 1 Sep 2025: as you chose/);
  assert.equal(await order.inputValue(), "month_first");
});

test("stage 6: a report without dates asks for the period it covers, then is read with it", async () => {
  await openMonitored();
  const refused = preview("monitored", ALL_TIME);
  assert.equal(refused.error.code, "no_period");
  await b.page.evaluate((p) => window.__dialogAnswers.push(p), ALL_TIME);
  await b.page.getByRole("button", { name: "Choose report…" }).click();
  const ask = b.page.getByTestId("no-period");
  await ask.waitFor();
  assert.equal(await ask.locator(".error-message").textContent(), `${refused.error.file}, row ${refused.error.row}: ${sentence(refused.error.message)}`);
  // Prefilled with the plan's first day to the review day.
  assert.equal(await b.page.getByLabel("Report period start").getAttribute("data-date"), "2027-01-04");
  assert.equal(await b.page.getByLabel("Report period start").inputValue(), "4 Jan 2027");
  assert.equal(await b.page.getByLabel("Report period end").getAttribute("data-date"), "2027-01-24");
  await ask.scrollIntoViewIfNeeded();
  await b.shot("monitor-import-no-period");
  await ask.getByRole("button", { name: /^Read .* again$/ }).click();
  const panel = b.page.getByTestId("import-preview");
  await panel.waitFor();
  const want = monitoring.previews.find((p) => p.scenario === "monitored" && p.path === ALL_TIME && p.period === "2027-01-04..2027-01-24").preview;
  const calls = await b.calls();
  assert.equal(calls.filter((c) => c.cmd === "preview_actuals").pop().args.period, "2027-01-04..2027-01-24");
  assert.equal(await b.page.getByTestId("preview-period").textContent(), "4 Jan – 24 Jan 2027 (as you gave it)Change");
  assert.equal(await b.page.getByTestId("preview-dialect").textContent(), want.dialect.label);
  assert.equal(await b.page.getByTestId("report-total-spend").textContent(), usd(want.totals.spend));
  assert.equal(await b.page.getByTestId("report-total-impressions").textContent(), "14,117,313");
  assert.equal(await panel.locator(".unmatched-table tbody tr").count(), want.unmatched.length);
  assert.equal(await b.page.getByTestId("no-period").count(), 0);
});

test("stage 6: a malformed report imports nothing and names the file line", async () => {
  await openMonitored();
  const broken = monitoring.previews.find((p) => p.scenario === "monitored" && p.error && !p.mapping);
  await b.page.evaluate((p) => window.__dialogAnswers.push(p), broken.path);
  await b.page.getByRole("button", { name: "Choose report…" }).click();
  const notice = b.page.locator(".import-error .error-notice");
  await notice.waitFor();
  assert.equal(await notice.locator(".error-title").textContent(), "Nothing was imported");
  // The place composed from the error's fields, then the core's plain message.
  const shown = `${broken.error.file}, row 10, column "${broken.error.column}": ${sentence(broken.error.message)}`;
  assert.equal(await notice.locator(".error-message").textContent(), shown);
  assert.equal(broken.error.row, 10);
  assert.equal(await b.page.getByTestId("import-preview").count(), 0);
});

test("stage 6: any other report is read through a column mapping, which is saved for next time", async () => {
  await openMonitored();
  await b.page.evaluate(() => localStorage.removeItem("flightplan.column-mapping.v1"));
  await openMonitored();
  const mapped = monitoring.previews.filter((p) => p.scenario === "monitored" && p.mapping);
  const good = mapped.find((p) => p.preview);
  const wrong = mapped.find((p) => p.error);
  await b.page.getByLabel("Report platform").selectOption("mapped");
  const form = b.page.getByTestId("column-mapping");
  await form.waitFor();
  const choose = b.page.getByRole("button", { name: "Choose report…" });
  assert.equal(await choose.isDisabled(), true, "no file until date, campaign and spend are named");
  assert.equal(await b.page.getByLabel("File's currency").inputValue(), "USD");

  // A spend column the file does not have: the core refuses the file, in its own words.
  await b.page.getByLabel("Date column").fill(wrong.mapping.date);
  await b.page.getByLabel("Campaign column").fill(wrong.mapping.campaign);
  await b.page.getByLabel("Spend column").fill(wrong.mapping.spend);
  await b.page.evaluate((p) => window.__dialogAnswers.push(p), good.path);
  await choose.click();
  const notice = b.page.locator(".import-error .error-notice");
  await notice.waitFor();
  assert.ok((await notice.locator(".error-message").textContent()).endsWith(sentence(wrong.error.message)));
  assert.equal(await b.page.evaluate(() => localStorage.getItem("flightplan.column-mapping.v1")), null, "a mapping that failed is not saved");
  await notice.scrollIntoViewIfNeeded();
  await b.shot("monitor-import-mapping-error");

  // Fix the columns and read the same file again.
  const labels = { date: "Date", campaign: "Campaign", spend: "Spend", impressions: "Impressions", clicks: "Clicks", conversions: "Conversions", revenue: "Revenue" };
  for (const [key, label] of Object.entries(labels)) await b.page.getByLabel(`${label} column`).fill(good.mapping[key]);
  await b.page.getByRole("button", { name: "Read agency-report.csv again" }).click();
  const panel = b.page.getByTestId("import-preview");
  await panel.waitFor();
  const want = good.preview;
  assert.equal(await b.page.getByTestId("preview-added").textContent(), `${want.added.length} rows to add`);
  assert.match(await panel.locator(".preview-head").textContent(), /^agency-report\.csv/);
  assert.equal(await b.page.getByTestId("preview-dialect").textContent(), "Mapped columns");
  for (const line of new Set(want.added.map((a) => a.line))) {
    const rows = want.added.filter((a) => a.line === line).length;
    assert.equal(await panel.locator(`.preview-table tr[data-line="${line}"] [data-testid="rows-per-line"]`).textContent(), String(rows), `${line} rows`);
  }
  assert.equal(want.unmatched.length, 1);
  const u = want.unmatched[0];
  const row = panel.locator(`.unmatched-table tr[data-campaign="${u.campaign}"]`);
  assert.deepEqual((await row.getByTestId("unmatched-lines").textContent()).split(", ").map(Number), u.file_lines);
  assert.ok((await row.textContent()).includes(usd(u.spend)), `${u.campaign} spend`);
  await form.getByText("Mapping saved for next time").waitFor();
  const calls = await b.calls();
  assert.deepEqual(calls.filter((c) => c.cmd === "preview_actuals").pop().args.mapping, good.mapping);
  await b.shot("monitor-import-mapped");

  // Next time, the form is filled from the saved mapping.
  await openMonitored();
  await b.page.getByLabel("Report platform").selectOption("mapped");
  for (const [key, label] of Object.entries(labels)) assert.equal(await b.page.getByLabel(`${label} column`).inputValue(), good.mapping[key], `${label} prefilled`);
  assert.equal(await b.page.getByRole("button", { name: "Choose report…" }).isDisabled(), false);
});

test("stage 6: actuals typed into the grid are saved through the core", async () => {
  await openMonitored();
  await b.page.getByRole("tab", { name: /^Actuals/ }).click();
  const plan = scenario("monitored").plan;
  assert.equal(await b.page.locator(".actuals-table tbody tr").count(), plan.actuals.length);
  // Correct a spend: one edit, the core's figures follow.
  const cell = b.page.locator('input[data-path="actuals[10].spend"]');
  assert.equal(await cell.inputValue(), plan.actuals[10].spend);
  await cell.fill("861.10");
  await cell.press("Enter");
  await saved();
  assert.equal(await b.page.getByTestId("monitor-actual").textContent(), usd(scenario("monitorHandEdited").monitor.pacing.total.actual));
  await b.page.keyboard.press("Control+z");
  await b.page.getByTestId("monitor-actual").filter({ hasText: usd(scenario("monitored").monitor.pacing.total.actual) }).waitFor();
  await saved();

  // Type in the newsletter's first five issues, Monday to Friday, as the publisher reported them:
  // a range of days, neither a day nor a week.
  await b.page.getByLabel("New row line").selectOption("morningbrew-direct");
  assert.equal(await b.page.getByLabel("New row covers").inputValue(), "week");
  await b.page.getByLabel("New row covers").selectOption("range");
  await b.page.getByLabel("New row start").fill("2027-01-18");
  await b.page.getByLabel("New row end").fill("2027-01-22");
  await b.page.getByLabel("New row spend").fill("$4,000.00");
  await b.page.getByLabel("New row impressions").fill("412,000");
  await b.page.getByLabel("New row clicks").fill("3560");
  await b.page.getByRole("button", { name: "Add row" }).click();
  await saved();
  const added = scenario("monitorHandAdded");
  assert.equal(await b.page.locator(".actuals-table tbody tr").count(), added.plan.actuals.length);
  const last = added.plan.actuals.length - 1;
  assert.deepEqual(added.plan.actuals[last], { line: "morningbrew-direct", start: "2027-01-18", end: "2027-01-22", spend: "4000.00", impressions: "412000", clicks: "3560" });
  assert.equal(await b.page.locator(`input[data-path="actuals[${last}].start"]`).getAttribute("data-date"), "2027-01-18");
  assert.equal(await b.page.locator(`input[data-path="actuals[${last}].end"]`).getAttribute("data-date"), "2027-01-22");
  assert.equal(await b.page.locator(`.actuals-table tbody tr[data-row="${last}"] [data-testid="covers"]`).textContent(), "5 days");
  assert.equal(await b.page.locator('.actuals-table tbody tr[data-row="0"] [data-testid="covers"]').textContent(), "Week");
  assert.equal(await b.page.getByTestId("monitor-actual").textContent(), usd(added.monitor.pacing.total.actual));
  const mb = added.monitor.recommendations.find((r) => r.line === "morningbrew-direct");
  assert.equal(await b.page.locator('.recs li[data-line="morningbrew-direct"] .rec-reason').textContent(), mb.reason);
  await b.page.locator(".monitor-work").scrollIntoViewIfNeeded();
  await b.shot("monitor-actuals");
});

test("stage 6: reconciliation flags the core's discrepancies by vendor and month", async () => {
  await openMonitored();
  await b.page.getByRole("tab", { name: /^Reconciliation/ }).click();
  const rec = scenario("monitored").monitor.reconciliation;
  assert.equal(await b.page.locator(".recon-table tbody tr").count(), rec.length);
  for (const r of rec.filter((x) => x.flagged)) {
    const row = b.page.locator(`.recon-table tr[data-vendor="${r.vendor}"][data-month="${r.month}"]`);
    const cells = await row.locator("td").allTextContents();
    assert.deepEqual(cells.slice(1, 5), [usd(r.planned), usd(r.delivered), usd(r.invoiced), usd(r.difference)]);
    assert.equal(await row.locator(".alert-badge").count(), 1, `${r.vendor} ${r.month} flagged`);
  }
  assert.equal(await b.page.locator(".invoice-table tbody tr").count(), scenario("monitored").plan.invoices.length);
  await b.page.locator(".monitor-work").scrollIntoViewIfNeeded();
  await b.shot("monitor-reconciliation");
});

test("stage 6: Start next plan shows the re-based rates and opens the new plan", async () => {
  await openMonitored();
  const next = monitoring.next.find((n) => n.scenario === "monitored");
  await b.page.getByTestId("start-next-plan").click();
  const box = b.page.getByTestId("next-plan");
  await box.waitFor();
  assert.match(await box.textContent(), new RegExp(next.name.replace(/[()]/g, "\\$&")));
  assert.equal(await box.locator(".rebased-table tbody tr").count(), next.rebased.length);
  for (const r of next.rebased) {
    const row = box.locator(`tr[data-line="${r.line}"][data-field="${r.field}"]`);
    assert.equal(await row.locator("td").last().textContent(), r.evidence);
    if (r.field === "rate") assert.equal(await row.locator("td").nth(2).textContent(), usd(r.to));
  }
  await box.scrollIntoViewIfNeeded();
  await b.shot("monitor-next-plan");
  await box.getByRole("button", { name: "Open the next plan" }).click();
  await b.page.locator("h1", { hasText: next.name }).waitFor();
});
