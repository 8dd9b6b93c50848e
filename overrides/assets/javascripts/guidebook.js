/* The guidebook's behaviour in the browser: small ES2020 modules, no framework,
 * bundled by the build (macros/assets.py, esbuild). What only some pages need
 * loads when needed (guidebook/on-demand.js): the incident clock and bar, the
 * record of checked items, the role views, the record page's modules, export
 * and import, the packet's choice.
 * Everything stays on this device: no cookies, no network requests.
 *   guidebook/store.js, saved.js   saved progress (checks, incident start), never lost
 *   guidebook/progress.js          boxes, counts, bars, reset; notice.js the storage notice
 *   guidebook/transfer.js          export and import
 *   guidebook/on-demand.js         loading those parts when a page needs them
 *   guidebook/item-record.js       beside each checked item: its time, who and note
 *   guidebook/record.js, scope.js  the incident record page; which checklists belong to an incident
 *   guidebook/first-use.js         the record page and the clock with nothing held: their modules wait for a use
 *   guidebook/handover.js          handover by link (compressed, in the fragment)
 *   guidebook/forms.js             the record as an ICS 214-format activity log and an improvement plan
 *   guidebook/clock.js             the incident clock (phases as windows; duration.js says how long)
 *   guidebook/incidentbar.js       the incident bar on every page, and starting a new incident
 *   guidebook/startrow.js          "When did it start? Now · 10 · 20 …": one tap starts an incident
 *   guidebook/shift.js             open now, the next window, the shift summary and calendar (pure)
 *   guidebook/handoff.js           the bar's "Hand over…": link, QR code, shift summary, calendar
 *   guidebook/nowlist.js           the Now list (docs/now.md): what is open now for the reader's role
 *   guidebook/roles.js             role views
 *   guidebook/print.js             the Print buttons and the running header
 *   guidebook/links.js             copy-link buttons
 *   guidebook/search-open.js       opening the search box: the search worker loads the index at once
 *   guidebook/search-fallback.js   then: a search that finds nothing offers the "Responding right now?" entries
 *   guidebook/palette.js           the palette toggle's radio state (keyboard: one visible tab stop)
 *   guidebook/words.js             the words shown, from data/messages/ (one JSON block in the page)
 *   guidebook/offline-worker.js    the service worker (use with no signal) and its updates, once the page is idle
 *   guidebook/update-notice.js     then: "A newer edition ... is ready · Reload", once a newer edition waits
 *   guidebook/keep.js              storage that lasts: asked for when an incident starts; the iPhone hint
 *   guidebook/home-screen.js       whether this is an iPhone's browser (where that hint shows)
 * start() runs once per page, also under Material's instant navigation. */
import { find, manifest, part } from "./guidebook/dom.js";
import "./guidebook/links.js";
import { initPrint } from "./guidebook/print.js";
import { initSearchOpen } from "./guidebook/search-open.js";
import { isIPhoneBrowser, standaloneDisplay } from "./guidebook/home-screen.js";
import { initProgress, showProgress } from "./guidebook/progress.js";
import { initStartRow, showStartRow } from "./guidebook/startrow.js";
import { checkPalette } from "./guidebook/palette.js";
import * as store from "./guidebook/store.js";
import { KEY, LEGACY_KEY } from "./guidebook/saved.js";
import {
  initTransfer, loadBar, loadClock, loadHandoff, loadItemRecords, loadNowList, loadPacket, loadRecordPage, loadRoles, loadSearchFallback,
  loadTransfer, loadKeep, loadFirstUse,
  needed,
} from "./guidebook/on-demand.js";
import { loadWords } from "./guidebook/words.js";

// loaded when the page needs them (on-demand.js); record: the record page's { record, handover, forms }
const features = { clock: null, bar: null, records: null, roles: null, now: null, record: null };
const loading = {};
const used = new Set(); // the parts whose region the reader used while they waited (first-use.js)
const waits = {}; // name -> a promise of its wait ({ start }), while a part waits for the first use of its region

