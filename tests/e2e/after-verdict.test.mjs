// After the verdict (issue 26): a changed answer makes a new version instead of overwriting the
// result, the change shows against the version before and can be undone; a returning visitor
// finds their latest result; Back from the results never offers a finished assessment as an
// unfinished one; the planner projects without touching the saved answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App, appReady } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const stored = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('stagefit.')).map((k) => [k, localStorage.getItem(k)])));

async function finished(page, how = { company: 'mid', strategy: 'unknown', platform: 'min' }) {
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerAll(how);
  return app;
}

const score = async (page) => Number((await page.locator('[data-testid="alignment-score"]').textContent()).match(/\d+/)[0]);

test('a platform answer changes from the results in three actions, makes a version, shows the signed change and undoes', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await finished(page);
  const before = await score(page);
  const id = decodeURIComponent((await page.evaluate(() => location.hash)).split('/').pop());
  // 1: the area's Change; 2: another option; 3: See results.
  const area = page.locator('[data-finding="under"], [data-finding="fit"], [data-finding="over"]').first();
  const dimension = await area.getAttribute('data-dimension');
  let actions = 0;
  const change = area.getByRole('button', { name: /^Change/ });
  if (!(await change.isVisible())) await area.locator('summary').click();
  await change.click(); actions++;
  await page.waitForFunction(() => document.activeElement?.closest('fieldset[data-question]'));
  const focused = await page.evaluate(() => document.activeElement?.closest('fieldset')?.getAttribute('data-question'));
  assert.ok(focused, 'focus is on the question to change');
  const options = page.locator(`fieldset[data-question="${focused}"] input[type=radio]:not([value="unknown"])`);
  await options.nth((await options.count()) - 1).click(); actions++;
  const see = page.getByRole('button', { name: 'See results' }).first();
  await see.click(); actions++;
  assert.ok(actions <= 3);
  const changed = page.locator('[data-testid="score-change"]');
  await changed.waitFor();
  const after = await score(page);
  assert.notEqual(after, before, `changing ${dimension} moves the score`);
  const sign = after > before ? '+' : '\u2212';
  assert.ok((await changed.textContent()).includes(`${sign}${Math.abs(after - before)}`), await changed.textContent());
  // Reload keeps the new version and its change.
  await page.reload();
  await appReady(page);
  await changed.waitFor();
  assert.equal(await score(page), after);
  // History: one entry, two versions.
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  const entry = page.locator(`[data-testid="history-entry"][data-snapshot="${id}"]`);
  await entry.waitFor();
  assert.equal(await page.locator('[data-testid="history-entry"]').count(), 1);
  assert.match(await entry.locator('[data-testid="version-count"]').textContent(), /2 versions/);
  await entry.locator('[data-testid="version-count"]').click();
  assert.equal(await entry.locator('.version-list li').count(), 2);
  // Compare works on versions: version 1 against the current one.
  await entry.getByRole('button', { name: 'Compare with the current version' }).click();
  await page.getByRole('heading', { name: 'Compare two assessments' }).waitFor();
  assert.match(await page.evaluate(() => location.hash), /^#\/compare\/[^/]+@1\/[^/@]+$/);
  const table = await page.locator('.compare-table').textContent();
  assert.ok(table.includes(String(before)) && table.includes(String(after)), table);
  await page.getByRole('link', { name: 'Back to history' }).click();
  await entry.waitFor();
  // Undo from the results: the earlier version is current again, and stays so after a reload.
  await entry.getByRole('link', { name: 'Open' }).click();
  await page.getByRole('button', { name: /Undo this change/ }).click();
  await page.locator('[data-testid="score-change"]').waitFor({ state: 'detached' });
  assert.equal(await score(page), before);
  await page.reload();
  await appReady(page);
  assert.equal(await score(page), before);
  assert.equal(await page.locator('[data-testid="score-change"]').count(), 0);
  assert.deepEqual(problems, []);
  await close();
});

test('a returning visitor sees the latest result first, and Back from the results never offers it as unfinished', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await finished(page);
  const result = await score(page);
  // Back from the results: the questionnaire, never "unfinished, 27 of 27".
  await page.goBack();
  await page.locator('fieldset[data-question]').first().waitFor();
  for (let i = 0; i < 10 && !(await page.evaluate(() => location.hash === '#/' || location.hash === '')); i++) {
    await page.goBack();
  }
  await page.locator('[data-testid="latest-result"]').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Pick up where you left off' }).count(), 0);
  assert.ok(!Object.keys(await stored(page)).some((k) => k.includes('draft')), 'no draft is stored for a finished assessment');
  // A new visit: the latest result card, with Open.
  await page.goto('about:blank');
  await page.goto(server.url);
  await appReady(page);
  const card = page.locator('[data-testid="latest-result"]');
  await card.waitFor();
  assert.match(await card.textContent(), new RegExp(`${result} out of 100`));
  await card.getByRole('button', { name: 'Open' }).click();
  await page.locator('[data-testid="alignment-score"]').waitFor();
  assert.equal(await score(page), result);
  assert.deepEqual(problems, []);
  await close();
});

