// Shared by the unit tests of the page script (node --test tests/js/): the catalogue's words, a fake
// localStorage, and a fixed clock.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The words the script can show, from data/messages/en.yml: given by tests/unit/test_node.py in
 * GB_WORDS, or read with the project's Python when the tests run on their own. */
function catalogueWords() {
  if (process.env.GB_WORDS) return JSON.parse(process.env.GB_WORDS);
  const venv = `${ROOT}.venv/bin/python`;
  const python = existsSync(venv) ? venv : "python3";
  const code = "import json; from tests.support import catalogue; print(json.dumps(catalogue().for_script()))";
  return JSON.parse(execFileSync(python, ["-c", code], { cwd: ROOT, encoding: "utf-8" }));
}

export const WORDS = catalogueWords();

/** The catalogue's words named `key`, with each {name} filled in (as words.js's say does). */
export function say(key, values = {}) {
  if (!Object.hasOwn(WORDS, key)) throw new Error(`no word ${key} in the catalogue`);
  return WORDS[key].replace(/\{(\w+)\}/g, (placeholder, name) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder);
}
