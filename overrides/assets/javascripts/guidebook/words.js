/* The words the script shows, from data/messages/<language>.yml: the page holds
 * those of the modules every page runs in one JSON block (<div data-gb="words"
 * data-words="{...}">, gb-status.html); a module loaded later brings its own
 * (addWords; macros/script_words.py). And the times it shows, on the page and on
 * paper, in the page's language. */
import { find, language } from "./dom.js";

const words = new Map();

/** Add words (JSON): those a module loaded later shows, in its file; `false` or nothing (no define: the
 * unit tests, which import the sources) adds none. */
export function addWords(json) {
  if (json) for (const [key, text] of Object.entries(JSON.parse(json))) words.set(key, text);
}

/** Read the words of the page. Under instant navigation the block may be missing or
 * being replaced: the words already read (the same on every page) then stay. */
export function loadWords(root) {
  addWords(find(root, "words")?.dataset.words);
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

const sameDay = (a, b) => a.toDateString() === b.toDateString();

const formats = new Map(); // one Intl.DateTimeFormat per style: making one per item is slow (1,000 items: ~100 ms)

const STYLES = {
  time: { hour: "numeric", minute: "2-digit" },
  day: { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" },
  year: { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" },
  date: { month: "short", day: "numeric", year: "numeric" },
  time24: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  numeric: { month: "2-digit", day: "2-digit", year: "numeric" },
};

/** The formatter of a style of time: "time" (10:42 PM), "day" (Nov 20, 10:42 PM), "year" (Nov 20, 2026,
 * 10:42 PM), "date" (Nov 20, 2026), "time24" (22:42), "numeric" (11/20/2026). */
export function timeFormat(style) {
  if (!formats.has(style)) formats.set(style, new Intl.DateTimeFormat(language(), STYLES[style]));
  return formats.get(style);
}

/** A time as the page and the paper show it: "10:42 PM" today, "Nov 20, 10:42 PM" another day (the year
 * too when not this year). `when` is a Date or an ISO text; `now = new Date(0)` always gives the date and year. */
export function shortTime(when, now = new Date()) {
  const date = new Date(when);
  if (sameDay(date, now)) return timeFormat("time").format(date);
  return timeFormat(date.getFullYear() === now.getFullYear() ? "day" : "year").format(date);
}
