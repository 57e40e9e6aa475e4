// Draws the app icons in public/ from public/favicon.svg with the system
// Chromium (through Playwright): icon-192.png and icon-512.png (the icon as it
// is, rounded corners on a transparent background) and icon-maskable-512.png
// (a full-bleed square whose mark stays inside the central safe zone, for
// launchers that crop icons to their own shape). Run it again after changing
// the SVG: `node scripts/make-icons.mjs`; commit the PNGs it writes.
import { chromium } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const svg = await readFile(`${publicDir}favicon.svg`, 'utf8');
const brand = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1] ?? '#1f3a5f';

// The maskable icon: the brand colour to every edge, the mark scaled to 70%
// so it sits inside the 80% circle that every mask shape keeps.
const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '').replace(/<rect[^>]*\/>/, '');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${brand}"/><g transform="translate(9.6 9.6) scale(0.7)">${inner}</g></svg>`;

const icons = [
  { file: 'icon-192.png', size: 192, source: svg },
  { file: 'icon-512.png', size: 512, source: svg },
  { file: 'icon-maskable-512.png', size: 512, source: maskable },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const { file, size, source } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`,
    );
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    await writeFile(`${publicDir}${file}`, png);
    console.log(`wrote public/${file} (${size}×${size}, ${png.length} bytes)`);
    await page.close();
  }
} finally {
  await browser.close();
}
