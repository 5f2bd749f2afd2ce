// Results people look at, print and paste (issue 4): charts with text alternatives, a print
// layout of one or two pages, "Copy summary" with a fallback, and no sideways scrolling on a
// phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function results(page, how = { company: 'mid', strategy: '3', platform: 'min' }) {
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerAll(how);
  return app;
}

test('both charts are images with a label, a description and a data table', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await results(page);
  for (const name of [/Platform level by area/, /Gap to the band by area/]) {
    const img = page.getByRole('img', { name });
    assert.equal(await img.count(), 1);
    assert.match(await img.evaluate((e) => e.querySelector('desc').textContent), /Behind the stage: /);
  }
  // Issue 14: ahead and behind differ in hue and in fill, and each legend swatch is drawn
  // exactly like the bars it names.
  const style = (sel) => page.$$eval(sel, (els) => els.map((e) => {
    const s = getComputedStyle(e);
    return `${s.fill} ${s.stroke} ${s.strokeWidth}`;
  }));
  for (const kind of ['over', 'under']) {
    const [swatch] = await style(`.legend .bar-${kind}`);
    for (const bar of await style(`svg.gaps .bar-${kind}`)) assert.equal(bar, swatch, kind);
  }
  const [over] = await style('.legend .bar-over');
  const [under] = await style('.legend .bar-under');
  assert.match(under, /url\("?#hatch-under"?\)/);
  assert.doesNotMatch(over, /url/);
  for (const value of await page.locator('svg.gaps .value-under').allTextContents()) assert.match(value, /^\u25bc /);
  await page.getByText('Show the chart data as a table').click();
  const rows = page.getByRole('table').locator('tbody tr');
  assert.equal(await rows.count(), await page.locator('[data-dimension][data-finding]').count());
  assert.deepEqual(problems, []);
  await close();
});

test('printing gives one or two pages with the label, stage, score, charts and priorities', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await results(page);
  await page.getByLabel('Name this result (optional)').fill('Platform team, Q3 <b>review</b>');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.getByText('Platform team, Q3 <b>review</b>').isVisible(), 'label shown as text in print');
  assert.equal(await page.getByRole('button', { name: 'Copy summary' }).isVisible(), false);
  assert.ok(await page.locator('.radar').isVisible());
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  assert.deepEqual(problems, []);
  await close();
});

test('Copy summary puts Markdown on the clipboard and says so', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await context.newPage();
  await results(page);
  await page.getByLabel('Name this result (optional)').fill('Q3 | review');
  await page.getByRole('button', { name: 'Copy summary' }).click();
  await page.getByRole('status').getByText('Summary copied').waitFor();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(text, /^# Stagefit: Q3 \\\| review\n/);
  assert.match(text, /\*\*Stage fit:\*\* \d+ out of 100/);
  assert.match(text, /\| Area \| Level \(0 to 4\) \|/);
  assert.match(text, /## Top priorities/);
  assert.match(text, /Key result: /);
  // Issue 14: whoever reads the summary can open the whole result.
  const link = await page.getByTestId('share-link').inputValue();
  assert.ok(text.includes(`Open the full result: <${link}>`), text.slice(0, 300));
  await context.close();
});

test('where the clipboard is refused, the summary is shown selected for copying by hand', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  const page = await context.newPage();
  await results(page);
  await page.getByRole('button', { name: 'Copy summary' }).click();
  const area = page.getByLabel(/did not allow copying/);
  await area.waitFor();
  assert.match(await area.inputValue(), /^# Stagefit: Platform stage fit/);
  await page.waitForFunction(() => document.activeElement?.id === 'summary-text'
    && document.activeElement.selectionEnd - document.activeElement.selectionStart > 100);
  await context.close();
});

test('no sideways scrolling at 360 px; readable on a 1280x720 projector', async () => {
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 720 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const app = await results(page);
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width, `${viewport.width}: page is ${width} px wide`);
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    assert.ok(size >= 16, `body text ${size}px at ${viewport.width}`);
    await page.getByRole('button', { name: 'Start again' }).click();
    await page.locator('fieldset[data-question]').first().waitFor();
    const stepWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(stepWidth <= viewport.width);
    void app;
    await context.close();
  }
});
