// Waypoint's service worker: the app keeps working with no network.
//
// scripts/post-build.mjs copies this file into the build as sw.js and fills in
// the build's version, the exact list of the files the app runs on (and
// which of them carry a hash of their contents in their names) and the files
// kept only once something asks for them. Each version keeps its
// own cache, serves those files from it (cache first) and serves the app shell
// (index.html) for navigations, so a page always runs one version whole. A new
// version installs in the background and waits: it takes over only when the
// page asks (the update banner's Reload button sends SKIP_WAITING) or once no
// page of the old version is open, and every open page then reloads.
const VERSION = '__WAYPOINT_VERSION__';
// Paths relative to this script; './' is the app shell.
const FILES = __WAYPOINT_FILES__;
// Of those, the files whose names change whenever their contents do (the
// wasm, the JS glue, the style sheets): any copy of one is this version's.
const CONTENT_HASHED = new Set(__WAYPOINT_CONTENT_HASHED__);
// Files the app itself never loads: the PNG icons, which a browser asks for
// when the app is installed, and the plan file's schema, for people and
// tools. Downloaded at the first visit they would cost every visitor, so each
// is kept in this version's cache the first time it is asked for.
const ON_DEMAND = __WAYPOINT_ON_DEMAND__;

const SCOPE = new URL(self.registration.scope);
// Caches are per origin: keep this scope's apart from another copy of
// Waypoint on the same host under another path.
const CACHE_PREFIX = `waypoint:${SCOPE.pathname}:`;
const CACHE = CACHE_PREFIX + VERSION;
const SHELL = new URL('./', self.location).href;
const PRECACHED = new Set(FILES.map((path) => new URL(path, self.location).pathname));
const KEPT_ON_DEMAND = new Set(ON_DEMAND.map((path) => new URL(path, self.location).pathname));

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    FILES.map(async (path) => {
      const url = new URL(path, self.location);
      // A content-hashed file the page has just downloaded comes from the
      // HTTP cache, not again over the network: its name vouches for it. The
      // others keep their names from version to version, so the server is
      // asked whether the copy at hand is still current (a 304 costs a few
      // headers): a stale copy must not end up in this version.
      const response = await fetch(url, { cache: CONTENT_HASHED.has(path) ? 'default' : 'no-cache' });
      if (!response.ok) throw new Error(`Waypoint ${VERSION}: ${url.pathname} answered ${response.status}`);
      await cache.put(url, response.redirected ? await unredirected(response) : response);
    }),
  );
}

// A redirected response may not answer a navigation; keep its body and headers only.
async function unredirected(response) {
  return new Response(await response.blob(), { status: response.status, headers: response.headers });
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data?.type;
  if (type === 'SKIP_WAITING') {
    self.skipWaiting();
  } else if (type === 'GET_VERSION') {
    event.ports[0]?.postMessage(VERSION);
  }
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The app's own address, with or without index.html: sections live in the
    // fragment, which never reaches here. Other pages (waypoint.html) pass.
    if (url.pathname === SCOPE.pathname || url.pathname === `${SCOPE.pathname}index.html`) {
      event.respondWith(fromCache(SHELL, request));
    }
    return;
  }
  if (PRECACHED.has(url.pathname)) {
    event.respondWith(fromCache(url.origin + url.pathname, request));
  } else if (KEPT_ON_DEMAND.has(url.pathname)) {
    event.respondWith(fromCacheOrKept(url.origin + url.pathname, request));
  }
});

// This version's copy; the network only if the cache has lost it.
async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  return cached ?? fetch(request);
}

// This version's copy if it has one; otherwise the network's, kept for next time.
async function fromCacheOrKept(key, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && !response.redirected) await cache.put(key, response.clone());
  return response;
}
