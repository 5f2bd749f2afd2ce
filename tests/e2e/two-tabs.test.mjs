// Issue 30, points 1 and 3 to 6: two real tabs over one storage, clocks that move, backups and a
// newer build's data. One test per case, named after it; a race is 30 trials with both tabs acting
// at the same instant (one `Promise.all` of two page scripts), and none may lose anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, appReady } from './support.mjs';
import { entry, historyV1, stored } from './entries.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const TRIALS = 30;
const HOUR = 3_600_000;
const draft = (step, id = 'draft-1', updated) => {
  const snapshot = entry(id, 'unfinished');
  snapshot.answers = {};
  if (updated) snapshot.updated = updated;
  return JSON.stringify({ format: 'stagefit-draft', version: 1, step, snapshot });
};

// One browser profile (one storage) and tabs in it; `problems` collects errors of every tab.
async function profile() {
  const context = await browser.newContext();
  const problems = [];
  const open = async (init) => {
    const page = await context.newPage();
    if (init) await page.addInitScript(init);
    page.on('pageerror', (e) => problems.push(`page error ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error ${m.text()}`); });
    await page.goto(server.url);
    await appReady(page);
    return page;
  };
  return { context, open, problems };
}

const setStorage = (page, values) => page.evaluate((values) => {
  for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v);
}, values);

// Chooses, in question `id`, the option after the one chosen (never "Don't know"); its value.
function choose(id) {
  const radios = [...document.querySelectorAll(`fieldset[data-question="${id}"] input:is([type=radio], [type=checkbox])`)]
    .filter((r) => r.value !== 'unknown');
  const now = radios.findIndex((r) => r.checked);
  const next = radios[(now + 1) % radios.length];
  // Where several can be picked, the one picked is cleared first, so one option is the answer.
  if (next.type === 'checkbox' && now >= 0) radios[now].click();
  next.click();
  return next.value;
}

// Whether `page` shows every answer of `want` (question id to option value) within 5 s.
const shows = (page, want) => page.waitForFunction((want) => Object.entries(want).every(([q, v]) =>
  document.querySelector(`fieldset[data-question="${q}"] input[value="${v}"]`)?.checked), want, { timeout: 5000 })
  .then(() => true, () => false);

const storedDraft = async (page) => JSON.parse((await stored(page))['stagefit.draft'] ?? 'null');
const draftHolds = (d, want) => d && Object.entries(want).every(([q, v]) => String(d.snapshot.answers[q]) === v);

async function resumeIn(page) {
  await page.getByRole('button', { name: 'Resume assessment' }).click();
  await page.locator('fieldset[data-question]').first().waitFor();
}

// Two tabs of one profile, both resuming the same unfinished assessment.
async function twoTabsOnOneDraft() {
  const { context, open, problems } = await profile();
  const a = await open();
  await setStorage(a, { 'stagefit.draft': draft(1) });
  await a.reload();
  await appReady(a);
  const b = await open();
  await resumeIn(a);
  await resumeIn(b);
  return { context, a, b, problems };
}

