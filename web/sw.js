// Waypoint's service worker: the app keeps working with no network.
//
// scripts/post-build.mjs copies this file into the build as sw.js and fills in
// the build's version and the exact list of its files. Each version keeps its
// own cache, serves those files from it (cache first) and serves the app shell
// (index.html) for navigations, so a page always runs one version whole. A new
// version installs in the background and waits: it takes over only when the
// page asks (the update banner's Reload button sends SKIP_WAITING) or once no
// page of the old version is open, and every open page then reloads.
const VERSION = '__WAYPOINT_VERSION__';
// Paths relative to this script; './' is the app shell.
const FILES = __WAYPOINT_FILES__;

const SCOPE = new URL(self.registration.scope);
// Caches are per origin: keep this scope's apart from another copy of
// Waypoint on the same host under another path.
const CACHE_PREFIX = `waypoint:${SCOPE.pathname}:`;
const CACHE = CACHE_PREFIX + VERSION;
const SHELL = new URL('./', self.location).href;
const PRECACHED = new Set(FILES.map((path) => new URL(path, self.location).pathname));

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    FILES.map(async (path) => {
      const url = new URL(path, self.location);
      // Past the HTTP cache: a stale copy must not end up in this version.
      const response = await fetch(url, { cache: 'no-cache' });
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
  }
});

// This version's copy; the network only if the cache has lost it.
async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  return cached ?? fetch(request);
}
