// The words the script shows (words.js): the page's block, then the words each module loaded later
// brings in its file (addWords; macros/script_words.py). Every word read stays for the next page.
import { test } from "node:test";
import assert from "node:assert/strict";
import "./support.mjs";
import { addWords, loadWords, say } from "../../overrides/assets/javascripts/guidebook/words.js";

/** A stand-in for a page whose words block holds `words` (or a page without the block: null). */
const page = (words) => ({
  querySelector: (selector) => (words && selector === '[data-gb="words"]' ? { dataset: { words: JSON.stringify(words) } } : null),
});

test("a module's words, added when it loads, are said with their values filled in", () => {
  addWords(JSON.stringify({ "test.later": "{count} later" }));
  assert.equal(say("test.later", { count: 3 }), "3 later");
});

test("without a define (the unit tests import the sources) a module adds no words, and nothing breaks", () => {
  assert.doesNotThrow(() => addWords(false));
  assert.equal(say("test.never"), "test.never");
});

test("the next page's block keeps the words modules brought, and a page without the block keeps all", () => {
  addWords(JSON.stringify({ "test.kept": "Kept" }));
  loadWords(page({ "test.page": "On the page" }));
  loadWords(page(null));
  assert.equal(say("test.kept"), "Kept");
  assert.equal(say("test.page"), "On the page");
});
