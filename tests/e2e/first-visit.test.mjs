// A first visit over a fresh connection downloads each file once (issue 16): the service worker
// fills its cache from the HTTP cache where it holds the build's copy, instead of fetching every
// file a second time. Counted as the bytes the server sends, with gzip as a host sends them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { serve, launch, DIST } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/', undefined, { gzip: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a first visit downloads each file once, the service worker\'s copies included', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await page.locator('fieldset[data-question]').first().waitFor();
    await page.waitForFunction(() => !document.getElementById('prerendered'));
    // The worker installs after the page has loaded; once it is active, its cache is full.
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith('stagefit-')));
      return (await cache.keys()).length;
    });
    const files = JSON.parse((await fs.readFile(path.join(DIST, 'sw.js'), 'utf8')).match(/const BUILD = (\{[\s\S]*?\n\});/)[1]).files;
    // Other languages' strings are "lazy": fetched by those who read them (issue 17).
    const eager = files.filter(([, , lazy]) => !lazy);
    assert.ok(files.some(([, , lazy]) => lazy), 'German and French strings are left for those who read them');
    assert.equal(cached, eager.length, 'the worker keeps every file of the build an English reader needs');
    const sent = server.sent;
    const times = {};
    for (const s of sent) times[s.path] = (times[s.path] ?? 0) + 1;
    const bytes = sent.reduce((a, s) => a + s.bytes, 0);
    console.log(`first visit: the server sent ${bytes} bytes in ${sent.length} responses: ${JSON.stringify(times)}`);
    for (const [path, n] of Object.entries(times)) assert.equal(n, 1, `${path} was sent ${n} times`);
    assert.equal(sent.length, eager.length + 1, 'every file an English reader needs and sw.js, each once');
    assert.ok(!sent.some((s) => /\/i18n\/.*\/(de|fr)\.json$/.test(s.path)), 'no German or French string is downloaded');
  } finally {
    await context.close();
  }
});
