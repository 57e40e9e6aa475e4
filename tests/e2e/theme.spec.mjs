// Light and dark: the system's setting by default, a choice in the header that
// overrides it and is remembered, and printing in ink on paper whatever the theme.
import { test, expect } from '@playwright/test';

const THEME_KEY = 'waypoint.theme';

/** The page's background and text colours as the browser paints them. */
function pageColours(page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { background: style.backgroundColor, text: style.color };
  });
}

const LIGHT = { background: 'rgb(246, 244, 239)', text: 'rgb(27, 35, 48)' };
const DARK = { background: 'rgb(18, 22, 28)', text: 'rgb(231, 229, 224)' };

test('the theme follows the system until the person picks one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./#/vision');
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'light dark');
  expect(await pageColours(page)).toEqual(DARK);

  await page.emulateMedia({ colorScheme: 'light' });
  expect(await pageColours(page)).toEqual(LIGHT);

  // A choice wins over the system, either way.
  await theme.selectOption('Dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'dark');
  expect(await pageColours(page)).toEqual(DARK);

  await page.emulateMedia({ colorScheme: 'dark' });
  await theme.selectOption('Light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'light');
  expect(await pageColours(page)).toEqual(LIGHT);

  await theme.selectOption('System');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  expect(await pageColours(page)).toEqual(DARK);
  expect(await page.evaluate((key) => localStorage.getItem(key), THEME_KEY)).toBeNull();
});

test('the chosen theme is remembered across reloads, and chosen from the keyboard', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./#/next');
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await theme.focus();
  // Arrow keys change a closed select in Chromium, as a keyboard user would.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(theme).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate((key) => localStorage.getItem(key), THEME_KEY)).toBe('dark');

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await pageColours(page)).toEqual(DARK);
});

test('an unknown saved theme falls back to the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./#/next');
  await page.evaluate((key) => localStorage.setItem(key, 'sepia'), THEME_KEY);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');
  expect(await pageColours(page)).toEqual(DARK);
});

test('printing is ink on paper whatever the theme', async ({ page }) => {
  await page.goto('./#/page');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('Dark');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  expect(await pageColours(page)).toEqual({ background: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });
  const heading = await page
    .getByRole('heading', { level: 1 })
    .evaluate((element) => getComputedStyle(element).color);
  expect(heading).toBe('rgb(20, 41, 74)');
});
