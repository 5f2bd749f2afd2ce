// Stored Stagefit data built for tests and the bench: assessments of history format 2 (each
// under its own key), a format-1 history, and ways to plant them or fill storage in a page.

import { readFile } from 'node:fs/promises';

const QUESTIONS = ['company.engineers', 'company.product_fit', 'company.hiring', 'company.teams',
  'company.legacy', 'company.budget', 'company.pains', 'strategy.focus', 'strategy.changed',
  'platform.path_to_production', 'platform.infrastructure', 'platform.golden_paths', 'platform.provisioning',
  'platform.monitoring', 'platform.reliability', 'platform.incidents', 'platform.security',
  'platform.cost', 'platform.consolidation', 'platform.team_people', 'platform.coordination',
  'platform.goals', 'platform.reporting', 'platform.tech_choices', 'platform.build_buy',
  'platform.vendors', 'platform.under_way'];

// One finished assessment of the current bank (4), every question answered (option 0 or 1).
export function entry(id, label, created = 1760000000000, extra = {}) {
  const answers = Object.fromEntries(QUESTIONS.map((q, i) => [q, (i + created) % 2]));
  return { format: 'stagefit-snapshot', version: 1, bank: 4, id, label, created, updated: created, stage: null, answers, ...extra };
}

// `n` assessments with distinct ids and times.
export function entries(n, prefix = 'a') {
  return Array.from({ length: n }, (_, i) => entry(`${prefix}-${i}`, `Assessment ${i}`, 1760000000000 + i * 1000));
}

// The first questionnaire's question ids (bank 1), for assessments saved by the first release.
const QUESTIONS_V1 = ['company.engineers', 'company.product_fit', 'company.growth', 'company.teams',
  'company.legacy', 'company.budget', 'company.pain', 'company.platform_teams', 'strategy.focus',
  'strategy.changed', 'platform.delivery', 'platform.infrastructure', 'platform.golden_paths',
  'platform.self_service', 'platform.observability', 'platform.reliability', 'platform.incidents',
  'platform.security', 'platform.cost', 'platform.consolidation', 'platform.team_size',
  'platform.coordination', 'platform.goals', 'platform.reporting', 'platform.tech_choices',
  'platform.build_buy', 'platform.vendors'];

// `n` assessments of every kind History meets (issue 26): a third saved by the first
// questionnaire (bank 1), the rest by the current one, and every fourth with three versions.
export function mixedEntries(n, prefix = 'm') {
  return Array.from({ length: n }, (_, i) => {
    const created = 1760000000000 + i * 1000;
    if (i % 3 === 0) {
      const answers = Object.fromEntries(QUESTIONS_V1.map((q, k) => [q, (k + i) % 2]));
      return { format: 'stagefit-snapshot', version: 1, bank: 1, id: `${prefix}-${i}`, label: `Old ${i}`, created, updated: created, stage: null, answers };
    }
    const e = entry(`${prefix}-${i}`, `Assessment ${i}`, created);
    if (i % 4 === 1) {
      const version = (v) => ({ v, bank: 3, updated: created + v, stage: null,
        answers: Object.fromEntries(QUESTIONS.map((q, k) => [q, (k + v) % 2])) });
      Object.assign(e, { updated: created + 3, v: 3, versions: [version(1), version(2)] });
    }
    return e;
  });
}

export const historyV1 = (list) => JSON.stringify({ format: 'stagefit-history', version: 1, assessments: list });

// Every Stagefit key and value in the page's storage.
export const stored = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('stagefit.')).map((k) => [k, localStorage.getItem(k)])));

// Plants `values` (key to text; an array of entries becomes one key each) and reloads, once the
// app is running so only the reload reads them.
export async function plant(page, appReady, values = {}, list = []) {
  await appReady(page);
  await page.evaluate(({ values, list }) => {
    for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v);
    for (const e of list) localStorage.setItem(`stagefit.assessment.${e.id}`, JSON.stringify(e));
  }, { values, list });
  await page.reload();
  await appReady(page);
}

// Fills the origin's storage with another site's keys until not one more character fits.
export function fill(page) {
  return page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 1) {
      try { localStorage.setItem(`someone.else.${n}`, 'x'.repeat(size)); n += 1; } catch { size = Math.floor(size / 2); }
    }
    return n;
  });
}

// Removes what `fill` wrote.
export function unfill(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('someone.else.'))
    .forEach((k) => localStorage.removeItem(k)));
}

// Real result payloads, one per released link of format 2 (tests/fixtures/links-format2.txt).
export async function fixturePayloads() {
  const text = await readFile(new URL('../fixtures/links-format2.txt', import.meta.url), 'utf8');
  return text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.slice(l.lastIndexOf(' ') + 1));
}
