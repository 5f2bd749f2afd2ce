// Every view has an address (issue 14): moving through the app adds entries to the browser's
// history, Back and Forward move between them inside the app, a reload shows the same view, and
// the tab's title names it. Released link forms (#r=, #join=) keep working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openPage, App, appReady, resultDrawn } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const here = async (page) => page.evaluate(() => ({
  hash: location.hash,
  title: document.title,
  heading: document.querySelector('main h1')?.textContent.trim() ?? '',
}));

// Waits until the view whose address matches `hash` shows a heading matching `heading`.
async function expectView(page, { hash, heading, title }, why) {
  // The title is the view's too, set just after it is drawn.
  await page.waitForFunction(([h, t, ti]) => new RegExp(h).test(location.hash)
    && new RegExp(t).test(document.querySelector('main h1')?.textContent ?? '')
    && new RegExp(ti).test(document.title), [hash.source, heading.source, title.source], { timeout: 5000 })
    .catch(() => {});
  const now = await here(page);
  assert.match(now.hash, hash, `${why}: address`);
  assert.match(now.heading, heading, `${why}: heading`);
  assert.match(now.title, title, `${why}: title`);
}

test('Back, Forward and reload move between every view inside the app', async () => {
  const history = await fs.readFile(new URL('../fixtures/history-v1.json', import.meta.url), 'utf8');
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  await page.evaluate((h) => localStorage.setItem('stagefit.history', h), history);
  await page.reload();
  const app = new App(page);
  const visited = [];
  const arrive = async (view, why) => {
    await expectView(page, view, why);
    await page.reload();
    await expectView(page, view, `${why}, after a reload`);
    visited.push(view);
  };

  await arrive({ hash: /^$/, heading: /Does your platform fit/, title: /^Does your platform fit.*Stagefit$/ }, 'landing');
  await app.answerStep({ company: 'mid' });
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await arrive({ hash: /^#\/step\/2$/, heading: /Your company/, title: /^Step 2 of \d+: Your company/ }, 'step 2');
  await app.answerAll({ company: 'mid', strategy: '1', platform: 'min' });
  await arrive({ hash: /^#\/results\/[\w-]+$/, heading: /./, title: /^Your results/ }, 'results');
  assert.match(await page.locator('[data-testid="alignment-score"]').textContent(), /\d/, 'results after a reload');
  await page.getByRole('button', { name: /change answers|review/i }).first().click();
  await arrive({ hash: /^#\/review$/, heading: /Review your answers/, title: /^Review your answers/ }, 'review');
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await arrive({ hash: /^#\/history$/, heading: /History/, title: /^History/ }, 'history');
  await page.getByLabel(/Select for comparison: Q3/).check();
  await page.getByLabel(/Select for comparison: Q2/).check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  await arrive({ hash: /^#\/compare\/[^/]+\/[^/]+$/, heading: /Compare two assessments/, title: /^Compare two/ }, 'compare');
  await page.getByRole('navigation').getByRole('link', { name: 'Workshop' }).click();
  await arrive({ hash: /^#\/workshops$/, heading: /Workshop/, title: /^Workshops/ }, 'workshops');
  await page.getByLabel('Name', { exact: true }).fill('Offsite');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await arrive({ hash: /^#\/workshop\/[\w-]+$/, heading: /Offsite/, title: /^Workshop/ }, 'one workshop');
  await page.getByRole('navigation').getByRole('link', { name: 'Assessment' }).click();
  await arrive({ hash: /^$|^#\/$/, heading: /Does your platform fit/, title: /^Does your platform fit/ }, 'landing again');
  await page.getByRole('link', { name: 'How scoring works' }).click();
  await arrive({ hash: /^#\/how$/, heading: /How scoring works/, title: /^How scoring works/ }, 'how scoring works');

  // All the way back, then all the way forward, inside the app.
  // Between views visited on purpose lie the questionnaire's steps, each an entry of its own.
  const move = async (go, view, why) => {
    for (let n = 0; n < 15; n++) {
      await go();
      const now = await here(page);
      if (view.hash.test(now.hash) && view.heading.test(now.heading)) break;
      assert.match(now.hash, /^#\/step\/\d+$/, `${why}: only steps lie between, not ${now.hash}`);
    }
    await expectView(page, view, why);
  };
  for (let i = visited.length - 2; i >= 0; i--) {
    await move(() => page.goBack(), visited[i], `Back to ${visited[i].heading}`);
  }
  for (let i = 1; i < visited.length; i++) {
    await move(() => page.goForward(), visited[i], `Forward to ${visited[i].heading}`);
  }
  assert.deepEqual(problems, []);
  await close();
});

test('a shared result, an invitation and a damaged link each have their address and survive a reload', async () => {
  const payload = (await fs.readFile(new URL('../fixtures/links-v1.txt', import.meta.url), 'utf8'))
    .split('\n').find((l) => l.startsWith('27:')).split(' ').pop();
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(`${server.url}#r=${payload}`);
  await resultDrawn(page);
  assert.match(await page.title(), /^Shared result/);
  await page.reload();
  await resultDrawn(page);
  assert.equal(await page.evaluate(() => location.hash), `#r=${payload}`);

  // The invitation is read once: the address becomes the start, and a reload keeps the person there.
  await page.goto(`${server.url}#join=offsite.Platform%20offsite`);
  await page.getByRole('heading', { name: /You are joining/ }).waitFor();
  assert.equal(await page.evaluate(() => location.hash), '#/');

  await page.goto(`${server.url}#/results/not-saved-here`);
  await page.getByRole('heading', { name: 'This link could not be opened' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'This link could not be opened' }).waitFor();
  await page.getByRole('button', { name: 'Start my own assessment' }).click();
  await page.locator('fieldset[data-question]').first().waitFor();
  assert.deepEqual(problems, []);
  await close();
});

test('changing an answer from the review takes three actions and comes back to the results', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerAll({ company: 'min', strategy: '1', platform: 'min' });
  const before = await app.results();
  await page.getByRole('button', { name: /change answers|review/i }).first().click();
  await page.getByRole('heading', { name: 'Review your answers' }).waitFor();
  // 1: Change the first platform answer; 2: choose another option; 3: See results.
  await page.locator('.review-list').last().getByRole('button', { name: /^Change/ }).first().click();
  const field = page.locator('fieldset[data-question]').first();
  assert.ok(await page.evaluate(() => document.activeElement.closest('fieldset[data-question]') !== null), 'focus is on the question');
  await field.locator('input[type=radio]:not([value="unknown"])').last().check();
  await page.getByRole('button', { name: 'See results' }).first().click();
  await resultDrawn(page);
  const after = await app.results();
  assert.notEqual(after.stage + after.score, before.stage + before.score, 'the changed answer shows in the results');
  assert.deepEqual(problems, []);
  await close();
});
