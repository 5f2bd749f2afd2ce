// Workshop timings for ./setup.sh bench (issues 15 and 18), against the release build in dist/
// served on 127.0.0.1 with gzip, in headless Chromium from Debian:
//
// - "Add results" clicked with a whole room's transcript pasted → the room shown (the count,
//   the stage bar, the dot plot and the questions to discuss all in the page), for 300
//   participants (tests/fixtures/workshop-300.txt) and 2,000 (workshop-2000.txt, written by
//   `cargo run -p stagefit-core --bin bench room 2000`);
// - one participant removed from that room → the count shows one fewer;
// - the longest task the browser reports (PerformanceObserver, "longtask": any task of 50 ms
//   or more) during each, against a ceiling of 200 ms.
//
// Times come from inside the page: performance.now() at the click (a capturing listener) and
// when a MutationObserver first sees the room, then at the next animation frame (a frame that
// draws it). Nothing is hard-coded: every number printed is measured on this run.
//
//   node tests/bench/workshop.mjs [--runs 5]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, App } from '../e2e/support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../fixtures');
const i = process.argv.indexOf('--runs');
const RUNS = i < 0 ? 5 : Number(process.argv[i + 1]);
const LONG_TASK_CEILING = 200;

// Installed before the page's own scripts: long tasks, clicks, and when the room first shows.
function markers() {
  const w = (window.__bench = { tasks: [], clicks: [], shown: {} });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('click', (e) => {
    const b = e.target.closest?.('button');
    if (b) w.clicks.push({ name: b.textContent.trim(), at: performance.now() });
  }, true);
  const count = () => document.querySelector('[data-testid="participant-count"]')?.textContent ?? '';
  const check = () => {
    const want = w.want;
    if (!want || w.shown[want.key]) return;
    const roomDrawn = !want.room || (document.querySelector('.stage-counts li') && document.querySelector('svg.spread circle')
      && document.querySelector('.prompts .stacked-bar'));
    if (new RegExp(`^${want.count} participants$`).test(count().trim()) && roomDrawn) {
      const mark = (w.shown[want.key] = { dom: performance.now() });
      requestAnimationFrame(() => setTimeout(() => { mark.frame = performance.now(); }));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length / 2;
  return { median: s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1], n: s.length };
}

async function once(browser, server, n, transcript) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(markers);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.url);
  const { id } = await new App(page).newWorkshop('Bench');
  await page.getByTestId('workshop-input').fill(transcript.replaceAll('&w=bench', `&w=${id}`));

  // Between a click and the frame that shows its result: the time, and the longest task.
  const measure = async (key, button, want, act) => {
    await page.evaluate((w) => { window.__bench.want = w; }, { key, ...want });
    await act();
    await page.waitForFunction((k) => window.__bench.shown[k]?.frame !== undefined, key, { timeout: 120000 });
    // Long tasks are reported after they end: give the observer a moment.
    await page.waitForTimeout(300);
    return page.evaluate(({ key, button }) => {
      const w = window.__bench;
      const click = [...w.clicks].reverse().find((c) => c.name.startsWith(button)).at;
      const shown = w.shown[key];
      const tasks = w.tasks.filter((t) => t.start + t.duration >= click && t.start <= shown.frame);
      return { dom: shown.dom - click, frame: shown.frame - click, longest: Math.max(0, ...tasks.map((t) => t.duration)), tasks: tasks.length };
    }, { key, button });
  };
  const add = await measure('add', 'Add results', { count: n, room: true },
    () => page.getByRole('button', { name: 'Add results' }).click());
  // The list shows a page of 100 at first: remove the 50th.
  await page.getByRole('button', { name: /^Show participants/ }).click();
  const middle = 'Participant 50';
  const remove = await measure('remove', 'Remove', { count: n - 1, room: true },
    () => page.getByRole('button', { name: `Remove ${middle}`, exact: true }).click());
  await context.close();
  if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
  return { add, remove };
}

const server = await serve('/', undefined, { gzip: true });
const browser = await launch();
console.log(`Chromium ${browser.version()} headless, ${os.cpus().length} CPU(s), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${RUNS} runs each, fresh context each`);
const rows = [];
try {
  for (const n of [300, 2000]) {
    const transcript = await fs.readFile(path.join(fixtures, `workshop-${n}.txt`), 'utf8');
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await once(browser, server, n, transcript));
    for (const [what, key] of [[`workshop: ${n} links pasted, "Add results" clicked → room shown`, 'add'],
      [`workshop: one of ${n} removed → room of ${n - 1} shown`, 'remove']]) {
      rows.push({ what, dom: stats(runs.map((x) => x[key].dom)), frame: stats(runs.map((x) => x[key].frame)),
        longest: stats(runs.map((x) => x[key].longest)) });
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const ms = (v) => `${Math.round(v)}`.padStart(6);
console.log(`${'what (ms)'.padEnd(62)} runs median    min    max  next frame (median)  longest task (max)`);
for (const { what, dom, frame, longest } of rows) {
  const verdict = longest.max <= LONG_TASK_CEILING ? 'within' : 'OVER';
  console.log(`${what.padEnd(62)} ${String(dom.n).padStart(4)} ${ms(dom.median)} ${ms(dom.min)} ${ms(dom.max)}  ${ms(frame.median)}               ${ms(longest.max)} (${verdict} ${LONG_TASK_CEILING} ms)`);
}
