/* Beside each checked item: when it was done ("done 10:42 PM", with the date when not today),
 * and a small <details> with who did it and a note (gb-item-record.html). Saved when a field changes. */
import { language, listen, parts, setText } from "./dom.js";
import * as store from "./store.js";
import { say } from "./words.js";

const sameDay = (a, b) => a.toDateString() === b.toDateString();

/** "10:42 PM" today, "Nov 20, 10:42 PM" another day (the year too when not this year). */
export function shortTime(iso, now = new Date()) {
  const date = new Date(iso);
  const time = { hour: "numeric", minute: "2-digit" };
  if (sameDay(date, now)) return date.toLocaleTimeString(language(), time);
  const day = { month: "short", day: "numeric", ...(date.getFullYear() === now.getFullYear() ? {} : { year: "numeric" }) };
  return date.toLocaleString(language(), { ...day, ...time });
}

function fill(input, value) {
  if (document.activeElement !== input && input.value !== value) input.value = value;
}

function showOne(box) {
  const check = store.checkOf(box.dataset.checklist, box.dataset.item);
  box.hidden = !check;
  if (!check) return;
  setText(parts(box, "record-time")[0], check.at ? say("record.done_at", { time: shortTime(check.at) }) : "");
  const said = [check.who && say("record.by", { who: check.who }), check.note].filter(Boolean).join(" · ");
  setText(parts(box, "record-said")[0], said);
  fill(parts(box, "record-who")[0], check.who ?? "");
  fill(parts(box, "record-note")[0], check.note ?? "");
}

export function showItemRecords(root) {
  for (const box of parts(root, "record")) showOne(box);
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
