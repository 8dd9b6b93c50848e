/* Export the progress to a JSON file, and import one (home page, gb-progress.html).
 * The file format: { format, format_version: 1, guidebook, guidebook_version, exported_at,
 *   incident_start, checklists: [{ id, title, ticked: [{ id, ticked_at }] }] }.
 * An import is bounded (size, number of entries, times between 2000 and now),
 * keeps every known check and names what it leaves out, briefly. */
import { listen, manifest, part } from "./dom.js";
import { isObject, isTime } from "./saved.js";
import * as store from "./store.js";
import { say, shortList } from "./words.js";

const FORMAT = "ccm-guidebook-progress";
const FORMAT_VERSION = 1;
const MAX_BYTES = 1024 * 1024;
const MAX_ENTRIES = 20000;

class ImportProblem extends Error {
  constructor(key, values = {}) {
    super(key);
    this.values = values;
  }
}

function download(name, text) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

export function exportFile(book) {
  const now = new Date().toISOString();
  const checklists = book.checklists
    .map((c) => ({ c, checked: c.items.filter((item) => store.isChecked(c.id, item)) }))
    .filter(({ checked }) => checked.length)
    .map(({ c, checked }) => ({
      id: c.id,
      title: c.title,
      ticked: checked.map((id) => ({ id, ticked_at: store.checkTime(c.id, id) })),
    }));
  const data = {
    format: FORMAT, format_version: FORMAT_VERSION,
    guidebook: book.title, guidebook_version: book.version,
    exported_at: now, incident_start: store.incidentStart(), checklists,
  };
  download(`guidebook-progress-${now.slice(0, 10)}.json`, JSON.stringify(data, null, 2));
}

function parseFile(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportProblem("import.foreign");
  }
  if (!isObject(data) || data.format !== FORMAT) throw new ImportProblem("import.foreign");
  if (!(data.format_version <= FORMAT_VERSION)) throw new ImportProblem("import.newer");
  if (!Array.isArray(data.checklists)) throw new ImportProblem("import.damaged");
  const entries = data.checklists.reduce((n, c) => n + 1 + (Array.isArray(c?.ticked) ? c.ticked.length : 0), 0);
  if (entries > MAX_ENTRIES) throw new ImportProblem("import.too_many", { count: entries });
  return data;
}

function readChecklist(entry, known, checks, ignored, now) {
  const items = new Map();
  for (const tick of Array.isArray(entry.ticked) ? entry.ticked : []) {
    const id = isObject(tick) ? tick.id : tick;
    if (!known.items.includes(id)) {
      ignored.push(`${entry.id}#${id}`);
      continue;
    }
    const at = isObject(tick) && isTime(tick.ticked_at, now) ? tick.ticked_at : null;
    items.set(id, { at });
  }
  if (items.size) checks.set(known.id, items);
}

/** An exported file's text -> { checks, incident, ignored, badStart }; throws an ImportProblem. */
export function readImport(text, book, now = Date.now()) {
  const data = parseFile(text);
  const checks = new Map();
  const ignored = [];
  for (const entry of data.checklists) {
    const known = isObject(entry) ? book.checklists.find((c) => c.id === entry.id) : null;
    if (known) readChecklist(entry, known, checks, ignored, now);
    else ignored.push(isObject(entry) ? String(entry.id) : "?");
  }
  const start = data.incident_start ?? null;
  const badStart = start !== null && !isTime(start, now);
  return { checks, incident: badStart ? null : start, ignored, badStart: badStart ? String(start).slice(0, 40) : null };
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
  store.replaceAll(result.checks, result.incident);
  changed();
  const notes = [say("import.imported", values)];
  if (result.ignored.length) {
    notes.push(say("import.ignored", { unknown: result.ignored.length, ignored: shortList(result.ignored) }));
  }
  if (result.badStart) notes.push(say("import.bad_start", { value: result.badStart }));
  out.textContent = notes.join(" ");
}

function importFile(file, out, book, changed) {
  if (file.size > MAX_BYTES) {
    out.textContent = say("import.too_big", { kilobytes: Math.round(file.size / 1024) });
    return;
  }
  const reader = new FileReader();
  reader.onload = () => importText(reader.result, file, out, book, changed);
  reader.onerror = () => { out.textContent = say("import.unreadable"); };
  reader.readAsText(file);
}

export function initTransfer(root, changed) {
  const input = part(root, "import-file");
  listen(part(root, "export"), "click", () => exportFile(manifest(root)));
  listen(part(root, "import"), "click", () => input.click());
  listen(input, "change", () => {
    if (input.files.length) importFile(input.files[0], part(root, "import-status"), manifest(root), changed);
    input.value = "";
  });
}
