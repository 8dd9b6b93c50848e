/* Saved progress: its format, and reading it back field by field.
 *
 * Stored in localStorage under KEY as JSON, format version 3:
 *   { "version": 3,
 *     "checks": { "<checklist-id>": { "<item-id>": { "at": "<ISO time>", "who"?: "...", "note"?: "...",
 *                                                    "who_at"?: "<ISO time>", "note_at"?: "<ISO time>" } } },
 *     "log": [ { "checklist", "item", "at", "undone": "<ISO time unchecked>", "who"?, "note"?, "replaced"?: true } ],
 *     "incident": { "start": "<ISO time>" or null, "name"?: "...", "roles"?: ["<role-id>"] } or null,
 *     "archive": [ { "archived": "<ISO time>", "incident", "checks", "log" } ]  (newest first, at most ARCHIVE_KEPT) }
 * "log" keeps every check that was undone during the current incident, so the
 * record never silently loses that an item had been done; an entry with "replaced": true is a
 * check (or its who or note) that a merge replaced at the time "undone" (merge.js mergeIncident).
 * "who_at" and "note_at" are when who and note were last edited (a merge keeps the later edit of each);
 * without them (checks saved before December 2026) a field counts as edited when the item was checked.
 * Version 2 (until November 2026) is version 3 without "log", with "archive" always [].
 * Version 1 (LEGACY_KEY, until November 2026):
 *   { "ticks": { "<checklist-id>": { "<item-id>": "<ISO time>" } }, "incident": "<ISO time>" or null }
 *
 * Reading never gives up on the whole because of one bad part: every valid
 * check is kept, and each part left out is listed in `dropped`. */

export const KEY = "ccm-guidebook.progress";
export const LEGACY_KEY = "ccm-guidebook.progress.v1";
/** The name, position and agency of whoever prepares the ICS 214-format log on this device (forms.js). */
export const PREPARER_KEY = "ccm-guidebook.preparer";
/** What marks a handover link's data in an address's fragment (handover.js; on-demand.js: the record page loads its modules for it). */
export const HANDOVER_MARK = "handover=";
export const VERSION = 3;
export const ARCHIVE_KEPT = 20; // past incidents kept on this device; the oldest goes when one more is archived

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EARLIEST = Date.UTC(2000, 0, 1);
const CLOCK_SKEW = 5 * 60 * 1000; // a time this far ahead of this device's clock still counts as now
export const LIMITS = { checklists: 1000, checks: 20000, text: 2000, log: 5000, who: 100, note: 500, name: 200 };

export const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

export const isId = (value) => typeof value === "string" && value.length <= 100 && ID.test(value);

// An ISO 8601 date and time with its zone, as toISOString() writes it (seconds and milliseconds optional).
// Date.parse alone accepts much more ("=HYPERLINK(...) 1 Jan 2026"), which would then reach a spreadsheet.
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?(?:Z|[+-]\d\d:\d\d)$/;

/** An ISO time between 2000 and now: true for "2026-11-23T09:00:00.000Z", false for the year 9999. */
export function isTime(value, now = Date.now()) {
  if (typeof value !== "string" || value.length > 40 || !ISO_TIME.test(value)) return false;
  const time = Date.parse(value);
  return time >= EARLIEST && time <= now + CLOCK_SKEW;
}

/** An empty progress: checks is a Map of checklist id -> Map of item id -> check. */
export const emptyProgress = () => ({ checks: new Map(), log: [], incident: null, archive: [] });

/** A short text: a string of at most `limit` characters. */
export const isText = (value, limit) => typeof value === "string" && value.length <= limit;

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
    if (field.endsWith("_at")) {
      if (isTime(content, now)) check[field] = content;
      else dropped.other += 1;
      continue;
    }
    const limit = LIMITS[field] ?? LIMITS.text; // who and note have their own, shorter limits
    if (typeof content === "string" && content.length <= limit && content !== "") check[field] = content;
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

