/* "A newer edition of the guidebook is ready · Reload" (offline-worker.js loads this module when a newer
 * service worker has installed and waits): only the reader's click lets the new worker take over, and the page
 * reloads once it controls it. */
import { find } from "./dom.js";
import { addWords, say } from "./words.js";

addWords(typeof GB_WORDS_update_notice === "string" && GB_WORDS_update_notice); // its words, in its file (macros/script_words.py)

export const SKIP_WAITING = { type: "SKIP_WAITING" }; // what Workbox's generated worker waits for

/** The notice at the top of the page, once: its Reload button is the only way the new edition takes over. */
export function offerUpdate(root, registration, container) {
  if (find(root, "update-notice")) return;
  const notice = root.createElement("div");
  notice.classList.add("gb-update-notice", "gb-noprint");
  notice.dataset.gb = "update-notice";
  notice.setAttribute("role", "status");
  const text = root.createElement("p");
  const button = root.createElement("button");
  button.type = "button";
  button.className = "gb-button";
  button.dataset.gb = "update-reload";
  button.textContent = say("offline.reload");
  text.append(say("offline.update_ready"), " ", button);
  notice.append(text);
  button.addEventListener("click", () => reload(registration, container, root.defaultView ?? globalThis));
  const anchor = find(root, "storage-notice");
  if (anchor) anchor.before(notice);
  else root.body.prepend(notice);
}

/** The reader asked: let the waiting worker take over, then reload when it controls the page. */
export function reload(registration, container, view) {
  const waiting = registration.waiting;
  if (!waiting) {
    view.location.reload(); // another tab already let it take over
    return;
  }
  container.addEventListener("controllerchange", () => view.location.reload(), { once: true });
  waiting.postMessage(SKIP_WAITING);
}
