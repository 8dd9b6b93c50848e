/* What the page does when the reader opens the search box (a tap on its button, the focus, from the
 * keyboard too), and not before (issue 34):
 *   - tell our search worker (workers/search-on-demand.js) to load the full index and Material's worker at
 *     once, while the reader finds the first key, so that search is as fast as Material's from the first
 *     key without loading its index with every page. The page has no handle on the worker (Material starts
 *     it), so the word goes through a BroadcastChannel of the site's origin, on which the worker listens;
 *   - load what the search results need from us (search-fallback.js, through the `opened` callback). */
export const SEARCH_CHANNEL = "gb-search"; // the channel's name; the worker imports it (bundled with it)
export const WARM = "warm"; // the one message: the reader is about to search

const OPENERS = ['label[for="__search"]', '[data-md-component="search-query"]']; // Material's search button, box
const SIGNS = ["pointerdown", "focusin", "change"]; // a tap on the button, the focus, the search toggle
let asked = false; // the worker lives as long as the page (instant navigation included): ask it once

/** Whether `event` says the reader is opening the search. */
export function opensSearch(event) {
  const target = event.target;
  if (!target || typeof target.closest !== "function") return false;
  if (event.type === "change") return target.id === "__search" && target.checked === true;
  return OPENERS.some((selector) => target.closest(selector) !== null);
}

/** At the first sign that the reader is opening the search: ask the worker to get ready, and call `opened`. */
export function initSearchOpen(root, opened) {
  if (asked || !root.querySelector(OPENERS[1])) return;
  const listener = (event) => {
    if (!opensSearch(event)) return;
    for (const type of SIGNS) root.removeEventListener(type, listener, true);
    if (asked) return;
    asked = true;
    warmWorker();
    opened();
  };
  for (const type of SIGNS) root.addEventListener(type, listener, true);
}

function warmWorker() {
  if (typeof BroadcastChannel !== "function") return; // the worker loads at the first query instead
  const channel = new BroadcastChannel(SEARCH_CHANNEL);
  channel.postMessage(WARM);
  channel.close();
}
