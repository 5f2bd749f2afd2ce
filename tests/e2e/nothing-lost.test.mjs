// Issue 30: nothing a person did is ever silently lost. One test per case, named after it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openPage, appReady, App, resultDrawn } from './support.mjs';
import { entry, historyV1, stored, plant, fill, unfill } from './entries.mjs';

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
  await resultDrawn(page);
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
  await resultDrawn(page);
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k === 'stagefit.assessment.draft-1'));
  assert.equal((await stored(page))['stagefit.draft'], undefined, 'the draft ends once the result is stored');
  await close();
});

test('7. importing two entries with one id while an unrelated entry holds the next id keeps all three', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await plant(page, appReady, {}, [entry('imp-2', 'Unrelated', 1760000000000)]);
  const unrelated = (await stored(page))['stagefit.assessment.imp-2'];
  const file = `/tmp/stagefit-collide-${process.pid}.json`;
  await fs.writeFile(file, historyV1([entry('imp', 'First', 1760000001000), entry('imp', 'Second', 1760000002000)]));
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { name: 'History' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.locator('.notice', { hasText: /Import:/ }).waitFor();
  assert.match(await page.locator('.notice', { hasText: /Import:/ }).textContent(), /2 added/);
  const after = await stored(page);
  assert.equal(after['stagefit.assessment.imp-2'], unrelated, 'the unrelated assessment is untouched');
  const labels = Object.entries(after).filter(([k]) => k.startsWith('stagefit.assessment.')).map(([, v]) => JSON.parse(v).label).sort();
  assert.deepEqual(labels, ['First', 'Second', 'Unrelated']);
  await fs.rm(file, { force: true });
  assert.deepEqual(problems, []);
  await close();
});

test('8. with storage full, pasting links and creating a workshop say nothing was saved, and keep what was typed', async () => {
  const { page, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  const app = new App(page);
  const { id } = await app.newWorkshop('Room with no room');
  const links = `${server.url}#r=ICjcjiuSSSSSSSSKAAAlWfA ${server.url}#r=ICSSSSvbb7bb7bbSAACyqEg`;
  await fill(page);
  const box = page.locator('[data-testid="workshop-input"]');
  await box.fill(links);
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByText('the browser refused to store them, so no one was added').waitFor();
  assert.equal(await box.inputValue(), links, 'the links stay in the box');
  assert.match(await page.locator('[data-testid="participant-count"]').textContent(), /\b0\b/);
  // Creating a workshop: not opened, the form kept, and said.
  await page.getByRole('navigation').getByRole('link', { name: 'Workshop' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Never stored');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByText('The workshop was not created').waitFor();
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Never stored');
  assert.equal(await page.getByText('Never stored', { exact: true }).count(), 0);
  await unfill(page);
  await page.reload();
  await appReady(page);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('stagefit.workshops')));
  const room = stored.workshops.find((w) => w.id === id);
  assert.deepEqual(room.payloads, []);
  assert.ok(!stored.workshops.some((w) => w.name === 'Never stored'));
  await close();
});
