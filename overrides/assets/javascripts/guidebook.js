/* The guidebook's behaviour in the browser: one small module, no framework.
 * Everything stays on this device: no cookies, no network requests.
 * Sections: progress (saved ticks), incident clock, roles, print, links.
 * Each (but links, one click handler) has an init(root)
 * that runs once per page, also under Material's instant navigation. */
(function () {
  "use strict";

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  /* ---- progress ---------------------------------------------------------- */
  /* Ticks live in localStorage under one versioned key:
   * {"ticks": {"<checklist-id>": {"<item-id>": "<ISO time ticked>"}},
   *  "incident": "<ISO time the incident began>" or null} */
  var progress = (function () {
    var KEY = "ccm-guidebook.progress.v1";
    var FORMAT = "ccm-guidebook-progress";
    var FORMAT_VERSION = 1;
    var state = { ticks: {} };
    var storage = null; // null until probed; false when unusable
    var problem = "";
    var MESSAGES = {
      blocked: "This browser does not let the guidebook save your progress (storage is blocked). Ticks will be lost when you leave the page.",
      full: "Your progress could not be saved: this browser's storage is full. Ticks will be lost when you leave the page.",
      corrupt: "Your saved progress could not be read and was reset."
    };

    function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }

    function validTicks(ticks) {
      if (!isObject(ticks)) return false;
      return Object.keys(ticks).every(function (c) {
        return isObject(ticks[c]) && Object.keys(ticks[c]).every(function (i) { return typeof ticks[c][i] === "string"; });
      });
    }

    function validTime(value) {
      return value === undefined || value === null || (typeof value === "string" && !isNaN(new Date(value)));
    }

    function warn(kind) {
      problem = kind;
      var box = document.getElementById("gb-storage-notice");
      if (!box) return;
      box.textContent = MESSAGES[kind];
      box.hidden = false;
    }

    function load() {
      try {
        storage = window.localStorage;
        var raw = storage.getItem(KEY);
        state = { ticks: {} };
        if (raw === null) return;
        var parsed = JSON.parse(raw);
        if (!isObject(parsed) || !validTicks(parsed.ticks) || !validTime(parsed.incident)) throw new Error("corrupt");
        state = parsed;
      } catch (error) {
        if (storage === null || (error && error.name === "SecurityError")) {
          storage = false;
          warn("blocked");
        } else {
          state = { ticks: {} };
          warn("corrupt");
        }
      }
    }

    function save() {
      if (!storage) return warn("blocked");
      try {
        storage.setItem(KEY, JSON.stringify(state));
        if (problem === "full") { problem = ""; document.getElementById("gb-storage-notice").hidden = true; }
      } catch (error) {
        warn("full");
      }
    }

    function ticked(checklist, item) {
      return Boolean(state.ticks[checklist] && state.ticks[checklist][item]);
    }

    function setTick(checklist, item, on) {
      var list = state.ticks[checklist] || (state.ticks[checklist] = {});
      if (on) list[item] = new Date().toISOString(); else delete list[item];
      if (!Object.keys(list).length) delete state.ticks[checklist];
    }

    /* Show the state on the page: boxes, counts and bars. */
    function render(root) {
      all(root, "input.gb-check").forEach(function (box) {
        box.checked = ticked(box.dataset.checklist, box.dataset.item);
      });
      all(root, "[data-count-for]").forEach(function (el) {
        var id = el.dataset.countFor;
        var total = Number(el.dataset.total);
        var items = all(root, 'input.gb-check[data-checklist="' + id + '"]').map(function (b) { return b.dataset.item; });
        var known = items.length ? items : (el.dataset.items || "").split(" ");
        var done = known.filter(function (item) { return item && ticked(id, item); }).length;
        var text = done + " of " + total + " done";
        if (el.textContent !== text) el.textContent = text;
        var bar = root.querySelector('progress[data-bar-for="' + id + '"]');
        if (bar) bar.value = done;
      });
      incident.render(root);
    }

    function download(name, text) {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    }

    function manifest(root) {
      var el = root.querySelector("#gb-manifest");
      return el ? JSON.parse(el.dataset.manifest) : null;
    }

    function exportFile(root) {
      var book = manifest(root);
      var now = new Date();
      var data = {
        format: FORMAT, format_version: FORMAT_VERSION,
        guidebook: book.title, guidebook_version: book.version,
        exported_at: now.toISOString(),
        incident_start: state.incident || null,
        checklists: book.checklists.filter(function (c) { return state.ticks[c.id]; }).map(function (c) {
          return {
            id: c.id, title: c.title,
            ticked: c.items.filter(function (i) { return ticked(c.id, i); }).map(function (i) {
              return { id: i, ticked_at: state.ticks[c.id][i] };
            })
          };
        })
      };
      download("guidebook-progress-" + now.toISOString().slice(0, 10) + ".json", JSON.stringify(data, null, 2));
    }

    /* Read an exported file; returns {ticks, ignored} or throws an Error with a message for the reader. */
    function parseImport(text, book) {
      var data;
      try { data = JSON.parse(text); } catch (e) { throw new Error("This file is not a progress file from this guidebook (it is not JSON)."); }
      if (!isObject(data) || data.format !== FORMAT) throw new Error("This file is not a progress file from this guidebook.");
      if (typeof data.format_version !== "number" || data.format_version > FORMAT_VERSION) {
        throw new Error("This progress file was made by a newer version of the guidebook and cannot be read here.");
      }
      if (!Array.isArray(data.checklists)) throw new Error("This progress file is damaged: it has no list of checklists.");
      var ticks = {};
      var ignored = [];
      data.checklists.forEach(function (c) {
        var known = isObject(c) && book.checklists.filter(function (k) { return k.id === c.id; })[0];
        if (!known) { ignored.push(isObject(c) ? String(c.id) : "?"); return; }
        (Array.isArray(c.ticked) ? c.ticked : []).forEach(function (t) {
          var id = isObject(t) ? t.id : t;
          if (known.items.indexOf(id) < 0) { ignored.push(c.id + "#" + id); return; }
          (ticks[c.id] = ticks[c.id] || {})[id] = isObject(t) && typeof t.ticked_at === "string" ? t.ticked_at : new Date().toISOString();
        });
      });
      return { ticks: ticks, ignored: ignored, incident: validTime(data.incident_start) ? data.incident_start || null : null };
    }

    function say(root, text) {
      var out = root.querySelector("#gb-import-status");
      if (out) out.textContent = text;
    }

    function importFile(root, file) {
      var reader = new FileReader();
      reader.onload = function () {
        var result;
        try { result = parseImport(String(reader.result), manifest(root)); } catch (error) { return say(root, error.message); }
        var count = Object.keys(result.ticks).reduce(function (n, c) { return n + Object.keys(result.ticks[c]).length; }, 0);
        if (!window.confirm("Replace your progress on this device with the " + count + " ticked items in \"" + file.name + "\"?")) {
          return say(root, "Import cancelled; nothing was changed.");
        }
        state = { ticks: result.ticks, incident: result.incident };
        save();
        render(root);
        say(root, "Imported " + count + " ticked items from \"" + file.name + "\"." +
          (result.ignored.length ? " Ignored " + result.ignored.length + " unknown entries: " + result.ignored.join(", ") + "." : ""));
      };
      reader.onerror = function () { say(root, "The file could not be read; nothing was changed."); };
      reader.readAsText(file);
    }

    function init(root) {
      load();
      all(root, "input.gb-check").forEach(function (box) {
        box.addEventListener("change", function () {
          setTick(box.dataset.checklist, box.dataset.item, box.checked);
          save();
          render(root);
        });
      });
      all(root, "button[data-reset]").forEach(function (button) {
        button.addEventListener("click", function () {
          var id = button.dataset.reset;
          var title = button.dataset.title;
          var message = id ? "Clear every tick in \"" + title + "\"? This cannot be undone." : "Clear every tick in every checklist, and the incident start? This cannot be undone.";
          if (!window.confirm(message)) return;
          if (id) delete state.ticks[id]; else state = { ticks: {} };
          save();
          render(root);
        });
      });
      var exportButton = root.querySelector("#gb-export");
      if (exportButton) exportButton.addEventListener("click", function () { exportFile(root); });
      var importInput = root.querySelector("#gb-import-file");
      var importButton = root.querySelector("#gb-import");
      if (importInput && importButton) {
        importButton.addEventListener("click", function () { importInput.click(); });
        importInput.addEventListener("change", function () {
          if (importInput.files.length) importFile(root, importInput.files[0]);
          importInput.value = "";
        });
      }
      render(root);
    }

    /* Another tab changed the progress: show the same state here. */
    window.addEventListener("storage", function (event) {
      if (event.key !== KEY && event.key !== null) return;
      load();
      render(document);
    });

    return {
      init: init,
      manifest: manifest,
      ticked: ticked,
      get: function () { return state; },
      set: function (changes) {
        Object.keys(changes).forEach(function (k) { state[k] = changes[k]; });
        save();
        render(document);
      }
    };
  })();

  /* ---- incident clock --------------------------------------------------- */
  /* The incident start is kept with the progress (progress.get/set). Each phase
   * with due-within hours falls due that long after the start. */
  var incident = (function () {
    var HOUR = 3600000;

    function when(date) {
      return date.toLocaleString(undefined, { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
    }

    function span(ms) {
      var minutes = Math.round(Math.abs(ms) / 60000);
      var h = Math.floor(minutes / 60);
      return (h ? h + " h " : "") + (minutes % 60) + " min";
    }

    /* Open items per phase, and each phase's state at `now`. */
    function phases(book, start, now) {
      var next = null;
      return book.phases.map(function (phase) {
        var open = 0;
        book.checklists.forEach(function (c) {
          if (c.phase === phase.id) c.items.forEach(function (i) { if (!progress.ticked(c.id, i)) open++; });
        });
        var due = start && phase.hours ? new Date(start.getTime() + phase.hours * HOUR) : null;
        var status = open ? open + " open item" + (open > 1 ? "s" : "") : "Done";
        var kind = open ? "open" : "done";
        if (due && open) {
          if (due <= now) { kind = "overdue"; status = "Overdue: " + status; }
          else if (!next) { kind = next = "next"; status = "Due next, in " + span(due - now) + ": " + status; }
        }
        return { phase: phase, due: due, open: open, kind: kind, status: status };
      });
    }

    function render(root) {
      var panel = root.querySelector("[data-gb-incident]");
      if (!panel) return;
      var book = progress.manifest(root);
      var value = progress.get().incident;
      var start = value ? new Date(value) : null;
      var now = new Date();
      var states = phases(book, start, now);
      var current = start && states.filter(function (s) { return s.due && s.due > now; })[0];
      states.forEach(function (s) {
        var li = panel.querySelector('[data-phase="' + s.phase.id + '"]');
        li.className = "gb-phase gb-" + s.kind + (current === s ? " gb-now" : "");
        li.querySelector("[data-due-for]").textContent = s.due ? "Due by " + when(s.due) : "";
        li.querySelector("[data-status-for]").textContent = s.status;
      });
      var input = panel.querySelector("#gb-incident-start");
      var summary = panel.querySelector("[data-incident-summary]");
      if (!start) {
        summary.textContent = "Set when the incident began to see when each phase falls due.";
        return;
      }
      if (document.activeElement !== input) {
        var local = new Date(start.getTime() - start.getTimezoneOffset() * 60000);
        input.value = local.toISOString().slice(0, 16);
      }
      var overdue = states.filter(function (s) { return s.kind === "overdue"; }).map(function (s) { return s.phase.name; });
      var next = states.filter(function (s) { return s.kind === "next"; })[0];
      summary.textContent = "Incident began " + when(start) + " (" + span(now - start) + " ago)." +
        (overdue.length ? " Overdue: " + overdue.join(", ") + "." : "") +
        (next ? " Due next: " + next.phase.name + ", by " + when(next.due) + "." : "");
    }

    function init(root) {
      var panel = root.querySelector("[data-gb-incident]");
      if (!panel) return;
      var form = panel.querySelector("[data-incident-form]");
      var input = panel.querySelector("#gb-incident-start");
      var error = panel.querySelector("[data-incident-error]");
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var start = new Date(input.value);
        error.textContent = "";
        if (!input.value || isNaN(start)) { error.textContent = "Enter the date and time the incident began."; return; }
        if (start > new Date()) { error.textContent = "The incident start cannot be in the future."; return; }
        progress.set({ incident: start.toISOString() });
      });
      panel.querySelector("[data-incident-clear]").addEventListener("click", function () {
        if (!window.confirm("Clear the incident start? Ticked items stay as they are.")) return;
        input.value = "";
        progress.set({ incident: null });
      });
      render(root);
    }

    setInterval(function () { render(document); }, 30000);
    return { init: init, render: render };
  })();

  /* ---- roles -------------------------------------------------------------- */
  /* ?role=id in the address puts the checklists for that role's audiences
   * first in every [data-role-sort] list. Roles come from the manifest. */
  var roles = (function () {
    function apply(root, id) {
      var book = progress.manifest(root);
      if (!book) return;
      var role = book.roles.filter(function (r) { return r.id === id; })[0];
      var status = root.querySelector("[data-role-status]");
      all(root, "[data-role-sort]").forEach(function (list) {
        var children = all(list, ":scope > *");
        children.forEach(function (el, n) { if (!el.dataset.order) el.dataset.order = n; });
        function match(el) {
          return role && (el.dataset.audiences || "").split(" ").some(function (a) { return role.audiences.indexOf(a) >= 0; });
        }
        children.sort(function (a, b) { return (match(b) - match(a)) || (a.dataset.order - b.dataset.order); })
          .forEach(function (el) { el.classList.toggle("gb-role-match", Boolean(match(el))); list.appendChild(el); });
      });
      all(root, 'input[name="gb-role"]').forEach(function (r) { r.checked = r.value === (role ? role.id : ""); });
      if (status) {
        status.textContent = role ? "Showing the checklists for " + role.name + " first." :
          id ? "There is no role \"" + id + "\"; showing all checklists." : "";
      }
      all(root, "a[data-keep-role]").forEach(function (a) {
        var url = new URL(a.href);
        if (role) url.searchParams.set("role", role.id); else url.searchParams.delete("role");
        a.href = url.href;
      });
    }

    function init(root) {
      apply(root, new URLSearchParams(location.search).get("role"));
      all(root, 'input[name="gb-role"]').forEach(function (radio) {
        radio.addEventListener("change", function () {
          var url = new URL(location.href);
          if (radio.value) url.searchParams.set("role", radio.value); else url.searchParams.delete("role");
          history.replaceState(history.state, "", url.href);
          apply(root, radio.value);
        });
      });
    }

    return { init: init };
  })();

  /* ---- print ------------------------------------------------------------- */
  /* The Print button ([data-gb-print], partials/gb-print.html) opens two
   * choices: a blank copy, printed with html.gb-print-blank (print.css then
   * draws every box empty) until "afterprint", or a copy with the boxes as they
   * are ticked. The running header of the printed page (print.css, @page
   * margin boxes) shows the page address and the date printed, read from two
   * custom properties on <html> that are set here, and again just before
   * printing. Without this script the buttons are not shown and the browser's
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
      all(document, "[data-gb-print-date]").forEach(function (el) {
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
      all(choices, "[data-print]").forEach(function (button) {
        button.addEventListener("click", function () {
          show(false);
          toggle.focus();
          printCopy(button.getAttribute("data-print") === "blank");
        });
      });
    }

    function init(root) {
      stamp();
      if (!listening) {
        listening = true;
        window.addEventListener("beforeprint", stamp);
        window.addEventListener("afterprint", function () { html.classList.remove(BLANK); });
      }
      all(root, "[data-gb-print]").forEach(setup);
    }

    return { init: init };
  })();

  /* ---- links ------------------------------------------------------------- */
  /* "Copy link" buttons (markup: overrides/partials/gb-copy-button.html, shown
   * only when this script runs), one click handler for all of them:
   *   data-gb-copy-link="item-id"  this page's address + #item-id ("" = the page)
   *   data-gb-copy-url="https://…" that address
   *   data-gb-copy-text="some-id"  the text of the element with that id
   * On the web the page's address is the address bar's; opened from disk
   * (the offline edition) it is the public one in <link rel="canonical">.
   * Copies with the Clipboard API, else execCommand("copy"), else shows the
   * text selected in a field to copy by hand; a polite status reads it out. */
  (function () {
    function announce(message) {
      var region = document.getElementById("gb-copy-status");
      region.textContent = "";
      setTimeout(function () { region.textContent = message; }, 50);
    }

    function textFor(button) {
      var d = button.dataset;
      if (d.gbCopyUrl) return d.gbCopyUrl;
      if (d.gbCopyText) return (document.getElementById(d.gbCopyText) || {}).textContent || "";
      var canonical = document.querySelector('link[rel="canonical"]');
      var page = /^https?:$/.test(location.protocol) || !canonical ? location.origin + location.pathname : canonical.href;
      return page + (d.gbCopyLink ? "#" + d.gbCopyLink : "");
    }

    function legacyCopy(text, button) {
      var area = document.createElement("textarea");
      area.value = text;
      area.className = "gb-visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { /* not available */ }
      area.remove();
      button.focus();
      return ok ? Promise.resolve() : Promise.reject(new Error("not copied"));
    }

    function copied(button) {
      button.classList.add("is-copied");
      announce(button.querySelector(".gb-copy__done").textContent);
      clearTimeout(button.gbTimer);
      button.gbTimer = setTimeout(function () { button.classList.remove("is-copied"); }, 2500);
    }

    function manual(button, text) {
      var box = button.nextElementSibling;
      if (!box || !box.classList.contains("gb-copy-fallback")) {
        box = document.createElement("span");
        box.className = "gb-copy-fallback gb-noprint";
        box.innerHTML = "<label><span></span><input type=text readonly></label>";
        box.querySelector("span").textContent = button.dataset.gbCopyText ? "Copy this text: " : "Copy this link: ";
        button.after(box);
      }
      var input = box.querySelector("input");
      input.value = text;
      input.focus();
      input.select();
      announce("Copying is not available here. The text is selected: press Control+C, or Command+C on a Mac, to copy it.");
    }

    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button.gb-copy");
      if (!button) return;
      var text = textFor(button);
      var clipboard = navigator.clipboard && navigator.clipboard.writeText;
      (clipboard ? navigator.clipboard.writeText(text) : Promise.reject())
        .catch(function () { return legacyCopy(text, button); })
        .then(function () { copied(button); }, function () { manual(button, text); });
    });

  })();

  function start() {
    if (window.performance && performance.mark) performance.mark("gb-start");
    progress.init(document);
    if (window.performance && performance.measure) performance.measure("gb-progress-restore", "gb-start");
    incident.init(document);
    roles.init(document);
    print.init(document);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
