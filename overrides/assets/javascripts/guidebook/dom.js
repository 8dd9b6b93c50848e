/* Finding our parts of the page. Every part the script works with carries
 * data-gb="<name>" (like Material's data-md-component; every name is listed in hooks.js);
 * data-checklist, data-item and data-phase say which checklist, item or phase it belongs to. */

export const all = (root, selector) => [...root.querySelectorAll(selector)];

/** Every element of part `name` under `root`. */
export const parts = (root, name) => all(root, `[data-gb="${name}"]`);

/** The first element of part `name` under `root`, or null: for a part only some pages have. */
export const find = (root, name) => root.querySelector(`[data-gb="${name}"]`);

/** The first element of part `name` under `root`, which must be there: a missing one (a template
 * changed without the script) is an error that names it, not a TypeError on null further on. */
export function part(root, name) {
  const element = find(root, name);
  if (!element) throw Object.assign(new Error(`[data-gb="${name}"]`), { name: "MissingHook" }); // see hooks.js
  return element;
}

/** Changes the text only when it differs: a live region reads out every change. */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

export function listen(element, type, handler) {
  element?.addEventListener(type, handler);
}

/** The class of a region (the record page, the incident clock) whose empty state the build wrote (class gb-empty,
 * guidebook.css): set once what it shows is current: drawn by its module, or shown while it waits (first-use.js). */
export const SHOWN = "gb-shown";

/** Where the role chosen on this device is kept while the reader moves around the site (roles.js). */
export const ROLE_KEY = "ccm-guidebook.role";

let summary = null; // the guidebook's summary, once loaded from its file (loadManifest)

/** The guidebook's ids, titles, phases, roles and checklists (partials/gb-status.html, on every page),
 * parsed once: the whole of it in the pages that show every checklist; on the others, the summary
 * loaded from its file once a part loaded on demand needs it (on-demand.js), else only the renamed item
 * ids the page carries. Callers only read it. */
export function manifest() {
  const element = find(document, "manifest");
  if (!element) return null;
  return element.dataset.src && summary ? summary : manifestOf(element);
}

/** Load the summary from the file the page names (data-src), once; at once where the page carries the
 * whole manifest. A module, named after its content (macros/theme.py manifest_module). */
export async function loadManifest() {
  if (!summary) summary = await partFile("manifest");
}

/** The default export of the module at `src`, an address relative to the page: one of the files the build
 * names by their content. */
const importDefault = async (src) => (await import(new URL(src, location.href).href)).default;

/** The default export of the file that part `name` of the page names (its data-<key>), or null where it names
 * none (the page carries what it holds: the offline edition, or a page that shows every checklist): the
 * summary (manifest), the incident bar's panels, the record page's item texts (on-demand.js). */
export async function partFile(name, key = "src") {
  const src = find(document, name)?.dataset[key];
  return src ? importDefault(src) : null;
}

const parsed = new WeakMap(); // element -> { text, book }: read once, not on every show

/** The manifest in `element`'s data-manifest, parsed once for as long as that text stays the same. */
function manifestOf(element) {
  const text = element.dataset.manifest;
  const known = parsed.get(element);
  if (known?.text === text) return known.book;
  const book = JSON.parse(text);
  parsed.set(element, { text, book });
  return book;
}

/** The address of a page of the site from an address in the manifest, which is from the site root
 * (a phase's `url`). The root is relative ("..") on most pages and absolute ("/", "/sub/") on the
 * 404 page: one slash after it. */
export function siteAddress(url) {
  const root = part(document, "manifest").dataset.base.replace(/\/*$/, "/");
  return new URL(url, new URL(root, location.href)).href;
}

/** This page's address: the address bar's on the web; opened from disk (the
 * offline edition), the public one in <link rel="canonical">. */
export function address() {
  const canonical = document.querySelector('link[rel="canonical"]');
  const onTheWeb = location.protocol.startsWith("http");
  return onTheWeb || !canonical ? location.origin + location.pathname : canonical.href;
}

/** The language of the page (<html lang>), for dates and times. */
export const language = () => document.documentElement.lang || undefined;
