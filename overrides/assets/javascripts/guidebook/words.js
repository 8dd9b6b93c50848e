/* The words the script shows, from data/messages/<language>.yml: the page holds
 * them in one JSON block (<script type="application/json" data-gb="words">). */
import { part } from "./dom.js";

let words = new Map();

export function loadWords(root) {
  const block = part(root, "words");
  words = new Map(Object.entries(block ? JSON.parse(block.textContent) : {}));
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
