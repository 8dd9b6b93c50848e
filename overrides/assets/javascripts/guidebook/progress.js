/* Checks, counts and bars, and the reset buttons. A count covers the boxes on
 * the page, or else (the home page) the manifest's items. */
import { find, listen, manifest, part, parts, setText } from "./dom.js";
import { showNotice } from "./notice.js";
import * as store from "./store.js";
import { say } from "./words.js";

/** Checklist id -> its item ids: the boxes on the page, or else (the home page) the manifest's items. */
function itemsByChecklist(boxes, book) {
  const items = new Map((book?.checklists ?? []).map((c) => [c.id, c.items]));
  const onPage = new Map();
  for (const box of boxes) {
    const { checklist, item } = box.dataset;
    if (!onPage.has(checklist)) onPage.set(checklist, []);
    onPage.get(checklist).push(item);
  }
  return new Map([...items, ...onPage]);
}

function showCounts(root, boxes, book) {
  const items = itemsByChecklist(boxes, book);
  const done = (checklist) => (items.get(checklist) ?? []).filter((item) => store.isChecked(checklist, item)).length;
  for (const count of parts(root, "count")) {
    setText(count, say("count.done", { done: done(count.dataset.checklist), total: count.dataset.total }));
  }
  for (const bar of parts(root, "bar")) {
    const value = done(bar.dataset.checklist);
    if (bar.value !== value) bar.value = value;
  }
}

/** Show the progress on the page: boxes, counts, bars and the storage notice. A checked item whose record
 * line (item-record.js) is not drawn yet is marked "gb-saved" (taking over from the style the page's inline
 * script made from the saved checks, gb-checklist.html): guidebook.css keeps that line's space under it,
 * and item-record.js takes the mark off as it draws the line there, so that nothing moves. */
export function showProgress(root) {
  const boxes = parts(root, "check");
  for (const box of boxes) {
    const { checklist, item } = box.dataset;
    const checked = store.isChecked(checklist, item);
    if (box.checked !== checked) box.checked = checked;
    const line = box.parentElement;
    const space = checked && !line.querySelector(':scope > [data-gb="record"]:not([hidden])'); // item-record.js drew none yet
    if (line.classList.contains("gb-saved") !== space) line.classList.toggle("gb-saved", space);
  }
  for (const style of parts(document, "saved-space")) style.remove(); // the marks above keep that space now
  showCounts(root, boxes, manifest());
  showNotice(root);
}

/** What a reset takes away, to give it back on Undo: the checks as they were (time, who, note) and the
 * incident (start, name, roles). */
function snapshot(ids) {
  const checks = ids.map((id) => [id, store.checkedItems(id).map((item) => [item, { ...store.checkOf(id, item) }])]);
  const incident = store.incident();
  return { checks, incident: incident ? { ...incident } : null };
}

function restore(saved) {
  for (const [id, items] of saved.checks) {
    for (const [item, check] of items) store.restoreCheck(id, item, check);
  }
  if (saved.incident) store.setIncident(saved.incident);
}

/** Reset one checklist (or, on the home page, all), then offer Undo until the reader moves on. */
function reset(root, button, changed) {
  const one = button.dataset.checklist;
  const ids = one ? [one] : (manifest()?.checklists.map((c) => c.id) ?? []);
  if (!one && !confirm(say("reset.confirm_all"))) return;
  const saved = snapshot(ids);
  if (one) store.clearChecklist(one);
  else store.clearAll();
  changed();
  offerUndo(root, button, one ? say("undo.reset_one", { title: button.dataset.title }) : say("undo.reset_all"), () => {
    restore(saved);
    changed();
  });
}

/* Undo waits (WCAG 2.2.1, Timing Adjustable): it stays until the reader uses it, dismisses it, or does
 * something else with the checks (a box, another reset); it takes the focus, and gives it back to the
 * reset button when it closes. */
let closeUndo = () => {};

function offerUndo(root, button, message, undo) {
  const bar = find(root, "undo");
  if (!bar) return;
  closeUndo();
  const undoButton = part(bar, "undo-button");
  const dismiss = find(bar, "undo-dismiss");
  setText(part(bar, "undo-message"), message);
  undoButton.hidden = false;
  if (dismiss) dismiss.hidden = false;
  const close = (words = "", refocus = false) => {
    undoButton.hidden = true;
    if (dismiss) dismiss.hidden = true;
    undoButton.onclick = null;
    if (dismiss) dismiss.onclick = null;
    setText(part(bar, "undo-message"), words);
    closeUndo = () => {};
    if (refocus) button.focus();
  };
  closeUndo = close;
  undoButton.onclick = () => {
    undo();
    close(say("undo.undone"), true);
  };
  if (dismiss) dismiss.onclick = () => close("", true);
  undoButton.focus();
}

/** Wire the boxes and reset buttons; `changed` shows the new state everywhere. A box found checked was
 * checked by the reader while the page loaded (boxes are served unchecked, and autocomplete="off" keeps
 * the browser from restoring them): that check is saved as if made now, not undone by the saved state. */
export function initProgress(root, changed) {
  let early = false;
  for (const box of parts(root, "check")) {
    const { checklist, item } = box.dataset;
    listen(box, "change", () => {
      closeUndo(); // the reader has moved on: the reset stands
      store.setChecked(checklist, item, box.checked);
      changed();
    });
    if (box.checked && !store.isChecked(checklist, item)) {
      store.setChecked(checklist, item, true);
      early = true;
    }
  }
  if (early) changed(); // once, after every box is read: it shows the saved state on every box
  for (const button of parts(root, "reset")) {
    listen(button, "click", () => reset(root, button, changed));
  }
  listen(part(root, "start-over"), "click", () => {
    if (!confirm(say("storage.start_over_confirm"))) return;
    store.startOver();
    changed();
  });
}
