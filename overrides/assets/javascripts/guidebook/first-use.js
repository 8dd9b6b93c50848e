/* Parts that wait for their first use (issue 34): where this browser holds nothing for them, the page shows
 * what they would show as the build wrote it, and their modules load only when the reader uses their region
 * (guidebook.js WAITING): the incident record page (record.js, handover.js, forms.js: about 18 KB) and the
 * incident clock of a police phase page (clock.js, with the guidebook's summary: about 3 KB). They load at
 * once where the browser holds a record (store.held()), or when it comes to hold one: a check on the page,
 * an incident started, a record saved in another tab, a handover link opened.
 *
 * A use is a touch, a click, a key or the focus in the region. What the reader does before the modules run
 * is not lost: the values typed stay in their fields and are given to the modules as changes, and the last
 * button pressed (or form sent) is pressed again once they run. The controls that waited, disabled, for the
 * module (data-gb-loading) can be used from now on, for that reason. */
import { SHOWN, all } from "./dom.js";
import { timeFormat } from "./words.js";

const USES = ["pointerdown", "focusin", "keydown"];

/** The fields the reader changed since the page was written: [field, value or checked]. */
function typed(region) {
  return all(region, "input,textarea,select")
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

/** Show the region's empty state as the build wrote it (class gb-empty, guidebook.css), with the one value
 * the build cannot write: the time it is shown "as of" (data-gb="as-of": the record's summary). */
function showEmpty(region) {
  for (const time of all(region, '[data-gb="as-of"]')) time.textContent = timeFormat("year").format(new Date());
  region.classList.add(SHOWN);
}

/** Wait for the first use of `region`: `onUse` runs once then. Returns { start(init) }, to call once the
 * modules have loaded (used or not): it stops waiting, runs `init` (which wires them to the page), then
 * gives them what the reader typed and pressed meanwhile. */
export function waitForUse(region, onUse) {
  let pressed = null;
  const hold = (event) => {
    const button = event.target.closest?.("button");
    if (!button || !region.contains(button)) return;
    pressed = button;
    event.preventDefault(); // a submit button sends nothing yet
    event.stopImmediatePropagation();
  };
  const use = () => {
    stopWaiting();
    onUse();
  };
  function stopWaiting() {
    for (const type of USES) region.removeEventListener(type, use, true);
  }
  region.addEventListener("click", hold, true);
  for (const type of USES) region.addEventListener(type, use, true);
  for (const control of all(region, "[data-gb-loading]")) control.disabled = false; // taps are held, not lost
  showEmpty(region);
  return {
    start(init) {
      const changes = typed(region); // before init: it fills the fields from what is saved
      stopWaiting();
      region.removeEventListener("click", hold, true);
      init();
      giveBack(changes);
      if (pressed?.isConnected) pressed.click();
    },
  };
}
