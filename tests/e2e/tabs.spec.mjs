// Two tabs on one plan: an idle tab follows the other's saves, and a tab with
// unsaved changes asks before either side is overwritten.
import { test, expect } from '@playwright/test';
import { expectSaved, saveIndicator, visionStatementField } from './helpers.mjs';

test('an idle tab picks up what another tab saved', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto('./#/vision');
  await second.goto('./#/vision');
  const secondField = await visionStatementField(second);

  await (await visionStatementField(first)).fill('Open a bakery in my home town');
  await expectSaved(first);
  await expect(secondField).toHaveValue('Open a bakery in my home town');
  // Following the other tab does not write back and start a ping-pong.
  await expect(saveIndicator(second)).toHaveText('All changes saved');
});

test('a tab with unsaved changes asks which version to keep', async ({ context }) => {
  // The tabs' clock runs as usual, and can be moved on past the autosave's delay.
  await context.clock.install();
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto('./#/vision');
  await second.goto('./#/vision');
  const firstField = await visionStatementField(first);
  const secondField = await visionStatementField(second);
  await firstField.fill('Lead product at a climate company');
  await expectSaved(first);
  await expect(secondField).toHaveValue('Lead product at a climate company');

  // The second tab starts typing; before its save, the first tab saves again.
  await secondField.fill('Start my own climate consultancy');
  await first.evaluate(() => {
    const plan = JSON.parse(localStorage.getItem('waypoint.plan'));
    plan.vision.statement = 'Lead product at a climate company, in Lisbon';
    localStorage.setItem('waypoint.plan', JSON.stringify(plan));
  });
  const notice = second.getByRole('alert').filter({ hasText: 'Your plan was changed in another tab' });
  await expect(notice).toBeVisible();
  // Nothing is written over the other tab's save while the question is open,
  // even once the autosave's delay has passed many times over.
  await second.clock.runFor(5_000);
  const stored = await second.evaluate(() => JSON.parse(localStorage.getItem('waypoint.plan')).vision.statement);
  expect(stored).toBe('Lead product at a climate company, in Lisbon');

  await notice.getByRole('button', { name: "Keep this tab's version" }).click();
  await expect(notice).toHaveCount(0);
  await expectSaved(second);
  await expect(firstField).toHaveValue('Start my own climate consultancy');
});
