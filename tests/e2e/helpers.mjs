// Shared steps for the end-to-end specs: what a person does, by role and label.
import { expect } from '@playwright/test';

export const PLAN_KEY = 'waypoint.plan';

/** Opens a section from the navigation bar. */
export async function openSection(page, name) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

/** The header's word on whether the plan is stored (not a live region: it changes at every pause). */
export function saveIndicator(page) {
  return page.locator('header .save-indicator');
}

/** Waits until the header says the plan is stored. */
export async function expectSaved(page) {
  await expect(saveIndicator(page)).toHaveText('All changes saved');
}

/** Reads the stored plan text straight from localStorage. */
export async function storedPlanText(page) {
  return page.evaluate((key) => localStorage.getItem(key), PLAN_KEY);
}

/** Adds a long-term goal from the Goals section. */
export async function addLongTermGoal(page, title) {
  await page.getByLabel('New long-term goal').fill(title);
  await page.getByRole('button', { name: 'Add long-term goal' }).click();
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' }).last()).toHaveValue(title);
}

/** Opens a goal's details (where adding under it and removing it are), unless open. */
export async function openGoalDetails(page, title) {
  const more = page.getByRole('button', { name: `Details of ${title}`, exact: true });
  if ((await more.getAttribute('aria-expanded')) !== 'true') {
    await more.click();
  }
  await expect(more).toHaveAttribute('aria-expanded', 'true');
}

/** Opens the add form under `parentTitle` (from its details) and adds each title as a child. */
export async function addChildren(page, parentTitle, childLabel, titles) {
  await openGoalDetails(page, parentTitle);
  await page.getByRole('button', { name: `Add ${childLabel} under ${parentTitle}` }).click();
  const field = page.getByRole('textbox', { name: `New ${childLabel}` });
  for (const title of titles) {
    await expect(field).toBeFocused();
    await field.fill(title);
    await field.press('Enter');
    await expect(field).toHaveValue('');
  }
  await field.press('Escape');
}

/** Opens the vision guide at its statement step and returns the statement field. */
export async function visionStatementField(page) {
  const heading = page.getByRole('heading', { level: 2, name: 'Your vision statement' });
  if (!(await page.getByRole('heading', { level: 1, name: 'Vision' }).isVisible())) {
    await openSection(page, 'Vision');
  }
  for (let step = 0; step < 6 && !(await heading.isVisible()); step++) {
    const jump = page.getByRole('button', { name: /Your vision$/ });
    if (await jump.isEnabled()) {
      await jump.click();
    } else {
      await page.getByRole('button', { name: /^(Next|Skip for now)$/ }).click();
    }
  }
  await expect(heading).toBeVisible();
  return page.getByLabel('Vision statement', { exact: true });
}

/** Writes the vision statement through the guide. */
export async function writeVisionStatement(page, text) {
  await (await visionStatementField(page)).fill(text);
}
