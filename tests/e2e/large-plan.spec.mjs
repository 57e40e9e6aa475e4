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

test('Expand all and Collapse all on a large plan draw a screenful, and the rest comes as it is scrolled to', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'one width is enough for a size check');
  await page.goto('./not-the-app');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PLAN_KEY, large.toString()]);
  await page.goto('./#/goals');
  const list = page.getByRole('list', { name: 'Goal tree' });
  await expect(page.locator('li.goal')).toHaveCount(100);
  // Clicked from the page itself: naming buttons among many rows is slow for the test runner.
  const press = (label) =>
    page.evaluate((label) => {
      [...document.querySelectorAll('button')].find((button) => button.textContent.trim() === label).click();
    }, label);

  // Every branch opens at once; only the rows near the screen are drawn.
  await press('Expand all');
  await expect(list).toHaveAttribute('data-rows-shown', '6000');
  await expect(page.getByRole('button', { name: 'Collapse Long-term goal 1', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Step title' }).first()).toHaveValue('Step 1.1.1');
  await expect(list).not.toHaveAttribute('aria-busy', 'true');
  const drawn = await page.locator('li.goal').count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(1000);
  await expect(page.locator('button.goal__twisty[aria-expanded="false"]')).toHaveCount(0);

  // The end of the list is drawn when it comes on screen, in its place. The
  // page's height is partly a guess until rows are drawn, so the first End
  // may land a little short of the end, as a person would see it.
  // Until then End is pressed again, as a person would, until the last row
  // is drawn and on screen.
  await expect(async () => {
    await page.keyboard.press('End');
    await expect(page.locator('li.goal').last()).toHaveAttribute('data-goal-id', 'g-4mo', { timeout: 2_000 });
    await expect(page.getByRole('textbox', { name: 'Step title' }).last()).toBeInViewport({ timeout: 2_000 });
  }).toPass();
  await expect(page.getByRole('textbox', { name: 'Step title' }).last()).toHaveValue('Step 100.9.5');
  // Up from a drawn row reaches the row above it, drawn or not.
  const last = page.getByRole('textbox', { name: 'Step title' }).last();
  await last.focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#goal-title-g-4mn')).toBeFocused();

  await page.keyboard.press('Home');
  await press('Collapse all');
  await expect(list).toHaveAttribute('data-rows-shown', '100');
  await expect(page.locator('li.goal')).toHaveCount(100);
  await expect(page.locator('button.goal__twisty[aria-expanded="true"]')).toHaveCount(0);

  // Collapsing straight after expanding leaves the long-term goals alone.
  await press('Expand all');
  await press('Collapse all');
  await expect(list).toHaveAttribute('data-rows-shown', '100');
  await expect(page.locator('li.goal')).toHaveCount(100);
  await expect(page.locator('button.goal__twisty[aria-expanded="true"]')).toHaveCount(0);
});

test('the plan on one page shows its first goals at once, draws the rest after, and prints every one', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'one width is enough for a size check');
  // What printing would print: the goals on the page when the browser is asked.
  await page.addInitScript(() => {
    window.goalsPrinted = [];
    window.print = () => window.goalsPrinted.push(document.querySelectorAll('.one-page__goal').length);
  });
  await page.goto('./#/data');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PLAN_KEY, large.toString()]);
  await page.goto('./#/page');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'My career plan' })).toBeVisible();
  await expect(page.getByText('Long-term goal 1', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Showing \d+ of 6000 goals; the rest follow in a moment\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  await expect.poll(() => page.evaluate(() => window.goalsPrinted), { timeout: 60_000 }).toEqual([6000]);
  await expect(page.getByText(/^Showing \d+ of/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
});
