// The real desktop app, end to end: a planner opens the sample plan from the library and sees
// the core's figures; then builds a new plan through stages 1 to 4, pastes three lines into the
// grid, checks the totals shown against `flightplan compute` of the saved plan, and exports the
// one-page PDF; states a reach goal ("reach 25% of men 18–34 at 8+") and plans TV and radio from
// the core's catalogue to meet it; on the sample, stages 3, 5 and 6, where a real LinkedIn export
// is previewed through the shell's open dialog; imports an agency spreadsheet through the mapping
// preview (one column corrected) and finds it in the library with the core's figures; pastes a
// block with a header row into a new plan, approves it by name, edits it into a revision and reads
// the changes since approval, each as the CLI gives them; prints the sample's one-page plan
// from the exported PDF's own page; and updates a plan from its workbook sent back, as
// `flightplan update` does, then undoes it. Run by
// tests/e2e/run.sh (tauri-driver + WebKitWebDriver under Xvfb).

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Session } from './webdriver.mjs';

const root = resolve(import.meta.dirname, '../..');
const app = join(root, 'target/debug/flightplan-desktop');
const cli = join(root, 'target/debug/flightplan');
const work = process.env.FLIGHTPLAN_E2E_DIR;
let s;

before(async () => {
  // run.sh says where its tauri-driver listens (4444 unless another run holds it).
  s = await Session.start(process.env.FLIGHTPLAN_E2E_DRIVER ?? 'http://127.0.0.1:4444', app);
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
const usd = (v, sym = '$') => {
  const [int, frac] = v.split('.');
  return sym + int.replace(/\B(?=(\d{3})+$)/g, ',') + (frac === undefined ? '' : '.' + frac);
};

const bodyText = () => s.exec('return document.body.innerText;');
const openPlanId = () => s.exec('return window.__FLIGHTPLAN_OPEN_PLAN_ID;');

/** Type into the form field with this label and commit it (Enter), as a planner does. */
async function fill(label, value) {
  const input = await s.find(`//label[normalize-space()="${label}"]/following::*[self::input or self::textarea][1]`);
  await input.clear();
  await input.type(value + '\uE007');
}

/** The plan as stored in the library, and a CLI command's JSON answer for it. */
async function stored(id) {
  return (await s.invoke('open_plan', { id })).plan;
}
function cliOn(plan, args) {
  const file = join(work, `cli-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(plan));
  return JSON.parse(execFileSync(cli, [args[0], file, ...args.slice(1)], { encoding: 'utf8' }));
}
const shot = async (name) => {
  if (work) writeFileSync(join(work, `${name}.png`), await s.screenshot());
};
const button = (label) => s.find(`//button[normalize-space()="${label}"]`);
/** Go to stage `n` from wherever the page is scrolled (the rail is under the sticky top bar). */
async function stage(n) {
  await s.exec('window.scrollTo(0, 0);');
  await (await s.find(`button[data-stage="${n}"]`)).click();
}
/** Scroll the first element matching `css` to the top, for a screenshot of it. */
const reveal = (css) => s.exec('document.querySelector(arguments[0])?.scrollIntoView({ block: "start" }); window.scrollBy(0, -56);', [css]);

/** To the library from wherever the last test left the app (the library after an import has no
 * Library link). */
async function toLibrary() {
  await s.exec('window.scrollTo(0, 0);');
  const inLibrary = await s.exec('return [...document.querySelectorAll("button")].some((b) => b.textContent.trim() === "New plan");');
  if (!inLibrary) await (await s.find('//a[normalize-space()="Library"] | //button[normalize-space()="Library"]')).click();
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

test("stage 2 (the sample open): each competitor's days running and the proven mark, as the core counts them today", async () => {
  const today = await s.exec(`const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');`);
  const sample = JSON.parse(execFileSync(cli, ['demo'], { encoding: 'utf8' }));
  const want = cliOn(sample, ['compute', '--as-written', '--now', today]).competitors;
  assert.equal(want.length, 3);
  await stage(2);
  await s.until(async () => (await s.findAll('[data-testid="days-running"]')).length === 3, 'three competitor rows');
  const cells = await Promise.all((await s.findAll('[data-testid="days-running"]')).map((c) => c.text()));
  const shown = want.map((r) => `${r.days_running === null ? '—' : `${r.days_running} d`}${r.proven ? 'Proven' : ''}`);
  assert.deepEqual(cells.map((c) => c.replace(/\s+/g, '')), shown.map((c) => c.replace(/\s+/g, '')));
  // The two ads still running are counted to today: Stumptown since 3 Aug 2026 is proven.
  assert.ok(want[0].days_running >= 122 && want[0].proven, JSON.stringify(want));
  await reveal('.comp-grid');
  await shot('stage-2-competitors');
  await stage(1);
});

test('Print (the sample open): the exported PDF drawn by pdf.js in the real webview, on the paper chosen, then the print dialog', async () => {
  // window.print opens the system dialog (print_dialog.rs sets its paper): counted here instead.
  // pdf.js warns on the console when it cannot start its worker and parses on the page instead.
  await s.exec(`window.scrollTo(0, 0);
    window.__printed = 0; window.print = () => { window.__printed += 1; };
    window.__logs = []; const log = console.log.bind(console);
    console.log = (...a) => { window.__logs.push(a.join(' ')); log(...a); };`);
  await (await s.find('//header//button[normalize-space()="Print…"]')).click();
  const page = () =>
    s.exec(`const img = document.querySelector('img.print-image');
      if (!img || !img.naturalWidth) return null;
      const ink = (el, w, h) => {
        const c = document.createElement('canvas'); c.width = 300; c.height = Math.round(300 * h / w);
        const x = c.getContext('2d'); x.drawImage(el, 0, 0, c.width, c.height);
        const d = x.getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++;
        return n / (d.length / 4);
      };
      return { width: img.naturalWidth, height: img.naturalHeight, ink: ink(img, img.naturalWidth, img.naturalHeight) };`);
  const a4 = await s.until(page, 'the page drawn', 90000);
  assert.deepEqual([a4.width, a4.height], [2526, 1786], 'A4 landscape at 216 dpi');
  assert.ok(a4.ink > 0.02 && a4.ink < 0.6, `a page with ink on it: ${JSON.stringify(a4)}`);
  // The page is the export's: its warnings are the CLI's for the same plan, day and paper.
  const id = await openPlanId();
  const plan = await stored(id);
  const file = join(work, 'print-plan.json');
  writeFileSync(file, JSON.stringify(plan));
  const today = await s.exec(`const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');`);
  const cliSays = JSON.parse(execFileSync(cli, ['export', file, '-o', join(work, 'print-cli.pdf'), '--date', today], { encoding: 'utf8' }));
  const shown = await s.exec(`return [...document.querySelectorAll('[aria-label="Print warnings"] li')].map((li) => li.textContent);`);
  assert.deepEqual(shown, cliSays.warnings);
  await shot('print-view-a4');

  // US Letter: drawn again at its size.
  await (await s.find('//div[@data-testid="print-view"]//label[contains(., "US Letter")]//input')).click();
  const letter = await s.until(async () => {
    const p = await page();
    return p && p.width === 2376 ? p : null;
  }, 'the Letter page drawn', 90000);
  assert.deepEqual([letter.width, letter.height], [2376, 1836]);
  await (await s.find('//div[@data-testid="print-view"]//button[normalize-space()="Print…"]')).click();
  assert.equal(await s.exec('return window.__printed;'), 1);
  assert.deepEqual(await s.exec(`return window.__logs.filter((l) => /fake worker|worker/i.test(l));`), [], 'pdf.js ran in its bundled worker');
  await shot('print-view-letter');
  await (await s.find('//div[@data-testid="print-view"]//button[normalize-space()="Close"]')).click();
  await s.until(async () => !(await s.exec(`return !!document.querySelector('[data-testid="print-view"]');`)), 'the print view closed');
});

test('a new plan through stages 1 to 4, three pasted lines, totals as computed, a one-page PDF', async () => {
  await s.exec('window.scrollTo(0, 0);');
  await (await s.find('//a[normalize-space()="Library"] | //button[normalize-space()="Library"]')).click();
  await (await s.find('//button[normalize-space()="New plan"]')).click();
  await s.until(async () => (await bodyText()).includes('Untitled plan'), 'the new plan open');
  const id = await openPlanId();

  // Stage 1: goals, budget and period.
  await stage(1);
  await fill('Plan name', 'Spring e2e launch');
  await fill('Client', 'Acme e2e');
  await fill('Budget (net media)', '60000.00');
  await s.until(async () => (await s.invoke('open_plan', { id })).plan.budget === '60000.00', 'the budget saved');

  // Stages 2 and 3 are there to visit on the way.
  await stage(2);
  await s.until(async () => /segment/i.test(await bodyText()), 'stage 2 shown');
  await stage(3);
  await s.until(async () => /catalogue|unallocated/i.test(await bodyText()), 'stage 3 shown');

  // Stage 4: paste three lines copied from a spreadsheet into the empty grid.
  await stage(4);
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
  // The core reads the block first (no header row: the grid's columns in order); then paste.
  await s.until(async () => /No header row/.test(await bodyText()), 'the paste preview');
  await (await button('Paste 3 rows')).click();
  const saved = await s.until(async () => {
    const p = (await s.invoke('open_plan', { id })).plan;
    return p.lines.length === 3 ? p : null;
  }, 'three pasted lines saved');
  assert.deepEqual(saved.lines.map((l) => l.name), rows.map((r) => r[0]));
  assert.deepEqual(saved.lines.map((l) => l.budget), ['20000.00', '25000.00', '15000.00']);

  // The figures on screen are the core's for the saved plan.
  const want = await showsTotalsOf(saved);
  assert.equal(want.net_media, '60000.00');

  // Export: the shell asks where in its own save dialog (answered through
  // FLIGHTPLAN_DIALOG_ANSWERS, see run.sh) and writes the one-page PDF; the page sends no path.
  const out = join(work, 'spring.pdf');
  writeFileSync(process.env.FLIGHTPLAN_DIALOG_ANSWERS, `${out}\n`);
  const exported = await s.invoke('export_pdf', { id });
  assert.equal(exported.path, out);
  assert.ok(existsSync(out));
  assert.match(execFileSync('pdfinfo', [out], { encoding: 'utf8' }), /Pages:\s+1\b/);
  const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
  for (const needle of ['Acme e2e', 'Spring e2e launch', 'Search — Brand', 'Prospecting', 'Spark Ads', usd(want.gross)]) {
    assert.ok(text.includes(needle), `the PDF shows ${needle}`);
  }
});

/** Type into the field the plan's JSON path names and commit it (Enter). */
async function commitPath(path, value) {
  const input = await s.find(`input[data-path="${path}"]`);
  await input.clear();
  await input.type(value + '\uE007');
}
/** Choose `value` in the select the plan's JSON path names, as the planner's pick fires it. */
const choose = (path, value) =>
  s.exec(
    `const el = document.querySelector('select[data-path="' + arguments[0] + '"]');
     el.value = arguments[1];
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [path, value],
  );

test('a reach goal: "reach 25% at 8+" on men 18–34, TV and radio from the catalogue, the gap and its spend, then met', async () => {
  await s.exec('window.scrollTo(0, 0);');
  await (await s.find('//a[normalize-space()="Library"] | //button[normalize-space()="Library"]')).click();
  await (await s.find('//button[normalize-space()="New plan"]')).click();
  await s.until(async () => (await bodyText()).includes('Untitled plan'), 'the new plan open');
  const id = await openPlanId();

  // Stage 1: an awareness goal judged on reach at 8+, 25% of the target; NBD with k 0.5.
  await stage(1);
  await choose('goal.objective', 'awareness');
  await s.until(async () => (await stored(id)).goal?.objective === 'awareness', 'the objective saved');
  await choose('goal.kpi', 'effective_reach');
  await s.until(async () => (await stored(id)).goal?.kpi === 'effective_reach', 'the KPI saved');
  await commitPath('goal.target', '25');
  await commitPath('effective_frequency', '8');
  await commitPath('budget', '2000000.00');
  await (await s.find('.model-choice[data-model="nbd"] input[type="radio"]')).click();
  await commitPath('reach_model.k', '0.5');
  await s.until(async () => (await stored(id)).reach_model?.k === '0.5', 'the model saved');

  // Stage 2: the target and its universe.
  await stage(2);
  await commitPath('target_audience', 'Men 18–34');
  await commitPath('universe', '37500000');
  await s.until(async () => (await stored(id)).universe === '37500000', 'the universe saved');

  // Stage 3: TV and radio by the point from the core's catalogue, priced on that universe; 60/40.
  await stage(3);
  for (const name of ['Add Linear TV National spots — CPP', 'Add Radio Network spots — CPP']) {
    await (await s.find(`button[aria-label="${name}"]`)).click();
  }
  const added = await s.until(async () => {
    const p = await stored(id);
    return p.lines.length === 2 ? p : null;
  }, 'two lines added');
  const catalogue = JSON.parse(execFileSync(cli, ['catalogue', '--universe', '37500000'], { encoding: 'utf8' }));
  const tv = catalogue.channels.find((e) => e.name === 'National spots — CPP');
  assert.deepEqual(
    added.lines.map((l) => [l.channel, l.pricing, l.rate, l.spot_length]),
    [['Linear TV', 'cpp', tv.rate, 30], ['Radio', 'cpp', catalogue.channels.find((e) => e.name === 'Network spots — CPP').rate, 30]],
  );
  await commitPath('lines[0].share', '60');
  await s.until(async () => (await stored(id)).lines[0].share === '60', 'TV share saved');
  await commitPath('lines[1].share', '40');
  const funded = await s.until(async () => {
    const p = await stored(id);
    return p.lines[1].share === '40' ? p : null;
  }, 'radio share saved');

  // Stage 4: the goal's standing is the core's: short, by its gap, with the spend that closes it.
  await stage(4);
  const short = computed(funded).totals.reach_goal;
  assert.equal(short.met, false, JSON.stringify(short));
  const badge = await s.find('.reach-panel [data-testid="reach-goal-badge"]');
  await s.until(async () => (await badge.text()) === `Short by ${short.gap_pct} points`, `short by ${short.gap_pct}`);
  const extra = await (await s.find('.reach-panel [data-testid="reach-goal-extra"]')).text();
  assert.ok(extra.startsWith(`${usd(short.extra_spend)} more net media`), extra);
  const rf = await (await s.find('.reach-panel')).text();
  const t = computed(funded).totals;
  for (const v of [`${t.reach_pct}%`, t.frequency, `${t.effective_reach_pct}%`, t.grps, t.trps]) assert.ok(rf.includes(v), `${v} in ${rf}`);
  await reveal('.reach-panel');
  await shot('reach-goal-short');

  // The budget that closes it: the goal is met.
  await stage(1);
  await commitPath('budget', '8000000.00');
  const met = await s.until(async () => {
    const p = await stored(id);
    return p.budget === '8000000.00' ? p : null;
  }, 'the budget saved');
  assert.equal(computed(met).totals.reach_goal.met, true);
  await s.until(async () => (await (await s.find('[data-testid="reach-goal-badge"]')).text()) === 'Met', 'the goal met');
  assert.ok((await bodyText()).includes(`${computed(met).totals.reach_goal.reach_pct}%`));
  await shot('reach-goal-met');
});

test('stages 3, 5 and 6 on the sample: optimise and accept, the launch gate, actuals and pacing', async () => {
  await s.exec('window.scrollTo(0, 0);');
  await (await s.find('//a[normalize-space()="Library"] | //button[normalize-space()="Library"]')).click();
  await (await s.find('//tr[contains(., "Q1 2027 Cold Brew Launch")]//*[contains(@class, "plan-name")]')).click();
  await s.until(async () => (await openPlanId()) !== undefined && /Cold Brew/.test(await bodyText()), 'the sample open');
  const id = await openPlanId();

  // Stage 3: the optimiser's gain is the core's; accepting writes the optimised budgets.
  await stage(3);
  await (await button('Optimise split')).click();
  const want = cliOn(await stored(id), ['allocate', '--curves']);
  const gain = await s.find('[data-testid="gain"]');
  await s.until(async () => (await gain.text()) === `+${want.allocation.gain}`, `gain +${want.allocation.gain}`);
  await reveal('[data-testid="gain"]');
  await shot('stage-3-optimise');
  await (await button('Accept split')).click();
  await s.until(async () => {
    const lines = (await stored(id)).lines;
    return want.allocation.lines.every((a) => lines.find((l) => l.id === a.id).budget === a.budget);
  }, 'the optimised budgets saved');

  // Stage 5: a booked direct line cannot go live with its IO unsigned, except by an override.
  await stage(5);
  const row = '[data-testid="launch-row"][data-line="morningbrew-direct"]';
  await (await s.find(`${row} .launch-moves button`)).click(); // "Book"
  await s.until(async () => (await stored(id)).lines.find((l) => l.id === 'morningbrew-direct').launch?.status === 'booked', 'booked');
  await (await s.find(`//*[@data-line="morningbrew-direct"]//button[starts-with(normalize-space(), "Go live")]`)).click();
  const refusal = await s.find(`${row} [data-testid="launch-refusal"]`);
  assert.match(await refusal.text(), /IO signed/);
  // Typed without Enter: the form is sent by its button.
  for (const [label, value] of [['Overridden by', 'Jordan Lee'], ['Why', 'IO countersigned by email; paper copy to follow']]) {
    const field = `//*[@data-line="morningbrew-direct"]//label[normalize-space()="${label}"]/following::*[self::input or self::textarea][1]`;
    await (await s.find(field)).type(value);
  }
  await (await button('Go live anyway')).click();
  const live = await s.until(async () => {
    const l = (await stored(id)).lines.find((x) => x.id === 'morningbrew-direct');
    return l.launch?.status === 'live' ? l : null;
  }, 'live by override');
  assert.equal(live.launch.override.by, 'Jordan Lee');
  await reveal(row);
  await shot('stage-5-launch');

  // Stage 6: a week of actuals typed in by hand; the pacing shown is the core's.
  await stage(6);
  await s.find('#monitor-tab-actuals');
  await reveal('#monitor-tab-actuals');
  await (await s.find('#monitor-tab-actuals')).click();
  const spend = await s.find('input[aria-label="New row spend"]');
  await spend.type('1500.00\uE007');
  const withActuals = await s.until(async () => {
    const p = await stored(id);
    return p.actuals?.length === 1 ? p : null;
  }, 'the actual saved');
  const pace = cliOn(withActuals, ['pacing', '--today', withActuals.start]);
  writeFileSync(join(work, 'with-actuals.json'), JSON.stringify(withActuals));
  await s.until(async () => (await s.exec('return document.querySelectorAll(".actuals-table tbody tr[data-row]").length;')) === 1, 'the row in the grid');
  await reveal('.actuals');
  await shot('stage-6-actuals');
  assert.equal(pace.pacing.total.actual, '1500.00');
  await s.until(async () => (await (await s.find('[data-testid="monitor-actual"]')).text()).includes(usd(pace.pacing.total.actual)), 'actual to date shown');
  const expected = await (await s.find('[data-testid="monitor-expected"]')).text();
  assert.ok(expected.includes(usd(pace.pacing.total.expected)), `expected ${usd(pace.pacing.total.expected)} in ${expected}`);
  await stage(6);
  await shot('stage-6-monitor');

  // A real LinkedIn export (UTF-16, five preamble lines), picked in the shell's open dialog: the
  // preview names its dialect and shows the file's totals, as `flightplan actuals import` reads them.
  const report = resolve(root, '../shared/platform-exports/real/linkedin-logicsource-adperf-jan-may2023-utf16.csv');
  const read = JSON.parse(execFileSync(cli, ['actuals', 'import', join(work, 'with-actuals.json'), report], { encoding: 'utf8' }));
  await reveal('#monitor-tab-import');
  await (await s.find('#monitor-tab-import')).click();
  writeFileSync(process.env.FLIGHTPLAN_DIALOG_ANSWERS, `${report}\n`);
  await (await button('Choose report…')).click();
  const dialect = await s.find('[data-testid="preview-dialect"]');
  await s.until(async () => (await dialect.text()) === read.dialect.label, `dialect ${read.dialect.label}`);
  assert.equal(read.dialect.label, 'LinkedIn Campaign Manager (en)');
  assert.equal(await (await s.find('[data-testid="report-total-spend"]')).text(), usd(read.totals.spend));
  assert.equal(await (await s.find('[data-testid="report-total-impressions"]')).text(), read.totals.impressions.replace(/\B(?=(\d{3})+$)/g, ','));
  assert.equal(await (await s.find('[data-testid="report-total-clicks"]')).text(), read.totals.clicks);
  assert.equal(await (await s.find('[data-testid="report-total-conversions"]')).text(), read.totals.conversions);
  assert.equal(await (await s.find('[data-testid="preview-rows-read"]')).text(), String(read.rows_read));
  await reveal('[data-testid="import-preview"]');
  await shot('stage-6-import');
});

test('an agency spreadsheet through the import preview: one column corrected, its lines and totals, imported into the library', async () => {
  await s.exec('window.scrollTo(0, 0);');
  await (await s.find('//a[normalize-space()="Library"] | //button[normalize-space()="Library"]')).click();
  await s.find('table.library-table tbody tr');
  const before = (await s.invoke('list_plans', {})).length;
  const file = join(root, 'tests/fixtures/imports/agency-plan.xlsx');
  writeFileSync(process.env.FLIGHTPLAN_DIALOG_ANSWERS, `${file}\n`);
  await (await button('Import plan…')).click();
  const dialog = '[data-testid="import-preview"]';
  const spend = await s.find(`${dialog} select[aria-label="Column G Spend allocation is read as"]`);
  assert.equal(await spend.attr('value'), 'ignore', 'no guess knows "Spend allocation"');
  const dialogText = () => s.exec('return document.querySelector(arguments[0])?.innerText ?? "";', [dialog]);
  assert.match(await dialogText(), /Rows without a cost are imported at 0/);

  // The planner corrects one column: "Spend allocation" is the net media.
  await (await s.find(`${dialog} select[aria-label="Column G Spend allocation is read as"] option[value="budget"]`)).click();
  const mapping = join(work, 'agency-mapping.json');
  writeFileSync(mapping, JSON.stringify({ columns: { 'Spend allocation': 'budget' } }));
  const want = JSON.parse(execFileSync(cli, ['import', file, '--preview', '--mapping', mapping], { encoding: 'utf8' }));
  assert.equal(want.totals.net_media, '28250.00');
  await s.until(async () => (await dialogText()).includes(usd(want.totals.net_media, '£')), `net media ${usd(want.totals.net_media, '£')} in the preview`);
  const shown = await dialogText();
  assert.ok(shown.includes(usd(want.totals.gross, '£')), 'the core\'s gross');
  const lines = await s.exec(
    'return [...document.querySelectorAll(arguments[0] + " table[aria-label=\\"Lines to import\\"] tbody tr")].map((r) => r.innerText.replace(/\\s+/g, " "));',
    [dialog],
  );
  assert.equal(lines.length, want.plan.lines.length);
  want.plan.lines.forEach((l, i) => {
    assert.ok(lines[i].startsWith(`${want.lines[i].row} ${l.name}`), `line ${i + 1} from row ${want.lines[i].row}: ${lines[i]}`);
    assert.ok(lines[i].includes(usd(want.lines[i].net, '£')), `line ${i + 1}'s net ${want.lines[i].net}: ${lines[i]}`);
  });
  await reveal(dialog);
  await shot('import-preview-agency');

  await (await button('Import into library')).click();
  const row = await s.find('//tr[contains(., "Spring 2027 launch")]');
  const plans = await s.until(async () => {
    const list = await s.invoke('list_plans', {});
    return list.length === before + 1 ? list : null;
  }, 'the plan in the library');
  const summary = plans.find((p) => p.name === 'Spring 2027 launch');
  // The library holds what the CLI imports from the same file and mapping, costed by the core.
  const out = join(work, 'agency.json');
  execFileSync(cli, ['import', file, '-o', out, '--mapping', mapping]);
  const view = computed(readFileSync(out, 'utf8'));
  const doc = await s.invoke('open_plan', { id: summary.id });
  assert.deepEqual(doc.plan.lines, JSON.parse(readFileSync(out, 'utf8')).lines);
  assert.deepEqual(doc.view.totals, view.totals);
  assert.ok((await row.text()).includes(usd(view.totals.budget, '£')), `the library lists the budget ${usd(view.totals.budget, '£')}`);
  assert.match(await row.text(), /Harbour & Finch Ltd/);
  await shot('import-library');
});

/** A date as a US spreadsheet writes it: "2027-01-04" → "1/4/2027". */
const usDate = (iso) => {
  const [y, m, d] = iso.split('-');
  return `${Number(m)}/${Number(d)}/${y}`;
};

test('a block with a header row pasted from a spreadsheet, the plan approved by name, edited into a revision, and the changes since approval', async () => {
  await toLibrary();
  const previous = await openPlanId();
  await (await s.find('//button[normalize-space()="New plan"]')).click();
  // The library may list another "Untitled plan": wait for the new one to be open.
  const id = await s.until(async () => {
    const open = await openPlanId();
    return open !== previous && (await bodyText()).includes('Untitled plan') ? open : null;
  }, 'the new plan open');
  await stage(1);
  await fill('Budget (net media)', '20000.00');
  await s.until(async () => (await stored(id)).budget === '20000.00', 'the budget saved');

  // Stage 4: a block copied from a sheet with its own header row and column order, US dates.
  await stage(4);
  const before = await stored(id);
  const block = [
    ['Channel', 'Line', 'Budget', 'Start', 'End'],
    ['Meta', 'Prospecting', '12,000', usDate(before.start), usDate(before.end)],
    ['Google Ads', 'Search — Brand', '8,000', usDate(before.start), usDate(before.end)],
  ].map((r) => r.join('\t')).join('\r\n');
  await (await s.find('[aria-label="Plan lines"]')).click();
  await s.exec(
    `const dt = new DataTransfer();
     dt.setData('text/plain', arguments[0]);
     document.querySelector('[aria-label="Plan lines"]')
       .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));`,
    [block],
  );
  await s.until(async () => /Header row found: columns matched by name/.test(await bodyText()), 'the header row found');
  // Read month first (the planner's choice in the preview, whatever the machine's locale).
  await s.exec(
    `const el = document.querySelector('select[aria-label="Date order"]');
     el.value = 'month_first';
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  await s.until(async () => !(await bodyText()).includes('Nothing can be pasted'), 'no problem month first');
  await shot('paste-header-preview');
  await (await button('Paste 2 rows')).click();
  const pasted = await s.until(async () => {
    const p = await stored(id);
    return p.lines.length === 2 ? p : null;
  }, 'two pasted lines saved');
  // The lines are the core's paste of the same block, from the library's rate card.
  const blockFile = join(work, 'block.tsv');
  writeFileSync(blockFile, block);
  const planFile = join(work, 'before-paste.json');
  writeFileSync(planFile, JSON.stringify(before));
  const want = JSON.parse(
    execFileSync(cli, ['paste', planFile, blockFile, '--dates', 'mdy', '--place', '0', '--library', process.env.FLIGHTPLAN_LIBRARY], { encoding: 'utf8' }),
  );
  assert.deepEqual(pasted.lines, want.lines);
  assert.deepEqual(pasted.lines.map((l) => [l.channel, l.name, l.budget, l.start]), [
    ['Meta', 'Prospecting', '12000', before.start],
    ['Google Ads', 'Search — Brand', '8000', before.start],
  ]);
  await showsTotalsOf(pasted);

  // Propose, then approve by name: recorded with the shell's clock, locked.
  await s.exec('window.scrollTo(0, 0);');
  await (await s.find('button[aria-label="Status: draft"]')).click();
  await (await s.find('//button[@role="menuitem" and normalize-space()="Propose to the client"]')).click();
  await s.until(async () => (await stored(id)).status === 'proposed', 'proposed');
  await (await s.find('button[aria-label="Status: proposed"]')).click();
  await (await s.find('//button[@role="menuitem" and normalize-space()="Approve…"]')).click();
  const name = await s.find('input[aria-label="Approved by"]');
  await name.type('Dana Whitfield\uE007');
  const approved = await s.until(async () => {
    const p = await stored(id);
    return p.status === 'approved' ? p : null;
  }, 'approved');
  assert.equal(approved.approval.by, 'Dana Whitfield');
  assert.equal(approved.approval.version, approved.version);
  await s.until(async () => /Approved by Dana Whitfield on .* locked/.test(await bodyText()), 'the lock shown');
  const versions = await s.invoke('list_versions', { id });
  assert.equal(versions[0].name, `Approved v${approved.version} by Dana Whitfield`);
  await shot('approved');

  // Edit a locked figure: refused, then a revision keeps the edit.
  await (await s.find('td[data-row="0"][data-col="4"]')).click();
  await s.keys('15000\uE007');
  await s.until(async () => /locked: it changes net media of line/.test(await bodyText()), 'the lock refuses the edit');
  await (await button(`Start revision (version ${approved.version + 1}) with this edit`)).click();
  const revision = await s.until(async () => {
    const p = await stored(id);
    return p.version === approved.version + 1 ? p : null;
  }, 'the revision saved');
  assert.equal(revision.status, 'draft');
  assert.equal(revision.revises.version, approved.version);
  assert.equal(revision.lines[0].budget, '15000');
  await s.until(async () => /Revision of version/.test(await bodyText()), 'the revision shown');

  // The changes since approval, as the library and the CLI give them.
  await (await button('Changes since approval')).click();
  await s.find('[data-testid="changes"] tbody tr');
  const cliChanges = JSON.parse(execFileSync(cli, ['library', 'changes', String(id), '--library', process.env.FLIGHTPLAN_LIBRARY], { encoding: 'utf8' }));
  const rows = await s.findAll('[data-testid="changes"] tbody tr');
  assert.equal(rows.length, cliChanges.changes.length);
  const net = cliChanges.changes.find((c) => c.line === revision.lines[0].id && c.field === 'net');
  assert.equal(net.after, '15000.00');
  const text = await (await s.find(`[data-testid="changes"] tr[data-line="${net.line}"][data-field="net"]`)).text();
  for (const part of ['Prospecting', 'Net media', usd(net.before), usd(net.after), '+' + usd(net.difference)]) {
    assert.ok(text.includes(part), `the net change shows ${part}: ${text}`);
  }
  await shot('changes-since-approval');
  await (await s.find('[data-testid="changes"] button')).click();
});

test("Update from file…: the sample's workbook sent back with a rate changed and a line deleted, previewed, applied exactly as the CLI updates it, and undone", async () => {
  await toLibrary();
  const previous = await openPlanId();
  await (await s.find('//button[normalize-space()="New from sample"]')).click();
  const id = await s.until(async () => {
    const open = await openPlanId();
    return open !== previous && (await bodyText()).includes('Q1 2027 Cold Brew Launch') ? open : null;
  }, 'a new plan from the sample open');
  const mine = await stored(id);

  // The client's copy, as a workbook: the brand search rate 1.20 → 1.35 and the third line gone.
  const theirs = structuredClone(mine);
  theirs.lines[0].rate = '1.35';
  const dropped = theirs.lines.splice(2, 1)[0];
  theirs.scenarios = [];
  const theirsFile = join(work, 'theirs.json');
  writeFileSync(theirsFile, JSON.stringify(theirs));
  const xlsx = join(work, 'Cold Brew (client).xlsx');
  execFileSync(cli, ['export', theirsFile, '-o', xlsx, '--date', '2026-11-20']);
  // What the CLI makes of the same plan and file.
  const mineFile = join(work, 'mine.json');
  writeFileSync(mineFile, JSON.stringify(mine));
  const expectedFile = join(work, 'updated.json');
  execFileSync(cli, ['update', mineFile, xlsx, '-o', expectedFile]);
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));

  writeFileSync(process.env.FLIGHTPLAN_DIALOG_ANSWERS, `${xlsx}\n`);
  await s.exec('window.scrollTo(0, 0);');
  await (await s.find('button[aria-label="More export formats"]')).click();
  await (await s.find('//button[@role="menuitem"][.//span[normalize-space()="Update from file…"]]')).click();
  const dialog = '[data-testid="plan-update"]';
  await s.find(dialog);
  const text = () => s.exec('return document.querySelector(arguments[0])?.innerText ?? "";', [dialog]);
  await s.until(async () => (await text()).includes(`Removed: ${dropped.name}`), 'the dropped line listed');
  const rate = await s.exec('return [...document.querySelectorAll(arguments[0] + " tr[data-field=\\"rate\\"] td")].map((td) => td.innerText.trim());', [dialog]);
  assert.deepEqual(rate.slice(0, 4), [mine.lines[0].name, 'Rate', usd(mine.lines[0].rate), usd('1.35')]);
  assert.match(await text(), /Kept from the plan \(a spreadsheet does not carry them\): 2 scenarios/);
  assert.equal((await stored(id)).lines.length, mine.lines.length, 'nothing is saved before Apply');
  await shot('update-from-file');

  await (await button('Apply changes')).click();
  const updated = await s.until(async () => {
    const p = await stored(id);
    return p.lines.length === mine.lines.length - 1 ? p : null;
  }, 'the update saved');
  assert.deepEqual(updated, expected, 'the library holds what `flightplan update` makes');
  await showsTotalsOf(updated);

  // One Undo takes the whole update back.
  await s.exec('window.scrollTo(0, 0);');
  await (await button('Undo')).click();
  const back = await s.until(async () => {
    const p = await stored(id);
    return p.lines.length === mine.lines.length ? p : null;
  }, 'the update undone');
  assert.deepEqual(back, mine);
});
