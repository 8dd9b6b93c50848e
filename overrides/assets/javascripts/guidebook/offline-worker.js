/* The service worker that keeps the guidebook on this device for use with no signal (sw.js, made at build
 * time by Workbox: macros/offline_app.py). guidebook.js loads this module once the page is idle, so it never
 * delays the first paint. The page names the worker in <meta name="gb-service-worker"> (partials/gb-app.html);
 * the offline edition (file://) and `mkdocs serve` name none, and nothing is registered.
 *
 * Updates without surprises: a new deployment installs in the background beside the old one and waits. The
 * page then says "A newer edition of the guidebook is ready · Reload"; only the reader's click lets the new
 * worker take over and reloads the page. The reader's checks, notes and record (localStorage) are never
 * touched by the worker or by an update. */
import { find } from "./dom.js";
import { addWords, say } from "./words.js";

addWords(typeof GB_WORDS_offline_worker === "string" && GB_WORDS_offline_worker); // its words, in its file (macros/script_words.py)

export const SKIP_WAITING = { type: "SKIP_WAITING" }; // what Workbox's generated worker waits for
const RECHECK_MS = 60 * 60 * 1000; // a page left open asks for a newer edition at most once an hour

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

/** Offer the newer edition once it has installed and waits (now, or when it arrives); ask again later. */
export function watchForUpdates(root, registration, container) {
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

/** The notice at the top of the page, once: its Reload button is the only way the new edition takes over. */
export function offerUpdate(root, registration, container) {
  if (find(root, "update-notice")) return;
  const notice = root.createElement("div");
  notice.classList.add("gb-update-notice", "gb-noprint");
  notice.dataset.gb = "update-notice";
  notice.setAttribute("role", "status");
  const text = root.createElement("p");
  const button = root.createElement("button");
  button.type = "button";
  button.className = "gb-button";
  button.dataset.gb = "update-reload";
  button.textContent = say("offline.reload");
  text.append(say("offline.update_ready"), " ", button);
  notice.append(text);
  button.addEventListener("click", () => reload(registration, container, root.defaultView ?? globalThis));
  const anchor = find(root, "storage-notice");
  if (anchor) anchor.before(notice);
  else root.body.prepend(notice);
}

/** The reader asked: let the waiting worker take over, then reload when it controls the page. */
export function reload(registration, container, view) {
  const waiting = registration.waiting;
  if (!waiting) {
    view.location.reload(); // another tab already let it take over
    return;
  }
  container.addEventListener("controllerchange", () => view.location.reload(), { once: true });
  waiting.postMessage(SKIP_WAITING);
}
