/* Beside each checked item: when it was done ("done 10:42 PM", with the date when not today),
/* Beside each checked item: when it was done ("done 10:42 PM", with the date when not today),
 * and a small <details> with who did it and a note (gb-item-record.html, one template per checklist, made
 * into an item's block when the item is first checked). Saved when a field changes. */
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

/** The words of an item, without its number ("Conduct an investigation where needed."). */
function itemText(item) {
  const label = item.querySelector("label");
  const number = label.querySelector(".gb-number")?.textContent ?? "";
  return label.textContent.trim().slice(number.length).trim();
}

/** Make the record block of an item from its checklist's template (gb-item-record.html). */
function makeBlock(item, box) {
  const template = box.closest(".gb-checklist")?.querySelector('[data-gb="record-template"]');
  if (!template) return null;
  const block = template.content.firstElementChild.cloneNode(true);
  block.hidden = true; // shown once filled (showOne)
  Object.assign(block.dataset, { checklist: box.dataset.checklist, item: box.dataset.item });
  for (const field of ["who", "note"]) {
    const [input] = parts(block, `record-${field}`);
    input.id = `${field}-${box.dataset.item}`;
    parts(block, `record-${field}-label`)[0].htmlFor = input.id;
    listen(input, "change", () => save(block));
  }
  setText(parts(block, "record-item")[0], ` (${itemText(item)})`);
  (item.querySelector(".gb-details") ?? item.querySelector('[data-gb="copy"]') ?? box.labels[0]).after(block);
  return block;
}

let changed = () => {};

/** Save the two fields of a block; `changed` (set by initItemRecords) shows the result everywhere. */
function save(block) {
  const [who] = parts(block, "record-who");
  const [note] = parts(block, "record-note");
  if (store.setCheckRecord(block.dataset.checklist, block.dataset.item, { who: who.value, note: note.value })) changed();
}

/** Fill one item's record while it is hidden, then show it: one change of layout per item. An item
 * that was never checked has no block and gets none until it is. */
function showOne(box, now) {
  const check = store.checkOf(box.dataset.checklist, box.dataset.item);
  const item = box.closest(".gb-item");
  let block = item && part(item, "record");
  if (!check || !item) {
    if (block && !block.hidden) block.hidden = true;
    return;
  }
  block ??= makeBlock(item, box);
  if (!block) return;
  setText(part(block, "record-time"), check.at ? say("record.done_at", { time: shortTime(check.at, now) }) : "");
  const said = [check.who && say("record.by", { who: check.who }), check.note].filter(Boolean).join(" · ");
  setText(part(block, "record-said"), said);
  fill(part(block, "record-who"), check.who ?? "");
  fill(part(block, "record-note"), check.note ?? "");
  if (block.hidden) block.hidden = false;
}

/** Show the record of each checked item, making its block the first time (an unchecked item has none). */
export function showItemRecords(root) {
  const now = new Date();
  for (const box of parts(root, "check")) showOne(box, now);
}

export function initItemRecords(root, onChange) {
  changed = onChange;
}
