/* The incident record page (gb-record.html): the incident's name, start and roles, a summary,
 * a chronological log of every check and every check undone, the items still open in each
 * phase window, exports (JSON, CSV, text), printing, and past incidents (open read only,
 * print, export, delete). Every text from the data or the reader is set as text. */
import { SHOWN, find, listen, manifest, part, parts, setText } from "./dom.js";
import { incidentTest } from "./scope.js";
import * as store from "./store.js";
import { csvCell, csvText, safe } from "./csv.js";
import { currentRecord, download, exportData } from "./transfer.js";
import { addWords, say, timeFormat } from "./words.js";
import { ARCHIVE_KEPT } from "./saved.js";

addWords(typeof GB_WORDS_record === "string" && GB_WORDS_record); // its words, in its file (macros/script_words.py)

let viewing = null; // index in store.archived() of the past incident shown, or null for the current one

/** "Nov 20, 2026, 2:00 PM". */
const when = (iso) => timeFormat("year").format(new Date(iso));

/** A log entry's time, shorter: "Nov 20, 2:00 PM". */
const logTime = (iso) => timeFormat("day").format(new Date(iso));

/** "+1:05" (hours:minutes since the start), "-0:10" before it, "" without a start or time. */
export function elapsed(at, start) {
  if (!at || !start) return "";
  const minutes = Math.round((Date.parse(at) - Date.parse(start)) / 60000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
}

/** The record shown: the current incident, or a past one. */
export function shownRecord() {
  return viewing === null ? currentRecord() : store.archived()[viewing];
}

const countChecks = (checks) => [...checks.values()].reduce((n, items) => n + items.size, 0);

/** Every event of a record, oldest first: { at, checklist, item, event, who?, note? }. */
export function events(record) {
  const list = [];
  for (const [checklist, items] of record.checks) {
    for (const [item, check] of items) list.push({ ...check, checklist, item, event: "checked" });
  }
  for (const entry of record.log) {
    list.push({ ...entry, event: "checked" });
    list.push({ ...entry, at: entry.undone, event: entry.replaced ? "replaced" : "undone" });
  }
  const time = (e) => (e.at ? Date.parse(e.at) : Infinity);
  return list.sort((a, b) => time(a) - time(b));
}

/** One event as the cells of a row (log table, CSV, text). */
export function eventCells(event, record, book, texts) {
  const checklist = book.checklists.find((c) => c.id === event.checklist);
  return {
    elapsed: elapsed(event.at, record.incident?.start),
    time: event.at ? logTime(event.at) : "",
    checklist: checklist?.title ?? event.checklist,
    item: texts[event.checklist]?.[event.item] ?? event.item,
    event: say(`record.event_${event.event}`),
    who: event.who ?? "",
    note: event.note ?? "",
  };
}

const COLUMNS = ["elapsed", "time", "checklist", "item", "event", "who", "note"];

function showLog(root, record, book, texts) {
  const body = part(root, "record-log").tBodies[0];
  const rows = document.createDocumentFragment();
  const list = events(record);
  for (const event of list) {
    const row = document.createElement("tr");
    const cells = eventCells(event, record, book, texts);
    for (const column of COLUMNS) row.insertCell().textContent = cells[column];
    rows.append(row);
  }
  body.replaceChildren(rows);
  part(root, "record-log-empty").hidden = list.length > 0;
}

/** The incident checklists' open items, by checklist: `groups` ({ checklist, items }) for the checklists the
 * incident used (a check, or a check undone) or that its roles have (`roleLists`: role id -> checklist ids),
 * in the guidebook's order; `others` ({ checklist, items }) for the other incident checklists, summed up
 * in one line. */
export function openItems(record, book, roleLists = {}) {
  const isIncident = incidentTest(book);
  const used = new Set([...record.checks.keys(), ...record.log.map((e) => e.checklist)]);
  for (const role of record.incident?.roles ?? []) for (const id of roleLists[role] ?? []) used.add(id);
  const groups = [];
  const others = [];
  for (const checklist of book.checklists.filter((c) => isIncident(c.id))) {
    const items = checklist.items.filter((item) => !record.checks.get(checklist.id)?.has(item));
    if (items.length) (used.has(checklist.id) ? groups : others).push({ checklist, items });
  }
  return { groups, others };
}

const openCount = (groups) => groups.reduce((n, g) => n + g.items.length, 0);

/** "Not used in this incident nor for its roles: Municipal crisis response (11 open), ..." or "". */
function othersLine(others) {
  if (!others.length) return "";
  const list = others.map((o) => say("record.open_other", { title: o.checklist.title, count: o.items.length }));
  return say("record.open_others", { list: list.join(", ") });
}

function showOpen(root, record, book, texts, roleLists) {
  const box = part(root, "record-open");
  const { groups, others } = openItems(record, book, roleLists);
  const content = document.createDocumentFragment();
  for (const { checklist, items } of groups) {
    const heading = document.createElement("h3");
    heading.textContent = `${checklist.title} (${items.length})`;
    const list = document.createElement("ul");
    list.className = "gb-record-open-list";
    for (const item of items) list.append(Object.assign(document.createElement("li"), { textContent: texts[checklist.id]?.[item] ?? item }));
    content.append(heading, list);
  }
  if (!groups.length && !others.length) content.append(Object.assign(document.createElement("p"), { textContent: say("record.open_none") }));
  if (others.length) content.append(Object.assign(document.createElement("p"), { className: "gb-record-others", textContent: othersLine(others) }));
  box.replaceChildren(content);
}

const incidentName = (incident) => incident?.name ?? say("record.unnamed");

/** The summary rows: [label, value]. */
export function summaryRows(record, book, roleLists = {}) {
  const open = openCount(openItems(record, book, roleLists).groups);
  return [
    [say("record.incident"), incidentName(record.incident)],
    [say("record.started"), record.incident?.start ? when(record.incident.start) : say("record.not_started")],
    [record.archived ? say("record.archived_on") : say("record.as_of"), when(record.archived ?? new Date().toISOString())],
    [say("record.roles_legend"), (record.incident?.roles ?? []).map((id) => book.roles.find((r) => r.id === id)?.name ?? id).join(", ")],
    [say("record.checked_count"), String(countChecks(record.checks))],
    [say("record.undone_count"), String(record.log.length)],
    [say("record.open_count"), String(open)],
  ];
}

function showSummary(root, record, book, roleLists) {
  const body = part(root, "record-summary").tBodies[0];
  const rows = summaryRows(record, book, roleLists).map(([label, value]) => {
    const row = document.createElement("tr");
    const head = document.createElement("th");
    head.scope = "row";
    head.textContent = label;
    row.append(head);
    row.insertCell().textContent = value;
    return row;
  });
  body.replaceChildren(...rows);
}

/** A datetime-local value in this device's time zone, from an ISO time. */
function localInput(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function showForm(root, record) {
  const form = part(root, "record-form");
  const name = part(form, "record-name");
  const start = part(form, "record-start");
  if (document.activeElement !== name) name.value = record.incident?.name ?? "";
  if (document.activeElement !== start) start.value = localInput(record.incident?.start);
  for (const box of parts(form, "record-role")) box.checked = (record.incident?.roles ?? []).includes(box.value);
  for (const field of form.elements) field.disabled = viewing !== null;
}

function showViewing(root) {
  const banner = part(root, "record-viewing");
  banner.hidden = viewing === null;
  part(root, "record-current-only").hidden = viewing !== null;
  if (viewing !== null) setText(part(banner, "record-viewing-text"), say("record.viewing", { when: when(store.archived()[viewing].archived) }));
  setText(part(root, "record-print-title"), `${say("record.title_print")}: ${incidentName(shownRecord().incident)}`);
}

let loadedTexts = null; // each item's words, from the file the page names (on-demand.js loadRecordPage)

/** Each item's words, loaded from the file the page names (data-src of record-texts), with these modules. */
export function useTexts(texts) {
  loadedTexts = texts;
}

/** What the page holds for the script: each item's words (in the page, or loaded: useTexts), and each role's
 * incident checklists. */
export function pageData(page) {
  const data = part(page, "record-texts").dataset;
  return { texts: loadedTexts ?? JSON.parse(data.texts), roleLists: JSON.parse(data.roles ?? "{}") };
}

/** Show the record page, when this page is one. */
export function showRecord(root) {
  const page = find(root, "record-page");
  if (!page) return;
  performance.mark("gb-record-render-start");
  page.classList.add(SHOWN);
  if (viewing !== null && !store.archived()[viewing]) viewing = null;
  const book = manifest();
  const { texts, roleLists } = pageData(page);
  const record = shownRecord();
  showViewing(page);
  showForm(page, record);
  showSummary(page, record, book, roleLists);
  showLog(page, record, book, texts);
  showOpen(page, record, book, texts, roleLists);
  showHistory(page, book);
  performance.measure("gb-record-render", "gb-record-render-start");
}

function historyEntry(record, index) {
  const item = document.createElement("li");
  const label = document.createElement("p");
  label.textContent = say("record.history_item", {
    name: incidentName(record.incident), count: countChecks(record.checks),
    start: record.incident?.start ? when(record.incident.start) : say("record.not_started"), archived: when(record.archived),
  });
  const actions = document.createElement("p");
  actions.className = "gb-actions";
  for (const action of ["open", "delete"]) {
    const button = document.createElement("button");
    Object.assign(button, { type: "button", className: "gb-button", textContent: say(`record.${action}`) });
    if (action === "delete") button.classList.add("gb-button--destructive");
    button.dataset.gb = `history-${action}`;
    button.dataset.index = String(index);
    button.setAttribute("aria-label", `${say(`record.${action}`)}: ${label.textContent}`);
    actions.append(button);
  }
  item.append(label, actions);
  return item;
}

function showHistory(root) {
  const list = part(root, "record-history");
  const archive = store.archived();
  const kept = [say("record.history_kept", { count: ARCHIVE_KEPT }), archive.length ? "" : say("record.history_empty")];
  setText(part(root, "record-history-kept"), kept.filter(Boolean).join(" "));
  list.replaceChildren(...archive.map(historyEntry));
}

// ---- exports ---------------------------------------------------------------------------------------------

export { csvCell };

/** The name of an incident, or the words for one with none. */
export const nameOf = (incident) => incidentName(incident);

const CSV_COLUMNS = ["elapsed", "date", "time", "checklist", "item", "event", "who", "note", "iso"];

/** One event as the CSV's cells: local date and time as the page shows them, elapsed as "0:20" (before the
 * start "-0:10"), the ISO time (UTC) last. */
function csvEventRow(event, record, book, texts) {
  const cells = eventCells(event, record, book, texts);
  const at = event.at ? new Date(event.at) : null;
  const own = {
    elapsed: cells.elapsed.replace(/^\+/, ""), date: at ? timeFormat("date").format(at) : "",
    time: at ? timeFormat("time").format(at) : "", iso: event.at ?? "",
  };
  return CSV_COLUMNS.map((c) => (c in own ? safe(own[c]) : cells[c]));
}

/** The record as a spreadsheet: the incident's name, start and as-of time in the first rows, then the log. */
export function recordCsv(record, book, texts) {
  const stamp = (iso) => (iso ? [safe(when(iso)), safe(iso)] : [say("record.not_started")]);
  const asOf = record.archived ?? new Date().toISOString();
  return csvText([
    [say("record.incident"), incidentName(record.incident)],
    [say("record.started"), ...stamp(record.incident?.start)],
    [record.archived ? say("record.archived_on") : say("record.as_of"), ...stamp(asOf)],
    [],
    CSV_COLUMNS.map((c) => say(`record.csv_${c}`)),
    ...events(record).map((e) => csvEventRow(e, record, book, texts)),
  ]);
}

export function recordText(record, book, texts, roleLists = {}) {
  const lines = [say("record.text_heading", { name: incidentName(record.incident) }), ""];
  for (const [label, value] of summaryRows(record, book, roleLists)) lines.push(`${label}: ${value}`);
  lines.push("", say("record.log_caption"));
  for (const e of events(record)) {
    const c = eventCells(e, record, book, texts);
    const extra = [c.who && say("record.by", { who: c.who }), c.note].filter(Boolean).join("; ");
    const said = extra ? `(${extra})` : "";
    const head = [c.elapsed || "-", c.time].join(" ");
    lines.push([`${head}  ${c.item} (${c.checklist}):`, c.event, said].filter(Boolean).join(" "));
  }
  lines.push("", say("record.open_count"));
  const { groups, others } = openItems(record, book, roleLists);
  for (const { checklist, items } of groups) {
    lines.push(`${checklist.title}:`, ...items.map((item) => `- ${texts[checklist.id]?.[item] ?? item}`));
  }
  if (others.length) lines.push(othersLine(others));
  return `${lines.join("\n")}\n`;
}

function exportRecord(page, format) {
  const book = manifest();
  const { texts, roleLists } = pageData(page);
  const record = shownRecord();
  const day = (record.archived ?? new Date().toISOString()).slice(0, 10);
  const name = `incident-record-${day}`;
  if (format === "json") download(`${name}.json`, JSON.stringify(exportData(book, record), null, 2));
  if (format === "csv") download(`${name}.csv`, recordCsv(record, book, texts), "text/csv");
  if (format === "text") download(`${name}.txt`, recordText(record, book, texts, roleLists), "text/plain");
}

// ---- the controls ----------------------------------------------------------------------------------------

function editIncident(page, changed) {
  const form = part(page, "record-form");
  const start = part(form, "record-start").value;
  store.setIncident({
    name: part(form, "record-name").value.trim().slice(0, 200),
    start: start ? new Date(start).toISOString() : null,
    roles: parts(form, "record-role").filter((box) => box.checked).map((box) => box.value),
  });
  changed();
}

function archive(page, changed) {
  if (!confirm(say("record.archive_confirm"))) return;
  const done = store.archiveIncident(incidentTest(manifest()));
  changed();
  setText(part(page, "record-status"), say(done ? "record.archived_done" : "record.archive_failed"));
}

function historyAction(page, button, changed) {
  const index = Number(button.dataset.index);
  const record = store.archived()[index];
  if (button.dataset.gb === "history-open") {
    viewing = index;
    changed();
    part(page, "record-viewing").scrollIntoView();
    part(page, "record-back").focus();
    return;
  }
  if (!confirm(say("record.delete_confirm", { name: incidentName(record.incident) }))) return;
  store.deleteArchived(index);
  if (viewing !== null) viewing = null;
  changed();
  setText(part(page, "record-status"), say("record.deleted"));
}

function deleteEverything(page, changed) {
  if (!confirm(say("privacy.delete_all_confirm"))) return;
  store.deleteAll();
  viewing = null;
  changed();
  setText(part(page, "delete-all-status"), say("privacy.deleted_all"));
}

export function initRecord(root, changed) {
  const page = find(root, "record-page");
  if (!page) return;
  viewing = null;
  listen(part(page, "record-form"), "change", () => editIncident(page, changed));
  listen(part(page, "record-form"), "submit", (event) => event.preventDefault());
  listen(part(page, "record-print"), "click", () => print());
  for (const button of parts(page, "record-export")) listen(button, "click", () => exportRecord(page, button.dataset.format));
  listen(part(page, "record-archive"), "click", () => archive(page, changed));
  listen(part(page, "record-history"), "click", (event) => {
    const button = event.target.closest("button[data-index]");
    if (button) historyAction(page, button, changed);
  });
  listen(part(page, "record-back"), "click", () => {
    viewing = null;
    changed();
  });
  listen(part(page, "delete-all"), "click", () => deleteEverything(page, changed));
}
