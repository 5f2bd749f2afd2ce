// Issue 18: nothing lost when storage is full, damaged, shared by two tabs or written by a
// newer build; a big history stays quick to use. One test per case, named after what it protects.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openPage, appReady, axeFindings } from './support.mjs';
import { entry, entries, historyV1, stored, plant, fill, unfill } from './entries.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// The keys holding an assessment: a delete leaves a tombstone under its key for a while (issue 30),
// which holds none.
const assessmentKeys = async (page) => Object.entries(await stored(page))
  .filter(([k, v]) => k.startsWith('stagefit.assessment.') && !JSON.parse(v).deleted).map(([k]) => k);
const notices = (page) => page.locator('.notice').allTextContents();
const toHistory = async (page) => {
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { name: 'History' }).waitFor();
};
const draft = (step, id = 'draft-1') => JSON.stringify({ format: 'stagefit-draft', version: 1, step, snapshot: entry(id, 'unfinished') });

test('storage full of other data is read and shown, says it is full and what to do, and keeps the draft until confirmed', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await plant(page, appReady, { 'stagefit.draft': draft(1) }, [entry('kept-1', 'Kept through a full storage')]);
  await fill(page);
  await page.reload();
  await page.getByText('Storage is full.').waitFor();
  const shown = await notices(page);
  assert.equal(shown.length, 1, JSON.stringify(shown));
  assert.match(shown[0], /Download a backup.*delete old assessments/s);
  assert.doesNotMatch(shown[0], /Saving is off/);
  // The backup is right there.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
  assert.match(await fs.readFile(await download.path(), 'utf8'), /Kept through a full storage/);
  // The draft is offered, and starting anew asks before it goes.
  await page.getByRole('heading', { name: 'Pick up where you left off' }).waitFor();
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await page.getByRole('button', { name: 'Keep it' }).waitFor();
  assert.ok((await stored(page))['stagefit.draft']);
  await toHistory(page);
  assert.equal(await page.locator('[data-testid="history-entry"]').count(), 1);
  await unfill(page);
  assert.deepEqual(problems, []);
  await close();
});

