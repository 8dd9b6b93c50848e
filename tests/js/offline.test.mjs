// The logic of guidebook/offline-worker.js and guidebook/keep.js, with Node's own test runner:
//   node --test tests/js/
// (tests/unit/test_node.py runs it with pytest). The browser tests prove the pages.
import assert from "node:assert/strict";
import { test } from "node:test";

import { REMIND_AFTER_MS, keepStorage, uncopiedOldChecks } from "../../overrides/assets/javascripts/guidebook/keep.js";
import { isIPhoneBrowser } from "../../overrides/assets/javascripts/guidebook/home-screen.js";
import { watchForUpdates, workerAddress } from "../../overrides/assets/javascripts/guidebook/offline-worker.js";
import { SKIP_WAITING, reload } from "../../overrides/assets/javascripts/guidebook/update-notice.js";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Version/18.1 Mobile/15E148 Safari/604.1";
const IPAD_DESKTOP = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/18.1 Safari/605.1.15";
const ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36";

const fakeRoot = (content) => ({
  baseURI: "https://example.org/cares/guidebook/police/within-24-hours/",
  querySelector: (selector) => (selector === 'meta[name="gb-service-worker"]' && content !== null ? { content } : null),
});

test("the worker's address and scope are the site's base, from the page's meta tag", () => {
  assert.deepEqual(workerAddress(fakeRoot("../../sw.js")), {
    script: "https://example.org/cares/guidebook/sw.js", scope: "https://example.org/cares/guidebook/",
  });
  assert.equal(workerAddress(fakeRoot(null)), null, "no meta (offline edition, mkdocs serve): no worker");
  assert.equal(workerAddress(fakeRoot("")), null);
});

function fakeWorker(state = "installed") {
  const listeners = {};
  return {
    state, posted: [],
    postMessage(message) { this.posted.push(message); },
    addEventListener: (type, run) => { listeners[type] = run; },
    fire(type) { listeners[type]?.(); },
  };
}

function fakeContainer(controller) {
  const listeners = [];
  return {
    controller,
    addEventListener: (type, run, options) => listeners.push({ type, run, once: options?.once }),
    fire(type) { listeners.filter((l) => l.type === type).forEach((l) => l.run()); },
    listeners,
  };
}

function fakeRegistration(waiting = null) {
  const listeners = {};
  return {
    waiting, installing: null, updates: 0,
    addEventListener: (type, run) => { listeners[type] = run; },
    update() { this.updates += 1; return Promise.resolve(); },
    fire(type) { listeners[type]?.(); },
  };
}

// watchForUpdates only needs the root's events; the notice (update-notice.js) is what it calls, counted here.
function fakeDocument() {
  const offered = [];
  return { offered, visibilityState: "visible", listeners: {}, addEventListener(type, run) { this.listeners[type] = run; } };
}

const watch = (root, registration, container) => watchForUpdates(root, registration, container, () => root.offered.push(true));

test("a newer edition is offered only when one waits and an older one controls the page", () => {
  const first = fakeDocument();
  watch(first, fakeRegistration(fakeWorker()), fakeContainer(null)); // the first visit: nothing to offer
  assert.equal(first.offered.length, 0);

  const later = fakeDocument();
  watch(later, fakeRegistration(fakeWorker()), fakeContainer({}));
  assert.ok(later.offered.length > 0, "the notice");

  const arriving = fakeDocument();
  const registration = fakeRegistration();
  watch(arriving, registration, fakeContainer({}));
  assert.equal(arriving.offered.length, 0, "nothing waits yet");
  const worker = fakeWorker("installing");
  registration.installing = worker;
  registration.fire("updatefound");
  worker.state = "installed";
  registration.waiting = worker;
  worker.fire("statechange");
  assert.ok(arriving.offered.length > 0, "offered once it has installed");
});

test("Reload lets the waiting worker take over, and reloads only when it controls the page", () => {
  const worker = fakeWorker();
  const container = fakeContainer({});
  let reloads = 0;
  const view = { location: { reload: () => { reloads += 1; } } };
  reload(fakeRegistration(worker), container, view);
  assert.deepEqual(worker.posted, [SKIP_WAITING]);
  assert.equal(reloads, 0, "not before the new worker controls the page");
  container.fire("controllerchange");
  assert.equal(reloads, 1);

  reload(fakeRegistration(null), fakeContainer({}), view); // another tab already let it take over
  assert.equal(reloads, 2);
});

test("an iPhone's or iPad's browser, not the Home Screen app, nor another phone", () => {
  assert.equal(isIPhoneBrowser({ userAgent: IPHONE }), true);
  assert.equal(isIPhoneBrowser({ userAgent: IPHONE, standalone: true }), false, "opened from the Home Screen");
  assert.equal(isIPhoneBrowser({ userAgent: IPHONE }, true), false, "display-mode: standalone");
  assert.equal(isIPhoneBrowser({ userAgent: IPAD_DESKTOP, maxTouchPoints: 5 }), true, "an iPad says Macintosh");
  assert.equal(isIPhoneBrowser({ userAgent: IPAD_DESKTOP, maxTouchPoints: 0 }), false, "a Mac");
  assert.equal(isIPhoneBrowser({ userAgent: ANDROID }), false);
  assert.equal(isIPhoneBrowser(undefined), false);
});

const NOW = Date.parse("2026-12-07T12:00:00Z");
const ago = (ms) => new Date(NOW - ms).toISOString();
const checks = (...times) => new Map([["c", new Map(times.map((at, n) => [`i${n}`, at === null ? {} : { at }]))]]);

test("checks older than 3 days and made after the last copy are counted", () => {
  const old = ago(REMIND_AFTER_MS + 60_000);
  const recent = ago(REMIND_AFTER_MS - 60_000);
  assert.equal(uncopiedOldChecks(checks(old, recent, null), null, NOW), 1, "one old; a recent one and one with no time are not");
  assert.equal(uncopiedOldChecks(checks(old), ago(REMIND_AFTER_MS / 2), NOW), 0, "saved since");
  assert.equal(uncopiedOldChecks(checks(old), ago(REMIND_AFTER_MS * 2), NOW), 1, "saved before it was made");
  assert.equal(uncopiedOldChecks(new Map(), null, NOW), 0);
  assert.equal(uncopiedOldChecks(checks("not a time"), null, NOW), 0);
});

test("the browser is asked to keep the storage once per incident", async () => {
  const kept = new Map();
  globalThis.localStorage = { getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => kept.set(k, String(v)) };
  let asked = 0;
  const storage = { persist: async () => { asked += 1; return false; } };
  assert.equal(await keepStorage(null, storage), null, "no incident: not asked");
  assert.equal(await keepStorage("2026-12-07T10:00:00Z", storage), false);
  await keepStorage("2026-12-07T10:00:00Z", storage);
  assert.equal(asked, 1, "the same incident: asked once");
  await keepStorage("2026-12-08T09:00:00Z", storage);
  assert.equal(asked, 2, "a new incident: asked again");
  assert.equal(await keepStorage("2026-12-09T09:00:00Z", {}), null, "a browser without persist()");
  delete globalThis.localStorage;
});
