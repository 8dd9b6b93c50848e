// shift.js in Node's own test runner (tests/unit/test_node.py runs it): open now over the started
// windows, never a preparation checklist; the next window; the shift summary; the calendar file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { calendar, current, icsText, nextWindow, openNow, shiftSummary } from "../../overrides/assets/javascripts/guidebook/shift.js";

const WORDS = {
  "shift.began": "Incident began {start}.", "shift.line": "{title}: {parts}.", "shift.done": "done {items}",
  "shift.open": "open {items}", "shift.all_done": "all done", "shift.who": "{number} ({who})",
  "shift.next": "{phase} starts {start}.", "shift.calendar_event": "Suggested window: {phase}",
  "shift.calendar_description": "A suggestion, not a rigid timeline.",
};
const say = (key, values = {}) => (WORDS[key] ?? key).replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));

const phases = [
  { id: "before", name: "Before an incident" },
  { id: "two", name: "Within the first two hours", hours: 2 },
  { id: "day", name: "Within 24 hours", hours: 24 },
  { id: "week", name: "Within the first week", hours: 168 },
  { id: "long", name: "Long term" },
];
const windows = [null, { from: 0, to: 2 }, { from: 2, to: 24 }, { from: 24, to: 168 }, { from: 168, to: Infinity }];
const book = {
  phases,
  checklists: [
    { id: "prep", title: "Before an incident", phase: "before", items: ["p1", "p2"] },
    { id: "c2", title: "Within the first two hours", phase: "two", items: ["a", "b", "c", "d", "e"] },
    { id: "c24", title: "Within 24 hours", phase: "day", items: ["f", "g", "h"] },
    { id: "cw", title: "Within the first week", phase: "week", items: ["i", "j", "k"] },
  ],
  preparation: [{ id: "prep", title: "Before an incident" }],
};
const statesAt = (hours) => phases.map((phase, i) => {
  const w = windows[i];
  let where = "";
  if (w) where = hours < w.from ? "ahead" : hours < w.to ? "now" : "past";
  return { phase, window: w, where };
});
const start = new Date("2026-12-07T02:00:00Z");
const checks = { c2: { a: { at: "x", who: "PIO Lt. Ruiz" }, c: { at: "x" } }, prep: { p1: { at: "x" } } };
const checkOf = (c, i) => checks[c]?.[i] ?? null;

test("three hours in: the first two windows together, never the preparation checklist", () => {
  assert.deepEqual(openNow(book, statesAt(3), checkOf), { open: 3 + 3, total: 5 + 3 });
  assert.equal(current(statesAt(3)).phase.id, "day");
  assert.equal(nextWindow(statesAt(3), start).phase.id, "week");
  assert.equal(nextWindow(statesAt(3), start).at.toISOString(), "2026-12-08T02:00:00.000Z");
});

test("thirty hours in: every started window", () => {
  assert.deepEqual(openNow(book, statesAt(30), checkOf), { open: 3 + 3 + 3, total: 11 });
});

test("a summary manifest gives only a number of items: counted with the checks", () => {
  const summary = { ...book, checklists: [{ id: "c2", phase: "two", total: 5 }] };
  assert.deepEqual(openNow(summary, statesAt(1), checkOf, (id) => Object.keys(checks[id] ?? {}).length), { open: 3, total: 5 });
});

test("after the last window there is no next one", () => {
  assert.equal(nextWindow(statesAt(200), start), null);
});

test("the shift summary names the checked items with who, the open ones, and the next window", () => {
  const text = shiftSummary({ book, states: statesAt(3), start, checkOf, say, time: (d) => d.toISOString().slice(11, 16) });
  assert.equal(text, [
    "Incident began 02:00.",
    "Within the first two hours: done 1 (PIO Lt. Ruiz), 3; open 2, 4, 5.",
    "Within 24 hours: open 1, 2, 3.",
    "Within the first week starts 02:00.",
  ].join("\n"));
});

test("the calendar: one event with one alarm per window still to come", () => {
  const now = new Date(start.getTime() + 3 * 3600e3);
  const text = calendar({ states: statesAt(3), start, now, say, site: "Guide, with; commas" });
  assert.ok(text.startsWith("BEGIN:VCALENDAR\r\n") && text.endsWith("END:VCALENDAR\r\n"));
  assert.equal(text.match(/BEGIN:VEVENT/g).length, 2);
  assert.equal(text.match(/BEGIN:VALARM/g).length, 2);
  assert.ok(text.includes("DTSTART:20261208T020000Z"));
  assert.ok(text.includes("PRODID:-//CCM//Guide\\, with\\; commas//EN"));
  assert.ok(!text.includes("VTODO"));
  for (const line of text.split("\r\n")) assert.ok(new TextEncoder().encode(line).length <= 75, line);
});

test("iCalendar text is escaped", () => {
  assert.equal(icsText("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
});
