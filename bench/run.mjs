// Waypoint's benchmark: serves the release build in dist/ on 127.0.0.1, drives
// headless Chromium (/usr/bin/chromium) through Playwright, and prints one JSON
// object of figures, also written to bench/results.json. `make bench` builds
// first; README.md ("Performance") explains each figure and its target.
//
//   node bench/run.mjs            15 runs of the empty, small and large plans
//   BENCH_QUICK=1 node bench/run.mjs   (or --quick) the small plan only, 3 runs
//   BENCH_RUNS=30 node bench/run.mjs   more runs
//
// It never fails on timing: targets are reported as met or not. It exits
// non-zero only when the harness itself breaks (a figure is missing or not a
// number, the plan did not load, a request left 127.0.0.1).
import { chromium } from '@playwright/test';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generatePlan, SIZES } from '../scripts/generate-plan.mjs';
import { serveDist } from '../scripts/serve-dist.mjs';
import { CHROMIUM_LAUNCH } from '../scripts/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.env.BENCH_QUICK === '1' || process.argv.includes('--quick');
const runs = Number(process.env.BENCH_RUNS ?? (quick ? 3 : 15));
const KEYSTROKES = 10; // per run, into one step title (enough samples for a steady p95)
const TOGGLES = 8; // per run: mark a step done, then open again, four times
const PLAN_KEY = 'waypoint.plan';
const log = (...words) => console.error('bench:', ...words);

const TARGETS = {
  transfer_kib: 150,
  interactive_large_over_empty: 1.5,
  typing_large_p95_ms: 16,
  typing_large_over_small_p95: 1.2,
  toggle_large_p95_ms: 16,
  save_large_median_ms: 16,
  saves_inside_input_events: 0,
  memory_large_mb: 64,
  long_tasks_large: 0,
};

// ---------------------------------------------------------------- statistics

/** Nearest-rank percentile (p in 0..100) of a list of numbers. */
function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
const round = (value, places = 1) => (value == null ? null : Number(value.toFixed(places)));
const summary = (values, places = 1) => ({
  median: round(percentile(values, 50), places),
  p95: round(percentile(values, 95), places),
  samples: values.length,
});

// ---------------------------------------------------------------- the page side

/**
 * Runs in every page before the app: observers for long tasks, Event Timing
 * and user-timing measures, the typing and clicking latency probes, and a
 * watch on writes of the plan that notes which event (if any) was being
 * handled at that moment.
 */
function instrument() {
  const bench = (window.__bench = {
    longTasks: [],
    events: [],
    typing: [],
    clicks: [],
    saves: [],
    wasm: null,
  });
  const observe = (options, each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe(options);
    } catch {
      // An entry type this browser lacks: the figure comes out missing.
    }
  };
  observe({ type: 'longtask', buffered: true }, (entry) =>
    bench.longTasks.push({ start: entry.startTime, duration: entry.duration }),
  );
  // Event Timing: only events that took 16 ms or more (the smallest threshold) are reported.
  observe({ type: 'event', durationThreshold: 16, buffered: true }, (entry) =>
    bench.events.push({
      name: entry.name,
      start: entry.startTime,
      duration: entry.duration,
      processingStart: entry.processingStart,
      processingEnd: entry.processingEnd,
    }),
  );
  // The next paint: a frame callback, then the first task after that frame,
  // posted at the highest priority so that it runs before work the browser
  // queued meanwhile (Chromium's autofill looks over the page's text fields in
  // a task of its own after every keystroke, usually after the paint).
  const afterNextPaint = (done) =>
    requestAnimationFrame(() => {
      const now = () => done(performance.now());
      if (window.scheduler?.postTask) scheduler.postTask(now, { priority: 'user-blocking' });
      else setTimeout(now, 0);
    });
  // The same frame, then a plain timer: it waits for the tasks queued before it,
  // so it also counts the work the browser does after the paint.
  const afterQueuedTasks = (done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));

  let keydownAt = null;
  addEventListener('keydown', (event) => (keydownAt = event.timeStamp), true);
  addEventListener(
    'input',
    (event) => {
      if (!event.target.matches?.('.goal__title')) return;
      const record = { fromKey: null, fromInput: null, toQueuedTasks: null, handlers: null };
      const inputAt = event.timeStamp;
      const keyAt = keydownAt;
      bench.typing.push(record);
      // Bubbling to the window comes after the app's own handlers and the effects they ran.
      const handled = (later) => {
        if (later !== event) return;
        record.handlers = performance.now() - inputAt;
        removeEventListener('input', handled);
      };
      addEventListener('input', handled);
      afterNextPaint((now) => {
        record.fromInput = now - inputAt;
        record.fromKey = keyAt == null ? null : now - keyAt;
      });
      afterQueuedTasks((now) => (record.toQueuedTasks = now - inputAt));
    },
    true,
  );
  addEventListener(
    'click',
    (event) => {
      if (!event.target.matches?.('.goal__check')) return;
      const record = { fromClick: null };
      const clickAt = event.timeStamp;
      bench.clicks.push(record);
      afterNextPaint((now) => (record.fromClick = now - clickAt));
    },
    true,
  );
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key !== 'waypoint.plan') return setItem.call(this, key, value);
    const at = performance.now();
    try {
      return setItem.call(this, key, value);
    } finally {
      // The browser's own write, apart from serializing (the rest of the save measure).
      bench.saves.push({ at, write: performance.now() - at, event: window.event?.type ?? null });
    }
  };
  // trunk's loader announces the started app with the wasm exports (and so its memory).
  addEventListener('TrunkApplicationStarted', (event) => (bench.wasm = event.detail?.wasm ?? null));
}

