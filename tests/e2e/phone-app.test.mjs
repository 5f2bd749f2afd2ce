// On a phone it feels like an app (issue 31): the navigation is made of links with real
// addresses (a new tab opens the same view, a plain click is still the app's own move), Share
// hands the link to the system's share sheet where the browser has one (and opens the dialog
// where it has none), and the header leaves the screen to the view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App, appReady } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/stagefit/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// A share sheet that records what it was given, or none at all (Chromium on Linux has none,
// but a test should not rely on that).
const withShareSheet = () => {
  window.shared = [];
  Navigator.prototype.share = function (data) { window.shared.push(data); return Promise.resolve(); };
};
const withoutShareSheet = () => { delete Navigator.prototype.share; };

test('the navigation items are links: their addresses open the same views in a new page, and a plain click stays in the app', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  const nav = page.getByRole('navigation');
  const views = [['Assessment', '#/', 'landing-heading'], ['History', '#/history', 'history-heading'], ['Workshop', '#/workshops', 'workshops-heading']];
  for (const [name, hash, heading] of views) {
    const link = nav.getByRole('link', { name });
    assert.equal(await link.getAttribute('href'), hash, name);
    // Opened in a page of its own (a new tab, a long press's "Open in new tab"): the same view.
    const other = await page.context().newPage();
    await other.goto(await link.evaluate((a) => a.href));
    await appReady(other);
    await other.locator('#' + heading).waitFor();
    await other.close();
  }
  // A plain click: the app moves itself, in the same document, focus on the view's heading.
  await page.evaluate(() => { window.samePage = true; });
  await nav.getByRole('link', { name: 'History' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'history-heading');
  assert.equal(await page.evaluate(() => window.samePage && location.hash), '#/history');
  assert.equal(await nav.getByRole('link', { name: 'History' }).getAttribute('aria-current'), 'page');
  // Ctrl+click asks the browser for a new tab, which opens the view; this page stays.
  const [tab] = await Promise.all([page.context().waitForEvent('page'), nav.getByRole('link', { name: 'Workshop' }).click({ modifiers: ['Control'] })]);
  await tab.waitForLoadState();
  assert.match(tab.url(), /#\/workshops$/);
  assert.equal(await page.evaluate(() => location.hash), '#/history');
  // "How scoring works" is a link too.
  await nav.getByRole('link', { name: 'Assessment' }).click();
  assert.equal(await page.getByRole('link', { name: 'How scoring works' }).getAttribute('href'), '#/how');
  assert.deepEqual(problems, []);
  await close();
});

async function finished(locale, sheet) {
  const opened = await openPage(browser, server.origin, { locale, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await opened.page.addInitScript(sheet);
  await opened.page.goto(server.url);
  const app = new App(opened.page);
  await app.start();
  await app.answerAll({ company: 'max', platform: 'mid' });
  return { ...opened, app };
}

const summaries = {
  'en-US': [/^Share link$/, /^Stagefit result: \d+ out of 100, for a (n early-stage|growth-stage|mature) company\.$/],
  'de-DE': [/^Link zum Teilen$/, /^Stagefit-Ergebnis: \d+ von 100, für ein .*Unternehmen.*\.$/],
  'fr-FR': [/^Lien de partage$/, /^Résultat Stagefit\u202f: \d+ sur 100, pour une entreprise .*\.$/],
};

for (const [locale, [button, summary]] of Object.entries(summaries)) {
  test(`with a share sheet, Share hands it the link and a line with the score and stage (${locale})`, async () => {
    const { page, problems, close } = await finished(locale, withShareSheet);
    const score = (await page.getByTestId('alignment-score').textContent()).match(/\d+/)[0];
    await page.getByRole('button', { name: button }).click();
    await page.waitForFunction(() => window.shared.length === 1);
    const [data] = await page.evaluate(() => window.shared);
    assert.match(data.text, summary);
    assert.ok(data.text.includes(score), `${data.text} has the score ${score}`);
    assert.equal(data.url, await page.getByTestId('share-link').inputValue());
    assert.match(data.url, /#/);
    assert.equal(await page.locator('#share-dialog').evaluate((d) => d.open), false, 'no dialog over the sheet');
    assert.deepEqual(problems, []);
    await close();
  });
}

test('without a share sheet, Share opens the dialog with the link to copy, as before', async () => {
  const { page, problems, close } = await finished('en-US', withoutShareSheet);
  await page.getByRole('button', { name: 'Share link' }).click();
  await page.locator('#share-dialog[open]').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'share-link');
  assert.equal(await page.getByRole('button', { name: 'Share link' }).count(), 1);
  assert.deepEqual(problems, []);
  await close();
});

test('a workshop\'s join link and a participant\'s result go to the share sheet too, and only where there is one', async () => {
  // The facilitator.
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.addInitScript(withShareSheet);
  await page.goto(server.url);
  const { join } = await new App(page).newWorkshop('Platform day');
  await page.getByRole('button', { name: 'Share join link' }).click();
  await page.waitForFunction(() => window.shared.length === 1);
  const [invite] = await page.evaluate(() => window.shared);
  assert.equal(invite.url, join);
  assert.match(invite.text, /“Platform day”/);

  // A participant on a phone with a share sheet.
  const participant = await openPage(browser, server.origin, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await participant.page.addInitScript(withShareSheet);
  await participant.page.goto(join);
  const app = new App(participant.page);
  await app.start();
  await app.answerAll({});
  await participant.page.getByRole('button', { name: 'Share link', exact: true }).click();
  await participant.page.waitForFunction(() => window.shared.length === 1);
  const [sent] = await participant.page.evaluate(() => window.shared);
  assert.equal(sent.url, await participant.page.getByLabel('Your result link').inputValue());
  assert.match(sent.text, /^Stagefit result: \d+ out of 100/);
  await participant.close();

  // Without a share sheet there is no Share button, only Copy.
  const plain = await openPage(browser, server.origin);
  await plain.page.addInitScript(withoutShareSheet);
  await plain.page.goto(join);
  await new App(plain.page).start();
  await new App(plain.page).answerAll({});
  await plain.page.getByRole('button', { name: 'Copy link for the chat' }).waitFor();
  assert.equal(await plain.page.getByRole('button', { name: 'Share link', exact: true }).count(), 0);
  assert.deepEqual([...problems, ...participant.problems, ...plain.problems], []);
  await plain.close();
  await close();
});

for (const locale of ['en-US', 'de-DE', 'fr-FR']) {
  test(`at 390x844 the view starts at most 100 px down, the language still in the header (${locale})`, async () => {
    const { page, problems, close } = await openPage(browser, server.origin, { locale, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(server.url);
    await appReady(page);
    for (const hash of ['#/', '#/history', '#/workshops']) {
      await page.goto(server.url + hash);
      await appReady(page);
      const top = await page.locator('main').evaluate((m) => m.getBoundingClientRect().top + scrollY);
      assert.ok(top <= 100, `${hash}: <main> starts ${top} px down`);
    }
    // The language choice is a named control, reached by keyboard from the navigation.
    const language = page.getByRole('combobox', { name: /^(Language|Sprache|Langue)$/ });
    assert.equal(await language.count(), 1);
    let reached = false;
    await page.getByRole('navigation').getByRole('link').first().focus();
    for (let i = 0; i < 4 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await language.evaluate((s) => s === document.activeElement);
    }
    assert.ok(reached, 'Tab reaches the language choice');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
    assert.deepEqual(problems, []);
    await close();
  });
}

// Every word in `selector` whose box is split over two lines (a word broken inside), outside
// charts; breaks at a hyphen or a soft hyphen are allowed.
const brokenWords = (page, selector) => page.evaluate((selector) => {
  const broken = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.parentElement.closest('svg')) continue;
      for (const m of node.data.matchAll(/[^\s\-\u2010\u00ad]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}, selector);

const COMPARE = { 'en-US': 'Compare selected', 'de-DE': 'Auswahl vergleichen' };
for (const [locale, nav] of [['en-US', ['Assessment', 'History']], ['de-DE', ['Einschätzung', 'Verlauf']]]) {
  test(`Compare on a phone: each area a card, no word broken inside and nothing sideways at 390 and 320 px (${locale})`, async () => {
    const { page, problems, close } = await openPage(browser, server.origin, { locale, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(server.url);
    for (const [how, label] of [[{ company: 'min', platform: 'max' }, 'Before'], [{ company: 'min', platform: 'min' }, 'After']]) {
      await page.getByRole('navigation').getByRole('link', { name: nav[0] }).click();
      const app = new App(page);
      await app.start();
      await app.answerAll(how);
      await page.locator('#result-label').fill(label);
    }
    await page.getByRole('navigation').getByRole('link', { name: nav[1] }).click();
    await page.locator('.history-item').nth(1).waitFor();
    for (const box of await page.locator('.history-item input[type=checkbox]').all()) await box.check();
    await page.getByRole('button', { name: COMPARE[locale] }).click();
    await page.locator('#compare-heading').waitFor();
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 844 });
      const cards = await page.locator('.compare-table tbody tr').evaluateAll((rows) => rows.map((r) => getComputedStyle(r).display));
      assert.ok(cards.length >= 10 && cards.every((d) => d === 'block'), `${width}: each row a card (${cards})`);
      assert.deepEqual(await brokenWords(page, '.compare'), [], `${width} px: words broken inside`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, `${width} px: nothing scrolls sideways`);
    }
    assert.deepEqual(problems, []);
    await close();
  });
}
