// Local persistence and history (issue 5): autosave and resume, history with rename, delete and
// undo, compare, export and import, clear all data; and every storage failure: unavailable,
// full, corrupt, newer, and two tabs at once. Nothing already saved is ever lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openPage, App, appReady } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const stored = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('stagefit.')).map((k) => [k, localStorage.getItem(k)])));

async function finish(page, how = { company: 'mid', strategy: 'unknown', platform: 'min' }, label = '') {
  const app = new App(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Assessment' }).click();
  await new App(page).start();
  await page.locator('fieldset[data-question]').first().waitFor();
  await app.answerAll(how);
  if (label) await page.getByLabel('Name this result (optional)').fill(label);
  return app;
}

test('answers are saved as they are given and an unfinished assessment can be resumed', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerStep({ company: 'max' });
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByText(/^Step 2 of \d+$/).waitFor();
  const first = page.locator('fieldset[data-question]').first();
  const id = await first.getAttribute('data-question');
  await first.locator('input[value="unknown"]').check();
  // Close the tab and come back.
  await page.goto('about:blank');
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Pick up where you left off' }).waitFor();
  assert.match(await page.locator('.resume').textContent(), /at step 2 of \d+/);
  await page.getByRole('button', { name: 'Resume assessment' }).click();
  await page.getByText(/^Step 2 of \d+$/).waitFor();
  assert.ok(await page.locator(`fieldset[data-question="${id}"] input[value="unknown"]`).isChecked());
  await page.getByRole('button', { name: 'Back' }).click();
  const checked = await page.locator('fieldset[data-question] input:checked').count();
  assert.equal(checked, await page.locator('fieldset[data-question]').count());
  assert.deepEqual(problems, []);
  await close();
});

test('history keeps finished assessments: open, rename, delete with undo, compare, export, import, clear', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await finish(page, { company: 'min', strategy: 'unknown', platform: 'max' }, 'Q2 review');
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { name: 'History' }).waitFor();
  await finish(page, { company: 'min', strategy: 'unknown', platform: 'min' }, 'Q3 review');
  await page.getByRole('link', { name: 'History' }).click();
  const items = page.locator('.history-item');
  assert.equal(await items.count(), 2);
  assert.match(await items.first().textContent(), /Q3 review.*Early stage.*stage fit \d+ out of 100/);

  // Rename.
  await items.first().getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill('Q3 <i>final</i>');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByText('Q3 <i>final</i>').waitFor();

  // Compare: asking too early says what is missing; with two ticked it shows what moved.
  await page.getByRole('button', { name: 'Compare selected' }).click();
  await page.getByRole('alert').getByText('Tick exactly two').waitFor();
  await page.getByLabel(/Select for comparison: Q2 review/).check();
  await page.getByLabel(/Select for comparison: Q3/).check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  await page.getByRole('heading', { name: 'Compare two assessments' }).waitFor();
  assert.ok(await page.locator('tr.moved').count() >= 5);
  assert.match(await page.locator('tr', { hasText: 'Stage fit' }).textContent(), /better|worse|unchanged/);
  await page.getByRole('link', { name: 'Back to history' }).click();

  // Delete, then undo.
  await items.first().getByRole('button', { name: 'Delete' }).click();
  assert.equal(await items.count(), 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.history-item').length === 2);

  // Open one: its results show.
  await items.last().getByRole('link', { name: 'Open' }).click();
  await page.locator('[data-testid="stage"]', { hasText: 'Early' }).waitFor();
  assert.equal(await page.getByLabel('Name this result (optional)').inputValue(), 'Q2 review');

  // Export all, import into an empty browser twice: added, then skipped as duplicates.
  await page.getByRole('link', { name: 'History' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (JSON)' }).click()]);
  const file = await download.path();
  const exported = JSON.parse(await fs.readFile(file, 'utf8'));
  assert.equal(exported.format, 'stagefit-history');
  assert.equal(exported.assessments.length, 2);
  assert.ok(!JSON.stringify(exported).includes('score'), 'ground state only');

  const other = await openPage(browser, server.origin);
  await other.page.goto(server.url);
  await other.page.getByRole('link', { name: 'History' }).click();
  const input = other.page.locator('input[type=file]');
  await input.setInputFiles(file);
  await other.page.getByText('Import: 2 added, 0 already there and skipped.').waitFor();
  await input.setInputFiles(file);
  await other.page.getByText('Import: 0 added, 2 already there and skipped.').waitFor();
  await input.setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"stagefit-history","version":7,"assessments":[]}') });
  await other.page.getByText(/Nothing was imported: it was saved by a newer version/).waitFor();
  assert.equal(await other.page.locator('.history-item').count(), 2);

  // Clear all data, confirmed.
  await other.page.getByRole('button', { name: 'Clear all data…' }).click();
  await other.page.getByRole('button', { name: 'Yes, clear all data' }).click();
  await other.page.getByText('No finished assessments yet.').waitFor();
  assert.deepEqual(await stored(other.page), {});
  assert.deepEqual(other.problems, []);
  await other.close();
  assert.deepEqual(problems, []);
  await close();
});

