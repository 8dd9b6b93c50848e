// The progress in memory (store.js): saving and the failed read that blocks writing, merging another
// device's incident (the later change wins, nothing is dropped), archiving an incident.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import * as store from "../../overrides/assets/javascripts/guidebook/store.js";
import * as merge from "../../overrides/assets/javascripts/guidebook/merge.js";
import { ARCHIVE_KEPT, KEY, LEGACY_KEY, PREPARER_KEY } from "../../overrides/assets/javascripts/guidebook/saved.js";
import { incidentTest } from "../../overrides/assets/javascripts/guidebook/scope.js";
import { BOOK, FakeStorage, NOW, at, installStorage } from "./support.mjs";

const isIncident = incidentTest(BOOK);
let storage;

function start(saved = null) {
  storage = installStorage(new FakeStorage(saved ? { [KEY]: JSON.stringify(saved) } : {}));
  store.load(NOW);
}

const stored = () => JSON.parse(storage.getItem(KEY));
const incoming = (checks, log = [], incident = null) => ({
  checks: new Map(Object.entries(checks).map(([id, items]) => [id, new Map(Object.entries(items))])), log, incident,
});

beforeEach(() => start());

test("a check is saved under the one key, in version 3", () => {
  store.setChecked("police-first-hours", "secure-scene", true, at(1));
  assert.equal(store.save(), true);
  assert.deepEqual(stored().checks, { "police-first-hours": { "secure-scene": { at: at(1) } } });
  assert.equal(stored().version, 3);
});

test("a check undone goes to the log, so the record keeps that it had been done", () => {
  store.setChecked("police-first-hours", "secure-scene", true, at(2));
  store.setCheckRecord("police-first-hours", "secure-scene", { who: " Sgt. Diaz ", note: "radioed" });
  store.setChecked("police-first-hours", "secure-scene", false, at(1));
  assert.equal(store.isChecked("police-first-hours", "secure-scene"), false);
  const logged = store.undoneLog().map(({ who_at: _who, note_at: _note, ...entry }) => entry); // edit times: now
  assert.deepEqual(logged, [{
    checklist: "police-first-hours", item: "secure-scene", at: at(2), who: "Sgt. Diaz", note: "radioed", undone: at(1) }]);
});

test("after an unreadable saved text nothing is written, until the reader starts over", () => {
  start();
  storage.setItem(KEY, "{damaged");
  store.load(NOW);
  assert.equal(store.status.problem, "damaged");
  store.setChecked("a", "b", true, at(1));
  assert.equal(store.save(), false);
  assert.equal(storage.getItem(KEY), "{damaged", "the reader's text is kept as it was");
  store.startOver();
  assert.equal(store.status.problem, null);
  assert.deepEqual(stored().checks, {});
});

test("storage that throws on reading is 'unreadable' and blocks writing", () => {
  storage.unreadable = true;
  store.load(NOW);
  assert.equal(store.status.problem, "unreadable");
  assert.equal(store.save(), false);
});

test("full storage says so and keeps the page working", () => {
  storage.full = true;
  store.setChecked("a", "b", true, at(1));
  assert.equal(store.save(), false);
  assert.equal(store.status.problem, "full");
  assert.equal(store.isChecked("a", "b"), true);
});

test("a version 1 state is migrated on the first change, and its old key removed", () => {
  storage = installStorage(new FakeStorage({ [LEGACY_KEY]: JSON.stringify({ ticks: { a: { b: at(2) } }, incident: at(3) }) }));
  store.load(NOW);
  assert.equal(store.isChecked("a", "b"), true);
  store.setChecked("a", "c", true, at(1));
  store.save();
  assert.deepEqual(Object.keys(stored().checks.a).sort(), ["b", "c"]);
  assert.equal(storage.getItem(LEGACY_KEY), null);
});

test("archiving keeps the whole record, clears incident checklists and keeps preparation checks", () => {
  store.setIncident({ start: at(10), name: "March" });
  store.setChecked("police-first-hours", "secure-scene", true, at(9));
  store.setChecked("stakeholders", "list-contacts", true, at(40));
  assert.equal(store.archiveIncident(isIncident, at(1)), true);
  const [record] = store.archived();
  assert.equal(record.archived, at(1));
  assert.deepEqual(record.incident, { start: at(10), name: "March" });
  assert.ok(record.checks.get("police-first-hours").has("secure-scene"));
  assert.ok(record.checks.get("stakeholders").has("list-contacts"));
  assert.equal(store.isChecked("police-first-hours", "secure-scene"), false);
  assert.equal(store.isChecked("stakeholders", "list-contacts"), true);
  assert.equal(store.incident(), null);
  assert.equal(stored().archive.length, 1);
});

test("archiving when storage is full changes nothing: the current incident stays", () => {
  store.setIncident({ start: at(10) });
  store.setChecked("police-first-hours", "secure-scene", true, at(9));
  store.save();
  storage.full = true;
  assert.equal(store.archiveIncident(isIncident, at(1)), false);
  assert.equal(store.isChecked("police-first-hours", "secure-scene"), true);
  assert.equal(store.incidentStart(), at(10));
  assert.equal(store.archived().length, 0);
});

test(`the archive keeps at most ${ARCHIVE_KEPT} past incidents: archiving one more deletes the oldest`, () => {
  for (let i = ARCHIVE_KEPT + 1; i >= 1; i -= 1) {
    store.setIncident({ start: at(i + 100), name: `incident ${i}` });
    assert.equal(store.archiveIncident(isIncident, at(i)), true);
  }
  assert.equal(store.archived().length, ARCHIVE_KEPT);
  assert.equal(store.archived()[0].incident.name, "incident 1");
  assert.equal(store.archived().at(-1).incident.name, "incident 20");
});

