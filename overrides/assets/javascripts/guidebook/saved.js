/* Saved progress: its format, and reading it back field by field.
 *
 * Stored in localStorage under KEY as JSON, format version 2:
 *   { "version": 2,
 *     "checks": { "<checklist-id>": { "<item-id>": { "at": "<ISO time checked>" } } },
 *     "incident": { "start": "<ISO time the incident began>" } or null,
 *     "archive": [] }
 * A check is an object so that it can later carry who checked it and a note;
 * "archive" is kept for past incidents. Other fields of a check are kept as
 * they are when they are short text.
 * Version 1 (LEGACY_KEY, until November 2026):
 *   { "ticks": { "<checklist-id>": { "<item-id>": "<ISO time>" } }, "incident": "<ISO time>" or null }
 *
 * Reading never gives up on the whole because of one bad part: every valid
 * check is kept, and each part left out is listed in `dropped`. */

export const KEY = "ccm-guidebook.progress";
export const LEGACY_KEY = "ccm-guidebook.progress.v1";
export const VERSION = 2;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EARLIEST = Date.UTC(2000, 0, 1);
const CLOCK_SKEW = 5 * 60 * 1000; // a time this far ahead of this device's clock still counts as now
export const LIMITS = { checklists: 1000, checks: 20000, text: 2000 };

export const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

export const isId = (value) => typeof value === "string" && value.length <= 100 && ID.test(value);

/** An ISO time between 2000 and now: true for "2026-11-23T09:00:00.000Z", false for the year 9999. */
export function isTime(value, now = Date.now()) {
  if (typeof value !== "string" || value.length > 40) return false;
  const time = Date.parse(value);
  return time >= EARLIEST && time <= now + CLOCK_SKEW;
}

/** An empty progress: checks is a Map of checklist id -> Map of item id -> check. */
export const emptyProgress = () => ({ checks: new Map(), incident: null, archive: [] });

/** Version 1 -> version 2: each tick time becomes a check {at}, the incident start {start}.
 * Parts of the wrong type are passed on as they are, for the reading below to report. */
export function migrateV1(saved) {
  const toCheck = ([item, time]) => [item, { at: time }];
  const toChecklist = ([id, items]) => [id, isObject(items) ? Object.fromEntries(Object.entries(items).map(toCheck)) : items];
  const ticks = saved.ticks;
  const checks = isObject(ticks) ? Object.fromEntries(Object.entries(ticks).map(toChecklist)) : ticks;
  const incident = typeof saved.incident === "string" ? { start: saved.incident } : saved.incident;
  return { version: VERSION, checks, incident: incident ?? null, archive: [] };
}

function readCheck(value, dropped, now) {
  if (!isObject(value)) return { check: { at: null }, badTime: true };
  const check = { at: isTime(value.at, now) ? value.at : null };
  for (const [field, content] of Object.entries(value)) {
    if (field === "at") continue;
    if (typeof content === "string" && content.length <= LIMITS.text) check[field] = content;
    else dropped.other += 1;
  }
  return { check, badTime: check.at === null && value.at !== undefined };
}

function readChecklist(id, items, dropped, now) {
  const checks = new Map();
  for (const [item, value] of Object.entries(items)) {
    if (!isId(item)) {
      dropped.parts.push({ kind: "check", id: item });
      continue;
    }
    if (dropped.count >= LIMITS.checks) {
      dropped.other += 1;
      continue;
    }
    const { check, badTime } = readCheck(value, dropped, now);
    if (badTime) dropped.times += 1;
    checks.set(item, check);
    dropped.count += 1;
  }
  return checks;
}

function readChecks(saved, dropped, now) {
  const checks = new Map();
  if (saved.checks === undefined) return checks;
  if (!isObject(saved.checks)) {
    dropped.other += 1;
    return checks;
  }
  for (const [id, items] of Object.entries(saved.checks)) {
    if (!isId(id) || !isObject(items) || checks.size >= LIMITS.checklists) {
      dropped.parts.push({ kind: "checklist", id });
      continue;
    }
    const list = readChecklist(id, items, dropped, now);
    if (list.size) checks.set(id, list);
  }
  return checks;
}

function readIncident(saved, dropped, now) {
  const incident = saved.incident;
  if (incident === null || incident === undefined) return null;
  if (isObject(incident) && isTime(incident.start, now)) return incident.start;
  dropped.parts.push({ kind: "incident" });
  return null;
}

/** Saved JSON text -> { progress, dropped, problem }. `problem` is "damaged" (nothing readable: keep the
 * text, write nothing) or "newer" (a later version of the format: show what is readable, write nothing). */
export function readSaved(text, { legacy = false, now = Date.now() } = {}) {
  const dropped = { parts: [], times: 0, other: 0, count: 0 };
  let saved;
  try {
    saved = JSON.parse(text);
  } catch {
    return { progress: emptyProgress(), dropped, problem: "damaged" };
  }
  if (!isObject(saved)) return { progress: emptyProgress(), dropped, problem: "damaged" };
  if (legacy) saved = migrateV1(saved);
  const newer = typeof saved.version === "number" && saved.version > VERSION;
  const progress = {
    checks: readChecks(saved, dropped, now),
    incident: readIncident(saved, dropped, now),
    archive: Array.isArray(saved.archive) ? saved.archive : [],
  };
  return { progress, dropped, problem: newer ? "newer" : null };
}

/** The progress as stored (version 2). */
export function serialize(progress) {
  const checks = {};
  for (const [checklist, items] of progress.checks) checks[checklist] = Object.fromEntries(items);
  const incident = progress.incident ? { start: progress.incident } : null;
  return JSON.stringify({ version: VERSION, checks, incident, archive: progress.archive });
}
