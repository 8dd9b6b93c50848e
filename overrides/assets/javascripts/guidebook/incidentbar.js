/* The incident bar (partials/gb-incident-bar.html), on every page while an
 * incident is running: "Incident began 30 hours ago (Mon 2:29 AM) · Within the
 * first two hours: 2 items open · Now: Within the first week", the last part a
 * link to that window's checklist. Under "Change": It started now, a quick
 * "... ago" choice, and End or start a new incident, which asks first and
 * offers to save the progress to a file before archiving the incident (store.archiveIncident;
 * transfer.js, loaded when the question is asked, saves the file):
 * the checklists with scope "incident" in the data are cleared, "preparation" ones kept. */
import { all, find, listen, manifest, part, siteAddress } from "./dom.js";
import { incidentTest, scopes } from "./scope.js";
import * as store from "./store.js";
import { say } from "./words.js";

const HOUR = 3600 * 1000;

/* The incident clock's module (clock.js): its windows, durations and times, handed over by
 * initIncidentBar rather than imported, so that a page loads the bar's file only while an incident
 * runs and the clock's file alone on a police phase page (on-demand.js loads both for the bar). */
let clock = null;
const AGO_MINUTES = [10, 20, 30, 45, 60, 90, 120, 180, 240, 360, 720, 1440];

/** The phases with where the incident stands in each and how many items are open. */
function standings(book, start) {
  const elapsed = (Date.now() - start.getTime()) / HOUR;
  return clock.windows(book.phases).map((window, index) => {
    const phase = book.phases[index];
    return { phase, where: clock.standing(window, elapsed), open: clock.openItems(book, phase) };
  });
}

export function showIncidentBar(root) {
  const bar = find(root, "incident-bar");
  if (!bar) return;
  const start = store.incidentStart() ? new Date(store.incidentStart()) : null;
  bar.hidden = !start;
  if (!start) return;
  const book = manifest();
  const states = standings(book, start);
  const separator = say("status.separator");
  part(bar, "bar-began").textContent = say("status.began", { ago: clock.spoken(Date.now() - start.getTime()), start: clock.when(start) });
  const earlier = states.find((s) => s.where === "past" && s.open);
  part(bar, "bar-open").textContent = earlier
    ? separator + say("status.still_open", { phase: earlier.phase.name, open: clock.openWords(earlier.open) }) + separator
    : separator;
  const now = states.find((s) => s.where === "now");
  const link = part(bar, "bar-now");
  link.textContent = now ? say("status.now", { phase: now.phase.name }) : "";
  link.hidden = !now; // never an empty link
  // To the phase's first checklist; a phase without one is said as plain text, never a stale link.
  if (now?.phase.url) link.href = siteAddress(now.phase.url);
  else link.removeAttribute("href");
}

function fillAgoChoices(select) {
  if (select.options.length > 1) return;
  for (const minutes of AGO_MINUTES) {
    select.add(new Option(say("status.ago", { time: clock.spoken(minutes * 60000) }), String(minutes)));
  }
}

function setStart(bar, start, changed) {
  store.setIncidentStart(start.toISOString());
  changed();
  part(bar, "bar-status").textContent = say("status.started", { start: clock.when(start) });
}

function askNewIncident(bar) {
  const { incident, preparation } = scopes(manifest());
  const kept = preparation.map((c) => c.title).join("; ");
  part(bar, "bar-new-question").textContent = say("status.new_question", { count: incident.length, kept });
  part(bar, "bar-new-panel").hidden = false;
  part(bar, "bar-save").focus();
}

/* The ending incident is archived first (its record stays under Past incidents on the record
 * page); if storage cannot hold it, nothing is cleared and the reader is told. */
function startNew(bar, changed) {
  const archived = store.archiveIncident(incidentTest(manifest()));
  if (archived) changed();
  part(bar, "bar-new-panel").hidden = true;
  part(bar, "bar-change").open = false;
  part(document, "copy-status").textContent = say(archived ? "status.new_done" : "record.archive_failed");
}

/** Wire the bar's controls; `changed` saves and shows the new state everywhere. `loadTransfer` is
 * on-demand.js's loader of export (passed in, not imported: on-demand.js loads this module). */
export function initIncidentBar(root, changed, incidentClock, loadTransfer) {
  clock = incidentClock;
  const bar = find(root, "incident-bar");
  if (!bar) return;
  for (const control of all(bar, "[data-gb-loading]")) control.disabled = false; // waited for this script
  const select = part(bar, "bar-ago");
  fillAgoChoices(select);
  listen(part(bar, "bar-started-now"), "click", () => setStart(bar, new Date(), changed));
  listen(select, "change", () => {
    if (select.value) setStart(bar, new Date(Date.now() - Number(select.value) * 60000), changed);
    select.value = "";
  });
  const saveStatus = part(bar, "bar-save-status");
  listen(part(bar, "bar-new"), "click", () => {
    askNewIncident(bar);
    loadTransfer(saveStatus);
  });
  listen(part(bar, "bar-save"), "click", async () => {
    const transfer = await loadTransfer(saveStatus);
    transfer?.exportFile(manifest());
  });
  listen(part(bar, "bar-confirm-new"), "click", () => startNew(bar, changed));
  listen(part(bar, "bar-cancel"), "click", () => { part(bar, "bar-new-panel").hidden = true; });
}
