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
//   node tests/bench/browser.mjs [--runs 10] [--lighthouse-runs 3] [--no-lighthouse]
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
const LIGHTHOUSE_RUNS = process.argv.includes('--no-lighthouse') ? 0 : arg('--lighthouse-runs', 3);

// Installed in every page before its own scripts: notes when each thing first shows.
function markers() {
  const marks = (window.__marks = {});
  const enabled = (el) => el && el.matches(':enabled');
  const checks = {
    start: () => [...document.querySelectorAll('button')].some((b) => /start/i.test(b.textContent) && enabled(b)),
    question: () => {
      const radios = [...(document.querySelector('fieldset[data-question]')?.querySelectorAll('input[type=radio]') ?? [])];
      return radios.length > 0 && radios.every(enabled);
    },
    results: () => /\d/.test(document.querySelector('[data-testid="alignment-score"]')?.textContent ?? ''),
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
  addEventListener('click', (e) => {
    const button = e.target.closest?.('button');
    if (button) marks[`click ${button.textContent.trim()}`] = performance.now();
  }, true);
}

async function fresh(browser) {
  const context = await browser.newContext();
  await context.addInitScript(markers);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const marks = () => page.evaluate(() => window.__marks);
  const shown = async (name) => {
    await page.waitForFunction((n) => window.__marks[n]?.frame !== undefined, name, { timeout: 60000 });
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
    fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    question.push(q.dom); questionFrame.push(q.frame);
    await done();
  }
  row('cold load: navigation → first contentful paint ("Loading…" line)', fcp);
  row('cold load: navigation → first question\'s radios attached and enabled', question, questionFrame);
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
    await page.getByRole('navigation').getByRole('button', { name: 'Workshop' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Bench');
    await page.getByRole('button', { name: 'Create workshop' }).click();
    const join = await page.getByRole('textbox', { name: 'Join link' }).inputValue();
    const id = join.match(/#join=([^.]+)\./)[1];
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
  return { scores, metrics, failing, setup, version: report.lighthouseVersion, warnings: report.runWarnings };
}

async function lighthouseRuns() {
  const gz = await serve('/', undefined, { gzip: true });
  const plain = await serve('/');
  const runs = [];
  try {
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(summarize(await lighthouse(gz.url, `gzip run ${i + 1}`)));
    const uncompressed = LIGHTHOUSE_RUNS ? summarize(await lighthouse(plain.url, 'uncompressed')) : null;
    return { runs, uncompressed };
  } finally {
    await gz.close();
    await plain.close();
  }
}

const server = await serve('/', undefined, { gzip: true });
const browser = await launch();
console.log(`Chromium ${browser.version()} headless, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`release build from dist/ served on 127.0.0.1 with gzip, no network throttling; ${RUNS} cold loads, fresh context each`);
try {
  await coldLoads(browser, server);
  await results(browser, server);
  await workshop(browser, server);
  await screenshots(browser, server);
} finally {
  await browser.close();
  await server.close();
}
printRows();

if (LIGHTHOUSE_RUNS) {
  const { runs, uncompressed } = await lighthouseRuns();
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
