// Days are the person's own. A step done in the evening west of Greenwich, in
// the morning far east of it, in a half-hour zone, or on the night the clocks
// go back is counted and shown on the day it was where it was done; a target
// date turns overdue at local midnight; and one plan seen from four zones puts
// each step on that zone's day, with every figure agreeing with the timeline.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { PLAN_KEY, addChildren, addLongTermGoal, expectSaved, openSection, storedPlanText } from './helpers.mjs';

/** The figure shown under a momentum label. */
const stat = (page, label) =>
  page.locator('.stat').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');

/** The date the timeline gives for "Completed “title”". */
const doneOn = (page, title) =>
  page
    .getByRole('region', { name: 'Timeline' })
    .getByRole('listitem')
    .filter({ hasText: `Completed “${title}”` })
    .locator('time');

const chartSummary = (page) => page.getByRole('region', { name: 'Steps over time' }).locator('.chart__summary');

/** The burn-up's table, opened: [week label, completed] for each row shown. */
async function weeksInTable(page) {
  const region = page.getByRole('region', { name: 'Steps over time' });
  const table = region.getByRole('table');
  if (!(await table.isVisible())) {
    await region.getByText('The last weeks as a table').click();
  }
  await expect(table).toBeVisible();
  const rows = await table.getByRole('row').all();
  const weeks = [];
  for (const row of rows.slice(1)) {
    const cells = await row.getByRole('cell').allTextContents();
    weeks.push([cells[0], Number(cells[1])]);
  }
  return weeks;
}

/** A plan of one long-term goal, one short-term goal and the given steps. */
function planWithSteps(steps, createdAt = '2026-10-20T12:00:00Z') {
  const plan = JSON.parse(execFileSync('node', ['scripts/generate-plan.mjs', '1', '1', '1', '0', '0']));
  // Ranks place siblings: "V" for an only child, "B", "C", … for the steps.
  const goal = (id, parent, title, extra = {}, rank = 'V') => ({
    id,
    ...(parent ? { parent } : {}),
    rank,
    title,
    status: 'open',
    notes: '',
    created_at: createdAt,
    updated_at: createdAt,
    ...extra,
  });
  plan.goals = [
    goal('g-author', null, 'Publish a picture book'),
    goal('g-agent', 'g-author', 'Find an agent'),
    ...steps.map((step, index) =>
      goal(
        `g-step-${index}`,
        'g-agent',
        step.title,
        {
          ...(step.done ? { status: 'done', completed_at: step.done, updated_at: step.done } : {}),
          ...(step.target ? { target_date: step.target } : {}),
        },
        String.fromCharCode('B'.charCodeAt(0) + index),
      ),
    ),
  ];
  plan.updated_at = createdAt;
  return plan;
}

/** Writes `plan` to storage from another page of the site, then opens the app at `hash`. */
async function openWithPlan(page, plan, hash) {
  await page.goto('./not-the-app');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PLAN_KEY, JSON.stringify(plan)]);
  await page.goto(`./${hash}`);
}

