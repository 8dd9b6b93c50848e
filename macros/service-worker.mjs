// The service worker of the deployable site, made with Workbox's generateSW (npm workbox-build, pinned in
// package.json) once every other file of the site is written (macros/offline_app.py runs this script):
//   node macros/service-worker.mjs SITE_DIR [EXTRA_URLS_JSON]
// It precaches every page, our and Material's scripts and stylesheets, the search documents, the web app
// manifest and its icons, and the PDF packets, each with a revision from its content, so that after one
// visit the whole guidebook opens with no network. Its addresses are relative to sw.js at the site's base,
// so it works under a sub-path too. A new deployment installs beside the old one and waits: the page offers
// "Reload" (guidebook/offline-worker.js), which posts {type: "SKIP_WAITING"}; nothing reloads by itself.
// EXTRA_URLS_JSON: addresses (from the site's base) to precache as they are asked for, query included: our
// search worker, whose address carries its parameters (macros/search_worker.py). A worker's own address is the
// address of the response that served it, and Workbox's cache keys carry a revision parameter instead.
// Prints one JSON line: {"count": files, "size": bytes, "warnings": [...]}.
import { generateSW } from "workbox-build";
import path from "node:path";

export const PRECACHE = {
  globPatterns: [
    "**/*.{html,js,css,json,svg,pdf,webmanifest}",
    "assets/images/app/*.png", // our app icons; not the pages' larger social images, which no page needs offline
  ],
  globIgnores: [
    "sw.js",
    "**/*.map",
    // Lunr's language packs: Material loads them only for a search language other than English.
    "assets/javascripts/lunr/**",
  ],
};

async function main(siteDir, extra = "[]") {
  const { count, size, warnings } = await generateSW({
    ...PRECACHE,
    // named by content hash and parameters: the address itself is the revision
    additionalManifestEntries: JSON.parse(extra).map((url) => ({ url, revision: null })),
    globDirectory: siteDir,
    swDest: path.join(siteDir, "sw.js"),
    mode: "production",
    sourcemap: false,
    inlineWorkboxRuntime: true, // one file: sw.js, no workbox-<hash>.js beside it
    cacheId: "guidebook",
    cleanupOutdatedCaches: true, // a new edition removes the caches an older Workbox left
    skipWaiting: false, // the reader chooses when: the page's Reload button
    clientsClaim: false,
    directoryIndex: "index.html", // police/within-24-hours/ is police/within-24-hours/index.html
    ignoreURLParametersMatching: [/.*/], // ?h=word (search highlight) or a role: the same page
    maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
  });
  process.stdout.write(`${JSON.stringify({ count, size, warnings })}\n`);
}

main(process.argv[2], process.argv[3]).catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
