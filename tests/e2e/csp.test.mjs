// The Content Security Policy (issue 8, started early): the page allows only its own origin and
// its one hashed loader script; injected inline script and requests to other origins are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('the policy is in place and refuses inline script and other origins', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
  await page.goto(server.url);
  await page.getByRole('button', { name: /start/i }).first().waitFor();
  assert.deepEqual(violations, [], 'the app itself violates nothing');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+';/);
  assert.doesNotMatch(policy, /unsafe-inline|https?:/);
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.head.appendChild(s);
    return window.__injected === 1;
  });
  assert.equal(ran, false, 'injected inline script must not run');
  const fetched = await page.evaluate(() => fetch('http://127.0.0.2:9/').then(() => true, () => false));
  assert.equal(fetched, false, 'requests to another origin are refused');
  assert.ok(violations.length >= 2, 'both refusals are reported as policy violations');
  await context.close();
});
