// Sharing without a server: a file and a link that leave private entries out,
// a link that opens read-only in another browser, and readable exports.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expectSaved, openSection, storedPlanText, writeVisionStatement } from './helpers.mjs';

function generated(...args) {
  return execFileSync('node', ['scripts/generate-plan.mjs', ...args], { maxBuffer: 64 * 1024 * 1024 });
}

/** Replaces the plan with the generated small plan (which has a private asset). */
async function useSmallPlan(page) {
  await page.goto('./#/data');
  await page.getByLabel('Plan file to import').setInputFiles({ name: 'small.json', mimeType: 'application/json', buffer: generated('small') });
  await page.getByRole('button', { name: 'Replace my plan' }).click();
  await expectSaved(page);
}

async function download(page, buttonName) {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: buttonName }).click();
  const file = await event;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('a file for sharing leaves private entries out and says so', async ({ page }) => {
  await useSmallPlan(page);
  const share = page.getByRole('region', { name: 'Share' });
  await expect(share).toContainText('Your 1 private entry is left out.');
  const { name, text } = await download(page, 'Download for sharing (.json)');
  expect(name).toMatch(/^waypoint-plan-shared-\d{4}-\d{2}-\d{2}\.json$/);
  const shared = JSON.parse(text);
  expect(shared.assets.map((asset) => asset.name)).toEqual([
    'Storytelling',
    "A children's librarian",
    'Primary school teacher',
  ]);
  expect(text).not.toContain('Six months of savings');
});

test('a share link opens read-only in a fresh browser and never touches its own plan', async ({ page, browser }) => {
  await useSmallPlan(page);
  await page.getByRole('button', { name: 'Make a share link' }).click();
  const field = page.getByLabel(/^Share link \(\d+ characters\)$/);
  const link = await field.inputValue();
  expect(link).toMatch(/#\/shared\/[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThanOrEqual(8000);
  expect(link).not.toContain('savings');

  const reader = await (await browser.newContext()).newPage();
  const requests = [];
  reader.on('request', (request) => requests.push(request.url()));
  await reader.goto('./#/vision');
  await writeVisionStatement(reader, 'My own vision');
  await expectSaved(reader);
  const readersPlan = await storedPlanText(reader);

  await reader.goto(link);
  const banner = reader.getByRole('region', { name: 'Shared plan' });
  await expect(banner).toContainText('A plan shared with you, read-only');
  await expect(reader.getByRole('heading', { level: 1, name: 'The shared plan' })).toBeVisible();
  await expect(reader.getByRole('blockquote')).toHaveText("Become a bestselling author of children's books");
  await expect(reader.getByText('Storytelling')).toBeVisible();
  await expect(reader.getByText('Six months of savings')).toHaveCount(0);
  await expect(reader.getByText('Step 1.1.2', { exact: true })).toBeVisible();
  await expect(reader.getByRole('textbox')).toHaveCount(0);
  expect(await storedPlanText(reader)).toBe(readersPlan);
  // The fragment never reached the server.
  expect(requests.every((url) => !url.includes('/shared/'))).toBe(true);

  await reader.getByRole('button', { name: 'Import this plan…' }).click();
  const preview = reader.getByRole('group', { name: 'Import the shared link?' });
  await expect(preview).toContainText("Vision: “Become a bestselling author of children's books”");
  await preview.getByRole('button', { name: 'Cancel' }).click();
  expect(await storedPlanText(reader)).toBe(readersPlan);
  await reader.context().close();
});

test('a damaged link says so and a too-long one suggests a file', async ({ page }) => {
  await page.goto('./#/shared/not-a-real-plan');
  const alert = page.getByRole('alert').filter({ hasText: "This shared plan can't be opened" });
  await expect(alert).toContainText('It may have been cut off');
  await expect(alert).toContainText('Your own plan is unchanged.');

  await page.goto('./#/data');
  await page.getByLabel('Plan file to import').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: generated('20', '5', '5') });
  await page.getByRole('button', { name: 'Replace my plan' }).click();
  await page.getByRole('button', { name: 'Make a share link' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Share the plan as a file instead' })).toContainText(
    'more than many mail and chat apps pass on intact (8000 at most)',
  );
});

test('Markdown and calendar downloads hold the plan in readable form', async ({ page }) => {
  await useSmallPlan(page);
  await openSection(page, 'Progress');
  await page.getByLabel('Review my plan').selectOption('weekly');
  await expectSaved(page);
  await openSection(page, 'Data');

  const markdown = await download(page, 'Download as Markdown (.md)');
  expect(markdown.name).toMatch(/^waypoint-plan-\d{4}-\d{2}-\d{2}\.md$/);
  expect(markdown.text).toContain("> Become a bestselling author of children's books");
  expect(markdown.text).toContain('- [ ] Long-term goal 1 (long-term goal');
  expect(markdown.text).toContain('    - [x] Step 1.1.1');
  expect(markdown.text).toContain('### Skills');
  expect(markdown.text).not.toContain('Six months of savings');

  const calendar = await download(page, 'Download dates (.ics)');
  expect(calendar.name).toMatch(/\.ics$/);
  expect(calendar.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  const events = calendar.text.match(/BEGIN:VEVENT/g) ?? [];
  const plan = JSON.parse(generated('small'));
  const datedOpen = plan.goals.filter((goal) => goal.target_date && ['open', 'in_progress'].includes(goal.status));
  expect(events.length).toBeGreaterThanOrEqual(datedOpen.length);
  expect(calendar.text).toContain(`UID:${datedOpen[0].id}@waypoint`);
  expect(calendar.text).toContain(`DTSTART;VALUE=DATE:${datedOpen[0].target_date.replaceAll('-', '')}`);
  expect(calendar.text).toContain('SUMMARY:Review my career plan\r\n');
  // The weeks start on the day the browser's locale starts them.
  expect(calendar.text).toMatch(/RRULE:FREQ=WEEKLY;WKST=(MO|SU|SA)\r\n/);
});

test('the plan on a page prints without the app around it', async ({ page }) => {
  await useSmallPlan(page);
  await page.getByRole('link', { name: 'Plan on a page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My career plan' })).toBeVisible();
  await expect(page.getByText('Six months of savings')).toBeVisible();
  await page.getByLabel('Leave out private entries (1)').check();
  await expect(page.getByText('Six months of savings')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'My career plan' })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize().width);
});
