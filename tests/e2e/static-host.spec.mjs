// Served as a real static host serves it: each file downloads once on a first
// visit (the service worker takes the page's files from the browser's cache
// and only checks the others), validators answer 304, content-hashed files
// may be kept for good, and the build's precompressed copies go to browsers
// that accept them.
import { test, expect } from '@playwright/test';
import { readFile, readdir } from 'node:fs/promises';
import { request as get } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serveDist } from '../../scripts/serve-dist.mjs';
import { serviceWorkerVersion } from './pwa.mjs';

test.use({ serviceWorkers: 'allow' });

let server;
let responses;
test.beforeAll(async () => {
  server = await serveDist({ root: 'dist', port: 0, onResponse: (response) => responses?.push(response) });
});
test.afterAll(async () => {
  await server?.close();
});

/** A plain HTTP GET, undecoded: status, headers and the bytes as sent. */
function fetchRaw(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = get(new URL(path, server.url), { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

async function builtFiles() {
  return (await readdir('dist', { recursive: true })).map((file) => file.split('\\').join('/'));
}

test('a first visit downloads each file once, the service worker\'s cache included', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'the same downloads at any width');
  responses = [];
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await serviceWorkerVersion(page);
  const firstVisit = responses;
  responses = null;

  const tally = (keep) => {
    const counts = new Map();
    for (const { path } of firstVisit.filter(keep)) counts.set(path, (counts.get(path) ?? 0) + 1);
    return counts;
  };
  const downloads = tally(({ status }) => status === 200);
  expect([...downloads].filter(([, count]) => count > 1).map(([path]) => path)).toEqual([]);
  // The wasm, the JS glue and the style sheets were asked for once, by the
  // page: the worker took them from the browser's cache, without even a check.
  const worker = await readFile('dist/sw.js', 'utf8');
  const precached = JSON.parse(/const FILES = (\[[\s\S]*?\]);/.exec(worker)[1]);
  const requests = tally(() => true);
  for (const file of precached.filter((name) => /\.(wasm|js|css)$/.test(name))) {
    expect(requests.get(`/${file}`), file).toBe(1);
  }
  // Every file the app runs on is in the worker's cache, and nothing else yet.
  const cachedPaths = () =>
    page.evaluate(async () => {
      const cache = await caches.open((await caches.keys()).find((name) => name.startsWith('waypoint:')));
      return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
    });
  const paths = precached.map((file) => (file === './' ? '/' : `/${file}`));
  expect(await cachedPaths()).toEqual([...paths].sort());
  const onDemand = JSON.parse(/const ON_DEMAND = (\[[\s\S]*?\]);/.exec(worker)[1]);
  expect(onDemand).toContain('icon-512.png');
  expect(firstVisit.some(({ path }) => path === '/icon-512.png')).toBe(false);

  // The icon a browser asks for to install the app is kept once asked for.
  expect(await page.evaluate(() => fetch('icon-512.png').then((response) => response.status))).toBe(200);
  expect(await cachedPaths()).toEqual([...paths, '/icon-512.png'].sort());
});

test('validators answer 304, and only content-hashed files are kept for good', async () => {
  const page = await fetchRaw('./');
  expect(page.status).toBe(200);
  expect(page.headers['cache-control']).toBe('no-cache');
  expect(page.headers.etag).toMatch(/^"[^"]+"$/);
  expect(page.headers['last-modified']).toBeTruthy();
  expect((await fetchRaw('./', { 'if-none-match': page.headers.etag })).status).toBe(304);
  expect((await fetchRaw('./', { 'if-modified-since': page.headers['last-modified'] })).status).toBe(304);
  expect((await fetchRaw('./', { 'if-none-match': '"another"' })).status).toBe(200);
  expect((await fetchRaw('./', { 'if-modified-since': new Date(0).toUTCString() })).status).toBe(200);

  const files = await builtFiles();
  const wasm = files.find((file) => file.endsWith('.wasm'));
  const hashed = await fetchRaw(wasm);
  expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await fetchRaw(wasm, { 'if-none-match': hashed.headers.etag })).status).toBe(304);
  for (const file of ['sw.js', 'manifest.webmanifest', 'icon-192.png', 'plan.schema.json']) {
    expect((await fetchRaw(file)).headers['cache-control'], file).toBe('no-cache');
  }
});

test('the precompressed copies go to the browsers that accept them, and hold the same bytes', async () => {
  const files = await builtFiles();
  const wasm = files.find((file) => file.endsWith('.wasm'));
  const original = await readFile(join('dist', wasm));

  const br = await fetchRaw(wasm, { 'accept-encoding': 'gzip, deflate, br' });
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers.vary).toBe('Accept-Encoding');
  expect(brotliDecompressSync(br.body).equals(original)).toBe(true);

  const gz = await fetchRaw(wasm, { 'accept-encoding': 'gzip' });
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gz.body).equals(original)).toBe(true);
  // Each encoding has a validator of its own.
  expect(gz.headers.etag).not.toBe(br.headers.etag);

  const refused = await fetchRaw(wasm, { 'accept-encoding': 'br;q=0, gzip;q=0' });
  expect(refused.headers['content-encoding']).toBeUndefined();
  expect(refused.body.equals(original)).toBe(true);

  // Every text and wasm file of the build has both copies beside it, and they decompress to it.
  const compressible = files.filter((file) => /\.(html|js|css|wasm|svg|json|webmanifest)$/.test(file));
  expect(compressible.length).toBeGreaterThan(5);
  for (const file of compressible) {
    const bytes = await readFile(join('dist', file));
    expect(brotliDecompressSync(await readFile(join('dist', `${file}.br`))).equals(bytes), `${file}.br`).toBe(true);
    expect(gunzipSync(await readFile(join('dist', `${file}.gz`))).equals(bytes), `${file}.gz`).toBe(true);
  }
  // Images are compressed already: no copies.
  expect(files.filter((file) => /\.png\.(br|gz)$/.test(file))).toEqual([]);
});
