// Every file of the bad corpus in tests/fixtures/bad is either refused with a
// clear message, or read with repairs listed in the preview before anything
// changes; either way the plan is untouched until the person chooses.
// Markup in a good file shows as text.
import { test, expect } from '@playwright/test';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { expectSaved, openSection, storedPlanText, visionStatementField, writeVisionStatement } from './helpers.mjs';

const CORPUS = 'tests/fixtures/bad';

test('every bad file is refused or repaired, explained, and leaves the plan alone', async ({ page }) => {
  const expected = JSON.parse(await readFile(`${CORPUS}/expected.json`, 'utf8'));
  const files = (await readdir(CORPUS)).filter((name) => name !== 'expected.json');
  // The list of messages covers the whole folder.
  expect(files.sort()).toEqual(Object.keys(expected).sort());

  await page.goto('./#/vision');
  await writeVisionStatement(page, 'Teach data science at a university');
  await expectSaved(page);
  const before = await storedPlanText(page);
  await openSection(page, 'Data');

  for (const name of files) {
    await page.getByLabel('Plan file to import').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: await readFile(`${CORPUS}/${name}`),
    });
    if (expected[name].refused) {
      const alert = page.getByRole('alert').filter({ hasText: `${name} was not imported` });
      await expect(alert).toBeVisible();
      await expect(alert).toContainText(expected[name].refused);
      await expect(alert).toContainText('Your plan has not changed.');
      await expect(page.getByRole('button', { name: 'Replace my plan' })).toHaveCount(0);
    } else {
      const preview = page.getByRole('group', { name: `Import ${name}?` });
      const repairs = preview.getByRole('note', { name: 'Repairs' });
      await expect(repairs).toContainText(expected[name].repaired);
      await expect(repairs).toContainText('Nothing has changed yet');
      await preview.getByRole('button', { name: 'Cancel' }).click();
      await expect(preview).toHaveCount(0);
    }
  }

  // An absurdly large file is refused by its size, before it is read.
  const huge = test.info().outputPath('huge.json');
  await writeFile(huge, Buffer.alloc(50 * 1024 * 1024, 0x20));
  await page.getByLabel('Plan file to import').setInputFiles(huge);
  const refusal = page.getByRole('alert').filter({ hasText: 'huge.json was not imported' });
  await expect(refusal).toContainText('The file is 50.0 MB; a plan file can be at most 10 MB');

  expect(await storedPlanText(page)).toBe(before);
  await openSection(page, 'Vision');
  await expect(await visionStatementField(page)).toHaveValue('Teach data science at a university');
});

test('markup in an imported plan is shown as text, never run', async ({ page }) => {
  await page.goto('./#/data');
  await page.getByLabel('Plan file to import').setInputFiles('tests/fixtures/html-in-text.json');
  await expect(page.getByRole('group', { name: 'Import html-in-text.json?' })).toContainText(
    `Vision: “<img src=x onerror="document.title='pwned'"> Lead a <script>alert(1)</script> team”`,
  );
  await page.getByRole('button', { name: 'Replace my plan' }).click();
  await openSection(page, 'Goals');
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveValue(
    "<script>document.title='pwned'</script>Ship it",
  );
  await page.goto('./#/page');
  await expect(page.getByRole('blockquote')).toHaveText(
    `<img src=x onerror="document.title='pwned'"> Lead a <script>alert(1)</script> team`,
  );
  await expect(page.locator('main img, main script')).toHaveCount(0);
  await expect(page).not.toHaveTitle('pwned');
});
