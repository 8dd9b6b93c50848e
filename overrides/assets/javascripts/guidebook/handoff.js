/* "Hand over…" in the incident bar (gb-incident-bar.html, data-gb="handoff"), loaded at its first click
 * (on-demand.js): the handover link of the current incident (handover.js makeLink: the same link as
 * the record page's, leading to that page, which offers to merge it), a QR code of it made here in the
 * browser (qrcode-generator, npm, pinned; bundled by esbuild into this chunk: no request to any other
 * site), a plain-text shift summary to paste into a text message (shift.js), and the windows still to
 * come as a calendar file (.ics, made here). A link too long for a QR code a phone can read says so,
 * and the link itself is still there to copy. */
import qrcode from "qrcode-generator";
import { listen, manifest, part, siteAddress } from "./dom.js";
import { makeLink } from "./handover.js";
import { calendar, shiftSummary } from "./shift.js";
import * as store from "./store.js";
import { download } from "./transfer.js";
import { addWords, say, shortTime } from "./words.js";

addWords(typeof GB_WORDS_handoff === "string" && GB_WORDS_handoff); // its words, in its file (macros/script_words.py)

/* The longest link drawn as a QR code: version 25 at error correction L holds 1,273 bytes, 117 modules
 * a side, still read by a phone's camera from another phone's screen; longer ones are said, not drawn. */
export const QR_MAX_CHARS = 1273;
const QR_LEVEL = "L";
const QUIET = 4; // modules of white around the code, as the standard asks
const SVG = "http://www.w3.org/2000/svg";

/** The QR code of `text` as an SVG element (one path, black on white, with its quiet zone), or null
 * when the text is too long for one. */
export function qrSvg(text) {
  if (text.length > QR_MAX_CHARS) return null;
  const code = qrcode(0, QR_LEVEL);
  code.addData(text); // in byte mode
  code.make();
  const size = code.getModuleCount();
  let path = "";
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      if (code.isDark(row, col)) path += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
    }
  }
  const side = size + 2 * QUIET;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${side} ${side}`);
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.setAttribute("aria-hidden", "true");
  const back = document.createElementNS(SVG, "rect");
  for (const [name, value] of [["width", side], ["height", side], ["fill", "#fff"]]) back.setAttribute(name, value);
  const dark = document.createElementNS(SVG, "path");
  dark.setAttribute("d", path);
  dark.setAttribute("fill", "#000");
  svg.append(back, dark);
  return svg;
}

/** The record page's public address, where a handover link leads: the site's own on the web; opened
 * from disk (the offline edition), the public one, from this page's <link rel="canonical">. */
function recordAddress(bar) {
  const local = siteAddress(bar.dataset.record);
  const canonical = document.querySelector('link[rel="canonical"]')?.href;
  if (location.protocol.startsWith("http") || !canonical) return local;
  const here = location.href.split(/[?#]/)[0].slice(siteAddress("").length)
    .replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "/");
  if (!canonical.endsWith(here)) return local;
  return `${canonical.slice(0, canonical.length - here.length)}record/`;
}

const time = (date) => shortTime(date);

async function copy(field, status) {
  try {
    await navigator.clipboard.writeText(field.value);
  } catch {
    field.select();
    document.execCommand?.("copy");
  }
  status.textContent = say("shift.copied");
}

function showQr(panel, link) {
  const figure = part(panel, "handoff-qr");
  const long = part(panel, "handoff-too-long");
  const svg = qrSvg(link);
  figure.replaceChildren(...(svg ? [svg] : []));
  figure.hidden = !svg;
  long.hidden = Boolean(svg);
  long.textContent = svg ? "" : say("shift.too_long", { length: link.length });
}

let wired = false;
let latest = []; // where the incident stood in each window when the panel was last filled

function wire(panel) {
  const status = part(panel, "handoff-status");
  listen(part(panel, "handoff-copy-link"), "click", () => copy(part(panel, "handoff-link"), status));
  listen(part(panel, "handoff-copy-summary"), "click", () => copy(part(panel, "handoff-summary"), status));
  listen(part(panel, "handoff-calendar"), "click", () => {
    const start = new Date(store.incidentStart());
    const text = calendar({ states: latest, start, now: new Date(), say, site: manifest().title });
    if (!text.includes("BEGIN:VEVENT")) {
      status.textContent = say("shift.calendar_none");
      return;
    }
    download(say("shift.calendar_file"), text, "text/calendar");
  });
}

/** Fill the panel for the incident as it is now: link, QR code, shift summary. `states`: where the
 * incident stands in each window (incidentbar.js). */
export async function showHandoff(bar, { states }) {
  const panel = part(bar, "handoff");
  const book = manifest();
  latest = states;
  if (!wired) wire(panel);
  wired = true;
  part(panel, "handoff-making").hidden = false;
  part(panel, "handoff-made").hidden = true;
  const start = new Date(store.incidentStart());
  const summary = part(panel, "handoff-summary");
  summary.value = shiftSummary({ book, states, start, checkOf: store.checkOf, say, time });
  summary.rows = Math.min(8, summary.value.split("\n").length + 1);
  let link;
  try {
    link = await makeLink(book, recordAddress(bar));
  } catch (error) {
    console.error(error);
    part(panel, "handoff-making").textContent = say("shift.unsupported");
    return;
  }
  part(panel, "handoff-link").value = link;
  showQr(panel, link);
  part(panel, "handoff-making").hidden = true;
  part(panel, "handoff-made").hidden = false;
  part(panel, "handoff-link").focus();
}
