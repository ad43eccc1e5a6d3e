// Browser tests of printing the one-page plan (Ctrl+P, File › Print…): the print view draws the
// page from the PDF the export makes (the mock answers print_pdf with the CLI's own bytes for
// the sample on each paper, src/test/print-fixtures.json), the paper choice redraws it at that
// size, the warnings say what the page leaves off, only the page prints, and the system print
// dialog is asked for (window.print, stubbed here). And Export PDF… asks the paper first.
// Run: node --test browser/print.test.mjs (from ui/).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useBrowser } from "./harness.mjs";

const b = useBrowser();
const SAMPLE = "Q1 2027 Cold Brew Launch";
const prints = JSON.parse(readFileSync(join(import.meta.dirname, "../src/test/print-fixtures.json"), "utf8"));
const page = (paper) => prints.pages.find((p) => p.name === "sample" && p.paper === paper);

/** The shell's native menu: emit its "menu" event with an item's id (Ctrl+P is File › Print…). */
const menu = (id) => b.page.evaluate((payload) => window.__TAURI_INTERNALS__.invoke("plugin:event|emit", { event: "menu", payload }), id);
const callsTo = async (cmd) => (await b.calls()).filter((c) => c.cmd === cmd);

/**
 * The drawn page (pdf.js's canvas, shown and printed as an image): its pixel size, its size in
 * points, how much of it is ink (not white), and its box on screen.
 */
const drawn = () =>
  b.page.evaluate(() => {
    const measure = (el) => {
      const w = el.naturalWidth ?? el.width;
      const h = el.naturalHeight ?? el.height;
      const small = document.createElement("canvas");
      small.width = 400;
      small.height = Math.round((400 * h) / w);
      const ctx = small.getContext("2d");
      ctx.drawImage(el, 0, 0, small.width, small.height);
      const px = ctx.getImageData(0, 0, small.width, small.height).data;
      let ink = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) ink++;
      return { width: w, height: h, widthPt: Number(el.dataset.widthPt), heightPt: Number(el.dataset.heightPt), ink: ink / (px.length / 4) };
    };
    const img = document.querySelector("img.print-image");
    return { ...measure(img), shown: img.getBoundingClientRect().toJSON() };
  });
