// Workshop mode (issue 7): a facilitator creates a workshop and invites the room with a join
// link and a large QR code; participants answer on a phone and send their result link; the
// facilitator pastes the chat and sees the room, with bad input counted, never a crash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openPage, App, newerLink, axeFindings } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/stagefit/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function createWorkshop(page, name = 'Platform day') {
  await page.goto(server.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Workshop' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Scope (optional)').fill('All platform teams');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  return page.getByRole('textbox', { name: 'Join link' }).inputValue();
}

async function participate(joinLink, how, name) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(joinLink);
  await page.getByRole('heading', { name: /You are joining “Platform day”/ }).waitFor();
  const app = new App(page);
  await app.start();
  await app.answerAll(how);
  await page.getByRole('heading', { name: 'Send your result to “Platform day”' }).waitFor();
  if (name) await page.getByLabel(/Your name or role/).fill(name);
  await page.getByRole('button', { name: 'Copy link for the chat' }).click();
  const link = await page.getByLabel('Your result link').inputValue();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await context.close();
  return { link, width };
}

test('a room joins, answers on phones, and the facilitator sees where it disagrees', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  const join = await createWorkshop(page);
  assert.match(join, /\/stagefit\/#join=[A-Za-z0-9_-]+\.Platform%20day$/);
  const id = join.match(/#join=([^.]+)\./)[1];

  const ana = await participate(join, { company: 'min', strategy: '0', platform: 'max' }, 'Ana, platform lead');
  const bo = await participate(join, { company: 'max', strategy: '4', platform: 'min' }, '');
  const cy = await participate(join, { company: 'mid', strategy: 'unknown', platform: 'mid' }, 'Cy');
  for (const p of [ana, bo, cy]) {
    assert.match(p.link, new RegExp(`#r=[A-Za-z0-9_-]+&w=${id}$`));
    assert.ok(p.width <= 390, `phone page is ${p.width}px wide`);
  }
  const transcript = [
    `[10:01] Ana: ${ana.link}`,
    `[10:02] Bo: ${bo.link} (sorry, here it is)`,
    `[10:02] Bo: ${bo.link}`,
    `[10:03] Cy: ${cy.link}`,
    `[10:04] Di: ${server.url}#r=EBxxxxbroken`,
    `[10:05] Ed: ${ana.link.replace(`&w=${id}`, '&w=someoneelse')}`,
    '[10:06] Fay: slides at https://example.com/deck',
  ].join('\n');
  await page.getByTestId('workshop-input').fill(transcript);
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByText('3 added, 1 duplicate skipped, 1 unreadable, 1 from another workshop, not added; 1 other link(s) ignored.').waitFor();
  assert.match(await page.getByTestId('participant-count').textContent(), /^3 participants$/);

  // Pasting again adds nothing; text without links says so.
  await page.getByTestId('workshop-input').fill(transcript);
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByText(/^0 added, 4 duplicate skipped/).waitFor();
  await page.getByTestId('workshop-input').fill('good morning everyone');
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByText('No Stagefit result links found in that text.').waitFor();

  // The room: stages, spread chart with a table, disagreement, group result, prompts.
  assert.match(await page.locator('.stage-counts').textContent(), /Early: 1.*Growth: 1.*Mature: 1/);
  assert.equal(await page.getByRole('img', { name: /Where each person places the platform/ }).count(), 1);
  await page.getByText('Show the spread as a table').click();
  assert.equal(await page.locator('.room table tbody tr').count(), await page.locator('.spread .row-label').count());
  assert.ok(await page.locator('.prompts li').count() >= 1);
  await page.getByRole('button', { name: /^Show participants/ }).click();
  await page.getByText(/Ana, platform lead: Early stage/).waitFor();
  assert.deepEqual(await axeFindings(page, 'workshop with a room'), []);

  // Remove one; the workshop is kept across a reload.
  await page.getByRole('button', { name: 'Remove Cy' }).click();
  assert.match(await page.getByTestId('participant-count').textContent(), /^2 participants$/);
  await page.reload();
  await page.getByRole('navigation').getByRole('link', { name: 'Workshop' }).click();
  await page.getByRole('link', { name: 'Open Platform day' }).click();
  assert.match(await page.getByTestId('participant-count').textContent(), /^2 participants$/);

  // A participant's exported JSON file adds them too.
  const history = JSON.stringify({ format: 'stagefit-history', version: 1, assessments: [
    { format: 'stagefit-snapshot', version: 1, bank: 1, id: 'x-1', label: 'Dee', created: 1, updated: 1, answers: { 'company.engineers': 1, 'platform.delivery': 3 } },
  ] });
  await page.locator('input[type=file]').setInputFiles({ name: 'dee.json', mimeType: 'application/json', buffer: Buffer.from(history) });
  await page.getByText('1 added.').waitFor();
  assert.match(await page.getByTestId('participant-count').textContent(), /^3 participants$/);

  // Exports.
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export summary (Markdown)' }).click()]);
  const summary = await fs.readFile(await md.path(), 'utf8');
  assert.match(summary, /^# Stagefit workshop: Platform day/);
  assert.match(summary, /\*\*Participants:\*\* 3/);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workshop (JSON)' }).click()]);
  assert.equal(JSON.parse(await fs.readFile(await json.path(), 'utf8')).workshops[0].payloads.length, 3);
  assert.deepEqual(problems, []);
  await close();
});

test('the presenter view is readable from the back of the room on a 1280x720 projector', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await createWorkshop(page, 'Platform day');
  await page.getByRole('button', { name: 'Show for the room' }).click();
  const qr = await page.getByRole('img', { name: 'QR code of the join link' }).boundingBox();
  assert.ok(qr.height >= 400 && qr.y + qr.height <= 720, `QR ${JSON.stringify(qr)}`);
  const size = await page.locator('.presenter-name').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 36, `workshop name at ${size}px`);
  await page.getByRole('button', { name: 'Close the room view' }).click();
  await context.close();
});

