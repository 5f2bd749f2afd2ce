// Hostile labels and links are rendered as text, end to end (issue "Small, fast, audited, locked
// down and offline"). Every way text from someone else reaches the page is tried: a result's
// label (own, shared by link, in the Markdown summary), a workshop participant's name, a
// workshop's name (typed, and in a join link), and labels in an imported history file. Each
// payload must show as the text the app's label rule makes of it (whitespace and control
// characters folded to single spaces, bidirectional overrides dropped, cut at 80 characters),
// create no element, run nothing
// (payloads set window.__pwned or open a dialog), and never crash the app. Hostile and truncated
// #r= and #join= links must end in the app's clear message, with a way to start one's own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App, appReady, resultDrawn, sharedResultOpened } from './support.mjs';

let server;
let browser;
let scripts;
before(async () => {
  server = await serve('/stagefit/');
  browser = await launch();
  // The page's own scripts (Trunk's loader and the service worker's registration): no more may appear.
  const { page, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  scripts = await page.evaluate(() => document.scripts.length);
  await close();
});
after(async () => { await browser?.close(); await server?.close(); });

const HOSTILE = [
  ['an img with onerror', '<img src=x onerror="window.__pwned=1">'],
  ['a script element', '<script>window.__pwned=2</script><script>alert(2)</script>'],
  ['a broken-out svg with onload', '"><svg onload="window.__pwned=3"><iframe src="javascript:alert(3)">'],
  ['Markdown and link injection', '[click me](javascript:window.__pwned=4) **bold** ![x](https://example.com/x.png) <a href="javascript:alert(4)">a</a> | # h'],
  ['bidirectional overrides', 'Ana \u202Egnp.exe\u202C and \u2067isolated\u2069 \u200Fmarks\u200E'],
  ['control characters and newlines', 'line one\nline two\r\n\t\u0000\u001b[31m red\u0085next'],
  ['very long text', `${'W'.repeat(120)} ${'long '.repeat(600)}<img src=x onerror="window.__pwned=6">`],
  ['an attribute breakout with quotes', `' onmouseover='window.__pwned=7' x="" onfocus="window.__pwned=8" autofocus="`],
];

// The app's label rule (report::clean_label): bidirectional embeddings, overrides and isolates
// are dropped, runs of whitespace and control characters become one space, the ends are
// trimmed, and at most 80 characters are kept.
const clean = (raw) => [...raw.replace(/[\u202A-\u202E\u2066-\u2069]/g, '').split(/[\s\p{Cc}]+/u).filter(Boolean).join(' ')]
  .slice(0, 80).join('').trimEnd();
// What report::escape_markdown makes of text in a Markdown summary.
const escapeMarkdown = (text) => text.replace(/[\\`*_[\]#|<>!~]/g, '\\$&');

// Nothing any payload asks for happened in this page.
async function assertInert(page, where) {
  const found = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    img: document.querySelectorAll('img, iframe, object, embed').length,
    scripts: document.scripts.length,
    handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes]
      .filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName.toLowerCase()}[${a.name}]`)),
    jsUrls: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes]
      .filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => `${e.tagName.toLowerCase()}[${a.name}]`)),
  }));
  assert.deepEqual(found, { pwned: null, img: 0, scripts, handlers: [], jsUrls: [] }, where);
}

async function hostilePage(options) {
  const opened = await openPage(browser, server.origin);
  opened.page.on('dialog', (d) => { opened.problems.push(`dialog ${d.message()}`); d.dismiss(); });
  if (options?.clipboard) await opened.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  return opened;
}

const fixtureLink = async () => {
  const fs = await import('node:fs/promises');
  const line = (await fs.readFile(new URL('../fixtures/links-v1.txt', import.meta.url), 'utf8')).split('\n').find((l) => l.startsWith('27:'));
  return line.slice(line.lastIndexOf(' ') + 1);
};

