// Issue 27: the addresses that arrive from outside say what they are before the wasm has come.
// A shared result's address shows the page's own frame (a shared result, what Stagefit is, the
// verdict's shapes) and then the same verdict the app always drew; a join link shows the first
// step, usable, under a banner that names the workshop as text; a return visit shows the offer to
// resume an unfinished assessment, or the latest result's place. The test server holds the wasm
// back, as a slow phone network would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, appReady, axeFindings } from './support.mjs';
import { readFile } from 'node:fs/promises';
import { fixturePayloads, entry } from './entries.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// What the verdict shows: score, stage and the priorities' text, once the app has drawn it.
async function verdict(page) {
  await page.locator('[data-testid="alignment-score"]').waitFor();
  return {
    score: (await page.locator('[data-testid="alignment-score"]').innerText()).trim(),
    stage: (await page.locator('[data-testid="stage"]').innerText()).trim(),
    priorities: (await page.locator('[data-testid="priority"]').allInnerTexts()).map((t) => t.trim()),
  };
}

test('a shared link with the wasm held back says what it is, the viewer draws the verdict before the app, and the app shows the same', async () => {
  const payload = (await fixturePayloads())[0];
  const plain = await openPage(browser, server.origin);
  await plain.page.goto(`${server.url}#r=${payload}`);
  await appReady(plain.page);
  const expected = await verdict(plain.page);
  assert.equal(expected.priorities.length, 3);
  await plain.close();

  // The app's wasm and the viewer's, each held back until the test lets it through.
  const releaseApp = server.hold(/\/stagefit-[0-9a-f]+_bg\.wasm$/);
  const releaseViewer = server.hold(/\/viewer-[0-9a-f]+_bg\.wasm$/);
  const { page, problems, close } = await openPage(browser, server.origin, { viewport: { width: 390, height: 844 } });
  try {
    await page.goto(`${server.url}#r=${payload}`, { waitUntil: 'domcontentloaded' });
    const shell = page.locator('[data-testid="shared-shell"]');
    await shell.waitFor();
    assert.equal(await page.locator('h1').filter({ visible: true }).innerText(), 'Opening a shared result');
    assert.match(await shell.innerText(), /Stagefit is a questionnaire/);
    assert.match(await page.getByRole('status').filter({ visible: true }).innerText(), /score, stage and priorities appear here/);
    assert.equal(await page.locator('#loading').isVisible(), false, 'no bare "Loading" under the frame');
    assert.equal(await page.locator('[data-testid="alignment-score"]').count(), 0, 'no number before the link is read');
    assert.deepEqual(await axeFindings(page, 'the shared frame'), []);
    // The viewer comes first: the same verdict, drawn in the frame while the app is still held.
    releaseViewer();
    assert.deepEqual(await verdict(page), expected);
    assert.equal(await page.locator('h1').filter({ visible: true }).innerText(), 'Shared result');
    assert.equal(await shell.getAttribute('aria-busy'), 'false');
    assert.equal(await page.locator('#prerendered').count(), 1, 'the app has not run yet');
    assert.deepEqual(await axeFindings(page, 'the verdict drawn by the viewer'), []);
    // A priority opens to its advice before the app runs.
    await page.locator('[data-testid="priority"] summary').first().click();
    assert.equal(await page.locator('[data-testid="priority"] .advice').first().isVisible(), true);
    releaseApp();
    await appReady(page);
    assert.deepEqual(await verdict(page), expected);
    assert.equal(await shell.count(), 0, 'the frame is gone once the app draws the result');
    assert.deepEqual(problems, []);
  } finally {
    releaseApp();
    releaseViewer();
    await close();
  }
});

test('a press on the verdict the viewer drew, before the app runs, is pressed again once it has', async () => {
  const payload = (await fixturePayloads())[0];
  const releaseApp = server.hold(/\/stagefit-[0-9a-f]+_bg\.wasm$/);
  const { page, problems, close } = await openPage(browser, server.origin);
  try {
    await page.goto(`${server.url}#r=${payload}`, { waitUntil: 'domcontentloaded' });
    await page.locator('#prerendered [data-testid="alignment-score"]').waitFor();
    await page.getByRole('button', { name: 'The answers behind it' }).click();
    releaseApp();
    await appReady(page);
    await page.waitForFunction(() => document.activeElement?.id === 'company-answers-heading');
    assert.deepEqual(problems, []);
  } finally {
    releaseApp();
    await close();
  }
});