test('an unreadable stored value is kept aside once, however often the page loads', async () => {
  const { page, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await plant(page, appReady, { 'stagefit.draft': '{"format":"stagefit-draft", broken' });
  for (let i = 0; i < 3; i++) {
    await page.reload();
    await page.getByText(/Your unfinished assessment could not be read/).waitFor();
  }
  const aside = Object.keys(await stored(page)).filter((k) => k.startsWith('stagefit.unreadable.draft.'));
  assert.equal(aside.length, 1, JSON.stringify(aside));
  await close();
});

test('when not even a copy aside fits, the notice says so and offers Download it and Discard it right there', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const broken = '{"format":"stagefit-draft", broken';
  // Planted and storage filled before any load reads it, so no copy aside is made first.
  await appReady(page);
  await page.evaluate((v) => localStorage.setItem('stagefit.draft', v), broken);
  await fill(page);
  await page.reload();
  const notice = page.locator('.notice', { hasText: 'could not be read' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /no room to keep a copy aside/);
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download it' }).click()]);
  assert.equal(await fs.readFile(await download.path(), 'utf8'), broken);
  const all = (await notices(page)).join(' | ');
  assert.doesNotMatch(all, /Saving is off|notice above/, all);
  assert.ok((await notices(page)).length <= 2, all);
  await notice.getByRole('button', { name: 'Discard it' }).click();
  await notice.waitFor({ state: 'detached' });
  assert.equal((await stored(page))['stagefit.draft'], undefined);
  await unfill(page);
  assert.deepEqual(problems, []);
  await close();
});

test('two tabs renaming different assessments within milliseconds both keep their change', async () => {
  const context = await browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(server.url);
  await plant(a, appReady, {}, [entry('one', 'First', 1760000001000), entry('two', 'Second', 1760000002000)]);
  await b.goto(server.url);
  for (const p of [a, b]) await toHistory(p);
  for (let round = 0; round < 10; round++) {
    const rename = async (p, id, label) => {
      const row = p.locator(`[data-snapshot="${id}"]`);
      await row.getByRole('button', { name: 'Rename' }).click();
      await row.getByLabel('New name').fill(label);
      return row.getByLabel('New name');
    };
    const inA = await rename(a, 'one', `A ${round}`);
    const inB = await rename(b, 'two', `B ${round}`);
    await Promise.all([inA.press('Enter'), inB.press('Enter')]);
    // Another tab's write reaches this tab's view of storage a moment later: wait for both.
    await a.waitForFunction((r) => localStorage.getItem('stagefit.assessment.one').includes(`"A ${r}"`)
      && localStorage.getItem('stagefit.assessment.two').includes(`"B ${r}"`), round, { timeout: 5000 });
  }
  await context.close();
});

test('clear all data in one tab is not undone by another tab showing the same assessment', async () => {
  const context = await browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(server.url);
  await plant(a, appReady, {}, [entry('shown', 'Open in tab B')]);
  await b.goto(`${server.url}#/results/shown`);
  await b.locator('[data-testid="alignment-score"]').waitFor();
  await toHistory(a);
  await a.getByRole('button', { name: 'Clear all data…' }).click();
  await a.getByRole('button', { name: 'Yes, clear all data' }).click();
  await b.bringToFront();
  await b.getByLabel('Name this result (optional)').fill('Edited after the clear');
  await b.getByText(/deleted from the history/).waitFor();
  assert.deepEqual(await assessmentKeys(a), []);
  await context.close();
});

test('clear all data in one tab is not undone by another tab answering the same unfinished assessment', async () => {
  const context = await browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  await b.goto(server.url);
  await appReady(b);
  const first = b.locator('fieldset[data-question]').first();
  await first.locator('input[type=radio]').first().check();
  await b.waitForFunction(() => localStorage.getItem('stagefit.draft'));
  await a.goto(server.url);
  await toHistory(a);
  await a.getByRole('button', { name: 'Clear all data…' }).click();
  await a.getByRole('button', { name: 'Yes, clear all data' }).click();
  await b.bringToFront();
  await b.locator('fieldset[data-question]').nth(1).locator('input[type=radio]').first().check();
  await b.getByText(/removed in another tab/).waitFor();
  assert.deepEqual(Object.keys(await stored(a)), []);
  await context.close();
});

test('a deleted assessment does not come back when another tab edits its label', async () => {
  const context = await browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(server.url);
  await plant(a, appReady, {}, [entry('gone', 'Deleted in tab A'), entry('stays', 'Stays')]);
  await b.goto(`${server.url}#/results/gone`);
  await b.locator('[data-testid="alignment-score"]').waitFor();
  await toHistory(a);
  await a.locator('[data-snapshot="gone"]').getByRole('button', { name: 'Delete' }).click();
  await b.bringToFront();
  await b.getByLabel('Name this result (optional)').fill('Renamed in tab B');
  await b.getByText(/deleted from the history/).waitFor();
  assert.deepEqual(await assessmentKeys(a), ['stagefit.assessment.stays']);
  await context.close();
});

test('duplicate ids become separate rows: delete, undo and rename act on the row clicked', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const list = [entry('dup', 'One', 1760000003000), entry('dup', 'Two', 1760000002000), entry('dup', 'Three', 1760000001000)];
  await plant(page, appReady, { 'stagefit.history': historyV1(list) });
  await toHistory(page);
  const rows = page.locator('[data-testid="history-entry"]');
  const labels = async () => (await rows.locator('.history-select label').allTextContents()).map((t) => t.replace('Select for comparison: ', ''));
  assert.deepEqual(await labels(), ['One', 'Two', 'Three']);
  await rows.nth(1).getByRole('button', { name: 'Delete' }).click();
  assert.deepEqual(await labels(), ['One', 'Three']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await rows.nth(2).waitFor();
  assert.deepEqual(await labels(), ['One', 'Two', 'Three']);
  await rows.nth(2).getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill('Three, renamed');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByText('Three, renamed').waitFor();
  assert.deepEqual(await labels(), ['One', 'Two', 'Three, renamed']);
  await page.reload();
  await toHistory(page);
  assert.deepEqual(await labels(), ['One', 'Two', 'Three, renamed']);
  assert.equal((await assessmentKeys(page)).length, 3);
  assert.deepEqual(problems, []);
  await close();
});

test('a time JSON numbers cannot hold exactly is refused on reading, never written back as null', async () => {
  const { page, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const bad = JSON.stringify(entry('late', 'Beyond 2^53')).replace('"created":1760000000000', '"created":9007199254740993');
  assert.match(bad, /9007199254740993/);
  await plant(page, appReady, { 'stagefit.assessment.late': bad }, [entry('fine', 'Fine')]);
  await page.getByText(/1 saved assessment could not be read; it was kept aside/).waitFor();
  await toHistory(page);
  assert.equal(await page.locator('[data-testid="history-entry"]').count(), 1);
  const values = await stored(page);
  assert.deepEqual(Object.values(values).filter((v) => v === bad).length, 1, 'kept aside, unchanged');
  assert.ok(!Object.values(values).some((v) => /"created":null/.test(v)));
  await close();
});

test('an entry with an option and a field this build does not know keeps them when renamed', async () => {
  const { page, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const odd = entry('odd', 'Odd one', 1760000000000, { reviewed: { by: 'someone' } });
  odd.answers['company.engineers'] = 200;
  odd.answers['company.asked_later'] = 1;
  await plant(page, appReady, {}, [odd]);
  await toHistory(page);
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill('Renamed');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByText('Renamed').waitFor();
  const saved = JSON.parse((await stored(page))['stagefit.assessment.odd']);
  assert.equal(saved.label, 'Renamed');
  assert.equal(saved.answers['company.engineers'], 200);
  assert.equal(saved.answers['company.asked_later'], 1);
  assert.deepEqual(saved.reviewed, { by: 'someone' });
  await close();
});

test('a saved draft step far past the last resumes on the last step, whose Back button works', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await plant(page, appReady, { 'stagefit.draft': draft(4294967295) });
  await page.getByRole('button', { name: 'Resume assessment' }).click();
  const progress = page.getByText(/^Step \d+ of \d+$/);
  await progress.waitFor();
  const [, n, total] = (await progress.textContent()).match(/Step (\d+) of (\d+)/);
  assert.equal(n, total);
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByText(new RegExp(`^Step ${Number(total) - 1} of ${total}$`)).waitFor();
  assert.deepEqual(problems, []);
  await close();
});

test('history rows carry data-testid history-entry, a long history shows a page at a time', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await plant(page, appReady, {}, entries(120));
  await toHistory(page);
  const rows = page.locator('[data-testid="history-entry"]');
  assert.equal(await rows.count(), 50);
  assert.match(await page.locator('.history-more').textContent(), /Showing 50 of 120/);
  await page.getByRole('button', { name: 'Show 50 more' }).click();
  await rows.nth(99).waitFor();
  await page.getByRole('button', { name: 'Show 20 more' }).click();
  await rows.nth(119).waitFor();
  assert.equal(await page.locator('.history-more').count(), 0);
  assert.deepEqual(problems, []);
  await close();
});

test('a reload with a long history draws the first view before reading it; History and a result opened by its address wait for it correctly', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  // What the app's <main> said about the history when its first heading was drawn (the
  // prerendered page's own <main>, which the app replaces, says nothing about it).
  await page.addInitScript(() => {
    window.__atFirstView = null;
    new MutationObserver(() => {
      const main = document.querySelector('main[data-history]');
      if (window.__atFirstView === null && main?.querySelector('h1')) window.__atFirstView = main.dataset.history;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  const list = entries(1000);
  await plant(page, appReady, {}, list);
  // History opened by its address: its heading first, then its rows, with focus on its heading.
  await page.goto(`${server.url}#/history`);
  await page.reload();
  await page.getByRole('heading', { name: 'History' }).waitFor();
  assert.equal(await page.evaluate(() => window.__atFirstView), 'reading');
  await page.locator('[data-testid="history-entry"]').nth(49).waitFor();
  assert.match(await page.locator('.history-more').textContent(), /Showing 50 of 1000/);
  await page.waitForFunction(() => document.activeElement?.id === 'history-heading');
  // A result opened by its address is shown at once, and opening it changes nothing stored.
  await page.goto(`${server.url}#/results/a-500`);
  await page.reload();
  await page.locator('[data-testid="alignment-score"]').waitFor();
  assert.equal(await page.evaluate(() => window.__atFirstView), 'reading');
  await page.locator('main[data-history="ready"]').waitFor({ state: 'attached' });
  assert.equal((await stored(page))['stagefit.assessment.a-500'], JSON.stringify(list[500]));
  assert.equal((await assessmentKeys(page)).length, 1000);
  assert.deepEqual(problems, []);
  await close();
});

test('an import saves every assessment under its own key, and one too big for storage is refused with the limit as the reason', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await toHistory(page);
  const input = page.locator('input[type=file]');
  await input.setInputFiles({ name: 'some.json', mimeType: 'application/json', buffer: Buffer.from(historyV1(entries(2000, 'fits'))) });
  await page.getByText('Import: 2000 added, 0 already there and skipped.').waitFor({ timeout: 60000 });
  await page.reload();
  await toHistory(page);
  assert.match(await page.locator('.history-more').textContent(), /Showing 50 of 2000/);

  const big = historyV1(entries(20000, 'big'));
  await input.setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(big) });
  await page.locator('.import-progress', { hasText: /Reading the file|Saving/ }).waitFor();
  await page.getByText(/Nothing was imported: the browser's storage for this page is full/).waitFor({ timeout: 120000 });
  assert.equal(await page.locator('.import-progress').textContent(), '');
  await page.reload();
  await toHistory(page);
  assert.match(await page.locator('.history-more').textContent(), /Showing 50 of 2000/, 'nothing half-saved');
  assert.equal((await assessmentKeys(page)).length, 2000);
  assert.deepEqual(problems, []);
  await close();
});

test('a stored workshop that cannot be read is listed as unreadable, with a way forward', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const good = { id: 'w1', name: 'Platform day', note: '', created: 1760000000000, payloads: [] };
  const bad = { id: 'not a valid id!', name: 7 };
  await plant(page, appReady, { 'stagefit.workshops': JSON.stringify({ format: 'stagefit-workshops', version: 1, workshops: [good, bad] }) });
  await page.getByRole('navigation').getByRole('link', { name: 'Workshop' }).click();
  await page.getByText('Platform day').first().waitFor();
  const unreadable = page.locator('[data-testid="unreadable-workshop"]');
  assert.equal(await unreadable.count(), 1);
  const [download] = await Promise.all([page.waitForEvent('download'), unreadable.getByRole('button', { name: 'Download it' }).click()]);
  assert.deepEqual(JSON.parse(await fs.readFile(await download.path(), 'utf8')), bad);
  await unreadable.getByRole('button', { name: 'Remove it' }).click();
  await unreadable.waitFor({ state: 'detached' });
  const saved = JSON.parse((await stored(page))['stagefit.workshops']);
  assert.deepEqual(saved.workshops.map((w) => w.id), ['w1']);
  assert.deepEqual(problems, []);
  await close();
});

test('an import never writes over an assessment a newer Stagefit saved under the same id', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const newer = JSON.stringify({ ...entry('shared-id', 'From a newer build'), bank: 99 });
  await plant(page, appReady, { 'stagefit.assessment.shared-id': newer });
  await toHistory(page);
  await page.locator('input[type=file]').setInputFiles({ name: 'one.json', mimeType: 'application/json', buffer: Buffer.from(historyV1([entry('shared-id', 'Imported')])) });
  await page.getByText('Import: 0 added, 1 already there and skipped.').waitFor();
  assert.equal((await stored(page))['stagefit.assessment.shared-id'], newer);
  assert.deepEqual(problems, []);
  await close();
});

