// Browser numbers for ./setup.sh bench, against the release build in dist/ served on 127.0.0.1
// with gzip (as nginx or GitHub Pages send it), in headless Chromium from Debian:
//
// - cold loads (a fresh browser context each: no HTTP cache, no service worker, no storage);
// - a shared result opened cold, and "See results" after answering everything;
// - a workshop gathering 300 participants' links pasted at once;
// - Lighthouse 12 (mobile, its default simulated throttling) category scores.
//
// Times come from inside the page: a MutationObserver notes performance.now() the moment the
// DOM first shows each thing (timed from the navigation's start, or from the click), and again
// at the next animation frame after it (a frame that draws it). Nothing is hard-coded: every
// number printed is measured on this run.
//
// - issue 16's figures, under a slow-phone profile (Chrome DevTools protocol: 150 ms latency,
//   1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4x): navigation to the first question's controls
//   visible and enabled (median of five cold loads), Lighthouse mobile performance, LCP and TBT
//   (median of three), and the long tasks while the app takes over on the desktop profile (no
//   throttling); each printed next to the previous release's, measured in the same run when
//   --baseline names its built dist/ (./setup.sh bench builds it), against the goals.
//
// - issue 17's figure: the bytes a first visit downloads (gzip) in each language, with the
//   strings' share, and what the languages not in use cost it (the service worker included).
//
// - issue 27's figures, under the same profile, for both builds: a shared result's address, a
//   join link and a return visit (with an unfinished assessment, and with a saved result), each
//   until it says what it is and until it is usable, and the bytes a first visit downloads.
//
//   node tests/bench/browser.mjs [--runs 10] [--lighthouse-runs 3] [--no-lighthouse] [--baseline DIR]
//     [--links-only]   (issue 27's table alone, without Lighthouse: a quick look while working)
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, App, CHROMIUM_FLAGS } from '../e2e/support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../fixtures');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const RUNS = arg('--runs', 10);
const FEW = Math.max(1, Math.ceil(RUNS / 2));
const LINKS_ONLY = process.argv.includes('--links-only');
const LIGHTHOUSE_RUNS = process.argv.includes('--no-lighthouse') || LINKS_ONLY ? 0 : arg('--lighthouse-runs', 3);
const BASELINE = (() => {
  const i = process.argv.indexOf('--baseline');
  return i < 0 ? null : path.resolve(process.argv[i + 1]);
})();
// The slow-phone profile of issue 16, through the Chrome DevTools protocol.
const SLOW = { latency: 150, down: 1.6e6, up: 750e3, cpu: 4 };
const SLOW_RUNS = 5;

