// Finishes a build once trunk has written the site (a post_build hook in
// Trunk.toml, so `trunk build`, `make dist` and `make test` all run it):
//
// 1. The Content-Security-Policy: trunk loads the wasm from an inline module
//    script, and the page sets the theme and picks its skeleton in another
//    (index.html), so the sha256 of every inline script goes into the policy's
//    script-src, and no other inline script can run (debug builds, for trunk
//    serve's auto-reload, allow inline scripts instead).
// 2. The single-file edition, waypoint.html (release builds): the CSS, the JS
//    glue and the wasm (base64) inlined, with a policy of its own and no
//    network at all, to open from file:// with no server.
// 3. The service worker, sw.js: web/sw.js with the exact list of this build's
//    files (those it downloads at install, which of them carry a hash of their
//    contents in their names, and those it keeps when first asked for) and a
//    version derived from their contents. Debug builds (trunk serve) get no
//    service worker, so a rebuild always shows at once.
// 4. Precompressed copies (release builds): `name.br` (brotli, quality 11) and
//    `name.gz` (gzip -9) beside every text and wasm file, for hosts that send
//    them to browsers that accept them (scripts/serve-dist.mjs does).
//
// By hand, on a built folder: node scripts/post-build.mjs [dir] [release|debug]
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { isContentHashed } from './serve-dist.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const profile = process.env.TRUNK_PROFILE ?? process.argv[3] ?? 'release';
const sourceDir = fileURLToPath(new URL('..', import.meta.url));

const SINGLE_FILE = 'waypoint.html';
const WORKER = 'sw.js';
// The page's one inline script of its own (index.html): it applies the
// person's theme, and picks the skeleton, before the first paint. Both
// editions allow it by its hash.
const FIRST_PAINT_SCRIPT_ID = 'waypoint-first-paint';
// What gets precompressed copies: text and wasm (images are compressed already).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.webmanifest']);
const COMPRESSED_SUFFIXES = ['.br', '.gz'];
// Files the app never loads itself (the PNG icons, for installing; the plan
// file's schema, for people and tools): the service worker keeps each when
// first asked for instead of downloading them all at the first visit.
const ON_DEMAND = /^(?:icon-[^/]*\.png|plan\.schema\.json)$/;
const REGISTER_SCRIPT = /<script\b[^>]*\bsrc="\.?\/?register-sw[^"]*"[^>]*><\/script>\s*/;

const sha256 = (data) => createHash('sha256').update(data);
const cspHash = (text) => `'sha256-${sha256(text).digest('base64')}'`;

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

/** The page's policy meta tag: where it is and its directives, in order. */
function readPolicy(html) {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i.exec(html);
  if (!match) fail('index.html has no Content-Security-Policy meta tag');
  const directives = new Map(
    match[1]
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources]),
  );
  return { tag: match[0], directives };
}

function writePolicy(directives) {
  const content = [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
  return `<meta http-equiv="Content-Security-Policy" content="${content}" />`;
}

/** Inline scripts that run (not data blocks), with their text. */
function inlineScripts(html) {
  const scripts = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1];
    if (/\bsrc=/.test(attributes)) continue;
    const type = /\btype="([^"]*)"/.exec(attributes)?.[1] ?? '';
    if (type && type !== 'module' && !/javascript/i.test(type)) continue;
    const firstPaint = new RegExp(`\\bid="${FIRST_PAINT_SCRIPT_ID}"`).test(attributes);
    scripts.push({ element: match[0], text: match[2], firstPaint });
  }
  return scripts;
}

// 1. Hash the inline scripts into the hosted page's policy.
const indexPath = join(dir, 'index.html');
let index = await readFile(indexPath, 'utf8');
{
  const { tag, directives } = readPolicy(index);
  const scriptSrc = directives.get('script-src');
  if (!scriptSrc) fail('the Content-Security-Policy has no script-src');
  const scripts = inlineScripts(index);
  if (!scripts.some((script) => !script.firstPaint)) {
    fail('found no inline loader script in index.html: has trunk changed how it loads the wasm?');
  }
  if (!scripts.some((script) => script.firstPaint)) fail(`index.html has no inline script with id="${FIRST_PAINT_SCRIPT_ID}"`);
  const hashes = scripts.map(({ text }) => cspHash(text));
  // Running again on the same folder replaces the hashes rather than adding more.
  const kept = scriptSrc.filter((source) => !source.startsWith("'sha256-") && source !== "'unsafe-inline'");
  // Debug builds only (trunk serve): trunk fills the address into its
  // auto-reload script as it serves the page, so no hash made here can match
  // it. Development pages allow inline scripts; release builds never do.
  const allowed = profile === 'release' ? hashes : ["'unsafe-inline'"];
  directives.set('script-src', [kept[0], ...allowed, ...kept.slice(1)]);
  index = index.replace(tag, writePolicy(directives));
}

