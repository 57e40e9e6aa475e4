// Options as a board and side by side: each option reads as a card of what
// the person said about it and opens to edit, empty details out of sight
// until asked for; the compare view puts the options under consideration
// next to each other, and choosing and "Make it a goal" work from there.
import { test, expect } from '@playwright/test';
import { expectSaved, openSection } from './helpers.mjs';

const SOCIETY = "Join the society of children's writers";

async function exploreTheExample(page) {
  await page.goto('./#/vision');
  await page.getByRole('button', { name: 'Explore an example plan' }).click();
  await expect(page.getByRole('region', { name: 'Example plan' })).toBeVisible();
  await openSection(page, 'Options');
}

function storedOption(page, title) {
  return page.evaluate(
    (title) => JSON.parse(localStorage.getItem('waypoint.plan')).options.find((option) => option.title === title),
    title,
  );
}

test('a card shows what was said and opens to edit, with empty details added on request', async ({ page }) => {
  await exploreTheExample(page);
  const board = page.getByRole('list', { name: 'Your options' });
  await expect(board.getByRole('listitem')).toHaveCount(4);
  // The board reads as cards, not forms.
  await expect(board.getByRole('textbox')).toHaveCount(0);
  const card = board.getByRole('listitem').filter({ has: page.getByRole('heading', { name: SOCIETY }) });
  await expect(card).toContainText('Networking');
  await expect(card).toContainText('Considering');
  await expect(card.getByRole('definition')).toHaveText(['A yearly membership', 'Critique groups, and agents at its conference.']);
  await expect(card.getByRole('term')).toHaveText(['Money it costs', 'Upside']);

  await card.getByRole('button', { name: `Edit ${SOCIETY}` }).click();
  await expect(card.getByLabel('The option')).toBeFocused();
  // Only the details with words show; the others wait behind "Add …".
  await expect(card.getByRole('textbox')).toHaveCount(3);
  await expect(card.getByLabel('Money it costs')).toHaveValue('A yearly membership');
  await expect(card.getByLabel('Time it costs')).toHaveCount(0);
  const offered = card.getByRole('group', { name: 'Add details' }).getByRole('button');
  // Each reads "+ Time it costs" and is named "Add time it costs".
  await expect(offered).toHaveText(['+Add Time it costs', '+Add Risks', '+Add Notes']);
  await card.getByRole('button', { name: 'Add risks' }).click();
  const risks = card.getByLabel('Risks');
  await expect(risks).toBeFocused();
  await expect(offered).toHaveText(['+Add Time it costs', '+Add Notes']);
  const longRisk = 'Evenings already go to marking and planning, so the critique group may be one more thing to drop when term gets busy';
  await risks.fill(longRisk);
  // The field grows with its words: nothing is hidden behind a scroll.
  const fits = await risks.evaluate((field) => field.scrollHeight <= field.clientHeight);
  expect(fits).toBe(true);
  // Emptied while open, a detail keeps its field.
  await card.getByLabel('Money it costs').fill('');
  await expect(card.getByLabel('Money it costs')).toBeVisible();
  await card.getByRole('button', { name: `Done editing ${SOCIETY}` }).click();
  await expect(card.getByRole('button', { name: `Edit ${SOCIETY}` })).toBeFocused();
  await expect(card.getByRole('term')).toHaveText(['Upside', 'Risks']);
  await expect(card).toContainText(longRisk);
  await expectSaved(page);
  const stored = await storedOption(page, SOCIETY);
  expect([stored.risks, stored.money_cost]).toEqual([longRisk, '']);

  // A title is one line of the plan: Enter adds no line break.
  await card.getByRole('button', { name: `Edit ${SOCIETY}` }).click();
  const title = card.getByLabel('The option');
  await title.press('End');
  await title.press('Enter');
  await title.pressSequentially(' nearby');
  await expect(title).toHaveValue(`${SOCIETY} nearby`);
  await expect(page.getByRole('heading', { level: 2, name: `${SOCIETY} nearby` })).toBeVisible();
  // Escape closes the card, as Done does.
  await title.press('Escape');
  await expect(page.getByRole('button', { name: `Edit ${SOCIETY} nearby` })).toBeFocused();
});

