// Offline (issue "Small, fast, audited, locked down and offline"): once the app has loaded, a
// service worker keeps this build's files, so a reload with the network gone (the server shut,
// every connection closed) or not answering still starts the app with everything saved in the
// browser; and a new release shows on the very next load, its cache replacing the old one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openPage, App, DIST, appReady, sharedResultOpened } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The page is controlled once the worker has cached every file and activated.
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null);
const stagefitCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('stagefit-')));
const versionOf = (sw) => sw.match(/"version": "([0-9a-f]+)"/)[1];

// Polls `check` until it holds, for up to 20 seconds.
async function until(check, what) {
  for (const started = Date.now(); Date.now() - started < 20000; await new Promise((r) => setTimeout(r, 100))) {
    if (await check()) return;
  }
  assert.fail(`timed out waiting until ${what}`);
}

for (const base of ['/', '/stagefit/']) {
  test(`with the network gone a reload still starts the app, with its saved work (${base})`, async () => {
    const server = await serve(base);
    const { page, problems, close } = await openPage(browser, server.origin);
    await page.goto(server.url);
    const app = new App(page);
    await controlled(page);
    const sw = await (await fetch(server.url + 'sw.js')).text();
    assert.deepEqual(await stagefitCaches(page), [`stagefit-${versionOf(sw)} ${server.url}`]);

    // A finished assessment in the history, its share link, and an unfinished one.
    await app.start();
    await app.answerAll({ company: 'max', strategy: '1', platform: 'min' });
    await page.getByLabel('Name this result (optional)').fill('before the Wi-Fi went');
    const result = await app.results();
    const link = await page.getByTestId('share-link').inputValue();
    await page.getByRole('navigation').getByRole('link', { name: 'Assessment' }).click();
    await new App(page).start();
    await app.answerStep({ company: 'min' });
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByText(/^Step 2 of \d+$/).waitFor();

    await server.close();
    await assert.rejects(fetch(server.url), 'nothing answers on that port any more');

    // Reload: the app starts on the same step (its address), with the unfinished assessment.
    await page.reload();
    await page.getByText(/^Step 2 of \d+$/).waitFor();
    await app.answerStep({ company: 'mid', strategy: '0', platform: 'max' });
    assert.equal(await page.locator('fieldset[data-question] input:checked').count(), await page.locator('fieldset[data-question]').count());
    // The finished one is in the history and opens with the same result.
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await page.locator('.history-item', { hasText: 'before the Wi-Fi went' }).getByRole('link', { name: 'Open' }).click();
    await page.locator('[data-testid="alignment-score"]').waitFor();
    assert.deepEqual(await app.results(), result);

    // A share link opened afresh (a new navigation, not a fragment change) works offline too.
    await page.goto('about:blank');
    await page.goto(link);
    await sharedResultOpened(page);
    assert.deepEqual(await app.results(), result);

    // So does the page with a query, and a new person can start and answer the first question.
    await page.goto(server.url + 'index.html?from=chat');
    await page.getByRole('navigation').getByRole('link', { name: 'Assessment' }).click();
    await page.getByRole('button', { name: 'Start a new assessment' }).click();
    await page.getByRole('button', { name: 'Discard it and start a new assessment' }).click();
    const first = page.locator('fieldset[data-question]').first().locator('input[type=radio]').first();
    await first.check();
    assert.ok(await first.isChecked());
    assert.deepEqual(problems, []);
    await close();
  });
}

test('on a network that takes the request and never answers, the app starts from the cache', async () => {
  const server = await serve('/stagefit/');
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await controlled(page);
  server.stall();
  const started = Date.now();
  await page.reload();
  await appReady(page, { timeout: 10000 });
  const ms = Date.now() - started;
  assert.ok(ms >= 3500 && ms < 10000, `started after ${ms} ms: the worker waits 4 s for the network`);
  await new App(page).start();
  assert.deepEqual(problems, []);
  await close();
  await server.close();
});

// Release 2, made the way the build makes a release: the page and one file changed (the loader
// script under a new hashed name), then src/web/post_build.py run over it for a new policy and worker.
async function release2() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stagefit-release2-'));
  await fs.cp(DIST, dir, { recursive: true });
  const js = (await fs.readdir(dir)).find((f) => f.endsWith('.js') && f !== 'sw.js');
  await fs.rename(path.join(dir, js), path.join(dir, 'stagefit-2222222222222222.js'));
  const index = (await fs.readFile(path.join(dir, 'index.html'), 'utf8'))
    .replace('<title>', '<meta name="release" content="2"><title>').replaceAll(`./${js}`, './stagefit-2222222222222222.js');
  await fs.writeFile(path.join(dir, 'index.html'), index);
  await fs.rm(path.join(dir, 'sw.js'));
  execFileSync('python3', ['src/web/post_build.py'], {
    cwd: path.resolve(DIST, '..'),
    env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_SOURCE_DIR: path.resolve(DIST, '..') },
  });
  return { dir, version: versionOf(await fs.readFile(path.join(dir, 'sw.js'), 'utf8')) };
}

test('a new release takes over on the next load and its cache replaces the old one', async () => {
  const v1 = versionOf(await fs.readFile(path.join(DIST, 'sw.js'), 'utf8'));
  const v2 = await release2();
  assert.notEqual(v2.version, v1);

  const server = await serve('/stagefit/');
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await controlled(page);
  const release = () => page.evaluate(() => document.querySelector('meta[name="release"]')?.content ?? '1');
  assert.equal(await release(), '1');
  assert.deepEqual(await stagefitCaches(page), [`stagefit-${v1} ${server.url}`]);

  server.use(v2.dir);
  await page.reload();
  assert.equal(await release(), '2', 'the very next load shows the new release');
  await appReady(page);
  // The browser checks for a new worker shortly after the load; it installs, activates and
  // deletes the old build's cache.
  await until(async () => {
    const keys = await stagefitCaches(page);
    return keys.length === 1 && keys[0] === `stagefit-${v2.version} ${server.url}`;
  }, 'the new release\'s cache replaces the old one');

  // Offline now, release 2 is the one that starts, with its own loader.
  await server.close();
  await page.reload();
  assert.equal(await release(), '2');
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('link[rel=modulepreload]')].map((l) => l.href.split('/').pop())), ['stagefit-2222222222222222.js']);
  await new App(page).start();
  assert.deepEqual(problems, []);
  await close();
  await fs.rm(v2.dir, { recursive: true, force: true });
});

test('the worker leaves files it does not know to the network', async () => {
  const server = await serve('/');
  const { page, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await controlled(page);
  assert.equal(await page.evaluate(() => fetch('./missing.txt').then((r) => r.status)), 404);
  assert.equal(await page.evaluate(() => fetch('./sw.js').then((r) => r.status)), 200);
  await close();
  await server.close();
});
