/* The Now list (gb-now.html, docs/now.md): while an incident runs, every item still open in the
 * suggested windows that have started (and in the incident checklists without a window), for the
 * reader's role (?role=, or the role kept for this tab: roles.js), earliest window first, with the
 * next window and when it starts at the top. Its boxes are the items' own (progress.js saves them,
 * item-record.js gives them their who and note): checking one here checks it on its page. An item
 * done when the list is first shown is left out; one checked here stays, checked, until the list is
 * opened again, so that its who and note can still be filled in. */
import { ROLE_KEY, find, manifest, part, parts, setText } from "./dom.js";
import { nextWindow, started } from "./shift.js";
import * as store from "./store.js";
import { addWords, say } from "./words.js";

addWords(typeof GB_WORDS_nowlist === "string" && GB_WORDS_nowlist); // its words, in its file (macros/script_words.py)

const HOUR = 3600 * 1000;
let clock = null;
let shownFor = null; // the incident start the list was first shown for
const leftOut = new Set(); // the items done when the list was first shown (checklist id, space, item id)

function chosenRole(book) {
  let id = new URLSearchParams(location.search).get("role");
  try {
    id ??= sessionStorage.getItem(ROLE_KEY);
  } catch {
    // storage blocked: only the address carries a role
  }
  return book.roles.find((role) => role.id === id) ?? null;
}

const forRole = (group, role) => !role || group.dataset.audiences.split(" ").some((a) => role.audiences.includes(a));

function remember(list, start) {
  if (shownFor === start) return;
  shownFor = start;
  leftOut.clear();
  for (const box of parts(list, "check")) {
    if (store.isChecked(box.dataset.checklist, box.dataset.item)) leftOut.add(`${box.dataset.checklist} ${box.dataset.item}`);
  }
}

/** Show one group: its open items (and those checked here), and its count; returns whether it shows. */
function showGroup(group, shown) {
  const boxes = parts(group, "check");
  let open = 0;
  for (const box of boxes) {
    const done = store.isChecked(box.dataset.checklist, box.dataset.item);
    if (!done) open += 1;
    box.closest("li").hidden = leftOut.has(`${box.dataset.checklist} ${box.dataset.item}`);
  }
  const visible = shown && boxes.some((box) => !box.closest("li").hidden);
  group.hidden = !visible;
  setText(part(group, "now-count"), say("now.group_open", { open, total: boxes.length }));
  return visible;
}

export function showNowList(root) {
  const list = find(root, "now-list");
  if (!list || !clock) return;
  const book = manifest();
  const startText = store.incidentStart();
  part(list, "now-none").hidden = Boolean(startText);
  if (!startText) {
    for (const group of parts(list, "now-group")) group.hidden = true;
    for (const name of ["now-next", "now-role", "now-all-done"]) setText(part(list, name), "");
    part(list, "now-all-done").hidden = true;
    return;
  }
  const start = new Date(startText);
  const elapsed = (Date.now() - start.getTime()) / HOUR;
  const states = clock.windows(book.phases).map((window, index) => ({
    phase: book.phases[index], window, where: clock.standing(window, elapsed),
  }));
  const begun = new Set(states.filter(started).map((state) => state.phase.id));
  const role = chosenRole(book);
  remember(list, startText);
  let any = false;
  for (const group of parts(list, "now-group")) {
    const inWindow = !group.dataset.phase || begun.has(group.dataset.phase);
    any = showGroup(group, inWindow && forRole(group, role)) || any;
  }
  part(list, "now-all-done").hidden = any;
  const next = nextWindow(states, start);
  setText(part(list, "now-next"), next
    ? say("now.next", { phase: next.phase.name, start: clock.when(next.at), left: clock.spoken(next.at.getTime() - Date.now()) })
    : say("now.last"));
  setText(part(list, "now-role"), role ? say("now.role", { role: role.name }) : say("now.role_all"));
}

/** `incidentClock`: the clock's module (clock.js), for its windows and durations. */
export function initNowList(root, incidentClock) {
  clock = incidentClock;
  showNowList(root);
}
