// The real desktop app, end to end: a planner opens the sample plan from the library and sees
// the core's figures; then builds a new plan through stages 1 to 4, pastes three lines into the
// grid, checks the totals shown against `flightplan compute` of the saved plan, and exports the
// one-page PDF. Run by tests/e2e/run.sh (tauri-driver + WebKitWebDriver under Xvfb).

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Session } from './webdriver.mjs';

const root = resolve(import.meta.dirname, '../..');
const app = join(root, 'target/debug/flightplan-desktop');
const cli = join(root, 'target/debug/flightplan');
const work = process.env.FLIGHTPLAN_E2E_DIR;
let s;

before(async () => {
  s = await Session.start('http://127.0.0.1:4444', app);
});

after(async () => {
  if (s) {
    if (work) writeFileSync(join(work, 'last.png'), await s.screenshot().catch(() => Buffer.alloc(0)));
    await s.end().catch(() => {});
  }
});

/** The core's own figures for a plan, through the CLI. */
function computed(plan) {
  const file = join(work, `plan-${Date.now()}.json`);
  writeFileSync(file, typeof plan === 'string' ? plan : JSON.stringify(plan));
  return JSON.parse(execFileSync(cli, ['compute', file], { encoding: 'utf8' }));
}

/** A decimal string as the app shows US dollars: "$300,608.05". */
const usd = (v) => {
  const [int, frac] = v.split('.');
  return '$' + int.replace(/\B(?=(\d{3})+$)/g, ',') + (frac === undefined ? '' : '.' + frac);
};

const bodyText = () => s.exec('return document.body.innerText;');
const openPlanId = () => s.exec('return window.__FLIGHTPLAN_OPEN_PLAN_ID;');

/** Type into the form field with this label and commit it (Enter), as a planner does. */
async function fill(label, value) {
  const input = await s.find(`//label[normalize-space()="${label}"]/following::*[self::input or self::textarea][1]`);
  await input.clear();
  await input.type(value + '\uE007');
}

async function showsTotalsOf(plan) {
  const want = computed(plan).totals;
  await s.until(async () => (await bodyText()).includes(usd(want.gross)), `gross ${usd(want.gross)} on screen`);
  const text = await bodyText();
  for (const key of ['net_media', 'agency_commission', 'ad_serving', 'tech_fee', 'fees', 'gross', 'unallocated']) {
    assert.ok(text.includes(usd(want[key])), `${key} ${usd(want[key])} is shown`);
  }
  return want;
}

test("the sample plan opens from the library with the core's totals", async () => {
  const row = await s.find('table.library-table tbody tr');
  assert.match(await row.text(), /Q1 2027 Cold Brew Launch/);
  await (await s.find('table.library-table tbody tr .plan-name')).click();
  await showsTotalsOf(execFileSync(cli, ['demo'], { encoding: 'utf8' }));
});

test('a new plan through stages 1 to 4, three pasted lines, totals as computed, a one-page PDF', async () => {
  await (await s.find('//a[normalize-space()="Library"] | //button[normalize-space()="Library"]')).click();
  await (await s.find('//button[normalize-space()="New plan"]')).click();
  await s.until(async () => (await bodyText()).includes('Untitled plan'), 'the new plan open');
  const id = await openPlanId();

  // Stage 1: goals, budget and period.
  await (await s.find('button[data-stage="1"]')).click();
  await fill('Plan name', 'Spring e2e launch');
  await fill('Client', 'Acme e2e');
  await fill('Budget (net media)', '60000.00');
  await s.until(async () => (await s.invoke('open_plan', { id })).plan.budget === '60000.00', 'the budget saved');

  // Stages 2 and 3 are there to visit on the way.
  await (await s.find('button[data-stage="2"]')).click();
  await s.until(async () => /segment/i.test(await bodyText()), 'stage 2 shown');
  await (await s.find('button[data-stage="3"]')).click();
  await s.until(async () => /catalogue|unallocated/i.test(await bodyText()), 'stage 3 shown');

  // Stage 4: paste three lines copied from a spreadsheet into the empty grid.
  await (await s.find('button[data-stage="4"]')).click();
  const { plan } = await s.invoke('open_plan', { id });
  const rows = [
    ['Search — Brand', 'Google Ads', 'CPC', '1.50', '20000.00', '', plan.start, plan.end],
    ['Prospecting', 'Meta', 'CPM', '8.50', '25000.00', '', plan.start, plan.end],
    ['Spark Ads', 'TikTok', 'CPM', '6.00', '15000.00', '', plan.start, plan.end],
  ];
  const grid = await s.find('[aria-label="Plan lines"]');
  await grid.click();
  // The clipboard's content arrives as the paste event a Ctrl+V from Excel or Sheets produces.
  await s.exec(
    `const dt = new DataTransfer();
     dt.setData('text/plain', arguments[0]);
     document.querySelector('[aria-label="Plan lines"]')
       .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));`,
    [rows.map((r) => r.join('\t')).join('\n')],
  );
  const saved = await s.until(async () => {
    const p = (await s.invoke('open_plan', { id })).plan;
    return p.lines.length === 3 ? p : null;
  }, 'three pasted lines saved');
  assert.deepEqual(saved.lines.map((l) => l.name), rows.map((r) => r[0]));
  assert.deepEqual(saved.lines.map((l) => l.budget), ['20000.00', '25000.00', '15000.00']);

  // The figures on screen are the core's for the saved plan.
  const want = await showsTotalsOf(saved);
  assert.equal(want.net_media, '60000.00');

  // Export: the app's own command writes the one-page PDF.
  const out = join(work, 'spring.pdf');
  await s.invoke('export_pdf', { id, path: out });
  assert.ok(existsSync(out));
  assert.match(execFileSync('pdfinfo', [out], { encoding: 'utf8' }), /Pages:\s+1\b/);
  const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
  for (const needle of ['Acme e2e', 'Spring e2e launch', 'Search — Brand', 'Prospecting', 'Spark Ads', usd(want.gross)]) {
    assert.ok(text.includes(needle), `the PDF shows ${needle}`);
  }
});
