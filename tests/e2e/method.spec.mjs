// The method, guided: a newcomer writes a vision step by step, comes back
// half-way, rewrites and restores it, takes stock of leverage, and turns an
// option into a goal, all across reloads.
import { test, expect } from '@playwright/test';
import { expectSaved, openSection, visionStatementField } from './helpers.mjs';

const question = (page) => page.getByRole('heading', { level: 2 }).and(page.locator('#guide-question'));

test('a newcomer walks the vision guide and resumes half-way after a reload', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Welcome to Waypoint' })).toBeVisible();
  await expect(page.getByText('Step 1 of 6')).toBeVisible();
  await expect(question(page)).toHaveText('What do you want?');

  // Examples inspire on request, without filling anything in.
  await page.getByRole('button', { name: 'Show examples' }).click();
  await expect(page.getByText('Become a top sales rep')).toBeVisible();
  await expect(page.getByLabel('Your answer')).toHaveValue('');

  // Later steps open only once the earlier ones are answered.
  await expect(page.getByRole('button', { name: /The excitement test/ })).toBeDisabled();
  await page.getByLabel('Your answer').fill('To write picture books that children ask for again and again');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(question(page)).toHaveText('What are you willing to work for?');
  await expect(question(page)).toBeFocused();
  await page.getByLabel('Your answer').fill('Early mornings and a hundred rejection letters');
  await page.getByRole('button', { name: 'Next' }).click();
  await expectSaved(page);

  // Leaving half-way and coming back resumes at the first open question.
  await page.reload();
  await expect(question(page)).toHaveText('What do you believe can be real for you?');
  await expect(page.getByText('Step 3 of 6')).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Your answer')).toHaveValue('Early mornings and a hundred rejection letters');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Your answer').fill('A shelf of my own books in the library');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(question(page)).toHaveText('What does success mean to you?');
  await page.getByLabel('How much it matters').nth(2).fill('5');
  await page.getByLabel('In your words').nth(2).fill('Children who love reading');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(question(page)).toHaveText('Your vision statement');
  await expect(page.getByText('A draft from your answers:')).toBeVisible();
  await page.getByRole('button', { name: 'Use this draft' }).click();
  const statement = page.getByLabel('Vision statement', { exact: true });
  await expect(statement).toHaveValue(/^I will write picture books that children ask for again and again\./);
  await statement.fill("Become a bestselling author of children's books");
  await page.getByLabel('Time horizon').selectOption('5');
  await page.getByRole('button', { name: 'Next' }).click();

  // A low score sends the person back to the drawing board, without blocking.
  await expect(question(page)).toHaveText('How exciting does your vision feel?');
  await page.getByLabel('Excitement').fill('4');
  await expect(page.getByText('Not compelling yet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go on to goals anyway' })).toBeVisible();
  await page.getByLabel('Excitement').fill('9');
  await expect(page.getByText("That's a vision worth working for.")).toBeVisible();
  await page.getByRole('button', { name: 'Back to the drawing board' }).waitFor({ state: 'detached' });

  // Once every step is answered, any step can be opened directly.
  await page.getByRole('button', { name: /What you want$/ }).click();
  await expect(question(page)).toHaveText('What do you want?');
  await expectSaved(page);
  await page.reload();
  // With a vision in place the app opens on the next step; the guide resumes at the vision.
  await openSection(page, 'Vision');
  await expect(question(page)).toHaveText('Your vision statement');
  await expect(page.getByLabel('Vision statement', { exact: true })).toHaveValue("Become a bestselling author of children's books");
});

test('a rewritten vision keeps the earlier one, which can be restored after a reload', async ({ page }) => {
  await page.goto('./');
  const statement = await visionStatementField(page);
  await statement.fill('Become a team lead');
  await statement.blur();
  await statement.fill('Start my own design studio');
  await expectSaved(page);

  await page.reload();
  const field = await visionStatementField(page);
  await expect(field).toHaveValue('Start my own design studio');
  const history = page.getByRole('region', { name: 'Earlier versions' });
  await expect(history).toContainText('Become a team lead');
  await history.getByRole('button', { name: 'Restore this version: Become a team lead' }).click();
  await expect(field).toHaveValue('Become a team lead');
  await expect(history).toContainText('Start my own design studio');
  await expectSaved(page);
  await page.reload();
  await expect(await visionStatementField(page)).toHaveValue('Become a team lead');
});

