// The import's file picker looks like the app's other buttons, and still
// works every way the browser's own did: by its label, from the keyboard
// with a focus ring that shows, by a click that opens the file chooser, and
// by dropping a file on it.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openSection } from './helpers.mjs';

const FIXTURE = 'tests/fixtures/plan-v0.json';

test('the file picker is a button that opens the chooser and shows where the keyboard is', async ({ page }) => {
  await page.goto('./#/vision');
  await openSection(page, 'Data');
  const input = page.getByLabel('Plan file to import');
  const picker = page.getByText('Choose a file…', { exact: true });
  await expect(picker).toBeVisible();
  const [pickerBox, downloadBox] = await Promise.all([
    picker.boundingBox(),
    page.getByRole('button', { name: 'Download plan (.json)' }).boundingBox(),
  ]);
  expect(pickerBox.height).toBeGreaterThanOrEqual(44);
  expect(pickerBox.height).toBeCloseTo(downloadBox.height, 0);
  // The browser's own control is out of sight.
  const inputBox = await input.boundingBox();
  expect(inputBox.width * inputBox.height).toBeLessThanOrEqual(1);

  // From the keyboard: the input takes the focus and its button shows the ring.
  await input.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  const ring = await picker.evaluate((label) => {
    const style = getComputedStyle(label);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(ring).toBe('solid 3px');
  await page.keyboard.press('Shift+Tab');
  expect(await picker.evaluate((label) => getComputedStyle(label).outlineStyle)).toBe('none');

  // A click on the button opens the file chooser.
  const chooserPromise = page.waitForEvent('filechooser');
  await picker.click();
  const chooser = await chooserPromise;
  expect(chooser.isMultiple()).toBe(false);
  await chooser.setFiles(FIXTURE);
  await expect(page.getByRole('group', { name: 'Import plan-v0.json?' })).toContainText('2 long-term goals');
});

test('a plan file dropped on the picker opens the import preview', async ({ page }) => {
  await page.goto('./#/data');
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
  const text = await readFile(FIXTURE, 'utf8');
  const dataTransfer = await page.evaluateHandle((body) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([body], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, text);
  const picker = page.getByText('Choose a file…', { exact: true });
  await picker.dispatchEvent('dragover', { dataTransfer });
  await picker.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('group', { name: 'Import dropped.json?' })).toContainText('2 long-term goals');
});
