// Registers Waypoint's service worker (sw.js, beside this script) so the app
// opens with no network, and offers a new version when one is ready: a quiet
// banner with Reload (the new version takes over, every open page reloads)
// and Not now. Kept out of the page so the Content-Security-Policy can forbid
// inline scripts. The single-file edition leaves this script out.
(() => {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const container = navigator.serviceWorker;
  const workerUrl = new URL('sw.js', document.currentScript.src);
  const HOUR = 60 * 60 * 1000;

  // A page that was already controlled reloads when a new version takes over,
  // so it never runs with another version's worker. The first install takes
  // control of a page that already runs that same version: nothing to reload.
  let wasControlled = Boolean(container.controller);
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    if (wasControlled && !reloading) {
      reloading = true;
      window.location.reload();
    }
    wasControlled = true;
  });

  // The live region exists from the start, empty, so that filling it is announced.
  const region = document.createElement('div');
  region.className = 'update-region';
  region.setAttribute('role', 'status');
  document.body.append(region);
  // After the app is on the page, last in reading order, below everything it shows.
  window.addEventListener('TrunkApplicationStarted', () => document.body.append(region), { once: true });

  function offer(registration) {
    if (!container.controller || region.firstChild) return;
    const banner = document.createElement('div');
    banner.className = 'update-banner';
    const text = document.createElement('p');
    text.className = 'update-banner__text';
    text.textContent = 'A new version of Waypoint is ready. Reload to use it; your plan stays as it is.';
    const reload = button('Reload', 'button button--primary button--small');
    const later = button('Not now', 'button button--quiet button--small');
    later.setAttribute('aria-label', 'Not now: dismiss the update notice');
    reload.addEventListener('click', () => {
      reload.disabled = true;
      later.disabled = true;
      reload.textContent = 'Reloading…';
      // The newest waiting version, should another have arrived since.
      (registration.waiting ?? registration.installing)?.postMessage({ type: 'SKIP_WAITING' });
    });
    later.addEventListener('click', () => {
      const hadFocus = banner.contains(document.activeElement);
      banner.remove();
      if (hadFocus) document.getElementById('main')?.focus();
    });
    const actions = document.createElement('div');
    actions.className = 'update-banner__actions';
    actions.append(reload, later);
    banner.append(text, actions);
    region.append(banner);
  }

  function button(label, className) {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = className;
    element.textContent = label;
    return element;
  }

  function watch(registration) {
    if (registration.waiting) offer(registration);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') offer(registration);
      });
    });
    // A tab left open for days still hears of a new release when it comes back.
    let lastCheck = Date.now();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && Date.now() - lastCheck > HOUR) {
        lastCheck = Date.now();
        registration.update().catch(() => {});
      }
    });
  }

  function register() {
    container
      .register(workerUrl, { scope: new URL('./', workerUrl).href, updateViaCache: 'none' })
      .then(watch)
      .catch((error) => console.warn('Waypoint works online only here: no service worker.', error));
  }

  // Once the app has started: by then the page has downloaded the files the
  // worker keeps, which it then takes from the browser's cache instead of
  // fetching them a second time, and its own downloads never slow the
  // page's. (trunk's loader sets wasmBindings just before announcing the start.)
  if (window.wasmBindings) register();
  else window.addEventListener('TrunkApplicationStarted', register, { once: true });
})();
