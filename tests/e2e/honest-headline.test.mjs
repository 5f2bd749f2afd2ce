// Honest headlines (issue 13): with no known company answer the results say "Stage unknown",
// with the assumed stage in small type, never "Growth" as if it had been found; the landing
// view's time estimate comes from the bank.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('"Don\'t know" to every company question reads "Stage unknown", assumed growth in small type', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  assert.match(await page.locator('.lead').textContent(), /about \d+ minutes/);
  const app = new App(page);
  await app.start();
  await app.answerAll({ company: 'unknown', strategy: 'unknown', platform: 'mid' });
  const stage = page.getByTestId('stage');
  assert.match(await stage.textContent(), /^Stage unknown\s*assumed Growth$/);
  const big = await stage.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const small = await stage.locator('.assumed').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(small < big / 2, `"assumed Growth" at ${small}px under ${big}px`);
  assert.deepEqual(problems, []);
  await close();
});
