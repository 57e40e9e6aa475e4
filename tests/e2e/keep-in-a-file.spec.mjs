// Keeping the plan in a file, as Chromium on desktop allows. A test can't
// click a native file dialog, so the pickers are handed a file of the
// origin-private file system instead: its handles have the same interface
// as a picked file's, and the app runs unchanged. Each browser context is
// a device with a folder of its own; the test copies the file between them
// as a cloud folder would.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { addChildren, addLongTermGoal, expectSaved, openGoalDetails, openSection, storedPlanText } from './helpers.mjs';

const FILE = 'plan.json';

/** The file dialogs, answered with `plan.json` of the origin-private file system. */
async function answerFileDialogs(page) {
  await page.addInitScript((name) => {
    const file = async () => (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
    window.showSaveFilePicker = async () => file();
    window.showOpenFilePicker = async () => [await file()];
  }, FILE);
}

/** A device: a browser context of its own, with its own clock. */
async function device(browser, time) {
  const page = await (await browser.newContext({ timezoneId: 'UTC' })).newPage();
  await page.clock.install({ time: new Date(time) });
  await answerFileDialogs(page);
  return page;
}

/** What the device's file holds ('' when there is none). */
async function fileText(page, name = FILE) {
  return page.evaluate(async (name) => {
    const folder = await navigator.storage.getDirectory();
    try {
      return await (await (await folder.getFileHandle(name)).getFile()).text();
    } catch {
      return '';
    }
  }, name);
}

/** Puts `text` in the device's file, as a cloud folder or another program would. */
async function putFile(page, text, name = FILE) {
  await page.evaluate(
    async ({ name, text }) => {
      const folder = await navigator.storage.getDirectory();
      const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    },
    { name, text },
  );
}

/** The person comes back to the window. */
async function comeBack(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
}

/** The sync panel's word on the last sync. */
function syncStatus(page) {
  return page.getByRole('region', { name: 'Sync between devices' }).getByRole('status');
}

/** The titles of the plan in a plan file's text, sorted. */
function goalTitles(text) {
  return JSON.parse(text)
    .goals.map((goal) => goal.title)
    .sort();
}

/** Fails on any of axe's WCAG 2.2 AA violations on the page as it is. */
async function expectAccessible(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([]);
}

/** Phones have no file dialogs to keep a file with: one run covers it. */
function onDesktopOnly() {
  test.skip(test.info().project.name === 'phone', 'phones have no file dialogs to keep a file with');
}

test('two devices keep one plan file in step: own saves reach it, removals hold, conflicts are named', async ({ browser }) => {
  onDesktopOnly();
  const laptop = await device(browser, '2026-11-02T10:00:00Z');
  const phone = await device(browser, '2026-11-02T10:05:00Z');

  // The laptop starts a plan and keeps it in a new file.
  await laptop.goto('./#/goals');
  await addLongTermGoal(laptop, 'Earn a teaching post');
  await addLongTermGoal(laptop, 'Learn to sail');
  await addChildren(laptop, 'Earn a teaching post', 'short-term goal', ['Publish two papers']);
  await expectSaved(laptop);
  await openSection(laptop, 'Data');
  await laptop.getByRole('button', { name: 'Keep in a new file…' }).click();
  await expect(laptop.getByText(`Kept in ${FILE}, last synced at 10:00`)).toBeVisible();
  await expect.poll(async () => (await fileText(laptop)).length).toBeGreaterThan(0);
  expect(JSON.parse(await fileText(laptop))).toEqual(JSON.parse(await storedPlanText(laptop)));

  // The cloud brings the file to the phone, which uses it.
  await phone.goto('./#/data');
  await putFile(phone, await fileText(laptop));
  await phone.getByRole('button', { name: 'Use an existing file…' }).click();
  await expect(syncStatus(phone)).toContainText(`Synced with ${FILE}: 3 items added`);
  await expect(phone.getByText(`Kept in ${FILE}, last synced at 10:05`)).toBeVisible();

  // Apart, the laptop renames a goal and adds one: its saves reach its file.
  await laptop.clock.setSystemTime(new Date('2026-11-02T10:10:00Z'));
  await openSection(laptop, 'Goals');
  await laptop.getByRole('textbox', { name: 'Short-term goal title' }).fill('Publish two papers (laptop)');
  await addLongTermGoal(laptop, 'Speak at a conference');
  await expectSaved(laptop);
  await expect
    .poll(async () => goalTitles(await fileText(laptop)))
    .toEqual(['Earn a teaching post', 'Learn to sail', 'Publish two papers (laptop)', 'Speak at a conference']);

  // ...and the phone, later, renames the same goal and removes another.
  await phone.clock.setSystemTime(new Date('2026-11-02T10:20:00Z'));
  await openSection(phone, 'Goals');
  await phone.getByRole('textbox', { name: 'Short-term goal title' }).fill('Publish three papers');
  await openGoalDetails(phone, 'Learn to sail');
  await phone.getByRole('button', { name: 'Remove Learn to sail' }).click();
  await expect(phone.getByRole('textbox', { name: 'Long-term goal title' })).toHaveCount(1);
  await expectSaved(phone);
  await expect.poll(async () => goalTitles(await fileText(phone))).toEqual(['Earn a teaching post', 'Publish three papers']);

  // The cloud carries the phone's file to the laptop; back at the laptop,
  // what the phone did is merged in: the removal holds, the newer rename
  // wins and the conflict is named.
  await laptop.clock.setSystemTime(new Date('2026-11-02T10:30:00Z'));
  await openSection(laptop, 'Data');
  await putFile(laptop, await fileText(phone));
  await comeBack(laptop);
  const status = syncStatus(laptop);
  await expect(status).toContainText(`Synced with ${FILE}: 1 item changed, 1 item removed`);
  await expect(status.getByRole('listitem')).toHaveText([
    '“Publish three papers”: the other device\'s change was newer and is kept; Undo sync brings this device\'s back.',
  ]);
  await expect(laptop.getByText(`Kept in ${FILE}, last synced at 10:30`)).toBeVisible();
  // The file lacked the laptop's new goal: the merged plan went back to it.
  await expect
    .poll(async () => goalTitles(await fileText(laptop)))
    .toEqual(['Earn a teaching post', 'Publish three papers', 'Speak at a conference']);
  await openSection(laptop, 'Goals');
  const longTerm = laptop.getByRole('textbox', { name: 'Long-term goal title' });
  await expect(longTerm).toHaveCount(2);
  await expect(longTerm.nth(0)).toHaveValue('Earn a teaching post');
  await expect(longTerm.nth(1)).toHaveValue('Speak at a conference');

  // The phone, shown again, takes the merged file: both hold the same plan.
  await phone.clock.setSystemTime(new Date('2026-11-02T10:40:00Z'));
  await openSection(phone, 'Data');
  await putFile(phone, await fileText(laptop));
  await phone.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await expect(syncStatus(phone)).toContainText(`Synced with ${FILE}: 1 item added`);
  await expectSaved(phone);
  await expectSaved(laptop);
  expect(JSON.parse(await storedPlanText(phone))).toEqual(JSON.parse(await storedPlanText(laptop)));
  expect(JSON.parse(await fileText(phone))).toEqual(JSON.parse(await storedPlanText(phone)));
  expect(JSON.parse(await storedPlanText(laptop)).removed.map((record) => record.id)).toHaveLength(1);

  // A new visit remembers the file: the next change reaches it.
  await laptop.reload();
  await openSection(laptop, 'Data');
  await expect(laptop.getByText(`Kept in ${FILE}, last synced`)).toBeVisible();
  await openSection(laptop, 'Goals');
  await addLongTermGoal(laptop, 'Run a workshop');
  await expectSaved(laptop);
  await expect.poll(async () => goalTitles(await fileText(laptop))).toContain('Run a workshop');
});

test('after a new visit the browser asks again, and the plan waits for the person to allow it', async ({ page }) => {
  onDesktopOnly();
  await answerFileDialogs(page);
  // The browser's rule for a picked file: ask again on a later visit,
  // granted once the person says yes (here, the second time they are asked).
  await page.addInitScript(() => {
    let allowed = sessionStorage.getItem('visits') === null;
    let asked = 0;
    sessionStorage.setItem('visits', 'more');
    FileSystemHandle.prototype.queryPermission = async () => (allowed ? 'granted' : 'prompt');
    FileSystemHandle.prototype.requestPermission = async () => {
      asked += 1;
      allowed = allowed || asked > 1;
      return allowed ? 'granted' : 'denied';
    };
  });
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Earn a teaching post');
  await expectSaved(page);
  await openSection(page, 'Data');
  await page.getByRole('button', { name: 'Keep in a new file…' }).click();
  await expect(page.getByText(`Kept in ${FILE}, last synced`)).toBeVisible();
  await expect.poll(async () => goalTitles(await fileText(page))).toEqual(['Earn a teaching post']);

  await page.reload();
  const notice = page.getByRole('region', { name: `Your plan is kept in ${FILE}` });
  await expect(notice).toContainText('The browser needs your permission again');
  await expectAccessible(page);
  await openSection(page, 'Goals');
  await addLongTermGoal(page, 'Learn to sail');
  await expectSaved(page);
  expect(goalTitles(await fileText(page))).toEqual(['Earn a teaching post']);

  await notice.getByRole('button', { name: `Allow access to ${FILE}` }).click();
  await expect(notice.getByRole('alert')).toHaveText(
    'The browser did not allow it. You can ask again here, or stop keeping the plan in the file on the Data page.',
  );
  expect(goalTitles(await fileText(page))).toEqual(['Earn a teaching post']);
  await notice.getByRole('button', { name: `Allow access to ${FILE}` }).click();
  await expect(notice).toHaveCount(0);
  await expect.poll(async () => goalTitles(await fileText(page))).toEqual(['Earn a teaching post', 'Learn to sail']);
});

test('a file that is not a plan, or is gone, is never written over, and the plan is kept', async ({ page }) => {
  onDesktopOnly();
  await answerFileDialogs(page);
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Earn a teaching post');
  await expectSaved(page);
  const before = await storedPlanText(page);

  // Choosing a file that holds something else is refused.
  await putFile(page, '{"shopping": ["bread"]}');
  await openSection(page, 'Data');
  await page.getByRole('button', { name: 'Use an existing file…' }).click();
  const refusal = page.getByRole('region', { name: 'Sync between devices' }).getByRole('alert');
  await expect(refusal).toContainText(`${FILE} is not a Waypoint plan file, so Waypoint has not written to it`);
  await expect(refusal).toContainText('Your plan has not changed.');
  expect(await fileText(page)).toBe('{"shopping": ["bread"]}');
  expect(await storedPlanText(page)).toBe(before);

  // A plan file: kept. Then another program writes something else there.
  await putFile(page, '');
  await page.getByRole('button', { name: 'Keep in a new file…' }).click();
  await expect(page.getByText(`Kept in ${FILE}, last synced`)).toBeVisible();
  await expect.poll(async () => (await fileText(page)).length).toBeGreaterThan(0);
  await putFile(page, 'not a plan');
  await comeBack(page);
  const notice = page.getByRole('alert').filter({ hasText: `Your plan can't be kept in ${FILE} for now` });
  await expect(notice).toContainText(`${FILE} does not hold a plan Waypoint can read`);
  await expect(notice).toContainText('Nothing was written over the file, and your plan is safe in this browser.');
  await openSection(page, 'Goals');
  await addLongTermGoal(page, 'Learn to sail');
  await expectSaved(page);
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(notice).toContainText(`${FILE} does not hold a plan Waypoint can read`);
  expect(await fileText(page)).toBe('not a plan');

  // The file deleted: said so in plain words.
  await page.evaluate(async (name) => (await navigator.storage.getDirectory()).removeEntry(name), FILE);
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(notice).toContainText(`${FILE} is no longer where it was: it may have been moved, renamed or deleted.`);

  // Stopping leaves the plan in this browser, whole.
  await openSection(page, 'Data');
  await page.getByRole('button', { name: `Stop keeping the plan in ${FILE}` }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByText(`Your plan is no longer kept in ${FILE}.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Keep in a new file…' })).toBeVisible();
  expect(goalTitles(await storedPlanText(page))).toEqual(['Earn a teaching post', 'Learn to sail']);
});

test('a kept file that breaks a rule is mended, merged, and the mended plan goes back to it', async ({ page }) => {
  onDesktopOnly();
  await answerFileDialogs(page);
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Earn a teaching post');
  await expectSaved(page);
  await openSection(page, 'Data');
  await page.getByRole('button', { name: 'Keep in a new file…' }).click();
  await expect(page.getByText(`Kept in ${FILE}, last synced`)).toBeVisible();
  await expect.poll(async () => (await fileText(page)).length).toBeGreaterThan(0);
  // Another device's version, edited by hand: its excitement score is out of range.
  const edited = JSON.parse(await fileText(page));
  edited.vision.statement = 'Teach data science at a university';
  edited.vision.excitement = 11;
  edited.vision.updated_at = '2030-01-01T00:00:00Z';
  await putFile(page, JSON.stringify(edited));
  await comeBack(page);
  await expect(page.getByRole('status').filter({ hasText: `Synced with ${FILE}` }).first()).toContainText(
    'The file needed repairs; the mended plan goes back to it.',
  );
  await expect.poll(async () => JSON.parse(await fileText(page)).vision.excitement).toBe(10);
  const kept = JSON.parse(await fileText(page));
  expect(kept.vision.statement).toBe('Teach data science at a university');
  await expectSaved(page);
  expect(JSON.parse(await storedPlanText(page))).toEqual(kept);
});

test('where the browser has no file dialogs, only syncing by hand is offered', async ({ page }) => {
  await page.addInitScript(() => {
    for (const name of ['showSaveFilePicker', 'showOpenFilePicker']) {
      delete window[name];
      delete Window.prototype[name];
    }
  });
  await page.goto('./#/data');
  await expect(page.getByLabel('Sync with a file…')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Keep in a new file…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Use an existing file…' })).toHaveCount(0);
});

test('a plan file opened from the system lands on the import preview', async ({ page }) => {
  onDesktopOnly();
  // The installed app's launch queue, as Chromium fills it when a plan file
  // is opened with Waypoint.
  await page.addInitScript(() => {
    const queue = {
      setConsumer(consumer) {
        window.openWithWaypoint = async (name) => {
          const handle = await (await navigator.storage.getDirectory()).getFileHandle(name);
          consumer({ files: [handle] });
        };
      },
    };
    Object.defineProperty(window, 'launchQueue', { value: queue, configurable: true });
  });
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Earn a teaching post');
  await expectSaved(page);
  const shared = JSON.parse(await storedPlanText(page));
  shared.goals[0].title = 'Earn a teaching post abroad';
  await putFile(page, JSON.stringify(shared), 'from-my-laptop.json');
  await page.evaluate(() => window.openWithWaypoint('from-my-laptop.json'));
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Import from-my-laptop.json?' })).toBeVisible();
  await page.getByRole('button', { name: 'Replace my plan' }).click();
  await openSection(page, 'Goals');
  await expect(page.getByRole('textbox', { name: 'Long-term goal title' })).toHaveValue('Earn a teaching post abroad');
});

test('keeping the plan in a file, looked at and audited at 320, 375 and 1280 px', async ({ page }) => {
  onDesktopOnly();
  await answerFileDialogs(page);
  await page.goto('./#/goals');
  await addLongTermGoal(page, 'Earn a teaching post');
  await expectSaved(page);
  await openSection(page, 'Data');
  const section = page.getByRole('region', { name: 'Sync between devices' });
  for (const width of [320, 375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await section.screenshot({ path: `screenshots/keep-in-a-file/not-kept-${width}.png` });
  }
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Keep in a new file…' }).click();
  await expect(page.getByText(`Kept in ${FILE}, last synced`)).toBeVisible();
  for (const width of [320, 375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await section.screenshot({ path: `screenshots/keep-in-a-file/kept-${width}.png` });
  }
  await expectAccessible(page);
  await page.evaluate(async (name) => (await navigator.storage.getDirectory()).removeEntry(name), FILE);
  await comeBack(page);
  const notice = page.getByRole('alert').filter({ hasText: `Your plan can't be kept in ${FILE} for now` });
  await expect(notice).toBeVisible();
  for (const width of [320, 375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await notice.screenshot({ path: `screenshots/keep-in-a-file/file-gone-notice-${width}.png` });
    await section.screenshot({ path: `screenshots/keep-in-a-file/file-gone-${width}.png` });
  }
  await expectAccessible(page);
});
