/* Role views (gb-roles.html): ?role=id in the address puts the checklists for
 * that role's audiences first in every data-gb="role-sort" list, and links
 * marked data-gb="keep-role" carry the role on. Roles come from the manifest. */
import { all, listen, manifest, part, parts } from "./dom.js";
import { say } from "./words.js";

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
  for (const element of sorted) {
    element.classList.toggle("gb-role-match", matches(element));
    list.append(element);
  }
}

function roleStatus(role, id) {
  if (role) return say("roles.showing", { name: role.name });
  return id ? say("roles.unknown", { id }) : "";
}

/** Show the page for role `id` (or everyone); returns the role, or undefined. */
export function applyRole(root, id) {
  const book = manifest(root);
  if (!book) return undefined;
  const role = book.roles.find((r) => r.id === id);
  const matches = (element) => Boolean(role) && element.dataset.audiences.split(" ").some((a) => role.audiences.includes(a));
  for (const list of parts(root, "role-sort")) sortList(list, matches);
  for (const radio of all(root, 'input[name="gb-role"]')) radio.checked = radio.value === (role?.id ?? "");
  const status = part(root, "role-status");
  if (status) status.textContent = roleStatus(role, id);
  for (const link of parts(root, "keep-role")) link.href = withRole(link.href, role);
  return role;
}

export function initRoles(root) {
  applyRole(root, new URLSearchParams(location.search).get("role"));
  for (const radio of all(root, 'input[name="gb-role"]')) {
    listen(radio, "change", () => {
      const role = applyRole(root, radio.value);
      history.replaceState(history.state, "", withRole(location.href, role));
    });
  }
}