function show() {
  showProgress(document);
  showStartRow(document);
  features.clock?.showIncident(document);
  features.records?.showItemRecords(document);
  features.record?.record.showRecord(document);
  features.bar?.showIncidentBar(document);
  features.now?.showNowList(document);
  reserveBar();
  loadNeeded();
}

/** While an incident runs, the bar takes its place at once (no jump of the page when incidentbar.js,
 * loaded then, fills it in a moment later). */
function reserveBar() {
  const bar = find(document, "incident-bar");
  if (bar && !features.bar) bar.hidden = !store.incidentStart();
}

/** After a change on this page: save it, then show it everywhere on the page. */
function changed() {
  store.save();
  show();
  if (store.incidentStart()) keepStorage(store.incidentStart());
}

/** An incident runs: ask the browser to keep the site's storage (guidebook/keep.js, once per incident). */
function keepStorage(start) {
  loadKeep(null).then((keep) => keep?.keepStorage(start));
}

/* Each part, once loaded: wire it to the page, then show it. */
const STARTS = {
  clock: (loaded) => loaded.initIncident(document, changed),
  record: (loaded) => {
    loaded.record.initRecord(document, changed);
    loaded.handover.initHandover(document, changed);
    loaded.forms.initForms(document);
    startKeep(); // whether the browser keeps the record (keep.js)
  },
  bar: (loaded) => loaded.initIncidentBar(document, changed, loaded.clock, { loadTransfer, loadHandoff }, loaded.panels),
  records: (loaded) => loaded.initItemRecords(document, changed),
  roles: (loaded) => loaded.initRoles(document),
  now: (loaded) => loaded.initNowList(document, loaded.clock),
};
const LOADERS = {
  clock: loadClock, bar: loadBar, records: loadItemRecords, roles: loadRoles, now: loadNowList, record: loadRecordPage,
};
// Where a part that cannot be loaded says so (on-demand.js): beside the controls that wait for it.
const STATUS = {
  clock: "incident-error", bar: "bar-began", records: "copy-status", roles: "role-status", now: "now-next", record: "record-status",
};
// The parts that, where this browser holds nothing for them, wait for the first use of their region (first-use.js).
const WAITING = { clock: "incident", record: "record-page" };

/** Load the parts the page needs now and has not loaded yet (the first check, an incident begun in
 * another tab, the first use of a part that waited, ...); each loads once. */
function loadNeeded() {
  const need = needed(document, used);
  for (const name of Object.keys(LOADERS)) {
    if (loading[name]) continue;
    if (need[name]) loading[name] = loadPart(name);
    else if (WAITING[name] && find(document, WAITING[name]) && !waits[name]) waits[name] = waitForUse(name);
  }
}

async function loadPart(name) {
  const loaded = await LOADERS[name](find(document, STATUS[name]));
  if (!loaded) return;
  const wait = await waits[name]; // it waited for the first use: what the reader did meanwhile, given to it
  if (wait) wait.start(() => STARTS[name](loaded));
  else STARTS[name](loaded);
  features[name] = loaded;
  show();
}

/** Show the part's region as the build wrote it, and wait for its first use; then load the part. */
async function waitForUse(name) {
  const firstUse = await loadFirstUse(find(document, STATUS[name]));
  if (!firstUse || loading[name]) return null; // it loads already (a check, an incident started meanwhile)
  return firstUse.waitForUse(find(document, WAITING[name]), () => {
    used.add(name);
    loadNeeded();
  });
}

/** What shows the saved checks and saves a tap: run as soon as this module runs, for the page the
 * browser opened (module scripts are deferred: the page is parsed by then), waiting for nothing it
 * does not need, Material's script included (issue 34); then again for each page Material's instant
 * navigation shows. */
function startProgress() {
  performance.mark("gb-start");
  loadWords(document);
  store.load(Date.now(), manifest()?.renamed);
  initProgress(document, changed);
  initStartRow(document, changed);
  show();
  performance.measure("gb-progress-restore", "gb-start");
}

