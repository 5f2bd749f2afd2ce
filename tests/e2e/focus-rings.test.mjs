// Focus rings (issue 14): the heading the app moves focus to after a view changes never paints a
// ring, even after a key press; a control reached by keyboard always shows one; print shows none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, App } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const outline = (page) => page.evaluate(() => {
  const s = getComputedStyle(document.activeElement);
  return { id: document.activeElement.id, tag: document.activeElement.tagName, style: s.outlineStyle, width: s.outlineWidth };
});

test('moved focus on a heading shows no ring; keyboard focus on a control does; print shows none', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  for (let step = 0; step < 50; step++) {
    await app.answerStep({ company: 'mid', strategy: '1', platform: 'mid' });
    const results = page.getByRole('button', { name: /results/i });
    if (await results.count()) {
      // By keyboard, so the browser's own heuristic would otherwise show a ring.
      await results.focus();
      await page.keyboard.press('Enter');
      break;
    }
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
  const heading = await outline(page);
  assert.equal(heading.tag, 'H1');
  assert.equal(heading.style, 'none');
  await page.keyboard.press('Tab');
  const control = await outline(page);
  assert.notEqual(control.style, 'none', JSON.stringify(control));
  assert.ok(parseFloat(control.width) >= 2, JSON.stringify(control));
  await page.emulateMedia({ media: 'print' });
  assert.equal((await outline(page)).style, 'none', 'no ring in print');
  await context.close();
});
