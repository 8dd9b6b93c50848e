/* Every page hook the script uses: the parts of the page marked data-gb="<name>" (like Material's
 * data-md-component names), with the templates that carry each (or the module that makes it). One list, checked by a test
 * (tests/unit/test_hooks.py) against the templates and against every name the script asks for
 * (part, parts, find in dom.js), so that renaming a hook on one side fails a named test.
 * A hook a page must have is read with part(), which throws an error naming it when it is missing;
 * one that only some pages have is read with find(), which gives null.
 * This module is not loaded by the page: the list costs no bytes; the test reads it. */
export const HOOKS = {
  // overrides/partials/gb-status.html: on every page
  "manifest": "gb-status.html", "words": "gb-status.html", "copy-status": "gb-status.html",
  "storage-notice": "gb-status.html", "storage-message": "gb-status.html", "start-over": "gb-status.html",
  // overrides/partials/gb-incident-bar.html: on every page, shown while an incident runs
  "incident-bar": "gb-incident-bar.html", "bar-began": "gb-incident-bar.html", "bar-open": "gb-incident-bar.html",
  "bar-now": "gb-incident-bar.html", "bar-change": "gb-incident-bar.html", "bar-status": "gb-incident-bar.html",
  "bar-started-now": "gb-incident-bar.html", "bar-ago": "gb-incident-bar.html", "bar-new": "gb-incident-bar.html",
  "bar-new-panel": "gb-incident-bar.html", "bar-new-question": "gb-incident-bar.html",
  "bar-save": "gb-incident-bar.html", "bar-save-status": "gb-incident-bar.html",
  "bar-confirm-new": "gb-incident-bar.html", "bar-cancel": "gb-incident-bar.html",
  // macros/guidebook/templates/: a checklist, its items and their records
  "check": "gb-checklist.html", "bar": ["gb-checklist.html", "gb-progress.html"], "count": ["gb-checklist.html", "gb-progress.html"],
  "reset": ["gb-checklist.html", "gb-progress.html"], "copy": ["gb-copy-button.html", "gb-snippet-block.html"],
  "record-template": "gb-item-record.html", "record": "gb-item-record.html", "record-fields": "gb-item-record.html",
  "record-item": "gb-item-record.html", "record-time": "gb-item-record.html", "record-said": "gb-item-record.html",
  "record-who": "gb-item-record.html", "record-who-label": "gb-item-record.html",
  "record-note": "gb-item-record.html", "record-note-label": "gb-item-record.html",
  "print-when": "item-record.js", // made by the script: a checked item's time, printed
  "undo": "gb-undo.html", "undo-button": "gb-undo.html", "undo-message": "gb-undo.html",
  // the incident clock (police phase pages) and its printed lines
  "incident": "gb-incident.html", "incident-summary": "gb-incident.html", "incident-start": "gb-incident.html",
  "incident-error": "gb-incident.html", "incident-now": "gb-incident.html", "incident-clear": "gb-incident.html",
  "phase": "gb-incident.html", "phase-status": "gb-incident.html",
  "print": "gb-print.html", "print-incident": "gb-print-incident.html", "print-incident-blank": "gb-print-incident.html",
  "print-incident-set": "gb-print-incident.html", "print-due": "gb-print-incident.html",
  // the home page: progress, export and import, roles, the way in
  "manage": "gb-progress.html" /* for the tests */, "export": "gb-progress.html", "import": "gb-progress.html",
  "import-file": "gb-progress.html", "import-status": "gb-progress.html",
  "roles": "gb-roles.html", "role-status": "gb-roles.html", "role-sort": ["gb-packet.html", "gb-progress.html", "gb-way-in.html"],
  "keep-role": "gb-way-in.html",
  // the packet
  "packet-choice": "gb-packet.html", "packet-status": "gb-packet.html", "packet-part": "gb-packet.html",
  "packet-checklist": "gb-packet.html", "contents-part": "gb-packet.html", "contents-entry": "gb-packet.html",
  "print-date": "gb-packet.html",
  // the incident record page and handover
  "record-page": "gb-record.html", "record-texts": "gb-record.html", "record-status": "gb-record.html",
  "record-form": "gb-record.html", "record-name": "gb-record.html", "record-start": "gb-record.html",
  "record-role": "gb-record.html", "record-summary": "gb-record.html", "record-log": "gb-record.html",
  "record-log-empty": "gb-record.html", "record-open": "gb-record.html", "record-print": "gb-record.html",
  "record-print-title": "gb-record.html", "record-export": "gb-record.html", "record-archive": "gb-record.html",
  "record-history": "gb-record.html", "record-history-kept": "gb-record.html", "record-viewing": "gb-record.html",
  "record-viewing-text": "gb-record.html", "record-back": "gb-record.html", "record-current-only": "gb-record.html",
  "delete-all": "gb-record.html", "delete-all-status": "gb-record.html",
  "handover-make": "gb-handover.html", "handover-made": "gb-handover.html", "handover-link": "gb-handover.html",
  "handover-copy": "gb-handover.html", "handover-paste": "gb-handover.html", "handover-open": "gb-handover.html",
  "handover-status": "gb-handover.html", "handover-incoming": "gb-handover.html", "handover-summary": "gb-handover.html",
  "handover-merge": "gb-handover.html", "handover-replace": "gb-handover.html", "handover-cancel": "gb-handover.html",
};
