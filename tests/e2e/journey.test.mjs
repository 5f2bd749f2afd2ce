// The full journey of a new user on the release build, served at the root of 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('a new user goes from the landing view through every step to the results', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await assert.doesNotReject(page.getByRole('heading', { level: 1 }).waitFor());
  const app = new App(page);
  await app.start();
  await assert.doesNotReject(page.getByText(/^Step 1 of \d+$/).waitFor());
  await app.answerAll({ company: 'mid', platform: 'mid' });
  const r = await app.results();
  assert.match(r.stage, /Early|Growth|Mature/);
  const score = Number(r.score.match(/\d+/)[0]);
  assert.ok(score >= 0 && score <= 100, r.score);
  assert.ok(Object.keys(r.findings).length >= 3, JSON.stringify(r.findings));
  for (const finding of Object.values(r.findings)) assert.match(finding, /^(over|under|fit)$/);
  assert.deepEqual(problems, []);
  await close();
});

test('an early company with a heavy platform is early and ahead; a mature one with a light platform is behind', async () => {
  for (const [how, stage, finding] of [
    [{ company: 'min', platform: 'max' }, 'Early', 'over'],
    [{ company: 'max', platform: 'min' }, 'Mature', 'under'],
  ]) {
    const { page, problems, close } = await openPage(browser, server.origin);
    await page.goto(server.url);
    const app = new App(page);
    await app.start();
    await app.answerAll(how);
    const r = await app.results();
    assert.match(r.stage, new RegExp(stage));
    const counts = Object.values(r.findings).filter((f) => f === finding).length;
    assert.ok(counts >= 4, `${JSON.stringify(how)} gave ${JSON.stringify(r.findings)}`);
    assert.deepEqual(problems, []);
    await close();
  }
});

test('all answers "Don\'t know" still gives a result page, saying what it could not tell', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerAll({ company: 'unknown', platform: 'unknown' });
  const r = await app.results();
  assert.match(r.stage, /Growth/);
  await assert.doesNotReject(page.getByText(/nothing to score yet/).waitFor());
  assert.deepEqual(problems, []);
  await close();
});