test('1. a clock that moved back one hour after a draft was saved still saves every later answer', async () => {
  const { context, open, problems } = await profile();
  // The draft was saved while the clock was an hour fast; the clock is right again now.
  const fast = await open(`{ const now = Date.now; Date.now = () => now() + ${HOUR}; }`);
  await setStorage(fast, { "stagefit.draft": draft(0) });
  await fast.reload();
  await appReady(fast);
  await resumeIn(fast);
  const ids = await fast.locator('fieldset[data-question]').evaluateAll((f) => f.map((x) => x.dataset.question));
  await fast.evaluate(choose, ids[0]);
  await fast.waitForFunction((q) => JSON.parse(localStorage.getItem('stagefit.draft')).snapshot.answers[q] !== undefined, ids[0]);
  const fastTime = (await storedDraft(fast)).snapshot.updated;
  await fast.close();
  const page = await open();
  await resumeIn(page);
  // Five more answers with the clock right, on this step and the next ones.
  const want = {};
  while (Object.keys(want).length < 5) {
    const here = await page.locator('fieldset[data-question]').evaluateAll((f) => f.map((x) => x.dataset.question));
    for (const id of here.filter((q) => q !== ids[0])) {
      if (Object.keys(want).length < 5 || !(await page.locator(`fieldset[data-question="${id}"] input:checked`).count())) {
        want[id] = await page.evaluate(choose, id);
      }
    }
    if (Object.keys(want).length < 5) {
      await page.locator('#step-primary').click();
      await page.waitForFunction((here) => !document.querySelector(`fieldset[data-question="${here[0]}"]`), here);
    }
  }
  await page.waitForFunction((want) => {
    const d = JSON.parse(localStorage.getItem('stagefit.draft'));
    return Object.entries(want).every(([q, v]) => String(d.snapshot.answers[q]) === v);
  }, want, { timeout: 5000 });
  assert.ok((await storedDraft(page)).snapshot.updated < fastTime, 'saved although its time is earlier than the stored one');
  assert.deepEqual(problems, []);
  await context.close();
});

