/* The incident bar's Change and Hand over… panels (partials/gb-bar-panels.html). The served site writes
 * them into a file of their own, named by its content, which the bar names in data-panels: on-demand.js
 * fetches it with the bar's modules (one round trip), and incidentbar.js puts the panels in place of the
 * page's empty placeholder (data-gb="bar-panels") before it wires them (its placePanels). The file is
 * our own build output, from the same origin. The offline edition (file://, where fetch() fails) has them in the page already. */

const texts = new Map(); // address -> its text: fetched once, put into every page's bar (instant navigation)

/** The panels' markup from the file `src` names (relative to the page), once; "" where the page names none
 * (it carries the panels). Rejects when the file cannot be fetched: on-demand.js says so. */
export async function fetchPanels(src, base, fetcher = fetch) {
  if (!src) return "";
  const url = new URL(src, base).href;
  if (!texts.has(url)) {
    const response = await fetcher(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    texts.set(url, await response.text());
  }
  return texts.get(url);
}
