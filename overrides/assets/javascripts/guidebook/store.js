/* The reader's progress in this browser: read once per page and on changes in
 * another tab, written after each change. The reader's work is never lost:
 *  - a read that fails (storage throws, or the saved text is unreadable) blocks
 *    every write until a read succeeds or the reader chooses to start over;
 *  - a saved state with some bad parts keeps every valid check and says what
 *    was left out;
 *  - blocked or full storage keeps the page working, and says so.
 * The format and the reading field by field are in saved.js. */
import { ARCHIVE_KEPT, KEY, LEGACY_KEY, PREPARER_KEY, emptyProgress, readSaved, renameItems, serialize } from "./saved.js";

/** Saved text longer than this (characters) warns that storage may soon run out: browsers
 * give a site about 5 MB (2.5 million UTF-16 characters) of localStorage. */
export const WARN_CHARS = 1_500_000;

let progress = emptyProgress();
let storage = null; // localStorage, or null when this browser blocks it
let writable = false; // false after a failed read, until a read succeeds or the reader starts over
let legacyFound = false;
let deleted = false; // the reader deleted every record on this device

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

/** Read the saved progress again. Sets `status` for the notice. `renamed`: former item id -> id now
 * (the manifest's), so that progress saved before an item was renamed counts for it. */
export function load(now = Date.now(), renamed = {}) {
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
  progress = renameItems(result.progress, renamed);
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

const isEmpty = () => !progress.checks.size && !progress.log.length && !progress.incident && !progress.archive.length;

/** Whether this browser holds a record: checks, an incident, its log or past incidents (saved or not yet
 * saved), or the name of whoever prepares the ICS 214-format log (forms.js). The record page loads the
 * record's modules and the clock at once only then (on-demand.js needed; else first-use.js). */
export function held() {
  if (!isEmpty()) return true;
  try {
    return Boolean(storage?.getItem(PREPARER_KEY));
  } catch {
    return false;
  }
}

/** Write the progress, when the last read succeeded. Returns false when it was not written. */
export function save() {
  if (!writable || !storage) return false;
  if (deleted && isEmpty()) return true; // after deleteAll(), nothing is written until there is something to keep
  deleted = false;
  const text = serialize(progress);
  try {
    storage.setItem(KEY, text);
  } catch {
    status.problem = "full";
    return false;
  }
  if (legacyFound) removeLegacy();
  if (status.problem === "full" || status.problem === "nearly_full") status.problem = null;
  if (text.length > WARN_CHARS) status.problem = "nearly_full";
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

/** The check of an item ({ at, who?, note? }), or null. */
export const checkOf = (checklist, item) => progress.checks.get(checklist)?.get(item) ?? null;

/** Every check: Map of checklist id -> Map of item id -> check (read only). */
export const allChecks = () => progress.checks;

/** The checks undone during the current incident, oldest first (read only). */
export const undoneLog = () => progress.log;

/** A check that is undone goes to the log: the record keeps that the item had been done. */
function logUndone(checklist, item, check, undone) {
  progress.log.push({ checklist, item, ...check, undone });
}

export function setChecked(checklist, item, checked, at = new Date().toISOString()) {
  const items = progress.checks.get(checklist) ?? new Map();
  if (checked) items.set(item, { at });
  else if (items.has(item)) {
    logUndone(checklist, item, items.get(item), at);
    items.delete(item);
  }
  if (items.size) progress.checks.set(checklist, items);
  else progress.checks.delete(checklist);
}

/** Put back a check as it was (Undo of a reset): its time, who, note and their edit times. */
export function restoreCheck(checklist, item, check) {
  const items = progress.checks.get(checklist) ?? new Map();
  items.set(item, { ...check });
  progress.checks.set(checklist, items);
}

/** Set who checked an item and its note ("" for none); only on a checked item. A field that changes
 * keeps the time of its edit (who_at, note_at), so that a merge keeps the later edit of each field. */
export function setCheckRecord(checklist, item, { who, note }, at = new Date().toISOString()) {
  const check = checkOf(checklist, item);
  if (!check) return false;
  for (const [field, value] of Object.entries({ who, note })) {
    if (value === undefined || value.trim() === (check[field] ?? "")) continue;
    if (value.trim()) check[field] = value.trim();
    else delete check[field];
    check[`${field}_at`] = at;
  }
  return true;
}

export function clearChecklist(checklist, at = new Date().toISOString()) {
  for (const [item, check] of progress.checks.get(checklist) ?? []) logUndone(checklist, item, check, at);
  progress.checks.delete(checklist);
}

export function clearAll(at = new Date().toISOString()) {
  for (const checklist of [...progress.checks.keys()]) clearChecklist(checklist, at);
  progress.incident = null;
}

export const incidentStart = () => progress.incident?.start ?? null;

/** The current incident: { start, name?, roles? } or null (read only). */
export const incident = () => progress.incident;

export function setIncidentStart(start) {
  setIncident({ start });
}

/** Change the incident's start, name or roles (fields left undefined stay as they are). */
export function setIncident(fields) {
  const next = { start: null, ...progress.incident };
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value === null || value === "" || (Array.isArray(value) && !value.length)) {
      if (field === "start") next.start = null;
      else delete next[field];
    } else next[field] = value;
  }
  progress.incident = next.start || next.name || next.roles ? next : null;
}

/** Replace every check and the incident (an import): checks is a Map like progress.checks;
 * incident is { start, name?, roles? }, a start time (older files) or null. */
export function replaceAll(checks, incident, log = []) {
  progress.checks = checks;
  progress.incident = typeof incident === "string" ? { start: incident } : incident;
  progress.log = log;
}

/** Past incidents, newest first (read only): { archived, incident, checks, log }. */
export const archived = () => progress.archive;

/** Archive the current incident: its record (the incident, every check as it stands, the log) goes
 * first in the archive; then the checks of incident checklists, the log and the incident are cleared,
 * and checks of preparation checklists stay. `isIncident(checklistId)` says which checklists belong to an incident.
 * When the result cannot be saved (storage full), nothing changes: returns false. */
export function archiveIncident(isIncident, archivedAt = new Date().toISOString()) {
  if (!writable || !storage) return false;
  const before = progress;
  // every check copied, not shared: a later edit of a kept preparation check must not rewrite the archive
  const copy = new Map([...before.checks].map(([id, items]) => [id, new Map([...items].map(([item, check]) => [item, { ...check }]))]));
  const record = { archived: archivedAt, incident: before.incident, checks: copy, log: before.log };
  progress = {
    checks: new Map([...before.checks].filter(([id]) => !isIncident(id))),
    log: [],
    incident: null,
    archive: [record, ...before.archive].slice(0, ARCHIVE_KEPT),
  };
  if (save()) return true;
  progress = before; // the current incident stays as it was, on this page and in storage
  return false;
}

/** Delete one past incident (its index in archived()). Returns whether it was saved. */
export function deleteArchived(index) {
  progress.archive = progress.archive.filter((_, i) => i !== index);
  return save();
}

/** Delete every record of the guidebook on this device (both keys of the progress, and the preparer of forms.js). */
export function deleteAll() {
  progress = emptyProgress();
  storage = openStorage();
  try {
    storage?.removeItem(KEY);
    storage?.removeItem(LEGACY_KEY);
    storage?.removeItem(PREPARER_KEY);
  } catch {
    return false;
  }
  writable = storage !== null;
  deleted = true;
  Object.assign(status, { problem: storage ? null : "blocked", dropped: null });
  return true;
}
