// Not a test: screenshots of the reach-led road-safety plan (stages 1 to 4, the totals and
// workshop mode) at 1600×1000, and workshop mode at 1920×1080 for a projector, for looking at.
// Run: FLIGHTPLAN_SHOTS=/tmp/reach node --test browser/shots-reach.mjs (not matched by
// test:browser's glob, since the name does not end in .test.mjs).
import { test } from "node:test";
import { useBrowser } from "./harness.mjs";

const b = useBrowser();
const toTop = (selector) => b.page.locator(selector).first().evaluate((e) => window.scrollBy(0, e.getBoundingClientRect().top - 56));

test("reach-led screenshots", async () => {
  await b.page.setViewportSize({ width: 1600, height: 1000 });
  await b.page.goto(`${b.base}?reach`);
  await b.page.locator("table.library-table tbody tr", { hasText: "Buckle Up" }).first().click();
  await b.page.locator(".stage-rail").waitFor();
  for (const n of [1, 2, 3, 4]) {
    await b.page.evaluate(() => window.scrollTo(0, 0));
    await b.page.locator(`.stage[data-stage="${n}"]`).click();
    await b.page.waitForTimeout(400);
    await b.shot(`reach-stage-${n}`);
    if (n === 1) {
      await toTop(".reach-model-panel");
      await b.shot("reach-stage-1-model");
    }
    if (n === 3) {
      await toTop("table.catalogue");
      await b.shot("reach-stage-3-catalogue");
    }
    if (n === 4) {
      await toTop(".line-detail");
      await b.shot("reach-stage-4-detail");
      await toTop(".totals-panel");
      await b.shot("reach-stage-4-totals");
      await toTop(".flowchart");
      await b.shot("reach-stage-4-flowchart");
    }
  }
  await b.page.evaluate(() => window.scrollTo(0, 0));
  await b.page.getByRole("button", { name: "Workshop", exact: true }).click();
  await b.page.waitForTimeout(400);
  await b.shot("reach-workshop-1600");
  await b.page.setViewportSize({ width: 1920, height: 1080 });
  await b.page.waitForTimeout(400);
  await b.shot("reach-workshop-1080");
});
