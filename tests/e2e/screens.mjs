// Every screen of the app, one after another, for checks that must hold on
// all of them (the accessibility audit, the narrow-phone layout, screenshots).
import { expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { expectSaved } from './helpers.mjs';

export const THEMES = ['light', 'dark'];

/** Replaces the plan with the generator's small plan, through the Data section's import. */
export async function fillWithSmallPlan(page) {
  const small = execFileSync('node', ['scripts/generate-plan.mjs', 'small']);
  await page.goto('./#/data');
  await page.getByLabel('Plan file to import').setInputFiles({ name: 'small.json', mimeType: 'application/json', buffer: small });
  await page.getByRole('button', { name: 'Replace my plan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your plan now comes from' })).toBeVisible();
  await expectSaved(page);
}

/** Picks a theme with the header's control (and so also remembers it). */
export async function chooseTheme(page, theme) {
  await page.getByLabel('Theme').selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

async function open(page, hash, heading) {
  await page.goto(`./${hash}`);
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
}

/**
 * Shows every screen in turn and calls `visit(name)` on each: the sections, the
 * six steps of the vision guide, a leverage entry and an option open for
 * editing, the options compared side by side, a goal's details, the check-in form, an import
 * preview, the plan on a page, a share link's read-only view, and the
 * shortcuts and Find dialogs. Works on an
 * empty plan as on a filled one (what needs a goal is skipped without one).
 */
export async function visitEveryScreen(page, visit) {
  await open(page, '#/next', 'Next step');
  await visit('next');

  await open(page, '#/vision', 'Vision');
  const steps = page.getByRole('navigation', { name: 'Vision steps' }).getByRole('button');
  await steps.first().click();
  for (let step = 1; step <= 6; step++) {
    await expect(page.getByText(`Step ${step} of 6`)).toBeVisible();
    const examples = page.getByRole('button', { name: 'Show examples' });
    if (await examples.isVisible()) {
      await examples.click();
    }
    await visit(`vision-step-${step}`);
    if (step < 6) {
      await page.getByRole('button', { name: /^(Next|Skip for now)$/ }).click();
    }
  }

  await open(page, '#/leverage', 'Leverage');
  await visit('leverage');
  const editEntry = page.getByRole('button', { name: /^Edit / }).first();
  if (await editEntry.isVisible()) {
    await editEntry.click();
    await expect(page.getByRole('button', { name: /^Done editing / })).toBeVisible();
    await visit('leverage-editing');
  }

  await open(page, '#/options', 'Options');
  await visit('options');
  const compare = page.getByRole('button', { name: 'Compare', exact: true });
  if (await compare.isVisible()) {
    await page.getByRole('button', { name: /^Edit / }).first().click();
    await expect(page.getByRole('button', { name: /^Done editing / })).toBeVisible();
    await visit('options-editing');
    await compare.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Side by side' })).toBeVisible();
    await visit('options-compare');
  }

  await open(page, '#/goals', 'Goals');
  const details = page.getByRole('button', { name: /^Details of / }).first();
  if (await details.isVisible()) {
    await details.click();
    await expect(page.getByLabel('Status').first()).toBeVisible();
  }
  await visit('goals');

  await open(page, '#/progress', 'Progress');
  const startCheckIn = page.getByRole('button', { name: 'Start a check-in' });
  if (await startCheckIn.isVisible()) {
    await startCheckIn.click();
    await expect(page.getByRole('heading', { name: 'Check-in', exact: true })).toBeVisible();
  }
  await visit('progress');

  await open(page, '#/data', 'Data');
  await page.getByLabel('Plan file to import').setInputFiles('tests/fixtures/plan-v0.json');
  await expect(page.getByRole('group', { name: /^Import plan-v0\.json\?$/ })).toBeVisible();
  await visit('data');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Make a share link' }).click();
  const link = await page.getByLabel(/^Share link/).inputValue();

  await open(page, '#/page', 'My career plan');
  await visit('page');

  await page.goto(link);
  await expect(page.getByRole('region', { name: 'Shared plan' })).toBeVisible();
  await visit('shared');

  // The dialogs: the shortcuts, and Find with results.
  await open(page, '#/next', 'Next step');
  await page.locator('body').press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await visit('help');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Find in your plan' }).fill('step');
  await visit('find');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}
