// Issue 30, point 11: a stored language of " fr" (spaces or capitals left by a hand edit or
// another tool) is French from the first paint; and a language that cannot be loaded (offline,
// never read before) puts the list back on the language the page is still in, and says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, appReady } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/stagefit/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('a stored language of " fr" shows French first, on the prerendered page and in the app', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  for (const stored of [' fr', 'FR', 'fr\n']) {
    await page.goto(server.url);
    await page.evaluate((l) => { localStorage.clear(); localStorage.setItem('stagefit.language', l); }, stored);
    // As the page is parsed, before the app starts: its own script put the French copy in place.
    await page.reload({ waitUntil: 'domcontentloaded' });
    const parsed = await page.evaluate(() => [document.documentElement.lang, document.getElementById('step-primary')?.textContent.trim()]);
    assert.deepEqual(parsed, ['fr', 'Suivant'], JSON.stringify(stored));
    // And the app starts in French.
    await appReady(page);
    assert.equal(await page.getByTestId('language').inputValue(), 'fr', JSON.stringify(stored));
    await page.getByRole('navigation').getByRole('link', { name: 'Historique' }).waitFor();
  }
  assert.deepEqual(problems, []);
  await close();
});

test('offline, a language that cannot be loaded puts the list back and says the page stays as it is', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  await page.context().setOffline(true);
  await page.getByTestId('language').selectOption('de');
  await page.getByRole('alert').getByText('Deutsch could not be loaded, so the page stays in English: check the connection and choose it again.').waitFor();
  assert.equal(await page.getByTestId('language').inputValue(), 'en', 'the list is back on English');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).waitFor();
  // Back online, choosing it again works.
  await page.context().setOffline(false);
  await page.getByTestId('language').selectOption('de');
  await page.getByRole('navigation').getByRole('link', { name: 'Verlauf' }).waitFor();
  assert.equal(await page.getByTestId('language').inputValue(), 'de');
  // What the browser logs for the requests that could not go out is the point of this test.
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/.test(p)), []);
  await close();
});
