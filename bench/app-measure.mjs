// Driven by bench/app-measure.sh. Each run starts the app process afresh (the library file is
// created and seeded on the first run).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../tests/e2e/webdriver.mjs';
import { benchPlan } from './plans.mjs';

const runs = Number(process.argv[2] ?? 5);
const bin = process.env.FLIGHTPLAN_BIN_DIR;
const work = process.env.FLIGHTPLAN_E2E_DIR;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The app's processes and WebKit's, as [pid, command line]: each read once per measure. */
function* ourProcesses() {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (/flightplan-desktop|WebKitWebProcess|WebKitNetworkProcess/.test(cmd)) yield [pid, cmd];
    } catch {}
  }
}

/** Resident memory (MB): the app process, and the app with its WebKit child processes. */
function rssMb() {
  let app = 0, all = 0, appPss = 0, allPss = 0;
  for (const [pid, cmd] of ourProcesses()) {
    try {
      const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
      if (!m) continue;
      // The proportional share as well: a page shared by N processes (a library's code, the
      // page cache's large folios this kernel maps whole) counts 1/N to each, so the app and
      // its WebKit processes add up to what they cost the machine.
      const p = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+)/m);
      const pss = p ? Number(p[1]) : 0;
      all += Number(m[1]);
      allPss += pss;
      if (/flightplan-desktop/.test(cmd)) {
        app += Number(m[1]);
        appPss += pss;
      }
    } catch {}
  }
  return { app: app / 1024, all: all / 1024, appPss: appPss / 1024, allPss: allPss / 1024 };
}

/** CPU time (ms) used so far by the app and its WebKit processes (clock ticks of 10 ms). */
function cpuMs() {
  let ticks = 0;
  for (const [pid] of ourProcesses()) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {}
  }
  return ticks * 10;
}

// Plans of 200 and 1,000 lines from the sample's lines, each line an equal share of the budget.
const sample = JSON.parse(execFileSync(process.env.FLIGHTPLAN_CLI ?? join(bin, 'flightplan'), ['demo'], { encoding: 'utf8' }));
const plans = { 200: benchPlan(sample, 200), 1000: benchPlan(sample, 1000) };

const idleApp = [], idleAll = [], idlePss = [], idleAllPss = [], atRest = [];
const starts = [], mem = [], appMem = [];
const edits = { 200: [], 1000: [] }, editsAtTop = { 200: [], 1000: [] }, saves = { 200: [], 1000: [] }, opens = { 200: [], 1000: [] };
const names = { 200: 'Bench 200 lines', 1000: 'Bench 1000 lines' };
let editCount = 0;
/** The edit a planner makes, 9 times on line 1's rate, with the page placed by `place` (a script)
 * first: the times in ms from the Enter to the frame after "All changes saved". */
