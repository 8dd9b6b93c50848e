/* Beside each checked item: when it was done ("done 10:42 PM", with the date when not today),
 * and a small <details> with who did it and a note (gb-item-record.html, one template per checklist, made
 * into an item's block when the item is first checked). Saved when a field changes. */
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

/** The words of an item, without its number ("Conduct an investigation where needed."). */
function itemText(item) {
  const label = item.querySelector("label").cloneNode(true);
  label.querySelector(".gb-number")?.remove();
  return label.textContent.trim();
}

/** Make the record block of an item from its checklist's template (gb-item-record.html). */
function makeBlock(item, box) {
  const template = box.closest(".gb-checklist")?.querySelector('[data-gb="record-template"]');
  if (!template) return null;
  const block = template.content.firstElementChild.cloneNode(true);
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

function showOne(box) {
  const check = store.checkOf(box.dataset.checklist, box.dataset.item);
  const item = box.closest(".gb-item");
  let block = item && parts(item, "record")[0];
  if (block) block.hidden = !check;
  if (!check || !item) return;
  block ??= makeBlock(item, box);
  if (!block) return;
  setText(parts(block, "record-time")[0], check.at ? say("record.done_at", { time: shortTime(check.at) }) : "");
  const said = [check.who && say("record.by", { who: check.who }), check.note].filter(Boolean).join(" · ");
  setText(parts(block, "record-said")[0], said);
  fill(parts(block, "record-who")[0], check.who ?? "");
  fill(parts(block, "record-note")[0], check.note ?? "");
}

/** Show the record of each checked item, making its block the first time (an unchecked item has none). */
export function showItemRecords(root) {
  for (const box of parts(root, "check")) showOne(box);
}

export function initItemRecords(root, onChange) {
  changed = onChange;
}
