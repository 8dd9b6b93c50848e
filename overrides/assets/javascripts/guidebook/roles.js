/* Role views (gb-roles.html): ?role=id in the address puts the checklists for
 * that role's audiences first in every data-gb="role-sort" list (the home
 * page's entries too), and links marked data-gb="keep-role" carry the role on.
 * The role chosen is kept for this tab (sessionStorage, never sent anywhere),
 * so that it stays while the reader moves around the site. Roles come from the manifest. */
import { ROLE_KEY, all, find, listen, manifest, parts } from "./dom.js";
import { addWords, say } from "./words.js";

addWords(typeof GB_WORDS_roles === "string" && GB_WORDS_roles); // its words, in its file (macros/script_words.py)

const originalOrder = new WeakMap(); // list -> its children in the order of the page

function withRole(address, role) {
  const url = new URL(address);
  if (role) url.searchParams.set("role", role.id);
  else url.searchParams.delete("role");
  return url.href;
}

function sortList(list, matches) {
  if (!originalOrder.has(list)) originalOrder.set(list, all(list, ":scope > *"));
  const order = originalOrder.get(list);
  const rank = (element) => (matches(element) ? 0 : 1);
  const sorted = [...order].sort((a, b) => rank(a) - rank(b) || order.indexOf(a) - order.indexOf(b));
  for (const element of sorted) element.classList.toggle("gb-role-match", matches(element));
  if (sorted.some((element, index) => list.children[index] !== element)) list.append(...sorted); // moved only when the order changes
}

function roleStatus(role, id) {
  if (role) return say("roles.showing", { name: role.name });
  return id ? say("roles.unknown", { id }) : "";
}

/** Show the page for role `id` (or everyone); returns the role, or undefined. */
export function applyRole(root, id) {
  const book = manifest();
  if (!book) return undefined;
  const role = book.roles.find((r) => r.id === id);
  const matches = (element) => Boolean(role) && element.dataset.audiences.split(" ").some((a) => role.audiences.includes(a));
  for (const list of parts(root, "role-sort")) sortList(list, matches);
  for (const radio of all(root, 'input[name="gb-role"]')) radio.checked = radio.value === (role?.id ?? "");
  const status = find(root, "role-status");
  if (status) status.textContent = roleStatus(role, id);
  for (const link of parts(root, "keep-role")) {
    const href = withRole(link.href, role);
    if (link.href !== href) link.href = href;
  }
  return role;
}

function keptRole(id) {
  try {
    if (id !== null) sessionStorage.setItem(ROLE_KEY, id);
    return sessionStorage.getItem(ROLE_KEY);
  } catch {
    return id; // storage blocked: the address alone carries the role
  }
}

export function initRoles(root) {
  const choice = find(root, "roles");
  if (choice) choice.disabled = false; // the choice waited, disabled, for this script (data-gb-loading)
  const role = applyRole(root, keptRole(new URLSearchParams(location.search).get("role")));
  if (role && !location.search.includes("role=")) history.replaceState(history.state, "", withRole(location.href, role));
  for (const radio of all(root, 'input[name="gb-role"]')) {
    listen(radio, "change", () => {
      const chosen = applyRole(root, radio.value);
      keptRole(chosen?.id ?? "");
      history.replaceState(history.state, "", withRole(location.href, chosen));
    });
  }
}
