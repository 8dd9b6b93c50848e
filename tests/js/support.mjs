// Shared by the unit tests of the page script (node --test tests/js/): the catalogue's words, a fake
// localStorage, and a fixed clock.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/* The little of a browser page the modules touch outside the functions under test: listeners added when
 * a module loads (handover.js listens for hashchange) and the page's language (dom.js). Import this
 * module before the modules under test, so that these are there when they load. */
globalThis.addEventListener ??= () => {};
globalThis.document ??= { documentElement: { lang: "en-US" } };

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The words the script can show, from data/messages/en.yml: given by tests/unit/test_node.py in
 * GB_WORDS, or read with the project's Python when the tests run on their own. */
function catalogueWords() {
  if (process.env.GB_WORDS) return JSON.parse(process.env.GB_WORDS);
  const code = "import json; from tests.support import catalogue; print(json.dumps(catalogue().for_script()))";
  return JSON.parse(execFileSync(python(), ["-c", code], { cwd: ROOT, encoding: "utf-8" }));
}

function python() {
  const venv = `${ROOT}.venv/bin/python`;
  return existsSync(venv) ? venv : "python3";
}

export const WORDS = catalogueWords();

/** The folder of the installed Material's search worker (for the contract test of our search worker):
 * given by tests/unit/test_node.py in GB_MATERIAL_WORKERS, or asked of the project's Python. */
export function materialWorkers() {
  if (process.env.GB_MATERIAL_WORKERS) return process.env.GB_MATERIAL_WORKERS;
  const code = "from tests.unit.test_node import material_workers; print(material_workers())";
  return execFileSync(python(), ["-c", code], { cwd: ROOT, encoding: "utf-8" }).trim();
}

/** The catalogue's words named `key`, with each {name} filled in (as words.js's say does). */
export function say(key, values = {}) {
  if (!Object.hasOwn(WORDS, key)) throw new Error(`no word ${key} in the catalogue`);
  return WORDS[key].replace(/\{(\w+)\}/g, (placeholder, name) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder);
}

/** Give words.js the catalogue's words, as a page's JSON block would (gb-status.html). */
export async function useCatalogueWords() {
  const { loadWords } = await import("../../overrides/assets/javascripts/guidebook/words.js");
  const block = { dataset: { words: JSON.stringify(WORDS) } };
  loadWords({ querySelector: (selector) => (selector === '[data-gb="words"]' ? block : null) });
}

/** A stand-in for the browser's localStorage (window.localStorage, read by store.js), which can be
 * made to fail as a full or blocked storage does. */
export class FakeStorage {
  constructor(entries = {}) {
    this.entries = new Map(Object.entries(entries));
    this.full = false; // setItem throws QuotaExceededError
    this.unreadable = false; // getItem throws
  }

  getItem(key) {
    if (this.unreadable) throw Object.assign(new Error("unreadable"), { name: "UnknownError" });
    return this.entries.has(key) ? this.entries.get(key) : null;
  }

  setItem(key, value) {
    if (this.full) throw Object.assign(new Error("full"), { name: "QuotaExceededError" });
    this.entries.set(key, String(value));
  }

  removeItem(key) {
    this.entries.delete(key);
  }
}

/** Put `storage` where store.js finds it (window.localStorage); returns it. */
export function installStorage(storage = new FakeStorage()) {
  globalThis.window = { localStorage: storage };
  return storage;
}

/** A fixed "now" for every test: times in the saved state must lie between 2000 and now. */
export const NOW = Date.parse("2026-12-01T12:00:00.000Z");
export const at = (hoursBeforeNow) => new Date(NOW - hoursBeforeNow * 3600_000).toISOString();

/** A small manifest (partials/gb-status.html, the whole of it): two incident checklists in two phases
 * and a preparation one. */
export const BOOK = {
  title: "Guidebook", version: "2026-11-01",
  phases: [
    { id: "before", name: "Before an incident", hours: null },
    { id: "first-hours", name: "Within the first two hours", hours: 2 },
    { id: "first-day", name: "Within 24 hours", hours: 24 },
    { id: "long-term", name: "Long term", hours: null },
  ],
  checklists: [
    { id: "police-first-hours", title: "First hours", phase: "first-hours", scope: "incident", items: ["secure-scene", "call-chief"] },
    { id: "police-first-day", title: "First day", phase: "first-day", scope: "incident", items: ["brief-council", "meet-leaders"] },
    { id: "stakeholders", title: "Stakeholders", phase: null, scope: "preparation", items: ["list-contacts"] },
  ],
};