test('a shared link whose viewer cannot be had still opens with the app', async () => {
  const payload = (await fixturePayloads())[0];
  const mend = server.fail(/\/viewer-[0-9a-f]+_bg\.wasm$/, 404);
  const { page, close } = await openPage(browser, server.origin);
  try {
    await page.goto(`${server.url}#r=${payload}`);
    await appReady(page);
    assert.equal((await verdict(page)).priorities.length, 3);
    assert.equal(await page.locator('.failed, html.failed').count(), 0, 'the page does not say the app failed');
  } finally {
    mend();
    await close();
  }
});

test('a join link with the wasm held back names the workshop as text and its first step can be answered', async () => {
  const name = 'Offsite <b>Q3</b> \u202eevil';
  const release = server.hold(/\.wasm$/);
  const { page, problems, close } = await openPage(browser, server.origin, { viewport: { width: 390, height: 844 } });
  try {
    await page.goto(`${server.url}#join=room-27.${encodeURIComponent(name)}`, { waitUntil: 'domcontentloaded' });
    const heading = page.locator('.joining h2');
    await heading.waitFor();
    // As the app cleans a name: the direction override dropped, the markup kept as text.
    assert.equal(await heading.textContent(), 'You are joining \u201cOffsite <b>Q3</b> evil\u201d');
    assert.equal(await page.locator('.joining b').count(), 0, 'the name is never markup');
    const first = page.locator('#prerendered fieldset[data-question]').first();
    await first.locator('input').nth(1).check();
    assert.equal(await first.locator('input').nth(1).isChecked(), true);
    release();
    await page.locator('#prerendered').waitFor({ state: 'detached' });
    await appReady(page);
    assert.equal(await page.locator('.joining h2').textContent(), 'You are joining \u201cOffsite <b>Q3</b> evil\u201d');
    assert.equal(await page.locator('fieldset[data-question]').first().locator('input').nth(1).isChecked(), true,
      'the answer given before the app ran is kept');
    assert.equal(new URL(page.url()).hash, '#/', 'the invitation is read once');
    assert.deepEqual(problems, []);
  } finally {
    release();
    await close();
  }
});

test('a join link whose name cannot be read, or with an unfinished assessment saved, waits for the app as before', async () => {
  const release = server.hold(/\.wasm$/);
  const { page, problems, close } = await openPage(browser, server.origin);
  try {
    await page.goto(`${server.url}#join=room-27.%E0%A4`, { waitUntil: 'domcontentloaded' });
    await page.locator('#loading').waitFor();
    assert.equal(await page.locator('#prerendered').isVisible(), false);
    const draft = await readFile(new URL('../fixtures/draft-v1.json', import.meta.url), 'utf8');
    await page.evaluate((d) => localStorage.setItem('stagefit.draft', d), draft);
    await page.goto(`${server.url}#join=room-27.Offsite`, { waitUntil: 'domcontentloaded' });
    await page.locator('#loading').waitFor();
    assert.equal(await page.locator('.joining').count(), 0);
    release();
    await appReady(page);
    await page.locator('.resume h2').first().waitFor();
    assert.deepEqual(problems, []);
  } finally {
    release();
    await close();
  }
});

test('a German reader gets the shared frame and the joining banner in German', async () => {
  const payload = (await fixturePayloads())[0];
  const release = server.hold(/\.wasm$/);
  const { page, close } = await openPage(browser, server.origin, { locale: 'de-DE' });
  try {
    await page.goto(`${server.url}#r=${payload}`, { waitUntil: 'domcontentloaded' });
    await page.locator('[data-testid="shared-shell"]').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    assert.match(await page.locator('[data-testid="shared-shell"]').innerText(), /Stagefit ist ein Fragebogen/);
    await page.goto('about:blank');
    // The viewer draws the verdict in the page's language, the app's wasm still held back.
    const releaseViewer = server.hold(/\/stagefit-[0-9a-f]+_bg\.wasm$/);
    release();
    await page.goto(`${server.url}#r=${payload}`, { waitUntil: 'domcontentloaded' });
    await page.locator('[data-testid="alignment-score"]').waitFor();
    assert.match(await page.locator('[data-testid="alignment-score"]').innerText(), /von 100/);
    assert.equal(await page.locator('h1').filter({ visible: true }).innerText(), 'Geteiltes Ergebnis');
    assert.equal(await page.locator('#prerendered').count(), 1, 'the app has not run yet');
    releaseViewer();
    await page.goto('about:blank');
    await page.goto(`${server.url}#join=room-27.Werkstatt`, { waitUntil: 'domcontentloaded' });
    await page.locator('.joining h2').waitFor();
    assert.match(await page.locator('.joining h2').textContent(), /Werkstatt/);
    assert.doesNotMatch(await page.locator('.joining h2').textContent(), /You are joining/);
  } finally {
    release();
    await close();
  }
});

