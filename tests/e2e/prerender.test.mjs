// The first step is in dist/index.html as HTML (issue 16): it can be answered before the wasm
// has arrived, and the app takes it over without losing anything. The test server holds the
// wasm back until the person has answered, moved focus and scrolled, then lets it through.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Notes, on every frame the browser draws, how many questions and checked options are shown:
// a flash (a frame without the step, or with answers missing) shows up here.
function frames() {
  window.__frames = [];
  const note = () => {
    const shown = [...document.querySelectorAll('fieldset[data-question]')].filter((f) => f.offsetParent !== null);
    window.__frames.push({
      questions: shown.length,
      checked: shown.flatMap((f) => [...f.querySelectorAll('input:checked')]).length,
      app: !document.getElementById('prerendered'),
    });
    requestAnimationFrame(note);
  };
  requestAnimationFrame(note);
}

test('three questions answered before the wasm arrives are kept: answers, focus, scroll, no flash', async () => {
  const release = server.hold(/\.wasm$/);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(frames);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    const questions = page.locator('#prerendered fieldset[data-question]');
    await questions.first().waitFor();
    assert.equal(await page.evaluate(() => !!document.getElementById('prerendered')), true, 'the app has not started');
    // A person answers three questions: by tapping, by tapping, and by keyboard (arrow keys
    // move within a question and choose, as in any page).
    await questions.nth(0).getByLabel('20 to 59').check();
    await questions.nth(1).locator('input[type=radio]').nth(2).check();
    await questions.nth(2).locator('input[type=radio]').first().focus();
    await page.keyboard.press('ArrowDown');
    const before = await page.evaluate(() => ({
      checked: [...document.querySelectorAll('input:checked')].map((i) => `${i.name}=${i.value}`),
      focus: document.activeElement.id,
      scroll: Math.round(scrollY),
      app: !document.getElementById('prerendered'),
    }));
    assert.equal(before.app, false, 'answered before the app started');
    assert.equal(before.checked.length, 3);
    assert.ok(before.scroll > 100, `the page was scrolled (${before.scroll})`);
    const framesBefore = await page.evaluate(() => window.__frames.length);

    release();
    await page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const afterwards = await page.evaluate(() => ({
      checked: [...document.querySelectorAll('input:checked')].map((i) => `${i.name}=${i.value}`),
      focus: document.activeElement.id,
      scroll: Math.round(scrollY),
      draft: JSON.parse(localStorage.getItem('stagefit.draft') ?? 'null'),
    }));
    assert.deepEqual(afterwards.checked, before.checked, 'the same options are chosen in the app');
    assert.equal(afterwards.focus, before.focus, 'focus is on the same control');
    assert.equal(afterwards.scroll, before.scroll, 'the scroll position holds');
    assert.ok(afterwards.draft, 'the answers are saved as the unfinished assessment');
    const saved = JSON.stringify(afterwards.draft);
    for (const pair of before.checked) assert.ok(saved.includes(pair.split('=')[0]), `the draft holds ${pair}`);

    // Every frame drawn while the app took over showed the three questions with three answers.
    const drawn = (await page.evaluate(() => window.__frames)).slice(framesBefore);
    assert.ok(drawn.some((f) => f.app), 'frames were drawn after the app took over');
    for (const f of drawn) assert.deepEqual([f.questions, f.checked], [3, 3], `no flash: ${JSON.stringify(f)}`);

    // The app has it now: a digit answers the focused question, Next moves on.
    await page.keyboard.press('2');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByText(/^Step 2 of \d+$/).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    release();
    await context.close();
  }
});

test('a German reader sees the prerendered step in German before the wasm arrives, a stored French choice in French, and the app takes over in the same words', async () => {
  for (const [locale, stored, lang] of [['de-DE', null, 'de'], ['en-US', 'fr', 'fr'], ['es-ES', null, 'en']]) {
    const release = server.hold(/\.wasm$/);
    const { page, problems, close } = await openPage(browser, server.origin, { locale });
    try {
      if (stored) await page.addInitScript((l) => localStorage.setItem('stagefit.language', l), stored);
      await page.goto(server.url, { waitUntil: 'domcontentloaded' });
      const questions = page.locator('#prerendered fieldset[data-question]');
      await questions.first().waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang, locale);
      assert.equal(await page.locator('template').count(), 0, 'the other languages\' copies are gone');
      const heading = (await page.locator('#prerendered h1').first().textContent()).trim();
      const primary = (await page.locator('#step-primary').textContent()).trim();
      assert.equal(primary === 'Next', lang === 'en', `${locale}: "${primary}"`);
      // The page's own notices (here, the Reload of "could not start") speak it too.
      const reload = { en: 'Reload', de: 'Neu laden', fr: 'Recharger' }[lang];
      assert.equal((await page.locator('#start-failed button').textContent()).trim(), reload);
      assert.equal(await page.locator('#loading').count(), 1, 'one loading notice');
      await questions.nth(0).locator('input[type=radio]').nth(1).check();
      release();
      await page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
      assert.equal((await page.locator('main h1').first().textContent()).trim(), heading, `${locale}: the app chose the same language`);
      assert.equal((await page.locator('#step-primary').textContent()).trim(), primary);
      assert.equal(await page.locator('fieldset[data-question]').first().locator('input:checked').count(), 1, 'the answer is kept');
      assert.deepEqual(problems, []);
    } finally {
      release();
      await close();
    }
  }
});

