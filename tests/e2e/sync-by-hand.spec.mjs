// Syncing by hand through one plan file, as a shared cloud folder would hold
// it: two browser contexts are two devices, each with its own clock. What one
// device removed stays removed on the other, an item both changed keeps the
// newer change and names the conflict, and Undo takes the sync back.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
  addChildren,
  addLongTermGoal,
  expectSaved,
  openGoalDetails,
  openSection,
  storedPlanText,
} from './helpers.mjs';

const FILE = 'plan.json';

/** The sync panel's word on the last sync. */
function syncStatus(page) {
  return page.getByRole('region', { name: 'Sync between devices' }).getByRole('status');
}

/** Syncs `page` with the shared file; returns the merged plan if it was downloaded. */
async function syncWith(page, buffer, { expectDownload }) {
  await openSection(page, 'Data');
  const download = expectDownload ? page.waitForEvent('download') : null;
  await page.getByLabel('Sync with a file…').setInputFiles({ name: FILE, mimeType: 'application/json', buffer });
  await expect(syncStatus(page)).toContainText(`Synced with ${FILE}`);
  if (!download) {
    await expect(syncStatus(page)).toContainText(`${FILE} already has everything in your plan.`);
    return buffer;
  }
  const file = await download;
  expect(file.suggestedFilename()).toBe(FILE);
  await expect(syncStatus(page)).toContainText(`The merged plan was downloaded as ${FILE}`);
  return readFile(await file.path());
}

test('two devices sync through one file: removals stay removed and the newer change wins', async ({ browser }) => {
  test.skip(test.info().project.name === 'phone', 'one run covers the two devices');
  const laptop = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  await laptop.clock.install({ time: new Date('2026-11-02T10:00:00Z') });
  await phone.clock.install({ time: new Date('2026-11-02T10:05:00Z') });

  // The laptop starts the plan and keeps it in the shared file.
  await laptop.goto('./#/goals');
  await addLongTermGoal(laptop, 'Earn a teaching post');
  await addLongTermGoal(laptop, 'Learn to sail');
  await addChildren(laptop, 'Earn a teaching post', 'short-term goal', ['Publish two papers']);
  await expectSaved(laptop);
  await openSection(laptop, 'Data');
  await expect(laptop.getByText("You haven't synced this plan with a file on this device yet.")).toBeVisible();
  const started = laptop.waitForEvent('download');
  await laptop.getByRole('button', { name: 'Download plan (.json)' }).click();
  let shared = await readFile(await (await started).path());
  await syncWith(laptop, shared, { expectDownload: false });
  await expect(syncStatus(laptop)).toContainText('nothing new from other devices');
  await expect(laptop.getByText(`Last synced with ${FILE} on 2026-11-02`)).toBeVisible();

  // The phone takes the plan from the file.
  await phone.goto('./#/data');
  await syncWith(phone, shared, { expectDownload: false });
  await expect(syncStatus(phone)).toContainText('3 items added');

  // Apart, the laptop renames a goal and adds one...
  await laptop.clock.setSystemTime(new Date('2026-11-02T10:10:00Z'));
  await openSection(laptop, 'Goals');
  await laptop.getByRole('textbox', { name: 'Short-term goal title' }).fill('Publish two papers (laptop)');
  await addLongTermGoal(laptop, 'Speak at a conference');
  await expectSaved(laptop);

  // ...and the phone, later, renames the same goal and removes another.
  await phone.clock.setSystemTime(new Date('2026-11-02T10:20:00Z'));
  await openSection(phone, 'Goals');
  await phone.getByRole('textbox', { name: 'Short-term goal title' }).fill('Publish three papers');
  await openGoalDetails(phone, 'Learn to sail');
  await phone.getByRole('button', { name: 'Remove Learn to sail' }).click();
  await expect(phone.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(1);
  await expectSaved(phone);
  shared = await syncWith(phone, shared, { expectDownload: true });
  expect(JSON.parse(shared).removed.map((record) => record.id)).toHaveLength(1);

  // The laptop syncs: the removal holds, the newer rename wins, and the
  // conflict is named.
  await laptop.clock.setSystemTime(new Date('2026-11-02T10:30:00Z'));
  shared = await syncWith(laptop, shared, { expectDownload: true });
  const status = syncStatus(laptop);
  await expect(status).toContainText('1 item changed, 1 item removed');
  await expect(status.getByRole('listitem')).toHaveText([
    '“Publish three papers”: the other device\'s change was newer and is kept; Undo sync brings this device\'s back.',
  ]);
  await openSection(laptop, 'Goals');
  const longTerm = laptop.getByRole('textbox', { name: 'Long-term goal title' });
  await expect(longTerm).toHaveCount(2);
  await expect(longTerm.nth(0)).toHaveValue('Earn a teaching post');
  await expect(longTerm.nth(1)).toHaveValue('Speak at a conference');
  await expect(laptop.getByRole('textbox', { name: 'Short-term goal title' })).toHaveValue('Publish three papers');

  // The phone syncs with what the laptop wrote: both hold the same plan.
  await phone.clock.setSystemTime(new Date('2026-11-02T10:40:00Z'));
  await syncWith(phone, shared, { expectDownload: false });
  await expect(syncStatus(phone)).toContainText('1 item added');
  await expectSaved(phone);
  expect(JSON.parse(await storedPlanText(phone))).toEqual(JSON.parse(shared));
  await expectSaved(laptop);
  expect(JSON.parse(await storedPlanText(laptop))).toEqual(JSON.parse(shared));

  // The sync is a step of the laptop's history: Undo takes it back.
  await openSection(laptop, 'Data');
  await laptop.getByRole('button', { name: 'Undo sync' }).click();
  await expect(syncStatus(laptop)).toContainText(`Syncing with ${FILE} is undone: your plan is as it was.`);
  await openSection(laptop, 'Goals');
  await expect(laptop.getByRole('textbox', { name: 'Short-term goal title' })).toHaveValue('Publish two papers (laptop)');
  await expect(laptop.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(3);
});

test('a file that is not a plan is refused and the plan stays as it was', async ({ page }) => {
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Earn a teaching post');
  await expectSaved(page);
  const before = await storedPlanText(page);
  await openSection(page, 'Data');
  await page.getByLabel('Sync with a file…').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"shopping": ["bread"]}'),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not sync with notes.json');
  await expect(alert).toContainText('Your plan has not changed.');
  expect(await storedPlanText(page)).toBe(before);
});

test('a shared file that breaks a rule is mended, merged, and the repair is said', async ({ page }) => {
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Earn a teaching post');
  await expectSaved(page);
  // Another device's file, edited by hand: its excitement score is out of range.
  const file = JSON.parse(await storedPlanText(page));
  file.vision.statement = 'Teach data science at a university';
  file.vision.excitement = 11;
  file.vision.updated_at = '2030-01-01T00:00:00Z';
  await openSection(page, 'Data');
  const download = page.waitForEvent('download');
  await page.getByLabel('Sync with a file…').setInputFiles({
    name: FILE,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(syncStatus(page)).toContainText(`Synced with ${FILE}`);
  await expect(page.getByRole('heading', { name: `${FILE} needed repairs before it was merged` })).toBeVisible();
  await expect(page.getByText("The vision's excitement score was 11")).toBeVisible();
  const merged = JSON.parse(await readFile(await (await download).path(), 'utf8'));
  expect(merged.vision.statement).toBe('Teach data science at a university');
  expect(merged.vision.excitement).toBe(10);
});
