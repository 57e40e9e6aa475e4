// Screenshots of every screen of a filled plan, at the narrowest phone width
// and on a desktop, in both themes, written to screenshots/themes/ to be
// looked at: overflow, cramped controls, colours that don't read in the dark.
import { test, expect } from '@playwright/test';
import { chooseTheme, fillWithSmallPlan, THEMES, visitEveryScreen } from './screens.mjs';

const WIDTHS = [
  { width: 320, height: 640, isMobile: true, hasTouch: true },
  { width: 1280, height: 800, isMobile: false, hasTouch: false },
];

for (const { width, height, isMobile, hasTouch } of WIDTHS) {
  for (const theme of THEMES) {
    test.describe(`${width} px, ${theme}`, () => {
      test.use({ viewport: { width, height }, isMobile, hasTouch });

      test(`every screen of a filled plan`, async ({ page }, testInfo) => {
        test.skip(testInfo.project.name !== 'desktop', 'sets its own viewport');
        test.setTimeout(600_000);
        await fillWithSmallPlan(page);
        await chooseTheme(page, theme);
        await visitEveryScreen(page, async (screen) => {
          // A full-page capture drops the touch emulation (pointer: coarse) for
          // the shot, so grow the viewport to the page's height instead.
          const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
          await page.setViewportSize({ width, height: Math.max(height, pageHeight) });
          await page.screenshot({ path: `screenshots/themes/${screen}-${width}-${theme}.png` });
          await page.setViewportSize({ width, height });
        });
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      });
    });
  }
}