test('Next pressed before the app started is pressed once it has', async () => {
  const release = server.hold(/\.wasm$/);
  const { page, problems, close } = await openPage(browser, server.origin);
  try {
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    const questions = page.locator('#prerendered fieldset[data-question]');
    await questions.first().waitFor();
    for (const q of await questions.all()) await q.locator('input[type=radio]').first().check();
    await page.locator('#prerendered').getByRole('button', { name: 'Next', exact: true }).click();
    assert.equal(await page.evaluate(() => !!document.getElementById('prerendered')), true, 'pressed before the app started');
    release();
    await page.getByText(/^Step 2 of \d+$/).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    release();
    await close();
  }
});

// The header's items are links (issue 31): one followed before the app started changes the address,
// and the app opens that view once it has.
test('a header link followed before the app started opens its view once the app has', async () => {
  const release = server.hold(/\.wasm$/);
  const { page, problems, close } = await openPage(browser, server.origin);
  try {
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    await page.locator('#prerendered fieldset[data-question]').first().waitFor();
    await page.locator('#prerendered').getByRole('link', { name: 'History', exact: true }).click();
    release();
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    release();
    await close();
  }
});

test('number keys and Enter on the prerendered step work as in the app: digits choose and move on, Enter presses Next', async () => {
  const release = server.hold(/\.wasm$/);
  const { page, problems, close } = await openPage(browser, server.origin);
  try {
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    const questions = page.locator('#prerendered fieldset[data-question]');
    await questions.first().waitFor();
    const n = await questions.count();
    await questions.first().locator('input[type=radio]').first().focus();
    // Digits choose the nth option and move focus to the next question, as the app does.
    for (let i = 0; i < n - 1; i++) await page.keyboard.press('2');
    const state = () => page.evaluate(() => ({
      checked: [...document.querySelectorAll('#prerendered input:checked')].map((i) => i.value),
      focus: document.activeElement.closest('fieldset')?.dataset.question ?? document.activeElement.id,
    }));
    const last = await questions.nth(n - 1).getAttribute('data-question');
    assert.deepEqual(await state(), { checked: Array(n - 1).fill('1'), focus: last });
    // The last question's "Don't know" by its number, then focus is on Next.
    const options = await questions.nth(n - 1).locator('input').count();
    await page.keyboard.press(String(options));
    assert.deepEqual(await state(), { checked: [...Array(n - 1).fill('1'), 'unknown'], focus: 'step-primary' });
    // Back into the question, Enter presses Next; the app presses it when it takes over.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#prerendered [data-pending]').getAttribute('id'), 'step-primary');
    assert.equal(await page.evaluate(() => !!document.getElementById('prerendered')), true, 'all before the app started');
    release();
    await page.getByText(/^Step 2 of \d+$/).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    release();
    await close();
  }
});

test('another view\'s address or a saved unfinished assessment: the prerendered step is not shown', async () => {
  for (const [what, address, draft] of [['another view', '#/history', false], ['an unfinished assessment', '', true]]) {
    const release = server.hold(/\.wasm$/);
    const context = await browser.newContext();
    // The app offers to resume an unfinished assessment (or says why it cannot read it).
    if (draft) await context.addInitScript(() => localStorage.setItem('stagefit.draft', '{}'));
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}${address}`, { waitUntil: 'domcontentloaded' });
      await page.getByText('Loading Stagefit…').waitFor();
      assert.equal(await page.locator('fieldset[data-question]').first().isVisible(), false, what);
      release();
      await page.waitForFunction(() => !document.getElementById('prerendered'));
      await page.locator('main h1').first().waitFor();
    } finally {
      release();
      await context.close();
    }
  }
});

test('an unfinished assessment reopened at its step keeps its answers through the takeover', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const draft = () => page.evaluate(() => localStorage.getItem('stagefit.draft') ?? '');
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => !document.getElementById('prerendered'));
    const first = page.locator('fieldset[data-question]').first();
    const question = await first.getAttribute('data-question');
    await first.locator('input[type=radio]').first().check();
    await page.waitForFunction((q) => (localStorage.getItem('stagefit.draft') ?? '').includes(q), question);
    // Reopened at step 2 (a reload there): the app takes the draft up while it is drawn, and the
    // hidden prerendered page, where nothing was answered, must not replace its answers.
    await page.evaluate(() => { location.hash = '#/step/2'; });
    await page.reload();
    await page.waitForFunction(() => !document.getElementById('prerendered'));
    await page.getByText(/^Step 2 of \d+$/).waitFor();
    const second = page.locator('fieldset[data-question]').first();
    const next = await second.getAttribute('data-question');
    await second.locator('input[type=radio]').first().check();
    await page.waitForFunction((q) => (localStorage.getItem('stagefit.draft') ?? '').includes(q), next);
    assert.ok((await draft()).includes(question), "the first step's answer is still in the draft");
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByText(/^Step 1 of \d+$/).waitFor();
    assert.equal(await page.locator('fieldset[data-question]').first().locator('input[type=radio]').first().isChecked(), true);
  } finally {
    await context.close();
  }
});

test('without JavaScript, the page says what it needs and shows no controls that cannot work', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await page.getByText(/needs JavaScript and WebAssembly turned on/).waitFor();
    await page.getByRole('heading', { level: 1, name: /fit your company's stage/ }).waitFor();
    for (const control of ['fieldset[data-question]', 'nav', 'button']) {
      for (const el of await page.locator(control).all()) assert.equal(await el.isVisible(), false, `${control} is hidden`);
    }
  } finally {
    await context.close();
  }
});

test('without WebAssembly, the page says what it needs and shows no controls that cannot work', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => { delete window.WebAssembly; });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await page.getByText(/needs WebAssembly, which this browser does not offer/).waitFor();
    assert.equal(await page.getByText('Loading Stagefit…').isVisible(), false);
    for (const control of ['fieldset[data-question]', 'nav', 'button']) {
      for (const el of await page.locator(control).all()) assert.equal(await el.isVisible(), false, `${control} is hidden`);
    }
  } finally {
    await context.close();
  }
});
