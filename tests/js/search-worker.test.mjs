// Contract test of search on demand: our worker (workers/search-on-demand.js) speaking Material's private
// worker protocol to the installed Material's own search worker, both run as a browser runs a worker's
// classic scripts (one global scope; importScripts). A Material upgrade that changes the protocol fails here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { materialWorkers } from "./support.mjs";
import { SEARCH_CHANNEL, WARM, opensSearch } from "../../overrides/assets/javascripts/guidebook/search-open.js";

const OURS = new URL("../../overrides/assets/javascripts/workers/search-on-demand.js", import.meta.url);
const WORKERS = materialWorkers();
const MATERIAL_WORKER = readdirSync(WORKERS).find((name) => /^search\.[0-9a-f]+\.min\.js$/.test(name));
const [SETUP, READY, QUERY, RESULT] = [0, 1, 2, 3];
const CONFIG = { lang: ["en"], separator: "[\\s\\-]+", pipeline: ["stopWordFilter"],
  fields: { title: { boost: 1000 }, text: { boost: 1 }, tags: { boost: 1000000 } } };
const DOCS = [
  { location: "police/within-24-hours/", title: "Within 24 hours", text: "" },
  { location: "police/within-24-hours/#investigate-where-needed", title: "Conduct an investigation where needed", text: "" },
  { location: "about/", title: "About the guidebook", text: "<p>Checklists for municipal leaders.</p>" },
];

/** A worker's global scope: our worker loaded, the page's messages sent to it, its answers kept. */
function startWorker() {
  const answers = [];
  const fetched = [];
  const channels = []; // the BroadcastChannels the worker listens on: { name, listeners }
  class BroadcastChannel {
    constructor(name) { this.name = name; this.listeners = []; channels.push(this); }
    addEventListener(type, listener) { if (type === "message") this.listeners.push(listener); }
  }
  const broadcast = (name, data) => channels.filter((c) => c.name === name).forEach((c) => c.listeners.forEach((l) => l({ data })));
  const scope = Object.create({ // a worker's globals live on its prototype: `delete self.x` restores them
    postMessage(message) { answers.push(structuredClone(message)); },
    addEventListener(type, listener) { if (type === "message") scope.pageListener = listener; },
  });
  Object.assign(scope, {
    console: { ...console, warn: () => {} }, URL, setTimeout, clearTimeout, structuredClone, BroadcastChannel,
    location: { href: `https://example.org/assets/javascripts/workers/search-on-demand.js?worker=${MATERIAL_WORKER}&docs=../../../search/search_docs.json` },
    fetch: async (url) => {
      fetched.push(String(url));
      return { ok: true, status: 200, json: async () => ({ config: CONFIG, docs: DOCS }) };
    },
    importScripts: (name) => vm.runInContext(readFileSync(join(WORKERS, name), "utf-8"), scope, { filename: name }),
  });
  scope.self = scope;
  vm.createContext(scope);
  vm.runInContext(readFileSync(OURS, "utf-8"), scope, { filename: "search-on-demand.js" });
  const send = (message) => scope.pageListener({ data: message });
  return { answers, fetched, send, broadcast };
}

async function until(condition) {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), "the worker did not answer");
}

test("Material's worker is where the page's __config names it: one search.<hash>.min.js", () => {
  assert.ok(MATERIAL_WORKER, `no search worker in ${WORKERS}`);
});

test("setup is answered at once with READY, and an empty query with no results, before anything loads", async () => {
  const { answers, fetched, send } = startWorker();
  send({ type: SETUP, data: { config: CONFIG, docs: [], options: { suggest: false } } });
  send({ type: QUERY, data: "" });
  assert.deepEqual(answers, [{ type: READY }, { type: RESULT, data: { items: [] } }]);
  assert.deepEqual(fetched, []);
});

test("the first query loads the index and Material's worker, which answers with its results", async () => {
  const { answers, fetched, send } = startWorker();
  send({ type: SETUP, data: { config: CONFIG, docs: [], options: { suggest: false } } });
  send({ type: QUERY, data: "investigation" });
  await until(() => answers.length === 2);
  assert.deepEqual(fetched, ["https://example.org/search/search_docs.json"]);
  assert.equal(answers.filter((a) => a.type === READY).length, 1, "the page gets one READY, ours");
  const result = answers[1];
  assert.equal(result.type, RESULT);
  const locations = result.data.items.flat().map((item) => item.location);
  assert.ok(locations.includes("police/within-24-hours/#investigate-where-needed"), JSON.stringify(result.data));
});

test("from then on Material's worker answers every query itself", async () => {
  const { answers, send } = startWorker();
  send({ type: SETUP, data: { config: CONFIG, docs: [], options: { suggest: false } } });
  send({ type: QUERY, data: "investigation" });
  await until(() => answers.length === 2);
  send({ type: QUERY, data: "municipal" });
  await until(() => answers.length === 3);
  assert.deepEqual(answers[2].data.items.flat().map((item) => item.location), ["about/"]);
});

test("the page's word that the search box opened loads the index and Material's worker before any query", async () => {
  const { answers, fetched, send, broadcast } = startWorker();
  send({ type: SETUP, data: { config: CONFIG, docs: [], options: { suggest: false } } });
  broadcast(SEARCH_CHANNEL, WARM);
  await until(() => fetched.length === 1);
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(answers, [{ type: READY }], "no answer before a query; READY once, ours");
  send({ type: QUERY, data: "municipal" });
  await until(() => answers.length === 2);
  assert.deepEqual(answers[1].data.items.flat().map((item) => item.location), ["about/"]);
  assert.equal(fetched.length, 1, "the index is fetched once");
});

test("a word that came before the page's setup waits for it; other words are ignored", async () => {
  const { answers, fetched, send, broadcast } = startWorker();
  broadcast(SEARCH_CHANNEL, "something else");
  broadcast("another-channel", WARM);
  broadcast(SEARCH_CHANNEL, WARM);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(fetched, [], "nothing loads without the page's setup");
  send({ type: SETUP, data: { config: CONFIG, docs: [], options: { suggest: false } } });
  await until(() => fetched.length === 1);
  send({ type: QUERY, data: "investigation" });
  await until(() => answers.length === 2);
  assert.equal(answers[1].type, RESULT);
});

test("opening the search: a tap on its button, the focus of its box, or the toggle turned on", () => {
  const element = (matches, extra = {}) => ({ closest: (selector) => (matches.includes(selector) ? {} : null), ...extra });
  const button = element(['label[for="__search"]']);
  const box = element(['[data-md-component="search-query"]']);
  const other = element([]);
  const toggle = (checked) => ({ ...element([]), id: "__search", checked });
  const cases = [
    [{ type: "pointerdown", target: button }, true],
    [{ type: "focusin", target: box }, true],
    [{ type: "change", target: toggle(true) }, true],
    [{ type: "change", target: toggle(false) }, false],
    [{ type: "pointerdown", target: other }, false],
    [{ type: "focusin", target: other }, false],
    [{ type: "change", target: { ...element([]), id: "another", checked: true } }, false],
    [{ type: "focusin", target: null }, false],
    [{ type: "focusin", target: {} }, false],
  ];
  for (const [event, expected] of cases) assert.equal(opensSearch(event), expected, JSON.stringify(event));
});
