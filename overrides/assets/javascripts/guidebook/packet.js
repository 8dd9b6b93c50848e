/* The packet page (gb-packet.html): what to print. The reader chooses all
 * checklists, one part, one role's checklists or checklists one by one; the
 * packet then holds only those, in the guidebook's order, each part's title
 * (and the Part 2 notice) once before its first checklist, and the contents
 * list shows the same. ?role=id in the address chooses that role at first.
 * Parts, checklists and roles come from the page and its manifest. */
import { all, find, listen, manifest, part, parts } from "./dom.js";
import { addWords, say } from "./words.js";

addWords(typeof GB_WORDS_packet === "string" && GB_WORDS_packet); // its words, in its file (macros/script_words.py)

function wanted(choice, sections, book) {
  const [kind, id] = choice.split(":");
  const ids = sections.map((section) => section.dataset.checklist);
  if (kind === "part") return new Set(sections.filter((s) => s.dataset.part === id).map((s) => s.dataset.checklist));
  if (kind === "role") {
    const role = book.roles.find((r) => r.id === id);
    const serves = (s) => s.dataset.audiences.split(" ").some((a) => role?.audiences.includes(a));
    return new Set(sections.filter(serves).map((s) => s.dataset.checklist));
  }
  return new Set(ids);
}

/** Put each chosen checklist under its part's title, in the guidebook's order; hide the rest.
 * The nodes move only when the order changes: moving every checklist makes the
 * browser lay the whole packet out again, and the first choice seldom changes it. */
function arrange(packet, chosen) {
  const heads = parts(packet, "packet-part");
  const sections = parts(packet, "packet-checklist");
  const body = heads[0].parentElement;
  const shown = [];
  const hiddenOnes = [];
  for (const head of heads) {
    const own = sections.filter((s) => s.dataset.part === head.dataset.part);
    head.hidden = !own.some((s) => chosen.has(s.dataset.checklist));
    shown.push(head);
    for (const section of own) {
      section.hidden = !chosen.has(section.dataset.checklist);
      (section.hidden ? hiddenOnes : shown).push(section);
    }
  }
  const order = [...shown, ...hiddenOnes];
  if (order.some((element, index) => body.children[index] !== element)) body.append(...order);
}

function showContents(packet, chosen) {
  for (const entry of parts(packet, "contents-entry")) entry.hidden = !chosen.has(entry.dataset.checklist);
  for (const group of parts(packet, "contents-part")) {
    group.hidden = !parts(group, "contents-entry").some((entry) => !entry.hidden);
  }
}

function choose(packet, form, book, choice) {
  const sections = parts(packet, "packet-checklist");
  const boxes = all(form, 'input[type="checkbox"]');
  const chosen = choice === "pick"
    ? new Set(boxes.filter((box) => box.checked).map((box) => box.value))
    : wanted(choice, sections, book);
  for (const box of boxes) box.checked = chosen.has(box.value);
  for (const radio of all(form, 'input[type="radio"]')) radio.checked = radio.value === choice;
  arrange(packet, chosen);
  showContents(packet, chosen);
  part(form, "packet-status").textContent = chosen.size
    ? say("packet.holds", { count: chosen.size, total: sections.length })
    : say("packet.none_chosen");
}

function firstChoice(form) {
  const role = new URLSearchParams(location.search).get("role");
  const values = all(form, 'input[type="radio"]').map((radio) => radio.value);
  return values.includes(`role:${role}`) ? `role:${role}` : "all";
}

export function initPacket(root) {
  const form = find(root, "packet-choice");
  const book = manifest();
  if (!form || !book) return;
  const packet = form.parentElement;
  choose(packet, form, book, firstChoice(form));
  for (const radio of all(form, 'input[type="radio"]')) {
    listen(radio, "change", () => choose(packet, form, book, radio.value));
  }
  for (const box of all(form, 'input[type="checkbox"]')) listen(box, "change", () => choose(packet, form, book, "pick"));
  listen(form, "submit", (event) => event.preventDefault());
}