test('axe finds nothing on a long history with the storage-full and unreadable notices, nor on an unreadable workshop', async () => {
  const audit = async (page, where) => assert.deepEqual(await axeFindings(page, where), []);
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(server.url);
    await appReady(page);
    const workshops = { format: 'stagefit-workshops', version: 1, workshops: [{ id: 'w1', name: 'Platform day', note: '', created: 1760000000000, payloads: [] }, { id: 'bad!' }] };
    await page.evaluate(({ list, workshops }) => {
      for (const e of list) localStorage.setItem(`stagefit.assessment.${e.id}`, JSON.stringify(e));
      localStorage.setItem('stagefit.draft', '{"broken');
      localStorage.setItem('stagefit.workshops', JSON.stringify(workshops));
    }, { list: entries(60), workshops });
    await fill(page);
    await page.reload();
    await page.getByText('Storage is full.').waitFor();
    await toHistory(page);
    await page.locator('.history-more').waitFor();
    await audit(page, `history (${colorScheme})`);
    await page.getByRole('navigation').getByRole('link', { name: 'Workshop' }).click();
    await page.locator('[data-testid="unreadable-workshop"]').waitFor();
    await audit(page, `workshops (${colorScheme})`);
    await unfill(page);
    await context.close();
  }
});

test('a format-1 history that storage has no room to split is still read, shown and changed in place', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  const list = [entry('old-1', 'Old one', 1760000001000), entry('old-2', 'Old two', 1760000002000)];
  await page.evaluate((v) => localStorage.setItem('stagefit.history', v), historyV1(list));
  await fill(page);
  await page.reload();
  await page.getByText('Storage is full.').waitFor();
  await toHistory(page);
  assert.equal(await page.locator('[data-testid="history-entry"]').count(), 2);
  assert.deepEqual(await assessmentKeys(page), [], 'no half-split history');
  // Deleting frees room, in the one value it is stored in.
  await page.locator('[data-snapshot="old-1"]').getByRole('button', { name: 'Delete' }).click();
  await page.waitForFunction(() => !localStorage.getItem('stagefit.history').includes('old-1'));
  assert.match((await stored(page))['stagefit.history'], /old-2/);
  await unfill(page);
  assert.deepEqual(problems, []);
  await close();
});
