// Issue 30, point 10: saved data is reported as it is. A version of 99999999999 is told as that,
// not as "format 4294967295"; answer values that are no answer (1.5, -1, true) are damaged data,
// not "from an older version of the questionnaire".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, appReady } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function importInHistory(page, content) {
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.locator('input[type=file]').setInputFiles({ name: 'file.json', mimeType: 'application/json', buffer: Buffer.from(content) });
}

test('a file of format version 99999999999 is reported with that version, not 4294967295', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  await importInHistory(page, '{"format":"stagefit-history","version":99999999999,"assessments":[]}');
  await page.getByText('Nothing was imported: it was saved by a newer version of Stagefit (format 99999999999); reload the page to update.').waitFor();
  assert.equal(await page.getByText(/4294967295/).count(), 0);
  // A question bank that large is a newer bank, not the wrong kind of file.
  const entry = { format: 'stagefit-snapshot', version: 1, bank: 99999999999, id: 'big-bank', label: '', created: 1750000000000, updated: 1750000000000, stage: null, answers: {} };
  await importInHistory(page, JSON.stringify(entry));
  await page.getByText(/newer questions \(question bank 99999999999\)/).waitFor();
  assert.deepEqual(problems, []);
  await close();
});

test('answer values 1.5, -1 and true are reported as damaged, not as from an older version', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  const entry = {
    format: 'stagefit-snapshot', version: 1, bank: 2, id: 'damaged-values', label: 'Edited by hand', created: 1750000000000, updated: 1750000000000, stage: null,
    answers: { 'company.engineers': 1.5, 'company.product_fit': -1, 'company.growth': true, 'company.teams': 1 },
  };
  await importInHistory(page, JSON.stringify(entry));
  const message = page.getByText(/^Import: 1 added/);
  await message.waitFor();
  const text = await message.textContent();
  assert.match(text, /3 saved answers were not valid answers \(the data was damaged or edited by hand\), so they were left out\./);
  assert.doesNotMatch(text, /older version/);
  await page.getByTestId('history-entry').filter({ hasText: 'Edited by hand' }).waitFor();
  assert.deepEqual(problems, []);
  await close();
});
