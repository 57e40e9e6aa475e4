// The narrowest phones in use, 320 CSS pixels wide: every screen fits without
// scrolling sideways, and what a finger taps is at least 44 by 44 pixels.
import { test, expect } from '@playwright/test';
import { fillWithSmallPlan, visitEveryScreen } from './screens.mjs';

const WIDTH = 320;
const MIN_TARGET = 44;

test.use({ viewport: { width: WIDTH, height: 640 }, isMobile: true, hasTouch: true });
// The viewport is set here, so one project is enough.
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'sets its own viewport'));

/**
 * Visible controls in the navigation and main content smaller than a fingertip.
 * A checkbox counts with the label that wraps it (tapping the label ticks it);
 * links inside running text are exempt, as WCAG's target size allows.
 */
function smallTargets(page, minimum) {
  return page.evaluate((minimum) => {
    const controls = document.querySelectorAll(
      'nav a, nav button, main button, main a, main select, main input[type="checkbox"], header select',
    );
    const describe = (element) =>
      `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent).trim().slice(0, 40)}"`;
    const small = [];
    for (const control of controls) {
      if (!control.checkVisibility({ visibilityProperty: true })) continue;
      if (control.closest('.visually-hidden')) continue;
      if (control.tagName === 'A' && control.closest('p, dd, li:not(nav li)') && !control.classList.contains('button')) continue;
      const target = control.type === 'checkbox' ? (control.closest('label') ?? control) : control;
      const box = target.getBoundingClientRect();
      if (box.width < minimum - 0.5 || box.height < minimum - 0.5) {
        small.push(`${describe(control)}: ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  }, minimum);
}

/** The innermost elements that reach past the right edge, to say what to fix. */
function overflowing(page) {
  return page.evaluate((width) => {
    const past = [...document.body.querySelectorAll('*')].filter(
      (element) => element.getBoundingClientRect().right > width + 0.5,
    );
    return past
      .filter((element) => !past.some((other) => other !== element && element.contains(other)))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`)
      .join(', ');
  }, WIDTH);
}

/** Elements in the main column that stick out past its right edge (a page
 *  can fit the screen while a field runs off its card). */
function pastMainColumn(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const edge = main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight);
    const past = [...main.querySelectorAll('*')].filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 1 && box.right > edge + 0.5 && element.checkVisibility({ visibilityProperty: true });
    });
    return past
      .filter((element) => !past.some((other) => other !== element && element.contains(other)))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ends at ${Math.round(element.getBoundingClientRect().right)} px`);
  });
}

for (const filled of [true, false]) {
  test(`every screen of ${filled ? 'a filled' : 'an empty'} plan fits 320 px and has fingertip-sized controls`, async ({ page }) => {
    test.setTimeout(600_000);
    if (filled) await fillWithSmallPlan(page);
    const found = [];
    await visitEveryScreen(page, async (screen) => {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > WIDTH) found.push(`${screen}: the page is ${scrollWidth} px wide (${await overflowing(page)})`);
      for (const past of await pastMainColumn(page)) found.push(`${screen}: ${past}, past the main column`);
      for (const small of await smallTargets(page, MIN_TARGET)) found.push(`${screen}: ${small}`);
    });
    expect(found, found.join('\n')).toEqual([]);
  });
}

test('the last weeks as a table fit 320 px without scrolling sideways', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Explore an example plan' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Progress', exact: true }).click();
  await page.getByText('The last weeks as a table').click();
  const table = page.locator('.chart__table table');
  await expect(table.getByRole('columnheader', { name: 'Planned' })).toBeVisible();
  const { table: tableWidth, room } = await table.evaluate((element) => ({
    table: element.scrollWidth,
    room: element.parentElement.clientWidth,
  }));
  expect(tableWidth, `the table is ${tableWidth} px wide in ${room} px`).toBeLessThanOrEqual(room);
});
