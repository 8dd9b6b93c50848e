/* The incident bar (partials/gb-incident-bar.html), on every page while an
 * incident is running: "Incident began 30 hours ago (Mon 2:29 AM) · Within the
 * first two hours: 2 items open · Now: Within the first week", the last part a
 * link to that window's checklist. Under "Change": It started now, a quick
 * "... ago" choice, and End or start a new incident, which asks first and
 * offers to save the progress to a file before archiving the incident (store.archiveIncident):
 * the checklists with scope "incident" in the data are cleared, "preparation" ones kept. */
import { listen, manifestOf, part } from "./dom.js";
import { openItems, openWords, spoken, standing, when, windows } from "./incident.js";
import * as store from "./store.js";
import { exportFile } from "./transfer.js";
import { say } from "./words.js";

const HOUR = 3600 * 1000;
const AGO_MINUTES = [10, 20, 30, 45, 60, 90, 120, 180, 240, 360, 720, 1440];

const bookOf = (bar) => manifestOf(bar);

function address(bar, checklist) {
  return new URL(`${bar.dataset.base}/${checklist.url}`, location.href).href;
}

/** The phases with where the incident stands in each and how many items are open. */
function standings(book, start) {
  const elapsed = (Date.now() - start.getTime()) / HOUR;
  return windows(book.phases).map((window, index) => {
    const phase = book.phases[index];
    return { phase, where: standing(window, elapsed), open: openItems(book, phase) };
  });
}

export function showIncidentBar(root) {
  const bar = part(root, "incident-bar");
  if (!bar) return;
  const start = store.incidentStart() ? new Date(store.incidentStart()) : null;
  bar.hidden = !start;
  if (!start) return;
  const book = bookOf(bar);
  const states = standings(book, start);
  const separator = say("status.separator");
  part(bar, "bar-began").textContent = say("status.began", { ago: spoken(Date.now() - start.getTime()), start: when(start) });
  const earlier = states.find((s) => s.where === "past" && s.open);
  part(bar, "bar-open").textContent = earlier
    ? separator + say("status.still_open", { phase: earlier.phase.name, open: openWords(earlier.open) }) + separator
    : separator;
  const now = states.find((s) => s.where === "now");
  const link = part(bar, "bar-now");
  const checklist = now && book.checklists.find((c) => c.phase === now.phase.id);
  link.textContent = now ? say("status.now", { phase: now.phase.name }) : "";
  if (checklist) link.href = address(bar, checklist);
}

function fillAgoChoices(select) {
  if (select.options.length > 1) return;
  for (const minutes of AGO_MINUTES) {
    select.add(new Option(say("status.ago", { time: spoken(minutes * 60000) }), String(minutes)));
  }
}

function setStart(bar, start, changed) {
  store.setIncidentStart(start.toISOString());
  changed();
  part(bar, "bar-status").textContent = say("status.started", { start: when(start) });
}

function askNewIncident(bar) {
  const book = bookOf(bar);
  const incident = book.checklists.filter((c) => c.scope !== "preparation");
  const kept = book.checklists.filter((c) => c.scope === "preparation").map((c) => c.title).join("; ");
  part(bar, "bar-new-question").textContent = say("status.new_question", { count: incident.length, kept });
  part(bar, "bar-new-panel").hidden = false;
  part(bar, "bar-save").focus();
}

/* The ending incident is archived first (its record stays under Past incidents on the record
 * page); if storage cannot hold it, nothing is cleared and the reader is told. */
function startNew(bar, changed) {
  const ids = new Set(bookOf(bar).checklists.filter((c) => c.scope !== "preparation").map((c) => c.id));
  const archived = store.archiveIncident((id) => ids.has(id));
  if (archived) changed();
  part(bar, "bar-new-panel").hidden = true;
  part(bar, "bar-change").open = false;
  part(document, "copy-status").textContent = say(archived ? "status.new_done" : "record.archive_failed");
}

/** Wire the bar's controls; `changed` saves and shows the new state everywhere. */
export function initIncidentBar(root, changed) {
  const bar = part(root, "incident-bar");
  if (!bar) return;
  const select = part(bar, "bar-ago");
  fillAgoChoices(select);
  listen(part(bar, "bar-started-now"), "click", () => setStart(bar, new Date(), changed));
  listen(select, "change", () => {
    if (select.value) setStart(bar, new Date(Date.now() - Number(select.value) * 60000), changed);
    select.value = "";
  });
  listen(part(bar, "bar-new"), "click", () => askNewIncident(bar));
  listen(part(bar, "bar-save"), "click", () => exportFile(bookOf(bar)));
  listen(part(bar, "bar-confirm-new"), "click", () => startNew(bar, changed));
  listen(part(bar, "bar-cancel"), "click", () => { part(bar, "bar-new-panel").hidden = true; });
}
