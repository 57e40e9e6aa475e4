// Any static host: the build served under a sub-path (as on a project page)
// opens deep links and reloads into the right section with no rewrites, and
// its service worker stays within that path.
import { test, expect } from '@playwright/test';
import { serveDist } from '../../scripts/serve-dist.mjs';
import { addLongTermGoal, expectSaved, openSection } from './helpers.mjs';
import { serviceWorkerVersion } from './pwa.mjs';

test.use({ serviceWorkers: 'allow' });

let server;
test.beforeAll(async () => {
  server = await serveDist({ root: 'dist', port: 0, base: '/waypoint/' });
});
test.afterAll(async () => {
  await server?.close();
});

test('under /waypoint/, a deep link and a reload land in the section, and the worker scope is /waypoint/', async ({ page }) => {
  const failed = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${server.url}#/goals`);
  await expect(page.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();
  await addLongTermGoal(page, 'Publish a picture book');
  await expectSaved(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveValue('Publish a picture book');
  await openSection(page, 'Progress');
  expect(page.url()).toBe(`${server.url}#/progress`);

  await serviceWorkerVersion(page);
  const registration = await page.evaluate(async () => {
    const found = await navigator.serviceWorker.getRegistration();
    return { scope: found.scope, script: found.active.scriptURL };
  });
  expect(registration).toEqual({ scope: server.url, script: `${server.url}sw.js` });

  // The address with index.html, and a fresh tab on a deep link, served by the worker.
  const response = await page.goto(`${server.url}index.html#/vision`);
  expect(response.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: 'Vision' })).toBeVisible();
  const other = await page.context().newPage();
  await other.goto(`${server.url}#/goals`);
  await expect(other.getByRole('textbox', { name: 'Long-term goal title' })).toHaveValue('Publish a picture book');
  expect(failed).toEqual([]);
});
