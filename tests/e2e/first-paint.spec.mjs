// The first paint: while the app loads, the page already shows the shell (the
// header with the brand and the sections, a skeleton of the section, or the
// welcome on a first visit) in the theme the person chose, hidden from
// assistive technology; the app takes its place when it starts, leaving one
// header and one navigation.
import { test, expect } from '@playwright/test';
import { watchTraffic } from './pwa.mjs';

const THEME_KEY = 'waypoint.theme';
const LIGHT = 'rgb(246, 244, 239)';
const DARK = 'rgb(18, 22, 28)';

/** Holds back the wasm until `release()` is called, so the page stays as it first paints. */
async function holdTheApp(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

for (const { chosen, system, expected } of [
  { chosen: 'dark', system: 'light', expected: DARK },
  { chosen: 'light', system: 'dark', expected: LIGHT },
  { chosen: null, system: 'dark', expected: DARK },
]) {
  test(`before the app starts, the shell shows in the ${chosen ?? 'system'} theme (system ${system}), then the app replaces it`, async ({ page, context }, testInfo) => {
    const traffic = await watchTraffic(context);
    await page.emulateMedia({ colorScheme: system });
    await page.goto('./not-the-app');
    await page.evaluate(([key, value]) => (value ? localStorage.setItem(key, value) : localStorage.removeItem(key)), [THEME_KEY, chosen]);
    const release = await holdTheApp(page);
    await page.goto('./#/goals', { waitUntil: 'domcontentloaded' });

    const skeleton = page.locator('#waypoint-skeleton');
    await expect(skeleton).toBeVisible();
    await expect(skeleton.locator('.app-skeleton__bars')).toBeVisible();
    await expect(skeleton.locator('.app-skeleton__welcome')).toBeHidden();
    await expect(skeleton.locator('.brand')).toHaveText('◆Waypoint');
    // The style sheets may still be arriving; the theme was set before any of them.
    await expect.poll(() => background(page)).toBe(expected);
    if (chosen) {
      await expect(page.locator('html')).toHaveAttribute('data-theme', chosen);
      await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', chosen);
    } else {
      await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
    }
    // A picture of the shell: nothing in it is announced or reachable.
    await expect(skeleton).toHaveAttribute('aria-hidden', 'true');
    await expect(skeleton).toHaveAttribute('inert', '');
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.getByRole('link')).toHaveCount(0);
    const skeletonSections = await skeleton.locator('.app-nav a').allTextContents();
    if (testInfo.project.name === 'desktop') {
      for (const width of [320, 375, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.screenshot({ path: `screenshots/first-paint-${chosen ?? 'system'}-${system}-${width}.png` });
      }
    }

    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();
    await expect(skeleton).toHaveCount(0);
    await expect(page.getByRole('banner')).toHaveCount(1);
    const navigation = page.getByRole('navigation', { name: 'Sections' });
    await expect(navigation).toHaveCount(1);
    // The skeleton names the sections as the app does, in its order.
    expect(await navigation.getByRole('link').allTextContents()).toEqual(skeletonSections);
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue(chosen ?? 'system');
    expect(await background(page)).toBe(expected);
    expect(traffic.violations).toEqual([]);
  });
}

test('a first visit to the start page paints the welcome before the app starts, word for word as the app shows it', async ({ page }, testInfo) => {
  const release = await holdTheApp(page);
  await page.goto('./', { waitUntil: 'domcontentloaded' });
  const skeleton = page.locator('#waypoint-skeleton');
  const welcome = skeleton.locator('.app-skeleton__welcome');
  await expect(welcome).toBeVisible();
  await expect(skeleton.locator('.app-skeleton__bars')).toBeHidden();
  await expect(welcome.locator('h2')).toHaveText('Welcome to Waypoint');
  const painted = {
    header: await welcome.locator('.page-header').innerText(),
    welcome: await welcome.locator('.welcome').innerText(),
    box: await welcome.locator('.welcome p').first().boundingBox(),
  };
  if (testInfo.project.name === 'desktop') {
    for (const width of [320, 375, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: `screenshots/first-paint-welcome-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    painted.box = await welcome.locator('.welcome p').first().boundingBox();
  }

  release();
  await expect(skeleton).toHaveCount(0);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2, name: 'Welcome to Waypoint' })).toBeVisible();
  expect(await main.locator('.page-header').innerText()).toBe(painted.header);
  expect(await main.locator('.welcome').innerText()).toBe(painted.welcome);
  // In the same place, so nothing moves when the app takes over.
  expect(await main.locator('.welcome p').first().boundingBox()).toEqual(painted.box);
});

test('a visit with a plan stored paints the plain skeleton, not the welcome', async ({ page }) => {
  await page.goto('./not-the-app');
  await page.evaluate(() => localStorage.setItem('waypoint.plan', JSON.stringify({ format: 'waypoint-plan' })));
  await holdTheApp(page);
  await page.goto('./', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('.app-skeleton__bars')).toBeVisible();
  await expect(page.locator('.app-skeleton__welcome')).toBeHidden();
});
