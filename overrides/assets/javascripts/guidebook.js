/* The guidebook's behaviour in the browser: one small module, no framework.
 * Everything stays on this device: no cookies, no network requests.
 * Sections: progress (saved ticks), incident clock, roles, print, links.
 * start() runs once per page, also under Material's instant navigation.
 *
 * The words a reader sees live in the templates (overrides/partials/), in
 * data-msg-* attributes of the element that shows them, with {name}
 * placeholders that say() fills in; a button that asks first carries its
 * question in data-confirm. ES5, minified by the build (macros/guidebook/assets.py). */
(function () {
  "use strict";

  var doc = document;

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function one(root, selector) {
    return root.querySelector(selector);
  }

  function byId(list, id) {
    return list.filter(function (x) { return x.id === id; })[0];
  }

  /* The words data-msg-<name> of `el`, with {key} replaced by values[key]. */
  function say(el, name, values) {
    return el.getAttribute("data-msg-" + name).replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  /* Changes the text only when it differs: a live region reads out every change. */
  function setText(el, text) {
    if (el.textContent !== text) el.textContent = text;
  }

  function listen(el, type, handler) {
    if (el) el.addEventListener(type, handler);
  }

  /* This page's address: the address bar's on the web; opened from disk (the
   * offline edition), the public one in <link rel="canonical">. */
  function address() {
    var canonical = one(doc, 'link[rel="canonical"]');
    return /^http/.test(location.protocol) || !canonical ? location.origin + location.pathname : canonical.href;
  }

  /* The guidebook's ids, titles, phases and roles (partials/gb-manifest.html), where the page has them. */
  function manifest(root) {
    var el = one(root, "#gb-manifest");
    return el && JSON.parse(el.dataset.manifest);
  }

  /* ---- progress ---------------------------------------------------------- */
  /* Ticks live in localStorage under one versioned key:
   * {"ticks": {"<checklist-id>": {"<item-id>": "<ISO time ticked>"}},
   *  "incident": "<ISO time the incident began>" or null} */
  var KEY = "ccm-guidebook.progress.v1";
  var FORMAT = "ccm-guidebook-progress";
  var FORMAT_VERSION = 1; // of exported files
  var state;
  var storage = null; // null until probed; false when unusable
  var problem;

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }

  function isTime(value) { return value == null || !isNaN(new Date(value)) && typeof value === "string"; }

  /* Show the storage notice (partials/gb-status.html) for `kind`: blocked, full or corrupt; "" hides it. */
  function warn(kind) {
    var box = doc.getElementById("gb-storage-notice");
    problem = kind;
    if (!box) return; // a page without the notice (404.html)
    box.hidden = !kind;
    if (kind) box.textContent = say(box, kind);
  }

  function load() {
    state = { ticks: {} };
    try {
      storage = localStorage;
      var saved = JSON.parse(storage.getItem(KEY));
      if (saved === null) return;
      if (!isObject(saved.ticks) || !isTime(saved.incident) || !Object.keys(saved.ticks).every(function (c) {
        return isObject(saved.ticks[c]);
      })) throw 0;
      state = saved;
    } catch (error) {
      if (storage === null || error.name === "SecurityError") storage = false;
      warn(storage ? "corrupt" : "blocked");
    }
  }

  function save() {
    if (!storage) return warn("blocked");
    try {
      storage.setItem(KEY, JSON.stringify(state));
      if (problem === "full") warn("");
    } catch (error) {
      warn("full");
    }
  }

  function ticked(checklist, item) {
    return !!(state.ticks[checklist] && state.ticks[checklist][item]);
  }

  function change(changes) {
    for (var key in changes) state[key] = changes[key];
    save();
    render(doc);
  }

  /* Show the state on the page: boxes, counts, bars and the incident clock.
   * A count covers the boxes on the page, or else (the home page) the manifest's items. */
  function render(root) {
    var book = manifest(root);
    all(root, "input.gb-check").forEach(function (box) {
      box.checked = ticked(box.dataset.checklist, box.dataset.item);
    });
    all(root, "[data-count-for]").forEach(function (el) {
      var id = el.dataset.countFor;
      var items = all(root, 'input[data-checklist="' + id + '"]').map(function (box) { return box.dataset.item; });
      var done = (items.length ? items : byId(book.checklists, id).items).filter(function (item) { return ticked(id, item); }).length;
      var bar = one(root, 'progress[data-bar-for="' + id + '"]');
      setText(el, done + " of " + el.dataset.total + " checked");
      if (bar) bar.value = done;
    });
    renderIncident(root, book);
  }

  function exportFile(book) {
    var now = new Date().toISOString();
    var link = doc.createElement("a");
    var data = {
      format: FORMAT, format_version: FORMAT_VERSION,
      guidebook: book.title, guidebook_version: book.version,
      exported_at: now,
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
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    link.download = "guidebook-progress-" + now.slice(0, 10) + ".json";
    doc.body.appendChild(link).click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  /* Read an exported file: {ticks, ignored, incident}, or throws the name of
   * the message that says what is wrong with it. */
  function parseImport(text, book) {
    var data;
    try { data = JSON.parse(text); } catch (e) { throw "foreign"; }
    if (!isObject(data) || data.format !== FORMAT) throw "foreign";
    if (!(data.format_version <= FORMAT_VERSION)) throw "newer";
    if (!Array.isArray(data.checklists)) throw "damaged";
    var ticks = {};
    var ignored = [];
    data.checklists.forEach(function (c) {
      var known = isObject(c) && byId(book.checklists, c.id);
      if (!known) return ignored.push(isObject(c) ? c.id : "?");
      (Array.isArray(c.ticked) ? c.ticked : []).forEach(function (t) {
        var id = isObject(t) ? t.id : t;
        if (known.items.indexOf(id) < 0) return ignored.push(c.id + "#" + id);
        (ticks[c.id] = ticks[c.id] || {})[id] = typeof t.ticked_at === "string" ? t.ticked_at : new Date().toISOString();
      });
    });
    return { ticks: ticks, ignored: ignored, incident: isTime(data.incident_start) && data.incident_start || null };
  }

  function importFile(book, file, out) {
    var reader = new FileReader();
    reader.onload = function () {
      var result;
      try { result = parseImport(reader.result, book); } catch (name) { return out.textContent = say(out, name); }
      var values = { count: 0, file: file.name, ignored: result.ignored.join(", "), unknown: result.ignored.length };
      for (var c in result.ticks) values.count += Object.keys(result.ticks[c]).length;
      if (!confirm(say(out, "confirm", values))) return out.textContent = say(out, "cancelled");
      change({ ticks: result.ticks, incident: result.incident });
      out.textContent = say(out, "imported", values) + (values.unknown ? " " + say(out, "ignored", values) : "");
    };
    reader.onerror = function () { out.textContent = say(out, "unreadable"); };
    reader.readAsText(file);
  }

  function initProgress(root) {
    var input = one(root, "#gb-import-file");
    load();
    all(root, "input.gb-check").forEach(function (box) {
      listen(box, "change", function () {
        var id = box.dataset.checklist;
        var list = state.ticks[id] || (state.ticks[id] = {});
        if (box.checked) list[box.dataset.item] = new Date().toISOString(); else delete list[box.dataset.item];
        if (!Object.keys(list).length) delete state.ticks[id];
        change({});
      });
    });
    all(root, "button[data-reset]").forEach(function (button) {
      listen(button, "click", function () {
        var id = button.dataset.reset;
        if (!confirm(button.dataset.confirm)) return;
        delete state.ticks[id];
        change(id ? {} : { ticks: {}, incident: null });
      });
    });
    listen(one(root, "#gb-export"), "click", function () { exportFile(manifest(root)); });
    listen(one(root, "#gb-import"), "click", function () { input.click(); });
    listen(input, "change", function () {
      if (input.files.length) importFile(manifest(root), input.files[0], one(root, "#gb-import-status"));
      input.value = "";
    });
  }

  /* Another tab changed the progress: show the same state here. */
  addEventListener("storage", function (event) {
    if (event.key !== KEY && event.key !== null) return;
    load();
    render(doc);
  });

  /* ---- incident clock --------------------------------------------------- */
  /* The incident start is kept with the progress (state.incident). Each phase
   * with due-within hours falls due that long after the start. Markup and
   * words: partials/gb-incident.html. */
  function when(date) {
    return date.toLocaleString(undefined, { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
  }

  function span(ms) {
    var minutes = Math.round(ms / 60000);
    return (minutes >= 60 ? Math.floor(minutes / 60) + " h " : "") + (minutes % 60) + " min";
  }

  function renderIncident(root, book) {
    var panel = one(root, "[data-gb-incident]");
    if (!panel) return;
    var start = state.incident && new Date(state.incident);
    var now = new Date();
    var input = one(panel, "input");
    var summary = [say(panel, start ? "began" : "unset", { start: start && when(start) })];
    var current, next;
    book.phases.forEach(function (phase) {
      var open = 0;
      book.checklists.forEach(function (c) {
        if (c.phase === phase.id) c.items.forEach(function (i) { open += !ticked(c.id, i); });
      });
      var due = start && phase.hours && new Date(start.getTime() + phase.hours * 3600000);
      var values = { open: open, phase: phase.name, due: due && when(due), left: span(due - now) };
      var kind = !open ? "done" : !due ? "open" : due <= now ? "overdue" : next ? "open" : "next";
      var urgent = kind === "overdue" || kind === "next";
      if (kind === "next") next = phase;
      var li = one(panel, '[data-phase="' + phase.id + '"]');
      if (due > now && !current) current = li;
      li.className = "gb-phase gb-" + kind + (current === li ? " gb-now" : "");
      one(li, "[data-due-for]").textContent = due ? say(panel, "due", values) : "";
      one(li, "[data-status-for]").textContent = (urgent ? say(panel, kind, values) : "") +
        say(panel, open > 1 ? "open-items" : open ? "open-item" : "done", values);
      if (urgent) summary.push(say(panel, "summary-" + kind, values));
    });
    setText(one(panel, "[data-incident-summary]"), summary.join(" ")); // read out when a phase changes state
    if (doc.activeElement !== input) {
      input.value = start ? new Date(start - start.getTimezoneOffset() * 60000).toISOString().slice(0, 16) : "";
    }
  }

  function initIncident(root) {
    var panel = one(root, "[data-gb-incident]");
    if (!panel) return;
    var input = one(panel, "input");
    var error = one(panel, "[data-incident-error]");
    listen(one(panel, "form"), "submit", function (event) {
      var start = new Date(input.value);
      event.preventDefault();
      error.textContent = isNaN(start) ? say(error, "missing") : start > new Date() ? say(error, "future") : "";
      if (!error.textContent) change({ incident: start.toISOString() });
    });
    listen(one(panel, "[data-incident-clear]"), "click", function (event) {
      if (!confirm(event.target.dataset.confirm)) return;
      change({ incident: null });
    });
  }

  setInterval(function () { renderIncident(doc, manifest(doc)); }, 30000);

  /* ---- roles -------------------------------------------------------------- */
  /* ?role=id in the address puts the checklists for that role's audiences
   * first in every [data-role-sort] list. Roles come from the manifest;
   * markup and words: partials/gb-roles.html. */
  function withRole(address, role) {
    var url = new URL(address);
    if (role) url.searchParams.set("role", role.id); else url.searchParams.delete("role");
    return url.href;
  }

  function applyRole(root, id) {
    var book = manifest(root);
    var role = book && byId(book.roles, id);
    var status = one(root, "[data-role-status]");
    function match(el) {
      return Boolean(role) && el.dataset.audiences.split(" ").some(function (a) { return role.audiences.indexOf(a) >= 0; });
    }
    if (!book) return;
    all(root, "[data-role-sort]").forEach(function (list) {
      var children = all(list, ":scope > *");
      list.gbOrder = list.gbOrder || children;
      children.sort(function (a, b) { return match(b) - match(a) || list.gbOrder.indexOf(a) - list.gbOrder.indexOf(b); })
        .forEach(function (el) { el.classList.toggle("gb-role-match", match(el)); list.appendChild(el); });
    });
    all(root, 'input[name="gb-role"]').forEach(function (radio) { radio.checked = radio.value === (role ? role.id : ""); });
    if (status) status.textContent = role ? say(status, "role", role) : id ? say(status, "unknown", { id: id }) : "";
    all(root, "a[data-keep-role]").forEach(function (a) { a.href = withRole(a.href, role); });
    return role;
  }

  function initRoles(root) {
    applyRole(root, new URLSearchParams(location.search).get("role"));
    all(root, 'input[name="gb-role"]').forEach(function (radio) {
      listen(radio, "change", function () {
        history.replaceState(history.state, "", withRole(location.href, applyRole(root, radio.value)));
      });
    });
  }

  /* ---- print ------------------------------------------------------------- */
  /* The Print buttons (partials/gb-print.html) print a blank copy, with
   * html.gb-print-blank (print.css then draws every box empty) until
   * "afterprint", or a copy with the boxes as they are ticked. The running
   * header shows the page address and the date printed, from --gb-print-url
   * and --gb-print-date set here. Without this script the buttons are not
   * shown and the browser's own Print command prints the page as it is. */
  var html = doc.documentElement;

  function stamp() {
    var date = new Date().toLocaleDateString(undefined, { dateStyle: "long" });
    html.style.setProperty("--gb-print-url", JSON.stringify(address()));
    html.style.setProperty("--gb-print-date", JSON.stringify("Printed " + date));
    all(doc, "[data-gb-print-date]").forEach(function (el) { el.textContent = date; });
  }

  function initPrint(root) {
    stamp();
    all(root, "[data-print]").forEach(function (button) {
      listen(button, "click", function () {
        html.classList.toggle("gb-print-blank", button.dataset.print === "blank");
        print();
      });
    });
  }

  addEventListener("beforeprint", stamp);
  addEventListener("afterprint", function () { html.classList.remove("gb-print-blank"); });

  /* ---- links ------------------------------------------------------------- */
  /* "Copy link" buttons (partials/gb-copy-button.html), one click handler for all:
   *   data-gb-copy-link="item-id"  this page's address + #item-id ("" = the page)
   *   data-gb-copy-url="https://…" that address
   *   data-gb-copy-text="some-id"  the text of the element with that id
   * Copies with the Clipboard API (on https and from disk), else (plain http)
   * shows the text selected in the browser's own prompt, to copy by hand. The
   * live region #gb-copy-status (partials/gb-status.html, which holds the
   * prompt's words) reads out "Link copied". */
  doc.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.gb-copy");
    var region = doc.getElementById("gb-copy-status");
    if (!button) return;
    var d = button.dataset;
    var text = d.gbCopyUrl || (d.gbCopyText ? doc.getElementById(d.gbCopyText).textContent :
      address() + (d.gbCopyLink ? "#" + d.gbCopyLink : ""));
    new Promise(function (resolve) { resolve(navigator.clipboard.writeText(text)); }).then(function () {
      button.classList.add("is-copied");
      region.textContent = ""; // emptied first, so that a second copy is read out again
      setTimeout(function () { region.textContent = one(button, ".gb-copy__done").textContent; }, 50);
      clearTimeout(button.gbTimer);
      button.gbTimer = setTimeout(function () { button.classList.remove("is-copied"); }, 2500);
    }, function () { prompt(say(region, d.gbCopyText ? "text" : "link"), text); });
  });

  function start() {
    performance.mark("gb-start");
    initProgress(doc);
    render(doc);
    performance.measure("gb-progress-restore", "gb-start");
    initIncident(doc);
    initRoles(doc);
    initPrint(doc);
  }

  /* Material announces each page on document$ (also under instant navigation);
   * without it, this script (the last in the page) runs on the page at once. */
  if (window.document$) document$.subscribe(start); else start();
})();
