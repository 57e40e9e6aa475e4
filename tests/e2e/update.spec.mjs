// A new release: a page keeps running its own version whole, hears of the new
// one, and offers it in a quiet banner; Reload moves every open page to it.
// The "release" is a copy of dist/ with a changed page and worker version,
// served by a server of the spec's own.
import { test, expect } from '@playwright/test';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist } from '../../scripts/serve-dist.mjs';
import { expectSaved, visionStatementField, writeVisionStatement } from './helpers.mjs';
import { serviceWorkerVersion } from './pwa.mjs';

test.use({ serviceWorkers: 'allow' });

let root;
let server;
test.beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'waypoint-update-'));
  await cp('dist', root, { recursive: true });
  server = await serveDist({ root, port: 0 });
});
test.afterEach(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** Publishes "the next release": a marked page and a new worker version. */
async function release(version) {
  const index = await readFile(join(root, 'index.html'), 'utf8');
  await writeFile(join(root, 'index.html'), index.replace('<title>', `<meta name="release" content="${version}" />\n    <title>`));
  const worker = await readFile(join(root, 'sw.js'), 'utf8');
  await writeFile(join(root, 'sw.js'), worker.replace(/const VERSION = "[0-9a-f]+";/, `const VERSION = "${version}";`));
}

const releaseOf = (page) => page.locator('meta[name="release"]').getAttribute('content', { timeout: 1000 }).catch(() => null);

test('a new release waits for the person, then every open page moves to it whole', async ({ page, context }, testInfo) => {
  await page.goto(`${server.url}#/vision`);
  await writeVisionStatement(page, 'Lead a design team');
  await expectSaved(page);
  const first = await serviceWorkerVersion(page);
  const banner = page.getByRole('status').filter({ hasText: 'A new version of Waypoint is ready' });
  await expect(banner).toHaveCount(0);

  await release('next-release');
  // A later visit: the page is still the running version, whole, and the banner offers the new one.
  await page.reload();
  await expect(banner).toBeVisible();
  expect(await releaseOf(page)).toBeNull();
  expect(await serviceWorkerVersion(page)).toBe(first);
  await expect(await visionStatementField(page)).toHaveValue('Lead a design team');
  await page.screenshot({ path: `screenshots/update-banner-${testInfo.project.name}.png` });

  // Not now: the banner goes, and the page carries on with its version.
  await banner.getByRole('button', { name: /^Not now/ }).click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(banner).toBeVisible();

  // A second tab of the old version is open too.
  const other = await context.newPage();
  await other.goto(`${server.url}#/goals`);
  await expect(other.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();
  expect(await releaseOf(other)).toBeNull();

  const reloaded = page.waitForEvent('load');
  const otherReloaded = other.waitForEvent('load');
  await banner.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await otherReloaded;
  for (const tab of [page, other]) {
    await expect(tab.locator('meta[name="release"]')).toHaveAttribute('content', 'next-release');
    expect(await serviceWorkerVersion(tab)).toBe('next-release');
  }
  await expect(banner).toHaveCount(0);
  await expect(await visionStatementField(page)).toHaveValue('Lead a design team');
  // Only the new version's cache is left.
  const caches = await page.evaluate(() => caches.keys());
  expect(caches).toEqual(['waypoint:/:next-release']);
});

test('the banner is announced politely and reachable by keyboard', async ({ page }) => {
  await page.goto(server.url);
  await serviceWorkerVersion(page);
  await release('keyboard-release');
  await page.reload();
  const banner = page.getByRole('status').filter({ hasText: 'A new version of Waypoint is ready' });
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'status');
  // Last in reading order, after everything the app shows.
  expect(await page.evaluate(() => document.body.lastElementChild.getAttribute('role'))).toBe('status');
  await expect(page.locator('body > :last-child')).toContainText('A new version of Waypoint is ready');
  const reload = banner.getByRole('button', { name: 'Reload' });
  const later = banner.getByRole('button', { name: /^Not now/ });
  // Nothing takes focus on its own.
  await expect(reload).not.toBeFocused();
  await later.focus();
  await page.keyboard.press('Enter');
  await expect(banner).toHaveCount(0);
  // Focus goes to the section, not lost to the page.
  await expect(page.locator('main')).toBeFocused();
});
