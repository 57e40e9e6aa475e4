// A plan kept for years: the generator's large plan (1,000 goals, 5,000 steps,
// 100 check-ins) imports cleanly, opens collapsed, and stays editable.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { PLAN_KEY, expectSaved, openSection } from './helpers.mjs';

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

test('Expand all and Collapse all work on a large plan from the top, frame by frame, and stop when told', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'one width is enough for a size check');
  // Drawing 6,000 rows twice over takes long on a busy machine; the budget only bounds a hang.
  test.setTimeout(600_000);
  await page.goto('./not-the-app');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PLAN_KEY, large.toString()]);
  await page.goto('./#/goals');
  await expect(page.locator('li.goal')).toHaveCount(100);
  // Clicked from the page itself: naming buttons among 6,000 rows is slow for the test runner.
  const press = (label) =>
    page.evaluate(async (label) => {
      [...document.querySelectorAll('button')].find((button) => button.textContent.trim() === label).click();
      // The list redraws in the microtasks after the click.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return {
        rows: document.querySelectorAll('li.goal').length,
        firstBranchOpen: document.querySelector('#goal-children-g-1') !== null,
      };
    }, label);

  // The top opens with the click; the rest follows over the next frames.
  const atClick = await press('Expand all');
  expect(atClick.firstBranchOpen).toBe(true);
  expect(atClick.rows).toBeGreaterThan(100);
  expect(atClick.rows).toBeLessThan(6000);
  await expect(page.locator('li.goal')).toHaveCount(6000, { timeout: 300_000 });
  await expect(page.locator('button.goal__twisty[aria-expanded="false"]')).toHaveCount(0);

  // Closing goes the same way, a long-term goal's branches at a time.
  const atCollapse = await press('Collapse all');
  expect(atCollapse.firstBranchOpen).toBe(false);
  expect(atCollapse.rows).toBeGreaterThan(100);
  await expect(page.locator('li.goal')).toHaveCount(100);
  await expect(page.locator('button.goal__twisty[aria-expanded="true"]')).toHaveCount(0);

  // Collapsing while it is still opening branches stops it.
  await press('Expand all');
  await press('Collapse all');
  await page.waitForTimeout(500);
  await expect(page.locator('li.goal')).toHaveCount(100);
});
