/* Whether this is an iPhone's (or iPad's) browser, not the guidebook opened from the Home Screen: there,
 * Safari clears a site's storage after 7 days without a visit, and the home and record pages say once how
 * to add the guidebook to the Home Screen (keep.js). In a module of its own, so that the page can ask
 * without loading keep.js on every other browser; only the entry imports it (keep.js is told the answer),
 * so that it is not a file of its own that every page loads. */

/** `nav` is the browser's navigator; `standaloneDisplay` whether the page shows as an installed app. */
export function isIPhoneBrowser(nav, standaloneDisplay = false) {
  const ua = nav?.userAgent ?? "";
  const apple = /iPhone|iPod|iPad/.test(ua) || (/Macintosh/.test(ua) && (nav.maxTouchPoints ?? 0) > 1);
  return apple && !nav.standalone && !standaloneDisplay;
}

/** Whether the page shows as an installed app (opened from the Home Screen). */
export function standaloneDisplay(view = globalThis) {
  return view.matchMedia?.("(display-mode:standalone)").matches ?? false;
}
