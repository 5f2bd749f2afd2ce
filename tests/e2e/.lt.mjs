import { serve, launch } from '/work/main/tests/e2e/support.mjs';
const [,, hash, dir] = process.argv;
const server = await serve('/', dir || undefined, { gzip: true });
const browser = await launch();
for (let run = 0; run < 2; run++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(server.url + hash);
  await page.locator('main[data-history="ready"]').waitFor({ state: 'attached', timeout: 60000 });
  await page.waitForTimeout(1500);
  console.log(JSON.stringify(await page.evaluate(() => window.__lt)));
  await context.close();
}
await browser.close(); await server.close();
