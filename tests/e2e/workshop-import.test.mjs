// Issue 30, point 9: a workshop's own JSON export imports back as that workshop, with its
// results and the fields a newer build added to it; History, given a workshop's file, says what
// it is and imports it where it belongs. Point 11: one result pasted in three spellings of its
// ignored last bits is one participant.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openPage, App, appReady } from './support.mjs';
import { fixturePayloads } from './entries.mjs';

let server;
let browser;
before(async () => { server = await serve('/stagefit/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function clearAll(page) {
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.getByRole('button', { name: 'Clear all data…' }).click();
  await page.getByRole('button', { name: 'Yes, clear all data' }).click();
}

const workshopsNav = (page) => page.getByRole('navigation').getByRole('link', { name: 'Workshop' }).click();

test("a workshop's export imports back as the workshop, with its results and what a newer build added", async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  const { id } = await app.newWorkshop('Platform day');
  const payloads = await fixturePayloads();
  await page.getByTestId('workshop-input').fill(payloads.slice(0, 3).map((p) => `${server.url}#r=${p}&w=${id}`).join('\n'));
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByTestId('participant-count').getByText('3 participants').waitFor();
  // A newer build added fields to this workshop: they are kept, exported and imported back.
  await page.evaluate((wid) => {
    const stored = JSON.parse(localStorage.getItem('stagefit.workshops'));
    const w = stored.workshops.find((x) => x.id === wid);
    w.agreed = { 'platform.ci': 2 };
    w.facilitator = 'Cy';
    localStorage.setItem('stagefit.workshops', JSON.stringify(stored));
  }, id);
  await page.reload();
  await page.getByTestId('participant-count').getByText('3 participants').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export workshop (JSON)' }).click(),
  ]);
  const exported = await fs.readFile(await download.path(), 'utf8');
  const exportedWorkshop = JSON.parse(exported).workshops[0];
  assert.deepEqual(exportedWorkshop.agreed, { 'platform.ci': 2 }, 'the export keeps what a newer build added');

  await clearAll(page);
  await workshopsNav(page);
  await page.getByText('None yet.').waitFor();
  const file = { name: 'stagefit-workshop.json', mimeType: 'application/json', buffer: Buffer.from(exported) };
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('workshop-import-status').getByText('Imported: 1 workshop added.').waitFor();
  await page.getByRole('link', { name: /^Open Platform day/ }).click();
  await page.getByTestId('participant-count').getByText('3 participants').waitFor();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('stagefit.workshops')).workshops);
  assert.deepEqual(stored, [exportedWorkshop], 'stored exactly as exported');

  // Imported again: already here. The same workshop, gone on elsewhere with one more result:
  // the result is added.
  await workshopsNav(page);
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('workshop-import-status').getByText('Imported: 1 already here with every result.').waitFor();
  const later = JSON.parse(exported);
  later.workshops[0].payloads.push(payloads[3]);
  await page.locator('input[type=file]').setInputFiles({ ...file, buffer: Buffer.from(JSON.stringify(later)) });
  await page.getByTestId('workshop-import-status').getByText('Imported: 1 new result added to a workshop already here.').waitFor();
  assert.deepEqual(problems, []);
  await close();
});

test("a workshop's file imported in History is said to be a workshop and added to the workshops", async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  const payloads = await fixturePayloads();
  const exported = JSON.stringify({
    format: 'stagefit-workshops', version: 1,
    workshops: [{ id: 'offsite-1', name: 'Offsite', note: '', created: 1750000000000, payloads: payloads.slice(0, 2) }],
  });
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.locator('input[type=file]').setInputFiles({ name: 'offsite.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.getByText('This file holds a workshop, not assessments, so it was added to your workshops (under Workshop). Imported: 1 workshop added.').waitFor();
  assert.equal(await page.getByTestId('history-entry').count(), 0, 'no assessment was made of it');
  await workshopsNav(page);
  await page.getByRole('link', { name: /^Open Offsite/ }).click();
  await page.getByTestId('participant-count').getByText('2 participants').waitFor();

  // A workshops file of a newer format: nothing imported, and said why.
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  const newer = JSON.stringify({ format: 'stagefit-workshops', version: 99999999999, workshops: [] });
  await page.locator('input[type=file]').setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
  await page.getByText(/This file holds a workshop, not assessments; it belongs under Workshop\. Nothing was imported: .*newer version of Stagefit \(format 99999999999\)/).waitFor();
  assert.deepEqual(problems, []);
  await close();
});

test('one result pasted in three spellings of its ignored last bits counts as one participant', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const { id } = await new App(page).newWorkshop('Spellings');
  // The fixture's last character carries leftover bits no reader looks at: spelled three ways.
  const payload = (await fixturePayloads())[1];
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const leftover = (payload.length * 6) % 8;
  assert.ok(leftover > 0, 'the fixture has leftover bits');
  const last = ALPHABET.indexOf(payload.at(-1));
  const spelled = [1, 2, 3].map((bits) => payload.slice(0, -1) + ALPHABET[last | (bits % (1 << leftover))]);
  assert.equal(new Set([payload, ...spelled]).size, 4, spelled.join(' '));
  await page.getByTestId('workshop-input').fill(spelled.map((p) => `#r=${p}&w=${id}`).join('\n'));
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByTestId('participant-count').getByText('1 participant', { exact: true }).waitFor();
  await page.getByText(/1 added, 2 duplicate skipped/).waitFor();
  assert.deepEqual(problems, []);
  await close();
});
