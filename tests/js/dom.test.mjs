// Finding the page's hooks (dom.js): part() for a hook the page must have, which names a missing one;
// find() for a hook only some pages have. Every name is listed in hooks.js.
import { test } from "node:test";
import assert from "node:assert/strict";
import { find, part, parts } from "../../overrides/assets/javascripts/guidebook/dom.js";
import { HOOKS } from "../../overrides/assets/javascripts/guidebook/hooks.js";

/** A stand-in for a page holding elements with the given hook names. */
function page(...names) {
  const elements = names.map((name) => ({ dataset: { gb: name } }));
  const matching = (selector) => elements.filter((e) => selector === `[data-gb="${e.dataset.gb}"]`);
  return { querySelector: (s) => matching(s)[0] ?? null, querySelectorAll: (s) => matching(s) };
}

test("part() gives the hook's element", () => {
  assert.equal(part(page("bar-began"), "bar-began").dataset.gb, "bar-began");
});

test("part() throws an error that names a missing hook", () => {
  assert.throws(() => part(page("bar-open"), "bar-began"), { name: "MissingHook", message: '[data-gb="bar-began"]' });
});

test("find() gives null for a hook this page does not have; parts() every element", () => {
  assert.equal(find(page(), "record-page"), null);
  assert.equal(parts(page("check", "check", "bar"), "check").length, 2);
});

test("the hooks list is one plain list of names, each with where it is", () => {
  assert.ok(Object.keys(HOOKS).length > 90);
  for (const [name, where] of Object.entries(HOOKS)) {
    assert.match(name, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    assert.ok([where].flat().every((w) => /^gb-[a-z-]+\.html$|^[a-z-]+\.js$/.test(w)), name);
  }
});