test('on a phone, Next with unanswered questions shows the first one with its message beside it', async () => {
  const { page, problems, close } = await openPage(browser, server.origin, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  const fieldsets = page.locator('fieldset[data-question]');
  // Answer the first question only, then Next.
  await fieldsets.first().locator('input[type=radio]').first().click();
  await page.locator('#step-primary').click();
  const message = page.locator('fieldset[data-question] .field-error');
  await message.waitFor();
  assert.equal(await message.count(), 1);
  const inView = await message.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(inView, 'the message is on screen');
  const focusedIn = await page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('.field-error') !== null);
  assert.ok(focusedIn, 'focus is in the flagged question');
  assert.deepEqual(problems, []);
  await close();
});

test('choosing an option by tap moves on to the next question', async () => {
  const { page, problems, close } = await openPage(browser, server.origin, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  const fieldsets = page.locator('fieldset[data-question]');
  const second = await fieldsets.nth(1).getAttribute('data-question');
  await fieldsets.first().locator('label').first().tap();
  await page.waitForFunction((q) => document.activeElement?.closest('fieldset')?.getAttribute('data-question') === q, second);
  assert.ok(await fieldsets.first().locator('input[type=radio]').first().isChecked());
  assert.deepEqual(problems, []);
  await close();
});

test('the planner moves an area, the projected score follows and the stored answers stay byte-identical; a saved plan survives reload, export and import', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await finished(page);
  const now = await score(page);
  const answersOnly = (all) => Object.fromEntries(Object.entries(all)
    .filter(([k]) => k.includes('assessment')).map(([k, v]) => [k, JSON.stringify(JSON.parse(v).answers)]));
  const before = await stored(page);
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  const projected = page.locator('[data-testid="projected-score"]');
  await projected.waitFor();
  assert.equal(Number(await projected.textContent()), now);
  // Move the first area that is behind (or the first area) to a level that fits the stage.
  const select = page.locator('.plan-area select').first();
  const label = await page.locator('.plan-area label').first().textContent();
  const byLabel = page.getByLabel(label, { exact: true });
  assert.equal(await byLabel.count(), 1, 'each area has a control labelled with its name');
  const options = await select.locator('option').allTextContents();
  let moved = false;
  for (let i = options.length - 1; i >= 1 && !moved; i--) {
    await select.selectOption({ index: i });
    if (Number(await projected.textContent()) !== now) moved = true;
  }
  assert.ok(moved, 'some level of the first area changes the projected score');
  const after = await stored(page);
  assert.deepEqual(answersOnly(after), answersOnly(before), 'the stored answers are untouched');
  assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
  for (const k of Object.keys(before)) assert.equal(after[k], before[k], `${k} is byte-identical`);
  // Save it, named.
  await page.getByLabel('Plan name').fill('Next two quarters');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await page.getByText('Plan saved with this assessment.').waitFor();
  const planned = Number(await projected.textContent());
  // Reload: the plan is saved with the assessment.
  await page.reload();
  await appReady(page);
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await page.getByText(/Next two quarters · made on version 1/).waitFor();
  await page.getByRole('button', { name: 'Open in the planner' }).click();
  assert.equal(Number(await projected.textContent()), planned);
  // Export all, clear, import: the plan comes back.
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { name: 'History' }).waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all (JSON)' }).click();
  const file = await (await download).path();
  await page.getByRole('button', { name: 'Clear all data…' }).click();
  await page.getByRole('button', { name: 'Yes, clear all data' }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.locator('[data-testid="history-entry"]').waitFor();
  await page.locator('[data-testid="history-entry"]').getByRole('link', { name: 'Open' }).click();
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await page.getByText(/Next two quarters · made on version 1/).waitFor();
  // The Markdown summary carries the plan as an ordered list.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy summary' }).click();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /What-if plan: Next two quarters/);
  assert.match(md, /\n1\. .+stage fit after: /);
  assert.deepEqual(problems, []);
  await close();
});

test('one version can be deleted and the others stay; renaming acts on the whole assessment', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await finished(page);
  const change = async (pick) => {
    const area = page.locator('[data-finding]').first();
    if (!(await area.getByRole('button', { name: /^Change/ }).isVisible())) await area.locator('summary').click();
    await area.getByRole('button', { name: /^Change/ }).click();
    await page.waitForFunction(() => document.activeElement?.closest('fieldset[data-question]'));
    const q = await page.evaluate(() => document.activeElement?.closest('fieldset')?.getAttribute('data-question'));
    const options = page.locator(`fieldset[data-question="${q}"] input[type=radio]:not([value="unknown"])`);
    await options.nth(pick(await options.count())).click();
    await page.getByRole('button', { name: 'See results' }).first().click();
    await page.locator('[data-testid="score-change"]').waitFor();
  };
  await change((n) => n - 1);
  await change((n) => Math.floor(n / 2));
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  const entry = page.locator('[data-testid="history-entry"]');
  await entry.locator('[data-testid="version-count"]').click();
  assert.match(await entry.locator('[data-testid="version-count"]').textContent(), /3 versions/);
  await entry.locator('.version-list li[data-version="2"]').getByRole('button', { name: /Delete this version/ }).click();
  await page.waitForFunction(() => /2 versions/.test(document.querySelector('[data-testid="version-count"]')?.textContent ?? ''));
  await page.locator('[data-testid="version-count"]').click();
  assert.deepEqual(await page.locator('.version-list li').evaluateAll((els) => els.map((e) => e.dataset.version)), ['3', '1']);
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill('Whole assessment');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.reload();
  await appReady(page);
  await page.getByText('Whole assessment').first().waitFor();
  assert.match(await page.locator('[data-testid="version-count"]').textContent(), /2 versions/);
  assert.deepEqual(problems, []);
  await close();
});
