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
    // Every language's strings are "lazy": kept once someone reads them (issue 17). An English
    // reader's page fetched the English ones, which the worker then takes from the HTTP cache.
    const eager = files.filter(([, , lazy]) => !lazy);
    const strings = files.filter(([p]) => p.includes('/i18n/'));
    assert.ok(strings.length > 0 && strings.every(([, , lazy]) => lazy), 'every language is left for those who read it');
    const english = strings.filter(([p]) => p.endsWith('/en.json'));
    assert.equal(cached, eager.length + english.length, 'the worker keeps every file of the build an English reader needs');
    const sent = server.sent;
    const times = {};
    for (const s of sent) times[s.path] = (times[s.path] ?? 0) + 1;
    const bytes = sent.reduce((a, s) => a + s.bytes, 0);
    console.log(`first visit: the server sent ${bytes} bytes in ${sent.length} responses: ${JSON.stringify(times)}`);
    for (const [path, n] of Object.entries(times)) assert.equal(n, 1, `${path} was sent ${n} times`);
    assert.equal(sent.length, eager.length + english.length + 1, 'every file an English reader needs and sw.js, each once');
    assert.ok(!sent.some((s) => /\/i18n\/.*\/(de|fr)\.json$/.test(s.path)), 'no German or French string is downloaded');
  } finally {
    await context.close();
  }
});
