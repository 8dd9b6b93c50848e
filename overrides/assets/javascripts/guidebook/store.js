/* The reader's progress in this browser: read once per page and on changes in
 * another tab, written after each change. The reader's work is never lost:
 *  - a read that fails (storage throws, or the saved text is unreadable) blocks
 *    every write until a read succeeds or the reader chooses to start over;
 *  - a saved state with some bad parts keeps every valid check and says what
 *    was left out;
 *  - blocked or full storage keeps the page working, and says so.
 * The format and the reading field by field are in saved.js. */
import { KEY, LEGACY_KEY, emptyProgress, readSaved, serialize } from "./saved.js";

let progress = emptyProgress();
let storage = null; // localStorage, or null when this browser blocks it
let writable = false; // false after a failed read, until a read succeeds or the reader starts over
let legacyFound = false;

/** What the storage notice shows: { problem, dropped } (see notice.js). */
export const status = { problem: null, dropped: null };

function openStorage() {
  try {
    return window.localStorage;
  } catch {
    return null; // SecurityError: storage blocked
  }
}

function readText() {
  const current = storage.getItem(KEY);
  if (current !== null) return { text: current, legacy: false };
  const legacy = storage.getItem(LEGACY_KEY);
  return { text: legacy, legacy: legacy !== null };
}

/** Read the saved progress again. Sets `status` for the notice. */
export function load(now = Date.now()) {
  storage = openStorage();
  Object.assign(status, { problem: null, dropped: null });
  if (!storage) return fail("blocked");
  let saved;
  try {
    saved = readText();
  } catch (error) {
    return fail(error?.name === "SecurityError" ? "blocked" : "unreadable");
  }
  legacyFound = saved.legacy;
  if (saved.text === null) return succeed(emptyProgress());
  const result = readSaved(saved.text, { legacy: saved.legacy, now });
  if (result.problem === "damaged") return fail("damaged");
  progress = result.progress;
  status.dropped = result.dropped;
  writable = result.problem === null;
  status.problem = result.problem;
}

function fail(problem) {
  progress = emptyProgress();
  writable = false;
  status.problem = problem;
}

function succeed(read) {
  progress = read;
  writable = true;
}

/** Write the progress, when the last read succeeded. Returns false when it was not written. */
export function save() {
  if (!writable || !storage) return false;
  try {
    storage.setItem(KEY, serialize(progress));
  } catch {
    status.problem = "full";
    return false;
  }
  if (legacyFound) removeLegacy();
  if (status.problem === "full") status.problem = null;
  return true;
}

function removeLegacy() {
  try {
    storage.removeItem(LEGACY_KEY);
    legacyFound = false;
  } catch {
    // kept: it is read only when KEY is missing
  }
}

/** The reader chose to start over: an empty progress replaces what could not be read. */
export function startOver() {
  storage = openStorage();
  progress = emptyProgress();
  writable = storage !== null;
  Object.assign(status, { problem: storage ? null : "blocked", dropped: null });
  save();
}

export const isChecked = (checklist, item) => progress.checks.get(checklist)?.has(item) ?? false;

export const checkedItems = (checklist) => [...(progress.checks.get(checklist)?.keys() ?? [])];

export const checkTime = (checklist, item) => progress.checks.get(checklist)?.get(item)?.at ?? null;

export function setChecked(checklist, item, checked, at = new Date().toISOString()) {
  const items = progress.checks.get(checklist) ?? new Map();
  if (checked) items.set(item, { at });
  else items.delete(item);
  if (items.size) progress.checks.set(checklist, items);
  else progress.checks.delete(checklist);
}

export function clearChecklist(checklist) {
  progress.checks.delete(checklist);
}

export function clearAll() {
  progress.checks.clear();
  progress.incident = null;
}

export const incidentStart = () => progress.incident;

export function setIncidentStart(start) {
  progress.incident = start;
}

/** Replace every check and the incident start (an import): checks is a Map like progress.checks. */
export function replaceAll(checks, incident) {
  progress.checks = checks;
  progress.incident = incident;
}

/** A new incident (or the end of one): clear the incident start and the checks of the incident's
 * checklists; preparation checklists keep theirs. `state` is the progress ({ checks, incident }). Kept
 * separate so that an archive of the ending incident can wrap it. */
export function startNewIncident(incidentChecklistIds, state = progress) {
  for (const id of incidentChecklistIds) state.checks.delete(id);
  state.incident = null;
  return state;
}
