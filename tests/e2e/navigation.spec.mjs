// Every section has an address that can be bookmarked and reloaded on a plain
// static host, and back/forward move between sections.
import { test, expect } from '@playwright/test';
import { openSection } from './helpers.mjs';

test('section addresses survive a reload and back/forward work', async ({ page }) => {
  await page.goto('./#/progress');
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  await expect(page).toHaveTitle('Progress · Waypoint');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();

  await openSection(page, 'Data');
  await expect(page).toHaveURL(/#\/data$/);
  await expect(page.getByRole('link', { name: 'Data', exact: true })).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
});

test('navigating moves focus to the new section', async ({ page }) => {
  await page.goto('./#/vision');
  await page.getByRole('link', { name: 'Goals', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();
  await expect(page.getByRole('main')).toBeFocused();
});

test('a section opens at the top of the page, with nothing above it hidden under the header', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./');
  await page.getByRole('button', { name: 'Explore an example plan' }).click();
  const notice = page.getByText("You're exploring an example plan");
  await expect(notice).toBeVisible();
  for (const name of ['Goals', 'Options', 'Progress']) {
    await openSection(page, name);
    await expect(page.getByRole('main')).toBeFocused();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(notice).toBeInViewport();
  }
});

test('an unknown address falls back to the start', async ({ page }) => {
  await page.goto('./#/nowhere');
  await expect(page.getByRole('heading', { level: 1, name: 'Vision' })).toBeVisible();
});
