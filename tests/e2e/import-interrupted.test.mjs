// Issue 30, point 11: a reload in the middle of an import kept the part written with no notice.
// The next load now says the last import was cut short and how many of its assessments were
// saved (they are in the history, and importing again adds the rest); a finished import leaves
// nothing to say.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, appReady } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// A history file of `n` assessments.
function historyFile(n) {
  const assessments = Array.from({ length: n }, (_, i) => ({
    format: 'stagefit-snapshot', version: 1, bank: 2, id: `imported-${i}`, label: `Imported ${i}`,
    created: 1750000000000 + i, updated: 1750000000000 + i, stage: null, answers: { 'company.engineers': i % 5 },
  }));
  return { name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'stagefit-history', version: 1, assessments })) };
}

const storedAssessments = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('stagefit.assessment.')).length);

test('a reload in the middle of an import is told on the next load, with how many were saved', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.locator('input[type=file]').setInputFiles(historyFile(8000));
  // The first part is saved: the page goes away while the rest is being written.
  await page.getByText(/^Saving: \d+ of 8000…$/).waitFor();
  await page.reload();
  await appReady(page);
  const notice = page.getByText(/^The last import was cut short: the page was closed or reloaded while it was saving\. (\d+) of its 8000 assessments were saved and are in your History\. Import the file again to add the rest; what is already here is skipped\.$/);
  await notice.waitFor();
  const saved = Number((await notice.textContent()).match(/saving\. (\d+) of/)[1]);
  assert.ok(saved >= 250 && saved < 8000, `${saved} saved`);
  assert.equal(await storedAssessments(page), saved, 'the notice says what is stored');
  assert.equal(await page.evaluate(() => localStorage.getItem('stagefit.import')), null, 'told once');
  // Told once: the next load says nothing more.
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByText(/The last import was cut short/).count(), 0);
  assert.deepEqual(problems, []);
  await close();
});

test('an import that finishes leaves nothing to tell on the next load', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.locator('input[type=file]').setInputFiles(historyFile(600));
  await page.getByText(/^Import: 600 added/).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('stagefit.import')), null);
  await page.reload();
  await appReady(page);
  assert.equal(await storedAssessments(page), 600);
  assert.equal(await page.getByText(/The last import was cut short/).count(), 0);
  assert.deepEqual(problems, []);
  await close();
});
