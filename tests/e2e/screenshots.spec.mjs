// Screenshots of every section, empty and filled, at the project's widths
// (phone and desktop), written to screenshots/ to be looked at.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
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
  test.setTimeout(600_000);
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

test('the data screens: import choices, sharing, the shared view and the plan on a page', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const shot = (name) => page.screenshot({ path: `screenshots/${name}-${testInfo.project.name}.png`, fullPage: true });
  const small = execFileSync('node', ['scripts/generate-plan.mjs', 'small']);
  await page.goto('./#/vision');
  await writeVisionStatement(page, 'Teach data science at a university');
  await openSection(page, 'Data');
  await page.getByLabel('Plan file to import').setInputFiles({ name: 'small.json', mimeType: 'application/json', buffer: small });
  await expect(page.getByRole('button', { name: 'Merge into my plan' })).toBeVisible();
  await shot('data-import-choices');
  await page.getByRole('button', { name: 'Replace my plan' }).click();
  await page.getByRole('button', { name: 'Make a share link' }).click();
  const link = await page.getByLabel(/^Share link/).inputValue();
  await expectSaved(page);
  await shot('data-after-import');
  await page.goto('./#/page');
  await expect(page.getByRole('heading', { level: 1, name: 'My career plan' })).toBeVisible();
  await shot('one-page');
  await page.emulateMedia({ media: 'print' });
  await shot('one-page-print');
  await page.emulateMedia({ media: 'screen' });
  await page.goto(link);
  await expect(page.getByRole('region', { name: 'Shared plan' })).toBeVisible();
  await shot('shared-view');
});
