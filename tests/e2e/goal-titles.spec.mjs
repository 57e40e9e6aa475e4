// The Goals screen reads at a glance: every title shows all of its words, on
// as many lines as it needs, at a phone's width and a desktop's, and a step's
// row is its title's lines and at most one more. Screenshots of the example
// plan's goals in both themes go to screenshots/goals/ to be looked at.
import { test, expect } from '@playwright/test';
import { chooseTheme, fillWithSmallPlan, THEMES } from './screens.mjs';
import { expectSaved, openSection } from './helpers.mjs';

const WIDTHS = [320, 375, 1280];

async function openExamplePlan(page) {
  await page.goto('./#/vision');
  await page.getByRole('button', { name: 'Explore an example plan' }).click();
  await expect(page.getByRole('region', { name: 'Example plan' })).toBeVisible();
  await expectSaved(page);
}

/** Opens every branch and waits until every row on show is drawn. */
async function showEveryRow(page) {
  await openSection(page, 'Goals');
  await page.getByRole('button', { name: 'Expand all' }).click();
  const list = page.getByRole('list', { name: 'Goal tree' });
  await expect(list).not.toHaveAttribute('aria-busy', 'true');
  const shown = Number(await list.getAttribute('data-rows-shown'));
  expect(shown).toBeGreaterThan(0);
  await expect(page.locator('li.goal')).toHaveCount(shown);
}

/** Title fields whose text runs past their box, by name and text. */
function hiddenTitles(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.goal__title')]
      .filter((field) =>
        field.tagName === 'TEXTAREA'
          ? field.scrollHeight > field.clientHeight + 1
          : field.scrollWidth > field.clientWidth + 1,
      )
      .map((field) => `“${field.value}”: ${field.scrollWidth}×${field.scrollHeight} in ${field.clientWidth}×${field.clientHeight}`),
  );
}

/** Step rows taller than their title and one line more. */
function tallSteps(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('li.goal:not([data-depth="0"], [data-depth="1"])')]
      .map((row) => {
        const title = row.querySelector('.goal__title');
        const line = parseFloat(getComputedStyle(title).lineHeight);
        const rowBox = row.querySelector('.goal__row').getBoundingClientRect();
        const allowed = title.getBoundingClientRect().height + Math.max(line, 44) + 2;
        return rowBox.height > allowed ? `“${title.value}”: ${Math.round(rowBox.height)} px, over ${Math.round(allowed)}` : null;
      })
      .filter(Boolean),
  );
}

for (const plan of ['example', 'small']) {
  for (const width of WIDTHS) {
    test(`every goal title of the ${plan} plan shows all its words at ${width} px`, async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'sets its own widths');
      await page.setViewportSize({ width, height: 800 });
      if (plan === 'example') await openExamplePlan(page);
      else await fillWithSmallPlan(page);
      await showEveryRow(page);
      expect(await hiddenTitles(page), 'titles with words out of sight').toEqual([]);
      if (width === 375) {
        expect(await tallSteps(page), 'step rows taller than their title and a line').toEqual([]);
        const height = await page.evaluate(() => Math.round(document.documentElement.scrollHeight));
        testInfo.annotations.push({ type: 'goals-height', description: `${plan} plan, 375 px, every branch open: ${height} px` });
        console.log(`goals-height ${plan} ${width}: ${height}`);
      }
      if (plan === 'example') {
        await page.getByRole('list', { name: 'Goal tree' }).evaluate((list) => list.scrollIntoView());
        for (const theme of THEMES) {
          await chooseTheme(page, theme);
          await page.screenshot({ path: `screenshots/goals/goals-${width}-${theme}.png` });
        }
      }
    });
  }
}
