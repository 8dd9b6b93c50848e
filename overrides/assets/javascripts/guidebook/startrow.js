/* "When did it start? Now · 10 · 20 · 30 · 60 min ago · Other…" (gb-start-row.html): above the first
 * item of a checklist with a time window and on the home page, while no incident runs. One tap sets
 * the incident start; the row then gives way to the incident bar, which takes the focus. Other… opens
 * the date and time. Small and on every such page, so in the entry script: no wait for a module. */
import { find, listen, part, parts } from "./dom.js";
import { isTime } from "./saved.js";
import * as store from "./store.js";
import { say } from "./words.js";

/** Shown while no incident runs (never printed: gb-noprint). */
export function showStartRow(root) {
  const running = Boolean(store.incidentStart());
  for (const row of parts(root, "start-row")) row.hidden = running;
}

function startError(start) {
  if (Number.isNaN(start.getTime())) return say("incident.missing");
  if (start.getTime() > Date.now()) return say("incident.future");
  if (!isTime(start.toISOString())) return say("incident.range");
  return "";
}

/** Start the incident at `start`, then hand the focus to the bar that replaces the row. */
function begin(root, start, changed) {
  store.setIncidentStart(start.toISOString());
  changed();
  const bar = find(root, "incident-bar");
  if (bar && !bar.hidden) bar.focus();
}

function toggleOther(row, button) {
  const form = part(row, "start-other-form");
  form.hidden = !form.hidden;
  button.setAttribute("aria-expanded", String(!form.hidden));
  if (!form.hidden) part(form, "start-when").focus();
}

export function initStartRow(root, changed) {
  for (const row of parts(root, "start-row")) {
    for (const button of parts(row, "start-ago")) {
      listen(button, "click", () => begin(root, new Date(Date.now() - Number(button.dataset.minutes) * 60000), changed));
    }
    const other = part(row, "start-other");
    listen(other, "click", () => toggleOther(row, other));
    const form = part(row, "start-other-form");
    listen(form, "submit", (event) => {
      event.preventDefault();
      const start = new Date(part(form, "start-when").value);
      const error = part(form, "start-error");
      error.textContent = startError(start);
      if (!error.textContent) begin(root, start, changed);
    });
  }
}
