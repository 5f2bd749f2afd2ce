// A shared result introduces itself (issue 14): headed "Shared result" with its label, one
// sentence on what Stagefit is, and an offer to start your own, all on a phone's first screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, App } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function linkFor(label) {
  const { page, close } = await openPage(browser, server.origin);
  await page.goto(server.url);
  const app = new App(page);
  await app.start();
  await app.answerAll({ company: 'max', strategy: '1', platform: 'mid' });
  if (label) await page.getByLabel('Name this result (optional)').fill(label);
  const link = await page.getByTestId('share-link').inputValue();
  await close();
  return link;
}

test('a shared result is headed with its label, says what Stagefit is and offers to start your own', async () => {
  for (const [label, heading] of [['Team Orion', 'Shared result: “Team Orion”'], ['', 'Shared result']]) {
    const link = await linkFor(label);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(link);
    // The page's own frame ("Opening a shared result", issue 27) comes first; then the app's.
    const h1 = page.getByRole('heading', { level: 1, name: /^Shared result/ });
    await h1.waitFor();
    assert.equal(await h1.textContent(), heading);
    const intro = page.locator('.shared-intro p').first();
    const [, minutes] = (await intro.textContent()).match(/^Stagefit is a questionnaire of about (\d+) minutes that tells a platform team whether its platform fits the stage its company is at\./);
    // The same estimate as the landing page's (issue 31), both from the bank.
    const landing = await context.newPage();
    await landing.goto(new URL(link).origin + new URL(link).pathname);
    assert.match(await landing.locator('.lead').first().textContent(), new RegExp(`\\(about ${minutes} minutes\\)`));
    await landing.close();
    const start = page.getByRole('button', { name: 'Start my own assessment' });
    const box = await start.boundingBox();
    assert.ok(box.y + box.height <= 844, `"Start my own assessment" on the first screen (${box.y})`);
    assert.ok(await page.getByRole('button', { name: 'Save to my history' }).isVisible());
    // Someone else's result is not theirs to name or change.
    assert.equal(await page.getByLabel('Name this result (optional)').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Change answers' }).isVisible(), false);
    await context.close();
  }
});