test('with storage blocked the app works in memory and says saving is off', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.getByText('Saving is off.').waitFor();
  await finish(page);
  assert.match(await page.locator('[data-testid="alignment-score"]').textContent(), /\d+/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('when storage is full the user is told and what was stored is unchanged', async () => {
  const { page, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await finish(page, undefined, 'kept');
  const before = await stored(page);
  const key = Object.keys(before).find((k) => k.startsWith('stagefit.assessment.'));
  assert.ok(key, JSON.stringify(Object.keys(before)));
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k.startsWith('stagefit.assessment.')) throw new DOMException('full', 'QuotaExceededError');
      return original.call(this, k, v);
    };
  });
  await page.getByLabel('Name this result (optional)').fill('changed');
  await page.getByText(/Storage is full\./).first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'Download a backup' }).count(), 1);
  assert.equal((await stored(page))[key], before[key]);
  await close();
});

for (const [name, value, reason] of [
  ['corrupt', '{"format":"stagefit-history","version":1,"assessments":[{"form', /not readable data/],
  ['newer', '{"format":"stagefit-history","version":9,"assessments":[]}', /newer version of Stagefit/],
  ['wrong shape', '[1,2,3]', /not a Stagefit file/],
]) {
  test(`a ${name} stored history is kept (aside, or in place when a newer build wrote it), offered for download and never overwritten silently`, async () => {
    const { page, problems, close } = await openPage(browser, server.origin);
    await page.goto(server.url);
    // Wait for the app to be running, so only the reload below reads the planted value.
    await appReady(page);
    await page.evaluate((v) => localStorage.setItem('stagefit.history', v), value);
    await page.reload();
    await page.getByText(/Your saved history could not be read/).waitFor();
    assert.match(await page.locator('.notice').first().textContent(), reason);
    if (name === 'newer') {
      // A newer build's history stays under its key untouched (issue 30), offered for download,
      // and this build saves its own assessments beside it.
      assert.match(await page.locator('.notice').first().textContent(), /stays where it is, untouched/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download it' }).click()]);
      assert.equal(await fs.readFile(await download.path(), 'utf8'), value);
      await finish(page);
      const after = await stored(page);
      assert.equal(after['stagefit.history'], value);
      assert.ok(!Object.keys(after).some((k) => k.startsWith('stagefit.unreadable.')));
      assert.ok(Object.keys(after).some((k) => k.startsWith('stagefit.assessment.')));
      assert.deepEqual(problems.filter((p) => !p.startsWith('console')), []);
      await close();
      return;
    }
    const aside = Object.entries(await stored(page)).filter(([k]) => k.startsWith('stagefit.unreadable.history.'));
    assert.equal(aside.length, 1, JSON.stringify(aside.map(([k]) => k)));
    assert.equal(aside[0][1], value);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the unreadable data' }).click()]);
    assert.equal(await fs.readFile(await download.path(), 'utf8'), value);
    // The app goes on working, and saving again keeps the copy aside intact.
    await finish(page);
    const after = await stored(page);
    assert.equal(after[aside[0][0]], value);
    // Moved aside: the next load does not meet it again; what is saved now has its own key.
    assert.equal(after['stagefit.history'], undefined);
    assert.ok(Object.keys(after).some((k) => k.startsWith('stagefit.assessment.')));
    assert.deepEqual(problems.filter((p) => !p.startsWith('console')), []);
    await close();
  });
}

test('two tabs: a change in one shows up in the other, and neither overwrites the other', async () => {
  const context = await browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(server.url);
  await b.goto(server.url);
  // A person acts in the tab they look at; hidden tabs get no animation frames.
  const use = async (p) => { await p.bringToFront(); return p; };
  await (await use(b)).getByRole('link', { name: 'History' }).click();
  await b.getByText('No finished assessments yet.').waitFor();
  await finish(await use(a), undefined, 'from tab A');
  await (await use(b)).getByText('from tab A').waitFor();
  await finish(b, undefined, 'from tab B');
  await (await use(a)).getByRole('link', { name: 'History' }).click();
  await a.getByText('from tab B').waitFor();
  assert.equal(await a.locator('.history-item').count(), 2);
  // A rename in A reaches B; B's list is never written back over A's change.
  await a.locator('.history-item', { hasText: 'from tab A' }).getByRole('button', { name: 'Rename' }).click();
  await a.getByLabel('New name').fill('renamed in A');
  await a.getByRole('button', { name: 'Save name' }).click();
  await (await use(b)).getByRole('link', { name: 'History' }).click();
  await b.getByText('renamed in A').waitFor();
  assert.equal(await b.locator('.history-item').count(), 2);
  await context.close();
});

test('an unfinished assessment is never dropped silently: starting anew asks, viewing history keeps it', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await finish(page, undefined, 'finished one');
  // Begin another and leave it unfinished.
  await page.getByRole('navigation').getByRole('link', { name: 'Assessment' }).click();
  await new App(page).start();
  await new App(page).answerStep({ company: 'max' });
  // Opening a finished assessment from the history leaves the draft alone.
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.getByRole('link', { name: 'Open' }).click();
  await page.locator('[data-testid="stage"]').waitFor();
  await page.getByRole('navigation').getByRole('link', { name: 'Assessment' }).click();
  await page.getByRole('heading', { name: 'Pick up where you left off' }).waitFor();
  // Starting anew asks first; keeping it keeps it.
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await page.getByRole('button', { name: 'Keep it' }).click();
  assert.ok(await page.evaluate(() => localStorage.getItem('stagefit.draft')));
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await page.getByRole('button', { name: 'Discard it and start a new assessment' }).click();
  await page.getByText(/^Step 1 of \d+$/).waitFor();
  assert.equal(await page.locator('fieldset[data-question] input:checked').count(), 0);
  assert.deepEqual(problems, []);
  await close();
});
