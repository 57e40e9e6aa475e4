// Importing a plan: replace (undoable, the plan before kept across reloads),
// merge two devices' copies by id, drop a file anywhere, and start over.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
  addChildren,
  addLongTermGoal,
  expectSaved,
  openSection,
  visionStatementField,
  writeVisionStatement,
} from './helpers.mjs';

async function exportPlan(page) {
  await openSection(page, 'Data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download plan (.json)' }).click();
  return readFile(await (await download).path());
}

async function importPlan(page, name, buffer) {
  await openSection(page, 'Data');
  await page.getByLabel('Plan file to import').setInputFiles({ name, mimeType: 'application/json', buffer });
  return page.getByRole('group', { name: `Import ${name}?` });
}

test('a replaced plan is kept, survives a reload, and can be restored', async ({ page }) => {
  await page.goto('./#/vision');
  await writeVisionStatement(page, 'Teach data science at a university');
  await expectSaved(page);
  const other = JSON.parse(await exportPlan(page));
  other.vision.statement = 'Run a bakery';
  const preview = await importPlan(page, 'bakery.json', Buffer.from(JSON.stringify(other)));
  await expect(preview).toContainText('Either way your current plan is kept, and Undo brings it back.');
  await preview.getByRole('button', { name: 'Replace my plan' }).press('Enter');
  const outcome = page.getByRole('status').filter({ hasText: 'Your plan now comes from bakery.json.' });
  await expect(outcome).toBeVisible();
  // The choice went with its buttons; the keyboard is left at what came of it.
  await expect(outcome).toBeFocused();
  await expectSaved(page);

  await page.reload();
  const kept = page.getByRole('region', { name: 'Your plan before' });
  await expect(kept).toContainText('before the import of bakery.json');
  await expect(kept).toContainText('Vision: “Teach data science at a university”');
  await kept.getByRole('button', { name: 'Restore it' }).click();
  await expect(await visionStatementField(page)).toHaveValue('Teach data science at a university');
  // The plan it replaced is kept in turn.
  await openSection(page, 'Data');
  await expect(page.getByRole('region', { name: 'Your plan before' })).toContainText('Vision: “Run a bakery”');
});

test('two devices merge their copies by id: the newer change wins and new items from both stay', async ({ browser }) => {
  test.skip(test.info().project.name === 'phone', 'one run covers the merge');
  const laptop = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  // Each device has its own clock; the phone's runs ten minutes later, so its
  // rename below is the newer change.
  await laptop.clock.install({ time: new Date('2026-11-02T10:00:00Z') });
  await phone.clock.install({ time: new Date('2026-11-02T10:10:00Z') });

  await laptop.goto('./#/vision');
  await writeVisionStatement(laptop, 'Teach data science at a university');
  await openSection(laptop, 'Goals');
  await addLongTermGoal(laptop, 'Earn a teaching post');
  await addChildren(laptop, 'Earn a teaching post', 'short-term goal', ['Publish two papers']);
  await expectSaved(laptop);
  const first = await exportPlan(laptop);

  await phone.goto('./#/data');
  await phone.getByLabel('Plan file to import').setInputFiles({ name: 'laptop.json', mimeType: 'application/json', buffer: first });
  await phone.getByRole('button', { name: 'Replace my plan' }).click();

  // Each device changes something of its own, and both rename the same goal.
  await openSection(laptop, 'Goals');
  await addLongTermGoal(laptop, 'Speak at a conference');
  await laptop.getByRole('textbox', { name: 'Short-term goal title' }).fill('Publish two papers (laptop)');
  await expectSaved(laptop);
  await openSection(phone, 'Goals');
  await phone.getByRole('textbox', { name: 'Short-term goal title' }).fill('Publish three papers');
  await addChildren(phone, 'Publish three papers', 'step', ['Pick a journal']);
  await expectSaved(phone);
  const fromPhone = await exportPlan(phone);

  const preview = await importPlan(laptop, 'phone.json', fromPhone);
  await expect(preview).toContainText('Merging would bring in 1 new item, 1 newer change');
  await preview.getByRole('button', { name: 'Merge into my plan' }).click();
  await expect(laptop.getByRole('status').filter({ hasText: 'Merged phone.json into your plan' })).toBeVisible();

  await openSection(laptop, 'Goals');
  const longTerm = laptop.getByRole('textbox', { name: 'Long-term goal title' });
  await expect(longTerm).toHaveCount(2);
  await expect(longTerm.nth(0)).toHaveValue('Earn a teaching post');
  await expect(longTerm.nth(1)).toHaveValue('Speak at a conference');
  await expect(laptop.getByRole('textbox', { name: 'Short-term goal title' })).toHaveValue('Publish three papers');
  await expect(laptop.getByRole('textbox', { name: 'Step title' })).toHaveValue('Pick a journal');

  // The merge is undoable like an import.
  await openSection(laptop, 'Data');
  await laptop.getByRole('button', { name: 'Undo merge' }).click();
  await openSection(laptop, 'Goals');
  await expect(laptop.getByRole('textbox', { name: 'Short-term goal title' })).toHaveValue('Publish two papers (laptop)');
  await expect(laptop.getByRole('textbox', { name: 'Step title' })).toHaveCount(0);
});

test('a plan file dropped anywhere on the page opens the import preview', async ({ page }) => {
  await page.goto('./#/goals');
  const text = await readFile('tests/fixtures/plan-v0.json', 'utf8');
  const dataTransfer = await page.evaluateHandle((body) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([body], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await expect(page.getByText('Drop a plan file to import it')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByText('Drop a plan file to import it')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
  const preview = page.getByRole('group', { name: 'Import dropped.json?' });
  await expect(preview).toContainText('2 long-term goals');
  await expect(preview).toBeFocused();
});

test('starting over keeps the old plan, which can be restored', async ({ page }) => {
  await page.goto('./#/vision');
  await writeVisionStatement(page, 'Teach data science at a university');
  await expectSaved(page);
  await openSection(page, 'Data');
  await page.getByRole('button', { name: 'Start a new plan' }).click();
  await page.getByRole('button', { name: 'Yes, start a new plan' }).click();
  await expect(await visionStatementField(page)).toHaveValue('');
  await expectSaved(page);
  await page.reload();
  await openSection(page, 'Data');
  const kept = page.getByRole('region', { name: 'Your plan before' });
  await expect(kept).toContainText('before starting a new plan');
  await kept.getByRole('button', { name: 'Restore it' }).click();
  await expect(await visionStatementField(page)).toHaveValue('Teach data science at a university');
});
