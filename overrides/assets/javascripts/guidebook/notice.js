/* The storage notice (gb-status.html): why checks cannot be kept, or what
 * saved progress was left out. Its button lets the reader start over when the
 * saved progress cannot be read. */
import { find, part, setText } from "./dom.js";
import { status } from "./store.js";
import { say, shortList } from "./words.js";

const STARTS_OVER = new Set(["unreadable", "damaged", "newer"]);

function droppedParts(dropped) {
  const named = dropped.parts.map(({ kind, id }) =>
    kind === "incident" ? say("storage.what_incident") : say(`storage.what_${kind}`, { id }));
  if (dropped.times === 1) named.push(say("storage.what_time"));
  if (dropped.times > 1) named.push(say("storage.what_times", { count: dropped.times }));
  if (dropped.other) named.push(say("storage.what_other", { count: dropped.other }));
  return named;
}

/** The notice's words for the current status, or "" for none. */
function message() {
  if (status.problem) return say(`storage.${status.problem}`);
  const dropped = status.dropped ? droppedParts(status.dropped) : [];
  return dropped.length ? say("storage.dropped", { what: shortList(dropped, 3) }) : "";
}

export function showNotice(root = document) {
  const notice = find(root, "storage-notice");
  if (!notice) return; // a page without the notice
  const text = message();
  notice.hidden = !text;
  setText(part(notice, "storage-message"), text);
  part(notice, "start-over").hidden = !STARTS_OVER.has(status.problem);
}
