// Each priority card opens to its advice and draft goal, with the mouse or the keyboard, and the
// advice is not repeated in the area cards below (issue 14).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('a priority card expands to its advice and draft goal; no advice appears twice', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerAll({ company: 'max', strategy: 'unknown', platform: 'min' });
  const cards = page.getByTestId('priority');
  const first = cards.first();
  const advice = first.locator('.advice');
  assert.equal(await advice.isVisible(), false, 'folded at first');
  await first.locator('summary').click();
  await advice.waitFor();
  assert.ok((await advice.textContent()).length > 40);
  assert.ok(await first.getByText(/^Draft goal/).isVisible());
  assert.ok((await first.getByText(/^Key result: /).count()) >= 2);
  // The keyboard opens the second card the same way.
  await cards.nth(1).locator('summary').focus();
  await page.keyboard.press('Enter');
  await cards.nth(1).locator('.advice').waitFor();
  // Every paragraph of advice on the page is there once.
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  const paragraphs = await page.$$eval('.advice', (ps) => ps.map((p) => p.textContent.replace(/^[A-Za-z ]+: /, '')));
  const long = paragraphs.filter((p) => p.length > 60);
  assert.ok(long.length >= 3);
  assert.equal(new Set(long).size, long.length, 'no advice twice');
  assert.ok(await page.getByText(/^Top priority 1: its advice and draft goal are in the card above\.$/).isVisible());
  assert.deepEqual(problems, []);
  await close();
});
