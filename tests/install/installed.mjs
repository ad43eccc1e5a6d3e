// The installed app (from the .deb) starts and shows the library with the bundled sample plan.
// Run by tests/install/deb.sh, which installs it and starts tauri-driver on port 4450, and keeps
// a screenshot of the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Session } from '../e2e/webdriver.mjs';

test('the installed app opens on the library with the sample plan', async () => {
  const s = await Session.start('http://127.0.0.1:4450', process.env.FLIGHTPLAN_INSTALLED_APP);
  try {
    const text = await s.until(async () => {
      const t = await s.exec('return document.body.innerText;');
      return t.includes('Q1 2027 Cold Brew Launch') ? t : null;
    }, 'the library with the sample plan', 30000);
    assert.match(text, /Plan library/);
    assert.match(text, /Northwind Coffee Co\./);
    // The screen as the planner sees it, window frame and menu bar included (imagemagick's
    // `import` on the Xvfb display; WebDriver's own screenshot only covers the webview).
    execFileSync('import', ['-window', 'root', process.env.FLIGHTPLAN_SHOT]);
  } finally {
    await s.end().catch(() => {});
  }
});
