// The single-file edition: dist/waypoint.html opened from disk (file://), with
// no server and no network, walks the slice and keeps the plan.
import { test, expect } from '@playwright/test';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectSlice, walkSlice, watchTraffic } from './pwa.mjs';

const FILE = resolve('dist/waypoint.html');
const VISION = 'Write and illustrate picture books';

test('waypoint.html opened from disk builds a plan and keeps it after a reload, offline', async ({ page, context }) => {
  expect((await stat(FILE)).size).toBeGreaterThan(100_000);
  const traffic = await watchTraffic(context);
  await context.setOffline(true);

  await page.goto(pathToFileURL(FILE).href);
  await expect(page.getByRole('heading', { level: 1, name: 'Vision' })).toBeVisible();
  await walkSlice(page, VISION);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Next step' })).toBeVisible();
  await expectSlice(page, VISION);
  // A deep link into the file works too.
  await page.goto(`${pathToFileURL(FILE).href}#/goals`);
  await expect(page.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();

  // The file asked for nothing but itself, and nothing broke its policy.
  expect(traffic.requests).toContain(pathToFileURL(FILE).href);
  expect(traffic.requests.filter((url) => !url.startsWith(pathToFileURL(FILE).href) && !/^(data|blob):/.test(url))).toEqual([]);
  expect(traffic.violations).toEqual([]);
  // No service worker in a file (file:// has none).
  expect(await page.evaluate(() => 'serviceWorker' in navigator && navigator.serviceWorker.controller)).toBeFalsy();
});

test('waypoint.html exports the plan as a file', async ({ page }) => {
  await page.goto(`${pathToFileURL(FILE).href}#/vision`);
  await walkSlice(page, VISION);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Data', exact: true }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download plan (.json)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^waypoint-plan-\d{4}-\d{2}-\d{2}\.json$/);
});