test.describe('in Los Angeles, behind UTC', () => {
  test.use({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });

  test('a step done at 8:30 pm on 28 November is that day’s, in every figure and download', async ({ page }) => {
    // It is already the 29th in UTC.
    await page.clock.install({ time: new Date('2026-11-28T20:30:00-08:00') });
    await page.goto('./#/goals');
    await addLongTermGoal(page, 'Publish a picture book');
    await addChildren(page, 'Publish a picture book', 'short-term goal', ['Find an agent']);
    await addChildren(page, 'Find an agent', 'step', ['Send five letters', 'Call two agents']);
    await page.getByRole('checkbox', { name: 'Done: Send five letters' }).check();
    await expectSaved(page);
    // The instant is stored as it was, in UTC.
    const stored = JSON.parse(await storedPlanText(page));
    const step = stored.goals.find((goal) => goal.title === 'Send five letters');
    expect(step.completed_at).toMatch(/^2026-11-29T04:3\d:\d\d(\.\d{3})?Z$/);

    await openSection(page, 'Progress');
    await expect(doneOn(page, 'Send five letters')).toHaveText('28 Nov 2026');
    await expect(stat(page, 'Since your last step')).toHaveText('Today');
    await expect(stat(page, 'Steps done in the last 7 days')).toHaveText('1');
    await expect(chartSummary(page)).toHaveText(
      '1 of 2 steps done by the week of 22 Nov 2026; 1 completed that week. ' +
        'The chart starts in the week of 22 Nov 2026. Weeks start on Sunday.',
    );

    // The downloads give the same day.
    await page.getByLabel('Review my plan').selectOption('Every week');
    await expectSaved(page);
    await openSection(page, 'Data');
    const markdown = await download(page, 'Download as Markdown (.md)');
    expect(markdown.name).toBe('waypoint-plan-2026-11-28.md');
    expect(markdown.text).toContain('_From Waypoint, 2026-11-28._');
    expect(markdown.text).toContain('    - [x] Send five letters (done on 2026-11-28)\n');
    const calendar = await download(page, 'Download dates (.ics)');
    expect(calendar.name).toBe('waypoint-dates-2026-11-28.ics');
    // No check-in yet: the first review is due today, the 28th, as a whole day.
    const review = calendar.text.slice(calendar.text.indexOf('UID:review@waypoint'));
    expect(review).toContain('DTSTART;VALUE=DATE:20261128\r\nDTEND;VALUE=DATE:20261129\r\n');
    expect(review).toContain('RRULE:FREQ=WEEKLY;WKST=SU\r\n');
    const plan = await download(page, 'Download plan (.json)');
    expect(plan.name).toBe('waypoint-plan-2026-11-28.json');
    await expect(page.getByRole('region', { name: 'Download' })).toContainText('Last downloaded on 2026-11-28.');
    await page.getByRole('link', { name: 'Plan on a page' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: /^☑ Send five letters/ })).toContainText(
      '(done on 2026-11-28)',
    );

    // The next morning it was yesterday's step, and a new week has begun.
    await page.clock.setSystemTime(new Date('2026-11-29T08:00:00-08:00'));
    await page.goto('./#/progress');
    await page.reload();
    await expect(stat(page, 'Since your last step')).toHaveText('1 day');
    await expect(doneOn(page, 'Send five letters')).toHaveText('28 Nov 2026');
    await expect(chartSummary(page)).toHaveText(
      '1 of 2 steps done by the week of 29 Nov 2026; 0 completed that week. ' +
        'The chart starts in the week of 22 Nov 2026. Weeks start on Sunday.',
    );
    expect(await weeksInTable(page)).toEqual([
      ['29 Nov 2026', 0],
      ['22 Nov 2026', 1],
    ]);
  });

  test('a target date turns overdue at local midnight, while the app is open', async ({ context, page }) => {
    const plan = planWithSteps([{ title: 'Send the manuscript', target: '2026-11-28' }]);
    // Five minutes to midnight on the 28th: in UTC the 28th ended hours ago.
    await context.clock.install({ time: new Date('2026-11-28T23:55:00-08:00') });
    await openWithPlan(page, plan, '#/next');
    await expect(page.getByText('Due today · 28 Nov 2026')).toBeVisible();
    const progress = await context.newPage();
    await progress.goto('./#/progress');
    await expect(stat(progress, 'Overdue')).toHaveText('0');

    // Midnight passes with both pages open: no reload, no click.
    await context.clock.fastForward('10:00');
    await expect(page.getByText('Overdue by 1 day · 28 Nov 2026')).toBeVisible();
    await expect(stat(progress, 'Overdue')).toHaveText('1');
  });
});

