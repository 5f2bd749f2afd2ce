// The four corners of the shared journey check's patterns (company min or max, platform min or
// max, strategy mid) give the stages and directions the model promises (issue 3).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const count = (findings, kind) => Object.values(findings).filter((f) => f === kind).length;

const CORNERS = [
  // An early company with almost nothing: behind only where even a startup needs the basics.
  ['company=min platform=min', { company: 'min', platform: 'min' }, 'Early', (f) => {
    assert.equal(count(f, 'over'), 0);
    assert.equal(f.delivery, 'under');
    assert.equal(f.observability, 'under');
    assert.equal(f.golden_paths, 'fit');
  }],
  // An early company with a sophisticated platform: ahead everywhere.
  ['company=min platform=max', { company: 'min', platform: 'max' }, 'Early', (f) => {
    assert.equal(count(f, 'over'), Object.keys(f).length);
  }],
  // A mature company on a startup platform: behind everywhere but sourcing, where buying is fine.
  ['company=max platform=min', { company: 'max', platform: 'min' }, 'Mature', (f) => {
    assert.equal(f.infrastructure, 'fit');
    assert.equal(count(f, 'under'), Object.keys(f).length - 1);
  }],
  // A mature company with everything built: fits, except running all infrastructure in-house.
  ['company=max platform=max', { company: 'max', platform: 'max' }, 'Mature', (f) => {
    assert.equal(count(f, 'under'), 0);
    assert.equal(f.infrastructure, 'over');
  }],
];

for (const [name, how, stage, expect] of CORNERS) {
  test(`corner ${name} gives ${stage} with the expected findings`, async () => {
    const { page, problems, close } = await openPage(browser, server.origin);
    await page.goto(server.url);
    const app = new App(page);
    await app.start();
    await app.answerAll({ ...how, strategy: 'mid' });
    const r = await app.results();
    assert.match(r.stage, new RegExp(stage));
    assert.ok(Object.keys(r.findings).length >= 10);
    expect(r.findings);
    assert.ok(await page.locator('.priority').count() >= 1);
    assert.deepEqual(problems, []);
    await close();
  });
}

test('the results explain themselves: evidence, override, priorities with goals, arithmetic', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerAll({ company: 'min', strategy: 'unknown', platform: '3' });
  assert.match((await app.results()).stage, /Early/);
  const before = (await app.results()).score;
  // The answers behind the stage are listed; open the override with the keyboard alone and
  // choose "Mature".
  await assert.doesNotReject(page.getByText(/points to Early/).first().waitFor());
  await page.getByText('Know better? Choose the stage yourself').focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Mature', { exact: true }).check();
  await assert.doesNotReject(page.locator('[data-testid="stage"]', { hasText: 'Mature' }).waitFor());
  assert.notEqual((await app.results()).score, before);
  // The first area's arithmetic, whether its card is folded (within the band) or not.
  const first = page.locator('.finding').first();
  await first.locator('summary').first().click();
  await assert.doesNotReject(first.getByText(/^Band for a mature company/).waitFor());
  assert.deepEqual(problems, []);
  await close();
});
