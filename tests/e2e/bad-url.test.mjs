// Any URL opens a working app: unknown fragments and odd query strings are ignored, never a
// blank page or a panic (issue 2, "Bad input").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const ODD = [
  '#',
  '#unknown-view',
  '#%E0%A4%A',
  '#<script>alert(1)</script>',
  '?',
  '?a=1&&b==2&%zz',
  '?q=' + 'x'.repeat(5000),
  '?view=results#s=garbage',
  'index.html?javascript:alert(1)#\u0000',
];

for (const suffix of ODD) {
  test(`opens a working app at ${JSON.stringify(suffix.slice(0, 40))}`, async () => {
    const { page, problems, close } = await openPage(browser, server.origin);
    page.on('dialog', (d) => { problems.push('dialog ' + d.message()); d.dismiss(); });
    await page.goto(server.url + suffix);
    const app = new App(page);
    await app.start();
    assert.ok(await page.locator('fieldset[data-question]').count() > 0);
    assert.deepEqual(problems, []);
    await close();
  });
}
