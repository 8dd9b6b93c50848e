/* Storage that lasts: the reader's checks and record live only in this browser, which may clear them on its
 * own (on iPhone, Safari clears a site's storage after 7 days of use without a visit, unless the site was
 * added to the Home Screen). So:
 *   - when an incident starts, ask the browser to keep the site's storage (navigator.storage.persist(), once
 *     per incident; guidebook.js calls keepStorage);
 *   - the record page says whether the browser agreed, and, when it did not and checks older than 3 days were
 *     never saved to a file or handed over, a calm reminder with the button that saves the record;
 *   - on an iPhone's browser, the home page and the record page say once, in one line, how to add the
 *     guidebook to the Home Screen and why (the page names itself: <meta name="gb-home-screen-hint">).
 * Nothing is ever written anywhere but this browser's own storage for this site. */
import { find, part } from "./dom.js";
import { KEY } from "./saved.js";
import * as store from "./store.js";
import { addWords, say } from "./words.js";

addWords(typeof GB_WORDS_keep === "string" && GB_WORDS_keep); // its words, in its file (macros/script_words.py)

export const ASKED_KEY = "ccm-guidebook.keep-asked"; // the incident start for which persist() was asked
export const COPIED_KEY = "ccm-guidebook.copied-at"; // when the reader last saved a file or made a handover link
export const HINT_KEY = "ccm-guidebook.home-screen-hint"; // the pages that have shown the iPhone hint
export const REMIND_AFTER_MS = 3 * 24 * 60 * 60 * 1000;
// The buttons that put a copy of the checks outside this browser: the record's exports, the home page's
// "Export progress to a file", the handover link.
const COPIES = ["record-export", "export", "handover-make"].map((name) => `[data-gb="${name}"]`).join(",");

/** How many checks are older than 3 days and were made after the last copy (file or handover), if any. */
export function uncopiedOldChecks(checks, copiedAt, now = Date.now()) {
  const copied = copiedAt ? Date.parse(copiedAt) : -Infinity;
  let count = 0;
  for (const items of checks.values()) {
    for (const check of items.values()) {
      const at = check?.at ? Date.parse(check.at) : NaN;
      if (at <= now - REMIND_AFTER_MS && at > copied) count += 1;
    }
  }
  return count;
}

function read(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked: the storage notice says so already
  }
}

function remove(keys) {
  try {
    for (const key of keys) localStorage.removeItem(key);
  } catch {
    // storage blocked: nothing was kept
  }
}

function write(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage blocked or full: nothing else to do here
  }
}

/** An incident runs: ask the browser, once for this incident, to keep the site's storage. */
export async function keepStorage(start, storage = globalThis.navigator?.storage) {
  if (!start || !storage?.persist || read(ASKED_KEY) === start) return null;
  write(ASKED_KEY, start);
  try {
    return await storage.persist();
  } catch {
    return null;
  }
}

function paragraph(root, className, name, text) {
  const line = root.createElement("p");
  line.classList.add(className, "gb-noprint");
  line.dataset.gb = name;
  line.textContent = text;
  return line;
}

/** The record page: whether the browser keeps the record, and the reminder when it may not. */
async function showKept(root, storage) {
  const exports = find(root, "record-export")?.closest("p");
  if (!exports || !storage?.persisted) return;
  const kept = await storage.persisted().catch(() => false);
  find(root, "keep-status")?.remove();
  exports.before(paragraph(root, "gb-keep-status", "keep-status",
    say(kept ? "offline.kept" : "offline.not_kept")));
  const old = kept ? 0 : uncopiedOldChecks(store.allChecks(), read(COPIED_KEY));
  find(root, "keep-reminder")?.remove();
  if (!old) return;
  const reminder = paragraph(root, "gb-keep-reminder", "keep-reminder", say("offline.reminder"));
  const button = root.createElement("button");
  button.type = "button";
  button.className = "gb-button";
  button.textContent = say("offline.save_record");
  button.addEventListener("click", () => part(root, "record-export").click()); // the record as a file to import again
  reminder.append(" ", button);
  exports.before(reminder);
}

/** On an iPhone's browser, on the home and record pages: one line, once per page, under the title. */
function showHint(root, iPhoneBrowser) {
  const page = root.querySelector('meta[name="gb-home-screen-hint"]')?.content;
  const title = root.querySelector("article>h1");
  const shown = (read(HINT_KEY) ?? "").split(" ");
  if (!page || !title || shown.includes(page) || !iPhoneBrowser) return;
  title.after(paragraph(root, "gb-home-screen-hint", "home-screen-hint", say("offline.iphone_hint")));
  write(HINT_KEY, [...shown.filter(Boolean), page].join(" "));
}

/** A copy of the checks was put outside this browser (a file, a handover link): remember when. */
export function rememberCopy(root = document) {
  write(COPIED_KEY, new Date().toISOString());
  find(root, "keep-reminder")?.remove();
}

/** Once the page is idle (guidebook.js: on the record page, and on the home page of an iPhone's browser):
 * the hint, the record page's lines, and remembering each copy made. `iPhoneBrowser`: the page asked
 * already (home-screen.js, in the entry: a module both imported would be a file of its own on every page). */
export function startKeep(root = document, { iPhoneBrowser = false, nav = globalThis.navigator } = {}) {
  showHint(root, iPhoneBrowser);
  root.addEventListener("click", (event) => {
    if (event.target.closest?.(COPIES)) rememberCopy(root);
    // "Delete all data on this device" (record.js, on the button itself: it has run, confirmed or not)
    if (event.target.closest?.('[data-gb="delete-all"]') && read(KEY) === null) remove([ASKED_KEY, COPIED_KEY, HINT_KEY]);
  });
  return showKept(root, nav?.storage);
}
