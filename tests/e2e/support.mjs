// Shared helpers for the end-to-end journeys: a static server for dist/ (at the root or under a
// sub-path), a headless Chromium from Debian, a guard that records anything a journey must never
// do (requests to another origin, console errors, uncaught errors), and a small page object
// that drives the app the way the page contract describes.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, '../../dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

// Serves dist/ (or `dir`) as plain files under `base` ("/" or "/stagefit/") on 127.0.0.1, like any
// static host would: no rewrites, no fallbacks, 404 for everything else. `use(dir)` swaps what
// is served (a new release); `stall()` accepts requests and never answers them (bad Wi-Fi);
// `close()` shuts the server and every open connection, so the network is really gone.
// With `gzip`, text, JavaScript and wasm go gzip-compressed to browsers that accept it, as nginx
// or GitHub Pages send them (the benchmarks use this; the journeys do not need it).
//
// `hold(pattern)` keeps back the response to every request whose path matches until the
// returned `release()` is called (the wasm arriving late on a slow network). `sent` lists what
// the server sent, one { path, bytes } per response body, for counting a visit's bytes.
// `fail(pattern, how)` answers every request whose path matches with a 404 (`how` = 404) or cuts
// the connection halfway through the body (`how` = 'cut'), until the returned `mend()` is called.
export async function serve(base = '/', dir = DIST, { gzip = false } = {}) {
  let root = path.resolve(dir);
  let stalled = false;
  const compressed = new Map();
  const held = [];
  const failing = [];
  const sent = [];
  const server = http.createServer(async (req, res) => {
    if (stalled) return;
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    for (const h of held) {
      if (h.pattern.test(pathname) && !h.released) await h.promise;
    }
    const failure = failing.find((f) => f.pattern.test(pathname) && !f.mended);
    if (failure?.how === 404) return void res.writeHead(404).end('not found');
    if (failure?.how === 'cut') {
      const body = await fs.readFile(path.resolve(root, pathname.slice(base.length))).catch(() => Buffer.alloc(4096));
      res.writeHead(200, { 'content-type': TYPES[path.extname(pathname)] || 'application/octet-stream', 'content-length': body.length });
      res.write(body.subarray(0, body.length >> 1), () => res.destroy());
      return;
    }
    const end = res.end.bind(res);
    res.end = (body, ...rest) => {
      sent.push({ path: pathname, bytes: body ? Buffer.byteLength(body) : 0 });
      return end(body, ...rest);
    };
    if (!pathname.startsWith(base)) return void res.writeHead(404).end('not found');
    let rel = pathname.slice(base.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep)) return void res.writeHead(404).end('not found');
    try {
      const type = TYPES[path.extname(file)] || 'application/octet-stream';
      if (gzip && type !== 'application/octet-stream' && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        if (!compressed.has(file)) compressed.set(file, zlib.gzipSync(await fs.readFile(file), { level: 9 }));
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        return void res.end(compressed.get(file));
      }
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    origin: `http://127.0.0.1:${port}`,
    use: (d) => { root = path.resolve(d); },
    stall: () => { stalled = true; },
    hold: (pattern) => {
      const h = { pattern, released: false };
      h.promise = new Promise((resolve) => { h.release = () => { h.released = true; resolve(); }; });
      held.push(h);
      return h.release;
    },
    fail: (pattern, how) => {
      const f = { pattern, how, mended: false };
      failing.push(f);
      return () => { f.mended = true; };
    },
    sent,
    close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }),
  };
}

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

// Opens a fresh page that records every request to another origin, console error, failed
// response and uncaught error into `problems`; a journey ends by asserting it is empty.
// `options` go to the browser context (`locale: 'de-DE'` is a browser that prefers German).
export async function openPage(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push('foreign request ' + u);
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console error ' + m.text()); });
  page.on('pageerror', (e) => problems.push('page error ' + e.message));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(r.status() + ' ' + r.url()); });
  return { page, problems, close: () => context.close() };
}

// Waits until the app has drawn a result whole: on a shared result's address the viewer draws
// its verdict first, without the areas, while the app is still coming (issue 27).
export async function resultDrawn(page) {
  await page.locator('[data-testid="alignment-score"]').waitFor();
  await page.locator('#prerendered').waitFor({ state: 'detached' });
}

