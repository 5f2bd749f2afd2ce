// Issue 28: a workshop that ends with a decision. A room of eight (tests/fixtures/workshop-8.txt)
// presents its summary first and at most 12 slides, which replace the address rather than add to
// the browser's history; the room comes first once people are in; removing participants keeps
// the list open, moves focus to the next row and can be undone; the room's agreed answers make
// its own result, kept in History and shared by link; the Markdown export counts answers per
// option; the room, the summary and an area slide at 1280x720, 390x844 and 320x640, axe clean in
// light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openPage, App, axeFindings } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/stagefit/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const NAME = 'Platform offsite';
const SHOTS = process.env.SHOTS; // a folder to keep screenshots in, to look at them

async function roomOfEight(page) {
  await page.goto(server.url);
  const { id } = await new App(page).newWorkshop(NAME);
  await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
  const text = await fs.readFile(new URL('../fixtures/workshop-8.txt', import.meta.url), 'utf8');
  await page.getByTestId('workshop-input').fill(text.replaceAll('&w=bench', `&w=${id}`));
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByTestId('participant-count').getByText('8 participants').waitFor();
  return id;
}

async function audit(page, where) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await axeFindings(page, `${where} (${colorScheme})`), []);
  }
  await page.emulateMedia({ colorScheme: null });
}

// Nothing drawn past the right edge of the window, except inside an element that scrolls.
function cutOff() {
  const out = [];
  for (const el of document.querySelectorAll('main *, .present *')) {
    const r = el.getBoundingClientRect();
    if (!r.width || r.right <= window.innerWidth + 1) continue;
    let scroller = el.parentElement;
    while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
    if (!scroller || scroller === document.documentElement || scroller === document.body) out.push(el.tagName + '.' + el.className?.baseVal ?? el.className);
  }
  return out;
}

const counter = (page) => page.locator('.present-top span[aria-live]');

test('a room of eight: the room first, a summary slide first, at most 12 slides, Back leaves, reload keeps the slide', async () => {
  const { page, problems, close } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 720 } });
  const id = await roomOfEight(page);
  // The room first: its summary at the top, the invitation folded into "Invite more".
  const summary = page.getByTestId('room-summary');
  await summary.waitFor();
  assert.equal(await summary.getByTestId('priority').count(), 3);
  assert.match(await summary.textContent(), /\d+\s*out of 100/);
  const order = await page.evaluate(() => {
    const s = document.querySelector('[data-testid="room-summary"]');
    const invite = document.querySelector('.invite-more');
    return !!(s.compareDocumentPosition(invite) & Node.DOCUMENT_POSITION_FOLLOWING) && !invite.open;
  });
  assert.ok(order, 'the summary comes before the folded invitation');
  assert.ok((await summary.boundingBox()).y < 720, 'the summary is on the first screen');
  await page.getByText('Invite more').click();
  await page.getByRole('button', { name: 'Copy join link' }).waitFor();

  const before = await page.evaluate(() => history.length);
  await page.getByRole('button', { name: 'Present results' }).click();
  await page.getByRole('heading', { name: 'The room at a glance', level: 1 }).waitFor();
  assert.equal(await page.locator('.present [data-testid="room-summary"] [data-testid="priority"]').count(), 3);
  const total = Number((await counter(page).textContent()).match(/of (\d+)/)[1]);
  assert.ok(total <= 12, `${total} slides`);
  await audit(page, 'the summary slide');
  for (let n = 2; n <= total; n++) {
    await page.keyboard.press('ArrowRight');
    await counter(page).getByText(`Slide ${n} of ${total}`, { exact: true }).waitFor();
  }
  assert.match(page.url(), new RegExp(`#/workshop/${id}/present/${total}$`));
  await page.getByRole('heading', { name: 'What the room decided', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => history.length), before + 1, 'the slides add no history entries');
  // Reload keeps the slide.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await counter(page).getByText(`Slide 2 of ${total}`, { exact: true }).waitFor();
  await page.reload();
  await counter(page).getByText(`Slide 2 of ${total}`, { exact: true }).waitFor();
  // Back once leaves the presentation, to the room.
  await page.goBack();
  await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
  assert.match(page.url(), new RegExp(`#/workshop/${id}$`));
  assert.deepEqual(problems, []);
  await close();
});

