// The first slice, as a person would use it: vision, a three-level plan, a
// step done, the next step, progress, export and import, all across reloads.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { addChildren, addLongTermGoal, expectSaved, openGoalDetails, openSection, visionStatementField, writeVisionStatement } from './helpers.mjs';

const VISION = "Become a bestselling author of children's books";

test('a person builds a plan, completes a step and keeps it all after a reload', async ({ page }) => {
  await page.goto('./');
  // A new visitor lands on the vision.
  await expect(page.getByRole('heading', { level: 1, name: 'Vision' })).toBeVisible();
  await writeVisionStatement(page, VISION);

  await openSection(page, 'Goals');
  await expect(page.getByText(VISION)).toBeVisible();
  await addLongTermGoal(page, 'Publish a picture book');
  await expect(page.getByText('Needs a next step')).toBeVisible();
  await addChildren(page, 'Publish a picture book', 'short-term goal', ['Find a literary agent']);
  await addChildren(page, 'Find a literary agent', 'step', ['Shortlist ten agents', 'Write a query letter']);

  await page.getByRole('checkbox', { name: 'Done: Shortlist ten agents' }).check();
  await expect(page.getByText('Next: Write a query letter').first()).toBeVisible();

  await openSection(page, 'Next step');
  const card = page.getByRole('article');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Write a query letter');
  await expect(card).toContainText('Publish a picture book');
  await expect(card).toContainText('Find a literary agent');

  await openSection(page, 'Progress');
  await expect(page.getByRole('progressbar', { name: 'Overall progress' })).toHaveAttribute('value', '1');
  await expect(page.getByText('1 of 2 steps done (50%)').first()).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  await expect(page.getByText('1 of 2 steps done (50%)').first()).toBeVisible();
  await openSection(page, 'Goals');
  await expect(page.getByRole('checkbox', { name: 'Done: Shortlist ten agents' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Step title' })).toHaveCount(2);
  await openSection(page, 'Vision');
  await expect(await visionStatementField(page)).toHaveValue(VISION);

  // With a vision in place, the app opens on the next step.
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Next step' })).toBeVisible();
});

test('marking the next step done offers the one after it at once', async ({ page }) => {
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Become a team lead');
  await addChildren(page, 'Become a team lead', 'short-term goal', ['Lead a project']);
  await addChildren(page, 'Lead a project', 'step', ['Ask for the Q3 migration', 'Write the project plan']);

  await openSection(page, 'Next step');
  const card = page.getByRole('article');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Ask for the Q3 migration');
  await expect(card).toContainText('After this: Write the project plan');
  await card.getByRole('button', { name: 'Start it' }).click();
  await expect(card).toContainText('In progress');

  await card.getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByText('Done: “Ask for the Q3 migration”')).toBeVisible();
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Write the project plan');

  await page.reload();
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toHaveText('Write the project plan');
});

test('removing a goal can be undone', async ({ page }) => {
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Start a studio');
  await addChildren(page, 'Start a studio', 'short-term goal', ['Find two clients']);
  await openGoalDetails(page, 'Start a studio');
  await page.getByRole('button', { name: 'Remove Start a studio' }).click();
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(0);
  await expect(page.getByText('Removed “Start a studio” and 1 item under it.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo removal' }).click();
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveValue('Start a studio');
  await expect(page.getByRole('textbox', { name: 'Short-term goal title' })).toHaveValue('Find two clients');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Short-term goal title' })).toHaveValue('Find two clients');
});

test('the plan exports as JSON and a changed copy imports back after confirmation', async ({ page }) => {
  await page.goto('./#/vision');
  await writeVisionStatement(page, VISION);
  await openSection(page, 'Goals');
  await addLongTermGoal(page, 'Publish a picture book');
  await expectSaved(page);

  await openSection(page, 'Data');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download plan (.json)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^waypoint-plan-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(exported.format).toBe('waypoint-plan');
  expect(exported.schema_version).toBe(2);
  expect(exported.vision.statement).toBe(VISION);
  expect(exported.goals.map((goal) => goal.title)).toEqual(['Publish a picture book']);

  exported.vision.statement = 'Write and illustrate my own series';
  exported.goals[0].title = 'Sign with a publisher';
  await page.getByLabel('Plan file to import').setInputFiles({
    name: 'changed-plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported, null, 2)),
  });
  const confirm = page.getByRole('group', { name: 'Import changed-plan.json?' });
  await expect(confirm).toContainText('Vision: “Write and illustrate my own series”');
  await expect(confirm).toContainText('1 long-term goal, 0 short-term goals');
  // Nothing has changed before the person confirms.
  await openSection(page, 'Vision');
  await expect(await visionStatementField(page)).toHaveValue(VISION);
  await openSection(page, 'Data');

  await page.getByLabel('Plan file to import').setInputFiles({
    name: 'changed-plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported, null, 2)),
  });
  await page.getByRole('button', { name: 'Replace my plan' }).click();
  await expect(page.getByText('Your plan now comes from changed-plan.json.')).toBeVisible();
  await page.reload();
  await openSection(page, 'Vision');
  await expect(await visionStatementField(page)).toHaveValue('Write and illustrate my own series');
  await openSection(page, 'Goals');
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveValue('Sign with a publisher');
});

test('an import can be undone right after', async ({ page }) => {
  await page.goto('./#/vision');
  await writeVisionStatement(page, VISION);
  await expectSaved(page);
  await openSection(page, 'Data');
  const other = { ...(await page.evaluate(() => JSON.parse(localStorage.getItem('waypoint.plan') ?? 'null'))) };
  other.vision = { ...other.vision, statement: 'Someone else’s plan' };
  await page.getByLabel('Plan file to import').setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(other)),
  });
  await page.getByRole('button', { name: 'Replace my plan' }).click();
  await page.getByRole('button', { name: 'Undo import' }).click();
  await openSection(page, 'Vision');
  await expect(await visionStatementField(page)).toHaveValue(VISION);
});

