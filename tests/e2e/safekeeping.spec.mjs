// Keeping the plan: how much storage it uses, whether the browser keeps it,
// and a reminder to download a copy once it has changed.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { addLongTermGoal, expectSaved, openSection } from './helpers.mjs';

test('the storage meter measures the plan and warns when storage is nearly full', async ({ page }) => {
  await page.goto('./#/data');
  await page.getByLabel('Plan file to import').setInputFiles({
    name: 'large.json',
    mimeType: 'application/json',
    buffer: execFileSync('node', ['scripts/generate-plan.mjs', 'large'], { maxBuffer: 64 * 1024 * 1024 }),
  });
  await page.getByRole('button', { name: 'Replace my plan' }).click();
  await expectSaved(page);
  const storage = page.getByRole('region', { name: 'Storage' });
  const meter = storage.getByRole('meter', { name: "Share of this browser's storage for Waypoint in use" });
  const stored = await page.evaluate(() => localStorage.getItem('waypoint.plan').length);
  // The words give the plan's size in megabytes of characters.
  await expect(storage).toContainText(`your plan takes ${(stored / 1_048_576).toFixed(2)} MB`);
  const percent = await meter.evaluate((element) => element.value);
  expect(percent).toBeGreaterThan(5);
  expect(percent).toBeLessThan(80);
  await expect(storage.getByRole('alert')).toHaveCount(0);

  // Another page of this site fills most of the rest.
  await page.evaluate(() => {
    let used = 0;
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index);
      used += key.length + localStorage.getItem(key).length;
    }
    localStorage.setItem('someone-else', 'x'.repeat(Math.round(0.85 * 5 * 1024 * 1024) - used));
  });
  await page.reload();
  await openSection(page, 'Data');
  await expect(page.getByRole('region', { name: 'Storage' }).getByRole('alert')).toContainText(
    "This browser's storage for Waypoint is nearly full.",
  );
  await expect(page.getByRole('region', { name: 'Storage' })).toContainText(/Waypoint's storage|can't be asked/);
});

test('a changed plan not downloaded for a week brings a reminder that can wait', async ({ page }) => {
  await page.goto('./#/goals');
  for (const title of ['One', 'Two', 'Three', 'Four']) {
    await addLongTermGoal(page, title);
  }
  const reminder = page.getByRole('region', { name: 'Keep a copy of your plan' });
  await expect(reminder).toHaveCount(0);
  await addLongTermGoal(page, 'Five');
  await expect(reminder).toContainText('Your plan lives only in this browser.');

  // A download puts it to rest.
  const download = page.waitForEvent('download');
  await reminder.getByRole('button', { name: 'Download a copy' }).click();
  await download;
  await expect(reminder).toHaveCount(0);
  await openSection(page, 'Data');
  await expect(page.getByRole('region', { name: 'Download' })).toContainText('Last downloaded on');

  // Ten days after a download, with changes since, it comes back.
  await page.evaluate(() => {
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 19) + 'Z';
    localStorage.setItem('waypoint.last-export', JSON.stringify({ exported_at: tenDaysAgo, snoozed_until: null }));
  });
  await page.reload();
  await expect(reminder).toContainText('You last downloaded your plan 10 days ago and have changed it since.');
  await reminder.getByRole('button', { name: 'Remind me later' }).click();
  await expect(reminder).toHaveCount(0);
  await openSection(page, 'Goals');
  await addLongTermGoal(page, 'Six');
  await expect(reminder).toHaveCount(0);
  await expectSaved(page);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(6);
  await expect(reminder).toHaveCount(0);
});
