// Nothing the browser does loses the plan: unreadable saved data, a tab closed
// right after typing, and a full storage quota.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { PLAN_KEY, expectSaved, saveIndicator, storedPlanText, visionStatementField, writeVisionStatement } from './helpers.mjs';

const CORRUPT = '{"format": "waypoint-plan", "schema_version": 1, "vision": {"statement": "half-written';

test('a corrupt saved plan is kept, explained and downloadable', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PLAN_KEY, CORRUPT]);
  await page.reload();

  const notice = page.getByRole('alert').filter({ hasText: "We couldn't read the plan saved in this browser" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Nothing has been written over it');
  // The original text is still in storage, and a copy is kept under its own key.
  expect(await storedPlanText(page)).toBe(CORRUPT);
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('waypoint.unreadable.'))
      .map((key) => localStorage.getItem(key)),
  );
  expect(backups).toEqual([CORRUPT]);

  const downloadPromise = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download the unreadable text' }).click();
  expect(await readFile(await (await downloadPromise).path(), 'utf8')).toBe(CORRUPT);

  // Starting afresh writes the new plan; the copy stays, reachable from Data.
  await writeVisionStatement(page, 'Lead a design team');
  await expectSaved(page);
  expect(JSON.parse(await storedPlanText(page)).vision.statement).toBe('Lead a design team');
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.goto('./#/data');
  const kept = page.getByRole('region', { name: 'Saved text kept aside' });
  await expect(kept).toBeVisible();
  // Kept on the person's own day, in words, not as a machine's timestamp.
  await expect(kept).toContainText(/Could not be read; kept on \d{1,2} [A-Z][a-z]{2} \d{4}/);
  const keptDownload = page.waitForEvent('download');
  await kept.getByRole('button', { name: 'Download' }).click();
  expect(await readFile(await (await keptDownload).path(), 'utf8')).toBe(CORRUPT);
});

test('a second corrupt load does not make a second copy of the same text', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PLAN_KEY, CORRUPT]);
  await page.reload();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('alert')).toBeVisible();
  const count = await page.evaluate(
    () => Object.keys(localStorage).filter((key) => key.startsWith('waypoint.unreadable.')).length,
  );
  expect(count).toBe(1);
});

test('an edit followed at once by closing the tab is there on reopening', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('./#/vision');
  const statement = await visionStatementField(page);
  await statement.pressSequentially('Run my own bakery', { delay: 5 });
  // Well inside the save delay: only the flush on pagehide can save this.
  await page.close({ runBeforeUnload: true });

  const reopened = await context.newPage();
  await reopened.goto('./#/vision');
  await expect(await visionStatementField(reopened)).toHaveValue('Run my own bakery');
});

test('a full storage quota shows a lasting error, keeps the plan and lets it be downloaded', async ({ page }) => {
  await page.goto('./#/vision');
  const statement = await visionStatementField(page);
  // Fill this origin's storage to the brim.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1024 * 1024);
    let index = 0;
    while (chunk.length >= 1) {
      try {
        localStorage.setItem(`filler-${index++}`, chunk);
      } catch {
        chunk = chunk.slice(0, Math.floor(chunk.length / 2));
      }
    }
  });

  await statement.fill('Become head of product at a climate company');
  const alert = page.getByRole('alert').filter({ hasText: 'Your latest changes are not saved' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('storage for Waypoint is full');
  await expect(saveIndicator(page)).toHaveText('Not saved');
  // It stays while the person keeps working.
  await page.getByRole('link', { name: 'Goals' }).click();
  await expect(alert).toBeVisible();

  const downloadPromise = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download your plan' }).click();
  const saved = JSON.parse(await readFile(await (await downloadPromise).path(), 'utf8'));
  expect(saved.vision.statement).toBe('Become head of product at a climate company');

  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
  });
  await alert.getByRole('button', { name: 'Try saving again' }).click();
  await expect(alert).toHaveCount(0);
  await expectSaved(page);
  expect(JSON.parse(await storedPlanText(page)).vision.statement).toBe('Become head of product at a climate company');
});
