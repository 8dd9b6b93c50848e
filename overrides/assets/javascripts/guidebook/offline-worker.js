/* The service worker that keeps the guidebook on this device for use with no signal (sw.js, made at build
 * time by Workbox: macros/offline_app.py). guidebook.js loads this module once the page is idle, so it never
 * delays the first paint. The page names the worker in <meta name="gb-service-worker"> (partials/gb-app.html);
 * the offline edition (file://) and `mkdocs serve` name none, and nothing is registered.
 *
 * Updates without surprises: a new deployment installs in the background beside the old one and waits. The
 * page then says "A newer edition of the guidebook is ready · Reload"; only the reader's click lets the new
 * worker take over and reloads the page. The reader's checks, notes and record (localStorage) are never
 * touched by the worker or by an update. The notice and its Reload button are update-notice.js, loaded only
 * when a newer edition waits. */
const RECHECK_MS = 60 * 60 * 1000; // a page left open asks for a newer edition at most once an hour
const SETTLE_MS = 1000; // before the notice: a new worker that does not wait has taken over by then

/** The worker's address and scope (the site's base), from the page's meta tag; null when the page names none. */
export function workerAddress(root, base = root.baseURI) {
  const meta = root.querySelector('meta[name="gb-service-worker"]');
  if (!meta?.content) return null;
  const script = new URL(meta.content, base);
  return { script: script.href, scope: new URL("./", script).href };
}

/** Register the worker (if the page names one and the browser has service workers); then offer updates. */
export async function startOfflineWorker(root = document, container = globalThis.navigator?.serviceWorker) {
  const address = workerAddress(root);
  if (!address || !container) return null;
  performance.mark("gb-offline-worker"); // when the worker is registered: after the page's load and idle (bench/offline.py)
  try {
    const registration = await container.register(address.script, { scope: address.scope, updateViaCache: "none" });
    watchForUpdates(root, registration, container);
    return registration;
  } catch (error) {
    console.warn(error); // the site still works online; the next visit tries again
    return null;
  }
}

/** The notice that a newer edition waits: update-notice.js, loaded only then, and only if the new worker
 * still waits a moment later. A worker that takes over by itself (skipWaiting: the one `mkdocs serve` writes)
 * is activated meanwhile; fetching our module through the old worker while that activation is due holds the
 * activation back in Chromium (tests/browser/test_service_worker.py, mkdocs serve). */
export async function showUpdateNotice(root, registration, container, settleMs = SETTLE_MS) {
  await new Promise((done) => setTimeout(done, settleMs));
  if (!registration.waiting) return;
  try {
    (await import("./update-notice.js")).offerUpdate(root, registration, container);
  } catch (error) {
    console.warn(error); // no notice this time: the page asks again within the hour, and on the next visit
  }
}

/** Offer the newer edition once it has installed and waits (now, or when it arrives); ask again later.
 * `offer` shows the notice (showUpdateNotice; the unit tests pass their own). */
export function watchForUpdates(root, registration, container, offerUpdate = showUpdateNotice) {
  const offer = () => {
    if (registration.waiting && container.controller) offerUpdate(root, registration, container);
  };
  offer();
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => worker.state === "installed" && offer());
  });
  let asked = Date.now();
  root.addEventListener("visibilitychange", () => {
    if (root.visibilityState !== "visible" || Date.now() - asked < RECHECK_MS) return;
    asked = Date.now();
    registration.update().catch(() => {}); // no signal: the next visit asks again
  });
}
