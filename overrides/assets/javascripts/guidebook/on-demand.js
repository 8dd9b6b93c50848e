/* The parts of the script a page loads only when it needs them, with import():
 *   record.js, handover.js   on the incident record page
 *   transfer.js              export and import, at the click that needs them
 *   packet.js                on the packet page
 * The served site gets each as its own file (ES modules; macros/assets.py); the
 * offline edition's one script already holds them, so there import() only waits
 * a moment. A part that cannot be loaded (the connection dropped, or a newer
 * version of the site replaced its file) is said in the status line next to
 * the control that needs it, and nothing is changed. */
import { listen, manifest, part, setText } from "./dom.js";
import { say } from "./words.js";

/** The module(s) `importer` loads, or null after saying in `status` that they could not be loaded. */
async function load(importer, status) {
  try {
    return await importer();
  } catch (error) {
    console.error(error);
    if (status) setText(status, say("loading.failed"));
    return null;
  }
}

export const loadTransfer = (status) => load(() => import("./transfer.js"), status);

export const loadPacket = (status) => load(() => import("./packet.js"), status);

export async function loadRecordPage(status) {
  const loaded = await load(() => Promise.all([import("./record.js"), import("./handover.js")]), status);
  return loaded && { record: loaded[0], handover: loaded[1] };
}

/** Export and import on the home page (gb-progress.html); transfer.js loads at the first use. */
export function initTransfer(root, changed) {
  const input = part(root, "import-file");
  const status = part(root, "import-status");
  listen(part(root, "export"), "click", async () => {
    const transfer = await loadTransfer(status);
    transfer?.exportFile(manifest());
  });
  listen(part(root, "import"), "click", () => input.click());
  listen(input, "change", async () => {
    const [file] = input.files;
    input.value = "";
    if (!file) return;
    const transfer = await loadTransfer(status);
    transfer?.importFile(file, status, manifest(), changed);
  });
}