/** { start, name?, roles? } or null. A bad start drops only the start; a bad name or role list only itself. */
export function readIncident(incident, dropped, now) {
  if (incident === null || incident === undefined) return null;
  if (!isObject(incident)) {
    dropped.parts.push({ kind: "incident" });
    return null;
  }
  const read = { start: null };
  if (isTime(incident.start, now)) read.start = incident.start;
  else if (incident.start !== null && incident.start !== undefined) dropped.parts.push({ kind: "incident" });
  if (isText(incident.name, LIMITS.name) && incident.name.trim()) read.name = incident.name;
  else if (incident.name !== undefined) dropped.other += 1;
  if (Array.isArray(incident.roles) && incident.roles.length <= 50 && incident.roles.every(isId)) {
    read.roles = [...incident.roles];
  } else if (incident.roles !== undefined) dropped.other += 1;
  return read.start || read.name || read.roles ? read : null;
}

function readLogEntry(entry, now) {
  if (!isObject(entry) || !isId(entry.checklist) || !isId(entry.item)) return null;
  if (!isTime(entry.undone, now) || !(entry.at === null || isTime(entry.at, now))) return null;
  const read = { checklist: entry.checklist, item: entry.item, at: entry.at, undone: entry.undone };
  if (isText(entry.who, LIMITS.who) && entry.who) read.who = entry.who;
  if (isText(entry.note, LIMITS.note) && entry.note) read.note = entry.note;
  if (entry.replaced === true) read.replaced = true;
  return read;
}

/** The undone checks of an incident, oldest first, at most LIMITS.log (the newest kept). */
export function readLog(log, dropped, now) {
  if (log === undefined) return [];
  if (!Array.isArray(log)) {
    dropped.other += 1;
    return [];
  }
  const read = [];
  for (const entry of log.slice(-LIMITS.log)) {
    const valid = readLogEntry(entry, now);
    if (valid) read.push(valid);
    else dropped.other += 1;
  }
  return read;
}

function readArchived(record, dropped, now) {
  if (!isObject(record) || !isTime(record.archived, now)) return null;
  return {
    archived: record.archived,
    incident: readIncident(record.incident, dropped, now),
    checks: readChecks(record, dropped, now),
    log: readLog(record.log, dropped, now),
  };
}

function readArchive(archive, dropped, now) {
  if (archive === undefined) return [];
  if (!Array.isArray(archive)) {
    dropped.other += 1;
    return [];
  }
  const read = [];
  for (const record of archive.slice(0, ARCHIVE_KEPT)) {
    const valid = readArchived(record, dropped, now);
    if (valid) read.push(valid);
    else dropped.other += 1;
  }
  return read;
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
    log: readLog(saved.log, dropped, now),
    incident: readIncident(saved.incident, dropped, now),
    archive: readArchive(saved.archive, dropped, now),
  };
  return { progress, dropped, problem: newer ? "newer" : null };
}

/** Progress saved under a renamed item's former id counts for the item: `renamed` maps each former id to the
 * item's id now (data's `former_ids`, the manifest's "renamed"). Checks, log entries and past incidents move
 * to the new id; where the new id already has a check, the old one stays as it was (nothing is dropped). */
export function renameItems(progress, renamed) {
  const now = (item) => (renamed && Object.hasOwn(renamed, item) ? renamed[item] : item);
  const move = (checks) => {
    for (const items of checks.values()) {
      for (const [item, check] of [...items]) {
        if (now(item) === item || items.has(now(item))) continue;
        items.set(now(item), check);
        items.delete(item);
      }
    }
  };
  const relabel = (log) => log.forEach((entry) => { entry.item = now(entry.item); });
  move(progress.checks);
  relabel(progress.log);
  for (const past of progress.archive) {
    move(past.checks);
    relabel(past.log);
  }
  return progress;
}

/** checklist id -> Map of checks, as a plain object for JSON. */
export function checksObject(checks) {
  const plain = {};
  for (const [checklist, items] of checks) plain[checklist] = Object.fromEntries(items);
  return plain;
}

const archivedObject = (record) => ({ ...record, checks: checksObject(record.checks) });

/** The progress as stored (version 3). */
export function serialize(progress) {
  return JSON.stringify({
    version: VERSION,
    checks: checksObject(progress.checks),
    log: progress.log,
    incident: progress.incident,
    archive: progress.archive.map(archivedObject),
  });
}
