/* The incident clock (gb-incident.html, police phase pages). The incident
 * start is kept with the progress. The phases are suggested windows, never
 * deadlines (the CRS checklist is a guide, not a rigid timeline): each timed
 * phase runs from the end of the one before to its own hours after the start,
 * the last one ("Long term") from there on. The clock shows which window the
 * incident is in now, what is still open in earlier windows, and when later
 * windows start, with durations as people say them (duration.js). */
import { SHOWN, all, find, language, listen, manifest, part, parts, setText } from "./dom.js";
import { duration } from "./duration.js";
import { isTime } from "./saved.js";
import * as store from "./store.js";
import { addWords, say } from "./words.js";

addWords(typeof GB_WORDS_clock === "string" && GB_WORDS_clock); // its words, in its file (macros/script_words.py)

const HOUR = 3600 * 1000;

export function when(date) {
  return date.toLocaleString(language(), {
    weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit",
  });
}

export const spoken = (ms) => duration(ms, say);

/** Items still open in the checklists of `phase`: by their ids where the manifest lists them (the
 * home, record and packet pages), else by their number (a summary: partials/gb-status.html). */
export function openItems(book, phase) {
  const open = (c) => (c.items
    ? c.items.filter((item) => !store.isChecked(c.id, item)).length
    : Math.max(0, c.total - store.checkedItems(c.id).length));
  return book.checklists.filter((c) => c.phase === phase.id).reduce((sum, c) => sum + open(c), 0);
}

/** Each phase's window in hours after the start: { from, to }; null for a phase before the incident. */
export function windows(phases) {
  let from = null;
  return phases.map((phase) => {
    if (phase.hours) {
      const window = { from: from ?? 0, to: phase.hours };
      from = phase.hours;
      return window;
    }
    return from === null ? null : { from, to: Infinity };
  });
}

/** Where the incident stands for one phase: "now", "past", "ahead", or "" (no start, or before the incident). */
export function standing(window, elapsedHours) {
  if (!window || elapsedHours === null) return "";
  if (elapsedHours < window.from) return "ahead";
  return elapsedHours < window.to ? "now" : "past";
}

export function openWords(open) {
  if (open > 1) return say("incident.open_items", { open });
  return open === 1 ? say("incident.open_item") : say("incident.done");
}

function phaseText(where, open, startsIn) {
  if (where === "ahead") return say("incident.starts_in", { left: spoken(startsIn) });
  if (where === "past" && open) return say("incident.still_open", { open: openWords(open) });
  return openWords(open);
}

function showPhase(panel, phase, state) {
  const { where, open, startsIn } = state;
  const item = parts(panel, "phase").find((li) => li.dataset.phase === phase.id);
  item.classList.remove("gb-done", "gb-open", "gb-now", "gb-past", "gb-ahead");
  item.classList.add(open ? "gb-open" : "gb-done");
  if (where) item.classList.add(`gb-${where}`);
  setText(part(item, "phase-status"), phaseText(where, open, startsIn));
}

function startDate() {
  const start = store.incidentStart();
  return start ? new Date(start) : null;
}

export function showIncident(root, book = manifest()) {
  const panel = find(root, "incident");
  if (!panel || !book) return;
  panel.classList.add(SHOWN); // what it shows is current (gb-incident.html)
  const start = startDate();
  const elapsed = start ? (Date.now() - start.getTime()) / HOUR : null;
  const summary = [start ? say("incident.began", { start: when(start) }) : say("incident.unset")];
  windows(book.phases).forEach((window, index) => {
    const phase = book.phases[index];
    const where = standing(window, elapsed);
    const startsIn = where === "ahead" ? (window.from - elapsed) * HOUR : 0;
    showPhase(panel, phase, { where, open: openItems(book, phase), startsIn });
    if (where === "now") summary.push(say("incident.now_in", { phase: phase.name }));
  });
  setText(part(panel, "incident-summary"), summary.join(" ")); // read out when the window changes
  showStartInput(part(panel, "incident-start"), start);
}

function showStartInput(input, start) {
  if (document.activeElement === input) return;
  const local = start && new Date(start.getTime() - start.getTimezoneOffset() * 60000);
  input.value = local ? local.toISOString().slice(0, 16) : "";
}

function startError(start) {
  if (Number.isNaN(start.getTime())) return say("incident.missing");
  if (start.getTime() > Date.now()) return say("incident.future");
  if (!isTime(start.toISOString())) return say("incident.range");
  return "";
}

export function initIncident(root, changed) {
  const panel = find(root, "incident");
  if (!panel) return;
  // Its controls waited, disabled, for this script (data-gb-loading); the listeners below come in the same task.
  for (const control of all(panel, "[data-gb-loading]")) control.disabled = false;
  const input = part(panel, "incident-start");
  const error = part(panel, "incident-error");
  listen(panel.querySelector("form"), "submit", (event) => {
    event.preventDefault();
    const start = new Date(input.value);
    error.textContent = startError(start);
    if (error.textContent) return;
    store.setIncidentStart(start.toISOString());
    changed();
  });
  listen(part(panel, "incident-now"), "click", () => {
    error.textContent = "";
    store.setIncidentStart(new Date().toISOString());
    changed();
  });
  listen(part(panel, "incident-clear"), "click", () => {
    if (!confirm(say("incident.clear_confirm"))) return;
    store.setIncidentStart(null);
    changed();
  });
}
