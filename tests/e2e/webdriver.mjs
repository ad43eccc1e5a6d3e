// A minimal W3C WebDriver client over fetch (Node 20+): enough to drive the real Flightplan
// window through tauri-driver without pulling in a WebDriver library.

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  /** A session on the app. WebKitWebDriver starts it with GTK_OVERLAY_SCROLLING=1 unless told
   * otherwise, and the app keeps a setting it finds instead of choosing plain scroll bars
   * (src-tauri/src/rendering.rs). `plainScrollBars` runs it as a planner gets it, for the
   * measurements: overlay bars keep WebKit drawing while the pointer rests over a plan. (The
   * end-to-end tests keep WebDriver's default: WebKitWebDriver's screenshots hang with plain
   * bars after the page scrolls.) */
  static async start(base, application, args = [], { plainScrollBars = false } = {}) {
    const caps =
      plainScrollBars && process.platform === 'linux'
        ? { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: application, args, useOverlayScrollbars: false } } } }
        : { capabilities: { alwaysMatch: { 'tauri:options': { application, args } } } };
    const res = await call(base, 'POST', '/session', caps);
    return new Session(base, res.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  /** Find by CSS selector, or by XPath when the query starts with `/` or `(`. */
  async find(css, { timeoutMs = 15000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    const using = /^[/(]/.test(css) ? 'xpath' : 'css selector';
    let last;
    while (Date.now() < deadline) {
      try {
        const el = await this.cmd('POST', '/element', { using, value: css });
        return new Element(this, Object.values(el)[0]);
      } catch (e) {
        last = e;
        await sleep(200);
      }
    }
    throw new Error(`element not found: ${css} (${last?.message})`);
  }

  async findAll(css) {
    const els = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return els.map((e) => new Element(this, Object.values(e)[0]));
  }

  /** Wait until `fn()` returns a truthy value (polling), or fail with `what`. */
  async until(fn, what, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      try {
        last = await fn();
        if (last) return last;
      } catch (e) {
        last = e;
      }
      await sleep(200);
    }
    throw new Error(`timed out waiting for ${what} (last: ${last})`);
  }

  exec(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Call one of the app's own commands through the page's IPC, as the UI does. */
  async invoke(command, args) {
    const r = await this.cmd('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
          .then((v) => done({ ok: true, v }), (e) => done({ ok: false, e }));`,
      args: [command, args],
    });
    if (!r.ok) throw new Error(`${command}: ${JSON.stringify(r.e)}`);
    return r.v;
  }

  async keys(text) {
    const actions = [];
    for (const ch of text) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'kb', actions }] });
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }

  async end() {
    await this.cmd('DELETE', '');
  }
}

export class Element {
  constructor(session, id) {
    this.s = session;
    this.id = id;
  }
  click() {
    return this.s.cmd('POST', `/element/${this.id}/click`, {});
  }
  clear() {
    return this.s.cmd('POST', `/element/${this.id}/clear`, {});
  }
  type(text) {
    return this.s.cmd('POST', `/element/${this.id}/value`, { text });
  }
  text() {
    return this.s.cmd('GET', `/element/${this.id}/text`);
  }
  attr(name) {
    return this.s.cmd('GET', `/element/${this.id}/property/${name}`);
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json.value ?? json)}`);
  }
  return json.value;
}
