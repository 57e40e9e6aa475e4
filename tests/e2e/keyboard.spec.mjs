// Keyboard-only journeys: shortcuts and their help, find, undo and redo of
// every change, and the first-run choice of an example plan.
import { test, expect } from '@playwright/test';
import { addChildren, addLongTermGoal, expectSaved, openSection, visionStatementField } from './helpers.mjs';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('typing is undone one field edit at a time, and undo survives navigation', async ({ page }) => {
  await page.goto('./#/vision');
  const field = await visionStatementField(page);
  await field.pressSequentially('Teach data');
  await field.pressSequentially(' science');
  await page.getByLabel('Time horizon').selectOption('5');
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await expect(redo).toBeDisabled();

  // The horizon first, then the whole typed statement in one step.
  await undo.click();
  await expect(page.getByLabel('Time horizon')).not.toHaveValue('5');
  await expect(field).toHaveValue('Teach data science');
  await field.press(`${mod}+z`);
  await expect(field).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toHaveCount(1);
  await field.press(`${mod}+Shift+z`);
  await expect(field).toHaveValue('Teach data science');
  await expect(redo).toBeEnabled();

  await openSection(page, 'Goals');
  await addLongTermGoal(page, 'Earn a teaching post');
  await expectSaved(page);
  await openSection(page, 'Leverage');
  await page.locator('body').press(`${mod}+z`);
  await openSection(page, 'Goals');
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(0);
  await page.locator('body').press(`${mod}+y`);
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveValue('Earn a teaching post');
  // An undo is saved like any change.
  await page.locator('body').press(`${mod}+z`);
  await expectSaved(page);
  await page.reload();
  await openSection(page, 'Goals');
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(0);
});

test('without a mouse: help, a new goal, find and mark the next step done', async ({ page }) => {
  await page.goto('./#/next');
  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Find anything in the plan/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.locator('body').press('n');
  const newGoal = page.getByLabel('New long-term goal');
  await expect(newGoal).toBeFocused();
  await page.keyboard.type('Publish a picture book');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveValue('Publish a picture book');
  await addChildren(page, 'Publish a picture book', 'short-term goal', ['Find a literary agent']);
  await addChildren(page, 'Find a literary agent', 'step', ['Write a query letter', 'Shortlist ten agents']);
  await expectSaved(page);

  await page.locator('main').focus();
  await page.keyboard.press('/');
  const find = page.getByRole('dialog', { name: 'Find' });
  await expect(find.getByRole('searchbox', { name: 'Find in your plan' })).toBeFocused();
  await page.keyboard.type('shortlist agents');
  await expect(find.getByRole('button')).toContainText(['Shortlist ten agents']);
  await page.keyboard.press('ArrowDown');
  await expect(find.getByRole('button', { name: /Shortlist ten agents/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(find).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Step title' }).nth(1)).toBeFocused();

  await page.locator('main').focus();
  await page.keyboard.press('x');
  await expect(page.getByRole('status').filter({ hasText: 'Marked done: Write a query letter' })).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: 'Done: Write a query letter' })).toBeChecked();
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { level: 1, name: 'Next step' })).toBeVisible();
});

test('find jumps to leverage, options and check-ins too', async ({ page }) => {
  await page.goto('./#/vision');
  await page.getByRole('button', { name: 'Explore an example plan' }).click();
  await expect(page.getByRole('region', { name: 'Example plan' })).toBeVisible();
  for (const [words, kind, id] of [
    ['librarian', 'Leverage', 'asset-example-librarian'],
    ['society writers', 'Option', 'option-example-society'],
  ]) {
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Find in your plan' }).fill(words);
    await page.getByRole('button', { name: new RegExp(`^${kind}`) }).first().click();
    await expect(page.locator(`#${id}`)).toBeFocused();
  }
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Find in your plan' }).fill('goat');
  await page.getByRole('button', { name: /^Check-in/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  await expect(page.getByText('Give the goat a bigger part.')).toBeVisible();
});

test('a first visit can explore the example plan and clear it', async ({ page }) => {
  await page.goto('./');
  const welcome = page.getByRole('region', { name: 'Welcome to Waypoint' });
  await expect(welcome).toBeVisible();
  await welcome.getByRole('button', { name: 'Explore an example plan' }).click();
  await expect(welcome).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Next step' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Read the draft to my class and note what works');
  await expectSaved(page);
  await page.reload();
  const example = page.getByRole('region', { name: 'Example plan' });
  await example.getByRole('button', { name: 'Clear the example' }).click();
  await expect(await visionStatementField(page)).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Welcome to Waypoint' })).toBeVisible();
  // The cleared example can still be brought back.
  await openSection(page, 'Data');
  await expect(page.getByRole('region', { name: 'Your plan before' })).toContainText(
    "Vision: “Become a bestselling author of children's books”",
  );
});
