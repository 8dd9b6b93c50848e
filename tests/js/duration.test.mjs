// Durations as people say them (duration.js), with the catalogue's words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { duration } from "../../overrides/assets/javascripts/guidebook/duration.js";
import { say } from "./support.mjs";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const spoken = (ms) => duration(ms, say);

test("minutes, hours and days read as people say them", () => {
  assert.equal(spoken(40 * MINUTE), "40 minutes");
  assert.equal(spoken(30 * HOUR), "30 hours");
  assert.equal(spoken(6 * 24 * HOUR), "6 days");
});

test("mixed units, and one of a unit in the singular", () => {
  assert.equal(spoken(137 * HOUR + 59 * MINUTE), "5 days 18 hours");
  assert.equal(spoken(2 * HOUR + 10 * MINUTE), "2 hours 10 minutes");
  assert.equal(spoken(MINUTE), "1 minute");
  assert.equal(spoken(HOUR), "1 hour");
  assert.equal(spoken(49 * HOUR), "2 days 1 hour");
});

test("a day is said in hours up to 24 hours", () => {
  assert.equal(spoken(24 * HOUR), "24 hours");
});

test("under a minute, zero and negative durations say 'less than a minute'", () => {
  for (const ms of [0, 29_000, -5 * MINUTE]) assert.equal(spoken(ms), "less than a minute");
});