// Waits until the app has started: a new visitor sees the first question on the landing view;
// a returning one may see the offer to resume (with a Start button) or another view.
export async function appReady(page, options = {}) {
  await page.locator('fieldset[data-question], main button:text-matches("start", "i"), main h1').first().waitFor(options);
  // The saved history is read after the first view, a part at a time (issue 18); until then
  // History and Compare say they are reading it.
  await page.locator('main[data-history="ready"]').waitFor({ ...options, state: 'attached' });
}

// Waits until a shared result's address is the app's: its heading is drawn (by the viewer first,
// issue 27) and the app has taken the page over.
export async function sharedResultOpened(page) {
  await page.getByRole('heading', { name: /^Shared result/ }).waitFor();
  await appReady(page);
}

// A well-formed share-link payload of a future link format (3; this build writes 2): its header,
// zeros, and the check every format from 2 on ends in (docs/formats.md): a CRC-16/IBM-SDLC of the
// bytes before it, big-endian, then the CRC-8/SMBUS of everything before that, so a build can
// tell it from noise (issue 30).
export function newerLink() {
  const body = [0x30, 0x00, 0x00];
  let crc16 = 0xffff;
  for (const b of body) {
    crc16 ^= b;
    for (let i = 0; i < 8; i++) crc16 = crc16 & 1 ? (crc16 >>> 1) ^ 0x8408 : crc16 >>> 1;
  }
  crc16 ^= 0xffff;
  const withCrc16 = [...body, crc16 >> 8, crc16 & 0xff];
  let crc = 0;
  for (const b of withCrc16) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return Buffer.from([...withCrc16, crc]).toString('base64url');
}

// The page object: every action is one a person takes, found by role, label or the contract's hooks.
export class App {
  constructor(page) {
    this.page = page;
  }

  // Brings the first question on screen: it is on the landing view unless an unfinished
  // assessment is offered first, where a Start button leads on.
  async start() {
    const first = this.page.locator('fieldset[data-question]').first();
    await appReady(this.page);
    if (!(await first.isVisible())) await this.page.getByRole('button', { name: /start/i }).first().click();
    await first.waitFor();
  }

  // Creates a workshop from the navigation and returns its join link and id.
  async newWorkshop(name) {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Workshop' }).click();
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    await this.page.getByRole('button', { name: 'Create workshop' }).click();
    const join = await this.page.getByRole('textbox', { name: 'Join link' }).inputValue();
    return { join, id: join.match(/#join=([^.]+)\./)[1] };
  }

  // Answers every question on the current step: `how` maps a part (company, strategy,
  // platform) to min, max, mid, unknown or an option index.
  async answerStep(how = {}) {
    for (const fs of await this.page.locator('fieldset[data-question]').all()) {
      const part = await fs.getAttribute('data-part');
      const want = how[part] ?? 'mid';
      if (want === 'unknown') {
        await fs.locator('input[value="unknown"]').check();
        continue;
      }
      // One option, also where several can be picked (checkboxes).
      const known = fs.locator('input:is([type=radio], [type=checkbox]):not([value="unknown"])');
      const n = await known.count();
      const index = want === 'min' ? 0 : want === 'max' ? n - 1 : want === 'mid' ? Math.floor((n - 1) / 2) : Math.min(Number(want), n - 1);
      await known.nth(index).check();
    }
  }

  // Answers step after step until the results show, pressing each step's primary button (Next,
  // then "See results"), found by its id so that it works in every language.
  async answerAll(how = {}) {
    for (let step = 0; step < 50; step++) {
      await this.answerStep(how);
      const before = await this.page.evaluate(() => location.hash);
      await this.page.locator('#step-primary').click();
      await this.page.waitForFunction((h) => location.hash !== h
        || document.querySelector('[data-testid="alignment-score"]'), before);
      if (await this.page.locator('[data-testid="alignment-score"]').count()) {
        await this.page.locator('[data-testid="alignment-score"]').waitFor();
        return;
      }
    }
    throw new Error('never reached the results');
  }

  async results() {
    await resultDrawn(this.page);
    const text = async (sel) => (await this.page.locator(sel).textContent()).trim();
    return {
      stage: await text('[data-testid="stage"]'),
      score: await text('[data-testid="alignment-score"]'),
      findings: await this.page.$$eval('[data-dimension][data-finding]', (els) =>
        Object.fromEntries(els.map((e) => [e.getAttribute('data-dimension'), e.getAttribute('data-finding')]))),
    };
  }
}

// What axe finds on the page as it is now, one line per rule broken ("where: rule (impact)
// first places"), so a test asserts the list is empty and a failure says what and where.
export async function axeFindings(page, where) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
