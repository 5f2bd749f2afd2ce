// Share, copy and print sit in one row; the share link and its QR code open in a modal dialog
// that takes focus, closes with Esc and gives focus back to the button (issue 14).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('the share dialog holds the link and QR code, closes with Esc and returns focus', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerAll({ company: 'mid', strategy: '1', platform: 'mid' });
  // One row of actions.
  const row = page.locator('.result-actions .actions');
  const names = await row.getByRole('button').allTextContents();
  assert.deepEqual(names, ['Share link', 'Copy summary', 'Print or save as PDF']);
  const tops = await row.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().top));
  assert.ok(tops.every((t) => t === tops[0]), 'side by side at 1280 px');

  const share = page.getByRole('button', { name: 'Share link' });
  const dialog = page.getByRole('dialog', { name: 'Share this result' });
  assert.equal(await dialog.count(), 0, 'closed at first');
  await share.focus();
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => d.open && d.matches(':modal')), true);
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus is in the dialog');
  const link = await dialog.getByTestId('share-link').inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#r=[A-Za-z0-9_-]+$/);
  assert.ok(await dialog.getByRole('img', { name: /QR code of the share link/ }).isVisible());
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'share-button');

  // The Close button does the same.
  await share.click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'share-button');
  assert.deepEqual(problems, []);
  await close();
});
