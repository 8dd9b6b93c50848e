/* Handover by link (gb-handover.html, on the incident record page). The current incident
 * (checks, times, who, notes, undone checks) in the export format of transfer.js, compressed
 * with the browser's CompressionStream (deflate-raw) and base64url-encoded, in the link's
 * fragment (#handover=2.<data and its CRC-32>, linkcode.js), which browsers never send to a server.
 * Opening such a link, or pasting one, shows what it holds and asks to merge or replace. It is read
 * exactly like an import (transfer.js): bounded, validated, checked against its CRC-32; a damaged, cut
 * or oversized link changes nothing. A link of the first version (#handover=1., no checksum) is still
 * read, and the reader is told that damage to it may go unseen. */
import { address, find, listen, manifest, part, setText, siteAddress } from "./dom.js";
import { incidentTest } from "./scope.js";
import { mergeIncident, replaceIncident } from "./merge.js";
import * as store from "./store.js";
import { DamagedLink, fromBase64url, openData, sealData } from "./linkcode.js";
import { ImportProblem, MAX_BYTES, currentRecord, exportData, parseFile, readData, repeatedNote } from "./transfer.js";
import { HANDOVER_MARK } from "./saved.js";
import { addWords, say, timeFormat } from "./words.js";

addWords(typeof GB_WORDS_handover === "string" && GB_WORDS_handover); // its words, in its file (macros/script_words.py)

const MARK = HANDOVER_MARK;
const VERSION = 2; // 1: no checksum (until December 2026), still read
const PREFIX = `${MARK}${VERSION}.`;
const MAX_LINK = Math.ceil((MAX_BYTES * 4) / 3) + 100; // the base64url of a 1 MB compressed text

let incoming = null; // { checks, incident, log, repeated, sealed } of the link being shown

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
  return `${base}#${PREFIX}${sealData(await compress(text))}`;
}

// A problem of the link's contents, said of a handover link, not of a progress file: the words the
// reader sees for each problem transfer.js finds.
const HANDOVER_PROBLEMS = {
  "import.foreign": "handover.damaged", "import.damaged": "handover.damaged",
  "import.newer": "handover.newer", "import.too_many": "handover.too_many",
};

/** The problem `problem` of a handover link's contents, in the handover's words. */
export function handoverProblem(problem) {
  if (!(problem instanceof ImportProblem)) return problem;
  return new ImportProblem(HANDOVER_PROBLEMS[problem.message] ?? "handover.damaged", problem.values);
}

/** The link's version and data: { version: 1 or 2, data }; throws an ImportProblem. A link whose mark is
 * followed by anything but "1." or "2." is damaged (one changed character there is damage, not another link). */
function linkParts(link) {
  const at = link.indexOf(MARK);
  if (at < 0) throw new ImportProblem("handover.not_a_link");
  const found = /^([12])\.(.*)$/s.exec(link.slice(at + MARK.length));
  if (!found) throw new ImportProblem("handover.damaged");
  return { version: Number(found[1]), data: found[2].trim() };
}

/** The compressed bytes of a link's data: checked against its CRC-32 (version 2), or not (version 1). */
function linkBytes({ version, data }) {
  if (data.length > MAX_LINK) throw new ImportProblem("handover.too_big", { kilobytes: Math.round(data.length / 1024) });
  try {
    return version === 1 ? fromBase64url(data) : openData(data);
  } catch (problem) {
    if (problem instanceof DamagedLink) throw new ImportProblem("handover.damaged");
    throw problem;
  }
}

/** The fragment (or a whole link) -> { checks, incident, log, ignored, repeated, badStart, sealed } (sealed:
 * whether a checksum vouched for it); throws an ImportProblem. */
export async function readLink(link, book, now = Date.now()) {
  const found = linkParts(link);
  const text = await decompress(linkBytes(found));
  let parsed;
  try {
    parsed = parseFile(text);
  } catch (problem) {
    throw handoverProblem(problem);
  }
  return { ...readData(parsed, book, now), sealed: found.version === VERSION };
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

/** What the reader should know before merging: checklists listed twice (merged), a link with no checksum. */
function cautions(record, book) {
  const notes = [];
  if (record.repeated.length) notes.push(repeatedNote(record.repeated, book));
  if (!record.sealed) notes.push(say("handover.unsealed"));
  return notes.join(" ");
}

function forgetFragment() {
  if (location.hash.includes(MARK)) history.replaceState(history.state, "", location.pathname + location.search);
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
  setText(status, cautions(incoming, manifest()));
  box.hidden = false;
  part(box, "handover-merge").focus();
}

function apply(page, how, changed) {
  const isIncident = incidentTest(manifest());
  if (how === "merge") mergeIncident(incoming, isIncident);
  else replaceIncident(incoming, isIncident);
  const count = countChecks(new Map([...store.allChecks()].filter(([id]) => isIncident(id))));
  const repeated = incoming.repeated.length ? ` ${repeatedNote(incoming.repeated, manifest())}` : "";
  incoming = null;
  part(page, "handover-incoming").hidden = true;
  forgetFragment();
  changed();
  setText(part(page, "handover-status"), say(how === "merge" ? "handover.merged" : "handover.replaced", { count }) + repeated);
  showWayBack(page);
}

/** After a merge or a replace: a link back to the work, the Now list (its address is on the incident bar). */
function showWayBack(page) {
  const now = find(document, "incident-bar")?.dataset.now;
  const after = find(page, "handover-after");
  if (!now || !after) return;
  let link = find(after, "handover-now");
  if (!link) {
    link = document.createElement("a");
    link.classList.add("gb-button", "gb-button--primary");
    link.dataset.gb = "handover-now";
    link.textContent = say("shift.after_merge");
    after.append(link);
  }
  link.href = siteAddress(now);
  after.hidden = false;
  link.focus();
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
  const page = find(root, "record-page");
  if (!page || !find(page, "handover-make")) return;
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
  if (location.hash.includes(MARK)) openLink(page, location.hash);
}

/* A link opened in the tab that already shows the record page changes only the fragment. */
addEventListener("hashchange", () => {
  const page = find(document, "record-page");
  if (page && find(page, "handover-make") && location.hash.includes(MARK)) openLink(page, location.hash);
});
