// Results on small screens (issue 14): no sideways scrolling at 320 px, with every disclosure
// and the share dialog open; chart labels at least 12 px on a 390 px phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, App } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function results(viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerAll({ company: 'min', strategy: '2', platform: 'max' });
  return { page, context };
}

test('no horizontal scroll on the results at 320 px wide', async () => {
  const { page, context } = await results({ width: 320, height: 640 });
  const width = () => page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(await width() <= 320, `${await width()} px wide`);
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  assert.ok(await width() <= 320, `with every disclosure open: ${await width()} px wide`);
  await page.getByRole('button', { name: 'Share link' }).click();
  await page.getByRole('dialog').waitFor();
  assert.ok(await width() <= 320, `with the share dialog open: ${await width()} px wide`);
  const dialog = await page.getByRole('dialog').boundingBox();
  assert.ok(dialog.x >= 0 && dialog.x + dialog.width <= 320, 'the dialog fits');
  await context.close();
});

test('chart labels are at least 12 px on a 390 px phone', async () => {
  const { page, context } = await results({ width: 390, height: 844 });
  const sizes = await page.$$eval('svg.radar text, svg.gaps text', (ts) => ts.map((t) => ({
    text: t.textContent,
    px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
  })));
  assert.ok(sizes.length >= 20);
  const small = sizes.filter((s) => s.px < 12);
  assert.deepEqual(small, []);
  // And every radar label lies inside its chart.
  const outside = await page.$$eval('svg.radar', ([svg]) => {
    const frame = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.left < frame.left - 0.5 || r.right > frame.right + 0.5;
    }).map((t) => t.textContent);
  });
  assert.deepEqual(outside, []);
  await context.close();
});
