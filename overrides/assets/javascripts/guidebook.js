/* The guidebook's behaviour in the browser: one small module, no framework.
 * Everything stays on this device: no cookies, no network requests.
 * Sections: progress (saved ticks), print, links. Each exports an init(root)
 * that runs once per page, also under Material's instant navigation. */
(function () {
  "use strict";

  /* ---- progress ---------------------------------------------------------- */
  var progress = {
    init: function () {}
  };

  /* ---- print ------------------------------------------------------------- */
  var print = {
    init: function () {}
  };

  /* ---- links ------------------------------------------------------------- */
  var links = {
    init: function () {}
  };

  function start() {
    progress.init(document);
    print.init(document);
    links.init(document);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
