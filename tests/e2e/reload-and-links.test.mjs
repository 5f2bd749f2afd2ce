// Issue 31: a reload keeps the scroll position, and the moves between views beyond the header are
// links too (History's Open, Compare's Back to history, a workshop's Open), with addresses that
// open the same view in a new page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, appReady } from './support.mjs';
import { entry, plant } from './entries.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('reloading the results keeps the scroll position', async () => {
  const { page, problems, close } = await openPage(browser, server.origin, { viewport: { width: 390, height: 844 } });
  await page.goto(server.url);
  await plant(page, appReady, {}, [entry('far', 'Scrolled far')]);
  await page.goto(`${server.url}#/results/far`);
  await page.locator('[data-testid="alignment-score"]').waitFor();
  await page.evaluate(() => window.scrollTo(0, 1200));
  await page.waitForFunction(() => Math.abs(window.scrollY - 1200) < 2);
  await page.reload();
  await page.locator('[data-testid="alignment-score"]').waitFor();
  await page.waitForFunction(() => Math.abs(window.scrollY - 1200) < 2, null, { timeout: 5000 });
  assert.deepEqual(problems, []);
  await close();
});

test('History\'s Open, Compare\'s Back to history and a workshop\'s Open are links to their views', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await plant(page, appReady, {}, [entry('one', 'First', 1760000000000), entry('two', 'Second', 1760000001000)]);
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  const open = page.locator('li[data-snapshot="one"]').getByRole('link', { name: 'Open' });
  assert.equal(await open.getAttribute('href'), '#/results/one');
  // The address opens the same view in a new page.
  const other = await page.context().newPage();
  await other.goto(`${server.url}#/results/one`);
  await other.locator('[data-testid="alignment-score"]').waitFor();
  await other.close();
  // A plain click is the app's own move, in this page.
  await open.click();
  await page.locator('[data-testid="alignment-score"]').waitFor();
  await page.goto(`${server.url}#/compare/one/two`);
  const back = page.getByRole('link', { name: 'Back to history' }).first();
  assert.equal(await back.getAttribute('href'), '#/history');
  await back.click();
  await page.getByRole('heading', { name: 'History' }).waitFor();
  assert.deepEqual(problems, []);
  await close();
});
