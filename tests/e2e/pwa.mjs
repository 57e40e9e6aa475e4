// Shared steps for the offline, install and privacy specs.
import { expect } from '@playwright/test';
import { addChildren, addLongTermGoal, expectSaved, openSection, writeVisionStatement } from './helpers.mjs';

/** Waits until a service worker is active and controls the page; returns its version. */
export async function serviceWorkerVersion(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    const channel = new MessageChannel();
    const answer = new Promise((resolve) => (channel.port1.onmessage = (event) => resolve(event.data)));
    navigator.serviceWorker.controller.postMessage({ type: 'GET_VERSION' }, [channel.port2]);
    return answer;
  });
}

/**
 * Records what leaves the browser: every request of the context (pages and
 * service workers) and every Content-Security-Policy violation (the event in
 * the page, and the console message Chromium writes).
 */
export async function watchTraffic(context) {
  const requests = [];
  const violations = [];
  context.on('request', (request) => requests.push(request.url()));
  const watchPage = (page) =>
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
    });
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  await context.exposeBinding('__reportViolation', (_source, text) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  return { requests, violations };
}

/** The first slice: a vision, a goal with a short-term goal and two steps, one done. */
export async function walkSlice(page, vision) {
  await writeVisionStatement(page, vision);
  await openSection(page, 'Goals');
  await addLongTermGoal(page, 'Publish a picture book');
  await addChildren(page, 'Publish a picture book', 'short-term goal', ['Find a literary agent']);
  await addChildren(page, 'Find a literary agent', 'step', ['Shortlist ten agents', 'Write a query letter']);
  await page.getByRole('checkbox', { name: 'Done: Shortlist ten agents' }).check();
  await openSection(page, 'Next step');
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toHaveText('Write a query letter');
  await expectSaved(page);
}

/** Checks the slice is all there (after a reload). */
export async function expectSlice(page, vision) {
  await openSection(page, 'Goals');
  await expect(page.getByText(vision)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Done: Shortlist ten agents' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Step title' })).toHaveCount(2);
  await openSection(page, 'Progress');
  await expect(page.getByText('1 of 2 steps done (50%)').first()).toBeVisible();
}
