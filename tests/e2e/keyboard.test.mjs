// A keyboard-only journey (issues 4 and 14): number keys choose and move on, Enter goes to the
// next step, and a whole assessment takes at most 2.5 key presses a question; focus follows the
// flow (the next question after a choice, the new step's first question after Next, the results
// heading after "See results"); every results control is reachable with Tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, appReady } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { tag: e.tagName, id: e.id, type: e.type || '', text: (e.textContent || '').trim().slice(0, 40), name: e.name || '' };
});

test('a whole assessment by keyboard takes at most 2.5 key presses per question (issue 14)', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  let presses = 0;
  const press = async (key) => { presses += 1; await page.keyboard.press(key); };
  // From the top of the page, Tab reaches the first question on the landing view.
  for (let i = 0; i < 10 && (await focused(page)).type !== 'radio'; i++) await press('Tab');
  assert.equal((await focused(page)).type, 'radio', 'Tab reaches the first question');
  let questions = 0;
  for (let step = 0; step < 50; step++) {
    const groups = await page.locator('fieldset[data-question]').count();
    for (let g = 0; g < groups; g++) {
      // A digit chooses that option of the focused question and moves on to the next one.
      const before = await page.evaluate(() => document.activeElement.closest('fieldset')?.dataset.question);
      assert.ok(before, `step ${step} question ${g}: focus is in a question`);
      await press('2');
      assert.ok(await page.locator(`fieldset[data-question="${before}"] input:checked`).count() === 1, `${before} answered`);
      // Where several answers can be picked, a digit picks without moving on; Enter says done.
      if (await page.locator(`fieldset[data-question="${before}"] input[type=checkbox]`).count()) {
        assert.equal(await page.evaluate(() => document.activeElement.closest('fieldset')?.dataset.question), before, 'a pick stays');
        await press('Enter');
      }
      questions += 1;
    }
    // After the step's last question, focus is on its main button.
    const main = await focused(page);
    assert.equal(main.id, 'step-primary', `step ${step}: focus on the main button, not ${JSON.stringify(main)}`);
    await press('Enter');
    if (/results/.test(main.text)) break;
    await page.waitForFunction(() => document.activeElement?.closest('fieldset[data-question]'));
    assert.equal(await page.locator('.missing p').count(), 0, `step ${step} complained: nothing should be missing`);
  }
  await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
  console.log(`${presses} key presses for ${questions} questions (${(presses / questions).toFixed(2)} a question)`);
  assert.ok(presses <= 2.5 * questions, `${presses} presses for ${questions} questions`);

  // Every interactive control of the results is reached by Tab, in order, without a trap.
  const controls = await page.$$eval('section.results button, section.results input, section.results summary, section.results textarea',
    // Content of a closed disclosure is not focusable until it opens; its summary is.
    (els) => els.filter((e) => e.offsetParent !== null && !(e.type === 'radio' && !e.checked && e.name)
      && !(e.tagName !== 'SUMMARY' && e.closest('details') && !e.closest('details').open))
      .map((e) => e.tagName + ':' + (e.textContent || '').trim().slice(0, 30)));
  const seen = new Set();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e.closest('section.results')) return null;
      // Long enough to tell apart controls that start alike ("Change the answer to “How many …”").
      return e.tagName + '#' + e.id + ':' + (e.textContent || '').trim().slice(0, 60) + e.name;
    });
    if (f === null) break;
    seen.add(f);
  }
  assert.ok(seen.size >= controls.length, `reached ${seen.size} of ${controls.length}: ${controls.join(' / ')}`);
  // Space opens a disclosure; Enter on a button works.
  await page.getByText('Show the chart data as a table').focus();
  await page.keyboard.press('Space');
  assert.ok(await page.getByRole('table').isVisible());
  assert.deepEqual(problems, []);
  await close();
});
