/* The incident record page while this browser holds no record (issue 34). The build wrote the page as an
 * empty record shows (gb-record.html); the record's modules (record.js, handover.js, forms.js: about 18 KB)
 * load at the reader's first use of the page, not for every visit of a page with nothing on it:
 *   - a touch, a click, a key or the focus on the page's content;
 *   - a handover link opened into this tab (one in the address it opened with loads them at once: guidebook.js);
 *   - a record saved in another tab.
 * What the reader does before they run is not lost: the values typed stay in their fields and are given to
 * the modules as changes, and the last button pressed is pressed again once they run. */
import { RECORD_SHOWN, part } from "./dom.js";
import { HANDOVER_MARK } from "./saved.js";
import * as store from "./store.js";
import { timeFormat } from "./words.js";

const USES = ["pointerdown", "focusin", "keydown"];

/** The empty record as the build wrote it, with the one value the build cannot write: the time it is shown
 * "as of" (record.js summaryRows). */
export function showEmpty(page) {
  part(page, "record-as-of").textContent = timeFormat("year").format(new Date());
  page.classList.add(RECORD_SHOWN);
}

/** The fields the reader changed since the page was written: [field, value or checked]. */
function typed(page) {
  return [...page.querySelectorAll("input,textarea,select")]
    .filter((field) => (field.type === "checkbox" ? field.checked !== field.defaultChecked : field.value !== field.defaultValue))
    .map((field) => [field, field.type === "checkbox" ? field.checked : field.value]);
}

function giveBack(changes) {
  for (const [field, value] of changes) {
    if (field.type === "checkbox") field.checked = value;
    else field.value = value;
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

/** Resolves at the first use of `page` (above) with { start(init) }: `init` wires the modules to the page;
 * start runs it, then gives it what the reader typed and pressed meanwhile. Buttons pressed before then are
 * held (only the last counts): the modules that answer them are not there yet. */
export function firstUse(page) {
  let pressed = null;
  const hold = (event) => {
    const button = event.target.closest?.("button");
    if (!button || !page.contains(button)) return;
    pressed = button;
    event.stopImmediatePropagation();
  };
  page.addEventListener("click", hold, true);
  const start = (init) => {
    const changes = typed(page); // before init: it fills fields from what is saved (none, or the page would not wait)
    page.removeEventListener("click", hold, true);
    init();
    giveBack(changes);
    if (pressed?.isConnected) pressed.click();
  };
  return new Promise((resolve) => {
    const wake = () => {
      for (const type of USES) page.removeEventListener(type, wake, true);
      removeEventListener("hashchange", onHash);
      removeEventListener("storage", onStorage);
      resolve({ start });
    };
    const onHash = () => location.hash.includes(HANDOVER_MARK) && wake();
    const onStorage = () => store.held() && wake(); // read again already (guidebook.js, on the same event)
    for (const type of USES) page.addEventListener(type, wake, true);
    addEventListener("hashchange", onHash);
    addEventListener("storage", onStorage);
  });
}
