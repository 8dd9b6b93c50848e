/* Beside each checked item: when it was done ("done 10:42 PM", with the date when not today),
 * and a small <details> with who did it and a note (gb-item-record.html). Saved when a field changes. */
import { language, listen, part, parts, setText } from "./dom.js";
import * as store from "./store.js";
import { say } from "./words.js";

const sameDay = (a, b) => a.toDateString() === b.toDateString();

const formats = new Map(); // one Intl.DateTimeFormat per style: making one per item is slow (1,000 items: ~100 ms)

function format(style) {
  if (!formats.has(style)) {
    const time = { hour: "numeric", minute: "2-digit" };
    const day = { month: "short", day: "numeric", ...(style === "year" ? { year: "numeric" } : {}) };
    formats.set(style, new Intl.DateTimeFormat(language(), style === "time" ? time : { ...day, ...time }));
  }
  return formats.get(style);
}

/** "10:42 PM" today, "Nov 20, 10:42 PM" another day (the year too when not this year). */
export function shortTime(iso, now = new Date()) {
  const date = new Date(iso);
  if (sameDay(date, now)) return format("time").format(date);
  return format(date.getFullYear() === now.getFullYear() ? "day" : "year").format(date);
}

function fill(input, value) {
  if (document.activeElement !== input && input.value !== value) input.value = value;
}

/** Fill one item's record while it is still hidden, then show it: one change of layout per item. */
function showOne(box, now) {
  const check = store.checkOf(box.dataset.checklist, box.dataset.item);
  if (!check) {
    if (!box.hidden) box.hidden = true;
    return;
  }
  setText(part(box, "record-time"), check.at ? say("record.done_at", { time: shortTime(check.at, now) }) : "");
  const said = [check.who && say("record.by", { who: check.who }), check.note].filter(Boolean).join(" · ");
  setText(part(box, "record-said"), said);
  fill(part(box, "record-who"), check.who ?? "");
  fill(part(box, "record-note"), check.note ?? "");
  if (box.hidden) box.hidden = false;
}

export function showItemRecords(root) {
  const now = new Date();
  for (const box of parts(root, "record")) showOne(box, now);
}

export function initItemRecords(root, changed) {
  for (const box of parts(root, "record")) {
    const [who] = parts(box, "record-who");
    const [note] = parts(box, "record-note");
    const save = () => {
      if (store.setCheckRecord(box.dataset.checklist, box.dataset.item, { who: who.value, note: note.value })) changed();
    };
    listen(who, "change", save);
    listen(note, "change", save);
  }
}