test('300 participants pasted at once are gathered and shown quickly', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await createWorkshop(page);
  const id = (await page.getByRole('textbox', { name: 'Join link' }).inputValue()).match(/#join=([^.]+)\./)[1];
  const text = (await fs.readFile(new URL('../fixtures/workshop-300.txt', import.meta.url), 'utf8')).replaceAll('&w=bench', `&w=${id}`);
  await page.getByTestId('workshop-input').fill(text);
  const started = Date.now();
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByTestId('participant-count').getByText('300 participants').waitFor();
  const ms = Date.now() - started;
  console.log(`# 300 participants gathered and rendered in ${ms} ms`);
  // The room prints on one or two pages.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  assert.deepEqual(problems, []);
  await close();
});

// Issue 18: a result from a newer Stagefit is named as such, with what to do, not lumped with
// unreadable ones; a workshop name of only invisible characters counts as no name.
test('a newer result pasted into a workshop is named as newer; an invisible name is no name', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Workshop' }).click();
  await page.getByLabel('Name', { exact: true }).fill('\u200b\u2060\u200b');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByText('Give the workshop a name').waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Platform day');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByRole('heading', { name: 'Platform day', level: 1 }).waitFor();
  const join = await page.getByRole('textbox', { name: 'Join link' }).inputValue();
  const id = join.match(/#join=([^.]+)\./)[1];
  const newer = newerLink();
  await page.getByTestId('workshop-input').fill(`[10:01] Ana: ${server.url}#r=${newer}&w=${id}`);
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByText(/1 made by a newer version of Stagefit, not added \(reload this page to update Stagefit/).waitFor();
  assert.equal((await page.getByTestId('participant-count').textContent()).trim(), '0 participants');
  assert.deepEqual(problems, []);
  await close();
});