test('removing participants keeps the list open, moves focus to the next row, and Undo puts them back', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await roomOfEight(page);
  await page.getByRole('button', { name: /^Show participants/ }).click();
  const rows = page.locator('#participant-list > li');
  await rows.first().waitFor();
  const names = await rows.locator('bdi').allTextContents();
  await rows.nth(2).getByRole('button', { name: /^Remove/ }).click();
  await page.getByTestId('participant-count').getByText('7 participants').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Hide participants' }).count(), 1, 'the list stays open');
  await page.waitForFunction(() => document.activeElement?.id === 'participant-remove-2');
  assert.match(await page.evaluate(() => document.activeElement.textContent), new RegExp(names[3].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // Several at once.
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Remove 2 selected' }).click();
  await page.getByTestId('participant-count').getByText('5 participants').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByTestId('participant-count').getByText('7 participants').waitFor();
  assert.deepEqual(await rows.locator('bdi').allTextContents(), names.filter((_, i) => i !== 2));
  assert.deepEqual(problems, []);
  await close();
});

test("the room's agreed answers make its result: kept in History under the workshop's name, its link opens the same verdict", async () => {
  const { page, problems, close } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 720 } });
  await roomOfEight(page);
  await page.getByRole('button', { name: 'Present results' }).click();
  await page.getByRole('heading', { name: 'The room at a glance', level: 1 }).waitFor();
  // The first question to discuss: chosen with the mouse.
  while (!(await page.locator('fieldset[data-agree]').count())) await page.keyboard.press('ArrowRight');
  const first = page.locator('fieldset[data-agree]');
  await first.getByRole('radio').first().check();
  const firstId = await first.getAttribute('data-agree');
  await audit(page, 'a question slide');
  // The next: with the keys (the arrow keys move among the options, not between slides).
  await page.locator('#present-heading').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((id) => document.querySelector('fieldset[data-agree]')?.dataset.agree !== id, firstId);
  const slide = await counter(page).textContent();
  const second = page.locator('fieldset[data-agree]');
  await second.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  const afterKeys = await counter(page).textContent();
  assert.equal(afterKeys, slide, 'the arrow keys in the options stay on the slide');
  assert.equal(await second.getByRole('radio').nth(1).isChecked(), true, 'ArrowDown chose the next option');
  await page.keyboard.press('End');
  await page.getByRole('heading', { name: 'What the room decided', level: 1 }).waitFor();
  assert.equal(await page.locator('.agreed-list li').count(), 2);
  const score = (await page.locator('.decision [data-testid="alignment-score"]').textContent()).trim();
  await page.getByRole('button', { name: "Save the room's result to History" }).click();
  await page.getByText(`Saved in History as “${NAME}”.`).waitFor();
  const link = await page.getByLabel("Link to the room's result").inputValue();
  assert.match(link, /#r=[A-Za-z0-9_-]+$/);
  await page.getByRole('button', { name: "Open the room's result" }).click();
  await page.locator('#results-heading').waitFor();
  assert.equal((await page.getByTestId('alignment-score').textContent()).trim(), score);
  await page.goto(`${server.url}#/history`);
  await page.getByTestId('history-entry').filter({ hasText: NAME }).waitFor();
  // The link opens the same verdict.
  const other = await browser.newContext();
  const shared = await other.newPage();
  await shared.goto(link);
  await shared.getByTestId('alignment-score').waitFor();
  assert.equal((await shared.getByTestId('alignment-score').textContent()).trim(), score);
  await other.close();
  assert.deepEqual(problems, []);
  await close();
});

test('the Markdown export holds the room result, the agreed answers and a table of counts per option', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await roomOfEight(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export summary (Markdown)' }).click(),
  ]);
  const md = await fs.readFile(await download.path(), 'utf8');
  assert.match(md, /\*\*Participants:\*\* 8\n/);
  assert.match(md, /\*\*The room's own result:\*\* /);
  assert.match(md, /## Agreed answers\n/);
  assert.match(md, /\| Answer \| People \|\n\|---\|---:\|\n/);
  assert.doesNotMatch(md, /×/);
  // Nothing that names a participant: the fixture's links carry no names.
  assert.doesNotMatch(md, /Participant \d/);
  assert.deepEqual(problems, []);
  await close();
});

for (const [width, height] of [[1280, 720], [390, 844], [320, 640]]) {
  test(`at ${width}x${height}: the room, the summary and an area slide keep every column readable, axe clean`, async () => {
    const { page, problems, close } = await openPage(browser, server.origin, { viewport: { width, height } });
    await roomOfEight(page);
    await page.getByTestId('room-summary').waitFor();
    assert.deepEqual(await page.evaluate(cutOff), [], 'the room');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/room-${width}.png`, fullPage: true });
    await audit(page, `the room at ${width}`);
    await page.getByRole('button', { name: 'Present results' }).click();
    await page.getByRole('heading', { name: 'The room at a glance', level: 1 }).waitFor();
    assert.deepEqual(await page.evaluate(cutOff), [], 'the summary slide');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/summary-${width}.png` });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('.area-plot').waitFor();
    assert.deepEqual(await page.evaluate(cutOff), [], 'an area slide');
    // Every level column of the plot can be seen, by scrolling inside the chart when narrow.
    const labels = await page.locator('.area-plot .axis-label').allTextContents();
    assert.deepEqual(labels, ['None', 'Minimal', 'Basic', 'Standard', 'Extensive']);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/area-${width}.png` });
    await audit(page, `an area slide at ${width}`);
    assert.deepEqual(problems, []);
    await close();
  });
}

test('"Show for the room" fits 1280x720 whole: the close button shows, the link is not broken inside a word', async () => {
  const { page, problems, close } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await new App(page).newWorkshop(NAME);
  await page.getByRole('button', { name: 'Show for the room' }).click();
  const closeButton = page.getByRole('button', { name: 'Close the room view' });
  await closeButton.waitFor();
  const box = await closeButton.boundingBox();
  assert.ok(box.y + box.height <= 720, `the close button ends at ${box.y + box.height}px`);
  const fits = await page.locator('.presenting').evaluate((e) => e.scrollHeight <= e.clientHeight + 1);
  assert.ok(fits, 'nothing to scroll');
  const link = page.locator('.presenting textarea.join-link');
  assert.ok(await link.evaluate((e) => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight + 1), 'the whole link shows');
  // On one line: a link broken across lines at 1280 px was broken inside a word.
  const oneLine = await link.evaluate((e) => {
    const cs = getComputedStyle(e);
    const line = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.3;
    return e.scrollHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom) < line * 1.5;
  });
  assert.ok(oneLine, 'the link is on one line');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/show-room-1280.png` });
  assert.deepEqual(problems, []);
  await close();
});
