// Not a test: screenshots of every stage of the sample plan at 1920×1080 for looking at.
// Run: FLIGHTPLAN_SHOTS=/tmp/big node --test browser/shots-1080.mjs (never run by test:browser's
// glob because the name does not end in .test.mjs).
import { test } from "node:test";
import { useBrowser } from "./harness.mjs";

const b = useBrowser();

test("1920×1080 screenshots", async () => {
  await b.page.setViewportSize({ width: 1920, height: 1080 });
  await b.page.goto(b.base);
  await b.page.locator("table.library-table tbody tr").first().waitFor();
  await b.shot("1080-library");
  await b.openPlan("Q1 2027 Cold Brew Launch");
  for (const n of [1, 2, 3, 4, 5]) {
    await b.page.locator(`.stage[data-stage="${n}"]`).click();
    await b.page.waitForTimeout(400);
    await b.shot(`1080-stage-${n}`);
  }
  await b.page.goto(`${b.base}?monitored`);
  await b.page.locator("table.library-table tbody tr", { hasText: "in flight" }).first().click();
  await b.page.locator('.stage[data-stage="6"]').click();
  await b.page.waitForTimeout(600);
  await b.shot("1080-stage-6");
});
