// Files that are not plans are refused with a clear message and change nothing.
import { test, expect } from '@playwright/test';
import { expectSaved, openSection, storedPlanText, visionStatementField, writeVisionStatement } from './helpers.mjs';

const BAD_FILES = [
  { name: 'notes.json', body: '{"hello": "world"}', message: 'not a Waypoint plan' },
  { name: 'broken.json', body: '{"format": "waypoint-plan", ', message: 'not valid JSON' },
  {
    name: 'future.json',
    body: '{"format": "waypoint-plan", "schema_version": 99}',
    message: 'saved by a newer Waypoint',
  },
  {
    name: 'typo.json',
    body: JSON.stringify({
      format: 'waypoint-plan',
      schema_version: 1,
      vision: {},
      assets: [],
      options: [],
      goals: [
        {
          id: 'g-1',
          parent: null,
          title: '<script>alert(1)</script>',
          status: 'finished',
          target_date: null,
          notes: '',
          created_at: '2026-01-01T00:00:00Z',
          completed_at: null,
          updated_at: '2026-01-01T00:00:00Z',
        },
      ],
      check_ins: [],
      updated_at: null,
    }),
    message: 'goals[0].status',
  },
];

test('bad files are refused, explained, and leave the plan alone', async ({ page }) => {
  await page.goto('./#/vision');
  await writeVisionStatement(page, 'Teach data science at a university');
  await expectSaved(page);
  const before = await storedPlanText(page);
  await openSection(page, 'Data');

  for (const file of BAD_FILES) {
    await page.getByLabel('Plan file to import').setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: Buffer.from(file.body),
    });
    const alert = page.getByRole('alert').filter({ hasText: `${file.name} was not imported` });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(file.message);
    await expect(alert).toContainText('Your plan has not changed.');
    await expect(page.getByRole('button', { name: 'Replace my plan' })).toHaveCount(0);
  }
  expect(await storedPlanText(page)).toBe(before);
  await openSection(page, 'Vision');
  await expect(await visionStatementField(page)).toHaveValue('Teach data science at a university');
});
