// Issue 17, the results' part: in German and French the results, history (with its trend) and
// compare are written in that language (no visible text is one of results.json's English
// sentences), decimals take a comma, dates are written per language, nothing scrolls sideways
// in the results at a phone's width, and axe finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, App, axeFindings } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// Every English string of results.json with no placeholder: none may show in German or French.
const english = (() => {
  const out = new Set();
  const walk = (v) => (typeof v === 'string' ? (!v.includes('{') && v.length > 3 && out.add(v.trim())) : Object.values(v).forEach(walk));
  walk(JSON.parse(fs.readFileSync(new URL('../../locales/en/results.json', import.meta.url), 'utf8')));
  // Read the same in English and French.
  for (const same of ['Date', 'Export (JSON)']) out.delete(same);
  return out;
})();

async function leftInEnglish(page) {
  const texts = await page.evaluate(() => {
    const main = document.querySelector('main');
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const out = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el && el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden') out.push(n.textContent.trim());
    }
    for (const el of main.querySelectorAll('[aria-label], [placeholder]')) {
      out.push(el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '');
    }
    return out;
  });
  return texts.filter((t) => english.has(t));
}

for (const [lang, heading, decimal] of [['de', 'Ihre Ergebnisse', /\d,\d/], ['fr', 'Vos résultats', /\d,\d/]]) {
  test(`results, history and compare in ${lang}`, async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url);
    const app = new App(page);
    await app.start();
    await page.getByTestId('language').selectOption(lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    for (const [how, name] of [[{ company: 'min', platform: 'max' }, 'Eins'], [{ company: 'mid', platform: 'min' }, 'Zwei']]) {
      if (!(await page.locator('fieldset[data-question]').first().isVisible())) {
        await page.getByRole('navigation').getByRole('link').first().click();
        await app.start();
      }
      await app.answerAll(how);
      await page.locator('#result-label').fill(name);
    }
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    for (const summary of await page.locator('.results summary').all()) await summary.click();
    assert.match(await page.locator('.worked-out').textContent(), decimal);
    assert.match(await page.getByTestId('stage').getAttribute('data-stage'), /^(early|growth|mature)$/);
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= width, `the results scroll sideways: ${scroll} > ${width}`);
    assert.deepEqual(await leftInEnglish(page), [], 'results');
    assert.deepEqual(await axeFindings(page, `${lang} results`), []);

    await page.getByRole('navigation').getByRole('link').nth(1).click();
    await page.locator('.history-item').nth(1).waitFor();
    await page.locator('.trend-chart').waitFor();
    await page.locator('.trend-chart + .chart-data summary').click();
    // A date as the language writes it, not YYYY-MM-DD.
    assert.doesNotMatch(await page.locator('.trend-chart + .chart-data tbody').textContent(), /\d{4}-\d\d-\d\d/);
    assert.deepEqual(await leftInEnglish(page), [], 'history');
    assert.deepEqual(await axeFindings(page, `${lang} history`), []);

    for (const box of await page.locator('.history-select input').all()) await box.check();
    await page.locator('.history .actions button').first().click();
    await page.locator('.compare-table').waitFor();
    assert.deepEqual(await leftInEnglish(page), [], 'compare');
    assert.deepEqual(await axeFindings(page, `${lang} compare`), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
