// Private by construction: a whole session (every section, a plan built and
// edited, an export and an import) sends nothing to any other
// origin, and the Content-Security-Policy is never broken along the way.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { addChildren, addLongTermGoal, expectSaved, openSection, visionStatementField, writeVisionStatement } from './helpers.mjs';
import { serviceWorkerVersion, watchTraffic } from './pwa.mjs';

test.use({ serviceWorkers: 'allow' });

test('a full session makes no request to another origin and breaks no policy', async ({ page, context, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL).origin;
  const traffic = await watchTraffic(context);
  let fromWorker = 0;
  context.on('request', (request) => {
    if (request.serviceWorker()) fromWorker += 1;
  });

  await page.goto('./');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("connect-src 'self'");
  // Two inline scripts run, each allowed by its hash: trunk's wasm loader and the theme's.
  expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval';/);
  expect(policy).not.toContain('unsafe-inline');
  await serviceWorkerVersion(page);

  await writeVisionStatement(page, 'Run a small studio that makes picture books');
  await openSection(page, 'Leverage');
  const skills = page.getByRole('region', { name: 'Skills' });
  await skills.getByLabel('New skill').fill('Illustration');
  await skills.getByRole('button', { name: 'Add' }).click();

  await openSection(page, 'Options');
  await page.getByLabel('Kind of option').selectOption('Study someone who made it');
  await page.getByLabel('The option', { exact: true }).first().fill('Learn how a studio found its first clients');
  await page.getByRole('button', { name: 'Add option' }).click();
  await page.getByRole('button', { name: 'Make it a goal' }).click();

  await openSection(page, 'Goals');
  await addLongTermGoal(page, 'Open the studio');
  await addChildren(page, 'Open the studio', 'short-term goal', ['Find two clients']);
  await addChildren(page, 'Find two clients', 'step', ['Make a portfolio site', 'Write to ten publishers']);
  await page.getByRole('checkbox', { name: 'Done: Make a portfolio site' }).check();
  await page.getByRole('button', { name: 'Details of Write to ten publishers' }).click();
  await page.getByLabel('Target date').fill('2031-04-10');

  await openSection(page, 'Next step');
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toHaveText('Write to ten publishers');
  await openSection(page, 'Progress');
  await expect(page.getByRole('img', { name: 'Steps done and planned, by week' })).toBeVisible();
  await expectSaved(page);

  await openSection(page, 'Data');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download plan (.json)' }).click();
  const exported = JSON.parse(await readFile(await (await downloadPromise).path(), 'utf8'));
  exported.vision.statement = 'Run a studio of four';
  await page.getByLabel('Plan file to import').setInputFiles({
    name: 'plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  await page.getByRole('button', { name: 'Replace my plan' }).click();
  await expect(page.getByText('Your plan now comes from plan.json.')).toBeVisible();
  await page.reload();
  await openSection(page, 'Vision');
  await expect(await visionStatementField(page)).toHaveValue('Run a studio of four');

  const elsewhere = traffic.requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
  expect(elsewhere).toEqual([]);
  expect(traffic.violations).toEqual([]);
  // The recorder saw the app load, and the service worker's own fetches.
  expect(traffic.requests.some((url) => url.endsWith('.wasm'))).toBe(true);
  expect(fromWorker).toBeGreaterThan(0);
});
