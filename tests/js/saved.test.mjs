// Reading saved progress back (saved.js): field by field, every valid check kept, each bad part named;
// the old formats migrated; the stored format written back.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ARCHIVE_KEPT, LIMITS, VERSION, isId, isTime, migrateV1, readSaved, serialize,
} from "../../overrides/assets/javascripts/guidebook/saved.js";
import { NOW, at } from "./support.mjs";

const read = (saved, options = {}) => readSaved(JSON.stringify(saved), { now: NOW, ...options });
const checks = (progress) => Object.fromEntries([...progress.checks].map(([id, items]) => [id, Object.fromEntries(items)]));

test("a version 3 state is read as it was saved", () => {
  const saved = {
    version: 3,
    checks: { "police-first-hours": { "secure-scene": { at: at(2), who: "Sgt. Diaz", note: "Done & logged" } } },
    log: [{ checklist: "police-first-hours", item: "call-chief", at: at(3), undone: at(1) }],
    incident: { start: at(5), name: "Main St. march", roles: ["police"] },
    archive: [],
  };
  const { progress, dropped, problem } = read(saved);
  assert.equal(problem, null);
  assert.deepEqual(checks(progress), saved.checks);
  assert.deepEqual(progress.log, saved.log);
  assert.deepEqual(progress.incident, saved.incident);
  assert.deepEqual(dropped, { parts: [], times: 0, other: 0, count: 1 });
});

test("text that is not JSON, or JSON that is not an object, is damaged and gives an empty progress", () => {
  for (const text of ["{not json", "[1,2]", "null", "42"]) {
    const { progress, problem } = readSaved(text, { now: NOW });
    assert.equal(problem, "damaged", text);
    assert.equal(progress.checks.size, 0);
  }
});

test("a newer version shows what is readable and says so (nothing is written then)", () => {
  const { progress, problem } = read({ version: VERSION + 1, checks: { a: { b: { at: at(1) } } }, future: {} });
  assert.equal(problem, "newer");
  assert.deepEqual(checks(progress), { a: { b: { at: at(1) } } });
});

test("one bad checklist or item id is left out, and named; every valid check is kept", () => {
  const { progress, dropped } = read({
    version: 3,
    checks: { "Bad Id": { x: { at: at(1) } }, good: { "also-good": { at: at(1) }, "<script>": { at: at(1) } }, listy: [1] },
  });
  assert.deepEqual(checks(progress), { good: { "also-good": { at: at(1) } } });
  assert.deepEqual(dropped.parts, [
    { kind: "checklist", id: "Bad Id" }, { kind: "check", id: "<script>" }, { kind: "checklist", id: "listy" }]);
});

test("an impossible time keeps the check without its time, and is counted", () => {
  const { progress, dropped } = read({
    version: 3, checks: { a: { future: { at: "9999-01-01T00:00:00Z" }, old: { at: "1999-12-31T00:00:00Z" }, bare: 7 } },
  });
  assert.deepEqual(checks(progress), { a: { future: { at: null }, old: { at: null }, bare: { at: null } } });
  assert.equal(dropped.times, 3);
});

test("who and note longer than their limits, or not text, are dropped; the check stays", () => {
  const { progress, dropped } = read({
    version: 3, checks: { a: { b: { at: at(1), who: "x".repeat(LIMITS.who + 1), note: 12 } } },
  });
  assert.deepEqual(checks(progress), { a: { b: { at: at(1) } } });
  assert.equal(dropped.other, 2);
});

test("ids are data only: an item called constructor or __proto__ is an item like any other", () => {
  const text = '{"version":3,"checks":{"constructor":{"constructor":{"at":"2026-11-30T12:00:00.000Z"}},'
    + '"a":{"hasownproperty":{"at":"2026-11-30T12:00:00.000Z"}}}}';
  const { progress } = readSaved(text, { now: NOW });
  assert.ok(progress.checks.get("constructor").has("constructor"));
  assert.ok(progress.checks.get("a").has("hasownproperty"));
  assert.equal({}.constructor, Object, "no prototype was touched");
});

