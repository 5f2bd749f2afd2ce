// A keyboard-only journey (issue 4): Tab, Space, arrows and Enter complete the questionnaire;
// focus follows the flow (step heading after Next, results heading after "See results"); every
// results control is reachable with Tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { tag: e.tagName, id: e.id, type: e.type || '', text: (e.textContent || '').trim().slice(0, 40), name: e.name || '' };
});

test('the questionnaire can be completed and the results explored with the keyboard alone', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await page.getByRole('button', { name: /start/i }).waitFor();
  // Past the navigation (Assessment, History) to the Start button.
  for (let i = 0; i < 5 && !/Start/.test((await focused(page)).text); i++) await page.keyboard.press('Tab');
  assert.match((await focused(page)).text, /Start/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'step-heading');

  for (let step = 0; step < 50; step++) {
    const groups = await page.locator('fieldset[data-question]').count();
    for (let g = 0; g < groups; g++) {
      // Tab into the radio group, arrow once to a real answer (arrows check as they move).
      await page.keyboard.press('Tab');
      const f = await focused(page);
      assert.equal(f.type, 'radio', `step ${step} group ${g}: focus on ${JSON.stringify(f)}`);
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Tab'); // Back
    assert.equal((await focused(page)).text, 'Back');
    await page.keyboard.press('Tab'); // Next or See results
    const next = await focused(page);
    await page.keyboard.press('Enter');
    if (/results/.test(next.text)) break;
    await page.waitForFunction(() => document.activeElement?.id === 'step-heading');
    assert.equal(await page.locator('.missing p').count(), 0, `step ${step} complained: nothing should be missing`);
  }
  await page.waitForFunction(() => document.activeElement?.id === 'results-heading');

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
