/* The parts of the script a page loads only when it needs them, with import():
 *   clock.js                 the incident clock: on a police phase page where this browser holds a record,
 *                            else at the first use of the clock (first-use.js); and for the bar
 *   incidentbar.js           the incident bar: on any page while an incident runs, with the markup
 *                            of its Change and Hand over… panels (bar-panels.<hash>.js, macros/theme.py)
 *   item-record.js           once an item on the page is checked (its time, who and note)
 *   roles.js                 where there is a role to show or choose (home, packet, a kept or shared role)
 *   record.js, handover.js   on the incident record page, at once where this browser holds a record or the
 *                            address a handover link; else at the reader's first use of the page (first-use.js)
 *   transfer.js              export and import, at the click that needs them
 *   handoff.js               the bar's Hand over… panel (with the QR code library), at its first click
 *   nowlist.js               on the Now list page (docs/now.md)
 *   packet.js                on the packet page
 *   search-fallback.js       when the reader opens the search box (search-open.js)
 *   keep.js                  when an incident starts; once the page is idle on the record page, and on the
 *                            home page of an iPhone's browser; at the export of a file (the copy made)
 * The served site gets each as its own file (ES modules; macros/assets.py); the
 * offline edition's one script already holds them, so there import() only waits
 * a moment. A part that cannot be loaded (the connection dropped, or a newer
 * version of the site replaced its file) is said in the status line next to
 * the control that needs it, and nothing is changed. */
import { ROLE_KEY, all, find, listen, loadManifest, manifest, partFile, parts, setText } from "./dom.js";
import { HANDOVER_MARK } from "./saved.js";
import * as store from "./store.js";
import { say } from "./words.js";

/** The module(s) `importer` loads, or null after saying in `status` that they could not be loaded. */
async function loadOnly(importer, status) {
  try {
    return await importer();
  } catch (error) {
    console.error(error);
    if (status) setText(status, say("loading.failed"));
    return null;
  }
}

/** The same, for a part that reads the manifest: the guidebook's summary comes with it, in parallel, where the
 * page does not carry it (dom.js loadManifest). */
const load = (importer, status) => loadOnly(() => Promise.all([importer(), loadManifest()]).then(([loaded]) => loaded), status);

export const loadClock = (status) => load(() => import("./clock.js"), status);

/** The markup of the bar's Change and Hand over… panels: the default export of the module the bar names
 * (data-panels: bar-panels.<hash>.js, macros/theme.py bar_panels); "" where the page carries them (offline). */
const barPanels = async () => (await partFile("incident-bar", "panels")) ?? "";

/** The bar's modules, with its panels' markup in the same round trip (incidentbar.js puts them in place). */
export async function loadBar(status) {
  const loaded = await load(() => Promise.all([import("./incidentbar.js"), import("./clock.js"), barPanels()]), status);
  return loaded && { ...loaded[0], clock: loaded[1], panels: loaded[2] };
}

export const loadItemRecords = (status) => loadOnly(() => import("./item-record.js"), status);

export const loadRoles = (status) => load(() => import("./roles.js"), status);

function keptRole() {
  try {
    return Boolean(sessionStorage.getItem(ROLE_KEY));
  } catch {
    return false; // storage blocked: only the address carries a role
  }
}

/** Which of the parts above this page needs now (the boxes show the saved checks already). The clock and the
 * record page: where this browser holds something for them, or the reader used their region (`used`: names,
 * first-use.js), or the address opens a handover link (the record page); else they wait. */
export function needed(root, used = new Set()) {
  const held = store.held();
  return {
    clock: Boolean(find(root, "incident")) && (held || used.has("clock")),
    record: Boolean(find(root, "record-page")) && (held || used.has("record") || location.hash.includes(HANDOVER_MARK)),
    bar: Boolean(store.incidentStart()),
    now: Boolean(find(root, "now-list")),
    records: parts(root, "check").some((box) => box.checked),
    roles: Boolean(all(root, 'input[name="gb-role"]').length || find(root, "role-sort")
      || new URLSearchParams(location.search).has("role") || keptRole()),
  };
}

export const loadTransfer = (status) => load(() => import("./transfer.js"), status);

export const loadHandoff = (status) => load(() => import("./handoff.js"), status);

export async function loadNowList(status) {
  const loaded = await load(() => Promise.all([import("./nowlist.js"), import("./clock.js")]), status);
  return loaded && { ...loaded[0], clock: loaded[1] };
}

export const loadPacket = (status) => load(() => import("./packet.js"), status);

export const loadSearchFallback = () => load(() => import("./search-fallback.js"), null);

export const loadKeep = (status) => loadOnly(() => import("./keep.js"), status);

/** A part that waits for the first use of its region (first-use.js). */
export const loadFirstUse = (status) => loadOnly(() => import("./first-use.js"), status);

/** The record page's modules, with its item texts in the same round trip (given to record.js): the default export
 * of the module the page names (record-texts' data-src, macros/theme.py), none where the page carries them. */
export async function loadRecordPage(status) {
  const loaded = await load(() => Promise.all([import("./record.js"), import("./handover.js"), import("./forms.js"),
    partFile("record-texts")]), status);
  if (loaded?.[3]) loaded[0].useTexts(loaded[3]);
  return loaded && { record: loaded[0], handover: loaded[1], forms: loaded[2] };
}

/** Export and import on the home page (gb-progress.html); transfer.js loads at the first use. */
export function initTransfer(root, changed) {
  const input = find(root, "import-file"); // on the home page only
  const status = find(root, "import-status");
  listen(find(root, "export"), "click", async () => {
    const transfer = await loadTransfer(status);
    transfer?.exportFile(manifest());
    if (transfer) loadKeep(null).then((keep) => keep?.rememberCopy(root)); // a copy is out: no reminder for it
  });
  listen(find(root, "import"), "click", () => input.click());
  listen(input, "change", async () => {
    const [file] = input.files;
    input.value = "";
    if (!file) return;
    const transfer = await loadTransfer(status);
    transfer?.importFile(file, status, manifest(), changed);
  });
}
