/* The record in the forms officials already use (the "Forms" section of gb-record.html):
 *  - an ICS 214-format activity log: the form's 8 blocks, filled from the record shown (incident name,
 *    operational period, the preparer's name, position and agency, the distinct "who" values as resources
 *    assigned, every check in the period in local date and 24-hour time), printed with "ICS 214, Page N";
 *  - an improvement plan (HSEEP matrix columns): one row per item still open in the checklists the
 *    incident used or whose roles it involved, the other columns blank, then the incident's timeline;
 *    printed, or as a spreadsheet (CSV).
 * Neither is an official FEMA form, and each says so. The preparer's name, position and agency are typed
 * once and kept on this device (saved.js PREPARER_KEY); "Delete all data on this device" deletes them too
 * (store.js deleteAll).
 * Printing sets html.gb-print-ics214 or html.gb-print-plan until "afterprint" (record.css shows the one sheet). */
import { find, listen, manifest, part, setText } from "./dom.js";
import { csvText, safe } from "./csv.js";
import { PREPARER_KEY } from "./saved.js";
import { eventCells, events, nameOf, openItems, pageData, shownRecord } from "./record.js";
import { download } from "./transfer.js";
import { addWords, say, timeFormat } from "./words.js";

addWords(typeof GB_WORDS_forms === "string" && GB_WORDS_forms); // its words, in its file (macros/script_words.py)

const FIELDS = ["name", "position", "agency"];
const PLAN_COLUMNS = ["capability", "issue", "action", "element", "org", "poc", "start", "end"];
const html = () => document.documentElement;

/** The preparer kept on this device: { name, position, agency } ("" for each when none, or storage is blocked). */
export function loadPreparer() {
  let kept = {};
  try {
    kept = JSON.parse(localStorage.getItem(PREPARER_KEY) ?? "{}") ?? {};
  } catch {
    kept = {};
  }
  return Object.fromEntries(FIELDS.map((f) => [f, typeof kept[f] === "string" ? kept[f].slice(0, 150) : ""]));
}

function savePreparer(preparer) {
  try {
    if (FIELDS.some((f) => preparer[f])) localStorage.setItem(PREPARER_KEY, JSON.stringify(preparer));
    else localStorage.removeItem(PREPARER_KEY);
  } catch {
    // kept for this page only
  }
}

const localDate = (date) => timeFormat("numeric").format(date);
const local24 = (date) => timeFormat("time24").format(date);

/** The operational period: the reader's From and To, else the incident start (or the first event) and now. */
export function period(record, fromValue, toValue, now = new Date()) {
  const first = events(record).find((e) => e.at)?.at;
  const from = fromValue ? new Date(fromValue) : new Date(record.incident?.start ?? first ?? now);
  const to = toValue ? new Date(toValue) : new Date(record.archived ?? now);
  return { from, to };
}

/** The notable activity of one event: "Done: item (checklist) by who: note". */
function activity(event, record, book, texts) {
  const cells = eventCells(event, record, book, texts);
  const what = say(`forms.activity_${event.event}`, { item: cells.item, checklist: cells.checklist });
  const head = [what, cells.who && say("record.by", { who: cells.who })].filter(Boolean).join(" ");
  return cells.note ? [head, cells.note].join(": ") : head;
}

/** The activity log's rows in the period: { date, time, text }, oldest first. */
export function activityRows(record, book, texts, { from, to }) {
  return events(record)
    .filter((e) => e.at && Date.parse(e.at) >= from.getTime() && Date.parse(e.at) <= to.getTime())
    .map((e) => ({ date: localDate(new Date(e.at)), time: local24(new Date(e.at)), text: activity(e, record, book, texts) }));
}

/** The resources assigned: the distinct "who" of the checks in the period, in order of first appearance. */
export function resources(record, { from, to }) {
  const inPeriod = events(record).filter((e) => e.who && e.at && Date.parse(e.at) >= from.getTime() && Date.parse(e.at) <= to.getTime());
  return [...new Set(inPeriod.map((e) => e.who))];
}

function rowsOf(body, rows) {
  body.replaceChildren(...rows.map((cells) => {
    const row = document.createElement("tr");
    for (const cell of cells) row.insertCell().textContent = cell;
    return row;
  }));
}

