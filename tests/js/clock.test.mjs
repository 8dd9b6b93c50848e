// The incident clock's arithmetic (clock.js): each phase's window in hours after the start, and where
// the incident stands in it. The phases are suggested windows, never deadlines.
import { test } from "node:test";
import assert from "node:assert/strict";
import { standing, windows } from "../../overrides/assets/javascripts/guidebook/clock.js";
import { BOOK } from "./support.mjs";

test("each timed phase runs from the end of the one before to its own hours; the last from there on", () => {
  assert.deepEqual(windows(BOOK.phases), [null, { from: 0, to: 2 }, { from: 2, to: 24 }, { from: 24, to: Infinity }]);
});

test("the guidebook's phases: two hours, a day, a week, then long term", () => {
  const phases = [{ hours: null }, { hours: 2 }, { hours: 24 }, { hours: 168 }, { hours: null }];
  assert.deepEqual(windows(phases),
    [null, { from: 0, to: 2 }, { from: 2, to: 24 }, { from: 24, to: 168 }, { from: 168, to: Infinity }]);
});

test("a phase before the first timed one has no window (Before an incident)", () => {
  assert.deepEqual(windows([{ hours: null }, { hours: null }]), [null, null]);
});

test("where the incident stands: ahead before the window, now inside it, past after it", () => {
  const window = { from: 2, to: 24 };
  assert.equal(standing(window, 1.99), "ahead");
  assert.equal(standing(window, 2), "now");
  assert.equal(standing(window, 23.99), "now");
  assert.equal(standing(window, 24), "past");
  assert.equal(standing({ from: 24, to: Infinity }, 10_000), "now");
});

test("without a start, or for a phase with no window, the incident stands nowhere", () => {
  assert.equal(standing({ from: 0, to: 2 }, null), "");
  assert.equal(standing(null, 5), "");
});

test("exactly one window is 'now' at any time after the start", () => {
  const all = windows(BOOK.phases);
  for (const hours of [0, 0.5, 2, 10, 24, 1000]) {
    assert.equal(all.filter((w) => standing(w, hours) === "now").length, 1, `${hours} hours`);
  }
});
