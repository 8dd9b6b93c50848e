/* Export the progress to a JSON file, and import one (home page, gb-progress.html; loaded
 * when first used, by on-demand.js).
 * The file format: { format, format_version: 2, guidebook, guidebook_version, exported_at,
 *   incident_start, incident: { start, name?, roles? },
 *   checklists: [{ id, title, ticked: [{ id, ticked_at, who?, note?, who_at?, note_at? }] }],
 *   undone: [{ checklist, item, at, undone, who?, note?, replaced? }] }.
 * who_at and note_at (when who and note were last edited; December 2026) are added fields: older
 * versions of the site read such files and ignore them.
 * A checklist (or an item) listed twice is merged, as a handover merge does (merge.js mergeChecks),
 * and the result names it (`repeated`).
 * Version 1 files (no who, note, incident name, roles or undone checks) are read too.
 * The incident record page and handover links (record.js, handover.js) use the same format.
 * An import is bounded (size, number of entries, times between 2000 and now),
 * keeps every known check and names what it leaves out, briefly. */
import { LIMITS, isObject, isText, isTime, readIncident, readLog } from "./saved.js";
import { mergeChecks } from "./merge.js";
import { scopes } from "./scope.js";
import * as store from "./store.js";
import { addWords, say, shortList } from "./words.js";

addWords(typeof GB_WORDS_transfer === "string" && GB_WORDS_transfer); // its words, in its file (macros/script_words.py)

const FORMAT = "ccm-guidebook-progress";
const FORMAT_VERSION = 2;
export const MAX_BYTES = 1024 * 1024;
const MAX_ENTRIES = 20000;

export class ImportProblem extends Error {
  constructor(key, values = {}) {
    super(key);
    this.values = values;
  }
}

export function download(name, text, type = "application/json") {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

const OPTIONAL = ["who", "note", "who_at", "note_at"];

const tickOf = (id, check) => ({
  id, ticked_at: check.at, ...Object.fromEntries(OPTIONAL.filter((f) => check[f]).map((f) => [f, check[f]])),
});

/** The items of checklist `c` that `record` has checked. Where the page's manifest is a summary
 * without the checklist's items (partials/gb-status.html), every stored check is kept. */
function checkedItems(c, record) {
  const checks = record.checks.get(c.id);
  if (!c.items) return [...(checks?.keys() ?? [])];
  return c.items.filter((item) => checks?.has(item));
}

/** The checklists to export: the manifest's, in its order; on a page whose manifest is a summary, also
 * every other checklist the record has checks for (its title from the manifest where it has one). */
function exported(book, record) {
  if (!book.checklists.some((c) => !c.items)) return book.checklists;
  const listed = new Set(book.checklists.map((c) => c.id));
  const titles = new Map(scopes(book).preparation.map((c) => [c.id, c.title]));
  const others = [...record.checks.keys()].filter((id) => !listed.has(id)).map((id) => ({ id, title: titles.get(id) }));
  return [...book.checklists, ...others];
}

/** A record ({ checks, incident, log }, as in store.js) in the file format, for a file or a handover link. */
export function exportData(book, record, now = new Date().toISOString()) {
  const checklists = exported(book, record)
    .map((c) => ({ c, checked: checkedItems(c, record) }))
    .filter(({ checked }) => checked.length)
    .map(({ c, checked }) => ({
      id: c.id, title: c.title, ticked: checked.map((id) => tickOf(id, record.checks.get(c.id).get(id))),
    }));
  return {
    format: FORMAT, format_version: FORMAT_VERSION,
    guidebook: book.title, guidebook_version: book.version,
    exported_at: now, incident_start: record.incident?.start ?? null, incident: record.incident ?? null,
    checklists, undone: record.log ?? [],
  };
}

/** The current progress as the store holds it. */
export const currentRecord = () => ({ checks: store.allChecks(), incident: store.incident(), log: store.undoneLog() });

export function exportFile(book) {
  const now = new Date().toISOString();
  const data = exportData(book, currentRecord(), now);
  download(`guidebook-progress-${now.slice(0, 10)}.json`, JSON.stringify(data, null, 2));
}

export function parseFile(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportProblem("import.foreign");
  }
  if (!isObject(data) || data.format !== FORMAT) throw new ImportProblem("import.foreign");
  if (!(data.format_version <= FORMAT_VERSION)) throw new ImportProblem("import.newer");
  if (!Array.isArray(data.checklists)) throw new ImportProblem("import.damaged");
  const undone = Array.isArray(data.undone) ? data.undone.length : 0;
  const entries = data.checklists.reduce((n, c) => n + 1 + (Array.isArray(c?.ticked) ? c.ticked.length : 0), undone);
  if (entries > MAX_ENTRIES) throw new ImportProblem("import.too_many", { count: entries });
  return data;
}

