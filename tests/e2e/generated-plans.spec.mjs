// The generator the benchmark uses (scripts/generate-plan.mjs): its named sizes
// are exact, every size validates against the schema and imports cleanly, a
// plan already in storage opens as the benchmark opens it, and the app sets
// the performance marks the benchmark reads.
import { test, expect } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { generatePlan, SIZES } from '../../scripts/generate-plan.mjs';
import { PLAN_KEY, expectSaved, openSection } from './helpers.mjs';

const schema = JSON.parse(await readFile('public/plan.schema.json', 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** Long- and short-term goals, steps (everything deeper), and done steps. */
function counts(plan) {
  const depth = new Map();
  for (const goal of plan.goals) depth.set(goal.id, goal.parent ? depth.get(goal.parent) + 1 : 0);
  const at = (test) => plan.goals.filter((goal) => test(depth.get(goal.id), goal));
  return {
    longTerm: at((d) => d === 0).length,
    shortTerm: at((d) => d === 1).length,
    steps: at((d) => d >= 2).length,
    stepsDone: at((d, goal) => d >= 2 && goal.status === 'done').length,
    checkIns: plan.check_ins.length,
  };
}

test('the named sizes are exact and every size is a valid plan file', async ({}, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'no browser involved');
  const small = generatePlan(...SIZES.small);
  const large = generatePlan(...SIZES.large);
  expect(counts(small)).toMatchObject({ longTerm: 2, shortTerm: 8, steps: 50, checkIns: 0 });
  expect(counts(large)).toMatchObject({ longTerm: 100, shortTerm: 900, steps: 5000, checkIns: 100 });
  // A full vision: every answer and meaning of success filled in.
  for (const [key, value] of Object.entries(large.vision)) {
    if (key === 'success') Object.values(value).forEach((meaning) => expect(meaning.words).not.toBe(''));
    else expect(value, key).toBeTruthy();
  }
  // The command line writes the same plan, pretty-printed; any counts work.
  expect(JSON.parse(execFileSync('node', ['scripts/generate-plan.mjs', 'small']))).toEqual(small);
  const custom = JSON.parse(execFileSync('node', ['scripts/generate-plan.mjs', '3', '2', '4', '5', '7']));
  expect(counts(custom)).toMatchObject({ longTerm: 3, shortTerm: 6, steps: 24 + 7, checkIns: 5 });
  for (const plan of [small, large, custom]) {
    validate(plan);
    expect(validate.errors ?? []).toEqual([]);
  }
  // Deterministic: the same counts, the same bytes.
  expect(JSON.stringify(generatePlan(...SIZES.large))).toBe(JSON.stringify(large));
});

test('the small plan imports from a file with its exact counts', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'one width is enough');
  const plan = generatePlan(...SIZES.small);
  const { stepsDone } = counts(plan);
  await page.goto('./#/data');
  await page.getByLabel('Plan file to import').setInputFiles({
    name: 'small.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(plan, null, 2)),
  });
  const confirm = page.getByRole('group', { name: 'Import small.json?' });
  await expect(confirm).toContainText('2 long-term goals, 8 short-term goals');
  await expect(confirm).toContainText(`50 steps (${stepsDone} done)`);
  await expect(confirm).toContainText('0 check-ins');
  await confirm.getByRole('button', { name: 'Replace my plan' }).click();
  await expectSaved(page);
  await page.reload();
  await openSection(page, 'Goals');
  // Small plans open expanded: every goal and step is a row.
  await expect(page.locator('li.goal')).toHaveCount(60);
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), PLAN_KEY);
  expect(stored.goals.map((goal) => goal.id)).toEqual(plan.goals.map((goal) => goal.id));
});

for (const size of ['small', 'large']) {
  test(`the ${size} plan opens from storage as the benchmark opens it, with its marks`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'one width is enough');
    const plan = generatePlan(...SIZES[size]);
    // Written from another page of the same origin, then the app opened, as bench/run.mjs does.
    await page.goto('./not-the-app');
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PLAN_KEY, JSON.stringify(plan)]);
    await page.goto('./#/goals');
    await expect(page.locator('li.goal')).toHaveCount(size === 'large' ? 100 : 60);
    const interactive = await page.evaluate(() => performance.getEntriesByName('waypoint:interactive', 'mark').length);
    expect(interactive).toBe(1);

    const check = page.getByRole('checkbox', { name: 'Done: Step 1.1.2', exact: true });
    if (size === 'large') {
      await page.getByRole('button', { name: 'Expand Long-term goal 1', exact: true }).click();
      await page.getByRole('button', { name: 'Expand Short-term goal 1.1', exact: true }).click();
    }
    await check.check();
    await expectSaved(page);
    const save = await page.evaluate(() => performance.getEntriesByName('waypoint:save', 'measure').map((m) => m.duration));
    expect(save.length).toBeGreaterThanOrEqual(1);
    expect(await page.evaluate(() => performance.getEntriesByName('waypoint:save-end', 'mark').length)).toBe(save.length);
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), PLAN_KEY);
    expect(stored.goals.length).toBe(plan.goals.length);
    expect(stored.goals.find((goal) => goal.title === 'Step 1.1.2').status).toBe('done');
  });
}