function fillIcs214(page, preparer) {
  const book = manifest();
  const { texts } = pageData(page);
  const record = shownRecord();
  const span = period(record, part(page, "period-from").value, part(page, "period-to").value);
  const sheet = part(page, "ics214-sheet");
  const values = {
    "ics-incident": nameOf(record.incident), "ics-date-from": localDate(span.from), "ics-date-to": localDate(span.to),
    "ics-time-from": local24(span.from), "ics-time-to": local24(span.to), "ics-name": preparer.name,
    "ics-position": preparer.position, "ics-agency": preparer.agency, "ics-prep-name": preparer.name,
    "ics-prep-position": preparer.position, "ics-prep-datetime": `${localDate(new Date())} ${local24(new Date())}`,
  };
  for (const [name, value] of Object.entries(values)) setText(part(sheet, name), value);
  rowsOf(part(sheet, "ics-resources"), resources(record, span).map((who) => [who, "", ""]));
  const log = activityRows(record, book, texts, span).map((r) => [`${r.date} ${r.time}`, r.text]);
  rowsOf(part(sheet, "ics-log"), log.length ? log : [["", say("forms.activity_none")]]);
}

/** The improvement plan's rows: one per item still open in the checklists the incident used or whose roles it
 * involved; Issue is the item and its checklist, every other column blank. */
export function planRows(record, book, texts, roleLists) {
  return openItems(record, book, roleLists).groups.flatMap(({ checklist, items }) => items.map((item) => ({
    issue: say("forms.plan_issue", { item: texts[checklist.id]?.[item] ?? item, checklist: checklist.title }),
  })));
}

const planCells = (row) => PLAN_COLUMNS.map((c) => row[c] ?? "");

/** The improvement plan as a spreadsheet: the incident's name and start, then the matrix. */
export function planCsv(record, book, texts, roleLists) {
  const start = record.incident?.start;
  return csvText([
    [say("record.incident"), nameOf(record.incident)],
    [say("record.started"), ...(start ? [safe(timeFormat("year").format(new Date(start))), safe(start)] : [say("record.not_started")])],
    [],
    PLAN_COLUMNS.map((c) => say(`forms.col_${c}`)),
    ...planRows(record, book, texts, roleLists).map(planCells),
  ]);
}

function fillPlan(page) {
  const book = manifest();
  const { texts, roleLists } = pageData(page);
  const record = shownRecord();
  const sheet = part(page, "plan-sheet");
  setText(part(sheet, "plan-heading"), say("forms.plan_heading", { name: nameOf(record.incident) }));
  const rows = planRows(record, book, texts, roleLists).map(planCells);
  rowsOf(part(sheet, "plan-rows"), rows.length ? rows : [["", say("forms.plan_none"), "", "", "", "", "", ""]]);
  const all = { from: new Date(0), to: new Date(8.64e15) };
  rowsOf(part(sheet, "plan-timeline"), activityRows(record, book, texts, all).map((r) => [`${r.date} ${r.time}`, r.text]));
}

/** "ICS 214, Page " counter(page): the running page number of the ICS 214-format sheet, from the words. */
function icsPageNumber() {
  const [before, after = ""] = say("forms.ics_page", { page: "\u0000" }).split("\u0000");
  return [JSON.stringify(before), "counter(page)", JSON.stringify(after)].join(" ");
}

function printSheet(page, kind) {
  if (kind === "ics214") {
    fillIcs214(page, readPreparer(page));
    html().style.setProperty("--gb-page-number", icsPageNumber());
  } else fillPlan(page);
  html().classList.add(`gb-print-${kind}`);
  print();
}

function afterPrint() {
  const root = html();
  if (!root.classList.contains("gb-print-ics214") && !root.classList.contains("gb-print-plan")) return;
  root.classList.remove("gb-print-ics214", "gb-print-plan");
  root.style.removeProperty("--gb-page-number");
}

function readPreparer(page) {
  return Object.fromEntries(FIELDS.map((f) => [f, part(page, `prep-${f}`).value.trim()]));
}

function downloadPlan(page) {
  const { texts, roleLists } = pageData(page);
  const record = shownRecord();
  const day = (record.archived ?? new Date().toISOString()).slice(0, 10);
  download(`improvement-plan-${day}.csv`, planCsv(record, manifest(), texts, roleLists), "text/csv");
}

export function initForms(root) {
  const page = find(root, "record-page");
  const section = page && find(page, "forms");
  if (!section) return;
  const preparer = loadPreparer();
  for (const field of FIELDS) {
    const input = part(section, `prep-${field}`);
    input.value = preparer[field];
    listen(input, "change", () => savePreparer(readPreparer(page)));
  }
  listen(part(section, "forms-form"), "submit", (event) => event.preventDefault());
  listen(part(section, "ics214-print"), "click", () => printSheet(page, "ics214"));
  listen(part(section, "plan-print"), "click", () => printSheet(page, "plan"));
  listen(part(section, "plan-csv"), "click", () => downloadPlan(page));
}

globalThis.addEventListener?.("afterprint", afterPrint);
