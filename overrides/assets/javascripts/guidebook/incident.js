/* The incident clock (gb-incident.html, police phase pages). The incident
 * start is kept with the progress. Each phase with due-within hours falls due
 * that long after the start; the clock shows what is done, open, overdue and
 * due next, and which phase is current ("Now"). */
import { language, listen, manifest, part, parts, setText } from "./dom.js";
import { isTime } from "./saved.js";
import * as store from "./store.js";
import { say } from "./words.js";

const HOUR = 3600 * 1000;

function when(date) {
  return date.toLocaleString(language(), {
    weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit",
  });
}

function span(ms) {
  const minutes = Math.max(0, Math.round(ms / 60000));
  const hours = Math.floor(minutes / 60);
  return hours ? say("incident.hours_minutes", { hours, minutes: minutes % 60 }) : say("incident.minutes", { minutes });
}

function openItems(book, phase) {
  const checklists = book.checklists.filter((c) => c.phase === phase.id);
  return checklists.reduce((open, c) => open + c.items.filter((item) => !store.isChecked(c.id, item)).length, 0);
}

/** One phase's state: done (nothing open), open (no due time, or another phase is due first), overdue or next. */
function phaseKind(open, due, now, nextTaken) {
  if (!open) return "done";
  if (!due) return "open";
  if (due <= now) return "overdue";
  return nextTaken ? "open" : "next";
}

function openWords(open) {
  if (open > 1) return say("incident.open_items", { open });
  return open === 1 ? say("incident.open_item") : say("incident.done");
}

function showPhase(panel, phase, state, now) {
  const { kind, open, due, current } = state;
  const item = parts(panel, "phase").find((li) => li.dataset.phase === phase.id);
  const values = { open, phase: phase.name, due: due && when(due), left: due && span(due - now) };
  item.classList.remove("gb-done", "gb-open", "gb-overdue", "gb-next");
  item.classList.add(`gb-${kind}`);
  item.classList.toggle("gb-now", current);
  setText(part(item, "phase-due"), due ? say("incident.due", values) : "");
  const urgent = kind === "overdue" || kind === "next" ? say(`incident.${kind}`, values) : "";
  setText(part(item, "phase-status"), urgent + openWords(open));
  return urgent ? say(`incident.summary_${kind}`, values) : null;
}

function startDate() {
  const start = store.incidentStart();
  return start ? new Date(start) : null;
}

export function showIncident(root, book = manifest(root)) {
  const panel = part(root, "incident");
  if (!panel || !book) return;
  const start = startDate();
  const now = new Date();
  const summary = [start ? say("incident.began", { start: when(start) }) : say("incident.unset")];
  let nextTaken = false;
  let currentTaken = false;
  for (const phase of book.phases) {
    const open = openItems(book, phase);
    const due = start && phase.hours ? new Date(start.getTime() + phase.hours * HOUR) : null;
    const kind = phaseKind(open, due, now, nextTaken);
    const current = Boolean(due && due > now && !currentTaken);
    nextTaken ||= kind === "next";
    currentTaken ||= current;
    const line = showPhase(panel, phase, { kind, open, due, current }, now);
    if (line) summary.push(line);
  }
  setText(part(panel, "incident-summary"), summary.join(" ")); // read out when a phase changes state
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
  const panel = part(root, "incident");
  if (!panel) return;
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
  listen(part(panel, "incident-clear"), "click", () => {
    if (!confirm(say("incident.clear_confirm"))) return;
    store.setIncidentStart(null);
    changed();
  });
}