// Installed in every page before its own scripts: notes when each thing first shows.
function markers() {
  const marks = (window.__marks = {});
  const enabled = (el) => el && el.matches(':enabled');
  const checks = {
    start: () => [...document.querySelectorAll('button')].some((b) => /start/i.test(b.textContent) && enabled(b)),
    question: () => {
      const fieldset = [...document.querySelectorAll('fieldset[data-question]')].find((f) => f.offsetParent !== null);
      const radios = [...(fieldset?.querySelectorAll('input[type=radio]') ?? [])];
      return radios.length > 0 && radios.every(enabled);
    },
    // The app is running: it has taken over the prerendered page (or, in a build without one,
    // drawn the first question itself).
    app: () => !document.getElementById('prerendered') && !document.getElementById('loading')
      && !!document.querySelector('fieldset[data-question]'),
    results: () => /\d/.test(document.querySelector('[data-testid="alignment-score"]')?.textContent ?? ''),
    // Issue 27. A shared result's address says what it is: a heading naming a shared result is
    // drawn (the page's own frame, or the app's view).
    says: () => [...document.querySelectorAll('h1')].some((h) => h.offsetParent !== null && /shared result/i.test(h.textContent)),
    // Its verdict: the score, the stage and three priorities, drawn.
    verdict: () => /\d/.test(document.querySelector('[data-testid="alignment-score"]')?.textContent ?? '')
      && /Early|Growth|Mature/.test(document.querySelector('[data-testid="stage"]')?.textContent ?? '')
      && document.querySelectorAll('[data-testid="priority"]').length >= 3,
    // A join link: the banner names the workshop (window.__workshop, set by the bench).
    named: () => !!window.__workshop && [...document.querySelectorAll('.joining h2')]
      .some((h) => h.offsetParent !== null && h.textContent.includes(window.__workshop)),
    // A return visit: the card to resume a draft, or the latest result, drawn.
    card: () => [...document.querySelectorAll('.resume h2, [data-testid="latest-result"]')].some((e) => e.offsetParent !== null),
    // The latest result's place held (the page's frame), or the card itself.
    place: () => [...document.querySelectorAll('[data-testid="latest-shell"], [data-testid="latest-result"]')].some((e) => e.offsetParent !== null),
    room: () => /\b300 participants\b/.test(document.querySelector('[data-testid="participant-count"]')?.textContent ?? '')
      && document.querySelectorAll('.stage-counts li').length > 0 && document.querySelectorAll('.prompts li').length > 0,
  };
  const check = () => {
    for (const [name, holds] of Object.entries(checks)) {
      if (marks[name] || !holds()) continue;
      const mark = (marks[name] = { dom: performance.now() });
      requestAnimationFrame(() => setTimeout(() => { mark.frame = performance.now(); }));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  window.__longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing in this browser: nothing is reported.
  }
  addEventListener('click', (e) => {
    const button = e.target.closest?.('button');
    if (button) marks[`click ${button.textContent.trim()}`] = performance.now();
  }, true);
}

async function fresh(browser, { profile = null, viewport } = {}) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  await context.addInitScript(markers);
  const page = await context.newPage();
  if (profile) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: profile.latency, downloadThroughput: profile.down / 8, uploadThroughput: profile.up / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  }
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const marks = () => page.evaluate(() => window.__marks);
  const shown = async (name, timeout = 60000) => {
    await page.waitForFunction((n) => window.__marks[n]?.frame !== undefined, name, { timeout });
    return (await marks())[name];
  };
  const done = async () => {
    await context.close();
    if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
  };
  return { page, marks, shown, done };
}

function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], n: s.length };
}

const rows = [];
function row(what, dom, frame) {
  rows.push({ what, dom: stats(dom), frame: frame && stats(frame) });
}
function printRows() {
  const ms = (v) => `${Math.round(v)}`.padStart(6);
  console.log(`${'what (ms)'.padEnd(66)} runs median    min    max  next frame (median)`);
  for (const { what, dom, frame } of rows) {
    console.log(`${what.padEnd(66)} ${String(dom.n).padStart(4)} ${ms(dom.median)} ${ms(dom.min)} ${ms(dom.max)}  ${frame ? ms(frame.median) : ''}`);
  }
}

async function coldLoads(browser, server) {
  const fcp = [], question = [], questionFrame = [];
  for (let i = 0; i < RUNS; i++) {
    const { page, shown, done } = await fresh(browser);
    await page.goto(server.url);
    // The first step is on the landing view: no click between arriving and answering.
    const q = await shown('question');
    // The paint entry may come a moment after the question is in the DOM: wait for it.
    fcp.push(await page.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list, observer) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) { observer.disconnect(); resolve(entry.startTime); }
      }).observe({ type: 'paint', buffered: true });
    })));
    question.push(q.dom); questionFrame.push(q.frame);
    await done();
  }
  row('cold load: navigation → first contentful paint (the prerendered page)', fcp);
  row('cold load: navigation → first question\'s radios attached and enabled', question, questionFrame);
}

