// Next stays usable and says what is missing instead of silently doing nothing; focus goes to
// the first unanswered question, and the step only changes once everything has an answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('Next with unanswered questions names them and moves focus to the first', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  const questions = page.locator('fieldset[data-question]');
  const n = await questions.count();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  const alert = page.getByRole('alert');
  await assert.doesNotReject(alert.getByText(`${n} questions still need an answer`).waitFor());
  await page.waitForFunction(() => document.activeElement?.closest('fieldset[data-question]'));
  const focused = await page.evaluate(() => document.activeElement.closest('fieldset').dataset.question);
  assert.equal(focused, await questions.first().getAttribute('data-question'));
  assert.match(await page.getByText(/^Step 1 of \d+$/).textContent(), /Step 1 of/);

  // Answering one shrinks the list; "Don't know" counts as an answer.
  await questions.first().locator('input[value="unknown"]').check();
  await assert.doesNotReject(alert.getByText(`${n - 1} question`).first().waitFor());
  await app.answerStep();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await assert.doesNotReject(page.getByText(/^Step 2 of \d+$/).waitFor());
  // Focus moves with the flow: onto the new step's first question.
  await page.waitForFunction(() => document.activeElement?.closest('fieldset[data-question]')
    === document.querySelector('fieldset[data-question]'));

  // Back returns to the answers given.
  await page.getByRole('button', { name: 'Back' }).click();
  await assert.doesNotReject(page.getByText(/^Step 1 of \d+$/).waitFor());
  for (const fs of await questions.all()) assert.equal(await fs.locator('input:checked').count(), 1);
  assert.deepEqual(problems, []);
  await close();
});