test.describe('in Kiritimati, UTC+14', () => {
  test.use({ timezoneId: 'Pacific/Kiritimati', locale: 'en-GB' });

  test('a step done at 8 am on 29 November is the 29th’s until that night ends', async ({ page }) => {
    // It is still the 28th in UTC.
    await page.clock.install({ time: new Date('2026-11-29T08:00:00+14:00') });
    await openWithPlan(page, planWithSteps([{ title: 'Send five letters' }, { title: 'Call two agents' }]), '#/goals');
    await page.getByRole('checkbox', { name: 'Done: Send five letters' }).check();
    await expectSaved(page);
    const stored = JSON.parse(await storedPlanText(page));
    expect(stored.goals.find((goal) => goal.title === 'Send five letters').completed_at).toMatch(/^2026-11-28T18:0\d:\d\d(\.\d{3})?Z$/);

    await openSection(page, 'Progress');
    await expect(doneOn(page, 'Send five letters')).toHaveText('29 Nov 2026');
    await expect(stat(page, 'Since your last step')).toHaveText('Today');
    await expect(stat(page, 'Steps done in the last 7 days')).toHaveText('1');
    await expect(chartSummary(page)).toHaveText(
      '1 of 2 steps done by the week of 23 Nov 2026; 1 completed that week. ' +
        'The chart starts in the week of 19 Oct 2026. Weeks start on Monday.',
    );

    // Late that evening (the 29th in UTC too) it is still today's step.
    await page.clock.setSystemTime(new Date('2026-11-29T23:30:00+14:00'));
    await page.reload();
    await expect(stat(page, 'Since your last step')).toHaveText('Today');

    // On Monday morning it was yesterday's, last week's.
    await page.clock.setSystemTime(new Date('2026-11-30T07:00:00+14:00'));
    await page.reload();
    await expect(stat(page, 'Since your last step')).toHaveText('1 day');
    await expect(chartSummary(page)).toHaveText(
      '1 of 2 steps done by the week of 30 Nov 2026; 0 completed that week. ' +
        'The chart starts in the week of 19 Oct 2026. Weeks start on Monday.',
    );
  });
});

test.describe('in Kolkata, UTC+5:30', () => {
  test.use({ timezoneId: 'Asia/Kolkata', locale: 'en-GB' });

  test('a step done a quarter of an hour after midnight on Monday starts that week', async ({ page }) => {
    // Still Sunday the 29th in UTC.
    await page.clock.install({ time: new Date('2026-11-30T00:15:00+05:30') });
    await openWithPlan(page, planWithSteps([{ title: 'Send five letters' }, { title: 'Call two agents' }]), '#/goals');
    await page.getByRole('checkbox', { name: 'Done: Send five letters' }).check();
    await expectSaved(page);

    await openSection(page, 'Progress');
    await expect(doneOn(page, 'Send five letters')).toHaveText('30 Nov 2026');
    await expect(stat(page, 'Since your last step')).toHaveText('Today');
    await expect(chartSummary(page)).toHaveText(
      '1 of 2 steps done by the week of 30 Nov 2026; 1 completed that week. ' +
        'The chart starts in the week of 19 Oct 2026. Weeks start on Monday.',
    );
    const weeks = await weeksInTable(page);
    expect(weeks.slice(0, 2)).toEqual([
      ['30 Nov 2026', 1],
      ['23 Nov 2026', 0],
    ]);
  });
});

test.describe('in Berlin, the night the clocks go back', () => {
  test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' });

  test('a step done at 12:30 am summer time counts on that Sunday, read in winter time that evening', async ({ page }) => {
    // 25 October, 00:30 summer time (UTC+2): the 24th in UTC, and the 24th
    // too if read with the winter offset in force by the evening.
    await page.clock.install({ time: new Date('2026-10-25T00:30:00+02:00') });
    await openWithPlan(page, planWithSteps([{ title: 'Send five letters' }, { title: 'Call two agents' }]), '#/goals');
    await page.getByRole('checkbox', { name: 'Done: Send five letters' }).check();
    await expectSaved(page);

    await page.clock.setSystemTime(new Date('2026-10-25T20:00:00+01:00'));
    await page.goto('./#/progress');
    await page.reload();
    await expect(doneOn(page, 'Send five letters')).toHaveText('25 Oct 2026');
    await expect(stat(page, 'Since your last step')).toHaveText('Today');
    await expect(stat(page, 'Steps done in the last 7 days')).toHaveText('1');
    await expect(chartSummary(page)).toHaveText(
      '1 of 2 steps done by the week of 25 Oct 2026; 1 completed that week. ' +
        'The chart starts in the week of 18 Oct 2026. Weeks start on Sunday.',
    );
  });
});

// Steps done at moments that fall on different days in different zones.
const DONE_AROUND_THE_WORLD = [
  // Half past midnight in Berlin, summer time, the night its clocks go back.
  { title: 'Berlin after midnight', done: '2026-10-24T22:30:00Z' },
  // Half past midnight in Los Angeles, summer time, the night its clocks go back.
  { title: 'Los Angeles after midnight', done: '2026-11-01T07:30:00Z' },
  { title: 'Kiritimati morning', done: '2026-11-28T18:00:00Z' },
  { title: 'Los Angeles evening', done: '2026-11-29T04:30:00Z' },
  { title: 'Kolkata after midnight', done: '2026-11-29T18:45:00Z' },
  { title: 'Still to do' },
];