// Issue 17: what a first visit downloads in each language, counted as the bytes the server
// sends (gzip), the service worker's copies included, once it has installed.
// What the server sent for a first visit of the landing page in a browser that prefers
// `locale`, once the app has read the history and the service worker has installed. A release
// older than issue 18 marks no history as read, and one older than the service worker has none:
// for those the visit ends when the app is running, or after 20 s.
async function firstVisitSent(browser, server, locale = undefined) {
  const context = await browser.newContext(locale ? { locale } : {});
  const page = await context.newPage();
  const from = server.sent.length;
  await page.goto(server.url);
  await page.locator('main[data-history="ready"]').waitFor({ state: 'attached', timeout: 20000 })
    .catch(() => page.waitForFunction(() => !document.getElementById('prerendered')
      && !!document.querySelector('fieldset[data-question]'), null, { timeout: 20000 }));
  await page.evaluate(() => Promise.race([navigator.serviceWorker?.ready, new Promise((r) => setTimeout(r, 20000))]));
  await page.waitForTimeout(500);
  const sent = server.sent.slice(from);
  await context.close();
  return sent;
}

async function languageBytes(browser, server) {
  const rows = [];
  for (const [language, locale] of [['en', 'en-GB'], ['de', 'de-DE'], ['fr', 'fr-FR']]) {
    const sent = await firstVisitSent(browser, server, locale);
    const sum = (f) => sent.filter(f).reduce((a, s) => a + s.bytes, 0);
    const of = (l) => sum((s) => s.path.includes('/i18n/') && s.path.endsWith(`/${l}.json`));
    rows.push({ language, total: sum(() => true), en: of('en'), de: of('de'), fr: of('fr') });
  }
  const { gzipSync } = await import('node:zlib');
  const dir = path.resolve(here, '../../dist/i18n');
  const strings = [];
  for (const l of ['en', 'de', 'fr']) {
    let bytes = 0;
    for (const ns of await fs.readdir(dir)) bytes += gzipSync(await fs.readFile(path.join(dir, ns, `${l}.json`)), { level: 9 }).length;
    strings.push(`${l} ${bytes}`);
  }
  console.log('\nIssue 17, a first visit in each language: bytes the server sent (gzip), the service worker\'s included');
  console.log(`${'visit in'.padEnd(10)}${'all'.padStart(10)}${'en strings'.padStart(12)}${'de strings'.padStart(12)}${'fr strings'.padStart(12)}`);
  for (const r of rows) console.log(`${r.language.padEnd(10)}${String(r.total).padStart(10)}${String(r.en).padStart(12)}${String(r.de).padStart(12)}${String(r.fr).padStart(12)}`);
  console.log(`  each language's strings (all namespaces, gzip -9): ${strings.join(', ')}`);
  // German and French are the added languages: what each adds to a visit in another language,
  // its strings downloaded (none, if only the language in use is fetched) and its copies of the
  // prerendered step and the page's notices in index.html, the no-JavaScript one included (the
  // page, gzip -9, with and without them).
  const page = await fs.readFile(path.resolve(here, '../../dist/index.html'), 'utf8');
  const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
  const inPage = {};
  for (const l of ['de', 'fr']) {
    const without = page.replace(new RegExp(`<template id="(prerendered|notices)-${l}">[\\s\\S]*?</template>`, 'g'), '')
      .replace(new RegExp(`<p class="loading notice-needs" lang="${l}">[^<]*</p>`), '');
    inPage[l] = gz(page) - gz(without);
  }
  console.log(`  each added language's copies in the page (gzip -9): ${Object.entries(inPage).map(([l, b]) => `${l} ${b}`).join(', ')}`);
  const added = rows.flatMap((r) => ['de', 'fr'].filter((l) => l !== r.language).map((l) => r[l] + inPage[l]));
  const worst = Math.max(...added);
  console.log(`  an added language adds at most ${worst} B to a first visit in another language (goal 5,000 B): ${worst <= 5000 ? 'met' : 'NOT MET'}`);
}

