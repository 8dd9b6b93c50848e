// Merges never lose work (merge.js mergeIncident, mergeChecks): who and note are merged per field with
// their own edit times; whatever the result replaced goes to the log.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as store from "../../overrides/assets/javascripts/guidebook/store.js";
import * as merge from "../../overrides/assets/javascripts/guidebook/merge.js";

const L = "police-within-two-hours";
const all = () => true;
const T = (minute) => new Date(Date.UTC(2026, 11, 7, 10, minute)).toISOString();
const checks = (items) => new Map([[L, new Map(Object.entries(items))]]);

function merged(mine, theirs, { myLog = [], theirLog = [] } = {}) {
  store.replaceAll(checks(mine), { start: T(0) }, myLog);
  merge.mergeIncident({ checks: checks(theirs), incident: null, log: theirLog }, all, T(59));
  return { item: store.allChecks().get(L)?.get("a") ?? null, log: [...store.undoneLog()] };
}

test("a later check of the other device keeps this device's who and note", () => {
  const { item, log } = merged({ a: { at: T(1), who: "PIO: Lt. Ruiz", note: "Statement out" } }, { a: { at: T(5) } });
  assert.deepEqual(item, { at: T(5), who: "PIO: Lt. Ruiz", note: "Statement out" });
  assert.deepEqual(log, [{ checklist: L, item: "a", at: T(1), who: "PIO: Lt. Ruiz", note: "Statement out", undone: T(59), replaced: true }],
    "the earlier check time is kept in the log");
});

test("a note written after the other device's check is kept (its own edit time)", () => {
  const mine = { at: T(1), note: "Called the chief", note_at: T(20) };
  const { item, log } = merged({ a: mine }, { a: { at: T(5), note: "Their note" } });
  assert.equal(item.note, "Called the chief");
  assert.equal(item.at, T(5));
  assert.ok(log.some((e) => e.replaced && e.note === "Their note"), "their replaced note is in the log");
});

test("field by field: the later edit of each field wins, the other goes to the log", () => {
  const mine = { at: T(1), who: "Ruiz", who_at: T(30), note: "mine", note_at: T(2) };
  const theirs = { at: T(5), who: "Chen", who_at: T(10), note: "theirs", note_at: T(40) };
  const { item, log } = merged({ a: mine }, { a: theirs });
  assert.deepEqual(item, { at: T(5), who: "Ruiz", who_at: T(30), note: "theirs", note_at: T(40) });
  assert.equal(log.length, 2);
  assert.deepEqual(log.map((e) => [e.who, e.note]).sort(), [["Chen", "theirs"], ["Ruiz", "mine"]]);
});

test("a cleared field with a later edit time clears the other device's value, which is logged", () => {
  const { item, log } = merged({ a: { at: T(1), who: "Ruiz" } }, { a: { at: T(5), who_at: T(6) } });
  assert.equal(item.who, undefined);
  assert.equal(item.who_at, T(6));
  assert.equal(log[0].who, "Ruiz");
});

test("merging the same record twice adds nothing more", () => {
  const mine = { a: { at: T(1), who: "Ruiz" } };
  const theirs = { a: { at: T(5) } };
  store.replaceAll(checks(mine), { start: T(0) }, []);
  merge.mergeIncident({ checks: checks(theirs), incident: null, log: [] }, all, T(50));
  const once = store.undoneLog().length;
  merge.mergeIncident({ checks: checks(theirs), incident: null, log: [] }, all, T(55));
  assert.equal(store.undoneLog().length, once);
});

test("identical checks log nothing", () => {
  const same = { at: T(1), who: "Ruiz", note: "n" };
  assert.deepEqual(merged({ a: same }, { a: { ...same } }).log, []);
});

test("a later undoing still wins, and the undone check keeps its who and note in the log", () => {
  const theirLog = [{ checklist: L, item: "a", at: T(1), undone: T(10) }];
  const { item, log } = merged({ a: { at: T(2), who: "Ruiz", note: "n" } }, {}, { theirLog });
  assert.equal(item, null);
  assert.ok(log.some((e) => !e.replaced && e.who === "Ruiz" && e.note === "n" && e.undone === T(10)));
});

test("a check after the other device's undoing wins, with its who", () => {
  const theirLog = [{ checklist: L, item: "a", at: T(1), undone: T(10) }];
  const { item } = merged({ a: { at: T(12), who: "Ruiz" } }, {}, { theirLog });
  assert.deepEqual(item, { at: T(12), who: "Ruiz" });
});

test("a replaced entry in the log is not taken for an undoing", () => {
  const myLog = [{ checklist: L, item: "a", at: T(1), undone: T(30), replaced: true }];
  const { item } = merged({ a: { at: T(5) } }, { a: { at: T(5) } }, { myLog });
  assert.deepEqual(item, { at: T(5) });
});

test("setCheckRecord stamps the edited field only", () => {
  store.replaceAll(checks({ a: { at: T(1) } }), null, []);
  store.setCheckRecord(L, "a", { who: "Ruiz", note: "" }, T(7));
  assert.deepEqual(store.checkOf(L, "a"), { at: T(1), who: "Ruiz", who_at: T(7) });
  store.setCheckRecord(L, "a", { who: "Ruiz", note: "later" }, T(9));
  assert.deepEqual(store.checkOf(L, "a"), { at: T(1), who: "Ruiz", who_at: T(7), note: "later", note_at: T(9) });
  store.setCheckRecord(L, "a", { who: "", note: "later" }, T(11));
  assert.deepEqual(store.checkOf(L, "a"), { at: T(1), who_at: T(11), note: "later", note_at: T(9) });
});
