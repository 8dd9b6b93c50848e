/* The incident bar (partials/gb-incident-bar.html), on every page while an
 * incident is running, answers "what now?": "Incident began 20 minutes ago
 * (Mon 2:29 AM) · Now: Within the first two hours · Next: Within 24 hours in
 * 1 hour 40 minutes", then "3 of 5 open now" (the open items of every window
 * that has started, never a preparation checklist's: shift.js), a link to the
 * Now list; Hand over… (handoff.js, loaded at the click); and Change start: It
 * started now and a quick "... ago" choice, each closing the panel once used,
 * and apart from them End or start a new incident, which asks first and offers
 * to save the progress to a file before archiving the incident
 * (store.archiveIncident; transfer.js, loaded when the question is asked, saves
 * the file): the checklists with scope "incident" in the data are cleared,
 * "preparation" ones kept. */
import { all, find, listen, manifest, part, siteAddress } from "./dom.js";
import { incidentTest, scopes } from "./scope.js";
import { current, nextWindow, openNow } from "./shift.js";
import * as store from "./store.js";
import { addWords, say } from "./words.js";

addWords(typeof GB_WORDS_incidentbar === "string" && GB_WORDS_incidentbar); // its words, in its file (macros/script_words.py)

const HOUR = 3600 * 1000;

/* The incident clock's module (clock.js): its windows, durations and times, handed over by
 * initIncidentBar rather than imported, so that a page loads the bar's file only while an incident
 * runs and the clock's file alone on a police phase page (on-demand.js loads both for the bar). */
let clock = null;
const AGO_MINUTES = [10, 20, 30, 45, 60, 90, 120, 180, 240, 360, 720, 1440];

/** Each phase with its window and where the incident stands in it (shift.js's `states`). */
export function standings(book, start, now = Date.now()) {
  const elapsed = (now - start.getTime()) / HOUR;
  return clock.windows(book.phases).map((window, index) => ({
    phase: book.phases[index], window, where: clock.standing(window, elapsed),
  }));
}

const checkOf = (checklist, item) => store.checkOf(checklist, item);
const checkedCount = (checklist) => store.checkedItems(checklist).length;

function showLine(bar, states, start) {
  const separator = say("status.separator");
  part(bar, "bar-began").textContent = say("status.began", { ago: clock.spoken(Date.now() - start.getTime()), start: clock.when(start) });
  const now = current(states);
  part(bar, "bar-window").textContent = now ? separator + say("status.now", { phase: now.phase.name }) : "";
  const next = nextWindow(states, start);
  part(bar, "bar-next").textContent = next
    ? separator + say("status.next", { phase: next.phase.name, left: clock.spoken(next.at.getTime() - Date.now()) })
    : "";
}

export function showIncidentBar(root) {
  const bar = find(root, "incident-bar");
  if (!bar) return;
  const start = store.incidentStart() ? new Date(store.incidentStart()) : null;
  bar.hidden = !start;
  if (!start) return;
  const book = manifest();
  const states = standings(book, start);
  showLine(bar, states, start);
  const link = part(bar, "bar-open");
  link.textContent = say("status.open_now", openNow(book, states, checkOf, checkedCount));
  const href = siteAddress(bar.dataset.now);
  if (link.href !== href) link.href = href;
}

function fillAgoChoices(select) {
  if (select.options.length > 1) return;
  for (const minutes of AGO_MINUTES) {
    select.add(new Option(say("status.ago", { time: clock.spoken(minutes * 60000) }), String(minutes)));
  }
}

/** A time chosen under Change: set it, close the panel, and give the focus back to its summary. */
function setStart(bar, start, changed) {
  store.setIncidentStart(start.toISOString());
  changed();
  const change = part(bar, "bar-change");
  change.open = false;
  change.querySelector("summary").focus();
  part(bar, "bar-status").textContent = say("status.started", { start: clock.when(start) });
}

/** Hand over…: the panel opens at once; handoff.js, loaded at the first click, fills it. */
async function toggleHandoff(bar, button) {
  const panel = part(bar, "handoff");
  const open = panel.hidden;
  panel.hidden = !open;
  button.setAttribute("aria-expanded", String(open));
  if (!open) return;
  part(bar, "bar-change").open = false;
  const handoff = await loaders.loadHandoff(part(panel, "handoff-status"));
  handoff?.showHandoff(bar, { states: standings(manifest(), new Date(store.incidentStart())) });
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
  if (archived) find(document, "start-ago")?.focus(); // the bar is gone: the row that starts the next one, where the page has it
}

/** Put the panels of `text` (loaded by on-demand.js: bar-panels.<hash>.js) in place in `bar`: Change's in its
 * <details>, after the summary; Hand over…'s instead of the placeholder. Nothing to do where the bar has
 * no placeholder (the offline edition's pages carry the panels; or they are in place already). */
export function placePanels(bar, text, doc = bar.ownerDocument) {
  const placeholder = find(bar, "bar-panels");
  if (!placeholder || !text) return;
  const template = doc.createElement("template");
  template.innerHTML = text; // our own build output (partials/gb-bar-panels.html, its words escaped), same origin
  const panels = template.content;
  part(bar, "bar-change").append(part(panels, "bar-change-panel"));
  placeholder.replaceWith(part(panels, "handoff"));
}

/* on-demand.js's loaders of export (transfer.js) and of Hand over… (handoff.js), passed in by
 * initIncidentBar, not imported: on-demand.js loads this module. */
let loaders = null;

/** Wire the bar's controls; `changed` saves and shows the new state everywhere. `load` holds on-demand.js's
 * loaders { loadTransfer, loadHandoff } (passed in, not imported: on-demand.js loads this module); `panels`
 * the markup of the Change and Hand over… panels, put in place first ("" where the page carries them: the offline edition). */
export function initIncidentBar(root, changed, incidentClock, load, panels = "") {
  clock = incidentClock;
  loaders = load;
  const { loadTransfer } = load;
  const bar = find(root, "incident-bar");
  if (!bar) return;
  placePanels(bar, panels);
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
  const handover = part(bar, "bar-handover");
  listen(handover, "click", () => toggleHandoff(bar, handover));
  listen(part(bar, "handoff-close"), "click", () => {
    part(bar, "handoff").hidden = true;
    handover.setAttribute("aria-expanded", "false");
    handover.focus();
  });
  listen(part(bar, "bar-change"), "toggle", () => {
    if (!part(bar, "bar-change").open) return;
    part(bar, "handoff").hidden = true; // one panel at a time
    handover.setAttribute("aria-expanded", "false");
  });
  listen(part(bar, "bar-cancel"), "click", () => { part(bar, "bar-new-panel").hidden = true; });
}