const INPUT_EVENTS = new Set([
  'beforeinput', 'input', 'keydown', 'keypress', 'keyup', 'compositionend', 'change',
  'click', 'auxclick', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'touchend',
]);

// ---------------------------------------------------------------- one run


/** Fails the run (and the harness) with a message. */
function broken(message) {
  throw new Error(`harness: ${message}`);
}

async function waitFor(page, predicate, arg, what, timeout = 15_000) {
  try {
    await page.waitForFunction(predicate, arg, { timeout, polling: 10 });
  } catch {
    broken(`timed out waiting for ${what}`);
  }
}

/**
 * One fresh context: the plan (or none) put in localStorage first, from a
 * page of the same origin, then the app opened at #/goals.
 */
async function openApp(browser, base, planText) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const outside = [];
  page.on('request', (request) => {
    if (new URL(request.url()).hostname !== '127.0.0.1') outside.push(request.url());
  });
  // A same-origin page that is not the app (the static server's 404), to write the plan from.
  await page.goto(`${base}__bench-blank`);
  await page.evaluate(
    ([key, text]) => {
      localStorage.clear();
      if (text) localStorage.setItem(key, text);
    },
    [PLAN_KEY, planText],
  );
  // A person's plan was saved in an earlier visit: let the browser finish
  // with the new context, the blank page and the write first. (Opened at
  // once, the empty and the large plan both started about 50 ms later.)
  await pause(page, 500);
  await page.goto(`${base}#/goals`);
  await waitFor(page, () => performance.getEntriesByName('waypoint:interactive').length > 0, null, 'waypoint:interactive');
  await waitFor(page, () => window.__bench.wasm, null, 'TrunkApplicationStarted');
  const { interactive, load } = await page.evaluate(() => ({
    interactive: performance.getEntriesByName('waypoint:interactive')[0].startTime,
    load: performance.getEntriesByName('waypoint:load')[0]?.duration ?? null,
  }));
  return { context, page, interactive, load, outside };
}

/** JS heap in use (after a collection) and the wasm memory, in bytes. */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
  const wasm = await page.evaluate(() => window.__bench.wasm?.memory?.buffer?.byteLength ?? null);
  await cdp.detach();
  if (!(heap > 0) || !(wasm > 0)) broken(`memory not readable (heap ${heap}, wasm ${wasm})`);
  return { heap, wasm };
}

const pause = (page, ms) => page.waitForTimeout(ms);

async function savesSoFar(page) {
  return page.evaluate(() => performance.getEntriesByName('waypoint:save').length);
}

async function waitForSave(page, before) {
  await waitFor(page, (n) => performance.getEntriesByName('waypoint:save').length > n, before, 'the autosave', 10_000);
}

