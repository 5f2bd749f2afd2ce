// Issue 15, the facilitator and the participant: a join link that can be copied and names the
// workshop readably; "Present results" for a 1280x720 projector (text at least 24 px, arrow keys,
// an address per slide, Esc leaves; axe finds nothing); the dot plot with its band, level names
// and legend; questions to discuss as stacked bars with counts; a print without empty sections;
// a participant's results with the joining card first and one link box. Issue 18: a workshop's
// participant count agrees between the list of workshops and the workshop's view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openPage, App, axeFindings } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/stagefit/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const NAME = 'Platform offsite, Nov 2026';

async function createWorkshop(page, name = NAME) {
  await page.goto(server.url);
  const created = await new App(page).newWorkshop(name);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  return created;
}

async function addRoom(page, id, file = 'workshop-300.txt', count = 300) {
  const text = await fs.readFile(new URL(`../fixtures/${file}`, import.meta.url), 'utf8');
  await page.getByTestId('workshop-input').fill(text.replaceAll('&w=bench', `&w=${id}`));
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByTestId('participant-count').getByText(`${count} participants`).waitFor();
}

async function audit(page, where) {
  // In both colour schemes: the dark one has its own colours to get right.
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await axeFindings(page, `${where} (${colorScheme})`), []);
  }
  await page.emulateMedia({ colorScheme: null });
}

// The smallest text drawn in the presentation, in CSS pixels: HTML text by its computed size,
// SVG text by its size in user units times the drawing's scale.
function smallestText() {
  let smallest = Infinity;
  const root = document.querySelector('.present');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('title, desc, .visually-hidden')) continue;
    if (!el.getClientRects().length) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest('svg');
    if (svg) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    smallest = Math.min(smallest, size);
  }
  return smallest;
}

test('the join link can be copied and names the workshop readably, never cut off', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const { join } = await createWorkshop(page);
  // The link keeps the name encoded for chat apps; the label says it in words.
  assert.match(join, /#join=[A-Za-z0-9_-]+\.Platform%20offsite%2C%20Nov%202026$/);
  await page.getByLabel(`Join link for “${NAME}”`).waitFor();
  const field = page.getByRole('textbox', { name: 'Join link' });
  const fits = await field.evaluate((e) => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight + 1);
  assert.ok(fits, 'the whole join link is visible');
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await field.evaluate((e) => e.scrollHeight <= e.clientHeight + 1), 'the whole join link is visible on a phone');
  await page.getByRole('button', { name: 'Copy join link' }).click();
  await page.getByRole('status').getByText('Join link copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), join);
  assert.deepEqual(problems, []);
  await close();
});

