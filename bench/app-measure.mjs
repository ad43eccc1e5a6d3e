// Driven by bench/app-measure.sh. Each run starts the app process afresh (the library file is
// created and seeded on the first run).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../tests/e2e/webdriver.mjs';

const runs = Number(process.argv[2] ?? 5);
const bin = process.env.FLIGHTPLAN_BIN_DIR;
const work = process.env.FLIGHTPLAN_E2E_DIR;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Resident memory (MB): the app process, and the app with its WebKit child processes. */
function rssMb() {
  let app = 0, all = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/flightplan-desktop|WebKitWebProcess|WebKitNetworkProcess/.test(cmd)) continue;
      const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
      if (!m) continue;
      all += Number(m[1]);
      if (/flightplan-desktop/.test(cmd)) app += Number(m[1]);
    } catch {}
  }
  return { app: app / 1024, all: all / 1024 };
}

// Plans of 200 and 1,000 lines from the sample's lines, each line an equal share of the budget.
const sample = JSON.parse(execFileSync(process.env.FLIGHTPLAN_CLI ?? join(bin, 'flightplan'), ['demo'], { encoding: 'utf8' }));
function planOf(count) {
  const lines = [];
  for (let i = 0; i < count; i++) {
    const l = { ...sample.lines[i % sample.lines.length], id: `line-${i}` };
    delete l.budget;
    delete l.weights;
    l.share = (100 / count).toFixed(4);
    lines.push(l);
  }
  // The scenarios name the sample's own line ids, and the actuals too.
  return { ...sample, lines, scenarios: undefined, actuals: undefined, invoices: undefined, learnings: undefined };
}
const plans = { 200: planOf(200), 1000: planOf(1000) };

const idleApp = [], idleAll = [];
const starts = [], edits = { 200: [], 1000: [] }, ipcs = { 200: [], 1000: [] }, mem = [], appMem = [];
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const s = await Session.start('http://127.0.0.1:4446', join(bin, 'flightplan-desktop'));
  await s.find('table.library-table tbody tr', { timeoutMs: 30000 });
  starts.push(performance.now() - t0);
  // Settled at the library, as a planner opens the app.
  await new Promise((r) => setTimeout(r, 1500));
  const idle = rssMb();
  idleApp.push(idle.app);
  idleAll.push(idle.all);
  // Edit → recompute → repaint: the core recomputes the plan over IPC and the webview paints
  // the next frame. Timed inside the page, median of 21 edits.
  for (const size of [200, 1000]) {
    const ms = await s.cmd('POST', '/execute/async', {
      script: `const [plan, done] = [arguments[0], arguments[arguments.length - 1]];
        const invoke = window.__TAURI_INTERNALS__.invoke;
        (async () => {
          const times = [];
          for (let i = 0; i < 21; i++) {
            plan.lines[0].rate = String(8 + i / 100);
            const t = performance.now();
            const view = await invoke('compute_plan', { plan });
            const ipc = performance.now() - t;
            document.title = view.totals.gross;
            // The frame that shows the new figures: the next animation frame, then its paint.
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            times.push([performance.now() - t, ipc]);
          }
          times.sort((a, b) => a[0] - b[0]);
          done(times[10]);
        })().catch((e) => done(-1));`,
      args: [plans[size]],
    });
    if (!Array.isArray(ms)) throw new Error(`compute_plan failed on the ${size}-line plan`);
    edits[size].push(ms[0]);
    ipcs[size].push(ms[1]);
  }
  const m = rssMb();
  mem.push(m.all);
  appMem.push(m.app);
  await s.end();
}
const out = {
  runs,
  cold_start_to_library_ms: Math.round(median(starts)),
  edit_recompute_repaint_200_lines_ms: Number(median(edits[200]).toFixed(1)),
  of_which_ipc_and_recompute_200_ms: Number(median(ipcs[200]).toFixed(1)),
  edit_recompute_repaint_1000_lines_ms: Number(median(edits[1000]).toFixed(1)),
  of_which_ipc_and_recompute_1000_ms: Number(median(ipcs[1000]).toFixed(1)),
  resident_memory_app_at_library_mb: Math.round(median(idleApp)),
  resident_memory_with_webkit_at_library_mb: Math.round(median(idleAll)),
  resident_memory_app_after_1000_line_edits_mb: Math.round(median(appMem)),
  resident_memory_with_webkit_after_1000_line_edits_mb: Math.round(median(mem)),
};
console.log(JSON.stringify(out, null, 2));
writeFileSync(join(work, 'measure.json'), JSON.stringify(out));
