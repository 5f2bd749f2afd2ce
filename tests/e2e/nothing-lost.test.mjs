// Issue 30: nothing a person did is ever silently lost. One test per case, named after it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openPage, appReady } from './support.mjs';
import { entry, stored, plant, fill, unfill } from './entries.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const draft = (step, id = 'draft-1') => JSON.stringify({ format: 'stagefit-draft', version: 1, step, snapshot: entry(id, 'unfinished') });

test('2. finishing a resumed draft with storage full keeps the draft, says the result was not saved and offers it for download', async () => {
  const { page, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await plant(page, appReady, { 'stagefit.draft': draft(9) });
  await page.getByRole('button', { name: 'Resume assessment' }).click();
  await page.locator('#step-primary').waitFor();
  const before = (await stored(page))['stagefit.draft'];
  await fill(page);
  await page.locator('#step-primary').click();
  await page.locator('[data-testid="alignment-score"]').waitFor();
  const notice = page.locator('.notice', { hasText: 'the browser refused to store it' });
  await notice.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download this result' }).click()]);
  const file = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
  assert.equal(file.id, 'draft-1');
  const after = await stored(page);
  assert.equal(after['stagefit.draft'], before, 'the draft is where it was');
  assert.ok(!Object.keys(after).some((k) => k.startsWith('stagefit.assessment.')), 'nothing claims to be saved');
  // With room again, a reload of the result's address saves it, and only then the draft ends.
  await unfill(page);
  await page.reload();
  await appReady(page);
  await page.locator('[data-testid="alignment-score"]').waitFor();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k === 'stagefit.assessment.draft-1'));
  assert.equal((await stored(page))['stagefit.draft'], undefined, 'the draft ends once the result is stored');
  await close();
});
