// The accessibility audit: axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on
// every screen, empty and filled, in the light and the dark theme, plus what
// axe leaves to people: one h1 and headings in order, the landmarks, and a
// focus ring that stands out from what is behind it.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { addLongTermGoal, expectSaved, openGoalDetails, openSection, visionStatementField } from './helpers.mjs';
import { chooseTheme, fillWithSmallPlan, THEMES, visitEveryScreen } from './screens.mjs';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page; returns one line per failing element. */
async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} at ${node.target.join(' ')}: ${node.failureSummary.replace(/\s*\n\s*/g, ' ')}`,
    ),
  );
}

/** The visible headings' levels, in document order. */
async function headingLevels(page) {
  return page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((headings) =>
    headings.filter((heading) => heading.checkVisibility()).map((heading) => Number(heading.tagName[1])),
  );
}

/** What is wrong with the page's structure, in words; empty when nothing is. */
async function structureProblems(page) {
  const problems = [];
  const levels = await headingLevels(page);
  const ones = levels.filter((level) => level === 1).length;
  if (ones !== 1) problems.push(`${ones} h1 headings`);
  levels.forEach((level, index) => {
    const previous = index === 0 ? 0 : levels[index - 1];
    if (level > previous + 1) problems.push(`h${level} follows h${previous || 'nothing'}`);
  });
  for (const [role, name] of [
    ['banner', undefined],
    ['navigation', 'Sections'],
    ['main', undefined],
    ['contentinfo', undefined],
  ]) {
    const count = await page.getByRole(role, name ? { name } : {}).count();
    if (count !== 1) problems.push(`${count} ${role} landmarks${name ? ` named ${name}` : ''}`);
  }
  return problems;
}

for (const theme of THEMES) {
  test.describe(`in the ${theme} theme`, () => {
    // The system setting picks the theme here; the header's choice is checked below.
    test.use({ colorScheme: theme });

    for (const filled of [false, true]) {
      test(`every screen of ${filled ? 'a filled' : 'an empty'} plan passes axe's WCAG 2.2 AA rules`, async ({ page }) => {
        // About twenty screens, each audited: a long walk on a busy machine.
        test.setTimeout(900_000);
        if (filled) await fillWithSmallPlan(page);
        const found = [];
        await visitEveryScreen(page, async (screen) => {
          for (const line of await axeViolations(page)) found.push(`${screen}: ${line}`);
          for (const problem of await structureProblems(page)) found.push(`${screen}: ${problem}`);
        });
        expect(found, found.join('\n')).toEqual([]);
      });
    }
  });
}

/** WCAG's contrast ratio of two `rgb(...)` colours. */
function contrast(first, second) {
  const luminance = (colour) => {
    const [r, g, b] = colour.match(/[\d.]+/g).slice(0, 3).map(Number).map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/** The focused element's outline colour and the opaque background around it. */
async function focusRingColours(page) {
  return page.evaluate(() => {
    const focused = document.activeElement;
    const ring = getComputedStyle(focused).outlineColor;
    // The ring sits outside the element (outline-offset), on its container.
    let behind = focused.parentElement;
    while (behind && /rgba\(.*, 0\)|transparent/.test(getComputedStyle(behind).backgroundColor)) {
      behind = behind.parentElement;
    }
    return { ring, behind: getComputedStyle(behind ?? document.body).backgroundColor, style: getComputedStyle(focused).outlineStyle };
  });
}

for (const theme of THEMES) {
  test(`the focus ring is visible with at least 3:1 contrast, chosen ${theme} theme`, async ({ page }) => {
    await page.goto('./#/vision');
    await chooseTheme(page, theme);
    const targets = [
      page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Goals' }),
      page.getByLabel('Theme'),
      page.getByLabel('Your answer'),
      page.getByRole('button', { name: /^(Next|Skip for now)$/ }),
      page.getByRole('link', { name: 'Leverage', exact: true }).last(),
    ];
    const checkRing = async (target) => {
      await target.focus();
      // Focus from the keyboard, so :focus-visible applies to every kind of element.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await expect(target).toBeFocused();
      const { ring, behind, style } = await focusRingColours(page);
      expect(style, `outline style of ${target}`).not.toBe('none');
      expect(contrast(ring, behind), `focus ring ${ring} on ${behind} for ${target}`).toBeGreaterThanOrEqual(3);
    };
    for (const target of targets) await checkRing(target);

    // The undo notice is dark on light (or light on dark): the ring must show there too.
    await openSection(page, 'Goals');
    await addLongTermGoal(page, 'Learn to illustrate');
    await openGoalDetails(page, 'Learn to illustrate');
    await page.getByRole('button', { name: 'Remove Learn to illustrate' }).click();
    await checkRing(page.getByRole('button', { name: 'Undo removal' }));
  });
}

test('saving after a pause in typing is shown in the header, not read out', async ({ page }) => {
  await page.goto('./#/vision');
  await (await visionStatementField(page)).fill('Open a bakery in my home town');
  await expectSaved(page);
  const liveRegions = page.locator('[role="status"], [role="alert"], [role="log"], [aria-live]:not([aria-live="off"])');
  expect((await liveRegions.allTextContents()).join(' | ')).not.toMatch(/Saving|changes saved/);
});
