// The Content Security Policy (issue 8, started early): the page allows only its own origin and
// its own inline scripts by hash (the first script that says what the page can do, Trunk's
// loader and the service worker's registration);
// injected inline script and requests to other origins are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { serve, launch, appReady } from './support.mjs';

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
  await appReady(page);
  assert.deepEqual(violations, [], 'the app itself violates nothing');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'self'/);
  // Exactly the page's own inline scripts are allowed, each by its hash.
  const html = await (await fetch(server.url)).text();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 4, 'the page\'s first script, the prerendered page\'s language, the loader and the service worker registration');
  const hashes = inline.map((s) => `'sha256-${crypto.createHash('sha256').update(s).digest('base64')}'`);
  assert.ok(policy.includes(`script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')};`), policy);
  // The style sheet, in the page, by its hash too, and no other inline style.
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.equal(styles.length, 1, 'the style sheet');
  const style = `'sha256-${crypto.createHash('sha256').update(styles[0]).digest('base64')}'`;
  assert.ok(policy.includes(`style-src 'self' ${style};`), policy);
  // All of them ran: the page knows the app can start, the app started, the worker registered.
  assert.equal(await page.evaluate(() => document.documentElement.className), 'app');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
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