// Plants `values` in the origin's storage with the wasm held back, then loads the page again.
async function revisit(page, values) {
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  await page.evaluate((v) => { for (const [k, t] of Object.entries(v)) localStorage.setItem(k, t); }, values);
  await page.reload({ waitUntil: 'domcontentloaded' });
}

test('a return visit with an unfinished assessment offers to resume it before the app runs, in the app\'s words, and Resume pressed early resumes', async () => {
  const updated = Date.UTC(2026, 10, 20, 12);
  const draft = { format: 'stagefit-draft', version: 1, step: 2, snapshot: { format: 'stagefit-snapshot', version: 1, bank: 3,
    id: 'draft-27', label: '', created: updated, updated, stage: null,
    answers: { 'company.engineers': 1, 'company.product_fit': 'unknown', 'company.hiring': 2 } } };
  const release = server.hold(/\.wasm$/);
  const { page, problems, close } = await openPage(browser, server.origin, { viewport: { width: 390, height: 844 } });
  try {
    await revisit(page, { 'stagefit.draft': JSON.stringify(draft) });
    const card = page.locator('#prerendered .resume');
    await card.waitFor();
    assert.equal(await page.locator('#loading').isVisible(), false);
    assert.equal(await page.locator('#prerendered fieldset[data-question]').count(), 0, 'the offer replaces the first step');
    const early = await card.locator('p').first().innerText();
    assert.match(early, /3 of 27 questions answered, at step 3 of 10/);
    // When it was saved comes once the page is idle, in a line of its own whose height is held.
    const saved = card.locator('.saved');
    await page.waitForFunction(() => /Nov 20, 2026/.test(document.querySelector('#prerendered .resume .saved').textContent));
    assert.equal(await saved.innerText(), 'Last saved on Nov 20, 2026.');
    const [empty, filled] = await saved.evaluate((p) => {
      const text = p.textContent, card = p.closest('.resume');
      p.textContent = ' ';
      const before = [p.offsetHeight, card.offsetHeight];
      p.textContent = text;
      return [before, [p.offsetHeight, card.offsetHeight]];
    });
    assert.ok(empty[0] > 10, `the date's line holds its height while empty (${empty[0]}px)`);
    assert.deepEqual(empty, filled, 'filling the date moves nothing');
    await page.getByRole('button', { name: 'Resume assessment' }).click();
    release();
    await page.locator('#prerendered').waitFor({ state: 'detached' });
    // The button pressed before the app ran is pressed by the app: the third step opens.
    await page.waitForFunction(() => location.hash === '#/step/3');
    assert.deepEqual(problems, []);
  } finally {
    release();
    await close();
  }
  // Without pressing anything, the app's own card says the same.
  const again = server.hold(/\.wasm$/);
  const second = await openPage(browser, server.origin);
  try {
    await revisit(second.page, { 'stagefit.draft': JSON.stringify(draft) });
    await second.page.waitForFunction(() => document.querySelector('#prerendered .resume .saved')?.textContent.trim());
    const early = await second.page.locator('#prerendered .resume').innerText();
    again();
    await second.page.locator('#prerendered').waitFor({ state: 'detached' });
    assert.equal(await second.page.locator('.resume').first().innerText(), early);
  } finally {
    again();
    await second.close();
  }
});

test('a return visit with saved results holds the latest result\'s place under the heading until the app fills it', async () => {
  const saved = entry('saved-27', 'Platform team, Q4');
  const release = server.hold(/\.wasm$/);
  const { page, problems, close } = await openPage(browser, server.origin);
  try {
    await revisit(page, { 'stagefit.assessment.saved-27': JSON.stringify(saved) });
    await page.locator('[data-testid="latest-shell"]').waitFor();
    assert.equal(await page.locator('#prerendered fieldset[data-question]').first().isVisible(), true, 'the first step stays below');
    release();
    await page.locator('[data-testid="latest-result"]').waitFor();
    assert.equal(await page.locator('[data-testid="latest-shell"]').count(), 0);
    assert.match(await page.locator('[data-testid="latest-result"]').innerText(), /Platform team, Q4/);
    assert.deepEqual(problems, []);
  } finally {
    release();
    await close();
  }
});
