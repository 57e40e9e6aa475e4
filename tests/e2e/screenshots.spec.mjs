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
  // Two dozen full-page screenshots take longer than one journey.
  test.setTimeout(120_000);
  const shot = (name) => page.screenshot({ path: `screenshots/${name}-${testInfo.project.name}.png`, fullPage: true });
  await page.goto('./#/vision');
  for (const [name, slug] of SECTIONS) {
    await openSection(page, name);
    await shot(`${slug}-empty`);
  }

  await openSection(page, 'Vision');
  // Each step of the vision guide.
  const answers = [
    'To write stories that children ask for again and again.',
    'Early mornings, rejection letters, and learning to illustrate.',
    'A shelf of my own books in the local library.',
  ];
  for (const [index, answer] of answers.entries()) {
    await page.getByRole('button', { name: 'Show examples' }).click();
    await page.getByLabel('Your answer').fill(answer);
    await shot(`vision-step-${index + 1}`);
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByLabel('How much it matters').nth(2).fill('5');
  await page.getByLabel('In your words').nth(2).fill('Children who love reading');
  await shot('vision-step-4');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Time horizon').selectOption('5');
  await page.getByRole('button', { name: 'Use this draft' }).click();
  await shot('vision-step-5');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Excitement').fill('4');
  await shot('vision-step-6');
  await page.getByRole('button', { name: 'Back to the drawing board' }).click();
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