async function timeEdits(s, place) {
  const times = [];
  for (let i = 0; i < 9; i++) {
    // Placed before each edit: nothing the last one did (keeping the active cell in sight) carries.
    await s.exec(place);
    await (await s.find('td[data-row="0"][data-col="3"]')).click();
    await s.keys('\uE007');
    await s.exec(`const el = document.querySelector('input.cell-input'); el.select();`);
    // A rate other than the one the last edit left (each edit must change the plan).
    await s.keys(editCount++ % 2 === 0 ? '9' : '1.2');
    const ms = await s.cmd('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        (async () => {
          const input = document.querySelector('input.cell-input');
          const state = () => document.querySelector('[data-testid="save-state"]').textContent;
          // Yield to the page's tasks without the timers' 4 ms clamp.
          const ch = new MessageChannel();
          const tick = () => new Promise((r) => { ch.port1.onmessage = () => r(); ch.port2.postMessage(0); });
          const t = performance.now();
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          // The edit has landed when the editor has closed and "All changes saved" shows again,
          // with the new view ("Saving…" shows while the core works).
          while (document.querySelector('input.cell-input') || state() !== 'All changes saved') await tick();
          // The frame that shows the new figures: the next animation frame, then its paint.
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          done(performance.now() - t);
        })().catch(() => done(-1));`,
      args: [],
    });
    if (ms < 0) throw new Error(`the edit failed (page placed by ${place})`);
    times.push(ms);
  }
  return times;
}

for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const s = await Session.start('http://127.0.0.1:4446', join(bin, 'flightplan-desktop'), [], { plainScrollBars: true });
  await s.find('table.library-table tbody tr', { timeoutMs: 30000 });
  starts.push(performance.now() - t0);
  // Settled at the library, as a planner opens the app.
  await new Promise((r) => setTimeout(r, 1500));
  const idle = rssMb();
  idleApp.push(idle.app);
  idleAll.push(idle.all);
  idlePss.push(idle.appPss);
  idleAllPss.push(idle.allPss);
  if (r === 0) {
    // The bench plans go into the library once, through the app's own commands.
    for (const size of [200, 1000]) {
      const id = await s.invoke('create_plan', { from: 'blank' });
      await s.invoke('save_plan', { id, plan: { ...plans[size], name: names[size] } });
    }
  }
  // Edit → recompute → repaint, as a planner does it: stage 4 of the plan open, a rate typed into
  // the grid and committed with Enter. The edit goes through the plan store: save_plan (the core
  // checks and costs the plan, the library saves it), then the grid, totals and flowchart show
  // the new figures. Timed inside the page from the Enter to the frame after "All changes saved"
  // (which lands with the new view), median of 9 edits; save_plan's own time alongside.
  for (const size of [200, 1000]) {
    await s.exec('location.reload();');
    const tOpen = performance.now();
    await (await s.find(`//span[@class="plan-name"][normalize-space()="${names[size]}"]`, { timeoutMs: 30000 })).click();
    await (await s.find('button[data-stage="4"]')).click();
    await s.find('td[data-row="0"][data-col="3"]', { timeoutMs: 30000 });
    opens[size].push(performance.now() - tOpen);
    if (size === 200) {
      // A plan open and untouched, the pointer resting over it (where WebDriver's click left it):
      // the CPU the app and WebKit use a second while nothing happens.
      await new Promise((r) => setTimeout(r, 1500));
      const c0 = cpuMs();
      await new Promise((r) => setTimeout(r, 3000));
      atRest.push((cpuMs() - c0) / 3);
    }
    // Where the page stands matters to WebKit's drawing: the same edit takes longer with the
    // plan's header in view than with the page scrolled to the grid. Both are timed: the grid's
    // box wholly in the window (where a planner working through the lines has it), then the page
    // at its top (the plan just opened).
    edits[size].push(median(await timeEdits(s, "document.querySelector('.line-grid').scrollIntoView({ block: 'nearest' })")));
    editsAtTop[size].push(median(await timeEdits(s, 'window.scrollTo(0, 0)')));
    // save_plan alone, timed in the page as the store calls it: line 1's rate changed each time,
    // the plan sent as its changes to the plan of the view held (the plan without its lines, the
    // lines kept, the line changed), the answer carrying only the lines that changed.
    const id = await s.exec('return window.__FLIGHTPLAN_OPEN_PLAN_ID;');
    const saved = await s.cmd('POST', '/execute/async', {
      script: `const [id, plan, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
        (async () => {
          const save = (text) => window.__TAURI_INTERNALS__.invoke('save_plan', new TextEncoder().encode(text));
          let held = (await save(id + '\\n' + JSON.stringify(plan))).view_id;
          const times = [];
          for (let i = 0; i < 9; i++) {
            const t = performance.now();
            const lines = plan.lines.map((l, j) => (j === 0 ? { ...l, rate: i % 2 ? '9' : '1.2' } : l));
            const kept = lines.map((l, j) => (j === 0 ? null : j));
            const text = id + ' ' + held + ' changes\\n' + JSON.stringify({ ...plan, lines: [] }) + '\\n' + JSON.stringify(kept) + '\\n' + JSON.stringify([lines[0]]);
            const answer = await save(text);
            times.push(performance.now() - t);
            if (!answer.kept) throw new Error('the whole view came back');
            held = answer.view_id;
          }
          done(times);
        })().catch((e) => done(String(e?.message ?? JSON.stringify(e))));`,
      args: [id, { ...plans[size], name: names[size] }],
    });
    if (!Array.isArray(saved) || saved.length !== 9) throw new Error(`save_plan failed on the ${size}-line plan: ${saved}`);
    saves[size].push(median(saved));
  }
  const m = rssMb();
  mem.push(m.all);
  appMem.push(m.app);
  await s.end();
}
const out = {
  runs,
  cold_start_to_library_ms: Math.round(median(starts)),
  open_200_line_plan_at_stage_4_ms: Math.round(median(opens[200])),
  cpu_at_rest_200_line_plan_open_ms_per_s: Math.round(median(atRest)),
  edit_recompute_repaint_200_lines_ms: Number(median(edits[200]).toFixed(1)),
  of_which_save_plan_200_ms: Number(median(saves[200]).toFixed(1)),
  edit_200_lines_page_at_top_ms: Number(median(editsAtTop[200]).toFixed(1)),
  open_1000_line_plan_at_stage_4_ms: Math.round(median(opens[1000])),
  edit_recompute_repaint_1000_lines_ms: Number(median(edits[1000]).toFixed(1)),
  of_which_save_plan_1000_ms: Number(median(saves[1000]).toFixed(1)),
  edit_1000_lines_page_at_top_ms: Number(median(editsAtTop[1000]).toFixed(1)),
  resident_memory_app_at_library_mb: Math.round(median(idleApp)),
  resident_memory_with_webkit_at_library_mb: Math.round(median(idleAll)),
  proportional_memory_app_at_library_mb: Math.round(median(idlePss)),
  proportional_memory_with_webkit_at_library_mb: Math.round(median(idleAllPss)),
  resident_memory_app_after_1000_line_edits_mb: Math.round(median(appMem)),
  resident_memory_with_webkit_after_1000_line_edits_mb: Math.round(median(mem)),
};
console.log(JSON.stringify(out, null, 2));
writeFileSync(join(work, 'measure.json'), JSON.stringify(out));
