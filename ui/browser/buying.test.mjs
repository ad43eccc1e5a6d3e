// Browser tests for stage 5, Buy & launch: the launch board shows the core's checklist for every
// line; booking, ticking a checklist item and going live by override are saved through the core;
// a naming template the core cannot fill is refused at its field.
// Run: node --test browser/buying.test.mjs (from ui/).

import { test } from "node:test";
import assert from "node:assert/strict";
import { scenario, useBrowser } from "./harness.mjs";

const b = useBrowser();
const SAMPLE = "Q1 2027 Cold Brew Launch";
// The override the scenarios record (src/test/scenarios/buying.ts: OVERRIDE).
const WHO = "Dana Ruiz";
const WHY = "Sponsor slot is fixed for 11 January; IO countersigned by email";

const LABEL = { planned: "Planned", booked: "Booked", live: "Live", paused: "Paused", ended: "Ended" };
const WORDS = {
  tracking_verified: "tracking verified",
  creative_ready: "creative ready",
  naming_applied: "naming applied",
  budget_control: "budget control",
  io_signed: "IO signed",
  funded_above_learning: "funded above learning",
};

const row = (id) => b.page.locator(`[data-testid="launch-row"][data-line="${id}"]`);
const saved = () => b.page.getByTestId("save-state").filter({ hasText: "All changes saved" }).waitFor();

async function openStage5() {
  await b.openPlan(SAMPLE);
  await b.page.locator('.stage[data-stage="5"]').click();
  await b.page.getByTestId("launch-board").waitFor();
}

/** The board on screen matches the core's launch board of fixture `name`, line by line. */
async function assertBoard(name) {
  const want = scenario(name).launch.lines;
  const rows = b.page.getByTestId("launch-row");
  await b.page.waitForFunction(
    (statuses) => {
      const got = [...document.querySelectorAll('[data-testid="launch-row"] [data-testid="line-status"]')].map((e) => e.textContent);
      return JSON.stringify(got) === JSON.stringify(statuses);
    },
    want.map((l) => LABEL[l.status]),
  );
  assert.equal(await rows.count(), want.length);
  for (const l of want) {
    const r = row(l.line);
    assert.equal(await r.locator(".launch-name").textContent(), l.name);
    assert.equal(await r.getByTestId("line-status").textContent(), LABEL[l.status]);
    const required = l.checklist.filter((c) => c.required);
    assert.equal(await r.getByTestId("ready-count").textContent(), `${required.filter((c) => c.done).length} of ${required.length} ready`, l.line);
    const open = await r.getByTestId("open-items").textContent();
    if (l.open.length === 0) assert.doesNotMatch(open, /open:/i);
    else {
      // "Open: …" before a line goes live, "Still open: …" after an override.
      const prefix = l.status === "planned" || l.status === "booked" ? "Open: " : "Still open: ";
      assert.ok(open.startsWith(prefix), `${l.line}: ${open}`);
      // Every open item is named, in the core's order, and nothing else is called open.
      const named = open.slice(prefix.length).split(/, (?![^(]*\))/).map((s) => s.replace(/ \(.*\)$/, ""));
      assert.deepEqual(named, l.open.map((i) => WORDS[i]), l.line);
    }
    if (l.campaign) assert.equal(await r.getByTestId("campaign-name").textContent(), l.campaign);
    const moves = await r.locator(".launch-moves button").allTextContents();
    assert.equal(moves.length, l.moves.length, `${l.line} moves ${moves}`);
  }
  const ready = want.filter((l) => l.ready).length;
  assert.match(await b.page.getByTestId("lines-ready").textContent(), new RegExp(`^${ready} of ${want.length}`));
}

test("stage 5: the launch board shows every line's status and open items from the core", async () => {
  await openStage5();
  await assertBoard("sample");
  const summary = b.page.getByTestId("launch-summary");
  const want = scenario("sample").launch.lines;
  for (const s of Object.keys(LABEL)) {
    const n = want.filter((l) => l.status === s).length;
    assert.equal(await summary.locator(`[data-status="${s}"] .summary-value`).textContent(), String(n), s);
  }
  // The radio line is bought offline: its checklist asks for the IO, not for tracking.
  const radio = row("radio-nyc");
  assert.equal(await radio.locator('[data-item="io_signed"]').count(), 1);
  assert.equal(await radio.locator('[data-item="tracking_verified"]').count(), 0);
  // The generated campaign name is copied as the core wrote it.
  const first = want[0];
  await row(first.line).getByRole("button", { name: `Copy the campaign name of ${first.name}` }).click();
  assert.equal(await b.page.evaluate(() => navigator.clipboard.readText()), first.campaign);
  await b.shot("stage-5-board");
});