// Issue 16's figure, for one build: navigation to the first question's controls visible and
// enabled under the slow-phone profile, and to the app running.
async function slowLoads(browser, server) {
  const usable = [], app = [];
  for (let i = 0; i < SLOW_RUNS; i++) {
    const { page, shown, done } = await fresh(browser, { profile: SLOW, viewport: { width: 390, height: 844 } });
    await page.goto(server.url);
    usable.push((await shown('question')).frame);
    app.push((await shown('app')).frame);
    await done();
  }
  return { usable: stats(usable), app: stats(app) };
}

// Issue 27's figures, for one build, under the slow-phone profile at 390x844 (median of the
// runs): a shared result's address opened cold, until the page says what it is and until its
// verdict is drawn; a join link, until its first question is usable and the banner names the
// workshop; a return visit with an unfinished assessment, and one with a saved result, until its
// card shows; and the bytes a first visit of the landing page downloads (gzip, as served), the
// service worker's copies included.
// A released share link's payload (link format 2, all 27 answered), for the shared-result visits.
async function sharedPayload() {
  return (await fs.readFile(path.join(fixtures, 'links-format2.txt'), 'utf8'))
    .split('\n').find((l) => l.startsWith('27:'))?.split(' ').pop();
}

const WORKSHOP = 'Platform offsite <b>Q3</b>';
async function linkLoads(browser, server) {
  const payload = await sharedPayload();
  // An unfinished assessment of the current bank, as a returning visitor has one.
  const updated = Date.UTC(2026, 10, 20, 12);
  const draft = JSON.stringify({ format: 'stagefit-draft', version: 1, step: 2, snapshot: { format: 'stagefit-snapshot', version: 1,
    bank: 3, id: 'bench-draft', label: '', created: updated, updated, stage: null,
    answers: { 'company.engineers': 1, 'company.product_fit': 2, 'company.hiring': 2, 'company.teams': 1 } } });
  const saved = JSON.parse(await fs.readFile(path.join(fixtures, 'snapshot-v1.json'), 'utf8'));
  const visits = {
    shared: { hash: `#r=${payload}`, marks: ['says', 'verdict'] },
    join: { hash: `#join=room-27.${encodeURIComponent(WORKSHOP)}`, marks: ['question', 'named'] },
    draft: { hash: '', marks: ['card'], storage: { 'stagefit.draft': draft } },
    saved: { hash: '', marks: ['place', 'card'], storage: { [`stagefit.assessment.${saved.id}`]: JSON.stringify(saved) } },
    // A return visit as it happens: the browser has been here before, so the service worker and
    // its cache hold the build (the visits above are cold: nothing cached, storage filled in).
    savedWarm: { hash: '', marks: ['place', 'card'], storage: { [`stagefit.assessment.${saved.id}`]: JSON.stringify(saved) }, warm: true },
  };
  const out = {};
  for (const [name, visit] of Object.entries(visits)) {
    const times = Object.fromEntries(visit.marks.map((m) => [m, []]));
    for (let i = 0; i < SLOW_RUNS; i++) {
      const { page, shown, done } = await fresh(browser, { profile: SLOW, viewport: { width: 390, height: 844 } });
      await page.addInitScript(({ storage, workshop }) => {
        window.__workshop = workshop;
        for (const [k, v] of Object.entries(storage)) if (localStorage.getItem(k) === null) localStorage.setItem(k, v);
      }, { storage: visit.storage ?? {}, workshop: WORKSHOP });
      if (visit.warm) {
        // An earlier visit, until the service worker controls the page (the app registers it
        // once it runs; a build without one is measured as it is).
        await page.goto(server.url);
        await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 60000 }).catch(() => {});
      }
      await page.goto(server.url + visit.hash);
      // A build without the thing (an older release has no latest-result card) never shows it.
      for (const m of visit.marks) times[m].push(await shown(m, 20000).then((t) => t.frame, () => Infinity));
      await done();
    }
    out[name] = Object.fromEntries(Object.entries(times).map(([m, t]) => [m, stats(t)]));
  }
  out.bytes = (await firstVisitSent(browser, server)).reduce((a, s) => a + s.bytes, 0);
  return out;
}

