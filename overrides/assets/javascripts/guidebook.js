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
  /* "Copy link" buttons (markup: overrides/partials/gb-copy-button.html). They
   * are hidden in the HTML and shown here, so without JavaScript there are none.
   *   data-gb-copy-link="item-id"  this page's address + #item-id ("" = the page)
   *   data-gb-copy-url="https://…" that address
   *   data-gb-copy-text="some-id"  the text of the element with that id
   * On the web, the page's address is the one in the address bar; opened from
   * disk (file://, the offline edition) it is the public address named by
   * <link rel="canonical">. Copies with the Clipboard API, else with the older
   * execCommand("copy"), else shows the link selected in a field to copy by
   * hand. Feedback is visible on the button and read out by a polite status. */
  var links = {
    bound: false,
    feedbackMs: 2500,

    init: function (root) {
      var buttons = root.querySelectorAll("button.gb-copy[hidden]");
      for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
      if (buttons.length) links.status();
      if (!links.bound) {
        document.addEventListener("click", links.onClick);
        links.bound = true;
      }
    },

    status: function () {
      var region = document.getElementById("gb-copy-status");
      if (!region) {
        region = document.createElement("div");
        region.id = "gb-copy-status";
        region.className = "gb-visually-hidden gb-noprint";
        region.setAttribute("role", "status");
        region.setAttribute("aria-live", "polite");
        document.body.appendChild(region);
      }
      return region;
    },

    announce: function (message) {
      var region = links.status();
      region.textContent = "";
      window.setTimeout(function () { region.textContent = message; }, 50);
    },

    pageAddress: function () {
      if (location.protocol === "http:" || location.protocol === "https:") {
        return location.origin + location.pathname;
      }
      var canonical = document.querySelector('link[rel="canonical"]');
      return canonical ? canonical.href : location.href.split("#")[0];
    },

    textFor: function (button) {
      if (button.hasAttribute("data-gb-copy-url")) return button.getAttribute("data-gb-copy-url");
      if (button.hasAttribute("data-gb-copy-text")) {
        var source = document.getElementById(button.getAttribute("data-gb-copy-text"));
        return source ? source.textContent : "";
      }
      var anchor = button.getAttribute("data-gb-copy-link");
      return links.pageAddress() + (anchor ? "#" + anchor : "");
    },

    onClick: function (event) {
      var button = event.target.closest ? event.target.closest("button.gb-copy") : null;
      if (!button) return;
      var text = links.textFor(button);
      links.copy(text, button).then(
        function () { links.copied(button); },
        function () { links.showForManualCopy(button, text); }
      );
    },

    copy: function (text, button) {
      if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
        return navigator.clipboard.writeText(text).catch(function () {
          return links.legacyCopy(text, button) ? undefined : Promise.reject(new Error("not copied"));
        });
      }
      return links.legacyCopy(text, button) ? Promise.resolve() : Promise.reject(new Error("not copied"));
    },

    legacyCopy: function (text, button) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "gb-visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      button.focus();
      return ok;
    },

    copied: function (button) {
      var done = button.querySelector(".gb-copy__done");
      button.classList.add("is-copied");
      links.announce(done ? done.textContent : "Copied");
      window.clearTimeout(button.gbCopyTimer);
      button.gbCopyTimer = window.setTimeout(function () {
        button.classList.remove("is-copied");
      }, links.feedbackMs);
    },

    showForManualCopy: function (button, text) {
      var box = button.nextElementSibling;
      if (!box || !box.classList.contains("gb-copy-fallback")) {
        box = document.createElement("span");
        box.className = "gb-copy-fallback gb-noprint";
        var label = document.createElement("label");
        var words = document.createElement("span");
        words.textContent = button.hasAttribute("data-gb-copy-text") ? "Copy this text: " : "Copy this link: ";
        var field = document.createElement("input");
        field.type = "text";
        field.readOnly = true;
        label.appendChild(words);
        label.appendChild(field);
        box.appendChild(label);
        button.insertAdjacentElement("afterend", box);
      }
      var input = box.querySelector("input");
      input.value = text;
      input.focus();
      input.select();
      links.announce("Copying is not available here. The text is selected: press Control+C, or Command+C on a Mac, to copy it.");
    }
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