test("stage 5: ticking tracking verified is saved and the core's ready count follows", async () => {
  await openStage5();
  const brand = row("google-brand");
  const before = scenario("sample").launch.lines.find((l) => l.line === "google-brand");
  const after = scenario("launch-tracking").launch.lines.find((l) => l.line === "google-brand");
  const count = (l) => `${l.checklist.filter((c) => c.required && c.done).length} of ${l.checklist.filter((c) => c.required).length} ready`;
  assert.notEqual(count(before), count(after));
  assert.equal(await brand.getByTestId("ready-count").textContent(), count(before));
  const tick = brand.locator('[data-item="tracking_verified"]');
  assert.equal(await tick.getAttribute("aria-pressed"), "false");
  await tick.click();
  await saved();
  await b.page.waitForFunction(
    (want) => document.querySelector('[data-line="google-brand"] [data-testid="ready-count"]')?.textContent === want,
    count(after),
  );
  assert.equal(await tick.getAttribute("aria-pressed"), "true");
  await assertBoard("launch-tracking");
  // Undo takes the tick back off, through the core again.
  await b.page.locator("h1").click();
  await b.page.keyboard.press("Control+z");
  await saved();
  await b.page.waitForFunction(
    (want) => document.querySelector('[data-line="google-brand"] [data-testid="ready-count"]')?.textContent === want,
    count(before),
  );
});

test("stage 5: creative delivered is recorded per format and the core marks the line's creative ready", async () => {
  await openStage5();
  const ctv = row("ctv-ttd");
  const item = (name) => scenario(name).launch.lines.find((l) => l.line === "ctv-ttd").checklist.find((c) => c.item === "creative_ready");
  assert.equal(item("sample").done, false);
  assert.equal(item("launch-delivered").done, true);
  const chip = ctv.locator('[data-item="creative_ready"]');
  assert.match(await chip.getAttribute("class"), /\bopen\b/);
  await chip.click();
  const editor = ctv.getByRole("group", { name: /Creative delivered for/ });
  const want = scenario("sample").plan.lines.find((l) => l.id === "ctv-ttd").creative;
  assert.equal(await editor.locator("tbody tr").count(), want.length);
  await b.shot("stage-5-creative");
  const input = editor.getByLabel(`${want[0].format} delivered`);
  await input.fill("1");
  await input.press("Enter");
  await saved();
  await b.page.waitForFunction(() => document.querySelector('[data-line="ctv-ttd"] [data-item="creative_ready"]')?.classList.contains("done"));
  await assertBoard("launch-delivered");
  assert.equal(await editor.getByRole("button", { name: "All in" }).isDisabled(), true);
});

test("stage 5: a booked line whose checklist is open goes live only by an override naming who and why", async () => {
  await openStage5();
  const mb = row("morningbrew-direct");
  await mb.getByRole("button", { name: "Book", exact: true }).click();
  await saved();
  await assertBoard("launch-booked");
  assert.equal(await b.page.locator('[data-status="booked"] .summary-value').textContent(), "1");

  // "Go live" asks the core, which refuses: the override form opens with its reason.
  await mb.getByRole("button", { name: /^Go live/ }).click();
  const form = mb.getByRole("form", { name: /Override the checklist/ });
  await form.waitFor();
  assert.match(await form.getByTestId("launch-refusal").textContent(), /^Cannot go live: creative ready, IO signed not done/);
  await b.shot("stage-5-override");
  // Both fields are required.
  await form.getByLabel("Overridden by").fill(WHO);
  await form.getByRole("button", { name: "Go live anyway" }).click();
  await form.locator(".field-error", { hasText: "Say why it cannot wait." }).waitFor();
  assert.equal(await mb.getByTestId("line-status").textContent(), "Booked");
  await form.getByLabel("Why").fill(WHY);
  await form.getByRole("button", { name: "Go live anyway" }).click();
  await saved();
  await form.waitFor({ state: "detached" });
  await assertBoard("launch-override");

  const recorded = scenario("launch-override").launch.lines.find((l) => l.line === "morningbrew-direct").override;
  assert.deepEqual(recorded, { by: WHO, reason: WHY, on: "2026-11-21" });
  const note = await mb.getByTestId("override-note").textContent();
  assert.ok(note.includes(WHO) && note.includes(WHY) && note.includes("21 Nov 2026"), note);
  assert.equal(await b.page.locator('[data-status="live"] .summary-value').textContent(), "1");
  assert.deepEqual(
    await mb.locator(".launch-moves button").allTextContents(),
    scenario("launch-override").launch.lines.find((l) => l.line === "morningbrew-direct").moves.map((m) => ({ paused: "Pause", ended: "End" })[m]),
  );
  await b.shot("stage-5-live-by-override");
});

test("stage 5: a naming template the core cannot fill is refused at the field; a good one renames the campaigns", async () => {
  await openStage5();
  const field = b.page.locator('input[data-path="monitoring.naming_template"]');
  await field.fill(scenario("launch-template-bad").plan.monitoring.naming_template);
  await field.press("Enter");
  const err = scenario("launch-template-bad").errors.launch;
  const shown = b.page.locator(".naming-panel .field-error");
  await shown.waitFor();
  assert.equal(await shown.textContent(), "{flavour} is not a naming token (use one of client, brand, plan, channel, vendor, objective, audience, line, yyyymm, yyyy)");
  assert.ok(err.message.endsWith(await shown.textContent()));
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  await b.shot("stage-5-bad-template");

  await field.fill(scenario("launch-template").plan.monitoring.naming_template);
  await field.press("Enter");
  await saved();
  const want = scenario("launch-template").launch.lines;
  await b.page.waitForFunction(
    (name) => document.querySelector('[data-testid="campaign-name"]')?.textContent === name,
    want[0].campaign,
  );
  assert.deepEqual(await b.page.getByTestId("campaign-name").allTextContents(), want.map((l) => l.campaign));
  assert.equal(await b.page.locator(".naming-panel .field-error").count(), 0);
});
