/* The words the script shows, from data/messages/<language>.yml: the page holds
 * them in one JSON block (<div data-gb="words" data-words="{...}">, gb-status.html). */
import { part } from "./dom.js";

let words = new Map();

/** Read the words of the page. Under instant navigation the block may be missing or
 * being replaced: the words already read (the same on every page) then stay. */
export function loadWords(root) {
  const text = part(root, "words")?.dataset.words;
  if (text) words = new Map(Object.entries(JSON.parse(text)));
}

/** The words named `key` ("incident.due"), with each {name} replaced by values[name]. */
export function say(key, values = {}) {
  const text = words.get(key) ?? key;
  return text.replace(/\{(\w+)\}/g, (placeholder, name) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder);
}

/** A short list for a message: at most `limit` entries, then "and N more". */
export function shortList(entries, limit = 5) {
  const shown = entries.slice(0, limit).map((entry) => (entry.length > 60 ? `${entry.slice(0, 57)}...` : entry));
  if (entries.length > limit) shown.push(say("import.more", { count: entries.length - limit }));
  return shown.join(", ");
}
