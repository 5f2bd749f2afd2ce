// Issue 30, point 10: "Present results" tells its three empty cases apart, each with its own
// words and a way on (no such workshop; links none of which open; nothing yet), where it said
// "Reading the room's results…" for ever or "Nothing to present yet" for a workshop that does
// not exist; and the address and the tab's title never name a slide that is not there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, appReady } from './support.mjs';
import { fixturePayloads } from './entries.mjs';

let server;
let browser;
before(async () => { server = await serve('/stagefit/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// Opens the app at `fragment` with `workshops` stored, as a facilitator's browser would hold them.
async function openWith(page, workshops, fragment) {
  await page.goto(server.url);
  await appReady(page);
  await page.evaluate((list) => {
    localStorage.setItem('stagefit.workshops', JSON.stringify({ format: 'stagefit-workshops', version: 1, workshops: list }));
  }, workshops);
  // A fresh load at the address, as a facilitator opening it would (the page open now has
  // already read what was stored).
  await page.goto('about:blank');
  await page.goto(`${server.url}${fragment}`);
  await appReady(page);
}

const room = (id, name, payloads) => ({ id, name, note: '', created: 1750000000000, payloads });

test('Present of a workshop that does not exist says so and leads to the workshops', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await openWith(page, [], '#/workshop/gone-1/present/3');
  await page.getByRole('heading', { name: 'No such workshop here' }).waitFor();
  assert.equal(await page.getByText('Nothing to present yet').count(), 0);
  await page.waitForFunction(() => location.hash === '#/workshop/gone-1/present/1');
  await page.getByRole('button', { name: 'All workshops' }).click();
  await page.getByRole('heading', { name: 'Workshop', level: 1 }).waitFor();
  assert.deepEqual(problems, []);
  await close();
});

test('Present of a workshop none of whose links open says so, whatever its size, and leads back to it', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  // Two damaged links; and a room of 300, read in steps (issue 18), none of which opens.
  const dead = room('dead-2', 'Two dead links', ['ICTlLcwpxlOUpXlJAABP3aA', 'not-a-link']);
  const large = room('dead-300', 'Three hundred dead links', Array.from({ length: 300 }, (_, i) => `d${String(i).padStart(3, '0')}xxxx`));
  for (const [w, count] of [[dead, 2], [large, 300]]) {
    await openWith(page, [dead, large], `#/workshop/${w.id}/present/1`);
    await page.getByRole('heading', { name: "None of this workshop's results can be read" }).waitFor({ timeout: 15000 });
    assert.equal(await page.getByText("Reading the room's results").count(), 0);
    await page.getByText(`The ${count} links saved in this workshop are damaged or were made by a newer version of Stagefit`).waitFor();
    await page.getByRole('button', { name: 'Go to the workshop to add results' }).click();
    await page.getByRole('heading', { name: w.name, level: 1 }).waitFor();
  }
  assert.deepEqual(problems, []);
  await close();
});

test('Present of a workshop with nothing gathered yet says so and leads to the workshop', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await openWith(page, [room('empty-1', 'Not started', [])], '#/workshop/empty-1/present/1');
  await page.getByRole('heading', { name: 'Nothing to present yet' }).waitFor();
  await page.getByRole('button', { name: 'Go to the workshop to add results' }).click();
  await page.getByRole('heading', { name: 'Not started', level: 1 }).waitFor();
  await page.getByTestId('workshop-input').waitFor();
  assert.deepEqual(problems, []);
  await close();
});

test('an address past the last slide shows the last, and the address and the title say so', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  const payloads = await fixturePayloads();
  for (const asked of ['4294967295', '1000']) {
    await openWith(page, [room('room-2', 'Two people', payloads.slice(0, 2))], `#/workshop/room-2/present/${asked}`);
    // Once the room is read, the address is corrected to the last slide, which is shown.
    await page.waitForFunction((a) => /^#\/workshop\/room-2\/present\/\d+$/.test(location.hash)
      && !location.hash.endsWith(`/${a}`), asked);
    const last = (await page.evaluate(() => location.hash)).split('/').pop();
    assert.ok(Number(last) > 1, last);
    await page.locator('.present-top span[aria-live]').getByText(`Slide ${last} of ${last}`, { exact: true }).waitFor();
    await page.waitForFunction((n) => document.title.includes(`slide ${n} `), last);
    assert.doesNotMatch(await page.title(), /4294967/);
  }
  assert.deepEqual(problems, []);
  await close();
});
