/* Checks, counts and bars, and the reset buttons. A count covers the boxes on
 * the page, or else (the home page) the manifest's items. */
import { listen, manifest, part, parts, setText } from "./dom.js";
import { showNotice } from "./notice.js";
import * as store from "./store.js";
import { say } from "./words.js";

function itemsOf(root, checklist, book) {
  const boxes = parts(root, "check").filter((box) => box.dataset.checklist === checklist);
  if (boxes.length) return boxes.map((box) => box.dataset.item);
  return book?.checklists.find((c) => c.id === checklist)?.items ?? [];
}

function showCounts(root, book) {
  for (const count of parts(root, "count")) {
    const checklist = count.dataset.checklist;
    const done = itemsOf(root, checklist, book).filter((item) => store.isChecked(checklist, item)).length;
    setText(count, say("count.done", { done, total: count.dataset.total }));
  }
  for (const bar of parts(root, "bar")) {
    const checklist = bar.dataset.checklist;
    bar.value = itemsOf(root, checklist, book).filter((item) => store.isChecked(checklist, item)).length;
  }
}

/** Show the progress on the page: boxes, counts, bars and the storage notice. */
export function showProgress(root) {
  for (const box of parts(root, "check")) box.checked = store.isChecked(box.dataset.checklist, box.dataset.item);
  showCounts(root, manifest(root));
  showNotice(root);
}

function resetQuestion(button) {
  const title = button.dataset.title;
  return button.dataset.checklist ? say("reset.confirm_one", { title }) : say("reset.confirm_all");
}

/** Wire the boxes and reset buttons; `changed` shows the new state everywhere. */
export function initProgress(root, changed) {
  for (const box of parts(root, "check")) {
    listen(box, "change", () => {
      store.setChecked(box.dataset.checklist, box.dataset.item, box.checked);
      changed();
    });
  }
  for (const button of parts(root, "reset")) {
    listen(button, "click", () => {
      if (!confirm(resetQuestion(button))) return;
      if (button.dataset.checklist) store.clearChecklist(button.dataset.checklist);
      else store.clearAll();
      changed();
    });
  }
  listen(part(root, "start-over"), "click", () => {
    if (!confirm(say("storage.start_over_confirm"))) return;
    store.startOver();
    changed();
  });
}
