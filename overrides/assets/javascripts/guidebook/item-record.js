/* Beside each checked item: when it was done ("done 10:42 PM", with the date when not today),
 * and a small <details> with who did it and a note (gb-item-record.html, one template per checklist, made
 * into an item's block when the item is first checked). Saved when a field changes. On a copy with
 * progress, the time each item was checked, made just before printing (printTimes). */
import { find, listen, part, parts, setText } from "./dom.js";
import * as store from "./store.js";
import { addWords, say, shortTime } from "./words.js";

addWords(typeof GB_WORDS_item_record === "string" && GB_WORDS_item_record); // its words, in its file (macros/script_words.py)

/** Puts a saved value into a field, unless the reader is typing in it (or it is not made yet). */
function fill(input, value) {
  if (input && document.activeElement !== input && input.value !== value) input.value = value;
}

/** The words of an item, without its number ("Conduct an investigation where needed."). */
function itemText(item) {
  const label = item.querySelector("label");
  const number = label.querySelector(".gb-number")?.textContent ?? "";
  return label.textContent.trim().slice(number.length).trim();
}

/** Make the record block of an item from its checklist's template (gb-item-record.html). Its two fields
 * are made when the reader first opens "Who and note" (addFields): a long list of saved checks gets
 * a light block per item. */
function makeBlock(item, box) {
  const template = box.closest(".gb-checklist")?.querySelector('[data-gb="record-template"]');
  if (!template) return null;
  const block = template.content.firstElementChild.cloneNode(true);
  block.hidden = true; // shown once filled (showOne)
  Object.assign(block.dataset, { checklist: box.dataset.checklist, item: box.dataset.item });
  const edit = block.querySelector("details");
  part(block, "record-fields").remove(); // made again from the template when opened
  edit.addEventListener("toggle", () => addFields(edit, block, template), { once: true });
  setText(parts(block, "record-item")[0], ` (${itemText(item)})`);
  (item.querySelector(".gb-details") ?? item.querySelector('[data-gb="copy"]') ?? box.labels[0]).after(block);
  return block;
}

/** The who and note fields of a block, made from the template, filled from the saved check and saved
 * when they change. */
function addFields(edit, block, template) {
  const fields = part(template.content, "record-fields").cloneNode(true);
  for (const field of ["who", "note"]) {
    const [input] = parts(fields, `record-${field}`);
    input.id = `${field}-${block.dataset.item}`;
    parts(fields, `record-${field}-label`)[0].htmlFor = input.id;
    input.value = store.checkOf(block.dataset.checklist, block.dataset.item)?.[field] ?? "";
    listen(input, "change", () => save(block));
  }
  edit.append(fields);
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
  let block = item && find(item, "record");
  if (!check || !item) {
    if (block && !block.hidden) block.hidden = true;
    return;
  }
  block ??= makeBlock(item, box);
  if (!block) return;
  setText(part(block, "record-time"), check.at ? say("record.done_at", { time: shortTime(check.at, now) }) : "");
  const said = [check.who && say("record.by", { who: check.who }), check.note].filter(Boolean).join(" · ");
  const saidLine = part(block, "record-said");
  setText(saidLine, said); // on one line, cut short on screen (guidebook.css): whole in its title and in the fields
  if (saidLine.title !== said) saidLine.title = said;
  fill(find(block, "record-who"), check.who ?? ""); // the fields are made when first opened
  fill(find(block, "record-note"), check.note ?? "");
  if (block.hidden) block.hidden = false;
  item.classList.remove("gb-saved"); // the line takes the space kept for it (progress.js)
}

const BATCH = 50; // blocks made per task: 1,000 saved checks never hold the page for long (a long task is 50 ms)
let waiting = []; // boxes of checked items whose blocks are still to be made
let scheduled = false; // a task to make the next batch is asked for

const needsBlock = (box) => Boolean(store.checkOf(box.dataset.checklist, box.dataset.item))
  && !find(box.closest(".gb-item") ?? box, "record");

/** Make and show the next batch of waiting blocks; another task is asked for first while more wait. */
function makeBatch() {
  const now = new Date();
  const batch = waiting.splice(0, BATCH);
  if (waiting.length && !scheduled) {
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      makeBatch();
    });
  }
  for (const box of batch) showOne(box, now);
}

/** Show the record of each checked item. Blocks already made show the change at once; new ones are
 * made in the order of the page, the first 50 at once (an item just checked, on any list of the
 * guidebook), the rest 50 per task (1,000 saved checks). An item never checked has no block. */
export function showItemRecords(root) {
  const now = new Date();
  const boxes = parts(root, "check");
  waiting = boxes.filter(needsBlock);
  const later = new Set(waiting);
  for (const box of boxes) if (!later.has(box)) showOne(box, now);
  makeBatch();
}

export function initItemRecords(root, onChange) {
  changed = onChange;
}

/** On a copy with progress, "✓ 10:42 PM" after each checked item's label, and under the item who did it
 * and its note ("by PIO: Lt. Ruiz · Statement posted"; print.css places both): made just before printing
 * and taken out after; a blank copy (html.gb-print-blank, print.js) has none. This part loads as the page
 * opens wherever an item is checked, and the Print buttons wait for it. */
function printTimes(event) {
  for (const made of [...parts(document, "print-when"), ...parts(document, "print-said")]) made.remove();
  if (event.type === "afterprint" || document.documentElement.classList.contains("gb-print-blank")) return;
  for (const box of parts(document, "check")) {
    const { checklist, item } = box.dataset;
    const check = store.checkOf(checklist, item); // null unless checked
    if (!check?.at) continue;
    box.labels[0].after(printed("print-when", { checklist, item }, say("print.checked_at", { time: shortTime(check.at) })));
    const said = [check.who && say("record.by", { who: check.who }), check.note].filter(Boolean).join(" · ");
    if (said) box.closest(".gb-item")?.append(printed("print-said", { checklist, item }, said));
  }
}

/** A print-only part (hidden on screen) with its text. */
function printed(name, { checklist, item }, text) {
  const element = document.createElement(name === "print-when" ? "span" : "p");
  element.classList.add(`gb-${name}`, "gb-print-only");
  Object.assign(element.dataset, { gb: name, checklist, item });
  element.hidden = true;
  element.textContent = text;
  return element;
}

addEventListener("beforeprint", printTimes);
addEventListener("afterprint", printTimes);
