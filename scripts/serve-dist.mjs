// Serves the release build in dist/ on 127.0.0.1, as any static host would:
// files only, no rewrites. Used by the end-to-end tests, which also import
// serveDist to serve a build under a sub-path or a changed copy of it.
//
//   node scripts/serve-dist.mjs [port] [dir] [base path, such as /waypoint/]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
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

/**
 * Serves the files under `root` at `base` (a path ending in "/") on
 * 127.0.0.1:`port` (0 picks a free port). Resolves to { url, port, close() }.
 */
export function serveDist({ root = 'dist', port = 4173, base = '/' } = {}) {
  const top = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
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
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      response.end(body);
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
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [port = '4173', root = 'dist', base = '/'] = process.argv.slice(2);
  const { url } = await serveDist({ root, port: Number(port), base });
  console.log(`serving ${resolve(root)} at ${url}`);
}
