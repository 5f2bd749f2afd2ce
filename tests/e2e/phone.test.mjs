// On a phone in a workshop (issue 14): every step's main action is in view without scrolling,
// each option's whole row is its target and at least 44 px tall, the chosen one shows by more
// than its radio dot, and no view scrolls sideways at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, App } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('on a 390x844 phone each step\'s main action is visible without scrolling, and options are whole-row targets', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  for (let step = 0; step < 50; step++) {
    await page.evaluate(() => window.scrollTo(0, 0));
    const main = await page.locator('#step-primary').boundingBox();
    assert.ok(main && main.y >= 0 && main.y + main.height <= 844, `step ${step}: main button at ${JSON.stringify(main)}`);

    const option = page.locator('fieldset[data-question] .option label').first();
    const box = await option.boundingBox();
    assert.ok(box.height >= 44, `option row ${box.height}px tall`);
    const field = page.locator('fieldset[data-question]').first();
    const fieldBox = await field.boundingBox();
    assert.ok(box.width >= fieldBox.width * 0.8, `the row spans the question (${box.width} of ${fieldBox.width})`);
    // A tap at the far end of the row, away from the radio dot, chooses it.
    await option.click({ position: { x: box.width - 8, y: box.height / 2 } });
    const input = field.locator('input').first();
    assert.ok(await input.isChecked(), 'tapping the row chooses the option');
    const chosen = await option.evaluate((l) => { const s = getComputedStyle(l); return { weight: s.fontWeight, border: s.borderTopWidth, bg: s.backgroundColor }; });
    const other = await field.locator('.option label').nth(1).evaluate((l) => { const s = getComputedStyle(l); return { weight: s.fontWeight, border: s.borderTopWidth, bg: s.backgroundColor }; });
    assert.notDeepEqual(chosen, other, 'the chosen row looks different beyond its dot');

    await app.answerStep({ company: 'mid', strategy: '1', platform: 'mid' });
    if (await page.getByRole('button', { name: /results/i }).count()) break;
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.waitForFunction((n) => document.querySelector('.progress')?.textContent.startsWith(`Step ${n} of`), step + 2);
  }
  await context.close();
});

test('at 320 px wide no view scrolls sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  const wide = async (what) => {
    const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(width <= 320, `${what}: ${width}px wide`);
  };
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await wide('landing with the first step');
  await app.answerStep({ company: 'max' });
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByText(/^Step 2 of \d+$/).waitFor();
  await wide('step 2');
  await app.answerAll({ company: 'max', strategy: '1', platform: 'mid' });
  await wide('results');
  await page.getByRole('button', { name: /change answers|review/i }).first().click();
  await page.getByRole('heading', { name: 'Review your answers' }).waitFor();
  await wide('review');
  for (const [nav, heading] of [['History', 'History'], ['Workshop', /Workshop/]]) {
    await page.getByRole('navigation').getByRole('link', { name: nav }).click();
    await page.getByRole('heading', { name: heading }).first().waitFor();
    await wide(nav);
  }
  await page.goto(`${server.url}#/how`);
  await page.getByRole('heading', { name: 'How scoring works' }).waitFor();
  await wide('how scoring works');
  await context.close();
});
