// The incident record (record.js): the CSV guard against formulas, time since the start, the log of
// events oldest first, and the items still open in each phase window.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { BOOK, at, say, useCatalogueWords } from "./support.mjs"; // first: the page's globals
import { csvCell, elapsed, events, openItems, recordCsv } from "../../overrides/assets/javascripts/guidebook/record.js";

before(useCatalogueWords);

const record = {
  checks: new Map([["police-first-hours", new Map([["secure-scene", { at: at(4), who: "=HYPERLINK(\"x\")", note: "ok" }]])]]),
  incident: { start: at(5) },
  log: [{ checklist: "police-first-day", item: "brief-council", at: at(3), undone: at(2), note: "+wrong" }],
};

test("a CSV cell that starts like a formula is prefixed with ', and every cell is quoted", () => {
  for (const start of ["=", "+", "-", "@", "\t", "\r"]) assert.equal(csvCell(`${start}1`), `"'${start}1"`);
  assert.equal(csvCell("plain"), '"plain"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell("a=1"), '"a=1"');
});

test("the CSV export guards every cell from the reader (who and note), one row per event", () => {
  const all = recordCsv(record, BOOK, {}).split("\r\n");
  const heading = all.findIndex((line) => line.includes(`"${say("record.csv_who")}"`));
  assert.equal(heading, 4, "the incident, its start and the as-of time, a blank line, then the columns");
  const lines = all.slice(heading);
  assert.equal(lines.length, 1 + 3 + 1, "a heading, three events, and a final line break");
  assert.ok(lines[1].includes(`"'=HYPERLINK(""x"")"`));
  assert.ok(lines[2].includes(`"'+wrong"`) && lines[3].includes(`"'+wrong"`));
  assert.ok(!/(^|,)"[=+@]/.test(lines.join("\n")));
});

test("time since the start reads hours:minutes, signed; empty without a start or time", () => {
  assert.equal(elapsed(at(4), at(5)), "+1:00");
  assert.equal(elapsed(at(0), at(25.5)), "+25:30");
  assert.equal(elapsed(at(5.25), at(5)), "-0:15");
  assert.equal(elapsed(null, at(5)), "");
  assert.equal(elapsed(at(1), null), "");
});

test("the log holds every check and every undoing, oldest first; a check without a time comes last", () => {
  const withUntimed = { ...record, checks: new Map([...record.checks, ["police-first-day", new Map([["meet-leaders", { at: null }]])]]) };
  assert.deepEqual(events(withUntimed).map((e) => [e.item, e.event]), [
    ["secure-scene", "checked"], ["brief-council", "checked"], ["brief-council", "undone"], ["meet-leaders", "checked"]]);
});

test("open items are grouped by checklist, for the checklists the incident used; preparation left out", () => {
  const { groups, others } = openItems(record, BOOK);
  assert.deepEqual(groups.map((g) => [g.checklist.id, g.items]), [
    ["police-first-hours", ["call-chief"]], ["police-first-day", ["brief-council", "meet-leaders"]]]);
  assert.deepEqual(others, []);
  const unused = openItems({ ...record, log: [] }, BOOK);
  assert.deepEqual(unused.groups.map((g) => g.checklist.id), ["police-first-hours"]);
  assert.deepEqual(unused.others.map((g) => g.checklist.id), ["police-first-day"], "summed up in one line");
});