const pageRules = () => b.page.evaluate(() => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\n"));

test("Ctrl+P shows the exported page drawn at print resolution, on the plan's paper, with what it leaves off", async () => {
  await b.openPlan(SAMPLE);
  // pdf.js says on the console when it cannot start its worker (and parses on the page instead).
  const logs = [];
  b.page.on("console", (m) => logs.push(m.text()));
  await b.page.evaluate(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed++;
    };
  });
  await menu("print");
  const view = b.page.getByRole("dialog", { name: "Print the one-page plan" });
  await view.waitFor();
  await view.locator("img.print-image").waitFor();
  assert.deepEqual((await callsTo("print_pdf")).map((c) => c.args), [{ id: 1, paper: "a4" }]);

  // The image that prints: A4 landscape at 216 dpi (3 pixels a point), a page with ink on it, not
  // a blank sheet; on screen the same page, drawn at the window's size.
  const a4 = await drawn();
  assert.deepEqual([a4.width, a4.height, a4.widthPt, a4.heightPt], [2526, 1786, 841.89, 595.28]);
  assert.ok(a4.ink > 0.02 && a4.ink < 0.6, `ink covers ${a4.ink} of the page`);
  assert.ok(Math.abs(a4.shown.width / a4.shown.height - 841.89 / 595.28) < 0.01, "on screen, the page keeps its shape");
  assert.ok(a4.shown.width > 500, `on screen the page is ${a4.shown.width} pixels wide`);
  // The plan's paper first, marked as its default, and where to change that default.
  assert.equal(await view.getByRole("radio", { name: /^A4/ }).isChecked(), true);
  assert.match(await view.locator(".paper-option", { hasText: "A4" }).innerText(), /this plan's default/);
  assert.match(await view.innerText(), /The plan's default paper is set in the Plan stage, under The one-page plan\./);
  // What the export leaves off, listed as the export's notice lists it.
  const warnings = await view.getByRole("list", { name: "Print warnings" }).locator("li").allInnerTexts();
  assert.deepEqual(warnings, page("a4").warnings);
  assert.ok(warnings.length > 0, "the sample's page leaves creative rows and a note off");
  assert.match(await pageRules(), /size: 595\.28pt 841\.89pt/);
  await b.shot("print-view-a4");

  // US Letter: the page is the Letter PDF, redrawn at its own size, and the print page follows.
  await view.getByRole("radio", { name: /^US Letter/ }).check();
  await b.page.waitForFunction(() => document.querySelector("img.print-image")?.naturalWidth === 2376);
  const letter = await drawn();
  assert.deepEqual([letter.width, letter.height, letter.widthPt, letter.heightPt], [2376, 1836, 792, 612]);
  assert.ok(letter.ink > 0.02, `ink covers ${letter.ink} of the page`);
  assert.ok(Math.abs(letter.shown.width / letter.shown.height - 792 / 612) < 0.01);
  assert.deepEqual((await callsTo("print_pdf")).map((c) => c.args.paper), ["a4", "letter"]);
  assert.match(await pageRules(), /size: 612pt 792pt/);
  assert.doesNotMatch(await pageRules(), /841\.89pt/);
  await b.shot("print-view-letter");

  // Printed, only the page shows: no toolbar, no warnings, no plan screen behind it.
  await b.page.emulateMedia({ media: "print" });
  assert.equal(await b.page.locator(".print-toolbar").isVisible(), false);
  assert.equal(await b.page.locator(".print-warnings").isVisible(), false);
  assert.equal(await b.page.locator("main.screen").isVisible(), false);
  assert.equal(await b.page.locator("img.print-image").isVisible(), true);
  // The Letter sheet fed portrait (612 × 792 pt, 816 × 1056 CSS pixels), the landscape page
  // turned onto it and filling it, no margin added.
  assert.match(await pageRules(), /@page \{ size: 612pt 792pt; margin: 0(px)?; \}/);
  const box = await b.page.locator("img.print-image").boundingBox();
  assert.deepEqual([Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)], [0, 0, 816, 1056]);
  const sheet = await b.page.locator(".print-sheet").boundingBox();
  assert.deepEqual([Math.round(sheet.width), Math.round(sheet.height)], [816, 1056]);
  await b.page.emulateMedia({ media: "screen" });

  assert.deepEqual(logs.filter((l) => /worker/i.test(l)), [], "pdf.js ran in its bundled worker");

  // Print… asks the system's print dialog.
  await view.getByRole("button", { name: "Print…" }).click();
  assert.equal(await b.page.evaluate(() => window.__printed), 1);

  // The planner's pick did not change the plan: nothing was saved.
  assert.equal((await callsTo("save_plan")).length, 0);
  await b.page.keyboard.press("Escape");
  await view.waitFor({ state: "detached" });
  assert.equal(await pageRules(), "");
});

test("the Print… button opens the same view; Close closes it", async () => {
  await b.openPlan(SAMPLE);
  await b.page.getByRole("button", { name: "Print…" }).click();
  const view = b.page.getByRole("dialog", { name: "Print the one-page plan" });
  await view.locator("img.print-image").waitFor();
  assert.ok((await drawn()).ink > 0.02);
  await view.getByRole("button", { name: "Close" }).click();
  await view.waitFor({ state: "detached" });
});

test("Export PDF… asks the paper before the save dialog, starting from the plan's", async () => {
  await b.openPlan(SAMPLE);
  await b.page.evaluate(() => window.__dialogAnswers.push("/home/ana/Cold Brew US.pdf"));
  await menu("export_pdf");
  const dialog = b.page.getByRole("dialog", { name: "Export the one-page plan" });
  await dialog.waitFor();
  assert.equal(await b.page.evaluate(() => window.__dialogAsks.length), 0, "no save dialog before the paper is chosen");
  assert.equal(await dialog.getByRole("radio", { name: /^A4/ }).isChecked(), true);
  await dialog.getByRole("radio", { name: /^US Letter/ }).check();
  await b.shot("export-paper-dialog");
  await dialog.getByRole("button", { name: "Save PDF…" }).click();
  await b.page.getByTestId("export-notice").filter({ hasText: "PDF saved to /home/ana/Cold Brew US.pdf" }).waitFor();
  assert.deepEqual((await callsTo("export_pdf")).map((c) => c.args), [{ id: 1, paper: "letter" }]);
});
