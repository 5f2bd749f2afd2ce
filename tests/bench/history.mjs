// History timings for ./setup.sh bench (issue 18), against the release build in dist/ in
// headless Chromium: a history of 1,000 assessments opened and one deleted, and imports of
// 2,000 and 20,000 assessments. For each: the time from the click to the change in the DOM and
// to the next frame that draws it, and the longest task the page ran meanwhile (a Long Tasks
// API observer: every task over 50 ms). Every number printed is measured on this run.
//
//   node tests/bench/history.mjs [--runs 5]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, appReady } from '../e2e/support.mjs';
import { entries, mixedEntries, historyV1, plant } from '../e2e/entries.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const RUNS = arg('--runs', 5);

// Installed before the page's scripts: every long task, from its start; when the first view
// is drawn (a heading or question in <main>) and when the history is read (start-up reads it
// after the first view, a part at a time, then sets <main data-history="ready">).
function observeLongTasks() {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__firstView = null;
  window.__ready = null;
  new MutationObserver(() => {
    if (window.__firstView === null && document.querySelector('main h1, main fieldset[data-question]')) window.__firstView = performance.now();
    if (window.__ready === null && document.querySelector('main[data-history="ready"]')) window.__ready = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-history'] });
}

// Clicks `selector` inside the page and times it until `until()` holds: to the DOM change and to
// the frame after it; and the longest task from the click to that frame.
function clickAndTime([selector, until]) {
  const holds = new Function(`return (${until})()`);
  return new Promise((resolve) => {
    const t0 = performance.now();
    let dom;
    const finish = () => {
      requestAnimationFrame(() => setTimeout(() => {
        const frame = performance.now();
        // Long tasks are reported a moment after they end.
        setTimeout(() => {
          const longest = Math.max(0, ...window.__long.filter((t) => t.start + t.duration >= t0 && t.start <= frame).map((t) => t.duration));
          resolve({ dom: dom - t0, frame: frame - t0, longest });
        }, 100);
      }));
    };
    const check = () => {
      if (dom === undefined && holds()) {
        dom = performance.now();
        observer.disconnect();
        finish();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    document.querySelector(selector).click();
    check();
  });
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length / 2;
  return s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
};
const ms = (v) => `${Math.round(v)}`.padStart(6);
const lines = [];
function report(what, runs) {
  const longest = runs.map((r) => r.longest);
  lines.push(`${what.padEnd(60)} ${String(runs.length).padStart(4)} ${ms(median(runs.map((r) => r.dom)))} ${ms(median(runs.map((r) => r.frame)))} ${ms(median(longest))} ${ms(Math.max(...longest))}`);
}

async function fresh(browser) {
  const context = await browser.newContext();
  await context.addInitScript(observeLongTasks);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return {
    page,
    done: async () => {
      await context.close();
      if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    },
  };
}

// The navigation's History, a link since issue 31.
const HISTORY_BUTTON = '.site-header nav a:nth-child(2)';

// A reload with `list` stored: from the navigation to the first view drawn (dom) and to the
// history read (frame), and the longest task until then.
async function reload(browser, server, list) {
  const { page, done } = await fresh(browser);
  await page.goto(server.url);
  await plant(page, appReady, {}, list);
  await page.waitForFunction(() => window.__ready !== null, null, { timeout: 60000 });
  // Long tasks are reported a moment after they end.
  await page.waitForTimeout(100);
  const loaded = await page.evaluate(() => ({
    dom: window.__firstView,
    frame: window.__ready,
    longest: Math.max(0, ...window.__long.filter((t) => t.start <= window.__ready).map((t) => t.duration)),
  }));
  return { page, loaded, done };
}

async function thousand(browser, server, list = entries(1000), what = '1,000 stored') {
  const open = [], remove = [], load = [], empty = [];
  for (let i = 0; i < RUNS; i++) {
    const nothing = await reload(browser, server, []);
    empty.push(nothing.loaded);
    await nothing.done();
    const { page, loaded, done } = await reload(browser, server, list);
    load.push(loaded);
    if ((await page.locator(HISTORY_BUTTON).textContent()).trim() !== 'History') throw new Error('the History button moved');
    open.push(await page.evaluate(clickAndTime, [HISTORY_BUTTON,
      "() => document.querySelectorAll('[data-testid=\"history-entry\"]').length >= 50"]));
    const first = await page.locator('[data-testid="history-entry"]').first().getAttribute('data-snapshot');
    remove.push(await page.evaluate(clickAndTime, [`[data-snapshot="${first}"] .history-actions button:last-child`,
      `() => !document.querySelector('[data-snapshot="${first}"]')`]));
    if ((await page.locator('[data-testid="history-entry"]').count()) !== 50) throw new Error('the next row did not take its place');
    await done();
  }
  if (what === '1,000 stored') report('nothing stored: reload → first view (dom), history read (frame)', empty);
  report(`${what}: reload → first view (dom), history read (frame)`, load);
  report(`${what}: "History" clicked → first 50 rows shown`, open);
  report(`${what}: "Delete" clicked → row gone`, remove);
}

async function importing(browser, server, n, runs) {
  // A file on disk, as a person chooses one: Chromium reads it, not a script in the page.
  const file = path.join(os.tmpdir(), `stagefit-import-${n}-${process.pid}.json`);
  await fs.writeFile(file, historyV1(entries(n, `import-${n}`)));
  const times = [];
  let outcome;
  let kept;
  for (let i = 0; i < runs; i++) {
    const { page, done } = await fresh(browser);
    await page.goto(server.url);
    await appReady(page);
    await page.locator(HISTORY_BUTTON).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    const started = await page.evaluate(() => performance.now());
    await page.locator('input[type=file]').setInputFiles(file);
    const notice = page.locator('.notice', { hasText: /Import:|Nothing was imported/ });
    await notice.waitFor({ timeout: 300000 });
    const t = await page.evaluate((t0) => {
      const end = performance.now();
      return { dom: end - t0, frame: end - t0, longest: Math.max(0, ...window.__long.filter((l) => l.start >= t0).map((l) => l.duration)) };
    }, started);
    await page.waitForTimeout(200);
    t.longest = Math.max(t.longest, await page.evaluate((t0) => Math.max(0, ...window.__long.filter((l) => l.start >= t0).map((l) => l.duration)), started));
    times.push(t);
    outcome = (await notice.textContent()).replace(/Dismiss$/, '').slice(0, 110);
    await page.reload();
    await appReady(page);
    kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('stagefit.assessment.')).length);
    await done();
  }
  await fs.rm(file, { force: true });
  report(`import of ${n.toLocaleString('en')}: file chosen → outcome told`, times);
  lines.push(`   outcome: ${outcome}… ; assessments stored after a reload: ${kept}`);
}

const server = await serve('/');
const browser = await launch();
try {
  await thousand(browser, server);
  // Issue 26: a third saved by the first questionnaire, every fourth with three versions.
  await thousand(browser, server, mixedEntries(1000), '1,000 mixed (bank 1 and 2, versions)');
  // Issue 30: History at 3,000 and an import of 4,000 that fits.
  await thousand(browser, server, entries(3000), '3,000 stored');
  await importing(browser, server, 2000, Math.max(1, Math.ceil(RUNS / 2)));
  await importing(browser, server, 4000, Math.max(1, Math.ceil(RUNS / 2)));
  await importing(browser, server, 20000, 1);
} finally {
  await browser.close();
  server.close();
}
console.log(`${'history (ms, medians; longest task: median and max of the runs)'.padEnd(60)} runs    dom  frame longest    max`);
console.log('(a reload: "dom" is the first view drawn, "frame" the history read, both from the navigation; its longest');
console.log(' task is the whole load\'s until the history is read: start-up, the first view, reading storage)');
for (const line of lines) console.log(line);