function printIssue27(figures) {
  const builds = Object.keys(figures);
  const ms = (s) => (Number.isFinite(s.median) ? `${Math.round(s.median).toLocaleString('en')} ms (${Math.round(s.min)}-${Math.round(s.max)})` : 'never (20 s)');
  const col = (v) => String(v).padStart(24);
  const mine = figures['this build'];
  const goal = (value, limit) => (value <= limit ? 'met' : 'NOT MET');
  console.log(`\nIssue 27, slow-phone profile at 390x844 (median of ${SLOW_RUNS}; min-max), same run:`);
  console.log(`${''.padEnd(58)}${builds.map(col).join('')}   goal`);
  const line = (what, pick, limit) => console.log(`${what.padEnd(58)}${builds.map((b) => col(ms(pick(figures[b])))).join('')}   ${limit ? `<= ${limit.toLocaleString('en')} ms: ${goal(pick(mine).median, limit)}` : ''}`);
  line('shared link: the page says what it is', (f) => f.shared.says, 700);
  line('shared link: score, stage and three priorities', (f) => f.shared.verdict, 1800);
  line('join link: the first question usable', (f) => f.join.question, 700);
  line('join link: the banner names the workshop', (f) => f.join.named, 700);
  line('return visit with a draft: the resume card', (f) => f.draft.card, 700);
  line('return visit with a saved result: its place held', (f) => f.saved.place, 700);
  line('return visit with a saved result: its card filled (cold)', (f) => f.saved.card, 700);
  line('the same, files cached from an earlier visit: place held', (f) => f.savedWarm.place);
  line('the same, files cached from an earlier visit: card filled', (f) => f.savedWarm.card, 700);
  const kb = (b) => `${b.toLocaleString('en')} B`;
  console.log(`${'first visit, bytes sent (gzip, service worker included)'.padEnd(58)}${builds.map((b) => col(kb(figures[b].bytes))).join('')}   <= 350,000 B: ${goal(mine.bytes, 350000)}`);
}

