// The incident bar's panels in a file of their own (issue 34): fetchPanels (panels.js) fetches the file the
// bar names once and keeps its text for every later page; a file that cannot be fetched rejects (on-demand.js
// then says "loading.failed"); placePanels (incidentbar.js) puts the two panels where they go, once.
import "./support.mjs";
import { test } from "node:test";
import assert from "node:assert/strict";
import { fetchPanels } from "../../overrides/assets/javascripts/guidebook/panels.js";
import { placePanels } from "../../overrides/assets/javascripts/guidebook/incidentbar.js";

const BASE = "https://example.org/cares/guidebook/police/within-24-hours/";

function server(answers) {
  const asked = [];
  const fetcher = async (url) => {
    asked.push(url);
    const answer = answers[url];
    return answer === undefined ? { ok: false, status: 404 } : { ok: true, text: async () => answer };
  };
  return { asked, fetcher };
}

test("no file named: no fetch, and no markup to place (the offline edition's pages carry the panels)", async () => {
  const { asked, fetcher } = server({});
  assert.equal(await fetchPanels(undefined, BASE, fetcher), "");
  assert.deepEqual(asked, []);
});

test("the file is fetched once, from the page's address, and its text kept for later pages", async () => {
  const url = "https://example.org/cares/guidebook/assets/javascripts/guidebook/bar-panels.0123456789.html";
  const { asked, fetcher } = server({ [url]: "<div>panels</div>" });
  const src = "../../assets/javascripts/guidebook/bar-panels.0123456789.html";
  assert.equal(await fetchPanels(src, BASE, fetcher), "<div>panels</div>");
  assert.equal(await fetchPanels(src, "https://example.org/cares/guidebook/municipal/crisis-response/", fetcher),
    "<div>panels</div>", "another page");
  assert.equal(await fetchPanels("../assets/javascripts/guidebook/bar-panels.0123456789.html",
    "https://example.org/cares/guidebook/record/", fetcher), "<div>panels</div>", "named by another relative address");
  assert.deepEqual(asked, [url]);
});

test("a file that cannot be fetched rejects, and is asked for again next time", async () => {
  const { asked, fetcher } = server({});
  await assert.rejects(fetchPanels("bar-panels.aaaaaaaaaa.html", BASE, fetcher), /404/);
  await assert.rejects(fetchPanels("bar-panels.aaaaaaaaaa.html", BASE, fetcher), /404/);
  assert.equal(asked.length, 2);
  await assert.rejects(fetchPanels("x.html", BASE, async () => { throw new TypeError("Failed to fetch"); }), TypeError);
});

/** A stand-in element: its hook name, children, and the few DOM methods placePanels uses. */
function element(gb, ...children) {
  const node = { dataset: gb ? { gb } : {}, children, parent: null };
  for (const child of children) child.parent = node;
  node.querySelector = (selector) => {
    for (const child of node.children) {
      if (selector === `[data-gb="${child.dataset.gb}"]`) return child;
      const found = child.querySelector(selector);
      if (found) return found;
    }
    return null;
  };
  node.append = (child) => { child.parent?.children.splice(child.parent.children.indexOf(child), 1); child.parent = node; node.children.push(child); };
  node.replaceWith = (other) => {
    const siblings = node.parent.children;
    other.parent?.children.splice(other.parent.children.indexOf(other), 1);
    siblings[siblings.indexOf(node)] = other;
    other.parent = node.parent;
  };
  return node;
}

function page() {
  const summary = element("summary");
  const change = element("bar-change", summary);
  const bar = element("incident-bar", element(null, change), element("bar-panels"));
  const parsed = [];
  const doc = {
    createElement: (name) => {
      assert.equal(name, "template");
      const template = { content: element(null, element("bar-change-panel"), element("handoff")) };
      Object.defineProperty(template, "innerHTML", { set: (text) => parsed.push(text) });
      return template;
    },
  };
  return { bar, change, doc, parsed };
}

test("the panels go in place: Change's after its summary, Hand over…'s instead of the placeholder", () => {
  const { bar, change, doc, parsed } = page();
  placePanels(bar, "<panels>", doc);
  assert.deepEqual(parsed, ["<panels>"]);
  assert.deepEqual(change.children.map((c) => c.dataset.gb), ["summary", "bar-change-panel"]);
  assert.deepEqual(bar.children.map((c) => c.dataset.gb), [undefined, "handoff"]);
  placePanels(bar, "<panels>", doc);
  assert.equal(parsed.length, 1, "once: no placeholder left");
});

test("nothing to place: no markup (the page carries the panels)", () => {
  const { bar, doc, parsed } = page();
  placePanels(bar, "", doc);
  assert.deepEqual(parsed, []);
  assert.equal(bar.querySelector('[data-gb="bar-panels"]').dataset.gb, "bar-panels");
});