// Debug builds: no service worker at all (and a stale one from a release build
// on the same address retires itself).
if (profile !== 'release') {
  index = index.replace(REGISTER_SCRIPT, '');
}
await writeFile(indexPath, index);

// 2. The single-file edition.
if (profile === 'release') {
  const html = await singleFile(index);
  await writeFile(join(dir, SINGLE_FILE), html);
  console.log(`post-build: ${SINGLE_FILE} (${(html.length / 1024).toFixed(0)} KB)`);
} else {
  await rm(join(dir, SINGLE_FILE), { force: true });
}

// 3. The service worker.
{
  const template = await readFile(join(sourceDir, 'web', WORKER), 'utf8');
  let worker;
  if (profile === 'release') {
    const files = (await listFiles(dir)).filter(
      (file) => file !== WORKER && file !== SINGLE_FILE && !COMPRESSED_SUFFIXES.some((suffix) => file.endsWith(suffix)),
    );
    // The version: this worker's own code and every file it serves.
    const version = sha256(template);
    for (const file of files) {
      version.update(`${file}\0${sha256(await readFile(join(dir, file))).digest('hex')}\n`);
    }
    const precache = files.filter((file) => !ON_DEMAND.test(file)).map((file) => (file === 'index.html' ? './' : file));
    const onDemand = files.filter((file) => ON_DEMAND.test(file));
    const contentHashed = precache.filter((file) => isContentHashed(file));
    if (!contentHashed.some((file) => file.endsWith('.wasm'))) {
      fail(`found no content-hashed wasm among ${precache.join(', ')}: has trunk changed how it names files?`);
    }
    worker = template
      .replace("'__WAYPOINT_VERSION__'", JSON.stringify(version.digest('hex').slice(0, 16)))
      .replace('__WAYPOINT_FILES__', JSON.stringify(precache, null, 2))
      .replace('__WAYPOINT_CONTENT_HASHED__', JSON.stringify(contentHashed, null, 2))
      .replace('__WAYPOINT_ON_DEMAND__', JSON.stringify(onDemand, null, 2));
    if (worker.includes('__WAYPOINT_')) fail(`web/${WORKER} still has a placeholder after filling it in`);
    console.log(`post-build: ${WORKER} caches ${precache.length} files, and ${onDemand.length} more when asked for`);
  } else {
    worker = [
      "// Debug build: no offline cache. A worker left by a release build on this",
      '// address removes its caches and itself.',
      "self.addEventListener('install', () => self.skipWaiting());",
      "self.addEventListener('activate', (event) => event.waitUntil((async () => {",
      "  for (const key of await caches.keys()) if (key.startsWith('waypoint:')) await caches.delete(key);",
      '  await self.registration.unregister();',
      '})()));',
      '',
    ].join('\n');
  }
  await writeFile(join(dir, WORKER), worker);
}

// 4. Precompressed copies, last, once every file is final. Each gets its
//    file's modification time, a millisecond on (nginx recommends the same
//    time), so that a host that compares them sees it is not older (and a file edited afterwards, as the
//    update tests do to a copy of the site, is sent as it now is).
if (profile === 'release') {
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  const files = (await listFiles(dir)).filter((file) => COMPRESSIBLE.has(extname(file)));
  let before = 0;
  let after = 0;
  await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(join(dir, file));
      const [br, gz] = await Promise.all([
        brotli(bytes, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: 11,
            [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            [zlib.BROTLI_PARAM_MODE]: extname(file) === '.wasm' ? zlib.BROTLI_MODE_GENERIC : zlib.BROTLI_MODE_TEXT,
          },
        }),
        gzipped(bytes, { level: 9 }),
      ]);
      // A millisecond on, so that the copy is never the older however the
      // file system rounds the time.
      const { atimeMs, mtimeMs } = await stat(join(dir, file));
      for (const [suffix, data] of [['.br', br], ['.gz', gz]]) {
        await writeFile(join(dir, file + suffix), data);
        await utimes(join(dir, file + suffix), atimeMs / 1000, (Math.ceil(mtimeMs) + 1) / 1000);
      }
      if (file !== SINGLE_FILE) {
        before += bytes.length;
        after += br.length;
      }
    }),
  );
  console.log(`post-build: .br and .gz beside ${files.length} files (the site: ${kb(before)} KB, ${kb(after)} KB brotli)`);
} else {
  for (const file of await listFiles(dir)) {
    if (COMPRESSED_SUFFIXES.some((suffix) => file.endsWith(suffix))) await rm(join(dir, file));
  }
}

