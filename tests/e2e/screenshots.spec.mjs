// Screenshots of every section, empty and filled, at the project's widths
// (phone and desktop), written to screenshots/ to be looked at.
import { test, expect } from '@playwright/test';
import { addChildren, addLongTermGoal, expectSaved, openSection, writeVisionStatement } from './helpers.mjs';

const SECTIONS = [
  ['Vision', 'vision'],
  ['Leverage', 'leverage'],
  ['Options', 'options'],
  ['Goals', 'goals'],
  ['Next step', 'next'],
  ['Progress', 'progress'],
  ['Data', 'data'],
];

test('every section, empty and filled', async ({ page }, testInfo) => {
  const shot = (name) => page.screenshot({ path: `screenshots/${name}-${testInfo.project.name}.png`, fullPage: true });
  await page.goto('./#/vision');
  for (const [name, slug] of SECTIONS) {
    await openSection(page, name);
    await shot(`${slug}-empty`);
  }

  await openSection(page, 'Vision');
  await page.getByLabel('Your answer').fill('To write stories that children ask for again and again.');
  await writeVisionStatement(page, "Become a bestselling author of children's books");
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Excitement').fill('9');
  await openSection(page, 'Goals');
  await addLongTermGoal(page, 'Publish a picture book');
  await addChildren(page, 'Publish a picture book', 'short-term goal', ['Find a literary agent', 'Finish the manuscript']);
  await addChildren(page, 'Find a literary agent', 'step', ['Shortlist ten agents', 'Write a query letter']);
  await addChildren(page, 'Finish the manuscript', 'step', ['Draft the story']);
  await addLongTermGoal(page, 'Build an audience of parents');
  await page.getByRole('checkbox', { name: 'Done: Shortlist ten agents' }).check();
  await page.getByRole('button', { name: 'Details of Write a query letter' }).click();
  await page.getByLabel('Target date').fill('2026-12-01');
  await page.getByLabel('Status').selectOption('In progress');
  await shot('goals-details');
  await expectSaved(page);
  for (const [name, slug] of SECTIONS) {
    await openSection(page, name);
    await shot(`${slug}-filled`);
  }
  await expect(page.locator('body')).toBeVisible();
});
