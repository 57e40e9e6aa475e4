// Progress a person can see, over (simulated) weeks, and a check-in that
// adjusts the plan and is found in the plan and the timeline after a reload.
import { test, expect } from '@playwright/test';
import { addChildren, addLongTermGoal, expectSaved, openSection } from './helpers.mjs';

// Weeks here start on Monday, as an English (UK) locale starts them.
test.use({ locale: 'en-GB' });

const stat = (page, label) =>
  page.locator('.stat').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');

test('steps completed across weeks move the chart and the counts', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-02T09:00:00') });
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Publish a picture book');
  await addChildren(page, 'Publish a picture book', 'short-term goal', ['Find an agent']);
  await addChildren(page, 'Find an agent', 'step', ['Shortlist ten agents', 'Write a query letter', 'Send five letters']);
  await page.getByRole('checkbox', { name: 'Done: Shortlist ten agents' }).check();
  await expectSaved(page);

  await openSection(page, 'Progress');
  const chart = page.getByRole('img', { name: 'Steps done and planned, by week' });
  await expect(chart).toBeVisible();
  await expect(page.locator('.chart__summary')).toHaveText(
    '1 of 3 steps done by the week of 2 Nov 2026; 1 completed that week. The chart starts in the week of 2 Nov 2026. Weeks start on Monday.',
  );
  await expect(stat(page, 'Steps done in the last 7 days')).toHaveText('1');
  await expect(stat(page, 'Since your last step')).toHaveText('Today');

  // Ten days later, another step.
  await page.clock.setSystemTime(new Date('2026-11-12T09:00:00'));
  await page.reload();
  await openSection(page, 'Progress');
  await expect(stat(page, 'Since your last step')).toHaveText('10 days');
  await expect(stat(page, 'Steps done in the last 7 days')).toHaveText('0');
  await openSection(page, 'Goals');
  await page.getByRole('checkbox', { name: 'Done: Write a query letter' }).check();
  await expectSaved(page);

  // And into a third week.
  await page.clock.setSystemTime(new Date('2026-11-17T09:00:00'));
  await page.reload();
  await openSection(page, 'Progress');
  await expect(page.locator('.chart__summary')).toHaveText(
    '2 of 3 steps done by the week of 16 Nov 2026; 0 completed that week. The chart starts in the week of 2 Nov 2026. Weeks start on Monday.',
  );
  await expect(stat(page, 'Steps done in the last 7 days')).toHaveText('1');
  await expect(stat(page, 'Steps done in the last 30 days')).toHaveText('2');
  await page.getByText('The last weeks as a table').click();
  const rows = page.locator('.chart__table tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toHaveText(['9 Nov 2026', '1', '2', '3'].join(''));
  await expect(page.getByRole('progressbar', { name: 'Overall progress' })).toHaveAttribute('value', '2');
});

test('a check-in drops a goal and adds a next step, and both survive a reload', async ({ page }) => {
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Become a team lead');
  await addChildren(page, 'Become a team lead', 'short-term goal', ['Lead the Q3 migration', 'Run the hiring loop']);
  await addChildren(page, 'Lead the Q3 migration', 'step', ['Write the plan']);
  await expectSaved(page);

  await openSection(page, 'Progress');
  await page.getByLabel('Review my plan').selectOption('Every week');
  await expect(page.getByText('Time for your first check-in.')).toBeVisible();
  await page.getByRole('button', { name: 'Start a check-in' }).click();
  await expect(page.getByRole('heading', { name: 'Check-in', exact: true })).toBeFocused();
  await page.getByLabel('What happened since last time?').fill('The migration slipped a week.');
  await page.getByLabel('What did you learn?').fill('Hiring takes more of my time than I thought.');
  await page.getByLabel('Yes, still right').check();
  await page.getByLabel('What will you change?').fill('Hand the hiring loop to Sam.');

  await page.getByRole('button', { name: 'Drop: Run the hiring loop' }).click();
  await page.getByLabel('Why drop it?').fill('Sam is taking it over');
  await page.getByRole('button', { name: 'Drop', exact: true }).click();
  await page.getByRole('button', { name: 'Add a step: Lead the Q3 migration' }).click();
  await page.getByLabel('The next step').fill('Book the kickoff with the platform team');
  await page.getByRole('button', { name: 'Add a next step', exact: true }).click();
  await expect(page.getByText('Changed so far:')).toBeVisible();
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText('Check-in saved.')).toBeVisible();
  await expect(page.getByText('Time for your first check-in.')).toHaveCount(0);
  await expectSaved(page);

  await page.reload();
  await openSection(page, 'Progress');
  const timeline = page.locator('.timeline');
  await expect(timeline).toContainText('Checked in: The migration slipped a week. (changed: Dropped “Run the hiring loop”');
  await expect(timeline).toContainText('Dropped “Run the hiring loop”: Sam is taking it over');
  await expect(timeline).toContainText('Added step “Book the kickoff with the platform team”');
  await page.getByText(/^Check-in of /).click();
  await expect(page.locator('.check-in-entry')).toContainText('Dropped “Run the hiring loop”: Sam is taking it over');
  await expect(page.locator('.check-in-entry')).toContainText('Added “Book the kickoff with the platform team” under “Lead the Q3 migration”');

  await openSection(page, 'Goals');
  await expect(page.getByRole('textbox', { name: 'Step title' }).last()).toHaveValue('Book the kickoff with the platform team');
  await expect(page.locator('li.goal--dropped')).toHaveCount(1);
  await expect(page.locator('li.goal--dropped .goal__title')).toHaveValue('Run the hiring loop');
});

test('the timeline filters by long-term goal', async ({ page }) => {
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Write a novel');
  await addLongTermGoal(page, 'Run a marathon');
  await openSection(page, 'Progress');
  const timeline = page.locator('.timeline');
  await expect(timeline).toContainText('Added long-term goal “Write a novel”');
  await page.getByLabel('Show').selectOption('Run a marathon');
  await expect(timeline).toContainText('Added long-term goal “Run a marathon”');
  await expect(timeline).not.toContainText('Write a novel');
});
