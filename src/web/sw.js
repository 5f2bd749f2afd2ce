// Stagefit's service worker: keeps this build's files so the app starts with the network gone.
// The build (src/web/post_build.py) writes BUILD: every file of dist/ with its SHA-384, and a version
// derived from them. A new release is a new sw.js, so the browser installs it on the next load.
//
// - install: fetch every file (checked against its hash; from the HTTP cache where it holds this
//   build's copy) into a new cache, then take over at once;
// - activate: delete this scope's caches of other builds, and control the open pages;
// - the page (a navigation to the scope or index.html): network first, so a new release shows on
//   the next load; the cached page when the network fails or has not answered in 4 seconds;
// - the hashed files: from the cache, else the network. Nothing else is touched.
// - the languages' strings (files marked "lazy": i18n/<namespace>/<language>.json): install
//   keeps only those the page has already fetched (the language in use), so a first visit never
//   downloads a language nobody reads; any other is cached the first time it is asked for. The
//   viewer's files (viewer-*, which only a shared result's address starts) are lazy the same way.
//
// Each cache holds one build's page together with that page's files, and only install writes to
// it, so whatever is served from a cache is one consistent build.
const BUILD = { version: 'unbuilt', files: [] }; // written by src/web/post_build.py

const SCOPE = self.registration.scope;
const PREFIX = 'stagefit-';
// The scope is part of the name: two deployments on one origin (say /stagefit/ and /beta/)
// share its cache storage and must not delete each other's caches.
const CACHE = `${PREFIX}${BUILD.version} ${SCOPE}`;
const PAGE = new URL('./', SCOPE).href;
const PAGES = new Set([PAGE, new URL('index.html', SCOPE).href]);
const ASSETS = new Set(BUILD.files.map(([path]) => new URL(path, SCOPE).href).filter((u) => u !== PAGE));
const LAZY = new Map(BUILD.files.filter(([, , lazy]) => lazy).map(([path, integrity]) => [new URL(path, SCOPE).href, integrity]));
const NETWORK_WAIT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      await Promise.all(BUILD.files.map(async ([path, integrity, lazy]) => {
        const url = new URL(path, SCOPE).href;
        if (lazy) {
          // Only from the HTTP cache: a language is downloaded when someone reads it, and the
          // viewer when a shared result's address is opened.
          const held = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin', integrity }).catch(() => null);
          if (held && held.ok) await cache.put(url, held);
          return;
        }
        // Each file is taken from the HTTP cache when it holds it, stale or not: the page has
        // just loaded these files, the asset names carry their content's hash, and the integrity
        // check refuses any copy that is not this build's, so a first visit downloads each file
        // once. A copy that fails (an older page in the cache, a deployment half done) is asked
        // of the server itself, and checked again.
        const get = (cache) => fetch(url, { cache, integrity }).then((r) => {
          if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
          return r;
        });
        const response = await get('force-cache').catch(() => get('reload'));
        // A redirected response cannot answer a navigation: keep its body and headers only.
        await cache.put(url, response.redirected ? new Response(await response.blob(), response) : response);
      }));
    } catch (error) {
      await caches.delete(CACHE);
      throw error;
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key.endsWith(` ${SCOPE}`) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    url.search = '';
    url.hash = '';
    if (PAGES.has(url.href)) event.respondWith(page(request));
  } else if (ASSETS.has(url.href)) {
    event.respondWith(asset(request));
  }
});

async function page(request) {
  const network = fetch(request);
  network.catch(() => {});
  const late = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, null));
  try {
    const response = await Promise.race([network, late]);
    if (response && response.status < 500) return response;
  } catch {
    // No network: the cached page below.
  }
  return (await caches.match(PAGE, { cacheName: CACHE })) || network;
}

async function asset(request) {
  const cached = await caches.match(request.url, { cacheName: CACHE });
  if (cached) return cached;
  const integrity = LAZY.get(request.url);
  if (integrity === undefined) return fetch(request);
  // A language's strings or the viewer, asked for the first time: kept for the next time
  // offline.
  const response = await fetch(request.url, { integrity });
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request.url, response.clone());
  }
  return response;
}
