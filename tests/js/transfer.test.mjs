// Export and import (transfer.js): the file format, and an import that is bounded, validated, keeps every
// known check and names what it leaves out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ImportProblem, exportData, parseFile, readImport } from "../../overrides/assets/javascripts/guidebook/transfer.js";
import { BOOK, NOW, at } from "./support.mjs";

const file = (fields) => JSON.stringify({ format: "ccm-guidebook-progress", format_version: 2, checklists: [], ...fields });
const problemOf = (text) => {
  try {
    parseFile(text);
  } catch (problem) {
    assert.ok(problem instanceof ImportProblem);
    return problem.message;
  }
  return null;
};
const record = {
  checks: new Map([["police-first-hours", new Map([["secure-scene", { at: at(2), who: "Sgt. Diaz", note: "=1+1" }]])]]),
  incident: { start: at(5), name: "March" },
  log: [{ checklist: "police-first-hours", item: "call-chief", at: at(4), undone: at(3) }],
};

test("an export holds every check with its who and note, the incident and the undone checks", () => {
  const data = exportData(BOOK, record, at(0));
  assert.equal(data.format, "ccm-guidebook-progress");
  assert.equal(data.format_version, 2);
  assert.equal(data.incident_start, at(5));
  assert.deepEqual(data.checklists, [{ id: "police-first-hours", title: "First hours",
    ticked: [{ id: "secure-scene", ticked_at: at(2), who: "Sgt. Diaz", note: "=1+1" }] }]);
  assert.deepEqual(data.undone, record.log);
});

test("an export read back as an import gives the same checks, incident and log", () => {
  const read = readImport(JSON.stringify(exportData(BOOK, record, at(0))), BOOK, NOW);
  assert.deepEqual([...read.checks.get("police-first-hours")], [...record.checks.get("police-first-hours")]);
  assert.deepEqual(read.incident, record.incident);
  assert.deepEqual(read.log, record.log);
  assert.deepEqual(read.ignored, []);
});

test("a file that is not ours, not JSON, newer or without checklists is refused with its reason", () => {
  assert.equal(problemOf("not json"), "import.foreign");
  assert.equal(problemOf(JSON.stringify({ format: "other" })), "import.foreign");
  assert.equal(problemOf(JSON.stringify([])), "import.foreign");
  assert.equal(problemOf(file({ format_version: 3 })), "import.newer");
  assert.equal(problemOf(file({ format_version: "2" + "x" })), "import.newer");
  assert.equal(problemOf(file({ checklists: {} })), "import.damaged");
  assert.equal(problemOf(file({})), null);
});

test("an import is bounded: more than 20,000 entries is refused, naming how many", () => {
  const ticked = Array.from({ length: 20_000 }, (_, i) => ({ id: `item-${i}` }));
  assert.equal(problemOf(file({ checklists: [{ id: "a", ticked: ticked.slice(0, 19_999) }] })), null);
  try {
    parseFile(file({ checklists: [{ id: "a", ticked }] }));
    assert.fail("not refused");
  } catch (problem) {
    assert.equal(problem.message, "import.too_many");
    assert.deepEqual(problem.values, { count: 20_001 });
  }
});

test("unknown checklists and items are left out and named; known ones are kept", () => {
  const text = file({ checklists: [
    { id: "police-first-hours", ticked: [{ id: "secure-scene", ticked_at: at(1) }, { id: "no-such-item" }] },
    { id: "no-such-checklist", ticked: [] }, "not an object"] });
  const read = readImport(text, BOOK, NOW);
  assert.deepEqual([...read.checks.get("police-first-hours").keys()], ["secure-scene"]);
  assert.deepEqual(read.ignored, ["police-first-hours#no-such-item", "no-such-checklist", "?"]);
});

test("times outside 2000..now keep the check without its time; a bad incident start is named, cut short", () => {
  const text = file({
    incident_start: "x".repeat(100),
    checklists: [{ id: "police-first-hours", ticked: [{ id: "secure-scene", ticked_at: "9999-01-01T00:00:00Z" }] }],
  });
  const read = readImport(text, BOOK, NOW);
  assert.deepEqual(read.checks.get("police-first-hours").get("secure-scene"), { at: null });
  assert.equal(read.badStart, "x".repeat(40));
  assert.equal(read.incident, null);
});

test("who and note beyond their limits are left out of an import; the check stays", () => {
  const text = file({ checklists: [{ id: "police-first-hours",
    ticked: [{ id: "secure-scene", ticked_at: at(1), who: "w".repeat(101), note: "n".repeat(501) }] }] });
  assert.deepEqual(readImport(text, BOOK, NOW).checks.get("police-first-hours").get("secure-scene"), { at: at(1) });
});

test("a version 1 file (plain item ids, incident_start) is read", () => {
  const text = JSON.stringify({ format: "ccm-guidebook-progress", format_version: 1, incident_start: at(5),
    checklists: [{ id: "police-first-day", ticked: ["brief-council"] }] });
  const read = readImport(text, BOOK, NOW);
  assert.deepEqual([...read.checks.get("police-first-day")], [["brief-council", { at: null }]]);
  assert.deepEqual(read.incident, { start: at(5) });
});

test("undone checks of unknown items are left out of the imported log", () => {
  const undone = [{ checklist: "police-first-hours", item: "call-chief", at: at(4), undone: at(3) },
    { checklist: "police-first-hours", item: "gone", at: at(4), undone: at(3) }];
  assert.deepEqual(readImport(file({ undone }), BOOK, NOW).log.map((e) => e.item), ["call-chief"]);
});
