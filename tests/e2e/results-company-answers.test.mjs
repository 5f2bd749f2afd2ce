// The answers behind the stage (issue 14): every company answer is listed on the results with a
// "Change" button that leaves for the questionnaire, so one answer can be changed in a few
// actions; a shared result, being read-only, offers none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App, sharedResultOpened } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('each company answer shows with "Change"; a shared result has none', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  // Count the company questions while answering them.
  let companyQuestions = 0;
  for (let step = 0; step < 50; step++) {
    companyQuestions += await page.locator('fieldset[data-part="company"]').count();
    await app.answerStep({ company: 'min', strategy: '1', platform: 'mid' });
    const results = page.getByRole('button', { name: /results/i });
    if (await results.count()) { await results.click(); break; }
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await page.getByTestId('alignment-score').waitFor();
  // "The answers behind it", next to the stage, moves to the list.
  await page.getByRole('button', { name: 'The answers behind it' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'company-answers-heading');
  const list = page.locator('.company-answers .answer-list > li');
  assert.equal(await list.count(), companyQuestions);
  assert.equal(await list.filter({ hasText: /points to Early/ }).count(), companyQuestions);
  const change = page.locator('.answer-list').getByRole('button', { name: /^Change the answer to “.+”$/ });
  assert.equal(await change.count(), companyQuestions);
  const link = await page.getByTestId('share-link').inputValue();
  await change.first().click();
  await page.locator('fieldset[data-question]').first().waitFor();

  const cold = await openPage(browser, server.origin);
  await cold.page.goto(link);
  await sharedResultOpened(cold.page);
  assert.equal(await cold.page.getByRole('button', { name: /^Change/ }).count(), 0);
  assert.ok(await cold.page.getByText(/points to Early/).first().isVisible(), 'the answers still show');
  assert.deepEqual(cold.problems, []);
  await cold.close();
  assert.deepEqual(problems, []);
  await close();
});

test('from the results, one company answer is changed and the results are back in three actions', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerAll({ company: 'min', strategy: '1', platform: 'mid' });
  const first = page.locator('.company-answers .answer-list > li').first();
  const before = await first.textContent();
  let actions = 0;
  // 1: Change, which opens the question with focus on its answer.
  await page.locator('.answer-list').getByRole('button', { name: /^Change the answer to/ }).first().click();
  actions += 1;
  const question = await page.evaluate(() => document.activeElement?.closest('fieldset[data-question]')?.dataset.question);
  assert.ok(question, 'focus is on the question to change');
  // 2: choose another option.
  await page.locator(`fieldset[data-question="${question}"] input[type=radio]:not([value="unknown"])`).last().check();
  actions += 1;
  // 3: See results, on that same step.
  await page.getByRole('button', { name: 'See results' }).first().click();
  actions += 1;
  await page.getByTestId('alignment-score').waitFor();
  assert.equal(actions, 3);
  assert.notEqual(await page.locator('.company-answers .answer-list > li').first().textContent(), before, 'the changed answer shows');
  assert.match(await page.evaluate(() => location.hash), /^#\/results\//);
  assert.deepEqual(problems, []);
  await close();
});