test('the compare view puts the options under consideration side by side, and a choice is made there', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the table is for wide screens; the phone has its own test');
  await exploreTheExample(page);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Compare', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const table = page.getByRole('table', { name: /^Your options side by side/ });
  await expect(table).toBeVisible();
  // A column per option under consideration or chosen; the one set aside is left out until asked for.
  const columns = table.getByRole('columnheader');
  await expect(columns).toHaveText(['Learn how a local author got her first book deal', 'Try drafts out on my class', SOCIETY]);
  await expect(table.getByRole('rowheader')).toHaveText(['Kind', 'Builds on', 'Time it costs', 'Money it costs', 'Upside', 'Risks', 'Status']);
  const row = (name) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row('Builds on').getByRole('cell')).toHaveText(["Ana, the town's children's librarian", 'Storytelling, Primary school teacher', 'Not noted yet']);
  await expect(row('Money it costs').getByRole('cell')).toHaveText(['Not noted yet', 'Not noted yet', 'A yearly membership']);
  await page.getByRole('checkbox', { name: 'Include the options set aside (1)' }).check();
  await expect(columns).toHaveCount(4);
  await expect(columns.last()).toHaveText('An evening course in illustration');
  await page.getByRole('checkbox', { name: /^Include the options set aside/ }).uncheck();
  await expect(columns).toHaveCount(3);

  // The table scrolls on its own, reached from the keyboard, and its buttons follow.
  const region = page.getByRole('region', { name: /^Your options side by side/ });
  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Choose Learn how a local author got her first book deal' })).toBeFocused();

  const choose = page.getByRole('button', { name: `Choose ${SOCIETY}` });
  await expect(choose).toHaveAttribute('aria-pressed', 'false');
  await choose.click();
  await expect(choose).toHaveAttribute('aria-pressed', 'true');
  await expect(choose).toBeFocused();
  await expect(row('Status').getByRole('cell').last()).toContainText('Chosen');
  await expectSaved(page);
  expect((await storedOption(page, SOCIETY)).status).toBe('chosen');
  // Undo takes the choice back like any change.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(choose).toHaveAttribute('aria-pressed', 'false');
  // Set aside here, the option stays in view, so the choice can be taken back.
  await page.getByRole('button', { name: `Set aside ${SOCIETY}` }).click();
  await expect(row('Status').getByRole('cell').last()).toContainText('Set aside');
  await expect(page.getByRole('button', { name: `Set aside ${SOCIETY}` })).toBeFocused();
  // Pressing a pressed toggle takes the option back to weighing.
  await page.getByRole('button', { name: `Set aside ${SOCIETY}` }).click();
  await expect(row('Status').getByRole('cell').last()).toContainText('Considering');

  await page.getByRole('button', { name: `Make it a goal: ${SOCIETY}` }).click();
  const goalLink = row('Status').getByRole('cell').last().getByRole('link', { name: 'See it in Goals' });
  await expect(goalLink).toBeFocused();
  await expect(row('Status').getByRole('cell').last()).toContainText(`Now a goal: “${SOCIETY}”.`);
  await expect(choose).toHaveAttribute('aria-pressed', 'true');

  // Edit opens the option's card on the board, caret in its title.
  await page.getByRole('button', { name: `Edit ${SOCIETY}` }).click();
  await expect(page.getByRole('button', { name: 'Board', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('The option', { exact: true }).nth(1)).toBeFocused();
  await expect(page.getByLabel('The option', { exact: true }).nth(1)).toHaveValue(SOCIETY);

  await expectSaved(page);
  await openSection(page, 'Goals');
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' }).last()).toHaveValue(SOCIETY);
});

test('on a phone the options are compared one under another', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the stacked view is for narrow screens');
  await exploreTheExample(page);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('table')).toHaveCount(0);
  const stack = page.getByRole('list', { name: 'Your options side by side' });
  await expect(stack.getByRole('heading', { level: 3 })).toHaveText([
    'Learn how a local author got her first book deal',
    'Try drafts out on my class',
    SOCIETY,
  ]);
  const society = stack.getByRole('listitem').filter({ has: page.getByRole('heading', { name: SOCIETY }) });
  // Every attribute is named, filled or not, in the same order for each option.
  await expect(society.getByRole('term')).toHaveText(['Kind', 'Builds on', 'Time it costs', 'Money it costs', 'Upside', 'Risks']);
  await expect(society.getByRole('definition')).toHaveText([
    'Networking',
    'Not noted yet',
    'Not noted yet',
    'A yearly membership',
    'Critique groups, and agents at its conference.',
    'Not noted yet',
  ]);
  await society.getByRole('button', { name: `Choose ${SOCIETY}` }).click();
  await expect(society.getByRole('button', { name: `Choose ${SOCIETY}` })).toHaveAttribute('aria-pressed', 'true');
  await society.getByRole('button', { name: `Make it a goal: ${SOCIETY}` }).click();
  await expect(society.getByRole('link', { name: 'See it in Goals' })).toBeFocused();
  await expectSaved(page);
  expect((await storedOption(page, SOCIETY)).status).toBe('chosen');

  // Turning the phone wide enough brings the table.
  await page.setViewportSize({ width: 900, height: 700 });
  await expect(page.getByRole('table', { name: /^Your options side by side/ })).toBeVisible();
});

test('the compare view says when there is nothing to weigh yet', async ({ page }) => {
  await page.goto('./#/options');
  await expect(page.getByRole('button', { name: 'Compare', exact: true })).toHaveCount(0);
  await page.getByLabel('Kind of option').selectOption('Networking');
  await page.getByLabel('The option', { exact: true }).first().fill('Coffee with the head of design');
  await page.getByRole('button', { name: 'Add option' }).click();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByText('With one more option under consideration you can weigh them against each other.')).toBeVisible();
  // Set aside here, it stays in view to be taken back; next time it is left out.
  await page.getByRole('button', { name: 'Set aside Coffee with the head of design' }).click();
  await expect(page.getByRole('button', { name: 'Set aside Coffee with the head of design' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByText('Nothing to compare: every option is set aside.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Include the options set aside (1)' }).check();
  await expect(page.getByRole('heading', { name: 'Coffee with the head of design' }).or(page.getByRole('columnheader', { name: 'Coffee with the head of design' }))).toBeVisible();
});
