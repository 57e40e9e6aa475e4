import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const size = (process.argv[2] ?? '100,9,5,0').split(',');
const text = execFileSync('node', ['scripts/generate-plan.mjs', ...size], { maxBuffer: 1e8 }).toString();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto('http://127.0.0.1:4180/#/goals');
await page.evaluate((t) => localStorage.setItem('waypoint.plan', t), text);
await page.reload();
await page.locator('.goal-toolbar button').first().waitFor();
let t0 = Date.now();
const expandMs = await page.evaluate(async () => {
  const start = performance.now();
  [...document.querySelectorAll('.goal-toolbar button')].find(b => b.textContent.includes('Expand all')).click();
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - start;
});
console.log('expand (in page, to next frame) ms', expandMs.toFixed(0), 'rows', await page.locator('li.goal').count());
const client = await page.context().newCDPSession(page);
await client.send('Profiler.enable');
await client.send('Profiler.setSamplingInterval', { interval: 100 });
await page.locator('li.goal[data-depth="2"] .goal__title').first().focus();
await client.send('Profiler.start');
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
const { profile } = await client.send('Profiler.stop');
console.log('typing median', lat[5].toFixed(1), 'max', lat[9].toFixed(1));
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
const self = new Map();
for (const [id, c] of counts) { const n = byId.get(id); const k = n.callFrame.functionName + ' ' + (n.callFrame.url.split('/').pop()); self.set(k, (self.get(k) ?? 0) + c); }
console.log([...self.entries()].sort((a,b)=>b[1]-a[1]).slice(0,15).map(([k,v])=>`${v}\t${k}`).join('\n'));
await browser.close();
