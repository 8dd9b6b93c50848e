// The incident bar's panels in a module of their own (issue 34; on-demand.js loads it with the bar):
// placePanels (incidentbar.js) puts the two panels where they go, once, and nothing where the page has them.
import "./support.mjs";
import { test } from "node:test";
import assert from "node:assert/strict";
import { placePanels } from "../../overrides/assets/javascripts/guidebook/incidentbar.js";

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