test('a hostile result label stays text: results, share link, history and Markdown summary', async () => {
  const { page, problems, close } = await hostilePage({ clipboard: true });
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerAll({ company: 'mid', strategy: '2', platform: 'max' });
  const input = page.getByLabel('Name this result (optional)');
  for (const [name, raw] of HOSTILE) {
    await input.fill(raw);
    const typed = await input.inputValue();
    const expected = clean(typed);
    assert.ok(expected.length > 0 && expected.length <= 80, name);
    // Within the session the history keeps the label as typed (control characters and all) and
    // cleans it when read back from storage; either way it must be that text and nothing else.
    const asStored = [typed, expected];

    // The share link, opened cold: the heading shows the label as text.
    const link = await page.getByTestId('share-link').inputValue();
    assert.match(new URL(link).hash, /^#r=[A-Za-z0-9_-]+$/, `${name}: the link is plain base64url`);
    const cold = await hostilePage();
    await cold.page.goto(link);
    await sharedResultOpened(cold.page);
    assert.equal(await cold.page.locator('#results-heading').textContent(),
      `Shared result: \u201c${expected}\u201d`, name);
    await assertInert(cold.page, `${name}: shared result`);
    assert.deepEqual(cold.problems, []);
    await cold.close();

    // The Markdown summary escapes everything Markdown or a chat would read as formatting.
    await page.getByRole('button', { name: 'Copy summary' }).click();
    await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.startsWith('# Stagefit')));
    const summary = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(summary.split('\n')[0], `# Stagefit: ${escapeMarkdown(expected)}`, name);

    // The history lists it as text.
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    const listed = await page.locator('.history-item').first().textContent();
    assert.ok(asStored.some((l) => listed.includes(`Select for comparison: ${l}`)), `${name}: history shows ${JSON.stringify(listed)}`);
    await assertInert(page, `${name}: history`);
    await page.locator('.history-item').first().getByRole('link', { name: 'Open' }).click();
    await resultDrawn(page);
    assert.ok(asStored.includes(await input.inputValue()), `${name}: reopened`);
    await assertInert(page, `${name}: results`);
  }
  assert.deepEqual(problems, []);
  await close();
});

test('a hostile participant name reaches the facilitator as text', async () => {
  const facilitator = await hostilePage();
  const { page } = facilitator;
  await page.goto(server.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Workshop' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Platform day');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  const join = await page.getByRole('textbox', { name: 'Join link' }).inputValue();

  // One participant on a phone sends a result under each hostile name.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await context.newPage();
  const phoneProblems = [];
  phone.on('pageerror', (e) => phoneProblems.push(e.message));
  phone.on('dialog', (d) => { phoneProblems.push('dialog'); d.dismiss(); });
  await phone.goto(join);
  const app = new App(phone);
  await app.start();
  await app.answerAll({ company: 'max', strategy: '0', platform: 'min' });
  const nameInput = phone.getByLabel(/Your name or role/);
  const sent = [];
  for (const [name, raw] of HOSTILE) {
    await nameInput.fill(raw);
    sent.push({ name, expected: clean(await nameInput.inputValue()), link: await phone.getByLabel('Your result link').inputValue() });
    await assertInert(phone, `${name}: participant`);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `${name}: the phone page is ${width}px wide`);
  }
  assert.deepEqual(phoneProblems, []);
  await context.close();

  await page.getByTestId('workshop-input').fill(sent.map((s, i) => `[10:0${i}] someone: ${s.link}`).join('\n'));
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByText(`${HOSTILE.length} added.`).waitFor();
  await page.getByRole('button', { name: /^Show participants/ }).click();
  const items = await page.locator('.participants li').allTextContents();
  for (const { name, expected } of sent) {
    assert.ok(items.some((t) => t.startsWith(`${expected}: `)), `${name}: ${JSON.stringify(expected)} in ${JSON.stringify(items)}`);
  }
  await assertInert(page, 'facilitator');
  assert.deepEqual(facilitator.problems, []);
  await facilitator.close();
});

