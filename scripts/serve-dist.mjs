// Serves the release build in dist/ on 127.0.0.1 as a real static host does:
// files only, no rewrites; validators (ETag, Last-Modified) with 304 answers
// to conditional requests; a long, immutable cache life for the files whose
// names carry a hash of their contents and `no-cache` (always revalidate) for
// the rest; and the precompressed `.br` or `.gz` beside a file when the
// browser accepts it. Used by the end-to-end tests, which also import
// serveDist to serve a build under a sub-path or a changed copy of it, and by
// the benchmark, which counts the bytes it sends.
//
//   node scripts/serve-dist.mjs [port] [dir] [base path, such as /waypoint/]
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

// The precompressed variants the build writes beside a file, in the order
// this server prefers them when the browser accepts both.
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
];

// trunk names the files it fingerprints `name-<hash>.ext` (the wasm
// `name-<hash>_bg.wasm`), the hash a 64-bit number in hex without leading
// zeros (so 16 digits, rarely fewer): a new build of different contents gets
// a new name, so a copy of one may be kept for good.
const HASHED_NAME = /-[0-9a-f]{12,16}(?:_bg)?\.[a-z0-9]+$/;
const FOREVER = 'public, max-age=31536000, immutable';

/** Whether `name` is one of the build's content-hashed files. */
export const isContentHashed = (name) => HASHED_NAME.test(basename(name));

/**
 * The encodings the request accepts, from its Accept-Encoding header, as a
 * map of name to weight (q-value). An encoding left out, or with q=0, is
 * refused; `*` stands for any not named.
 */
function acceptedEncodings(header = '') {
  const accepted = new Map();
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v != null);
    accepted.set(name, q == null ? 1 : Number(q));
  }
  return (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
}

/** An HTTP date a cache compares by the second. */
const httpDate = (ms) => new Date(Math.floor(ms / 1000) * 1000).toUTCString();

// A file's bytes and validators, read again only when its size or time changes.
const files = new Map();
async function readVersioned(path) {
  const info = await stat(path);
  const known = files.get(path);
  if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known;
  const body = await readFile(path);
  const entry = {
    size: info.size,
    mtimeMs: info.mtimeMs,
    body,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
  files.set(path, entry);
  return entry;
}

async function variant(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? await readVersioned(path) : null;
  } catch {
    return null;
  }
}

/** Whether a conditional request's copy is still this one (RFC 9110, 13.1). */
function stillFresh(request, etag, lastModified) {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch != null) {
    // Weak comparison, as for GET: a W/ prefix does not matter.
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  const ifModifiedSince = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(ifModifiedSince) && Date.parse(lastModified) <= ifModifiedSince;
}

/**
 * Serves the files under `root` at `base` (a path ending in "/") on
 * 127.0.0.1:`port` (0 picks a free port). Resolves to { url, port, close() }.
 * `onResponse`, if given, hears of every response once it is sent: its path,
 * status, content encoding and the bytes written for it (headers and body,
 * as they went out).
 */
export function serveDist({ root = 'dist', port = 4173, base = '/', onResponse } = {}) {
  const top = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (onResponse) count(request, response, path, onResponse);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (!path.startsWith(prefix)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let file = normalize(join(top, path.slice(prefix.length)));
    if (file !== top && !file.startsWith(top + '/')) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const original = await readVersioned(file);
      // The smallest variant the browser accepts; a variant older than its
      // file is left over from another build and is never sent.
      const accepts = acceptedEncodings(request.headers['accept-encoding']);
      let chosen = { entry: original, encoding: null };
      const variants = [];
      for (const { name, suffix } of ENCODINGS) {
        const entry = await variant(file + suffix);
        if (!entry || entry.mtimeMs < original.mtimeMs) continue;
        variants.push(name);
        if (chosen.encoding == null && accepts(name)) chosen = { entry, encoding: name };
      }
      const lastModified = httpDate(original.mtimeMs);
      const headers = {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': isContentHashed(file) ? FOREVER : 'no-cache',
        etag: chosen.entry.etag,
        'last-modified': lastModified,
      };
      if (variants.length) headers.vary = 'Accept-Encoding';
      // Set one by one (not through writeHead) so that they can be read back when counting.
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      if (stillFresh(request, chosen.entry.etag, lastModified)) {
        response.writeHead(304).end();
        return;
      }
      if (chosen.encoding) response.setHeader('content-encoding', chosen.encoding);
      response.setHeader('content-length', chosen.entry.body.length);
      response.writeHead(200);
      response.end(request.method === 'HEAD' ? undefined : chosen.entry.body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolvePromise({
        url: `http://127.0.0.1:${actual}${prefix}`,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeIdleConnections?.();
          }),
      });
    });
  });
}

// Bytes written on a connection before each response, so that one response's
// share of a kept-alive connection can be told apart from the next one's.
const written = new WeakMap();

function count(request, response, path, onResponse) {
  const socket = request.socket;
  const before = written.get(socket) ?? 0;
  response.once('finish', () => {
    const now = socket.bytesWritten;
    written.set(socket, now);
    onResponse({
      path,
      method: request.method,
      status: response.statusCode,
      encoding: response.getHeader('content-encoding') ?? null,
      bytes: now - before,
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [port = '4173', root = 'dist', base = '/'] = process.argv.slice(2);
  const { url } = await serveDist({ root, port: Number(port), base });
  console.log(`serving ${resolve(root)} at ${url}`);
}
