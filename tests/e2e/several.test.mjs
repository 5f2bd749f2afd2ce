// Questions that take several answers at once (issue 29, bank version 4): biggest pains (up to
// two) and work under way (all that apply) are checkboxes; a pick past the limit is refused and
// said beside the question; the picks show in the review, the results and a shared link, and
// the room's workshop counts each one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App, sharedResultOpened } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const pains = (page) => page.locator('fieldset[data-question="company.pains"]');

// Answers steps (as `how` says) until question `id` is on screen.
async function until(page, app, id, how = {}) {
  const field = page.locator(`fieldset[data-question="${id}"]`);
  for (let step = 0; step < 12 && !(await field.isVisible()); step++) {
    await app.answerStep(how);
    await page.locator('#step-primary').click();
    await page.locator('fieldset[data-question]').first().waitFor();
  }
}
const untilPains = (page, app) => until(page, app, 'company.pains');

test('two pains are picked by mouse and keys, a third is refused and said, and both travel to the review, results and a shared link', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await untilPains(page, app);
  const field = pains(page);
  assert.equal(await field.locator('input[type=checkbox]').count(), 9, 'eight pains and "Don\'t know"');
  assert.match(await field.locator('.how-many').textContent(), /Choose up to 2/);
  // The other question of the step; then the pains: a click on the second, digit 5 for the fifth.
  await page.locator('fieldset[data-question="company.budget"] input').nth(1).check();
  await field.getByLabel('Teams drift into their own ways').check();
  await field.getByLabel('Teams drift into their own ways').focus();
  await page.keyboard.press('5');
  const checked = () => field.locator('input:checked').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(await checked(), ['1', '4']);
  // A third, by mouse or key, is refused and said; nothing else changes.
  await field.getByLabel('Too few hands').click();
  await page.keyboard.press('3');
  assert.deepEqual(await checked(), ['1', '4']);
  assert.match(await field.getByRole('status').textContent(), /Up to 2 can be chosen here/);
  assert.equal(await field.getByLabel('Too few hands').isChecked(), false);
  // Focus stays where the person is: several answers do not move on by themselves.
  assert.equal(await page.evaluate(() => document.activeElement?.closest('fieldset')?.dataset.question), 'company.pains');
  // "No single pain stands out" stands alone, and "Don't know" clears the picks.
  await field.getByLabel('No single pain stands out').check();
  assert.deepEqual(await checked(), ['7']);
  await field.getByLabel("Don't know").check();
  assert.deepEqual(await checked(), ['unknown']);
  await field.getByLabel('Teams drift into their own ways').check();
  await field.getByLabel('Waiting on approvals').check();
  assert.deepEqual(await checked(), ['1', '4']);
  assert.equal(await field.getByRole('status').textContent(), '');

  // Work under way: all that apply, "Nothing big" alone.
  await page.locator('#step-primary').click();
  await until(page, app, 'platform.under_way', { strategy: '1', platform: 'mid' });
  const work = page.locator('fieldset[data-question="platform.under_way"]');
  assert.match(await work.locator('.how-many').textContent(), /Choose all that apply/);
  await app.answerStep({ platform: 'mid' });
  for (const name of ['Service templates', 'Running in more than one region', 'A developer portal']) await work.getByLabel(name).check();
  assert.equal(await work.locator('input:checked').count(), 4, 'the option answerStep chose and three more');

  // The review lists both pains, quoted.
  await page.getByRole('button', { name: 'Review answers' }).click();
  const review = page.locator('.review-item', { hasText: "What are engineering's biggest pains today?" });
  assert.match(await review.locator('.review-answer').textContent(), /“Teams drift into their own ways; onboarding slows”, “Waiting on approvals and hand-offs between teams”/);
  await page.getByRole('button', { name: 'See results' }).first().click();
  await page.locator('[data-testid="alignment-score"]').waitFor();
  const company = page.locator('.company-answers li', { hasText: 'biggest pains' });
  assert.match(await company.textContent(), /Teams drift.*Waiting on approvals/);
  const link = await page.getByTestId('share-link').inputValue();

  const cold = await openPage(browser, server.origin);
  await cold.page.goto(link);
  await sharedResultOpened(cold.page);
  const shared = cold.page.locator('.company-answers li', { hasText: 'biggest pains' });
  assert.match(await shared.textContent(), /Teams drift.*Waiting on approvals/);
  assert.deepEqual(cold.problems, []);
  await cold.close();
  assert.deepEqual(problems, []);
  await close();
});

test('a question that takes several answers may be left with no box ticked: Next goes on, and the review says it is not answered', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await untilPains(page, app);
  await page.locator('fieldset[data-question="company.budget"] input').first().check();
  assert.equal(await pains(page).locator('input:checked').count(), 0);
  await page.locator('#step-primary').click();
  await page.locator('fieldset[data-question="strategy.focus"]').waitFor();
  assert.equal(await page.locator('.missing p').count(), 0, 'nothing is said to be missing');
  assert.deepEqual(problems, []);
  await close();
});
