// Offline after the first visit: the service worker keeps the app and the
// plan stays in the browser, so with the network gone the app still opens,
// takes edits and keeps them.
import { test, expect } from '@playwright/test';
import { expectSaved, openSection, visionStatementField, writeVisionStatement } from './helpers.mjs';
import { serviceWorkerVersion } from './pwa.mjs';

test.use({ serviceWorkers: 'allow' });

test('with the network gone, a reload opens the app with the plan, and an edit made offline stays', async ({ page, context }) => {
  await page.goto('./#/vision');
  await writeVisionStatement(page, 'Lead a design team');
  await expectSaved(page);
  expect(await serviceWorkerVersion(page)).toMatch(/^[0-9a-f]{16}$/);

  await context.setOffline(true);
  // The network really is gone for this page.
  expect(await page.evaluate(() => fetch('waypoint.html', { cache: 'no-store' }).then(() => 'reached', () => 'failed'))).toBe('failed');

  const response = await page.reload();
  expect(response.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: 'Vision' })).toBeVisible();
  const statement = await visionStatementField(page);
  await expect(statement).toHaveValue('Lead a design team');
  await statement.fill('Lead a design team that ships every week');
  await expectSaved(page);

  await page.reload();
  await expect(await visionStatementField(page)).toHaveValue('Lead a design team that ships every week');
  // Every section opens from the cache, deep links included.
  await page.goto('./#/goals');
  await expect(page.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();
  await openSection(page, 'Progress');
  await openSection(page, 'Data');

  // Back online, the same plan.
  await context.setOffline(false);
  await page.reload();
  await openSection(page, 'Vision');
  await expect(await visionStatementField(page)).toHaveValue('Lead a design team that ships every week');
});
