/* A search that finds nothing offers the "Responding right now?" entries: each role with the checklist
 * it opens first in an incident (data/guidebook.yml `respond_with`; the manifest's roles). Material
 * draws the results; this only adds a block after its "No matching documents" line (the words of
 * Material's own __config, so that any language works) and takes it away when results come. */
import { manifest, siteAddress } from "./dom.js";
import { addWords, say } from "./words.js";

addWords(typeof GB_WORDS_search_fallback === "string" && GB_WORDS_search_fallback); // its words, in its file (macros/script_words.py)

const NONE = "search.result.none"; // Material's words for a search without results

function materialWords() {
  try {
    return JSON.parse(document.getElementById("__config")?.textContent ?? "{}").translations ?? {};
  } catch {
    return {};
  }
}

/** Watch Material's result line: once per page (the header, and so the search, stays under instant navigation). */
export function initSearchFallback(root = document) {
  const meta = root.querySelector(".md-search-result__meta");
  const none = materialWords()[NONE];
  if (!meta || !none || meta.dataset.gbFallback !== undefined) return;
  meta.dataset.gbFallback = "";
  const update = () => showFallback(meta, meta.textContent.trim() === none);
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
  update();
}

function showFallback(meta, nothingFound) {
  const shown = meta.parentElement.querySelector('[data-gb="search-fallback"]');
  if (!nothingFound) shown?.remove();
  if (!nothingFound || shown) return;
  const entries = (manifest()?.roles ?? []).filter((role) => role.respond);
  if (entries.length) meta.after(fallback(entries));
}

/** <div data-gb="search-fallback"><p>Responding right now?</p><ul><li><a href>Role Checklist</a></li>...</ul></div> */
function fallback(entries) {
  const block = document.createElement("div");
  block.className = "gb-search-fallback";
  block.dataset.gb = "search-fallback";
  const heading = document.createElement("p");
  heading.className = "gb-search-fallback__title";
  heading.id = "gb-search-fallback-title";
  heading.textContent = say("wayin.responding");
  const list = document.createElement("ul");
  list.setAttribute("aria-labelledby", heading.id);
  for (const role of entries) {
    const link = document.createElement("a");
    link.href = siteAddress(role.respond.url);
    const name = document.createElement("span");
    name.className = "gb-search-fallback__role";
    name.textContent = role.name;
    link.append(name, " ", role.respond.title);
    const item = document.createElement("li");
    item.append(link);
    list.append(item);
  }
  block.append(heading, list);
  return block;
}