test('1. renaming a finished assessment saved by a clock one hour fast is stored', async () => {
  const { context, open, problems } = await profile();
  const page = await open();
  const later = Date.now() + HOUR;
  await setStorage(page, { 'stagefit.assessment.fast': JSON.stringify(entry('fast', 'Saved fast', later)) });
  await page.reload();
  await appReady(page);
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  const row = page.locator('li[data-snapshot="fast"]');
  await row.getByRole('button', { name: 'Rename' }).click();
  await row.getByLabel('New name').fill('Renamed now');
  await row.getByRole('button', { name: 'Save name' }).click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('stagefit.assessment.fast')).label === 'Renamed now', null, { timeout: 5000 });
  await page.reload();
  await appReady(page);
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.locator('li[data-snapshot="fast"]', { hasText: 'Renamed now' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('3. two tabs answering different questions of one unfinished assessment at the same instant lose no answer (30 trials)', async () => {
  const { context, a, b, problems } = await twoTabsOnOneDraft();
  const ids = await a.locator('fieldset[data-question]').evaluateAll((f) => f.map((x) => x.dataset.question));
  assert.ok(ids.length >= 2);
  const lost = [];
  for (let i = 0; i < TRIALS; i++) {
    const qa = ids[i % ids.length];
    const qb = ids[(i + 1) % ids.length];
    const [va, vb] = await Promise.all([a.evaluate(choose, qa), b.evaluate(choose, qb)]);
    const want = { [qa]: va, [qb]: vb };
    const ok = (await shows(a, want)) && (await shows(b, want)) && draftHolds(await storedDraft(a), want);
    if (!ok) lost.push(i);
  }
  assert.deepEqual(lost, [], 'trials where an answer was lost');
  assert.deepEqual(problems, []);
  await context.close();
});

test('3. two tabs answering the same question at the same instant agree, and show what is stored (30 trials)', async () => {
  const { context, a, b, problems } = await twoTabsOnOneDraft();
  const id = await a.locator('fieldset[data-question]').first().getAttribute('data-question');
  const values = await a.locator(`fieldset[data-question="${id}"] input[type=radio]`).evaluateAll((r) => r.map((x) => x.value).filter((v) => v !== 'unknown'));
  const apart = [];
  for (let i = 0; i < TRIALS; i++) {
    const pick = (v) => (id) => document.querySelector(`fieldset[data-question="${id.q}"] input[value="${id.v}"]`).click();
    const va = values[i % values.length];
    const vb = values[(i + 1) % values.length];
    await Promise.all([a.evaluate(pick(), { q: id, v: va }), b.evaluate(pick(), { q: id, v: vb })]);
    // Both settle on one of the two, the one stored.
    let agreed = false;
    for (let t = 0; t < 50 && !agreed; t++) {
      const d = await storedDraft(a);
      const want = { [id]: String(d?.snapshot.answers[id]) };
      agreed = [va, vb].includes(want[id]) && (await shows(a, want)) && (await shows(b, want));
      if (!agreed) await a.waitForTimeout(100);
    }
    if (!agreed) apart.push(i);
  }
  assert.deepEqual(apart, [], 'trials where the tabs did not agree with storage');
  assert.deepEqual(problems, []);
  await context.close();
});

async function historyIn(page) {
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { name: 'History' }).waitFor();
}

test('4. two tabs renaming one assessment at the same instant agree on one name, and Open keeps it (30 trials)', async () => {
  const { context, open, problems } = await profile();
  const a = await open();
  await setStorage(a, { 'stagefit.assessment.same': JSON.stringify(entry('same', 'Start')) });
  await a.reload();
  await appReady(a);
  const b = await open();
  await historyIn(a);
  await historyIn(b);
  const apart = [];
  const prepare = async (page, name) => {
    const row = page.locator('li[data-snapshot="same"]');
    await row.getByRole('button', { name: 'Rename' }).click();
    await row.getByLabel('New name').fill(name);
  };
  const save = () => [...document.querySelectorAll('li[data-snapshot="same"] button')].find((b) => b.textContent === 'Save name').click();
  for (let i = 0; i < TRIALS; i++) {
    await prepare(a, `A ${i}`);
    await prepare(b, `B ${i}`);
    await Promise.all([a.evaluate(save), b.evaluate(save)]);
    let agreed = false;
    for (let t = 0; t < 50 && !agreed; t++) {
      const label = JSON.parse((await stored(a))['stagefit.assessment.same']).label;
      const showing = async (p) => (await p.locator('li[data-snapshot="same"] .history-select label').textContent()).includes(label);
      agreed = [`A ${i}`, `B ${i}`].includes(label) && (await showing(a)) && (await showing(b));
      if (!agreed) await a.waitForTimeout(100);
    }
    if (!agreed) apart.push(i);
  }
  assert.deepEqual(apart, [], 'trials where a tab showed a name that is not stored');
  // Opening it in either tab writes no older name back.
  const label = JSON.parse((await stored(a))['stagefit.assessment.same']).label;
  await b.locator('li[data-snapshot="same"]').getByRole('link', { name: 'Open' }).click();
  await b.locator('[data-testid="alignment-score"]').waitFor();
  await b.waitForTimeout(300);
  assert.equal(JSON.parse((await stored(a))['stagefit.assessment.same']).label, label);
  assert.deepEqual(problems, []);
  await context.close();
});

test('4. a rename racing a delete in another tab never brings the assessment back (30 trials)', async () => {
  const { context, open, problems } = await profile();
  const a = await open();
  const list = Array.from({ length: TRIALS }, (_, i) => entry(`rd-${i}`, `Race ${i}`, 1760000000000 + i * 1000));
  await setStorage(a, Object.fromEntries(list.map((e) => [`stagefit.assessment.${e.id}`, JSON.stringify(e)])));
  await a.reload();
  await appReady(a);
  const b = await open();
  await historyIn(a);
  await historyIn(b);
  const back = [];
  for (let i = 0; i < TRIALS; i++) {
    const id = `rd-${i}`;
    const row = a.locator(`li[data-snapshot="${id}"]`);
    await row.getByRole('button', { name: 'Rename' }).click();
    await row.getByLabel('New name').fill(`Renamed ${i}`);
    await b.locator(`li[data-snapshot="${id}"]`).waitFor();
    const click = ({ id, text }) => [...document.querySelectorAll(`li[data-snapshot="${id}"] button`)].find((x) => x.textContent === text).click();
    await Promise.all([a.evaluate(click, { id, text: 'Save name' }), b.evaluate(click, { id, text: 'Delete' })]);
    let gone = false;
    for (let t = 0; t < 50 && !gone; t++) {
      const text = (await stored(a))[`stagefit.assessment.${id}`];
      const live = text !== undefined && !JSON.parse(text).deleted;
      const listed = (await a.locator(`li[data-snapshot="${id}"]`).count()) + (await b.locator(`li[data-snapshot="${id}"]`).count());
      gone = !live && listed === 0;
      if (!gone) await a.waitForTimeout(100);
    }
    if (!gone) back.push(i);
  }
  assert.deepEqual(back, [], 'trials where the deleted assessment came back');
  assert.deepEqual(problems, []);
  await context.close();
});

test('5. Export all, Clear all data, Import gives back every entry byte for byte, unknown fields, unknown answers and a newer build\'s entry included', async () => {
  const { context, open, problems } = await profile();
  const page = await open();
  const withNotes = entry('notes', 'With notes', 1760000001000, { notes: 'Ask finance first', tags: ['q3', 'board'], reviewed: true });
  const withAnswer = entry('future-answer', 'Future answer', 1760000002000);
  withAnswer.answers['platform.future_question'] = 1;
  const newer = { ...entry('newer', 'From a newer build', 1760000003000), bank: 99 };
  const before = Object.fromEntries([withNotes, withAnswer, newer].map((e) => [`stagefit.assessment.${e.id}`, JSON.stringify(e)]));
  await setStorage(page, before);
  await page.reload();
  await appReady(page);
  await historyIn(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (JSON)' }).click()]);
  const file = `/tmp/stagefit-backup-${process.pid}.json`;
  await fs.copyFile(await download.path(), file);
  await page.getByRole('button', { name: 'Clear all data…' }).click();
  await page.getByRole('button', { name: 'Yes, clear all data' }).click();
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('stagefit.assessment.')));
  await page.locator('input[type=file]').setInputFiles(file);
  await page.locator('.notice', { hasText: /Import:/ }).waitFor();
  const after = await stored(page);
  for (const [key, text] of Object.entries(before)) assert.equal(after[key], text, `${key} comes back byte for byte`);
  await fs.rm(file, { force: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('6. a newer build\'s draft, workshops and format-1 history stay under their keys untouched', async () => {
  const { context, open, problems } = await profile();
  const page = await open();
  const values = {
    'stagefit.draft': JSON.stringify({ format: 'stagefit-draft', version: 99, step: 1, snapshot: {} }),
    'stagefit.workshops': JSON.stringify({ format: 'stagefit-workshops', version: 99, workshops: [] }),
    'stagefit.history': historyV1([]).replace('"version":1', '"version":99'),
  };
  await setStorage(page, values);
  await page.reload();
  await appReady(page);
  // Answering and finishing, which writes this build's own data beside them.
  const first = page.locator('fieldset[data-question]').first();
  if (!(await first.isVisible())) await page.getByRole('button', { name: /start/i }).first().click();
  await first.locator('input[type=radio]').first().check();
  await page.waitForTimeout(300);
  const after = await stored(page);
  for (const [key, text] of Object.entries(values)) assert.equal(after[key], text, `${key} is untouched`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('5. a file with two entries of one id and an unrelated entry imports into an empty history with all three', async () => {
  const { context, open, problems } = await profile();
  const page = await open();
  const file = `/tmp/stagefit-two-${process.pid}.json`;
  await fs.writeFile(file, historyV1([entry('imp', 'First', 1760000001000), entry('imp', 'Second', 1760000002000), entry('imp-2', 'Unrelated', 1760000003000)]));
  await historyIn(page);
  await page.locator('input[type=file]').setInputFiles(file);
  await page.locator('.notice', { hasText: /Import:/ }).waitFor();
  const labels = Object.entries(await stored(page)).filter(([k]) => k.startsWith('stagefit.assessment.')).map(([, v]) => JSON.parse(v).label).sort();
  assert.deepEqual(labels, ['First', 'Second', 'Unrelated']);
  await fs.rm(file, { force: true });
  assert.deepEqual(problems, []);
  await context.close();
});
