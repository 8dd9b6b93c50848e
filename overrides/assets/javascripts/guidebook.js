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
  /* The Print button ([data-gb-print], partials/gb-print.html) opens two
   * choices: a blank copy, printed with html.gb-print-blank (print.css then
   * draws every box empty) until "afterprint", or a copy with the boxes as they
   * are ticked. The running header of the printed page (print.css, @page
   * margin boxes) shows the page address and the date printed, read from two
   * custom properties on <html> that are set here, and again just before
   * printing. Without this script the buttons stay hidden and the browser's
   * own Print command prints the page with the boxes as they are. */
  var print = (function () {
    var html = document.documentElement;
    var BLANK = "gb-print-blank";
    var listening = false;

    function cssString(text) {
      return "\"" + String(text).replace(/[\\"]/g, "\\$&").replace(/[\n\r\f]/g, " ") + "\"";
    }

    function today() {
      return new Date().toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
    }

    function stamp() {
      var date = today();
      html.style.setProperty("--gb-print-url", cssString(location.href.split("#")[0]));
      html.style.setProperty("--gb-print-date", cssString("Printed " + date));
      Array.prototype.forEach.call(document.querySelectorAll("[data-gb-print-date]"), function (el) {
        el.textContent = date;
      });
    }

    function printCopy(blank) {
      html.classList.toggle(BLANK, blank);
      stamp();
      window.print();
    }

    function setup(box) {
      if (box.hasAttribute("data-gb-print-ready")) return;
      box.setAttribute("data-gb-print-ready", "");
      var toggle = box.querySelector("[data-print-toggle]");
      var choices = box.querySelector("[data-print-choices]");

      function show(open) {
        choices.hidden = !open;
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
      }

      toggle.addEventListener("click", function () {
        show(choices.hidden);
        if (!choices.hidden) choices.querySelector("button").focus();
      });
      box.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && !choices.hidden) {
          show(false);
          toggle.focus();
        }
      });
      box.addEventListener("focusout", function (event) {
        if (event.relatedTarget && !box.contains(event.relatedTarget)) show(false);
      });
      Array.prototype.forEach.call(choices.querySelectorAll("[data-print]"), function (button) {
        button.addEventListener("click", function () {
          show(false);
          toggle.focus();
          printCopy(button.getAttribute("data-print") === "blank");
        });
      });
      box.hidden = false;
    }

    function init(root) {
      stamp();
      if (!listening) {
        listening = true;
        window.addEventListener("beforeprint", stamp);
        window.addEventListener("afterprint", function () { html.classList.remove(BLANK); });
      }
      Array.prototype.forEach.call(root.querySelectorAll("[data-gb-print]"), setup);
    }

    return { init: init };
  })();

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