test("a bad incident start drops only the start; the name and roles stay", () => {
  const { progress, dropped } = read({ version: 3, incident: { start: "yesterday", name: "March", roles: ["police"] } });
  assert.deepEqual(progress.incident, { start: null, name: "March", roles: ["police"] });
  assert.deepEqual(dropped.parts, [{ kind: "incident" }]);
});

test("at most LIMITS.checks checks are read; the rest are counted, not silently lost", () => {
  const many = Object.fromEntries(Array.from({ length: LIMITS.checks + 3 }, (_, i) => [`item-${i}`, { at: at(1) }]));
  const { progress, dropped } = read({ version: 3, checks: { a: many } });
  assert.equal(progress.checks.get("a").size, LIMITS.checks);
  assert.equal(dropped.other, 3);
});

test("the archive keeps at most ARCHIVE_KEPT past incidents, newest first as saved", () => {
  const record = (i) => ({ archived: at(i + 1), incident: { start: at(i + 10) }, checks: { a: { b: { at: at(i + 2) } } }, log: [] });
  const { progress } = read({ version: 3, archive: Array.from({ length: ARCHIVE_KEPT + 2 }, (_, i) => record(i)) });
  assert.equal(progress.archive.length, ARCHIVE_KEPT);
  assert.equal(progress.archive[0].archived, at(1));
  assert.ok(progress.archive[0].checks.get("a").has("b"));
});

test("a log entry without a valid undone time is left out, and counted", () => {
  const { progress, dropped } = read({
    version: 3, log: [{ checklist: "a", item: "b", at: at(3), undone: at(1) }, { checklist: "a", item: "c", at: at(3) }],
  });
  assert.equal(progress.log.length, 1);
  assert.equal(dropped.other, 1);
});

test("version 1 (ticks and an incident time) migrates to checks and an incident, keeping every check", () => {
  const v1 = { ticks: { "police-first-hours": { "secure-scene": at(2), "call-chief": at(1) } }, incident: at(4) };
  assert.deepEqual(migrateV1(v1), {
    version: VERSION,
    checks: { "police-first-hours": { "secure-scene": { at: at(2) }, "call-chief": { at: at(1) } } },
    incident: { start: at(4) },
    archive: [],
  });
  const { progress, problem } = read(v1, { legacy: true });
  assert.equal(problem, null);
  assert.equal(progress.checks.get("police-first-hours").size, 2);
  assert.deepEqual(progress.incident, { start: at(4) });
});

test("version 2 (no log) reads with an empty log", () => {
  const { progress, problem } = read({ version: 2, checks: { a: { b: { at: at(1) } } }, incident: null, archive: [] });
  assert.equal(problem, null);
  assert.deepEqual(progress.log, []);
  assert.equal(progress.checks.get("a").get("b").at, at(1));
});

test("serialize writes version 3, and reading it back gives the same progress", () => {
  const saved = {
    version: 3,
    checks: { a: { b: { at: at(2), note: "n" } } },
    log: [{ checklist: "a", item: "c", at: at(3), undone: at(1) }],
    incident: { start: at(5) },
    archive: [{ archived: at(1), incident: { start: at(30) }, checks: { a: { d: { at: at(20) } } }, log: [] }],
  };
  const { progress } = read(saved);
  assert.deepEqual(JSON.parse(serialize(progress)), saved);
});

test("isTime: between 2000 and now (a few minutes of clock skew allowed); isId: lowercase words", () => {
  assert.ok(isTime("2000-01-01T00:00:00Z", NOW));
  assert.ok(isTime(new Date(NOW + 60_000).toISOString(), NOW));
  assert.ok(!isTime(new Date(NOW + 3600_000).toISOString(), NOW));
  assert.ok(!isTime("1999-12-31T23:59:59Z", NOW) && !isTime(12, NOW) && !isTime("x".repeat(41), NOW));
  assert.ok(isId("police-within-24-hours") && !isId("Police") && !isId("a--b") && !isId("a-") && !isId("a\n"));
});
