/* The guidebook's behaviour in the browser: one small module, no framework.
 * Everything stays on this device: no cookies, no network requests.
 * Sections: progress (saved ticks), incident clock, roles, print, links.
 * start() runs once per page, also under Material's instant navigation.
 *
 * The words a reader sees live in the templates (overrides/partials/), in
 * data-msg-* attributes of the element that shows them, with {name}
 * placeholders that say() fills in; a button that asks first carries its
 * question in data-confirm. */
(function () {
  "use strict";

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

  function listen(el, type, handler) {
    if (el) el.addEventListener(type, handler);
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
  var FORMAT_VERSION = 1;
  var state = { ticks: {} };
  var storage = null; // null until probed; false when unusable
  var problem = "";

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }

  function validTicks(ticks) {
    return isObject(ticks) && Object.keys(ticks).every(function (c) {
      return isObject(ticks[c]) && Object.keys(ticks[c]).every(function (i) { return typeof ticks[c][i] === "string"; });
    });
  }

  function validTime(value) {
    return value == null || (typeof value === "string" && !isNaN(new Date(value)));
  }

  /* Show the storage notice (partials/gb-status.html) for `kind`: blocked, full or corrupt; "" hides it. */
  function warn(kind) {
    var box = document.getElementById("gb-storage-notice");
    problem = kind;
    if (!box) return;
    box.hidden = !kind;
    if (kind) box.textContent = say(box, kind);
  }

  function load() {
    try {
      storage = window.localStorage;
      var raw = storage.getItem(KEY);
      state = { ticks: {} };
      if (raw === null) return;
      var parsed = JSON.parse(raw);
      if (!isObject(parsed) || !validTicks(parsed.ticks) || !validTime(parsed.incident)) throw 0;
      state = parsed;
    } catch (error) {
      state = { ticks: {} };
      if (storage === null || (error && error.name === "SecurityError")) storage = false;
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
    return Boolean(state.ticks[checklist] && state.ticks[checklist][item]);
  }

  function setTick(checklist, item, on) {
    var list = state.ticks[checklist] || (state.ticks[checklist] = {});
    if (on) list[item] = new Date().toISOString(); else delete list[item];
    if (!Object.keys(list).length) delete state.ticks[checklist];
  }

  function change(changes) {
    for (var key in changes) state[key] = changes[key];
    save();
    render(document);
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
      var items = all(root, 'input.gb-check[data-checklist="' + id + '"]').map(function (box) { return box.dataset.item; });
      if (!items.length && book) items = byId(book.checklists, id).items;
      var done = items.filter(function (item) { return ticked(id, item); }).length;
      var text = done + " of " + el.dataset.total + " done";
      if (el.textContent !== text) el.textContent = text;
      var bar = one(root, 'progress[data-bar-for="' + id + '"]');
      if (bar) bar.value = done;
    });
    renderIncident(root, book);
  }

  function exportFile(root) {
    var book = manifest(root);
    var now = new Date().toISOString();
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
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    link.download = "guidebook-progress-" + now.slice(0, 10) + ".json";
    document.body.appendChild(link);
    link.click();
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
      if (!known) return ignored.push(isObject(c) ? String(c.id) : "?");
      (Array.isArray(c.ticked) ? c.ticked : []).forEach(function (t) {
        var id = isObject(t) ? t.id : t;
        if (known.items.indexOf(id) < 0) return ignored.push(c.id + "#" + id);
        (ticks[c.id] = ticks[c.id] || {})[id] = typeof t.ticked_at === "string" ? t.ticked_at : new Date().toISOString();
      });
    });
    return { ticks: ticks, ignored: ignored, incident: validTime(data.incident_start) ? data.incident_start || null : null };
  }

  function importFile(root, file, out) {
    var reader = new FileReader();
    reader.onload = function () {
      var result;
      try { result = parseImport(String(reader.result), manifest(root)); } catch (name) { return out.textContent = say(out, name); }
      var values = { count: 0, file: file.name, ignored: result.ignored.join(", "), unknown: result.ignored.length };
      for (var c in result.ticks) values.count += Object.keys(result.ticks[c]).length;
      if (!window.confirm(say(out, "confirm", values))) return out.textContent = say(out, "cancelled");
      change({ ticks: result.ticks, incident: result.incident });
      out.textContent = say(out, "imported", values) + (values.unknown ? " " + say(out, "ignored", values) : "");
    };
    reader.onerror = function () { out.textContent = say(out, "unreadable"); };
    reader.readAsText(file);
  }

  function initProgress(root) {
    load();
    all(root, "input.gb-check").forEach(function (box) {
      listen(box, "change", function () {
        setTick(box.dataset.checklist, box.dataset.item, box.checked);
        change({});
      });
    });
    all(root, "button[data-reset]").forEach(function (button) {
      listen(button, "click", function () {
        if (!window.confirm(button.dataset.confirm)) return;
        var id = button.dataset.reset;
        if (id) delete state.ticks[id];
        change(id ? {} : { ticks: {}, incident: null });
      });
    });
    listen(one(root, "#gb-export"), "click", function () { exportFile(root); });
    var input = one(root, "#gb-import-file");
    listen(one(root, "#gb-import"), "click", function () { input.click(); });
    listen(input, "change", function () {
      if (input.files.length) importFile(root, input.files[0], one(root, "#gb-import-status"));
      input.value = "";
    });
  }

  /* Another tab changed the progress: show the same state here. */
  window.addEventListener("storage", function (event) {
    if (event.key !== KEY && event.key !== null) return;
    load();
    render(document);
  });

  /* ---- incident clock --------------------------------------------------- */
  /* The incident start is kept with the progress (state.incident). Each phase
   * with due-within hours falls due that long after the start. Markup and
   * words: partials/gb-incident.html. */
  var HOUR = 3600000;

  function when(date) {
    return date.toLocaleString(undefined, { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
  }

  function span(ms) {
    var minutes = Math.round(Math.abs(ms) / 60000);
    var hours = Math.floor(minutes / 60);
    return (hours ? hours + " h " : "") + (minutes % 60) + " min";
  }

  function renderIncident(root, book) {
    var panel = one(root, "[data-gb-incident]");
    if (!panel) return;
    var start = state.incident ? new Date(state.incident) : null;
    var now = new Date();
    var current = null;
    var next = null;
    var overdue = [];
    book.phases.forEach(function (phase) {
      var open = 0;
      book.checklists.forEach(function (c) {
        if (c.phase === phase.id) c.items.forEach(function (i) { if (!ticked(c.id, i)) open++; });
      });
      var due = start && phase.hours ? new Date(start.getTime() + phase.hours * HOUR) : null;
      var values = { open: open, phase: phase.name, due: due && when(due), left: due && span(due - now) };
      var kind = open ? "open" : "done";
      var status = say(panel, open > 1 ? "open-items" : open ? "open-item" : "done", values);
      if (due && due > now && !current) current = phase;
      if (due && open && due <= now) { kind = "overdue"; overdue.push(phase.name); }
      else if (due && open && !next) { kind = "next"; next = values; }
      if (kind === "overdue" || kind === "next") status = say(panel, kind, values) + status;
      var li = one(panel, '[data-phase="' + phase.id + '"]');
      li.className = "gb-phase gb-" + kind + (current === phase ? " gb-now" : "");
      one(li, "[data-due-for]").textContent = due ? say(panel, "due", values) : "";
      one(li, "[data-status-for]").textContent = status;
    });
    var input = one(panel, "#gb-incident-start");
    var summary = one(panel, "[data-incident-summary]");
    if (!start) return summary.textContent = say(panel, "unset");
    if (document.activeElement !== input) {
      input.value = new Date(start.getTime() - start.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
    }
    summary.textContent = say(panel, "began", { start: when(start), ago: span(now - start) }) +
      (overdue.length ? " " + say(panel, "summary-overdue", { phases: overdue.join(", ") }) : "") +
      (next ? " " + say(panel, "summary-next", next) : "");
  }

  function initIncident(root) {
    var panel = one(root, "[data-gb-incident]");
    if (!panel) return;
    var input = one(panel, "#gb-incident-start");
    var error = one(panel, "[data-incident-error]");
    listen(one(panel, "form"), "submit", function (event) {
      var start = new Date(input.value);
      event.preventDefault();
      error.textContent = isNaN(start) ? say(error, "missing") : start > new Date() ? say(error, "future") : "";
      if (!error.textContent) change({ incident: start.toISOString() });
    });
    listen(one(panel, "[data-incident-clear]"), "click", function (event) {
      if (!window.confirm(event.currentTarget.dataset.confirm)) return;
      input.value = "";
      change({ incident: null });
    });
  }

  setInterval(function () { renderIncident(document, manifest(document)); }, 30000);

  /* ---- roles -------------------------------------------------------------- */
  /* ?role=id in the address puts the checklists for that role's audiences
   * first in every [data-role-sort] list. Roles come from the manifest;
   * markup and words: partials/gb-roles.html. */
  function applyRole(root, id) {
    var book = manifest(root);
    if (!book) return;
    var role = byId(book.roles, id);
    var status = one(root, "[data-role-status]");
    function match(el) {
      return Boolean(role) && (el.dataset.audiences || "").split(" ").some(function (a) { return role.audiences.indexOf(a) >= 0; });
    }
    all(root, "[data-role-sort]").forEach(function (list) {
      var children = all(list, ":scope > *");
      children.forEach(function (el, n) { if (!el.dataset.order) el.dataset.order = n; });
      children.sort(function (a, b) { return (match(b) - match(a)) || (a.dataset.order - b.dataset.order); })
        .forEach(function (el) { el.classList.toggle("gb-role-match", match(el)); list.appendChild(el); });
    });
    all(root, 'input[name="gb-role"]').forEach(function (radio) { radio.checked = radio.value === (role ? role.id : ""); });
    if (status) status.textContent = role ? say(status, "role", role) : id ? say(status, "unknown", { id: id }) : "";
    all(root, "a[data-keep-role]").forEach(function (a) { a.href = withRole(a.href, role && role.id); });
  }

  function withRole(address, id) {
    var url = new URL(address);
    if (id) url.searchParams.set("role", id); else url.searchParams.delete("role");
    return url.href;
  }

  function initRoles(root) {
    applyRole(root, new URLSearchParams(location.search).get("role"));
    all(root, 'input[name="gb-role"]').forEach(function (radio) {
      listen(radio, "change", function () {
        history.replaceState(history.state, "", withRole(location.href, radio.value));
        applyRole(root, radio.value);
      });
    });
  }

  /* ---- print ------------------------------------------------------------- */
  /* The Print buttons (partials/gb-print.html) print a blank copy, with
   * html.gb-print-blank (print.css then draws every box empty) until
   * "afterprint", or a copy with the boxes as they are ticked. The running
   * header shows the page address and the date printed, from --gb-print-url
   * and --gb-print-date set here. Without this script the buttons are
   * not shown and the browser's own Print command prints the page as it is. */
  var html = document.documentElement;

  /* This page's address: the address bar's on the web; opened from disk (the
   * offline edition), the public one in <link rel="canonical">. */
  function address() {
    var canonical = one(document, 'link[rel="canonical"]');
    return /^http/.test(location.protocol) || !canonical ? location.origin + location.pathname : canonical.href;
  }

  function stamp() {
    var date = new Date().toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
    html.style.setProperty("--gb-print-url", JSON.stringify(address()));
    html.style.setProperty("--gb-print-date", JSON.stringify("Printed " + date));
    all(document, "[data-gb-print-date]").forEach(function (el) { el.textContent = date; });
  }

  function initPrint(root) {
    stamp();
    all(root, "[data-print]").forEach(function (button) {
      listen(button, "click", function () {
        html.classList.toggle("gb-print-blank", button.dataset.print === "blank");
        stamp();
        window.print();
      });
    });
  }

  window.addEventListener("beforeprint", stamp);
  window.addEventListener("afterprint", function () { html.classList.remove("gb-print-blank"); });

  /* ---- links ------------------------------------------------------------- */
  /* "Copy link" buttons (partials/gb-copy-button.html), one click handler for all:
   *   data-gb-copy-link="item-id"  this page's address + #item-id ("" = the page)
   *   data-gb-copy-url="https://…" that address
   *   data-gb-copy-text="some-id"  the text of the element with that id
   * Copies with the Clipboard API, else shows the text selected in a field to
   * copy by hand; the live region #gb-copy-status (partials/gb-status.html,
   * which holds these words) reads out what happened. */
  function announce(region, message) {
    region.textContent = "";
    setTimeout(function () { region.textContent = message; }, 50);
  }

  function textFor(button) {
    var d = button.dataset;
    if (d.gbCopyUrl) return d.gbCopyUrl;
    if (d.gbCopyText) return document.getElementById(d.gbCopyText).textContent;
    return address() + (d.gbCopyLink ? "#" + d.gbCopyLink : "");
  }

  function copied(button, region) {
    button.classList.add("is-copied");
    announce(region, one(button, ".gb-copy__done").textContent);
    clearTimeout(button.gbTimer);
    button.gbTimer = setTimeout(function () { button.classList.remove("is-copied"); }, 2500);
  }

  function copyByHand(button, text, region) {
    var box = button.nextElementSibling;
    if (!box || !box.classList.contains("gb-copy-fallback")) {
      box = document.createElement("label");
      box.className = "gb-copy-fallback gb-noprint";
      box.textContent = say(region, button.dataset.gbCopyText ? "text" : "link");
      box.appendChild(document.createElement("input")).readOnly = true;
      button.after(box);
    }
    var input = one(box, "input");
    input.value = text;
    input.focus();
    input.select();
    announce(region, say(region, "by-hand"));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.gb-copy");
    var region = document.getElementById("gb-copy-status");
    if (!button) return;
    var text = textFor(button);
    new Promise(function (resolve) { resolve(navigator.clipboard.writeText(text)); })
      .then(function () { copied(button, region); }, function () { copyByHand(button, text, region); });
  });

  function start() {
    performance.mark("gb-start");
    initProgress(document);
    render(document);
    performance.measure("gb-progress-restore", "gb-start");
    initIncident(document);
    initRoles(document);
    initPrint(document);
  }

  if (window.document$) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
