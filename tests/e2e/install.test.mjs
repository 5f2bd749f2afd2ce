// Installing (issue 31): the release build is an installable web app at / and under a
// sub-path: Chromium's own install check finds nothing missing, every icon the manifest names
// loads as a PNG of the size it says, and the installed app, opened at the manifest's start
// address with the network gone, starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, appReady, CHROMIUM_FLAGS } from './support.mjs';

// A browser with a profile of its own: in a private window (Playwright's usual contexts)
// Chromium installs nothing and says so ("in-incognito").
async function profile(origin) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stagefit-install-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const problems = [];
  context.on('page', (page) => {
    page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push('foreign request ' + r.url()); });
    page.on('console', (m) => { if (m.type() === 'error') problems.push('console error ' + m.text()); });
    page.on('pageerror', (e) => problems.push('page error ' + e.message));
  });
  return { context, problems, close: async () => { await context.close(); await fs.rm(dir, { recursive: true }); } };
}

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null);

for (const base of ['/', '/stagefit/']) {
  test(`Chromium finds nothing that keeps Stagefit from being installed, and it starts offline (${base})`, async () => {
    const server = await serve(base);
    const { context, problems, close } = await profile(server.origin);
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await appReady(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, [], JSON.stringify(installabilityErrors));

      const { url: manifestUrl, errors, data } = await cdp.send('Page.getAppManifest');
      assert.deepEqual(errors, []);
      assert.equal(manifestUrl, server.url + 'manifest.webmanifest');
      const manifest = JSON.parse(data);
      assert.equal(manifest.display, 'standalone');
      const start = new URL(manifest.start_url, manifestUrl).href;
      assert.equal(start, server.url, 'the start address is where the site is served');
      assert.equal(new URL(manifest.scope, manifestUrl).href, server.url);

      // Every icon loads and is the size it says; one of them is maskable.
      assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
      for (const icon of manifest.icons) {
        const src = new URL(icon.src, manifestUrl).href;
        const size = await page.evaluate(async (src) => {
          const r = await fetch(src);
          if (!r.ok || r.headers.get('content-type') !== 'image/png') return `HTTP ${r.status} ${r.headers.get('content-type')}`;
          const bitmap = await createImageBitmap(await r.blob());
          return `${bitmap.width}x${bitmap.height}`;
        }, src);
        assert.equal(size, icon.sizes, src);
      }
      // The home-screen icon iOS asks for, named by the page.
      const touch = await page.locator('link[rel="apple-touch-icon"]').evaluate((l) => l.href);
      assert.equal((await fetch(touch)).status, 200);

      // The installed app opens its start address: with the network gone, it starts.
      await controlled(page);
      await server.close();
      const installed = await context.newPage();
      await installed.goto(start);
      await appReady(installed);
      assert.equal(await installed.locator('h1').first().isVisible(), true);
      assert.deepEqual(problems, []);
    } finally {
      await close();
      await server.close();
    }
  });
}
