import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
for (const size of process.argv.slice(2)) {
  const text = execFileSync('node', ['scripts/generate-plan.mjs', ...size.split(',')], { maxBuffer: 1e8 }).toString();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', e => console.log('pageerror:', e.message));
  await page.goto('http://127.0.0.1:4180/#/vision');
  await page.evaluate((t) => localStorage.setItem('waypoint.plan', t), text);
  let t0 = Date.now();
  await page.reload();
  await page.getByLabel('Vision statement').waitFor();
  const vision = Date.now() - t0;
  t0 = Date.now();
  await page.getByRole('link', { name: 'Goals', exact: true }).click();
  await page.getByRole('textbox', { name: 'Long-term goal title' }).first().waitFor({ timeout: 120000 });
  const goals = Date.now() - t0;
  const rowsCollapsed = await page.locator('li.goal').count();
  const typing = async (name) => {
  const field = page.getByRole('textbox', { name }).first();
  await field.focus();
  const lat = await page.evaluate(async () => {
    const el = document.activeElement; const out = [];
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      el.value += 'x'; el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
      out.push(performance.now() - start);
    }
    return out.sort((a, b) => a - b);
  });
  return `median ${lat[5].toFixed(1)} max ${lat[9].toFixed(1)}`;
  };
  const collapsedTyping = await typing('Long-term goal title');
  t0 = Date.now();
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.getByRole('textbox', { name: 'Step title' }).first().waitFor({ timeout: 120000 });
  const expand = Date.now() - t0;
  const rows = await page.locator('li.goal').count();
  const expandedTyping = await typing('Step title');
  console.log(size, JSON.parse(text).goals.length, 'goals; vision ms', vision, 'goals ms', goals, 'rows', rowsCollapsed, 'typing', collapsedTyping, '| expand ms', expand, 'rows', rows, 'typing', expandedTyping);
  await page.close();
}
await browser.close();