test("merge: per item, the later check time wins; who and note each keep their later edit (issue 27)", () => {
  store.setChecked("police-first-hours", "secure-scene", true, at(5));
  store.setCheckRecord("police-first-hours", "secure-scene", { who: "Mine" }); // edited now: later than theirs
  merge.mergeIncident(incoming({ "police-first-hours": { "secure-scene": { at: at(2), who: "Theirs", note: "later" } } }), isIncident);
  const { who_at: _who, note_at: _note, ...merged } = store.checkOf("police-first-hours", "secure-scene");
  assert.deepEqual(merged, { at: at(2), who: "Mine", note: "later" });
});

test("merge: a check of this device that loses to a later undoing goes to the log, with its note", () => {
  store.setChecked("police-first-hours", "call-chief", true, at(5));
  store.setCheckRecord("police-first-hours", "call-chief", { note: "mine" });
  const log = [{ checklist: "police-first-hours", item: "call-chief", at: at(6), undone: at(2) }];
  merge.mergeIncident(incoming({}, log), isIncident);
  assert.equal(store.isChecked("police-first-hours", "call-chief"), false);
  assert.ok(store.undoneLog().some((e) => e.item === "call-chief" && e.note === "mine" && e.at === at(5)));
  assert.ok(store.undoneLog().some((e) => e.item === "call-chief" && e.at === at(6)));
});

test("merge: a check later than the other device's undoing stays", () => {
  store.setChecked("police-first-hours", "call-chief", true, at(1));
  merge.mergeIncident(incoming({}, [{ checklist: "police-first-hours", item: "call-chief", at: at(6), undone: at(4) }]), isIncident);
  assert.equal(store.checkTime("police-first-hours", "call-chief"), at(1));
});

test("merge: checks of both devices are all kept, and the logs are joined once, oldest first", () => {
  store.setChecked("police-first-hours", "secure-scene", true, at(5));
  store.setChecked("police-first-day", "brief-council", true, at(7));
  store.setChecked("police-first-day", "brief-council", false, at(6));
  const theirLog = [{ checklist: "police-first-day", item: "brief-council", at: at(7), undone: at(6) },
    { checklist: "police-first-day", item: "meet-leaders", at: at(9), undone: at(8) }];
  merge.mergeIncident(incoming({ "police-first-hours": { "call-chief": { at: at(3) } } }, theirLog), isIncident);
  assert.deepEqual(store.checkedItems("police-first-hours").sort(), ["call-chief", "secure-scene"]);
  assert.deepEqual(store.undoneLog().map((e) => e.item), ["meet-leaders", "brief-council"]);
});

test("merge: the incident keeps this device's start and name, and joins the roles", () => {
  store.setIncident({ start: at(10), roles: ["police"] });
  merge.mergeIncident(incoming({}, [], { start: at(12), name: "March", roles: ["mayor", "police"] }), isIncident);
  assert.deepEqual(store.incident(), { start: at(10), name: "March", roles: ["police", "mayor"] });
});

test("merge and replace leave the preparation checklists alone", () => {
  store.setChecked("stakeholders", "list-contacts", true, at(40));
  merge.mergeIncident(incoming({ stakeholders: {} }), isIncident);
  assert.equal(store.isChecked("stakeholders", "list-contacts"), true);
  merge.replaceIncident(incoming({ "police-first-hours": { "secure-scene": { at: at(1) } }, stakeholders: {} }), isIncident);
  assert.equal(store.isChecked("stakeholders", "list-contacts"), true);
  assert.equal(store.isChecked("police-first-hours", "secure-scene"), true);
});

test("delete everything removes both keys, and nothing is written until there is something to keep", () => {
  store.setChecked("a", "b", true, at(1));
  store.save();
  storage.setItem(LEGACY_KEY, "{}");
  assert.equal(store.deleteAll(), true);
  assert.equal(storage.getItem(KEY), null);
  assert.equal(storage.getItem(LEGACY_KEY), null);
  store.save();
  assert.equal(storage.getItem(KEY), null);
});

// Whether this browser holds a record (store.held): the record page loads the record's modules at once only
// then (guidebook.js); else they wait for the reader's first use of the page (first-use.js, issue 34).
const ONE_CHECK = { "police-first-hours": { "secure-scene": { at: at(1) } } };
const HELD = [
  ["nothing saved", {}, false],
  ["an empty saved state", { [KEY]: JSON.stringify({ version: 3, checks: {}, log: [], incident: null, archive: [] }) }, false],
  ["a check", { [KEY]: JSON.stringify({ version: 3, checks: ONE_CHECK, log: [], incident: null, archive: [] }) }, true],
  ["an incident's start alone", { [KEY]: JSON.stringify({ version: 3, checks: {}, log: [], incident: { start: at(1) }, archive: [] }) }, true],
  ["a past incident alone", { [KEY]: JSON.stringify({ version: 3, checks: {}, log: [], incident: null,
    archive: [{ archived: at(2), incident: { start: at(1) }, checks: ONE_CHECK, log: [] }] }) }, true],
  ["the ICS 214 preparer alone", { [PREPARER_KEY]: JSON.stringify({ name: "Lt. Ruiz" }) }, true],
  ["a version 1 state", { [LEGACY_KEY]: JSON.stringify({ ticks: { "police-first-hours": { "secure-scene": at(1) } }, incident: null }) }, true],
];
for (const [name, entries, held] of HELD) {
  test(`held(): ${name} -> ${held}`, () => {
    installStorage(new FakeStorage(entries));
    store.load(NOW);
    assert.equal(store.held(), held);
  });
}

test("held(): blocked storage holds nothing", () => {
  const blocked = new FakeStorage();
  blocked.unreadable = true;
  installStorage(blocked);
  store.load(NOW);
  assert.equal(store.held(), false);
});
