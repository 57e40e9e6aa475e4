// Installable: the manifest loads and says what Chromium needs, its icons are
// served at their sizes, and Chromium finds nothing stopping an install.
import { test, expect } from '@playwright/test';
import { serviceWorkerVersion } from './pwa.mjs';

test.use({ serviceWorkers: 'allow' });

/** Width and height from a PNG's header. */
function pngSize(buffer) {
  expect(buffer.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${buffer.readUInt32BE(16)}x${buffer.readUInt32BE(20)}`;
}

test('the manifest names the app, its colours and icons, and every icon is there', async ({ page, request }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const response = await request.get(href);
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toBe('application/manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: 'Waypoint',
    short_name: 'Waypoint',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: '#1f3a5f',
  });
  expect(manifest.description).toBeTruthy();
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  const themeMeta = await page.locator('meta[name="theme-color"]').getAttribute('content');
  expect(manifest.theme_color).toBe(themeMeta);

  const sizes = [];
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.ok(), icon.src).toBe(true);
    expect(file.headers()['content-type']).toBe(icon.type);
    if (icon.type === 'image/png') {
      expect(pngSize(await file.body())).toBe(icon.sizes);
    }
    sizes.push(`${icon.sizes} ${icon.type} ${icon.purpose}`);
  }
  expect(sizes).toEqual([
    'any image/svg+xml any',
    '192x192 image/png any',
    '512x512 image/png any',
    '512x512 image/png maskable',
  ]);
});

test('Chromium finds the app installable', async ({ page, context, baseURL }) => {
  await page.goto('./');
  await serviceWorkerVersion(page);
  const cdp = await context.newCDPSession(page);
  const { url, errors, data, parsed } = await cdp.send('Page.getAppManifest');
  expect(url).toBe(new URL('manifest.webmanifest', baseURL).href);
  expect(errors).toEqual([]);
  expect(JSON.parse(data).name).toBe('Waypoint');
  expect(parsed?.scope).toBe(baseURL);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito, which alone stops an install; the
  // app itself must add no reason of its own.
  const reasons = installabilityErrors.map((error) => error.errorId);
  expect(reasons.filter((reason) => reason !== 'in-incognito')).toEqual([]);
});
