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
 *   guidebook/record-wait.js       the record page with no record yet: its modules wait for the first use
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
import { HANDOVER_MARK, KEY, LEGACY_KEY } from "./guidebook/saved.js";
import {
  initTransfer, loadBar, loadClock, loadHandoff, loadItemRecords, loadNowList, loadPacket, loadRecordPage, loadRoles, loadSearchFallback,
  loadTransfer, loadKeep, loadRecordWait,
  needed,
} from "./guidebook/on-demand.js";
import { loadWords } from "./guidebook/words.js";

let recordPage = null; // { record, handover } modules, once the record page has loaded them
const features = { clock: null, bar: null, records: null, roles: null, now: null }; // loaded when the page needs them (on-demand.js)
const loading = {};

function show() {
  showProgress(document);
  showStartRow(document);
  features.clock?.showIncident(document);
  features.records?.showItemRecords(document);
  recordPage?.record.showRecord(document);
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
  bar: (loaded) => loaded.initIncidentBar(document, changed, loaded.clock, { loadTransfer, loadHandoff }, loaded.panels),
  records: (loaded) => loaded.initItemRecords(document, changed),
  roles: (loaded) => loaded.initRoles(document),
  now: (loaded) => loaded.initNowList(document, loaded.clock),
};
const LOADERS = { clock: loadClock, bar: loadBar, records: loadItemRecords, roles: loadRoles, now: loadNowList };
// Where a part that cannot be loaded says so (on-demand.js): beside the controls that wait for it.
const STATUS = { clock: "incident-error", bar: "bar-began", records: "copy-status", roles: "role-status", now: "now-next" };

/** Load the parts the page needs now and has not loaded yet (the first check, an incident begun in
 * another tab, ...); each loads once. */
function loadNeeded() {
  const need = needed(document);
  for (const name of Object.keys(LOADERS)) {
    if (!need[name] || loading[name]) continue;
    loading[name] = LOADERS[name](find(document, STATUS[name])).then((loaded) => {
      if (!loaded) return;
      STARTS[name](loaded);
      features[name] = loaded;
      show();
    });
  }
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
  return Promise.all([startRecordPage(document), startPacket(document), ...Object.values(loading)]);
}

/** The incident record page: load its modules, then wire the page and show the record. Where this browser
 * holds no record and the address no handover link, the page shows the empty record as the build wrote it,
 * and the modules wait for the reader's first use of the page (record-wait.js). */
async function startRecordPage(root) {
  const page = find(root, "record-page");
  if (!page) return;
  const status = part(page, "record-status");
  const use = store.held() || location.hash.includes(HANDOVER_MARK) ? null : await firstUse(page, status);
  const loaded = await loadRecordPage(status);
  if (!loaded) return;
  recordPage = loaded;
  const init = () => {
    loaded.record.initRecord(root, changed);
    loaded.handover.initHandover(root, changed);
    loaded.forms.initForms(root);
  };
  if (use) use.start(init);
  else init();
  loaded.record.showRecord(root);
  if (use) startKeep(); // its lines, as where the record was there at once (below: once the page is idle)
}

/** Wait for the first use of the record page, its empty record shown. */
async function firstUse(page, status) {
  const wait = await loadRecordWait(status);
  if (!wait) return null;
  wait.showEmpty(page);
  return wait.firstUse(page);
}

/** The packet page: load the choice of what to print. */
async function startPacket(root) {
  const form = find(root, "packet-choice");
  if (!form) return;
  const packet = await loadPacket(part(form, "packet-status"));
  await loading.roles; // a role in the address orders the checklists first: the choice follows that order
  packet?.initPacket(root);
}

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
 * (guidebook/offline-worker.js, where the page names one), and storage that lasts (guidebook/keep.js: on
 * the record page where this browser holds a record, and on the home page where its hint can show, an
 * iPhone's browser). Loaded then, so that they never delay the first paint. */
addEventListener("load", () => {
  const idle = window.requestIdleCallback ?? ((run) => setTimeout(run, 1000));
  idle(() => {
    if (document.querySelector('meta[name="gb-service-worker"]')) {
      import("./guidebook/offline-worker.js").then((worker) => worker.startOfflineWorker(document))
        .catch((error) => console.warn(error));
    }
    if (keepHere()) startKeep();
  });
});

let keepStarted = false;

/** keep.js: the Home Screen hint, and the record page's lines (whether the browser keeps the record). Once. */
function startKeep() {
  if (keepStarted) return;
  keepStarted = true;
  const iPhoneBrowser = isIPhoneBrowser(navigator, standaloneDisplay());
  loadKeep(null).then((keep) => keep?.startKeep(document, { iPhoneBrowser }));
}

/** Whether this page shows what keep.js shows, once the page is idle: the record page's lines where this
 * browser holds a record (else they wait for the record's modules: startRecordPage), or the Home Screen
 * hint, on an iPhone's browser. */
function keepHere() {
  const hint = document.querySelector('meta[name="gb-home-screen-hint"]')?.content;
  if (hint === "record") return store.held();
  return Boolean(hint) && isIPhoneBrowser(navigator, standaloneDisplay());
}
