// Search on demand: the Web Worker each page's __config names as its search worker
// (macros/search_worker.py points it here), so that a page's first load fetches
// neither Material's search worker (Lunr) nor the full search index.
//
// It speaks Material for MkDocs' search worker protocol (Material's source:
// integrations/search/worker/message), messages { type, data }:
//
//   page -> worker  { type: 0 SETUP, data: { config, docs, options } }   once, at load
//   worker -> page  { type: 1 READY }                                    the page then sends queries
//   page -> worker  { type: 2 QUERY, data: "the query" }                 at load with "", then as typed
//   worker -> page  { type: 3 RESULT, data: { items, suggest? } }        one per query
//
// The page loads search/search_index.json, which the build leaves without documents
// ({ config, docs: [] }): it needs only the config (search highlighting reads it).
// So: on SETUP, keep the message and answer READY at once; answer an empty query
// with no results. On the first real query, fetch the full index (the `docs`
// parameter of this script's URL), load Material's own worker into this one with
// importScripts (the `worker` parameter: its file name, beside this file), hand it
// the SETUP with the full documents, wait for its READY (the page has had ours),
// then pass it the latest query that arrived meanwhile. From then on Material's
// worker answers every message itself; its results pass through fullMatchesFirst.
//
// The page says earlier when a search is near: opening the search box posts WARM
// on the BroadcastChannel SEARCH_CHANNEL (guidebook/search-open.js, issue 34). The
// worker then loads the index and Material's worker at once, in parallel, so that
// both are ready (and Material's index built) by the time the first key comes.

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3
// The page's word that a search is near, as guidebook/search-open.js sends it (a classic script
// imports nothing: tests/js/search-worker.test.mjs sends that module's own values)
const SEARCH_CHANNEL = "gb-search"
const WARM = "warm"

const params = new URL(self.location.href).searchParams
const MATERIAL_WORKER = params.get("worker") ?? ""
const FULL_INDEX = new URL(params.get("docs") ?? "", self.location.href)

const postToPage = self.postMessage.bind(self)
// Material's answers, on their way to the page
const fromMaterial = (message) => postToPage(message.type === RESULT ? fullMatchesFirst(message) : message)

let setup = null     // the page's SETUP message, kept until Material's worker is needed
let latest = null    // the latest query that arrived before Material's worker was ready
let loading = false  // the full index and Material's worker are on their way
let material = null  // Material's message handler, once its worker is ready
let warmed = false   // the page asked for the index before the first query

if (typeof BroadcastChannel === "function") {
  new BroadcastChannel(SEARCH_CHANNEL).addEventListener("message", (event) => {
    if (event.data === WARM) warm()
  })
}

self.addEventListener("message", (event) => {
  const message = event.data
  if (material) {
    material(message)
  } else if (message.type === SETUP) {
    setup = message
    postToPage({ type: READY })
    if (warmed) warm()
  } else if (message.type === QUERY) {
    queue(message)
  }
})

function queue(query) {
  if (!loading && query.data.trim() === "") {
    postToPage({ type: RESULT, data: { items: [] } })  // what Material's worker answers too
    return
  }
  latest = query
  load()
}

// The search box opened: load before the first query (once the page's SETUP is here).
function warm() {
  warmed = true
  if (setup) load()
}

function load() {
  if (loading) return
  loading = true
  start().catch(giveUp)
}

async function start() {
  const response = fetch(FULL_INDEX)  // on its way while Material's worker loads (importScripts waits)
  response.catch(() => {})  // a failure is handled where it is awaited, below
  const handler = loadMaterialWorker()
  const { docs } = await indexOf(await response)
  await new Promise((ready) => {
    // Material's worker answers with the global postMessage: catch its READY (the page had ours).
    self.postMessage = (message) => {
      if (message.type === READY) {
        self.postMessage = fromMaterial
        ready()
      } else {
        fromMaterial(message)
      }
    }
    handler({ ...setup, data: { ...setup.data, docs } })
  })
  material = handler
  const query = latest
  latest = null
  if (query) material(query)
}

async function indexOf(response) {
  if (!response.ok) throw new Error(`${response.status} ${FULL_INDEX}`)
  return response.json()
}

// Material's worker registers its "message" listener with the global addEventListener when it
// loads: take that listener instead of letting it listen, so that this worker decides what it gets.
function loadMaterialWorker() {
  if (!/^[\w.-]+\.js$/.test(MATERIAL_WORKER)) throw new TypeError(MATERIAL_WORKER)  // a file name beside this one
  const listeners = []
  self.addEventListener = (type, listener) => {
    if (type === "message") listeners.push(listener)
  }
  try {
    importScripts(MATERIAL_WORKER)
  } finally {
    delete self.addEventListener  // the global one again
  }
  if (listeners.length === 0) throw new Error(MATERIAL_WORKER)  // it added no message listener
  return (message) => listeners.forEach((listener) => listener({ data: message }))
}

// Material's search finds a document with any word of the query ("press conference": every page
// that says "Conference"). When some results hold every word, keep only those: a group keeps its
// page's own entry (Material needs it as the group's head) and the entries that hold every word.
// Each result's `terms` says which words of the query it holds (Material's worker sets it).
function fullMatchesFirst(message) {
  const groups = message.data?.items
  if (!Array.isArray(groups)) return message
  const full = (item) => {
    const found = Object.values(item.terms ?? {})
    return found.length > 0 && found.every(Boolean)
  }
  if (!groups.some((group) => group.some(full))) return message
  const items = groups
    .filter((group) => group.some(full))
    .map((group) => group.filter((item) => full(item) || !item.location.includes("#")))
  return { ...message, data: { ...message.data, items } }
}

// The index or the worker could not load (a network failure): answer the waiting query, if any,
// with no results, and try again on the next query.
function giveUp(error) {
  console.warn("search-on-demand", error)  // for developers (no reader words in scripts)
  self.postMessage = postToPage
  loading = false
  warmed = false
  if (latest) postToPage({ type: RESULT, data: { items: [] } })
  latest = null
}
