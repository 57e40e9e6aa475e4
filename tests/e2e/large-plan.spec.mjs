// A plan kept for years: the generator's large plan (1,000 goals, 5,000 steps,
// 100 check-ins) imports cleanly, opens collapsed, and stays editable.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { expectSaved, openSection } from './helpers.mjs';

const large = execFileSync('node', ['scripts/generate-plan.mjs', 'large'], { maxBuffer: 64 * 1024 * 1024 });

test('the generated large plan imports, opens collapsed and can be edited', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'one width is enough for a size check');
  const plan = JSON.parse(large.toString());
  expect(plan.goals.length).toBe(6000);

  await page.goto('./#/data');
  await page.getByLabel('Plan file to import').setInputFiles({
    name: 'large-plan.json',
    mimeType: 'application/json',
    buffer: large,
  });
  const confirm = page.getByRole('group', { name: 'Import large-plan.json?' });
  await expect(confirm).toContainText('100 long-term goals, 900 short-term goals');
  await expect(confirm).toContainText('5000 steps (');
  await expect(confirm).toContainText('100 check-ins');
  await confirm.getByRole('button', { name: 'Replace my plan' }).click();
  await expectSaved(page);

  await page.reload();
  await openSection(page, 'Goals');
  // Collapsed: the long-term goals only, not six thousand rows.
  await expect(page.locator('li.goal')).toHaveCount(100);
  const first = page.locator('#goal-title-g-1');
  await first.fill('Long-term goal 1, renamed');
  await page.getByRole('button', { name: 'Expand Long-term goal 1, renamed' }).click();
  // Its nine short-term goals appear, each still collapsed.
  await expect(page.locator('li.goal')).toHaveCount(109);
  await expectSaved(page);

  await openSection(page, 'Next step');
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).not.toBeEmpty();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('waypoint.plan')));
  expect(stored.goals.length).toBe(plan.goals.length);
  expect(stored.goals[0].title).toBe('Long-term goal 1, renamed');
});
