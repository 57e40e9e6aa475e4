// Words are read in full: on Options (the board, every card open, and the
// compare view), Leverage (every entry open) and Data, with the example plan
// and the generated small plan, at 320, 375 and 1280 px, no field hides part
// of its text and no box cuts its words off; the progress chart's text is at
// least 11 px. Screenshots of those screens (and Progress) in both themes go
// to screenshots/full-text/ to be looked at.
import { test, expect } from '@playwright/test';
import { fillWithSmallPlan, chooseTheme, THEMES } from './screens.mjs';
import { expectSaved } from './helpers.mjs';

const WIDTHS = [
  { width: 320, height: 640, isMobile: true, hasTouch: true },
  { width: 375, height: 740, isMobile: true, hasTouch: true },
  { width: 1280, height: 800, isMobile: false, hasTouch: false },
];
const MIN_CHART_TEXT = 11;

const PLANS = {
  async example(page) {
    await page.goto('./#/vision');
    await page.getByRole('button', { name: 'Explore an example plan' }).click();
    await expect(page.getByRole('region', { name: 'Example plan' })).toBeVisible();
    await expectSaved(page);
  },
  small: fillWithSmallPlan,
};

/**
 * What hides part of its words on the page, one line each, naming it: a
 * text field whose text runs past its edge (an input's scrollWidth over its
 * clientWidth, a text area's scrollHeight over its clientHeight), and any
 * other box that clips or elides text it holds.
 */
function hiddenText(page) {
  return page.evaluate(() => {
    const found = [];
    const words = (text) => `“${text.trim().replace(/\s+/g, ' ').slice(0, 50)}”`;
    const nameOf = (field) =>
      [...(field.labels ?? [])].map((label) => label.textContent.trim()).join(' ') ||
      field.getAttribute('aria-label') ||
      field.id;
    const visible = (element) => element.checkVisibility({ visibilityProperty: true }) && !element.closest('.visually-hidden');
    const fields = document.querySelectorAll('main textarea, main input:not([type]), main input[type="text"], main input[type="search"], main input[type="url"], main input[type="email"]');
    for (const field of fields) {
      if (!visible(field) || field.readOnly) continue;
      if (field.tagName === 'TEXTAREA' && field.scrollHeight > field.clientHeight + 1) {
        found.push(`the field “${nameOf(field)}” shows ${field.clientHeight} of ${field.scrollHeight} px of ${words(field.value)}`);
      }
      if (field.tagName === 'INPUT' && field.scrollWidth > field.clientWidth + 1) {
        found.push(`the field “${nameOf(field)}” shows ${field.clientWidth} of ${field.scrollWidth} px of ${words(field.value)}`);
      }
    }
    for (const element of document.querySelectorAll('main *')) {
      if (element.matches('input, textarea, select, svg, svg *') || !visible(element)) continue;
      const style = getComputedStyle(element);
      const clips = [style.overflowX, style.overflowY].some((overflow) => overflow === 'hidden' || overflow === 'clip');
      const elides = style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none';
      if (!clips && !elides) continue;
      const past = element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
      if (past && element.textContent.trim()) {
        found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} cuts off ${words(element.textContent)}`);
      }
    }
    return found;
  });
}

/** The chart's visible text smaller than `minimum` CSS px as drawn (an SVG's text counts at its scale). */
function smallChartText(page, minimum) {
  return page.evaluate((minimum) => {
    const small = [];
    for (const element of document.querySelectorAll('.chart, .chart *')) {
      if (element.matches('title, desc') || !element.checkVisibility({ visibilityProperty: true })) continue;
      const text = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.data).join('').trim();
      if (!text) continue;
      let size = parseFloat(getComputedStyle(element).fontSize);
      if (element instanceof SVGGraphicsElement) {
        const matrix = element.getScreenCTM();
        size *= Math.min(Math.hypot(matrix.a, matrix.b), Math.hypot(matrix.c, matrix.d));
      }
      if (size < minimum - 0.05) small.push(`“${text}” at ${size.toFixed(1)} px`);
    }
    return small;
  }, minimum);
}

async function open(page, hash, heading) {
  await page.goto(`./${hash}`);
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
}

/** Opens every entry on the page that has an Edit button, one after another. */
async function openEveryEntry(page) {
  const edit = page.getByRole('main').getByRole('button', { name: /^Edit / });
  const count = await edit.count();
  for (let opened = 0; opened < count; opened++) {
    await edit.first().click();
    await expect(page.getByRole('button', { name: /^Done editing / })).toHaveCount(opened + 1);
  }
  await expect(edit).toHaveCount(0);
}

/** Walks the screens, calling `visit(name)` on each. */
async function walk(page, visit) {
  await open(page, '#/options', 'Options');
  await visit('options-board');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Side by side' })).toBeVisible();
  await visit('options-compare');
  await page.getByRole('button', { name: 'Board', exact: true }).click();
  await openEveryEntry(page);
  await visit('options-editing');

  await open(page, '#/leverage', 'Leverage');
  await visit('leverage');
  await openEveryEntry(page);
  await visit('leverage-editing');

  await open(page, '#/progress', 'Progress');
  await expect(page.getByRole('img', { name: 'Steps done and planned, by week' })).toBeVisible();
  await visit('progress');

  await open(page, '#/data', 'Data');
  await visit('data');
}

for (const { width, height, isMobile, hasTouch } of WIDTHS) {
  test.describe(`${width} px`, () => {
    test.use({ viewport: { width, height }, isMobile, hasTouch });

    for (const [plan, fill] of Object.entries(PLANS)) {
      test(`the ${plan} plan's options, leverage and data show every word`, async ({ page }, testInfo) => {
        test.skip(testInfo.project.name !== 'desktop', 'sets its own viewport');
        // Many screens, each walked twice (both themes): a budget against a hang, wider than the default.
        test.setTimeout(600_000);
        await fill(page);
        const found = [];
        await walk(page, async (screen) => {
          for (const problem of await hiddenText(page)) found.push(`${screen}: ${problem}`);
          if (screen === 'progress') {
            for (const small of await smallChartText(page, MIN_CHART_TEXT)) found.push(`${screen}: chart text ${small}`);
          }
        });
        expect(found, found.join('\n')).toEqual([]);
      });
    }

    test('screenshots of the example plan in both themes', async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== 'desktop', 'sets its own viewport');
      test.setTimeout(120_000);
      await PLANS.example(page);
      for (const theme of THEMES) {
        await chooseTheme(page, theme);
        await walk(page, async (screen) => {
          // A full-page capture drops the touch emulation (pointer: coarse),
          // so grow the viewport to the page's height instead.
          const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
          await page.setViewportSize({ width, height: Math.max(height, pageHeight) });
          await page.screenshot({ path: `screenshots/full-text/${screen}-${width}-${theme}.png` });
          await page.setViewportSize({ width, height });
        });
      }
      await expect(page.locator('html')).toHaveAttribute('data-theme', THEMES.at(-1));
    });
  });
}
