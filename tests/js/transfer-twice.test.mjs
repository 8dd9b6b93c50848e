// Reading an import or a handover's data (transfer.js readData): a checklist or an item listed twice is
// merged, never silently replaced, and the result names it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { exportData, readData } from "../../overrides/assets/javascripts/guidebook/transfer.js";

const book = { title: "G", version: "1", checklists: [{ id: "police", title: "Police", items: ["a", "b", "c"] }] };
const T = (minute) => new Date(Date.UTC(2026, 11, 7, 10, minute)).toISOString();
const file = (checklists) => ({ format: "ccm-guidebook-progress", format_version: 2, checklists });

test("a checklist listed twice is merged and named", () => {
  const data = file([
    { id: "police", ticked: [{ id: "a", ticked_at: T(1), who: "Ruiz" }, { id: "b", ticked_at: T(2) }] },
    { id: "police", ticked: [{ id: "a", ticked_at: T(5) }, { id: "c", ticked_at: T(3) }] },
  ]);
  const read = readData(data, book, Date.parse(T(59)));
  assert.deepEqual([...read.checks.get("police").keys()].sort(), ["a", "b", "c"]);
  assert.deepEqual(read.checks.get("police").get("a"), { at: T(5), who: "Ruiz" });
  assert.deepEqual(read.repeated, ["police"]);
});

test("an item listed twice in one checklist is merged and named", () => {
  const data = file([{ id: "police", ticked: [{ id: "a", ticked_at: T(1), note: "n", note_at: T(9) }, { id: "a", ticked_at: T(2), note: "m" }] }]);
  const read = readData(data, book, Date.parse(T(59)));
  assert.deepEqual(read.checks.get("police").get("a"), { at: T(2), note: "n", note_at: T(9) });
  assert.deepEqual(read.repeated, ["police"]);
});

test("a file listing each checklist once names none", () => {
  const read = readData(file([{ id: "police", ticked: [{ id: "a", ticked_at: T(1) }] }]), book, Date.parse(T(59)));
  assert.deepEqual(read.repeated, []);
});

test("edit times go out and come back; bad ones are left out", () => {
  const record = { checks: new Map([["police", new Map([["a", { at: T(1), who: "R", who_at: T(4) }]])]]), incident: null, log: [] };
  const data = JSON.parse(JSON.stringify(exportData(book, record, T(10))));
  assert.deepEqual(data.checklists[0].ticked[0], { id: "a", ticked_at: T(1), who: "R", who_at: T(4) });
  assert.deepEqual(readData(data, book, Date.parse(T(59))).checks.get("police").get("a"), { at: T(1), who: "R", who_at: T(4) });
  data.checklists[0].ticked[0].who_at = "9999-01-01T00:00:00Z";
  assert.deepEqual(readData(data, book, Date.parse(T(59))).checks.get("police").get("a"), { at: T(1), who: "R" });
});
