// Share links (issue 6): the result travels in the URL fragment only, opens the same anywhere
// (read-only, headed "Shared result" with its label, with "Start my own assessment" and "Save to
// my history"; issue 14), old links keep working, and bad or hostile links give a clear message
// and a way on, never a crash or running script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openPage, App, appReady, newerLink, sharedResultOpened } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/stagefit/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function ownResult(page, label = '') {
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerAll({ company: 'max', strategy: '3', platform: 'min' });
  if (label) await page.getByLabel('Name this result (optional)').fill(label);
  return { app, result: await app.results(), link: await page.getByTestId('share-link').inputValue() };
}

test('a share link opens the same result read-only in an empty browser', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  const { result, link } = await ownResult(page, 'Platform team');
  const url = new URL(link);
  assert.equal(url.pathname, '/stagefit/');
  assert.equal(url.search, '');
  assert.match(url.hash, /^#r=[A-Za-z0-9_-]+$/);
  assert.ok(url.hash.length < 80, `link fragment is ${url.hash.length} characters`);
  await page.getByRole('button', { name: 'Share link' }).click();
  assert.equal(await page.getByRole('img', { name: /QR code of the share link/ }).count(), 1);
  await page.keyboard.press('Escape');

  const cold = await openPage(browser, server.origin);
  const requests = [];
  cold.page.on('request', (r) => requests.push(r.url()));
  await cold.page.goto(link);
  await sharedResultOpened(cold.page);
  assert.ok(requests.every((r) => !r.includes('#') && !r.includes(url.hash.slice(3))), 'the payload never reaches a server');
  const shared = await new App(cold.page).results();
  assert.deepEqual(shared, result);
  assert.equal(await cold.page.getByRole('heading', { level: 1 }).textContent(), 'Shared result: “Platform team”');
  assert.match(await cold.page.locator('.shared-intro').textContent(), /^Stagefit is a questionnaire of about \d+ minutes/);
  assert.equal(await cold.page.getByRole('button', { name: 'Change answers' }).isVisible(), false);
  assert.equal(await cold.page.getByText('Know better? Choose the stage yourself').isVisible(), false);
  // Nothing is stored until asked.
  assert.equal(await cold.page.evaluate(() => localStorage.getItem('stagefit.history')), null);
  await cold.page.getByRole('button', { name: 'Save to my history' }).click();
  await cold.page.getByRole('link', { name: 'History' }).click();
  await cold.page.getByText('Platform team').waitFor();
  assert.doesNotMatch(new URL(cold.page.url()).hash, /^#r=/, 'a reload no longer reopens the shared result');
  assert.deepEqual(cold.problems, []);
  await cold.close();
  assert.deepEqual(problems, []);
  await close();
});

test('"Start my own assessment" leaves the shared result and starts fresh', async () => {
  const { page, close } = await openPage(browser, server.origin);
  const { link } = await ownResult(page);
  const cold = await openPage(browser, server.origin);
  await cold.page.goto(link);
  await cold.page.getByRole('button', { name: 'Start my own assessment' }).click();
  await cold.page.getByText(/^Step 1 of \d+$/).waitFor();
  assert.equal(await cold.page.locator('fieldset[data-question] input:checked').count(), 0);
  assert.doesNotMatch(new URL(cold.page.url()).hash, /^#r=/, 'a reload no longer reopens the shared result');
  await cold.page.reload();
  await appReady(cold.page);
  await cold.close();
  await close();
});

test('a hostile label travels as plain text and runs nothing', async () => {
  const { page, close } = await openPage(browser, server.origin);
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> javascript:alert(1)';
  const { link } = await ownResult(page, hostile);
  const cold = await openPage(browser, server.origin);
  cold.page.on('dialog', (d) => { cold.problems.push('dialog'); d.dismiss(); });
  await cold.page.goto(link);
  await sharedResultOpened(cold.page);
  assert.ok((await cold.page.locator('#results-heading').textContent()).includes(hostile.slice(0, 80).trim()));
  assert.equal(await cold.page.evaluate(() => window.__pwned), undefined);
  assert.equal(await cold.page.locator('#results-heading img').count(), 0);
  assert.deepEqual(cold.problems, []);
  await cold.close();
  await close();
});

// Every released link form still opens: bank version 1 (link format 1), bank version 2, link
// format 2 with its 16-bit check (issue 18), and bank version 3 (issue 29), whose lines also say
// the stage the card of the build that made them showed ('answered:inferred:shown:label payload').
for (const file of ['links-v1.txt', 'links-v2.txt', 'links-format2.txt', 'links-v3.txt']) {
  test(`the released links in ${file} open`, async () => {
    const fixtures = (await fs.readFile(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'))
      .split('\n').filter((l) => l && !l.startsWith('#'));
    for (const line of fixtures) {
      const payload = line.slice(line.lastIndexOf(' ') + 1);
      const { page, problems, close } = await openPage(browser, server.origin);
      await page.goto(`${server.url}#r=${payload}`);
      await sharedResultOpened(page);
      await page.locator('[data-testid="stage"]').waitFor();
      const stage = file === 'links-v3.txt' ? line.split(':')[2] : '-';
      if (stage !== '-') {
        const shown = await page.locator('[data-testid="stage"]').first().textContent();
        assert.match(shown, new RegExp(stage, 'i'), line);
      }
      assert.deepEqual(problems, []);
      await close();
    }
  });
}

const BAD = [
  ['truncated', (good) => good.slice(0, good.length - 9), /cut short/],
  ['altered', (good) => good.slice(0, -3) + (good.at(-3) === 'A' ? 'B' : 'A') + good.slice(-2), /changed since it was made/],
  // Issue 18: one character slipped in (a chat app, a stray key) is damage, not a cut.
  ['character-inserted', (good) => `${good.slice(0, 10)}x${good.slice(10)}`, /damaged/],
  ['random', () => 'Zm9vYmFyYmF6cXV4', /changed since it was made/],
  ['empty', () => '', /holds no result/],
  ['far too long', () => 'A'.repeat(5000), /far longer/],
  ['newer', newerLink, /newer version of Stagefit/],
  ['foreign characters', () => '%3Cscript%3Ealert(1)%3C/script%3E', /characters a Stagefit link never has/],
  ['control characters', () => '%00%01%1B', /characters a Stagefit link never has/],
];

for (const [name, make, reason] of BAD) {
  test(`a ${name} link gives a clear message and a way to start fresh`, async () => {
    const { page, problems, close } = await openPage(browser, server.origin);
    const { link } = await ownResult(page);
    const good = new URL(link).hash.slice(3);
    const cold = await openPage(browser, server.origin);
    cold.page.on('dialog', (d) => { cold.problems.push('dialog'); d.dismiss(); });
    await cold.page.goto(`${server.url}#r=${make(good)}`);
    await cold.page.getByRole('heading', { name: 'This link could not be opened' }).waitFor();
    assert.match(await cold.page.locator('.bad-link').textContent(), reason);
    await cold.page.getByRole('button', { name: 'Start my own assessment' }).click();
    await cold.page.locator('fieldset[data-question]').first().waitFor();
    assert.deepEqual(cold.problems, []);
    await cold.close();
    assert.deepEqual(problems, []);
    await close();
  });
}

test('"Copy link" copies the link, or selects it when the clipboard is refused', async () => {
  const allowed = await browser.newContext();
  await allowed.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await allowed.newPage();
  const { link } = await ownResult(page);
  await page.getByRole('button', { name: 'Share link' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await allowed.close();

  const refused = await browser.newContext();
  await refused.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  const other = await refused.newPage();
  await ownResult(other);
  await other.getByRole('button', { name: 'Share link' }).click();
  await other.getByRole('button', { name: 'Copy link' }).click();
  await other.getByText(/did not allow copying: the link is selected/).waitFor();
  await other.waitForFunction(() => document.activeElement?.id === 'share-link'
    && document.activeElement.selectionEnd - document.activeElement.selectionStart > 20);
  await refused.close();
});
