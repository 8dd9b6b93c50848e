// Spreadsheet (CSV) files (csv.js, record.js recordCsv): the formula guard, table-driven, and the record's
// layout (incident name and start first, local date and time, elapsed "0:20" unguarded, the ISO time).
import assert from "node:assert/strict";
import { test } from "node:test";
import { csvCell, csvText, needsGuard, safe } from "../../overrides/assets/javascripts/guidebook/csv.js";

const GUARDED = [
  ["=SUM(A1)", "equals"], ["+1", "plus"], ["-1", "minus"], ["@cmd", "at"],
  ["\t=1", "tab"], ["\tplain", "tab before anything"], ["\r=1", "carriage return"], ["\n=1", "line feed"],
  ["\nplain", "line feed before anything"], [" =1", "space then equals"], ["   +1", "spaces then plus"],
  ["\u00a0=1", "no-break space then equals"], ["\u3000=1", "ideographic space then equals"],
  ["\uFF1D1+1", "full-width equals ＝"], ["\uFF0B1", "full-width plus ＋"], ["\uFF0D1", "full-width minus －"],
  ["\uFF20cmd", "full-width at ＠"], [" \uFF1D1", "space then full-width equals"], ["\u22121", "minus sign −"],
];
const PLAIN = [["Called the chief", "words"], ["", "empty"], ["1=1", "equals later"], ["a-b", "minus later"],
  ["0:20", "a time"], ['"quoted"', "quotes"], ["two\nlines", "a line feed inside"]];

for (const [text, name] of GUARDED) {
  test(`guarded: ${name}`, () => {
    assert.ok(needsGuard(text));
    assert.equal(csvCell(text), `"'${text.replaceAll('"', '""')}"`);
  });
}

for (const [text, name] of PLAIN) {
  test(`not guarded: ${name}`, () => {
    assert.ok(!needsGuard(text));
    assert.equal(csvCell(text), `"${text.replaceAll('"', '""')}"`);
  });
}

test("the guidebook's own values are not guarded", () => {
  assert.equal(csvText([[safe("-0:10"), "-x"]]), '"-0:10","\'-x"\r\n');
});

test("the record: incident first, local date and time, elapsed without a guard, the ISO time last", async () => {
  process.env.TZ = "America/New_York";
  globalThis.document = { documentElement: { lang: "en-US" } };
  const { recordCsv } = await import("../../overrides/assets/javascripts/guidebook/record.js");
  const book = { phases: [], roles: [], checklists: [{ id: "police", title: "Police", items: ["a", "b"], phase: null }] };
  const record = {
    incident: { start: "2026-11-20T18:30:00.000Z", name: "=Main Street" },
    checks: new Map([["police", new Map([["a", { at: "2026-11-20T18:50:00.000Z", who: "+Ruiz", note: "\uFF1Dnote" }]])]]),
    log: [{ checklist: "police", item: "b", at: "2026-11-20T18:20:00.000Z", undone: "2026-11-20T19:20:00.000Z" }],
    archived: "2026-11-20T20:00:00.000Z",
  };
  const lines = recordCsv(record, book, { police: { a: "Item A", b: "Item B" } }).split("\r\n");
  assert.equal(lines[0], `"record.incident","'=Main Street"`);
  assert.equal(lines[1], '"record.started","Nov 20, 2026, 1:30 PM","2026-11-20T18:30:00.000Z"');
  assert.equal(lines[3], "");
  assert.equal(lines[5], '"-0:10","Nov 20, 2026","1:20 PM","Police","Item B","record.event_checked","","","2026-11-20T18:20:00.000Z"');
  assert.equal(lines[6], '"0:20","Nov 20, 2026","1:50 PM","Police","Item A","record.event_checked","\'+Ruiz","\'\uFF1Dnote","2026-11-20T18:50:00.000Z"');
  assert.equal(lines[7].split(",")[0], '"0:50"');
});
