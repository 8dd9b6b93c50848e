// Handover by link (handover.js): the incident, compressed (deflate-raw) and base64url-encoded in the
// link's fragment; read back like an import; a damaged, cut or oversized link changes nothing.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { BOOK, NOW, at, installStorage } from "./support.mjs"; // first: the page's globals
import * as store from "../../overrides/assets/javascripts/guidebook/store.js";
import { makeLink, readLink } from "../../overrides/assets/javascripts/guidebook/handover.js";

const BASE = "https://example.org/guidebook/record/";

async function deflated(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return Buffer.from(await new Response(stream).arrayBuffer()).toString("base64url");
}

async function problemOf(link) {
  try {
    await readLink(link, BOOK, NOW);
  } catch (problem) {
    return problem.message;
  }
  return null;
}

beforeEach(() => {
  installStorage();
  store.load(NOW);
  store.setIncident({ start: at(5), name: "March on Main St." });
  store.setChecked("police-first-hours", "secure-scene", true, at(4));
  store.setCheckRecord("police-first-hours", "secure-scene", { who: "Sgt. Diaz", note: "Perimeter set, 3 units" });
  store.setChecked("police-first-day", "brief-council", true, at(3));
  store.setChecked("police-first-day", "brief-council", false, at(2));
  store.setChecked("stakeholders", "list-contacts", true, at(50));
});

test("the link is the page's address with the data in its fragment, in base64url only", async () => {
  const link = await makeLink(BOOK, BASE);
  assert.ok(link.startsWith(`${BASE}#handover=2.`), "version 2: the data and its CRC-32 (linkcode.js)");
  assert.match(link.slice(link.indexOf("#handover=2.") + 12), /^[A-Za-z0-9_-]+$/);
});

test("a link read back gives the incident: checks with who and note, the start and name, undone checks", async () => {
  const read = await readLink(await makeLink(BOOK, BASE), BOOK, NOW);
  assert.deepEqual(read.checks.get("police-first-hours").get("secure-scene"),
    { at: at(4), who: "Sgt. Diaz", note: "Perimeter set, 3 units" });
  assert.deepEqual(read.incident, { start: at(5), name: "March on Main St." });
  assert.deepEqual(read.log.map((e) => [e.item, e.undone]), [["brief-council", at(2)]]);
});

test("only the incident's checklists go into the link, not the preparation ones", async () => {
  const read = await readLink(await makeLink(BOOK, BASE), BOOK, NOW);
  assert.equal(read.checks.has("stakeholders"), false);
});

test("the fragment alone, or the link pasted with spaces around it, reads the same", async () => {
  const link = await makeLink(BOOK, BASE);
  const fragment = link.slice(link.indexOf("#"));
  assert.deepEqual((await readLink(`${fragment}  `, BOOK, NOW)).incident, { start: at(5), name: "March on Main St." });
});

test("an address without handover data is not a link", async () => {
  assert.equal(await problemOf(BASE), "handover.not_a_link");
});

test("a damaged or cut link is refused as damaged", async () => {
  const link = await makeLink(BOOK, BASE);
  assert.equal(await problemOf(`${link.slice(0, -1)}!`), "handover.damaged");
  assert.equal(await problemOf(link.slice(0, Math.floor(link.length * 0.7))), "handover.damaged");
  assert.equal(await problemOf(`${BASE}#handover=1.${await deflated("{not json")}`), "handover.damaged");
  assert.equal(await problemOf(`${BASE}#handover=1.${await deflated('{"format":"other"}')}`), "handover.damaged");
});

test("a small link that inflates past 1 MB is refused as too big, before it is read", async () => {
  const bomb = await deflated(" ".repeat(2 * 1024 * 1024));
  assert.ok(bomb.length < 10_000);
  assert.equal(await problemOf(`${BASE}#handover=1.${bomb}`), "handover.too_big");
});

test("a link longer than a compressed 1 MB is refused without being decoded", async () => {
  assert.equal(await problemOf(`${BASE}#handover=1.${"A".repeat(1_500_000)}`), "handover.too_big");
});