function kb(bytes) {
  return (bytes / 1024).toFixed(0);
}

async function listFiles(root) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    .sort();
}

/** waypoint.html from the built index.html and the files it names. */
async function singleFile(page) {
  const file = (name) => readFile(join(dir, name.replace(/^\.\//, '')));
  let html = page;

  const inline = inlineScripts(html);
  const loader = inline.filter((script) => !script.firstPaint);
  if (loader.length !== 1) fail(`expected one inline loader script, found ${loader.length}`);
  const firstPaint = inline.find((script) => script.firstPaint);
  const glueName = /from\s+'([^']+\.js)'/.exec(loader[0].text)?.[1];
  const wasmName = /module_or_path:\s*'([^']+\.wasm)'/.exec(loader[0].text)?.[1];
  if (!glueName || !wasmName) fail('could not read the glue and wasm names from the loader script');

  // The wasm-bindgen glue as a plain module: no exports, no imports.
  let glue = (await file(glueName)).toString('utf8');
  if (/^import\b/m.test(glue)) fail(`${glueName} imports other files (JS snippets): inline them first`);
  glue = glue
    .replace(/^export\s+\{[^}]*\};?\s*$/gm, '')
    .replace(/^export\s+(?=(?:async\s+)?(?:class|function|const|let|var)\b)/gm, '');
  if (/^export\b/m.test(glue)) fail(`${glueName} has an export this script does not know how to inline`);
  const boot = `${glue}
{
  // The wasm travels in this file as base64 (the data block at the end of the body).
  const text = atob(document.getElementById('waypoint-wasm').textContent.trim());
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const wasm = await __wbg_init({ module_or_path: bytes });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}
`;
  html = html.replace(loader[0].element, () => `<script type="module">${boot}</script>`);

  // All the style sheets, in order, as one style element.
  const sheets = [];
  for (const match of html.matchAll(/<link\s+rel="stylesheet"\s+href="([^"]+)"[^>]*>/g)) {
    sheets.push(`/* ${match[1].replace(/^\.\//, '')} */\n${(await file(match[1])).toString('utf8')}`);
  }
  if (sheets.length === 0) fail('found no style sheets to inline');
  const css = `\n${sheets.join('\n')}\n`;
  let first = true;
  html = html.replace(/[ \t]*<link\s+rel="stylesheet"\s+href="[^"]+"[^>]*>\n?/g, (link) => {
    if (!first) return '';
    first = false;
    return link.replace(/<link[^>]*>/, () => `<style>${css}</style>`);
  });

  // The icon as a data: URL; no manifest, preloads or service worker.
  const icon = /<link\s+rel="icon"\s+href="([^"]+)"[^>]*>/.exec(html);
  if (icon) {
    const svg = (await file(icon[1])).toString('base64');
    html = html.replace(icon[0], `<link rel="icon" href="data:image/svg+xml;base64,${svg}" type="image/svg+xml" />`);
  }
  html = html
    .replace(/[ \t]*<link\s+rel="(?:manifest|apple-touch-icon|modulepreload|preload)"[^>]*>\n?/g, '')
    .replace(REGISTER_SCRIPT, '');

  const wasm = (await file(wasmName)).toString('base64');
  html = html.replace(
    '</body>',
    () => `<script type="application/wasm+base64" id="waypoint-wasm">\n${wasm}\n</script>\n</body>`,
  );

  // Its policy: these two inline blocks, wasm, data: images, and no network.
  const { tag } = readPolicy(html);
  const policy = new Map([
    ['default-src', ["'none'"]],
    ['script-src', [cspHash(boot), ...(firstPaint ? [cspHash(firstPaint.text)] : []), "'wasm-unsafe-eval'"]],
    ['style-src', [cspHash(css)]],
    ['img-src', ['data:', 'blob:']],
    ['connect-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ]);
  html = html
    .replace(/<!-- Private by construction:[\s\S]*?-->/, () =>
      ['<!-- The single-file edition: no network at all (connect-src', "'none'), only its own inline scripts and style run, by hash. -->"].join(' '),
    )
    .replace(tag, writePolicy(policy));

  // Nothing may still point at another file.
  const leftover = /\b(?:src|href)="(?!data:|#)([^"]*)"/.exec(html.replace(/<script type="application\/wasm\+base64"[\s\S]*?<\/script>/, ''));
  if (leftover) fail(`${SINGLE_FILE} still refers to ${leftover[1]}`);
  return html;
}