test('Present results: slides with addresses, arrow keys, Esc, text of 24 px or more on a 1280x720 projector, axe clean', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  const { id } = await createWorkshop(page);
  await addRoom(page, id);
  await page.getByRole('button', { name: 'Present results' }).click();

  // Slide 1: the room at a glance, with its stage split (issue 28).
  await page.getByRole('heading', { name: 'The room at a glance', level: 1 }).waitFor();
  assert.match(page.url(), new RegExp(`#/workshop/${id}/present/1$`));
  await page.waitForFunction(() => document.activeElement?.id === 'present-heading', null, { timeout: 5000 });
  assert.match(await page.locator('.present .stacked-legend').textContent(), /of 300 · Growth/);
  assert.ok(await page.evaluate(smallestText) >= 24, `smallest text ${await page.evaluate(smallestText)} px`);
  assert.equal(await page.getByRole('navigation').count(), 0, 'the header steps aside');
  const { scrollHeight } = await page.evaluate(() => ({ scrollHeight: document.querySelector('.present').scrollHeight }));
  assert.ok(scrollHeight <= 720, `slide 1 is ${scrollHeight}px tall`);
  await audit(page, 'slide 1');

  // Then each area, most disagreement first, with the band and everyone ahead, within or behind.
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/\/present\/2$/);
  const area = (await page.locator('#present-heading').textContent()).trim();
  assert.ok(area.length > 0 && area !== 'The room at a glance', area);
  assert.match(await page.locator('.present .slide-lead').textContent(), /^\d+ ahead, \d+ within, \d+ behind the (Early|Growth|Mature) band \(\w+ to \w+\)\.$/);
  assert.equal(await page.locator('.area-plot rect.band').count(), 1);
  assert.deepEqual(await page.locator('.area-plot .lane-label').allTextContents().then((t) => t.map((x) => x.replace(/\d+$/, '').trim())),
    ['▲ ahead', '✓ within', '▼ behind']);
  assert.deepEqual(await page.locator('.area-plot .axis-label').allTextContents(), ['None', 'Minimal', 'Basic', 'Standard', 'Extensive']);
  assert.ok(await page.evaluate(smallestText) >= 24, `smallest text ${await page.evaluate(smallestText)} px`);
  await page.waitForFunction(() => document.activeElement?.id === 'present-heading', null, { timeout: 5000 });
  await audit(page, 'an area slide');

  // Each slide has an address: a reload shows it (issue 28: Back leaves the presentation, in
  // workshop-decision.test.mjs).
  await page.reload();
  await page.getByRole('heading', { name: area, level: 1 }).waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('heading', { name: 'The room at a glance', level: 1 }).waitFor();

  // The last slides: the questions to discuss, one a slide, as stacked bars with counts, then
  // what the room decided (issue 28).
  await page.keyboard.press('End');
  await page.getByRole('heading', { name: 'What the room decided', level: 1 }).waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.getByText(/^Question to discuss, (\d) of \1$/).waitFor();
  const bars = page.locator('.present .stacked-legend li');
  assert.ok(await bars.count() >= 2);
  for (const line of await bars.allTextContents()) assert.match(line, /^\d+ of \d+ · \S/);
  assert.ok(await page.evaluate(smallestText) >= 24);
  await audit(page, 'a question slide');
  await page.keyboard.press('End');
  await page.getByRole('heading', { name: 'What the room decided', level: 1 }).waitFor();
  const last = page.url();
  await page.keyboard.press('ArrowRight');
  assert.equal(page.url(), last, 'no slide after the last');

  // Esc leaves, back to the workshop.
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
  assert.match(page.url(), new RegExp(`#/workshop/${id}$`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the dot plot draws the band, names the levels and has a legend; questions show stacked bars with counts', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  const { id } = await createWorkshop(page);
  await addRoom(page, id);
  const plot = page.getByRole('img', { name: /Where each person places the platform/ });
  const rows = await plot.locator('.row-label').count();
  assert.equal(await plot.locator('rect.band').count(), rows + 1, 'a band per area, and one in the legend');
  for (const level of ['None', 'Minimal', 'Basic', 'Standard', 'Extensive']) {
    assert.equal(await plot.locator('.axis-label', { hasText: new RegExp(`^${level}$`) }).count(), 1, level);
  }
  const legend = await plot.locator('.legend').textContent();
  assert.match(legend, /1 person/);
  assert.match(legend, /\d+ people/);
  assert.match(legend, /median/);
  assert.match(legend, /(Early|Growth|Mature) band/);
  // The table alternative names the band too.
  await page.getByText('Show the spread as a table').click();
  assert.match(await page.locator('.room table thead').textContent(), /(Early|Growth|Mature) band/);
  // Questions to discuss: a bar and counts per answer, never a line of "4 × …; 6 × …".
  const prompts = page.locator('.prompts > li');
  assert.ok(await prompts.count() >= 1);
  for (const prompt of await prompts.all()) {
    assert.equal(await prompt.getByRole('img').count(), 1);
    for (const line of await prompt.locator('.stacked-legend li').allTextContents()) assert.match(line, /^\d+ of \d+ · \S/);
    assert.doesNotMatch(await prompt.textContent(), /×/);
  }
  assert.deepEqual(problems, []);
  await close();
});