/** Expands the branch down to the steps of short-term goal 1.1, if collapsed. */
async function expandFirstBranch(page) {
  for (const name of ['Expand Long-term goal 1', 'Expand Short-term goal 1.1']) {
    const button = page.getByRole('button', { name, exact: true });
    if (await button.count()) await button.click();
  }
}

/** Typing, toggling and saving on a loaded plan; returns the raw samples. */
async function interact(page, plan) {
  const byTitle = (title) => plan.goals.find((goal) => goal.title === title)?.id ?? broken(`no goal "${title}"`);
  await expandFirstBranch(page);
  const title = page.locator(`#goal-title-${byTitle('Step 1.1.2')}`);
  const check = page.getByRole('checkbox', { name: 'Done: Step 1.1.3', exact: true });
  await title.waitFor({ state: 'visible' });
  await check.waitFor({ state: 'visible' });
  // Let the load settle, so the first keystroke does not queue behind it.
  await pause(page, 300);
  const window0 = await page.evaluate(() => performance.now());

  await title.click();
  await title.press('End');
  // The first key comes 60 ms after End, as each key after the one before.
  // (Typed a millisecond after End, its paint came 9 to 20 ms later, on the
  // small plan as on the large one.)
  await pause(page, 60);
  let saves = await savesSoFar(page);
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type(String.fromCharCode(97 + i));
    await waitFor(page, (n) => window.__bench.typing.filter((r) => r.fromInput != null && r.toQueuedTasks != null).length >= n, i + 1, 'a typing sample');
    await pause(page, 60);
  }
  await waitForSave(page, saves);

  saves = await savesSoFar(page);
  for (let i = 0; i < TOGGLES; i++) {
    // A hand's click: the pointer comes to the box and rests, and the button
    // is held for a moment. (Playwright's click presses and releases within a
    // millisecond; the paint after such a release came about 14 ms later on
    // the small plan as on the large one, against 5 to 7 ms after a held press.)
    await check.hover();
    await pause(page, 60);
    await page.mouse.down();
    await pause(page, 80);
    await page.mouse.up();
    await waitFor(page, (n) => window.__bench.clicks.filter((r) => r.fromClick != null).length >= n, i + 1, 'a click sample');
    await pause(page, 60);
  }
  await waitForSave(page, saves);
  const window1 = await page.evaluate(() => performance.now());
  const typed = await title.inputValue();
  if (!typed.endsWith('abcdefghij'.slice(0, KEYSTROKES))) broken(`typing did not reach the title: "${typed}"`);

  return page.evaluate(
    ([from, to]) => {
      const bench = window.__bench;
      return {
        typing: bench.typing,
        clicks: bench.clicks,
        longTasks: bench.longTasks.filter((task) => task.start >= from && task.start <= to),
        events: bench.events.filter((event) => event.start >= from && event.start <= to),
        saveMeasures: performance.getEntriesByName('waypoint:save').map((m) => ({ start: m.startTime, duration: m.duration })),
        saves: bench.saves,
      };
    },
    [window0, window1],
  );
}

/**
 * The typing probe on a bare text field, with no app on the page: how long
 * the next paint takes to come on this machine when nothing is done about the
 * key (mostly the wait for the next frame), the floor under the typing figures.
 */
async function typingOnBareField(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  try {
    await page.goto(`${base}__bench-blank`);
    await page.evaluate(() => {
      const field = document.createElement('input');
      field.className = 'goal__title';
      field.setAttribute('aria-label', 'Title');
      document.body.append(field);
    });
    await page.locator('input.goal__title').click();
    await pause(page, 300);
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.keyboard.type(String.fromCharCode(97 + i));
      await waitFor(page, (n) => window.__bench.typing.filter((r) => r.fromInput != null).length >= n, i + 1, 'a typing sample on the bare field');
      await pause(page, 60);
    }
    return await page.evaluate(() => window.__bench.typing.map((r) => r.fromInput));
  } finally {
    await context.close();
  }
}

