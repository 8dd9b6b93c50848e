/* Where an incident stands, in the terms of the incident bar, the Now list and the handover: which
 * suggested windows have started, how many of their items are open, the next window and when it
 * starts, a plain-text shift summary, and a calendar file with one event per window still to come.
 * Pure: no page, no storage. The windows come in as `states` (incidentbar.js makes them with the
 * clock's windows() and standing()): [{ phase, window: { from, to } | null, where }] in phase order,
 * `where` "now", "past", "ahead" or "" (a phase before the incident: a preparation checklist's).
 * Checks come in as `checkOf(checklist, item)` -> { at, who?, note? } or null; words as `say`
 * (words.js), so that tests/unit/test_shift.mjs runs all of it in Node. */

const HOUR = 3600 * 1000;

/** Whether a window has started: the one the incident is in now, and every earlier one. */
export const started = (state) => state.where === "now" || state.where === "past";

/** The checklists of a phase that belong to an incident (never a preparation checklist). */
export function phaseChecklists(book, phase) {
  const kept = new Set((book.preparation ?? []).map((c) => c.id));
  return book.checklists.filter((c) => c.phase === phase.id && c.scope !== "preparation" && !kept.has(c.id));
}

/** The item ids of a checklist as the manifest gives them (null in a summary without items). */
const itemsOf = (checklist) => checklist.items ?? null;

const totalOf = (checklist) => itemsOf(checklist)?.length ?? checklist.total ?? 0;

function openOf(checklist, checkOf, checkedCount) {
  const items = itemsOf(checklist);
  if (items) return items.filter((item) => !checkOf(checklist.id, item)).length;
  return Math.max(0, totalOf(checklist) - checkedCount(checklist.id));
}

/** { open, total } over the items of every started window: "3 of 5 open now". `checkedCount(id)` is
 * the number of checks of a checklist, for a manifest that gives only its number of items. */
export function openNow(book, states, checkOf, checkedCount = () => 0) {
  let open = 0;
  let total = 0;
  for (const state of states.filter(started)) {
    for (const checklist of phaseChecklists(book, state.phase)) {
      open += openOf(checklist, checkOf, checkedCount);
      total += totalOf(checklist);
    }
  }
  return { open, total };
}

/** The window the incident is in now, or null (before the first timed one, or none). */
export const current = (states) => states.find((state) => state.where === "now") ?? null;

/** The next window: { phase, at (Date it starts) }, or null after the last one. */
export function nextWindow(states, start) {
  const ahead = states.find((state) => state.where === "ahead");
  return ahead ? { phase: ahead.phase, at: new Date(start.getTime() + ahead.window.from * HOUR) } : null;
}

/** "1, 3 (PIO Lt. Ruiz)": item numbers as the checklist shows them, with who did each where said. */
const numbers = (list, say) => list.map(({ number, who }) => (who ? say("shift.who", { number, who }) : String(number))).join(", ");

/** "done 1, 3 (PIO Lt. Ruiz); open 2, 4, 5", "open 1, 2, 3" or "done 1, 2 (Ruiz); all done". */
function checklistParts(done, open, say) {
  const parts = [];
  if (done.length) parts.push(say("shift.done", { items: numbers(done, say) }));
  parts.push(open.length ? say("shift.open", { items: numbers(open, say) }) : say("shift.all_done"));
  return parts.join("; ");
}

/** The shift summary, one line per checklist of the started windows, to paste into a text message:
 * "Within the first two hours: done 1, 3 (PIO Lt. Ruiz); open 2, 4, 5." then when the next window
 * starts. `time(date)` writes a time ("11:41 PM"). */
export function shiftSummary({ book, states, start, checkOf, say, time }) {
  const lines = [say("shift.began", { start: time(start) })];
  for (const state of states.filter(started)) {
    for (const checklist of phaseChecklists(book, state.phase)) {
      const items = itemsOf(checklist) ?? [];
      const done = [];
      const open = [];
      items.forEach((item, index) => {
        const check = checkOf(checklist.id, item);
        if (check) done.push({ number: index + 1, who: check.who ?? "" });
        else open.push({ number: index + 1 });
      });
      lines.push(say("shift.line", { title: checklist.title, parts: checklistParts(done, open, say) }));
    }
  }
  const next = nextWindow(states, start);
  if (next) lines.push(say("shift.next", { phase: next.phase.name, start: time(next.at) }));
  return lines.join("\n");
}

/* ---- The calendar file (RFC 5545): one event per window still to come, each with an alarm at its start.
 * Events with alarms, not tasks (VTODO): common calendars do not import tasks. */

const stamp = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** Text as an iCalendar value: backslash, semicolon, comma and line breaks (CR LF, CR or LF) escaped; other
 * control characters, which RFC 5545 does not allow in a text value, left out. */
export const icsText = (text) => String(text).replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n")
  .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "");

/** Lines longer than 75 octets folded as RFC 5545 says (a line break, then one space). */
function fold(line) {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const out = [];
  let piece = "";
  let size = 0;
  for (const char of line) {
    const length = new TextEncoder().encode(char).length;
    if (size + length > (out.length ? 74 : 75)) {
      out.push(piece);
      piece = "";
      size = 0;
    }
    piece += char;
    size += length;
  }
  out.push(piece);
  return out.join("\r\n ");
}

/** The .ics text: one VEVENT per window that starts after `now`, each with a VALARM at its start. A
 * window without an end (the last) is an hour-long event. */
export function calendar({ states, start, now, say, site = "guidebook" }) {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:-//CCM//${icsText(site)}//EN`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const state of states) {
    if (!state.window || state.where !== "ahead") continue;
    const from = new Date(start.getTime() + state.window.from * HOUR);
    if (from.getTime() <= now.getTime()) continue;
    const to = Number.isFinite(state.window.to) ? new Date(start.getTime() + state.window.to * HOUR) : new Date(from.getTime() + HOUR);
    const summary = say("shift.calendar_event", { phase: state.phase.name });
    lines.push(
      "BEGIN:VEVENT",
      `UID:${state.phase.id}-${start.getTime()}@ccm-guidebook`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(from)}`,
      `DTEND:${stamp(to)}`,
      `SUMMARY:${icsText(summary)}`,
      `DESCRIPTION:${icsText(say("shift.calendar_description"))}`,
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${icsText(summary)}`,
      "TRIGGER;RELATED=START:PT0S",
      "END:VALARM",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
