// Deployment under a sub-path: the same dist/ served from /stagefit/ on a plain static host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App, appReady } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/stagefit/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('the release build works unchanged under /stagefit/', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerAll({ company: 'max', platform: 'max' });
  const r = await app.results();
  assert.match(r.stage, /Mature/);
  assert.match(r.score, /\d+/);
  assert.deepEqual(problems, []);
  await close();
});

test('a reload under the sub-path, with a query and a fragment, opens the app', async () => {
  const { page, problems, close } = await openPage(browser, server.origin);
  await page.goto(server.url + 'index.html?from=chat#whatever');
  await assert.doesNotReject(appReady(page));
  await page.reload();
  await assert.doesNotReject(appReady(page));
  assert.deepEqual(problems, []);
  await close();
});
