// Saved data from another version of Stagefit (issue 12): what a newer build saved is never lost
// when this one saves, and answers an older questionnaire had are counted and told, not dropped
// in silence.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openPage, App } from './support.mjs';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// An entry saved by a Stagefit whose question bank is newer than any this build knows.
const NEWER = {
  format: 'stagefit-snapshot', version: 1, bank: 250, id: 'from-the-future', label: 'Saved by a newer build',
  created: 1790000000000, updated: 1790000000000, stage: null,
  answers: { 'company.engineers': 3, 'platform.something_new': 2 }, confidence_note: 'a field this build does not know',
};

async function withStored(entries) {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await page.evaluate((values) => {
    for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v);
  }, entries);
  await page.reload();
  return { page, problems, close };
}

// History format 2 (issue 18): each assessment under its own key.
const storedEntries = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((k) => k.startsWith('stagefit.assessment.')).map((k) => JSON.parse(localStorage.getItem(k))));

test('an assessment saved with a newer question bank survives this build saving a new one, whole', async () => {
  const text = await fs.readFile(path.join(fixtures, 'history-v1-extra-fields.json'), 'utf8');
  const extra = JSON.parse(text);
  extra.assessments.push(NEWER);
  const { page, problems, close } = await withStored({ 'stagefit.history': JSON.stringify(extra) });
  await page.getByText(/1 assessment in your history was saved by a newer version of Stagefit/).waitFor();

  const app = new App(page);
  await page.getByRole('link', { name: 'History' }).click();
  assert.equal(await page.locator('.history-item').count(), 2, 'the two this build can read are listed');
  await page.getByRole('navigation').getByRole('link', { name: 'Assessment' }).click();
  await new App(page).start();
  await page.locator('fieldset[data-question]').first().waitFor();
  await app.answerAll({ company: 'min', strategy: 'unknown', platform: 'max' });
  await page.getByLabel('Name this result (optional)').fill('Saved by this build');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('stagefit.assessment.')
    && localStorage.getItem(k).includes('Saved by this build')));

  const entries = await storedEntries(page);
  assert.equal(entries.length, 4);
  assert.deepEqual(entries.find((a) => a.id === NEWER.id), NEWER, 'the newer entry is unchanged');
  const known = entries.find((a) => a.id === '18f3a2b4c00-7a1e');
  assert.deepEqual(known.reviewed, extra.assessments[0].reviewed, 'fields this build does not know are kept');
  // The history's own fields have no place in format 2: the whole format-1 value is kept aside.
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('stagefit.unreadable.history.'))
    .map((k) => JSON.parse(localStorage.getItem(k))));
  assert.equal(aside.length, 1);
  assert.deepEqual(aside[0].sync, extra.sync);
  assert.equal(await page.evaluate(() => localStorage.getItem('stagefit.history')), null);

  // A backup made here keeps it too.
  await page.getByRole('link', { name: 'History' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (JSON)' }).click()]);
  const exported = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
  assert.deepEqual(exported.assessments.find((a) => a.id === NEWER.id), NEWER);
  assert.deepEqual(problems, []);
  await close();
});

test('answers to questions the bank no longer has are counted and told when a draft is resumed', async () => {
  const draft = {
    format: 'stagefit-draft', version: 1, step: 0,
    snapshot: {
      format: 'stagefit-snapshot', version: 1, bank: 1, id: 'old-draft', label: '', created: 1760000000000, updated: 1760000000000,
      answers: { 'company.engineers': 1, 'platform.retired_question': 2, 'company.also_retired': 0 },
    },
  };
  const { page, problems, close } = await withStored({ 'stagefit.draft': JSON.stringify(draft) });
  await page.getByText(/2 answers from an older version of the questionnaire were left out/).waitFor();
  await page.getByRole('button', { name: 'Resume assessment' }).click();
  assert.ok(await page.locator('fieldset[data-question="company.engineers"] input:checked').count() === 1);
  assert.deepEqual(problems, []);
  await close();
});

test('an imported file says how many answers it left out and how many entries are from a newer build', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await page.getByRole('link', { name: 'History' }).click();
  const file = {
    format: 'stagefit-history', version: 1,
    assessments: [
      { format: 'stagefit-snapshot', version: 1, bank: 1, id: 'imported', label: 'Old', created: 1750000000000, updated: 1750000000000,
        answers: { 'company.engineers': 2, 'platform.retired_question': 1 } },
      NEWER,
    ],
  };
  await page.locator('input[type=file]').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  // The newer build's entry is stored as it is (issue 30: a backup restores exactly), not shown.
  const message = page.getByText(/^Import: 2 added/);
  await message.waitFor();
  const text = await message.textContent();
  assert.match(text, /1 answer from an older version of the questionnaire was left out/);
  assert.match(text, /1 saved by a newer version of Stagefit, stored as they are/);
  const kept = await page.evaluate(() => localStorage.getItem('stagefit.assessment.from-the-future'));
  assert.equal(kept, JSON.stringify(NEWER), 'stored byte for byte');
  assert.deepEqual(problems, []);
  await close();
});
