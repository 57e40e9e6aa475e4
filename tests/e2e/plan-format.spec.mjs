// The plan file format: what the app exports matches the JSON Schema it ships
// (checked by an independent validator), and older versions import.
import { test, expect } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expectSaved, openSection, visionStatementField } from './helpers.mjs';

const schema = JSON.parse(await readFile('public/plan.schema.json', 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function expectValid(plan) {
  const valid = validate(plan);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
  expect(valid).toBe(true);
}

function generated(size) {
  return execFileSync('node', ['scripts/generate-plan.mjs', size], { maxBuffer: 64 * 1024 * 1024 });
}

test('the schema is served with the app and rejects what the importer refuses', async ({ request }) => {
  const served = await request.get('./plan.schema.json');
  expect(served.ok()).toBe(true);
  expect(await served.json()).toEqual(schema);
  for (const name of ['wrong-status.json', 'number-title.json', 'missing-field.json', 'bad-date.json', 'newer-version.json']) {
    const plan = JSON.parse(await readFile(`tests/fixtures/bad/${name}`, 'utf8'));
    expect(validate(plan), name).toBe(false);
  }
  expectValid(JSON.parse(generated('small')));
  expectValid(JSON.parse(generated('large')));
});

test('a real export validates against the schema and is byte-stable', async ({ page }) => {
  test.skip(test.info().project.name === 'phone', 'the format does not depend on the screen');
  await page.goto('./#/data');
  await page.getByLabel('Plan file to import').setInputFiles({
    name: 'small.json',
    mimeType: 'application/json',
    buffer: generated('small'),
  });
  await page.getByRole('button', { name: 'Replace my plan' }).click();
  // Rewrite the vision so the export carries a history and stamps.
  const field = await visionStatementField(page);
  await field.fill('Write and illustrate a series of picture books');
  await openSection(page, 'Goals');
  await page.getByRole('checkbox', { name: /^Done: Step 1\.1\.2$/ }).check();
  await expectSaved(page);
  await openSection(page, 'Data');

  const exports = [];
  for (let round = 0; round < 2; round++) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download plan (.json)' }).click();
    exports.push(await readFile(await (await download).path(), 'utf8'));
  }
  expect(exports[0]).toBe(exports[1]);
  const plan = JSON.parse(exports[0]);
  expectValid(plan);
  expect(plan.vision.history.map((version) => version.statement)).toEqual([
    "Become a bestselling author of children's books",
  ]);
  expect(plan.assets.some((asset) => asset.private)).toBe(true);
  // In the schema's order; review_rhythm_updated_at is left out until a rhythm is chosen.
  expect(Object.keys(plan)).toEqual(Object.keys(schema.properties).filter((key) => key in plan));
  // Pretty-printed, two spaces, ending in a newline.
  expect(exports[0].startsWith('{\n  "format": "waypoint-plan",\n  "schema_version": 2,\n')).toBe(true);
  expect(exports[0].endsWith('}\n')).toBe(true);
});

test('a version 0 file migrates forward on import', async ({ page }) => {
  await page.goto('./#/data');
  await page.getByLabel('Plan file to import').setInputFiles('tests/fixtures/plan-v0.json');
  const preview = page.getByRole('group', { name: 'Import plan-v0.json?' });
  await expect(preview).toContainText("Vision: “Become a bestselling author of children's books”");
  await expect(preview).toContainText('2 long-term goals, 2 short-term goals');
  await expect(preview).toContainText('2 steps (1 done)');
  await page.getByRole('button', { name: 'Replace my plan' }).click();
  await openSection(page, 'Goals');
  await expect(page.getByRole('textbox', { name: 'Step title' })).toHaveCount(2);
  await expect(page.getByRole('checkbox', { name: 'Done: Write for an hour every morning' })).toBeChecked();
  await expectSaved(page);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('waypoint.plan')));
  expect(stored.schema_version).toBe(2);
  expectValid(stored);
});