test('leverage is listed by kind, savings start private, and entries read in full and open to edit', async ({ page }) => {
  await page.goto('./#/leverage');
  const people = page.getByRole('region', { name: 'People' });
  await people.getByLabel('New person').fill('Dana, product lead at my company');
  await people.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(people.getByLabel('New person')).toHaveValue('');
  // A new entry reads as text; Edit opens its fields with the caret in the first.
  await expect(people.getByRole('textbox', { name: 'Who' })).toHaveCount(0);
  await people.getByRole('button', { name: 'Edit Dana, product lead at my company' }).click();
  await expect(people.getByLabel('Who')).toBeFocused();
  await people.getByLabel('How they can help').fill('Can introduce me to the design team');
  await people.getByLabel('Strength').selectOption('4');
  await people.getByRole('button', { name: 'Done editing Dana, product lead at my company' }).click();
  await expect(people.getByRole('button', { name: 'Edit Dana, product lead at my company' })).toBeFocused();
  const savings = page.getByRole('region', { name: 'Savings and resources' });
  await savings.getByLabel('New savings or resource').fill('Six months of expenses saved');
  await savings.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(savings.getByText('Private', { exact: true })).toBeVisible();
  await expectSaved(page);

  await page.reload();
  const dana = people.getByRole('listitem');
  await expect(dana).toContainText('Dana, product lead at my company');
  await expect(dana).toContainText('Can introduce me to the design team');
  await expect(dana).toContainText('Strength 4: strong');
  await expect(dana.getByText('Private', { exact: true })).toHaveCount(0);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('waypoint.plan')).assets);
  expect(stored.map((asset) => [asset.kind, asset.private])).toEqual([
    ['person', false],
    ['savings_and_resources', true],
  ]);

  // Escape closes an entry as Done does.
  await people.getByRole('button', { name: /^Edit Dana/ }).click();
  await expect(people.getByLabel('Who')).toHaveValue('Dana, product lead at my company');
  await expect(people.getByLabel('How they can help')).toHaveValue('Can introduce me to the design team');
  await expect(people.getByLabel('Strength')).toHaveValue('4');
  await expect(people.getByRole('checkbox', { name: /Private/ })).not.toBeChecked();
  await people.getByLabel('Who').press('Escape');
  await expect(people.getByRole('textbox')).toHaveCount(1);
  await people.getByRole('button', { name: /^Edit Dana/ }).click();
  await people.getByRole('button', { name: /^Remove/ }).click();
  await people.getByRole('button', { name: /^Really remove\?/ }).click();
  await expect(people.getByRole('listitem')).toHaveCount(0);
  await expect(people.getByLabel('New person')).toBeFocused();
});

test('an option is weighed, chosen and becomes a goal linked back to it', async ({ page }) => {
  await page.goto('./#/leverage');
  const skills = page.getByRole('region', { name: 'Skills' });
  await skills.getByLabel('New skill').fill('Illustration');
  await skills.getByRole('button', { name: 'Add', exact: true }).click();

  await openSection(page, 'Options');
  await expect(page.getByText('No options yet.')).toBeVisible();
  await page.getByLabel('Kind of option').selectOption('Study someone who made it');
  await page.getByLabel('The option', { exact: true }).first().fill('Learn how Julia Donaldson found her publisher');
  await page.getByRole('button', { name: 'Add option' }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Learn how Julia Donaldson found her publisher' }) });
  // A new option opens for weighing, its empty details offered, not shown.
  await expect(card.getByLabel('Who')).toHaveCount(0);
  await card.getByRole('button', { name: 'Add who' }).click();
  await expect(card.getByLabel('Who')).toBeFocused();
  await card.getByLabel('Who').fill('Julia Donaldson');
  await card.getByRole('button', { name: 'Add how to reach them' }).click();
  await card.getByLabel('How to reach them').fill('Her publisher’s events team');
  await card.getByRole('button', { name: 'Add time it costs' }).click();
  await card.getByLabel('Time it costs').fill('Two evenings');
  await card.getByRole('checkbox', { name: 'Illustration' }).check();
  await card.getByRole('button', { name: /^Make it a goal/ }).click();
  await expect(card).toContainText('Now a goal: “Learn how Julia Donaldson found her publisher”.');
  await expect(card.getByLabel('Status')).toHaveValue('chosen');
  await expectSaved(page);

  // After a reload the card reads as a summary of what was said.
  await page.reload();
  await expect(card.getByRole('textbox')).toHaveCount(0);
  await expect(card).toContainText('Chosen');
  await expect(card).toContainText('Builds on');
  await expect(card).toContainText('Illustration');
  await expect(card).toContainText('Julia Donaldson');
  await expect(card).toContainText('Two evenings');
  await expect(card).toContainText('Also noted: how to reach them.');
  await card.getByRole('link', { name: 'See it in Goals' }).click();
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveValue('Learn how Julia Donaldson found her publisher');
  await page.getByRole('button', { name: 'Details of Learn how Julia Donaldson found her publisher' }).click();
  await expect(page.getByText('Came from the option “Learn how Julia Donaldson found her publisher”.')).toBeVisible();
  await page.getByRole('link', { name: 'See it in Options' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Learn how Julia Donaldson found her publisher' })).toBeVisible();
});