/** The rest of the page's parts, once Material's script has run (it sets the palette, search and
 * the page's components these parts join). */
function start() {
  if (progressStarted) progressStarted = false; // the page the browser opened: its progress shows already
  else startProgress();
  performance.mark("gb-start-rest");
  checkPalette(document);
  initTransfer(document, changed);
  initPrint(document, () => loading.records);
  initSearchOpen(document, () => loadSearchFallback().then((loaded) => loaded?.initSearchFallback(document)));
  return Promise.all([startPacket(document), ...Object.values(loading)]);
}

/** The packet page: load the choice of what to print. */
async function startPacket(root) {
  const form = find(root, "packet-choice");
  if (!form) return;
  const packet = await loadPacket(part(form, "packet-status"));
  await loading.roles; // a role in the address orders the checklists first: the choice follows that order
  packet?.initPacket(root);
}

/* A handover link opened into this tab (its fragment): the record page loads its modules, if it waited. */
addEventListener("hashchange", loadNeeded);

/* Another tab changed the progress: read it again and show the same state here. */
addEventListener("storage", (event) => {
  if (![KEY, LEGACY_KEY, null].includes(event.key)) return;
  store.load(Date.now(), manifest()?.renamed);
  show();
});

setInterval(() => {
  features.clock?.showIncident(document, manifest());
  features.bar?.showIncidentBar(document);
  features.now?.showNowList(document);
}, 30000);

/* The saved checks show at once (startProgress), in the task that runs this module. The rest waits
 * for Material: it announces each page on document$ (also under instant navigation), from inside its
 * own start-up work; start() then runs in a task of its own, so that the two never make one long task
 * that holds the page (issue 12). Both scripts are deferred (main.html), so both have run before
 * DOMContentLoaded, whichever comes first: by then document$ is there, or Material's script did not
 * load and start() runs at once. Do not test document.readyState to tell whether Material's script
 * has run: a deferred script runs while it is already "interactive", before Material's (which is
 * why readyState does tell, below, that the page is parsed); and this script must stay deferred
 * (not async, not inserted by code), or it could miss the event. */
let progressStarted = document.readyState !== "loading"; // the page is parsed: always, for a deferred script
if (progressStarted) startProgress();
addEventListener("DOMContentLoaded", () => {
  if (window.document$) window.document$.subscribe(() => setTimeout(start));
  else start();
});

/* Once the page is idle: the service worker that keeps the guidebook for use with no signal
 * (guidebook/offline-worker.js, where the page names one), and the Home Screen hint on the home page of an
 * iPhone's browser (guidebook/keep.js; the record page starts it with its modules). Loaded then, so that they
 * never delay the first paint. */
addEventListener("load", () => {
  const idle = window.requestIdleCallback ?? ((run) => setTimeout(run, 1000));
  idle(() => {
    if (document.querySelector('meta[name="gb-service-worker"]')) {
      import("./guidebook/offline-worker.js").then((worker) => worker.startOfflineWorker(document))
        .catch((error) => console.warn(error));
    }
    if (homeScreenHint()) startKeep();
  });
});

let keepStarted = false;

/** keep.js: the Home Screen hint, and on the record page whether the browser keeps the record. Once. */
function startKeep() {
  if (keepStarted) return;
  keepStarted = true;
  const iPhoneBrowser = isIPhoneBrowser(navigator, standaloneDisplay());
  loadKeep(null).then((keep) => keep?.startKeep(document, { iPhoneBrowser }));
}

/** Whether this page shows the Home Screen hint of an iPhone's browser (keep.js) once idle: the home page; the
 * record page shows it with its other lines about storage, when its modules run (STARTS.record). */
function homeScreenHint() {
  const hint = document.querySelector('meta[name="gb-home-screen-hint"]')?.content;
  return Boolean(hint) && hint !== "record" && isIPhoneBrowser(navigator, standaloneDisplay());
}
