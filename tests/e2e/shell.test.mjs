// The app started as a planner starts it (no WebDriver, which sets WebKit's options itself): the
// shell's choices for how WebKitGTK draws reach the web process before it starts. Overlay scroll
// bars kept WebKit drawing frame after frame while the pointer rested over a plan (90 ms of CPU a
// second, 1.8 s with software OpenGL), so the shell asks GTK for plain ones unless the planner
// chose (src-tauri/src/rendering.rs). Run by tests/e2e/run.sh, before app.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const app = join(root, 'target/debug/flightplan-desktop');
const work = process.env.FLIGHTPLAN_E2E_DIR;

/** The environment WebKit's web process started with, once the app has started one. */
async function webProcessEnv(env) {
  // Its stderr is kept, so an app that ends early says why (a panic, GTK not starting).
  const child = spawn(app, [], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const failed = new Promise((_, reject) => child.once('error', reject));
  failed.catch(() => {});
  try {
    const deadline = Date.now() + 60000;
    while (Date.now() < deadline) {
      for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const [comm, rest] = [stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), stat.slice(stat.lastIndexOf(')') + 2).split(' ')];
          if (comm.startsWith('WebKitWebProces') && Number(rest[1]) === child.pid) {
            return Object.fromEntries(
              readFileSync(`/proc/${pid}/environ`, 'utf8')
                .split('\0')
                .filter(Boolean)
                .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
            );
          }
        } catch {
          // A process that ended while it was read.
        }
      }
      if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) before starting WebKit:\n${stderr.trim()}`);
      await Promise.race([new Promise((r) => setTimeout(r, 200)), failed]);
    }
    throw new Error('no WebKit web process under the app within 60 s');
  } finally {
    child.kill();
    await new Promise((r) => (child.exitCode !== null || child.pid === undefined ? r() : child.once('exit', r)));
  }
}

/** The environment a planner starts the app in, plus `extra`: a library and WebKit folders of its
 * own (app.test.mjs starts from none), and no session bus, so the single-instance plugin cannot
 * hand this start over to another Flightplan running on the machine. */
function planner(extra = {}) {
  const dir = mkdtempSync(join(work ?? tmpdir(), 'shell-'));
  const env = {
    ...process.env,
    FLIGHTPLAN_LIBRARY: join(dir, 'library.sqlite3'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    DBUS_SESSION_BUS_ADDRESS: 'disabled:',
  };
  delete env.GTK_OVERLAY_SCROLLING;
  return { ...env, ...extra };
}

test('the app asks GTK for plain scroll bars before WebKit starts', async () => {
  const env = await webProcessEnv(planner());
  assert.equal(env.GTK_OVERLAY_SCROLLING, '0');
});

test("a planner's own scroll bar setting stands", async () => {
  const env = await webProcessEnv(planner({ GTK_OVERLAY_SCROLLING: '1' }));
  assert.equal(env.GTK_OVERLAY_SCROLLING, '1');
});
