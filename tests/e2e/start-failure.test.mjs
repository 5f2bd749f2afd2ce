// When JavaScript runs but the app cannot start (issue 16: nothing may pretend to work): the
// wasm is missing (404) or its connection is cut halfway, and the prerendered page then says
// that Stagefit could not start, hides the controls that do nothing, and offers Reload, which
// works once the network does. Where the wasm is merely slow, no failure is claimed: after a
// while the page says it is taking long, keeps every control, and the app takes over when the
// wasm comes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, axeFindings } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const [what, how] of [['missing (404)', 404], ['cut off halfway', 'cut']]) {
  test(`the wasm ${what}: the page says Stagefit could not start, hides the controls, and Reload works once the network does`, async () => {
    const mend = server.fail(/\.wasm$/, how);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(server.url, { waitUntil: 'domcontentloaded' });
      const questions = page.locator('#prerendered fieldset[data-question]');
      // On this fast a network the failure comes before anyone could answer.
      await questions.first().waitFor({ state: 'attached' });
      const notice = page.getByRole('alert').filter({ hasText: 'Stagefit could not start.' });
      await notice.waitFor({ timeout: 10000 });
      assert.match(await notice.innerText(), /were not saved/, 'it says what happens to the answers');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'start-failed', 'focus is on the notice');
      for (const control of ['#prerendered fieldset[data-question]', '#prerendered nav', '#prerendered button']) {
        for (const el of await page.locator(control).all()) assert.equal(await el.isVisible(), false, `${control} is hidden`);
      }
      assert.deepEqual(await axeFindings(page, `could not start (${how})`), []);
      // The network is back: Reload starts the app.
      mend();
      await page.getByRole('button', { name: 'Reload' }).first().click();
      await page.waitForFunction(() => !document.getElementById('prerendered') && document.querySelector('main fieldset[data-question]'), null, { timeout: 20000 });
      assert.equal(await page.locator('#start-failed').count(), 0, 'the notice is gone once the app runs');
    } finally {
      mend();
      await context.close();
    }
  });
}

test('the wasm merely slow: no failure is claimed, then "taking long" without hiding anything, and the app takes over when it comes', async () => {
  const release = server.hold(/\.wasm$/);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.clock.install();
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    const questions = page.locator('#prerendered fieldset[data-question]');
    await questions.first().waitFor();
    await questions.first().locator('input[type=radio]').nth(1).check();
    await page.clock.fastForward('00:19');
    assert.equal(await page.locator('#start-failed').isVisible(), false, 'no failure while the wasm is on its way');
    assert.equal(await page.locator('#start-slow').isVisible(), false, 'not "taking long" before 20 s');
    await page.clock.fastForward('00:02');
    await page.getByRole('status').filter({ hasText: 'taking long' }).waitFor();
    assert.equal(await page.locator('#start-failed').isVisible(), false, 'slow is not failed');
    assert.equal(await questions.first().isVisible(), true, 'the questions stay');
    assert.deepEqual(await axeFindings(page, 'taking long'), []);
    release();
    await page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 20000 });
    assert.equal(await page.locator('#start-slow').count(), 0, 'the notice is gone once the app runs');
    assert.equal(await page.locator('main fieldset[data-question]').first().locator('input[type=radio]').nth(1).isChecked(), true, 'the answer is kept');
  } finally {
    release();
    await context.close();
  }
});