// The long tasks (over 50 ms) from navigation until a second after the app runs, desktop
// profile (no throttling), median over the runs of each run's longest and of their count.
async function takeoverTasks(browser, server) {
  const longest = [], count = [];
  for (let i = 0; i < FEW; i++) {
    const { page, shown, done } = await fresh(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    const app = await shown('app');
    await page.waitForTimeout(1000);
    const tasks = (await page.evaluate(() => window.__longtasks)).filter((t) => t.start <= app.frame + 1000);
    longest.push(Math.max(0, ...tasks.map((t) => t.duration)));
    count.push(tasks.length);
    await done();
  }
  return { longest: stats(longest), count: stats(count) };
}

// Saves what a person sees first, at a desktop and a phone size, for someone to look at.
async function screenshots(browser, server) {
  const folder = path.join(os.tmpdir(), `stagefit-screens-${Date.now()}`);
  await fs.mkdir(folder, { recursive: true });
  for (const [name, viewport] of [['desktop-1280x800', { width: 1280, height: 800 }], ['phone-390x844', { width: 390, height: 844 }]]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(server.url);
    const app = new App(page);
    await app.start();
    await page.screenshot({ path: path.join(folder, `landing-${name}.png`) });
    await app.answerStep({ company: 'mid' });
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByText(/^Step 2 of \d+$/).waitFor();
    await page.screenshot({ path: path.join(folder, `step-${name}.png`) });
    await app.answerAll({ company: 'min', strategy: '1', platform: 'max' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(folder, `results-${name}.png`) });
    await context.close();
  }
  console.log(`Screenshots of the landing view, a step and the first screen of results: ${folder}`);
}

async function results(browser, server) {
  const line = (await fs.readFile(path.join(fixtures, 'links-v1.txt'), 'utf8')).split('\n').find((l) => /^27:/.test(l));
  const payload = line.slice(line.lastIndexOf(' ') + 1);
  const cold = [], coldFrame = [];
  for (let i = 0; i < RUNS; i++) {
    const { page, shown, done } = await fresh(browser);
    await page.goto(`${server.url}#r=${payload}`);
    const r = await shown('results');
    cold.push(r.dom); coldFrame.push(r.frame);
    await done();
  }
  row('shared result (27 answers) opened cold: navigation → score shown', cold, coldFrame);

  const click = [], clickFrame = [];
  for (let i = 0; i < FEW; i++) {
    const { page, marks, shown, done } = await fresh(browser);
    await page.goto(server.url);
    const app = new App(page);
    await app.start();
    for (let step = 0; step < 50; step++) {
      await app.answerStep({ company: 'mid', strategy: '1', platform: 'max' });
      if (await page.getByRole('button', { name: /results/i }).count()) break;
      await page.getByRole('button', { name: 'Next', exact: true }).click();
    }
    await page.getByRole('button', { name: /results/i }).click();
    const r = await shown('results');
    const at = Object.entries(await marks()).find(([k]) => /^click .*results/i.test(k))[1];
    click.push(r.dom - at); clickFrame.push(r.frame - at);
    await done();
  }
  row('all 27 answered: "See results" clicked → score shown', click, clickFrame);
}

async function workshop(browser, server) {
  const transcript = await fs.readFile(path.join(fixtures, 'workshop-300.txt'), 'utf8');
  const times = [], frames = [];
  for (let i = 0; i < FEW; i++) {
    const { page, marks, shown, done } = await fresh(browser);
    await page.goto(server.url);
    const { id } = await new App(page).newWorkshop('Bench');
    await page.getByTestId('workshop-input').fill(transcript.replaceAll('&w=bench', `&w=${id}`));
    await page.getByRole('button', { name: 'Add results' }).click();
    const room = await shown('room');
    const at = (await marks())['click Add results'];
    times.push(room.dom - at); frames.push(room.frame - at);
    await done();
  }
  row('workshop: 300 links pasted, "Add results" clicked → room shown', times, frames);
}

// Runs the Lighthouse CLI (asynchronously: the static server answers from this same process).
async function lighthouse(url, label) {
  const bin = path.join(here, 'node_modules/.bin/lighthouse');
  const out = path.join(os.tmpdir(), `stagefit-lighthouse-${process.pid}.json`);
  const flags = ['--headless=new', ...CHROMIUM_FLAGS].join(' ');
  const args = [url, '--quiet', '--output=json', `--output-path=${out}`, `--chrome-flags=${flags}`,
    '--only-categories=performance,accessibility,best-practices,seo'];
  await new Promise((resolve, reject) => {
    execFile(bin, args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 << 20, timeout: 180000 },
      (error, stdout, stderr) => (error ? reject(new Error(`lighthouse (${label}) failed: ${stderr || stdout || error.message}`)) : resolve()));
  });
  const report = JSON.parse(await fs.readFile(out, 'utf8'));
  await fs.rm(out, { force: true });
  return report;
}

function summarize(report) {
  const scores = Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
  const metrics = Object.fromEntries(['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
    .map((id) => [id, report.audits[id].displayValue]));
  const failing = [];
  for (const [cat, c] of Object.entries(report.categories)) {
    if (cat === 'performance') continue;
    for (const ref of c.auditRefs) {
      const a = report.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) failing.push(`${cat}: ${a.id} (${a.title}) ${a.displayValue ?? ''}`.trim());
    }
  }
  const c = report.configSettings;
  const t = c.throttling;
  const setup = `${c.formFactor}, ${c.throttlingMethod} throttling: ${t.rttMs} ms RTT, ${Math.round(t.throughputKbps)} kbit/s, CPU slowed ${t.cpuSlowdownMultiplier}x`;
  const numeric = Object.fromEntries(['largest-contentful-paint', 'total-blocking-time'].map((id) => [id, report.audits[id].numericValue]));
  return { scores, metrics, numeric, failing, setup, version: report.lighthouseVersion, warnings: report.runWarnings };
}

