// Issue 30, point 10: a link that cannot be opened says truly why: damaged (characters changed)
// versus cut short versus made by a newer version; and a share link or invitation mangled on its
// way (#r%3D…, #R=…, #/r=…, #?r=…, #JOIN=…) is read as what it was, never the start page as if
// nothing had been asked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openPage, appReady, newerLink, resultDrawn, sharedResultOpened } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/stagefit/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// The format-2 fixture links (tests/fixtures/links-format2.txt): label -> payload.
async function fixtures() {
  const text = await fs.readFile(new URL('../fixtures/links-format2.txt', import.meta.url), 'utf8');
  return Object.fromEntries(text.split('\n').filter((l) => l && !l.startsWith('#'))
    .map((l) => [l.slice(l.indexOf(':') + 1, l.lastIndexOf(' ')), l.slice(l.lastIndexOf(' ') + 1)]));
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// Where a bank-2 link's label length starts, in bits: the header (12), the answers of bank 2's
// layout (83 bits, core/src/link_layouts.txt) and the stage (2).
const LABEL_LENGTH_AT = 12 + 83 + 2;

// Opens `fragment` in the page already started (a fragment change, as a link pasted into the
// address bar is) and returns what the view says: the bad-link view's text, or 'opened'.
async function whatItSays(page, fragment) {
  // Through another view first, so what is read is what this link said.
  await page.evaluate(() => { location.hash = '#/how'; });
  await page.locator('#how-heading').waitFor();
  await page.evaluate((f) => { location.hash = f; }, fragment);
  await page.locator('.bad-link, [data-testid="alignment-score"]').first().waitFor();
  return (await page.locator('.bad-link').count()) ? page.locator('.bad-link').textContent() : 'opened';
}

// The CRC-8/SMBUS every link format ends in.
function crc8(bytes) {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

test('a link with a character changed in its label length says it is damaged, not cut short', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  const link = (await fixtures())['Platform team, Q4'];
  // The characters that hold the label's length (9 bits), each changed to every other character.
  // A change there can make the link seem to need more than it holds, which was called "cut
  // short" (core/src/link/tests.rs counts those cases).
  let tried = 0;
  for (let at = Math.floor(LABEL_LENGTH_AT / 6); at <= Math.floor((LABEL_LENGTH_AT + 8) / 6); at++) {
    for (const c of ALPHABET) {
      if (c === link[at]) continue;
      const said = await whatItSays(page, `#r=${link.slice(0, at)}${c}${link.slice(at + 1)}`);
      assert.match(said, /the link is damaged: it has been changed since it was made/, `${at} -> ${c}: ${said}`);
      tried++;
    }
  }
  assert.equal(tried, 2 * 63);
  // Cut short, it still says so.
  assert.match(await whatItSays(page, `#r=${link.slice(0, -5)}`), /cut short/);
  assert.deepEqual(problems, []);
  await close();
});

test('noise that ends in a matching CRC-8 is damaged, not made by a newer version', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await appReady(page);
  // A "format 3" header, some bytes, and the CRC-8 of them: one in 256 damaged links is like this.
  for (const body of [[0x30, 0x00, 0x00], [0x3a, 0x17, 0x42, 0x99, 0x01], [0xf0, 0x0f, 0xaa]]) {
    const noise = Buffer.from([...body, crc8(body)]).toString('base64url');
    const said = await whatItSays(page, `#r=${noise}`);
    assert.match(said, /damaged/, noise);
    assert.doesNotMatch(said, /newer version/, noise);
  }
  // A whole link of a newer format still says so.
  assert.match(await whatItSays(page, `#r=${newerLink()}`), /made by a newer version of Stagefit/);
  assert.deepEqual(problems, []);
  await close();
});

test('a share link mangled on its way (#r%3D, #R=, #/r=, #?r=) opens its result', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  const link = (await fixtures())['Platform team, Q4'];
  for (const mangled of [`r%3D${link}`, `R=${link}`, `/r=${link}`, `?r=${link}`, `r%3D${link}%26w%3Doffsite`]) {
    // Opened cold, as a link from a chat app is.
    await page.goto(`${server.url}#${mangled}`);
    await sharedResultOpened(page);
    await resultDrawn(page);
  }
  assert.deepEqual(problems, []);
  await close();
});

test('a damaged share link in a mangled form says it could not be read and offers to start', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  for (const mangled of ['R=not-a-link', '/r=ICTlLcwpxlOUpylJAAB', '?r=%3Cb%3E', 'r%3D']) {
    await page.goto(`${server.url}#${mangled}`);
    await page.getByRole('heading', { name: 'This link could not be opened' }).waitFor();
    assert.match(await page.locator('.bad-link').textContent(), /could not read the result in this link/);
    await page.getByRole('button', { name: 'Start my own assessment' }).click();
    await page.locator('fieldset[data-question]').first().waitFor();
  }
  assert.deepEqual(problems, []);
  await close();
});

test('a workshop invitation mangled on its way joins the workshop, or says it is damaged', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  for (const mangled of ['JOIN=offsite.Platform%20day', '/join=offsite.Platform%20day', 'join%3Doffsite.Platform%2520day']) {
    await page.goto(`${server.url}#${mangled}`);
    await page.getByRole('heading', { name: /You are joining “Platform day”/ }).waitFor();
  }
  await page.goto(`${server.url}#?JOIN=offsite`);
  await appReady(page);
  await page.getByText(/workshop invitation is incomplete or damaged/).waitFor();
  assert.deepEqual(problems, []);
  await close();
});
