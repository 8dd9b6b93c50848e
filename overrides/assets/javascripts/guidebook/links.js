/* "Copy link" buttons (data-gb="copy", gb-copy-button.html), one click handler for all:
 *   data-gb-copy-link="item-id"  this page's address + #item-id ("" = the page)
 *   data-gb-copy-url="https://…" that address
 *   data-gb-copy-text="some-id"  the text of the element with that id
 * Copies with the Clipboard API (on https and from disk), else (plain http)
 * shows the text selected in the browser's own prompt, to copy by hand. The
 * live region data-gb="copy-status" reads out the button's .gb-copy__done words
 * ("Snippet copied"), or "Link copied" (copy.done) for an empty icon-only button. */
import { address, part } from "./dom.js";
import { say } from "./words.js";

function textToCopy(data) {
  if (data.gbCopyUrl) return data.gbCopyUrl;
  if (data.gbCopyText) return document.getElementById(data.gbCopyText).textContent;
  return address() + (data.gbCopyLink ? `#${data.gbCopyLink}` : "");
}

function copied(button, region) {
  button.classList.add("is-copied");
  region.textContent = ""; // emptied first, so that a second copy is read out again
  setTimeout(() => { region.textContent = button.querySelector(".gb-copy__done")?.textContent ?? say("copy.done"); }, 50);
  clearTimeout(button.gbTimer);
  button.gbTimer = setTimeout(() => button.classList.remove("is-copied"), 2500);
}

async function copy(button) {
  const data = button.dataset;
  const text = textToCopy(data);
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    prompt(say(data.gbCopyText ? "copy.prompt_text" : "copy.prompt_link"), text);
    return;
  }
  copied(button, part(document, "copy-status"));
}

document.addEventListener("click", (event) => {
  const button = event.target.closest?.('[data-gb="copy"]');
  if (button) copy(button);
});