// Each zone, its locale's first day of the week, and the day each step above
// shows as done there. Viewed at 09:00 UTC on 30 November: the 30th in all four.
const VIEWS = [
  {
    zone: 'America/Los_Angeles',
    locale: 'en-US',
    weeksStartOn: 'Sunday',
    days: ['24 Oct 2026', '1 Nov 2026', '28 Nov 2026', '28 Nov 2026', '29 Nov 2026'],
  },
  {
    zone: 'Pacific/Kiritimati',
    locale: 'en-GB',
    weeksStartOn: 'Monday',
    days: ['25 Oct 2026', '1 Nov 2026', '29 Nov 2026', '29 Nov 2026', '30 Nov 2026'],
  },
  {
    zone: 'Asia/Kolkata',
    locale: 'en-GB',
    weeksStartOn: 'Monday',
    days: ['25 Oct 2026', '1 Nov 2026', '28 Nov 2026', '29 Nov 2026', '30 Nov 2026'],
  },
  {
    zone: 'Europe/Berlin',
    locale: 'de-DE',
    weeksStartOn: 'Monday',
    days: ['25 Oct 2026', '1 Nov 2026', '28 Nov 2026', '29 Nov 2026', '29 Nov 2026'],
  },
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Days since 1970 of a label such as "28 Nov 2026". */
function dayNumber(label) {
  const [day, month, year] = label.split(' ');
  return Date.UTC(Number(year), MONTHS.indexOf(month), Number(day)) / 86_400_000;
}

test('one plan seen from four zones puts each step on that zone’s day, and every figure agrees with the timeline', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'one width is enough: this is about days, not layout');
  const seeded = JSON.stringify(planWithSteps(DONE_AROUND_THE_WORLD));
  // The same browser storage travels from zone to zone, as a laptop would.
  let storageState;
  for (const view of VIEWS) {
    const context = await browser.newContext({
      ...testInfo.project.use,
      timezoneId: view.zone,
      locale: view.locale,
      storageState,
    });
    await context.clock.install({ time: new Date('2026-11-30T09:00:00Z') });
    const page = await context.newPage();
    if (storageState) {
      await page.goto('./#/progress');
    } else {
      await openWithPlan(page, JSON.parse(seeded), '#/progress');
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();

    const shown = [];
    for (const [index, step] of DONE_AROUND_THE_WORLD.filter((step) => step.done).entries()) {
      await expect(doneOn(page, step.title), `${step.title} in ${view.zone}`).toHaveText(view.days[index]);
      shown.push(dayNumber(view.days[index]));
    }
    const today = dayNumber('30 Nov 2026');
    const within = (days) => shown.filter((day) => today - day >= 0 && today - day < days).length;
    await expect(stat(page, 'Steps done in the last 7 days')).toHaveText(String(within(7)));
    await expect(stat(page, 'Steps done in the last 30 days')).toHaveText(String(within(30)));
    const since = today - Math.max(...shown);
    await expect(stat(page, 'Since your last step')).toHaveText(since === 0 ? 'Today' : `${since} day${since === 1 ? '' : 's'}`);
    await expect(chartSummary(page)).toContainText(`Weeks start on ${view.weeksStartOn}.`);
    const weeks = await weeksInTable(page);
    expect(weeks.length).toBeGreaterThan(5);
    for (const [label, completed] of weeks) {
      const start = dayNumber(label);
      const inWeek = shown.filter((day) => day >= start && day < start + 7).length;
      expect(completed, `week of ${label} in ${view.zone}`).toBe(inWeek);
    }
    const firstDay = new Date(dayNumber(weeks[0][0]) * 86_400_000).getUTCDay();
    expect(firstDay).toBe(view.weeksStartOn === 'Sunday' ? 0 : 1);

    // Seeing the plan from here changed nothing stored.
    expect(await storedPlanText(page)).toBe(seeded);
    storageState = await context.storageState();
    await context.close();
  }
});

async function download(page, buttonName) {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: buttonName }).click();
  const file = await event;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}
