// The browser tests' harness: builds the UI with the IPC mock (browser/mock-main.ts), serves it,
// and opens it in Debian's Chromium through playwright-core. Every browser test file starts one
// with `useBrowser()` and reads figures from the real core's fixtures through it.

import { before, after } from "node:test";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, normalize } from "node:path";
import { build } from "vite";
import { chromium } from "playwright-core";

const here = import.meta.dirname;
export const fixtures = JSON.parse(readFileSync(join(here, "../src/test/core-fixtures.json"), "utf8"));
/** The everyday-trust fixtures: pastes, sign-off, changes (scripts/make-trust-fixtures.ts). */
export const trust = JSON.parse(readFileSync(join(here, "../src/test/trust-fixtures.json"), "utf8"));
/** A fixture scenario by name: `{name, plan, view, launch, monitor, optimised, comparison}`. */
export const scenario = (n) => {
  const s = fixtures.scenarios.find((x) => x.name === n) ?? trust.scenarios.find((x) => x.name === n);
  if (!s) throw new Error(`no fixture scenario "${n}": add it to src/test/scenarios and run npm run fixtures`);
  return s;
};
/** "-1234.5" → "-$1,234.5": how the UI formats USD with the default number style. */
export const usd = (v) => {
  const neg = v.startsWith("-");
  const [int, frac] = v.replace("-", "").split(".");
  return (neg ? "-$" : "$") + int.replace(/\B(?=(\d{3})+$)/g, ",") + (frac === undefined ? "" : "." + frac);
};

/**
 * Register before/after hooks that build, serve and open the UI; returns an object whose fields
 * (`page`, `base`, helpers) are filled in once `before` has run.
 */
export function useBrowser() {
  const b = {};
  let work, server, context;
  const shots = process.env.FLIGHTPLAN_SHOTS; // a folder to save screenshots in, if set
  before(async () => {
    work = mkdtempSync(join(tmpdir(), "fp-browser-"));
    const dist = join(work, "dist");
    // The edit bench's profile (BENCH_PROFILE) reads function names, so that build is not minified.
    await build({ configFile: join(here, "../vite.browser.config.ts"), logLevel: "warn", build: { outDir: dist, minify: process.env.BENCH_PROFILE ? false : undefined } });
    const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".woff2": "font/woff2", ".woff": "font/woff", ".svg": "image/svg+xml" };
    server = createServer((req, res) => {
      const url = new URL(req.url, "http://x");
      const file = normalize(join(dist, url.pathname === "/" ? "index.html" : decodeURIComponent(url.pathname)));
      if (!file.startsWith(dist) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
      res.end(readFileSync(file));
    });
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    b.base = `http://127.0.0.1:${server.address().port}/`;
    // A fresh profile each run (playwright passes it as --user-data-dir).
    context = await chromium.launchPersistentContext(join(work, "profile"), {
      executablePath: "/usr/bin/chromium",
      headless: true,
      viewport: { width: 1280, height: 800 },
      // A US locale: the grid's paste reads dates month first, as the fixtures were read.
      locale: "en-US",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: b.base });
    b.page = await context.newPage();
    b.page.on("pageerror", (e) => console.error("page error:", e));
  });
  after(async () => {
    await context?.close();
    server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });
  b.shot = async (name) => {
    if (shots) await b.page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
  };
  b.text = () => b.page.locator("body").innerText();
  b.kpi = (label) =>
    b.page.locator(".kpi-card", { has: b.page.locator(".label", { hasText: new RegExp(`^${label}$`) }) }).locator(".kpi-value");
  /** Load the app fresh (the mock's library resets) and open the plan named `name`. */
  b.openPlan = async (name) => {
    await b.page.goto(b.base);
    await b.page.locator("table.library-table tbody tr", { hasText: name }).first().click();
    await b.page.locator(".stage-rail").waitFor();
  };
  /** The IPC calls the UI made since the page loaded: `[{cmd, args}]`. */
  b.calls = () => b.page.evaluate(() => window.__ipcCalls);
  return b;
}