test('a hostile workshop name is text: typed by the facilitator, in the join link, in the exports', async () => {
  const { page, problems, close } = await hostilePage();
  await page.goto(server.url);
  for (const [name, raw] of HOSTILE) {
    await page.getByRole('navigation').getByRole('link', { name: 'Workshop' }).click();
    await page.getByRole('heading', { name: 'Workshop', level: 1 }).waitFor();
    const field = page.getByLabel('Name', { exact: true });
    await field.fill(raw);
    const expected = clean(await field.inputValue());
    await page.getByLabel('Scope (optional)').fill(raw);
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.locator('#workshop-heading').waitFor();
    assert.equal(await page.locator('#workshop-heading').textContent(), expected, name);
    await assertInert(page, `${name}: workshop`);

    // The Markdown export escapes it.
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export summary (Markdown)' }).click()]);
    const summary = await (await import('node:fs/promises')).readFile(await md.path(), 'utf8');
    assert.equal(summary.split('\n')[0], `# Stagefit workshop: ${escapeMarkdown(expected)}`, name);

    // The room view.
    await page.getByRole('button', { name: 'Show for the room' }).click();
    assert.equal(await page.locator('.presenter-name').textContent(), `Join \u201c${expected}\u201d`, name);
    await assertInert(page, `${name}: room view`);
    await page.getByRole('button', { name: 'Close the room view' }).click();

    // The join link carries it percent-encoded; a participant sees it as text.
    const join = await page.getByRole('textbox', { name: 'Join link' }).inputValue();
    assert.match(new URL(join).hash, /^#join=[A-Za-z0-9_-]+\.[A-Za-z0-9%._~-]*$/, `${name}: join link`);
    const guest = await hostilePage();
    await guest.page.goto(join);
    await guest.page.getByRole('heading', { name: /You are joining/ }).waitFor();
    assert.equal(await guest.page.locator('.joining h2').textContent(), `You are joining \u201c${expected}\u201d`, name);
    await assertInert(guest.page, `${name}: joining`);
    assert.deepEqual(guest.problems, []);
    await guest.close();
  }
  assert.deepEqual(problems, []);
  await close();
});

test('labels in an imported history file stay text in the history, compare, results and a workshop', async () => {
  const assessments = HOSTILE.map(([, raw], i) => ({
    format: 'stagefit-snapshot', version: 1, bank: 1, id: `hostile-${i}`, label: raw, created: 1764150000000 + i, updated: 1764150000000 + i,
    answers: { 'company.engineers': i % 5, 'platform.delivery': (i + 2) % 5 },
  }));
  const file = { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'stagefit-history', version: 1, assessments })) };
  const expected = HOSTILE.map(([, raw]) => clean(raw));
  const { page, problems, close } = await hostilePage();
  await page.goto(server.url);
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByText(`Import: ${HOSTILE.length} added, 0 already there and skipped.`).waitFor();
  const items = await page.locator('.history-item').allTextContents();
  for (const e of expected) assert.ok(items.some((t) => t.includes(e)), `${JSON.stringify(e)} in the history`);
  await assertInert(page, 'history');

  // Compare the first two: both labels head the table as text.
  const boxes = page.locator('.history-item input[type=checkbox]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  await page.getByRole('heading', { name: 'Compare two assessments' }).waitFor();
  const heads = (await page.locator('thead th').allTextContents()).join(' | ');
  assert.ok(expected.filter((e) => heads.includes(e)).length >= 2, heads);
  await assertInert(page, 'compare');
  await page.getByRole('link', { name: 'Back to history' }).click();

  // Each one opens with its label in the name field, as the value, never as markup.
  for (let i = 0; i < HOSTILE.length; i++) {
    const item = page.locator('.history-item').filter({ hasText: expected[i] }).first();
    await item.getByRole('link', { name: 'Open' }).click();
    await resultDrawn(page);
    assert.equal(await page.getByLabel('Name this result (optional)').inputValue(), expected[i]);
    await assertInert(page, `results of ${HOSTILE[i][0]}`);
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  }

  // The same file imported into a workshop adds its people under those names.
  await page.getByRole('navigation').getByRole('link', { name: 'Workshop' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Imported room');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByText(`${HOSTILE.length} added.`).waitFor();
  await page.getByRole('button', { name: /^Show participants/ }).click();
  const people = await page.locator('.participants li').allTextContents();
  for (const e of expected) assert.ok(people.some((t) => t.startsWith(`${e}: `)), `${JSON.stringify(e)} among the participants`);
  await assertInert(page, 'workshop import');
  assert.deepEqual(problems, []);
  await close();
});

const BAD_RESULT_LINKS = [
  ['markup', '<img src=x onerror=window.__pwned=1>'],
  ['markup, percent-encoded', '%3Csvg%20onload%3Dalert(1)%3E'],
  ['a javascript: URL', 'javascript:alert(1)'],
  ['a quote breakout', '"><script>window.__pwned=1</script>'],
  ['a truncated real link', (good) => good.slice(0, 7)],
  ['a real link with its last character cut', (good) => good.slice(0, -1)],
  ['a real link with markup appended', (good) => `${good}<img src=x onerror=alert(1)>`],
  ['right-to-left override', '%E2%80%AEEBTlLkIp'],
];

for (const [name, make] of BAD_RESULT_LINKS) {
  test(`a #r= link with ${name} says it could not be opened, and runs nothing`, async () => {
    const good = await fixtureLink();
    const { page, problems, close } = await hostilePage();
    await page.goto(`${server.url}#r=${typeof make === 'function' ? make(good) : make}`);
    await page.getByRole('heading', { name: 'This link could not be opened' }).waitFor();
    assert.ok((await page.locator('.bad-link').textContent()).length > 40, 'a reason is given');
    await assertInert(page, name);
    await page.getByRole('button', { name: 'Start my own assessment' }).click();
    await page.locator('fieldset[data-question]').first().waitFor();
    assert.deepEqual(problems, []);
    await close();
  });
}

test('a good result link with a hostile workshop mark opens the result, and runs nothing', async () => {
  const { page, problems, close } = await hostilePage();
  await page.goto(`${server.url}#r=${await fixtureLink()}&w=<img src=x onerror=window.__pwned=1>`);
  await sharedResultOpened(page);
  await assertInert(page, 'workshop mark');
  assert.deepEqual(problems, []);
  await close();
});

const BAD_JOIN_LINKS = [
  ['nothing after it', ''],
  ['no name part', 'k3j4h5'],
  ['a broken percent-encoding', 'k3j4h5.%E0%A4%A'],
  ['markup as the id', '<img src=x onerror=window.__pwned=1>.Room'],
  ['an id that is far too long', `${'a'.repeat(40)}.Room`],
  ['a 21,000-character name', `k3j4h5.${'%3Cb%3E'.repeat(3000)}`],
];

for (const [name, rest] of BAD_JOIN_LINKS) {
  test(`a #join= link with ${name} says so, joins nothing and runs nothing`, async () => {
    const { page, problems, close } = await hostilePage();
    await page.goto(`${server.url}#join=${rest}`);
    await appReady(page);
    if (name.startsWith('a 21,000')) {
      // Long names are cut like any label; the markup stays text.
      assert.equal(await page.locator('.joining h2').textContent(), `You are joining \u201c${'<b>'.repeat(26)}<b\u201d`);
    } else {
      assert.equal(await page.getByRole('heading', { name: /You are joining/ }).count(), 0);
      await page.getByText(/workshop invitation is incomplete or damaged/).waitFor();
    }
    await assertInert(page, name);
    await new App(page).start();
    assert.deepEqual(problems, []);
    await close();
  });
}

test('a broken #join= link says the invitation could not be opened', async () => {
  for (const fragment of ['#join=k3j4h5', '#join=k3j4h5.', '#join=bad%20id.Team', '#join=w1.%ZZ', '#join=']) {
    const { page, problems, close } = await hostilePage();
    try {
      await page.goto(`${server.url}${fragment}`);
      await page.getByRole('heading', { name: 'This link could not be opened' }).waitFor();
      await page.getByText(/workshop invitation is incomplete or damaged/).waitFor();
      // The way forward: start an assessment of one's own.
      await page.getByRole('button', { name: 'Start my own assessment' }).click();
      await page.locator('fieldset[data-question]').first().waitFor();
      assert.deepEqual(problems, [], fragment);
    } finally {
      await close();
    }
  }
});

test('a right-to-left override in a label does not reorder the text after it', async () => {
  const { page, problems, close } = await hostilePage();
  try {
    const label = 'Ana \u202Egnp.exe';
    await page.goto(`${server.url}#join=k3j4h5.${encodeURIComponent(label)}`);
    const heading = page.locator('.joining h2');
    await heading.waitFor();
    assert.equal(await heading.textContent(), 'You are joining \u201cAna gnp.exe\u201d');
    // The name is isolated too, so right-to-left names cannot move the quotes around them.
    assert.equal(await heading.locator('bdi').textContent(), 'Ana gnp.exe');
    const overrides = await page.evaluate(() => /[\u202A-\u202E\u2066-\u2069]/.test(document.body.innerText));
    assert.equal(overrides, false, 'no override character reaches the page');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
