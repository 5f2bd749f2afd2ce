// Issue 17: Stagefit in English, German and French. A first visit speaks the browser's
// language and fetches only that language's strings; the choice is switchable from every view
// and remembered; <html lang> follows. In each language a whole assessment, its results and a
// workshop work, axe finds nothing, and no view scrolls sideways at 320 px. The German and
// French results say nothing in English (names and numbers aside). Share links carry no
// language: one made in German opens in French for a French reader.
//
// Everything here is found by the page contract's language-free hooks (ids, data-testid,
// data-question, #step-primary), since the names a person reads change with the language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, appReady, App, axeFindings } from './support.mjs';

let server;
let browser;
before(async () => {
  server = await serve('/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const LANGUAGES = [['en', 'en-GB'], ['de', 'de-DE'], ['fr', 'fr-FR']];
// Words these languages write as English does (GLOSSARY.md): a text node of only these is no
// untranslated English.
const SAME = {
  de: new Set(['Stagefit', 'Workshop', 'Standard', 'Minimal', 'Self-Service', 'Golden Path', 'Product-Market-Fit',
    'Delivery', 'Observability', 'Reliability']),
  fr: new Set(['Stagefit', 'Standard', 'Minimal', 'Coordination']),
};

// Answers step after step until the results show (the page object presses each step's primary
// button by its id, whatever it is called).
const answerAll = (page, how) => new App(page).answerAll(how);

// Every visible text of the main view, trimmed, one per text node.
function visibleTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.replace(/\s+/g, ' ').trim();
      const el = node.parentElement;
      if (!text || !el || !el.checkVisibility({ visibilityProperty: true })) continue;
      if (el.closest('svg') && el.closest('[aria-hidden="true"]')) continue;
      out.push(text);
    }
    return out;
  });
}

async function noSidewaysScroll(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `${where}: the page is ${width}px wide at 320px`);
}

const english = {};

for (const [language, locale] of LANGUAGES) {
  test(`${language}: a first visit speaks it; an assessment, its results and a workshop work in it`, async () => {
    const { page, problems, close } = await openPage(browser, server.origin, { locale });
    const strings = [];
    page.on('request', (r) => { if (r.url().includes('/i18n/')) strings.push(new URL(r.url()).pathname); });
    await page.goto(server.origin + '/');
    await appReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), language);
    assert.equal(await page.locator('[data-testid="language"]').inputValue(), language);
    assert.ok(strings.length > 0 && strings.every((p) => p.endsWith(`/${language}.json`)),
      `only ${language}'s strings are fetched: ${strings.join(', ')}`);

    await page.setViewportSize({ width: 320, height: 740 });
    await noSidewaysScroll(page, `${language} landing`);
    await answerAll(page, { company: 'min', platform: 'max' });
    await noSidewaysScroll(page, `${language} results`);
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.deepEqual(await axeFindings(page, `${language} results`), []);

    const texts = await visibleTexts(page);
    if (language === 'en') {
      english.results = new Set(texts);
    } else if (english.results) {
      const untranslated = texts.filter((t) => english.results.has(t) && /\p{L}{3,}/u.test(t) && !SAME[language].has(t));
      assert.deepEqual([...new Set(untranslated)], [], `${language} results show English text`);
    }

    // The third navigation button is the workshop, whatever it is called.
    await page.locator('.site-header nav a').nth(2).click();
    await page.locator('#workshop-name').fill('Plattform-Runde');
    await page.locator('#workshop-name').press('Enter');
    await page.locator('[data-testid="workshop-input"]').waitFor();
    assert.deepEqual(await axeFindings(page, `${language} workshop`), []);
    await page.setViewportSize({ width: 320, height: 740 });
    await noSidewaysScroll(page, `${language} workshop`);

    await page.locator('.site-header nav a').nth(1).click();
    await page.locator('[data-testid="history-entry"]').first().waitFor();
    await noSidewaysScroll(page, `${language} history`);
    assert.deepEqual(problems, []);
    await close();
  });
}

test('the language is switchable from every view, remembered, and a link made in German opens in French', async () => {
  const { page, problems, close } = await openPage(browser, server.origin, { locale: 'en-US' });
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.locator('[data-testid="language"]').selectOption('de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  await answerAll(page, { company: 'max', platform: 'min' });
  const link = await page.locator('[data-testid="share-link"]').first().evaluate((e) => e.value || e.href || e.textContent);
  await page.reload();
  await appReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de', 'the choice survives a reload');
  assert.equal(await page.locator('[data-testid="language"]').inputValue(), 'de');
  await close();

  const french = await openPage(browser, server.origin, { locale: 'fr-FR' });
  await french.page.goto(link.trim());
  await french.page.locator('[data-testid="alignment-score"]').waitFor();
  assert.equal(await french.page.evaluate(() => document.documentElement.lang), 'fr');
  assert.deepEqual(problems, []);
  assert.deepEqual(french.problems, []);
  await french.close();
});