test('the workshop print leaves out sections with nothing in them', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  const { id } = await createWorkshop(page);
  await page.emulateMedia({ media: 'print' });
  const printed = async () => (await page.locator('main').evaluate((m) => m.innerText)).trim();
  let text = await printed();
  for (const empty of ['Gather results', 'Stages the room sees', 'Questions to discuss', 'No results yet', 'Participants', 'Where the room disagrees most']) {
    assert.ok(!text.includes(empty), `empty workshop prints "${empty}"`);
  }
  // A room that agrees on every answer: nothing to discuss, so no such section.
  await page.emulateMedia({ media: 'screen' });
  const text300 = await fs.readFile(new URL('../fixtures/workshop-300.txt', import.meta.url), 'utf8');
  const one = text300.split('\n')[0].replace('&w=bench', `&w=${id}`);
  await page.getByTestId('workshop-input').fill(one);
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByTestId('participant-count').getByText('1 participant').waitFor();
  await page.emulateMedia({ media: 'print' });
  text = await printed();
  assert.ok(text.includes('Stages the room sees'));
  assert.ok(!text.includes('Questions to discuss'), 'one person has nothing to discuss');
  assert.deepEqual(problems, []);
  await close();
});

// Issue 18: a workshop's participant count agrees between the list of workshops and its view,
// also when one of its stored links can no longer be read.
test('a workshop participant count agrees between the list and the view', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  const { id } = await createWorkshop(page);
  const text300 = await fs.readFile(new URL('../fixtures/workshop-300.txt', import.meta.url), 'utf8');
  await page.getByTestId('workshop-input').fill(text300.split('\n').slice(0, 3).join('\n').replaceAll('&w=bench', `&w=${id}`));
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByTestId('participant-count').getByText('3 participants').waitFor();
  // A stored link damaged by hand (or by a faulty extension).
  await page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem('stagefit.workshops'));
    saved.workshops[0].payloads.push('EBxxxxbroken');
    localStorage.setItem('stagefit.workshops', JSON.stringify(saved));
  });
  await page.reload();
  await page.getByTestId('participant-count').getByText('3 participants').waitFor();
  await page.getByText('1 saved link(s) of this workshop can no longer be read').waitFor();
  await page.getByRole('button', { name: 'All workshops' }).click();
  await page.getByRole('heading', { name: 'Workshop', level: 1 }).waitFor();
  assert.match(await page.locator('.history-item', { hasText: NAME }).textContent(), /· 3 participants/);
  assert.deepEqual(problems, []);
  await close();
});

test("a participant's results show the joining card first and one link box, Copy link for the chat", async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  const { join } = await createWorkshop(page, 'Platform day');
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const p = await phone.newPage();
  await p.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await p.goto(join);
  const app = new App(p);
  await app.start();
  await app.answerAll({ company: 'mid', platform: 'mid' });
  const card = p.getByRole('heading', { name: 'Send your result to “Platform day”' });
  await card.waitFor();
  // First: right after the page heading, before the verdict.
  const order = await p.evaluate(() => {
    const send = document.querySelector('.send');
    const verdict = document.querySelector('.verdict-board');
    return !!(send.compareDocumentPosition(verdict) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(order, 'the joining card comes before the verdict');
  const box = await p.locator('.send').boundingBox();
  assert.ok(box.y < 844, 'on the first screen of a phone');
  // One link box: no share button, no second link.
  assert.equal(await p.getByRole('button', { name: 'Share link' }).count(), 0);
  assert.equal(await p.locator('input[readonly]:visible').count(), 1);
  await p.getByRole('button', { name: 'Copy link for the chat' }).click();
  await p.getByText('Copied. Paste it into the room').waitFor();
  const copied = await p.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await p.getByLabel('Your result link').inputValue());
  assert.match(copied, /#r=[A-Za-z0-9_-]+&w=/);
  await phone.close();
  assert.deepEqual(problems, []);
  await close();
});
