// Accessibility, end to end (issue 4): axe finds no violation on the landing view, every
// questionnaire step (including its "missing answers" state), the results (folded, with every
// disclosure open, and with the share dialog open; issue 14), the shared result, and the "how
// scoring works" page, in light and dark mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, App, appReady, axeFindings, resultDrawn, sharedResultOpened } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function audit(page, where) {
  assert.deepEqual(await axeFindings(page, where), []);
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds nothing on any view (${colorScheme})`, async () => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(server.url);
    const app = new App(page);
    await appReady(page);
    await audit(page, 'landing');
    await page.getByRole('link', { name: 'How scoring works' }).click();
    await page.getByRole('heading', { name: 'How scoring works' }).waitFor();
    await audit(page, 'how scoring works');
    await page.getByRole('button', { name: 'Back' }).click();
    await app.start();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('alert').getByText(/still need/).waitFor();
    await audit(page, 'step 1 with missing answers');
    for (let step = 1; step < 50; step++) {
      await app.answerStep({ company: 'mid', strategy: '2', platform: 'min' });
      await audit(page, `step ${step}`);
      const results = page.getByRole('button', { name: /results/i });
      if (await results.count()) {
        await page.getByRole('button', { name: 'Review answers' }).click();
        await page.getByRole('heading', { name: 'Review your answers' }).waitFor();
        await audit(page, 'review');
        await page.getByRole('button', { name: 'See results' }).click();
        break;
      }
      await page.getByRole('button', { name: 'Next', exact: true }).click();
    }
    await resultDrawn(page);
    await audit(page, 'results');
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    await audit(page, 'results with every disclosure open');
    await page.getByRole('button', { name: 'Share link' }).click();
    await page.getByRole('dialog', { name: 'Share this result' }).waitFor();
    await audit(page, 'results with the share dialog open');
    await page.keyboard.press('Escape');
    await context.close();
  });
}

test('axe finds nothing on history, compare, workshop, shared-result and bad-link views', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  const app = new App(page);
  for (const platform of ['min', 'max']) {
    await page.getByRole('navigation').getByRole('link', { name: 'Assessment' }).click();
    await new App(page).start();
    await app.answerAll({ company: 'mid', strategy: '1', platform });
  }
  const link = await page.getByTestId('share-link').inputValue();
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { name: 'History' }).waitFor();
  await audit(page, 'history');
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  await page.getByRole('heading', { name: 'Compare two assessments' }).waitFor();
  await audit(page, 'compare');
  await page.getByRole('navigation').getByRole('link', { name: 'Workshop' }).click();
  await page.getByRole('heading', { name: 'Workshop', level: 1 }).waitFor();
  await audit(page, 'workshops');
  const cold = await browser.newContext();
  const viewer = await cold.newPage();
  await viewer.goto(link);
  await sharedResultOpened(viewer);
  await audit(viewer, 'shared result');
  await viewer.goto(server.url + '#r=broken');
  await viewer.reload();
  await viewer.getByRole('heading', { name: 'This link could not be opened' }).waitFor();
  await audit(viewer, 'bad link');
  await cold.close();
  await context.close();
});

// Issue 26: the latest-result card, a changed result with its versions, the planner open, and
// History's version list, in light and dark mode.
for (const colorScheme of ['light', 'dark']) {
  test(`axe finds nothing after the verdict: latest result, versions, planner (${colorScheme})`, async () => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(server.url);
    const app = new App(page);
    await app.start();
    await app.answerAll({ company: 'mid', strategy: 'unknown', platform: 'min' });
    const area = page.locator('[data-finding="under"]').first();
    await area.getByRole('button', { name: /^Change/ }).click();
    await page.waitForFunction(() => document.activeElement?.closest('fieldset[data-question]'));
    const focused = await page.evaluate(() => document.activeElement?.closest('fieldset')?.getAttribute('data-question'));
    const options = page.locator(`fieldset[data-question="${focused}"] input[type=radio]:not([value="unknown"])`);
    await options.nth((await options.count()) - 1).click();
    await page.getByRole('button', { name: 'See results' }).first().click();
    await page.locator('[data-testid="score-change"]').waitFor();
    await audit(page, 'results with a change against the version before');
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    await page.locator('[data-testid="projected-score"]').waitFor();
    await page.locator('.plan-area select').first().selectOption({ index: 3 });
    await page.getByLabel('Plan name').fill('Plan A');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText('Plan saved with this assessment.').waitFor();
    await audit(page, 'results with the planner open and a saved plan');
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await page.locator('[data-testid="version-count"]').click();
    await audit(page, 'history with the version list open');
    await page.getByRole('navigation').getByRole('link', { name: 'Assessment' }).click();
    await page.locator('[data-testid="latest-result"]').waitFor();
    await audit(page, 'landing with the latest result');
    await context.close();
  });
}

// Issue 31, on a phone with a share sheet: the compact header, Compare as cards, the workshop's
// and the participant's share buttons, in light and dark mode.
for (const colorScheme of ['light', 'dark']) {
  test(`axe finds nothing on a phone: compact header, compare cards, share buttons (${colorScheme})`, async () => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await context.addInitScript(() => { Navigator.prototype.share = () => Promise.resolve(); });
    const page = await context.newPage();
    await page.goto(server.url);
    const app = new App(page);
    await appReady(page);
    await audit(page, 'landing at 390 px');
    for (const platform of ['min', 'max']) {
      await page.getByRole('navigation').getByRole('link', { name: 'Assessment' }).click();
      await new App(page).start();
      await app.answerAll({ company: 'mid', strategy: '1', platform });
    }
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'Compare selected' }).click();
    await page.getByRole('heading', { name: 'Compare two assessments' }).waitFor();
    await audit(page, 'compare as cards at 390 px');
    const { join } = await app.newWorkshop('Phone day');
    await page.getByRole('button', { name: 'Share join link' }).waitFor();
    await audit(page, 'workshop with its share button at 390 px');
    await page.goto(join);
    await app.start();
    await app.answerAll({});
    await page.getByRole('button', { name: 'Share link', exact: true }).waitFor();
    await audit(page, 'participant with the share button at 390 px');
    await context.close();
  });
}
