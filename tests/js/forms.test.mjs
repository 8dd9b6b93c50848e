// The record as an ICS 214-format log and an improvement plan (forms.js): the activity log in local date and
// 24-hour time within the period, the resources assigned, and the plan's matrix (one row per open item).
import assert from "node:assert/strict";
import { test } from "node:test";

process.env.TZ = "America/New_York";
globalThis.document = { documentElement: { lang: "en-US" } };
const { activityRows, period, planCsv, resources } = await import("../../overrides/assets/javascripts/guidebook/forms.js");

const book = {
  phases: [], roles: [],
  checklists: [
    { id: "police", title: "Police", items: ["a", "b", "c"], phase: null },
    { id: "town", title: "Town", items: ["x"], phase: null },
  ],
};
const texts = { police: { a: "Item A", b: "Item B", c: "Item C" }, town: { x: "Item X" } };
const record = {
  incident: { start: "2026-11-20T18:30:00.000Z", name: "Main Street" },
  checks: new Map([["police", new Map([
    ["a", { at: "2026-11-20T18:50:00.000Z", who: "Ruiz", note: "posted" }],
    ["b", { at: "2026-11-21T03:05:00.000Z", who: "Chen" }],
  ])]]),
  log: [],
};

test("the activity log: local date and 24-hour time, in the period only", () => {
  const all = period(record, "", "", new Date("2026-11-22T00:00:00Z"));
  assert.deepEqual(activityRows(record, book, texts, all).map((r) => [r.date, r.time]),
    [["11/20/2026", "13:50"], ["11/20/2026", "22:05"]]);
  const early = { from: new Date("2026-11-20T18:00:00Z"), to: new Date("2026-11-20T19:00:00Z") };
  assert.equal(activityRows(record, book, texts, early).length, 1);
  assert.deepEqual(resources(record, early), ["Ruiz"]);
  assert.deepEqual(resources(record, all), ["Ruiz", "Chen"]);
});

test("the period defaults to the incident start and now, or what the reader picks", () => {
  const now = new Date("2026-11-21T12:00:00Z");
  assert.deepEqual(period(record, "", "", now), { from: new Date("2026-11-20T18:30:00.000Z"), to: now });
  assert.equal(period(record, "2026-11-20T14:00", "", now).from.toISOString(), "2026-11-20T19:00:00.000Z");
});

test("the improvement plan: the matrix columns, one row per open item of the used checklists, the rest blank", () => {
  const lines = planCsv(record, book, texts, {}).split("\r\n");
  assert.equal(lines[3], ["capability", "issue", "action", "element", "org", "poc", "start", "end"].map((c) => `"forms.col_${c}"`).join(","));
  assert.deepEqual(lines.slice(4, -1), ['"","forms.plan_issue","","","","","",""']);
  const withRole = planCsv({ ...record, incident: { ...record.incident, roles: ["mayor"] } }, book, texts, { mayor: ["town"] });
  assert.equal(withRole.split("\r\n").length - 5, 2, "a role's checklist adds its open items");
});
