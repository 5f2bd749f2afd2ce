// Issue 15, over time: Compare shows, for the score and each area, the change with its direction
// (better, worse, moved within the band) and both radars drawn over each other in one chart;
// History shows a score trend line once two or more assessments have a score, with a table
// alternative. axe finds nothing on compare or on the history with its trend.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App, axeFindings } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function audit(page, where) {
  // In both colour schemes: the dark one has its own colours to get right.
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await axeFindings(page, `${where} (${colorScheme})`), []);
  }
  await page.emulateMedia({ colorScheme: null });
}

async function assessment(page, how, label) {
  await page.getByRole('navigation').getByRole('link', { name: 'Assessment' }).click();
  const app = new App(page);
  await app.start();
  await app.answerAll(how);
  await page.getByLabel('Name this result (optional)').fill(label);
  return app.results();
}

test('history shows a score trend once there are two assessments, with a table; compare shows directions and one radar', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const first = await assessment(page, { company: 'min', platform: 'max' }, 'Before');
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.locator('.history-item').first().waitFor();
  assert.equal(await page.getByRole('img', { name: 'Stage fit over time' }).count(), 0, 'no trend from one assessment');

  const second = await assessment(page, { company: 'min', platform: 'min' }, 'After');
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  const trend = page.getByRole('img', { name: 'Stage fit over time' });
  await trend.waitFor();
  assert.equal(await trend.locator('circle.dot').count(), 2);
  assert.match(await trend.locator('.trend-line').getAttribute('d'), /^M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$/);
  const [a, b] = [first.score, second.score].map((s) => Number(s.match(/\d+/)[0]));
  assert.match(await page.locator('.trend-summary').textContent(), new RegExp(`from ${a} on .* to ${b} on `));
  await page.getByText('Show the trend as a table').click();
  // The table's rows are drawn when it is opened.
  await page.locator('.trend-chart + .chart-data tbody tr').nth(1).waitFor();
  const cells = await page.locator('.trend-chart + .chart-data tbody tr').allTextContents();
  assert.equal(cells.length, 2);
  // Both of one day: told apart by their time of day (issue 31).
  assert.match(cells[0], new RegExp(`^[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d\\d\\s[AP]M${a} out of 100$`));
  assert.match(cells[1], new RegExp(`^[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d\\d\\s[AP]M${b} out of 100$`));
  await audit(page, 'history with a trend');

  // Compare: the score's change and its direction, every area with a direction, one radar.
  await page.getByLabel(/Select for comparison: Before/).check();
  await page.getByLabel(/Select for comparison: After/).check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  await page.getByRole('heading', { name: 'Compare two assessments' }).waitFor();
  const score = await page.locator('tbody tr', { hasText: 'Stage fit' }).textContent();
  const word = b > a ? 'better' : b < a ? 'worse' : 'unchanged';
  assert.match(score, new RegExp(word));
  if (b !== a) assert.match(score, new RegExp(`[+−]${Math.abs(b - a)} points`));
  const areas = page.locator('tbody tr').filter({ hasNot: page.getByText(/^(Stage fit|Company stage)$/) });
  assert.ok(await areas.count() >= 10);
  for (const row of await areas.allTextContents()) {
    assert.match(row, /better|worse|moved within the band|unchanged|not comparable/, row);
  }
  // Fewer levels everywhere: at least one area came closer to an early company's band.
  assert.ok(await page.locator('tbody tr.direction-better').count() >= 1);
  const radar = page.getByRole('img', { name: /Both assessments on one radar/ });
  assert.equal(await radar.count(), 1);
  assert.equal(await radar.locator('polygon.level').count(), 2, 'both assessments in one chart');
  assert.equal(await radar.locator('polygon.level-before').count(), 1);
  // The legend names both and, as they are of one day, gives their time of day (issue 31).
  assert.match(await page.locator('.compare-chart .legend').textContent(), /Before · [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M \(older\).*After · .*\d{1,2}:\d\d\s[AP]M \(newer\)/s);
  await audit(page, 'compare');
  assert.deepEqual(problems, []);
  await close();
});
