// One history: every change is a step of it, and the notices that offer to
// undo one ("Undo removal", "Undo import", Next step's "Undo marking done")
// are views of that step, so no route undoes a step twice.
import { test, expect } from '@playwright/test';
import { addLongTermGoal, expectSaved, openGoalDetails, openSection, storedPlanText } from './helpers.mjs';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The titles of the goals in storage, in order. */
async function storedTitles(page) {
  return JSON.parse(await storedPlanText(page)).goals.map((goal) => goal.title);
}

for (const route of ['its Remove button', 'Backspace in its emptied title']) {
  test(`a removal undone from the header can't be undone again from its notice (${route})`, async ({ page }) => {
    await page.goto('./#/goals');
    await addLongTermGoal(page, 'Keep me');
    await addLongTermGoal(page, 'Remove me');
    if (route === 'its Remove button') {
      await openGoalDetails(page, 'Remove me');
      await page.getByRole('button', { name: 'Remove Remove me' }).click();
    } else {
      const title = page.getByRole('textbox', { name: 'Long-term goal title' }).nth(1);
      await title.fill('');
      await title.press('Backspace');
    }
    // Emptied first, the title it is removed with is empty.
    const kept = route === 'its Remove button' ? 'Remove me' : '';
    await expect(page.getByText(kept ? 'Removed “Remove me”.' : 'Removed an untitled goal.')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(1);

    // The header's Undo takes the removal back; the notice follows it.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Undo removal' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Redo removal' })).toBeVisible();
    await expectSaved(page);
    expect(await storedTitles(page)).toEqual(['Keep me', kept]);

    // Its Redo removes it again, once.
    await page.getByRole('button', { name: 'Redo removal' }).click();
    await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Undo removal' })).toBeVisible();
    await page.getByRole('button', { name: 'Undo removal' }).click();
    await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(2);
    await expectSaved(page);
    expect(await storedTitles(page)).toEqual(['Keep me', kept]);

    // The plan reloads whole, with no word of anything unreadable.
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(2);
    await expect(page.getByRole('textbox', { name: 'Long-term goal title' }).nth(1)).toHaveValue(kept);
    await expect(page.getByRole('heading', { name: /couldn't read/ })).toHaveCount(0);
  });
}

test('a removal notice goes once anything else changes, and Ctrl+Z still undoes the removal after it', async ({ page }) => {
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Learn Spanish');
  await addLongTermGoal(page, 'Run a marathon');
  await openGoalDetails(page, 'Run a marathon');
  await page.getByRole('button', { name: 'Remove Run a marathon' }).click();
  await expect(page.getByRole('button', { name: 'Undo removal' })).toBeVisible();
  const title = page.getByRole('textbox', { name: 'Long-term goal title' });
  await title.fill('Learn Spanish well');
  await expect(page.getByRole('button', { name: 'Undo removal' })).toHaveCount(0);
  await title.press(`${mod}+z`);
  await expect(title).toHaveValue('Learn Spanish');
  await expect(page.getByRole('button', { name: 'Undo removal' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo removal' }).click();
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(2);
});

test('an import undone from the header offers Redo, not a second Undo', async ({ page }) => {
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'My own goal');
  await expectSaved(page);
  const theirs = JSON.parse(await storedPlanText(page));
  theirs.goals[0].title = 'Their goal';
  await openSection(page, 'Data');
  await page.getByLabel('Plan file to import').setInputFiles({
    name: 'theirs.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(theirs)),
  });
  await page.getByRole('button', { name: 'Replace my plan' }).click();
  await expect(page.getByText('Your plan now comes from theirs.json.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByText('The import of theirs.json is undone')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo import' })).toHaveCount(0);
  await expectSaved(page);
  expect(await storedTitles(page)).toEqual(['My own goal']);
  await page.getByRole('button', { name: 'Redo import' }).click();
  await expect(page.getByRole('button', { name: 'Undo import' })).toBeVisible();
  await expectSaved(page);
  expect(await storedTitles(page)).toEqual(['Their goal']);
});

test('Next step says which step was marked done last, by its button or the X key', async ({ page }) => {
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Find an agent');
  await openGoalDetails(page, 'Find an agent');
  const add = page.getByRole('button', { name: 'Add short-term goal under Find an agent' });
  await add.click();
  const field = page.getByRole('textbox', { name: 'New short-term goal' });
  for (const title of ['List ten agents', 'Write the letter', 'Send five letters']) {
    await field.fill(title);
    await field.press('Enter');
    await expect(field).toHaveValue('');
  }
  await field.press('Escape');
  await openSection(page, 'Next step');
  await page.getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByText('Done: “List ten agents”. Well done.')).toBeVisible();
  await page.locator('main').focus();
  await page.keyboard.press('x');
  await expect(page.getByText('Done: “Write the letter”. Well done.')).toBeVisible();
  await expect(page.getByText('Done: “List ten agents”.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo marking done' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Write the letter' })).toBeVisible();
  // The latest change is now the first step marked done, and the notice says so.
  await expect(page.getByText('Done: “List ten agents”. Well done.')).toBeVisible();
  await expect(page.getByText('Done: “Write the letter”.')).toHaveCount(0);
});

test('an empty share link says it holds no plan', async ({ page }) => {
  await page.goto('./#/shared/');
  await expect(page.getByRole('heading', { name: "This shared plan can't be opened" })).toBeVisible();
  await expect(page.getByText('carries no plan')).toBeVisible();
});

test('a goal removed from far down the list leaves the caret nearby and its notice in sight', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 640 });
  await page.goto('./#/goals');
  for (const title of ['Learn Spanish', 'Run a marathon', 'Write a novel', 'Move to Lisbon', 'Start a studio']) {
    await addLongTermGoal(page, title);
  }
  await openGoalDetails(page, 'Start a studio');
  await page.getByRole('button', { name: 'Remove Start a studio' }).click();
  // The row above takes the caret; the notice shows at the foot of the screen.
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' }).last()).toHaveValue('Move to Lisbon');
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' }).last()).toBeFocused();
  const undo = page.getByRole('button', { name: 'Undo removal' });
  await expect(undo).toBeInViewport();
  await undo.click();
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' }).last()).toHaveValue('Start a studio');
  await expect(page.getByRole('button', { name: 'Redo removal' })).toBeInViewport();
  // Dismiss puts the notice away; the history keeps the step.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('button', { name: 'Redo removal' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(4);
  // Removed again, it says so again.
  await expect(page.getByRole('button', { name: 'Undo removal' })).toBeInViewport();
});

test('undoing a ticked box or Ctrl+Enter says which goal was marked done or opened again', async ({ page }) => {
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Learn Spanish');
  const spoken = page.locator('p.visually-hidden[role="status"]:not(.dialog *)');
  await page.getByRole('checkbox', { name: 'Done: Learn Spanish' }).check();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(spoken).toHaveText('Undone: marking “Learn Spanish” done');
  await page.getByRole('textbox', { name: 'Long-term goal title' }).press(`${mod}+Enter`);
  await expect(page.getByRole('checkbox', { name: 'Done: Learn Spanish' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Long-term goal title' }).press(`${mod}+Enter`);
  await expect(page.getByRole('checkbox', { name: 'Done: Learn Spanish' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(spoken).toHaveText('Undone: opening “Learn Spanish” again');
  await expect(page.getByRole('checkbox', { name: 'Done: Learn Spanish' })).toBeChecked();
});