async function lighthouseRuns(dir = undefined, { uncompressed: withUncompressed = true, hash = '' } = {}) {
  const gz = await serve('/', dir, { gzip: true });
  const plain = await serve('/', dir);
  const runs = [];
  try {
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(summarize(await lighthouse(gz.url + hash, `gzip run ${i + 1}`)));
    const uncompressed = LIGHTHOUSE_RUNS && withUncompressed ? summarize(await lighthouse(plain.url, 'uncompressed')) : null;
    return { runs, uncompressed };
  } finally {
    await gz.close();
    await plain.close();
  }
}

const server = await serve('/', undefined, { gzip: true });
const baseline = BASELINE ? await serve('/', BASELINE, { gzip: true }) : null;
const browser = await launch();
const issue16 = {};
const issue27 = {};
console.log(`Chromium ${browser.version()} headless, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`release build from dist/ served on 127.0.0.1 with gzip, no network throttling; ${RUNS} cold loads, fresh context each`);
try {
  // This build and the previous release, alternately, so that both meet the same machine load.
  for (const [name, srv] of [['this build', server], ['previous release', baseline]]) {
    if (!srv || LINKS_ONLY) continue;
    issue16[name] = { slow: await slowLoads(browser, srv), tasks: await takeoverTasks(browser, srv) };
  }
  for (const [name, srv] of [['this build', server], ['previous release', baseline]]) {
    if (srv) issue27[name] = await linkLoads(browser, srv);
  }
  if (!LINKS_ONLY) {
    await coldLoads(browser, server);
    await languageBytes(browser, server);
    await results(browser, server);
    await workshop(browser, server);
    await screenshots(browser, server);
  }
} finally {
  await browser.close();
  await server.close();
  await baseline?.close();
}
if (!LINKS_ONLY) printRows();

// Lighthouse (mobile) for issue 16: performance, LCP and TBT, median of the runs, per build.
function lighthouseFigures(runs) {
  const number = (r, id) => r.numeric[id];
  return {
    performance: stats(runs.map((r) => r.scores.performance)).median,
    lcp: stats(runs.map((r) => number(r, 'largest-contentful-paint'))).median,
    tbt: stats(runs.map((r) => number(r, 'total-blocking-time'))).median,
  };
}

function printIssue16(lighthouse) {
  const builds = Object.keys(issue16);
  const ms = (v) => `${Math.round(v).toLocaleString('en')} ms`;
  const col = (v) => String(v).padStart(24);
  console.log(`\nIssue 16, slow-phone profile (CDP: ${SLOW.latency} ms latency, ${SLOW.down / 1e6} Mbit/s down, ${SLOW.up / 1e3} kbit/s up, CPU ${SLOW.cpu}x), served with gzip, same run:`);
  console.log(`${''.padEnd(58)}${builds.map(col).join('')}   goal`);
  const line = (what, values, goal = '') => console.log(`${what.padEnd(58)}${values.map(col).join('')}   ${goal}`);
  const goal = (value, limit, better) => (better === 'lower' ? value <= limit : value >= limit) ? 'met' : 'NOT MET';
  const mine = issue16['this build'];
  line(`first question usable (median of ${SLOW_RUNS}; min-max)`, builds.map((b) => `${ms(issue16[b].slow.usable.median)} (${Math.round(issue16[b].slow.usable.min)}-${Math.round(issue16[b].slow.usable.max)})`),
    `<= 1,200 ms: ${goal(mine.slow.usable.median, 1200, 'lower')}`);
  line('app running (took over / drew the first question)', builds.map((b) => ms(issue16[b].slow.app.median)));
  line(`longest task until 1 s after the app runs, desktop (median of ${FEW})`, builds.map((b) => ms(issue16[b].tasks.longest.median)),
    `<= 50 ms: ${goal(mine.tasks.longest.median, 50, 'lower')}`);
  line('tasks over 50 ms in that time, desktop (median)', builds.map((b) => issue16[b].tasks.count.median));
  if (lighthouse) {
    const lh = builds.map((b) => lighthouse[b]);
    line(`Lighthouse mobile performance (median of ${LIGHTHOUSE_RUNS})`, lh.map((l) => l.performance), `>= 98: ${goal(lh[0].performance, 98, 'higher')}`);
    line('Lighthouse LCP (median)', lh.map((l) => ms(l.lcp)), `<= 1,500 ms: ${goal(lh[0].lcp, 1500, 'lower')}`);
    line('Lighthouse TBT (median)', lh.map((l) => ms(l.tbt)), `<= 50 ms: ${goal(lh[0].tbt, 50, 'lower')}`);
  }
  if (!BASELINE) console.log('  (no --baseline given: the previous release was not measured)');
  else console.log(`  previous release: ${BASELINE}`);
}

let lighthouse16 = null;
if (LIGHTHOUSE_RUNS) {
  const { runs, uncompressed } = await lighthouseRuns();
  lighthouse16 = { 'this build': lighthouseFigures(runs) };
  if (baseline) lighthouse16['previous release'] = lighthouseFigures((await lighthouseRuns(BASELINE, { uncompressed: false })).runs);
  const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
  console.log(`\nLighthouse ${runs[0].version} (${runs[0].setup}), served with gzip, ${runs.length} run(s):`);
  runs.forEach((r, i) => console.log(`  run ${i + 1}: ${cats.map((c) => `${c} ${r.scores[c]}`).join(', ')}; ${Object.entries(r.metrics).map(([k, v]) => `${k} ${v}`).join(', ')}`));
  const median = Object.fromEntries(cats.map((c) => [c, stats(runs.map((r) => r.scores[c])).median]));
  console.log(`  median: ${cats.map((c) => `${c} ${median[c]}`).join(', ')}`);
  const budget = { performance: 95, accessibility: 100, 'best-practices': 100 };
  for (const [c, min] of Object.entries(budget)) {
    console.log(`  budget ${c} >= ${min}: ${median[c] >= min ? 'met' : 'NOT MET'} (median ${median[c]})`);
  }
  const failing = [...new Set(runs.flatMap((r) => r.failing))];
  console.log(failing.length ? `  audits below 100 (accessibility, best practices, SEO):\n${failing.map((f) => `    - ${f}`).join('\n')}` : '  no accessibility, best-practices or SEO audit below 100');
  const warnings = [...new Set(runs.flatMap((r) => r.warnings))];
  if (warnings.length) console.log(`  Lighthouse warnings: ${warnings.join(' | ')}`);
  if (uncompressed) {
    console.log(`  for comparison, served without compression: ${cats.map((c) => `${c} ${uncompressed.scores[c]}`).join(', ')}; ${Object.entries(uncompressed.metrics).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
}
if (!LINKS_ONLY) printIssue16(lighthouse16);
printIssue27(issue27);

// Issue 27: Lighthouse (mobile) on a shared result's address too, for both builds.
if (LIGHTHOUSE_RUNS) {
  const payload = await sharedPayload();
  const cats = ['performance', 'accessibility', 'best-practices'];
  console.log(`\nIssue 27, Lighthouse mobile on a shared result's address (#r=…), median of ${LIGHTHOUSE_RUNS}:`);
  for (const [name, dir] of [['this build', undefined], ['previous release', BASELINE]]) {
    if (name !== 'this build' && !dir) continue;
    const { runs } = await lighthouseRuns(dir, { uncompressed: false, hash: `#r=${payload}` });
    const median = (f) => stats(runs.map(f)).median;
    const failing = [...new Set(runs.flatMap((r) => r.failing))];
    console.log(`  ${name.padEnd(18)} ${cats.map((c) => `${c} ${median((r) => r.scores[c])}`).join(', ')}, TBT ${Math.round(median((r) => r.numeric['total-blocking-time']))} ms, LCP ${Math.round(median((r) => r.numeric['largest-contentful-paint']))} ms${failing.length ? `; below 100: ${failing.join(' | ')}` : ''}`);
  }
}