/** Saves that happened while an input event was being handled (by either check). */
function savesInsideInput({ saves, saveMeasures, events }) {
  let inside = saves.filter((save) => save.event && INPUT_EVENTS.has(save.event)).length;
  for (const measure of saveMeasures) {
    const end = measure.start + measure.duration;
    const overlapping = events.some(
      (event) => INPUT_EVENTS.has(event.name) && measure.start < event.processingEnd && end > event.processingStart,
    );
    // Counted once even when the setItem check saw it too.
    const seen = saves.some((save) => save.at >= measure.start && save.at <= end && save.event && INPUT_EVENTS.has(save.event));
    if (overlapping && !seen) inside += 1;
  }
  return inside;
}

// ---------------------------------------------------------------- transfer size

/** Every file the first load fetches (the page, and the service worker it installs), gzip -9 each. */
async function transfer(browser, base) {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const fetched = new Map();
  const outside = [];
  context.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1') outside.push(request.url());
    const path = url.pathname.slice(new URL(base).pathname.length) || 'index.html';
    const by = request.serviceWorker() ? 'service worker' : 'page';
    const response = await request.response();
    let body = null;
    try {
      body = await response.body();
    } catch {
      // Bodies of some worker requests are not kept: read the same file from dist/.
    }
    // The worker fetches the page's files for its cache too, sometimes first:
    // a file the page fetched counts as the page's.
    const earlier = fetched.get(path);
    if (!earlier || (earlier.by !== 'page' && by === 'page')) {
      fetched.set(path, { by, body: body ?? earlier?.body ?? null, status: response?.status() });
    }
  });
  const page = await context.newPage();
  await page.goto(base);
  await waitFor(page, () => performance.getEntriesByName('waypoint:interactive').length > 0, null, 'waypoint:interactive');
  // The worker installs in the background and fetches the release's files for its cache.
  await waitFor(page, () => navigator.serviceWorker?.ready.then((registration) => !!registration.active), null, 'the service worker', 30_000);
  await page.waitForLoadState('networkidle');
  await pause(page, 500);
  await context.close();
  if (outside.length) broken(`requests left 127.0.0.1: ${outside.join(', ')}`);

  const files = [];
  for (const [path, { by, body, status }] of fetched) {
    if (status !== 200) continue;
    // Playwright keeps no body for the worker's own fetches: the server sends the file as it is.
    const bytes = body?.length ? body : await readFile(join(root, 'dist', path));
    files.push({ file: path, by, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  const kib = (list) => round(list.reduce((sum, file) => sum + file.gzip, 0) / 1024);
  const needed = { 'the page': /^index\.html$/, 'the wasm': /\.wasm$/, 'the JS glue': /^waypoint-.*\.js$/, 'the style sheets': /\.css$/,
    'the worker registration': /^register-sw.*\.js$/, 'the service worker': /^sw\.js$/, 'the manifest': /^manifest\.webmanifest$/, 'the icon': /^favicon\.svg$/ };
  for (const [what, name] of Object.entries(needed)) {
    if (!files.some((file) => name.test(file.file))) broken(`the first load did not fetch ${what} (got ${files.map((file) => file.file).join(', ')})`);
  }
  return { total_kib: kib(files), page_kib: kib(files.filter((file) => file.by === 'page')), files };
}

// ---------------------------------------------------------------- main

async function main() {
  if (!existsSync(join(root, 'dist', 'index.html'))) broken('no dist/index.html: build first (make bench builds)');
  const kinds = quick ? ['empty', 'small'] : ['empty', 'small', 'large'];
  const plans = {};
  for (const kind of kinds.filter((kind) => kind !== 'empty')) {
    const plan = generatePlan(...SIZES[kind]);
    const depth = new Map();
    for (const goal of plan.goals) depth.set(goal.id, goal.parent ? depth.get(goal.parent) + 1 : 0);
    const rows = plan.goals.filter((goal) => depth.get(goal.id) === 0).length;
    plans[kind] = {
      plan,
      text: JSON.stringify(plan),
      counts: {
        goals: plan.goals.filter((goal) => depth.get(goal.id) < 2).length,
        steps: plan.goals.filter((goal) => depth.get(goal.id) >= 2).length,
        check_ins: plan.check_ins.length,
      },
      // Plans of more than 150 goals open collapsed: the long-term goals only.
      rowsAtOpen: plan.goals.length > 150 ? rows : plan.goals.length,
    };
  }

  // How busy the machine was: the figures are only as steady as this.
  const loadBefore = loadavg()[0];
  const server = await serveDist({ root: join(root, 'dist'), port: 0 });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const browserVersion = browser.version();
  log(`Chromium ${browserVersion}, ${runs} runs of ${kinds.join(', ')}${quick ? ' (quick)' : ''} at ${server.url}`);
  const raw = Object.fromEntries(kinds.map((kind) => [kind, []]));
  const bareTyping = [];
  let size;
  try {
    size = await transfer(browser, server.url);
    log(`transfer: ${size.total_kib} KiB gzip over ${size.files.length} files`);
    for (let run = 0; run < runs; run++) {
      // The kinds take turns, each run starting from the next one, so that a
      // slow moment of the machine, or coming first after the last run's
      // pages were closed, falls on all of them alike.
      for (const kind of kinds.map((_, index) => kinds[(run + index) % kinds.length])) {
        const plan = plans[kind];
        const { context, page, interactive, load, outside } = await openApp(browser, server.url, plan?.text ?? null);
        try {
          // Many long-term goals are drawn over a few frames after the first screenful.
          const expected = plan?.rowsAtOpen ?? 0;
          try {
            await page.waitForFunction((n) => document.querySelectorAll('li.goal').length === n, expected, { timeout: 5_000 });
          } catch {
            broken(`${kind} plan: ${await page.locator('li.goal').count()} goal rows on the page, expected ${expected}`);
          }
          if (load == null) broken(`${kind} plan: no waypoint:load measure`);
          const sample = { interactive, load, memory: await memory(page) };
          if (plan) Object.assign(sample, await interact(page, plan.plan));
          if (outside.length) broken(`requests left 127.0.0.1: ${outside.join(', ')}`);
          raw[kind].push(sample);
        } finally {
          await context.close();
        }
      }
      bareTyping.push(...(await typingOnBareField(browser, server.url)));
      log(`run ${run + 1}/${runs} done`);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const all = (kind, pick) => (raw[kind] ?? []).flatMap(pick);
  const figure = (kind, pick, places) => (raw[kind] ? summary(all(kind, pick), places) : null);
  const mb = (bytes) => bytes / 1_048_576;
  const figures = {
    transfer_kib: { gzip9: size.total_kib, page_only: size.page_kib, files: size.files },
    interactive_empty_ms: figure('empty', (s) => [s.interactive]),
    interactive_small_ms: figure('small', (s) => [s.interactive]),
    interactive_large_ms: figure('large', (s) => [s.interactive]),
    load_large_ms: figure('large', (s) => [s.load]),
    typing_small_ms: figure('small', (s) => s.typing.map((r) => r.fromInput)),
    typing_large_ms: figure('large', (s) => s.typing.map((r) => r.fromInput)),
    typing_from_keydown_large_ms: figure('large', (s) => s.typing.map((r) => r.fromKey)),
    typing_to_queued_tasks_large_ms: figure('large', (s) => s.typing.map((r) => r.toQueuedTasks)),
    typing_handlers_small_ms: figure('small', (s) => s.typing.map((r) => r.handlers).filter((v) => v != null)),
    typing_bare_field_ms: summary(bareTyping),
    typing_handlers_large_ms: figure('large', (s) => s.typing.map((r) => r.handlers).filter((v) => v != null)),
    toggle_small_ms: figure('small', (s) => s.clicks.map((r) => r.fromClick)),
    toggle_large_ms: figure('large', (s) => s.clicks.map((r) => r.fromClick)),
    save_small_ms: figure('small', (s) => s.saveMeasures.map((m) => m.duration), 2),
    save_large_ms: figure('large', (s) => s.saveMeasures.map((m) => m.duration), 2),
    save_large_write_ms: figure('large', (s) => s.saves.map((save) => save.write), 2),
    memory_small_mb: figure('small', (s) => [mb(s.memory.heap + s.memory.wasm)]),
    memory_large_mb: figure('large', (s) => [mb(s.memory.heap + s.memory.wasm)]),
    memory_large_js_heap_mb: figure('large', (s) => [mb(s.memory.heap)]),
    memory_large_wasm_mb: figure('large', (s) => [mb(s.memory.wasm)]),
  };
  const interacting = quick ? 'small' : 'large';
  const count = (kind, pick) => (raw[kind] ? all(kind, pick).length : null);
  Object.assign(figures, {
    saves_inside_input_events: kinds
      .filter((kind) => kind !== 'empty')
      .reduce((sum, kind) => sum + raw[kind].reduce((n, sample) => n + savesInsideInput(sample), 0), 0),
    long_tasks_small: count('small', (s) => s.longTasks),
    long_tasks_large: count('large', (s) => s.longTasks),
    // Of those, the ones a save ran in (the autosave, half a second after the last change).
    long_tasks_large_with_save: count('large', (s) =>
      s.longTasks.filter((task) => s.saveMeasures.some((m) => m.start < task.start + task.duration && m.start + m.duration > task.start)),
    ),
  });
  const ratio = (a, b) => (a == null || b == null ? null : round(a / b, 2));
  figures.interactive_large_over_empty = ratio(figures.interactive_large_ms?.median, figures.interactive_empty_ms.median);
  figures.typing_large_over_small_p95 = ratio(figures.typing_large_ms?.p95, figures.typing_small_ms.p95);

  const met = {
    transfer_kib: figures.transfer_kib.gzip9 <= TARGETS.transfer_kib,
    interactive_large_over_empty: figures.interactive_large_over_empty == null ? null : figures.interactive_large_over_empty <= TARGETS.interactive_large_over_empty,
    typing_large_p95_ms: figures.typing_large_ms ? figures.typing_large_ms.p95 <= TARGETS.typing_large_p95_ms : null,
    typing_large_over_small_p95: figures.typing_large_over_small_p95 == null ? null : figures.typing_large_over_small_p95 <= TARGETS.typing_large_over_small_p95,
    toggle_large_p95_ms: figures.toggle_large_ms ? figures.toggle_large_ms.p95 <= TARGETS.toggle_large_p95_ms : null,
    save_large_median_ms: figures.save_large_ms ? figures.save_large_ms.median <= TARGETS.save_large_median_ms : null,
    saves_inside_input_events: figures.saves_inside_input_events === TARGETS.saves_inside_input_events,
    memory_large_mb: figures.memory_large_mb ? figures.memory_large_mb.median <= TARGETS.memory_large_mb : null,
    long_tasks_large: figures.long_tasks_large == null ? null : figures.long_tasks_large === TARGETS.long_tasks_large,
  };

  const result = {
    harness: 'waypoint bench/run.mjs',
    mode: quick ? 'quick' : 'full',
    runs,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, browser: `Chromium ${browserVersion}`, headless: true, load_average_1min: { before: round(loadBefore, 2), after: round(loadavg()[0], 2) } },
    plans: Object.fromEntries(Object.entries(plans).map(([kind, plan]) => [kind, { ...plan.counts, json_bytes: plan.text.length }])),
    figures,
    targets: TARGETS,
    met,
  };

  // The harness is broken when a figure it set out to measure is missing or not a number.
  const problems = [];
  const check = (name, value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${name} is ${value}`);
  };
  for (const [name, value] of Object.entries(figures)) {
    if (value === null && !quick) problems.push(`${name} is missing`);
    if (value === null) continue;
    if (typeof value === 'number') check(name, value);
    else if ('median' in value) {
      check(`${name}.median`, value.median);
      check(`${name}.p95`, value.p95);
    }
  }
  check('transfer_kib.gzip9', figures.transfer_kib.gzip9);
  for (const kind of kinds.filter((kind) => kind !== 'empty')) {
    if (figures[`save_${kind}_ms`].samples < runs) problems.push(`save_${kind}_ms has ${figures[`save_${kind}_ms`].samples} samples for ${runs} runs`);
  }

  const text = JSON.stringify(result, null, 2);
  await mkdir(join(root, 'bench'), { recursive: true });
  await writeFile(join(root, 'bench', 'results.json'), `${text}\n`);
  process.stdout.write(`${text}\n`);
  if (problems.length) {
    log(`the harness is broken: ${problems.join('; ')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exit(1);
});