test('a goal keeps its target date, status, drop reason and notes', async ({ page }) => {
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Move into product management');
  await addChildren(page, 'Move into product management', 'short-term goal', ['Shadow a product manager']);
  await addChildren(page, 'Shadow a product manager', 'step', ['Ask Dana for a coffee', 'Read two product books']);

  await page.getByRole('button', { name: 'Details of Ask Dana for a coffee' }).click();
  await page.getByLabel('Target date').fill('2031-04-10');
  await page.getByLabel('Notes').fill('She moved from support to product in 2022');
  await page.getByLabel('Status').selectOption('In progress');
  await expect(page.getByText('In progress').first()).toBeVisible();
  await expect(page.getByText('10 Apr 2031').first()).toBeVisible();

  await page.getByRole('button', { name: 'Details of Read two product books' }).click();
  await page.getByLabel('Status').last().selectOption('Dropped');
  await page.getByLabel('Why it was dropped').fill('A course covers it better');
  await page.getByLabel('Why it was dropped').press('Tab');
  await expectSaved(page);

  await page.reload();
  await page.getByRole('button', { name: 'Details of Read two product books' }).click();
  await expect(page.getByLabel('Why it was dropped')).toHaveValue('A course covers it better');
  await page.getByRole('button', { name: 'Details of Ask Dana for a coffee' }).click();
  await expect(page.getByLabel('Notes').first()).toHaveValue('She moved from support to product in 2022');

  await openSection(page, 'Next step');
  const card = page.getByRole('article');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Ask Dana for a coffee');
  await expect(card).toContainText('10 Apr 2031');
  await expect(card).toContainText('This is your last open step');
  await openSection(page, 'Progress');
  await expect(page.getByText('0 of 1 step done (0%)').first()).toBeVisible();
});
