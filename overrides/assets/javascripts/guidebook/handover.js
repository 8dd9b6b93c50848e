/* Handover by link (gb-handover.html, on the incident record page). The current incident
 * (checks, times, who, notes, undone checks) in the export format of transfer.js, compressed
 * with the browser's CompressionStream (deflate-raw) and base64url-encoded, in the link's
 * fragment (#handover=1.<data>), which browsers never send to a server. Opening such a link,
 * or pasting one, shows what it holds and asks to merge or replace. It is read exactly like
 * an import (transfer.js): bounded, validated; a damaged, cut or oversized link changes nothing. */
import { address, listen, manifest, part, setText, siteAddress } from "./dom.js";
import { incidentTest } from "./scope.js";
import * as store from "./store.js";
import { ImportProblem, MAX_BYTES, currentRecord, exportData, parseFile, readData } from "./transfer.js";
import { say, timeFormat } from "./words.js";

const PREFIX = "handover=1.";
const MAX_LINK = Math.ceil((MAX_BYTES * 4) / 3) + 100; // the base64url of a 1 MB compressed text

let incoming = null; // { checks, incident, log } of the link being shown

const toBase64url = (bytes) => {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
};

function fromBase64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ImportProblem("handover.damaged");
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/").padEnd(Math.ceil(text.length / 4) * 4, "="));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function compress(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Decompressed text, read chunk by chunk: more than MAX_BYTES stops (a small link that inflates hugely). */
async function decompress(bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let size = 0;
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.length;
      if (size > MAX_BYTES) throw new ImportProblem("handover.too_big", { kilobytes: Math.round(size / 1024) });
      chunks.push(read.value);
    }
  } catch (problem) {
    reader.cancel().catch(() => {});
    throw problem instanceof ImportProblem ? problem : new ImportProblem("handover.damaged");
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(await new Blob(chunks).arrayBuffer());
}

/** The current incident's record: only the checklists of an incident. */
function incidentRecord(book) {
  const isIncident = incidentTest(book);
  const { checks, incident, log } = currentRecord();
  return { checks: new Map([...checks].filter(([id]) => isIncident(id))), incident, log };
}

/** A handover link for the current incident. */
export async function makeLink(book, base = address()) {
  const text = JSON.stringify(exportData(book, incidentRecord(book)));
  return `${base}#${PREFIX}${toBase64url(await compress(text))}`;
}

/** The fragment (or a whole link) -> { checks, incident, log, ignored }; throws an ImportProblem. */
export async function readLink(link, book, now = Date.now()) {
  const at = link.indexOf(PREFIX);
  if (at < 0) throw new ImportProblem("handover.not_a_link");
  const data = link.slice(at + PREFIX.length).trim();
  if (data.length > MAX_LINK) throw new ImportProblem("handover.too_big", { kilobytes: Math.round(data.length / 1024) });
  let bytes;
  try {
    bytes = fromBase64url(data);
  } catch {
    throw new ImportProblem("handover.damaged");
  }
  const text = await decompress(bytes);
  let parsed;
  try {
    parsed = parseFile(text);
  } catch (problem) {
    throw problem.message === "import.foreign" ? new ImportProblem("handover.damaged") : problem;
  }
  return readData(parsed, book, now);
}

const countChecks = (checks) => [...checks.values()].reduce((n, items) => n + items.size, 0);

const when = (iso) => timeFormat("day").format(new Date(iso));

function newest(record) {
  const times = [...record.checks.values()].flatMap((items) => [...items.values()].map((c) => c.at)).filter(Boolean);
  return times.sort().at(-1) ?? null;
}

function describe(record) {
  const values = {
    name: record.incident?.name ?? say("record.unnamed"), count: countChecks(record.checks),
    start: record.incident?.start ? when(record.incident.start) : "", newest: newest(record) ? when(newest(record)) : "-",
  };
  return say(record.incident?.start ? "handover.holds" : "handover.holds_no_start", values);
}

function forgetFragment() {
  if (location.hash.includes(PREFIX)) history.replaceState(history.state, "", location.pathname + location.search);
}

async function openLink(page, link) {
  const status = part(page, "handover-status");
  const box = part(page, "handover-incoming");
  performance.mark("gb-handover-read-start");
  try {
    incoming = await readLink(link, manifest());
  } catch (problem) {
    if (!(problem instanceof ImportProblem)) throw problem;
    incoming = null;
    box.hidden = true;
    setText(status, say(problem.message, problem.values));
    return;
  }
  performance.measure("gb-handover-read", "gb-handover-read-start");
  setText(part(box, "handover-summary"), describe(incoming));
  setText(status, "");
  box.hidden = false;
  part(box, "handover-merge").focus();
}

function apply(page, how, changed) {
  const isIncident = incidentTest(manifest());
  if (how === "merge") store.mergeIncident(incoming, isIncident);
  else store.replaceIncident(incoming, isIncident);
  const count = countChecks(new Map([...store.allChecks()].filter(([id]) => isIncident(id))));
  incoming = null;
  part(page, "handover-incoming").hidden = true;
  forgetFragment();
  changed();
  setText(part(page, "handover-status"), say(how === "merge" ? "handover.merged" : "handover.replaced", { count }));
  showWayBack(page);
}

/** After a merge or a replace: a link back to the work, the Now list (its address is on the incident bar). */
function showWayBack(page) {
  const now = part(document, "incident-bar")?.dataset.now;
  const after = part(page, "handover-after");
  if (!now || !after) return;
  part(after, "handover-now").href = siteAddress(now);
  after.hidden = false;
  part(after, "handover-now").focus();
}

async function make(page) {
  performance.mark("gb-handover-make-start");
  const link = await makeLink(manifest());
  performance.measure("gb-handover-make", "gb-handover-make-start");
  const field = part(page, "handover-link");
  field.value = link;
  part(page, "handover-made").hidden = false;
  const count = countChecks(incidentRecord(manifest()).checks);
  setText(part(page, "handover-status"), say("handover.made", { count, length: link.length }));
  field.focus();
  field.select();
}

function cancel(page) {
  incoming = null;
  part(page, "handover-incoming").hidden = true;
  forgetFragment();
  setText(part(page, "handover-status"), say("handover.cancelled"));
}

async function copy(page) {
  const field = part(page, "handover-link");
  try {
    await navigator.clipboard.writeText(field.value);
  } catch {
    field.select();
    document.execCommand?.("copy");
  }
  setText(part(page, "handover-status"), say("handover.copied"));
}

export function initHandover(root, changed) {
  const page = part(root, "record-page");
  if (!page || !part(page, "handover-make")) return;
  incoming = null;
  if (typeof CompressionStream === "undefined") {
    part(page, "handover-make").disabled = true;
    setText(part(page, "handover-status"), say("handover.unsupported"));
    return;
  }
  listen(part(page, "handover-make"), "click", () => make(page));
  listen(part(page, "handover-copy"), "click", () => copy(page));
  listen(part(page, "handover-open"), "click", () => openLink(page, part(page, "handover-paste").value));
  listen(part(page, "handover-merge"), "click", () => apply(page, "merge", changed));
  listen(part(page, "handover-replace"), "click", () => apply(page, "replace", changed));
  listen(part(page, "handover-cancel"), "click", () => cancel(page));
  if (location.hash.includes(PREFIX)) openLink(page, location.hash);
}

/* A link opened in the tab that already shows the record page changes only the fragment. */
addEventListener("hashchange", () => {
  const page = part(document, "record-page");
  if (page && part(page, "handover-make") && location.hash.includes(PREFIX)) openLink(page, location.hash);
});
