// A one-screen verdict (issue 14): at 1280x800 and on a 390x844 phone, the first screen of the
// results, without scrolling and below the site header, holds the stage-fit gauge with its
// number and words, the stage with its confidence, and the three priority cards (area, ahead or
// behind, one sentence of action). Measured by bounding boxes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, App } from './support.mjs';

let server;
let browser;
before(async () => { server = await serve('/'); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`the verdict fills the first screen at ${viewport.width}x${viewport.height}`, async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(server.url);
    const app = new App(page);
    await app.start();
    // A growth company on a light platform: behind in many areas, three priorities.
    await app.answerAll({ company: 'mid', strategy: '3', platform: 'min' });
    await page.evaluate(() => window.scrollTo(0, 0));
    const header = await page.locator('.site-header').boundingBox();
    const onFirstScreen = async (locator, what) => {
      assert.ok(await locator.isVisible(), `${what} is visible`);
      const box = await locator.boundingBox();
      assert.ok(box.y >= header.y + header.height - 1, `${what} starts below the header (${box.y})`);
      assert.ok(box.y + box.height <= viewport.height, `${what} ends at ${box.y + box.height}, below ${viewport.height}`);
      assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `${what} fits across`);
    };
    await onFirstScreen(page.locator('svg.gauge-arc'), 'the gauge');
    const score = page.getByTestId('alignment-score');
    await onFirstScreen(score, 'the score');
    assert.match(await score.textContent(), /^\d{1,3} out of 100$/);
    const words = page.locator('.verdict-words');
    await onFirstScreen(words, 'the score in words');
    assert.match(await words.textContent(), /^(Fits your stage well|Partly fits your stage|Out of step with your stage)$/);
    const stage = page.getByTestId('stage');
    await onFirstScreen(stage, 'the stage');
    assert.match(await stage.textContent(), /Growth/);
    await onFirstScreen(page.getByText(/^(High|Medium|Low) confidence$/), 'the confidence');
    const cards = page.getByTestId('priority');
    assert.equal(await cards.count(), 3);
    for (let i = 0; i < 3; i++) {
      const card = cards.nth(i);
      await onFirstScreen(card, `priority ${i + 1}`);
      const text = await card.textContent();
      assert.match(text, /^[A-Z]/, text);
      assert.match(text, /(Ahead|Behind|Prepare)/, text);
      assert.match(await card.locator('.priority-action').textContent(), /^[A-Z][^.]+\.$/, 'one sentence of action');
      assert.equal(await card.locator('details').getAttribute('open'), null, 'cards start folded');
    }
    await context.close();
  });
}