function readTick(tick, now) {
  const at = isObject(tick) && isTime(tick.ticked_at, now) ? tick.ticked_at : null;
  const check = { at };
  if (!isObject(tick)) return check;
  if (isText(tick.who, LIMITS.who) && tick.who) check.who = tick.who;
  if (isText(tick.note, LIMITS.note) && tick.note) check.note = tick.note;
  for (const field of ["who_at", "note_at"]) if (isTime(tick[field], now)) check[field] = tick[field];
  return check;
}

/** A text id as it is now: an item renamed since the file or link was made (its former id, the manifest's
 * `renamed`) is read under its id today. Anything but a string is no id ("?"). */
export function currentId(book, id) {
  if (typeof id !== "string") return "?";
  return book.renamed && Object.hasOwn(book.renamed, id) ? book.renamed[id] : id;
}

/** Read one entry of `checklists` into `checks`; an item already read (the checklist or the item listed
 * twice) is merged with it, and the checklist is named in `repeated`. */
function readChecklist(entry, known, checks, result, now, book) {
  const items = checks.get(known.id) ?? new Map();
  if (checks.has(known.id)) result.repeated.add(known.id);
  for (const tick of Array.isArray(entry.ticked) ? entry.ticked : []) {
    const id = currentId(book, isObject(tick) ? tick.id : tick);
    if (!known.items.includes(id)) {
      result.ignored.push(`${known.id}#${id}`);
      continue;
    }
    if (items.has(id)) result.repeated.add(known.id);
    items.set(id, mergeChecks(items.get(id), readTick(tick, now)));
  }
  if (items.size) checks.set(known.id, items);
}

const knownItem = (book, entry) => book.checklists.find((c) => c.id === entry.checklist)?.items.includes(entry.item);

/** The incident of a file: { start, name?, roles? } (format 2) or from incident_start (format 1). */
function importIncident(data, now) {
  const dropped = { parts: [], times: 0, other: 0 };
  const incident = isObject(data.incident) ? readIncident(data.incident, dropped, now) : null;
  return incident ?? (isTime(data.incident_start, now) ? { start: data.incident_start } : null);
}

/** An exported file's text -> { checks, incident, log, ignored, repeated, badStart }; throws an ImportProblem. */
export function readImport(text, book, now = Date.now()) {
  return readData(parseFile(text), book, now);
}

/** Parsed file data -> { checks, incident, log, ignored, repeated, badStart }. `repeated` lists the ids of
 * checklists that the data lists twice (or with an item twice): their entries were merged. */
export function readData(data, book, now = Date.now()) {
  const checks = new Map();
  const ignored = [];
  const result = { ignored, repeated: new Set() };
  for (const entry of data.checklists) {
    const known = isObject(entry) ? book.checklists.find((c) => c.id === entry.id) : null;
    if (known) readChecklist(entry, known, checks, result, now, book);
    else ignored.push(isObject(entry) && typeof entry.id === "string" ? entry.id : "?");
  }
  const start = data.incident_start ?? null;
  const badStart = start !== null && !isTime(start, now);
  const log = readLog(data.undone, { parts: [], times: 0, other: 0 }, now)
    .map((entry) => ({ ...entry, item: currentId(book, entry.item) })).filter((entry) => knownItem(book, entry));
  return {
    checks, incident: importIncident(data, now), log, ignored, repeated: [...result.repeated],
    badStart: badStart ? String(start).slice(0, 40) : null,
  };
}

/** "Listed twice, merged: ..." for the checklists a file or a link lists twice. */
export function repeatedNote(repeated, book) {
  const titles = repeated.map((id) => book.checklists.find((c) => c.id === id)?.title ?? id);
  return say("import.repeated", { titles: shortList(titles) });
}

const countChecks = (checks) => [...checks.values()].reduce((n, items) => n + items.size, 0);

function importText(text, file, out, book, changed) {
  let result;
  try {
    result = readImport(text, book);
  } catch (problem) {
    if (!(problem instanceof ImportProblem)) throw problem;
    out.textContent = say(problem.message, problem.values);
    return;
  }
  const values = { count: countChecks(result.checks), file: file.name.slice(0, 80) };
  if (!confirm(say("import.confirm", values))) {
    out.textContent = say("import.cancelled");
    return;
  }
  store.replaceAll(result.checks, result.incident, result.log);
  changed();
  const notes = [say("import.imported", values)];
  if (result.ignored.length) {
    notes.push(say("import.ignored", { unknown: result.ignored.length, ignored: shortList(result.ignored) }));
  }
  if (result.repeated.length) notes.push(repeatedNote(result.repeated, book));
  if (result.badStart) notes.push(say("import.bad_start", { value: result.badStart }));
  out.textContent = notes.join(" ");
}

/** Import a file the reader chose (the controls are wired in on-demand.js, which loads this module). */
export function importFile(file, out, book, changed) {
  if (file.size > MAX_BYTES) {
    out.textContent = say("import.too_big", { kilobytes: Math.round(file.size / 1024) });
    return;
  }
  const reader = new FileReader();
  reader.onload = () => importText(reader.result, file, out, book, changed);
  reader.onerror = () => { out.textContent = say("import.unreadable"); };
  reader.readAsText(file);
}
