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
  "bar-change": "gb-incident-bar.html", "bar-status": "gb-incident-bar.html",
  "bar-started-now": "gb-bar-panels.html", "bar-ago": "gb-bar-panels.html", "bar-new": "gb-bar-panels.html",
  "bar-new-panel": "gb-bar-panels.html", "bar-new-question": "gb-bar-panels.html",
  "bar-save": "gb-bar-panels.html", "bar-save-status": "gb-bar-panels.html",
  "bar-confirm-new": "gb-bar-panels.html", "bar-cancel": "gb-bar-panels.html",
  // macros/guidebook/templates/: a checklist, its items and their records
  "check": ["gb-checklist.html", "gb-now.html"], "bar": ["gb-checklist.html", "gb-progress.html"], "count": ["gb-checklist.html", "gb-progress.html"],
  "reset": ["gb-checklist.html", "gb-progress.html"], "copy": ["gb-copy-button.html", "gb-snippet-block.html"],
  "record-template": "gb-item-record.html", "record": "gb-item-record.html", "record-fields": "gb-item-record.html",
  "record-item": "gb-item-record.html", "record-time": "gb-item-record.html", "record-said": "gb-item-record.html",
  "record-who": "gb-item-record.html", "record-who-label": "gb-item-record.html",
  "record-note": "gb-item-record.html", "record-note-label": "gb-item-record.html",
  "print-when": "item-record.js", // made by the script: a checked item's time, printed
  "saved-space": "gb-checklist.html", // made by its inline script: the space of the saved checks' record lines
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
  "record-form": "gb-record.html", "as-of": "gb-record.html", "record-name": "gb-record.html", "record-start": "gb-record.html",
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
  // overrides/partials/gb-incident-bar.html: the bar's next window, its "Hand over…" panel (issues 26)
  // its panels, in a file of their own (gb-bar-panels.html; issue 34): the page's placeholder, Change's panel
  "bar-panels": "gb-incident-bar.html", "bar-change-panel": "gb-bar-panels.html",
  "bar-handover": "gb-incident-bar.html", "bar-next": "gb-incident-bar.html", "bar-window": "gb-incident-bar.html",
  "handoff": "gb-bar-panels.html", "handoff-calendar": "gb-bar-panels.html",
  "handoff-close": "gb-bar-panels.html", "handoff-copy-link": "gb-bar-panels.html",
  "handoff-copy-summary": "gb-bar-panels.html", "handoff-link": "gb-bar-panels.html",
  "handoff-made": "gb-bar-panels.html", "handoff-making": "gb-bar-panels.html",
  "handoff-qr": "gb-bar-panels.html", "handoff-status": "gb-bar-panels.html",
  "handoff-summary": "gb-bar-panels.html", "handoff-too-long": "gb-bar-panels.html",
  // gb-record.html: the ICS 214-format activity log and the improvement plan (issue 27)
  "forms": "gb-record.html", "forms-form": "gb-record.html", "ics-agency": "gb-record.html",
  "ics-date-from": "gb-record.html", "ics-date-to": "gb-record.html", "ics-incident": "gb-record.html",
  "ics-log": "gb-record.html", "ics-name": "gb-record.html", "ics-position": "gb-record.html",
  "ics-prep-datetime": "gb-record.html", "ics-prep-name": "gb-record.html", "ics-prep-position": "gb-record.html",
  "ics-resources": "gb-record.html", "ics-time-from": "gb-record.html", "ics-time-to": "gb-record.html",
  "ics214-print": "gb-record.html", "ics214-sheet": "gb-record.html", "period-from": "gb-record.html",
  "period-to": "gb-record.html", "plan-csv": "gb-record.html", "plan-heading": "gb-record.html",
  "plan-print": "gb-record.html", "plan-rows": "gb-record.html", "plan-sheet": "gb-record.html",
  "plan-timeline": "gb-record.html", "prep-agency": "gb-record.html", "prep-name": "gb-record.html",
  "prep-position": "gb-record.html",
  // gb-handover.html: the way back to the work after a merge (issue 26)
  "handover-after": "gb-handover.html",
  // made by the script: the update notice (update-notice.js), the storage line and reminder (keep.js), who and note on paper (item-record.js), the no-match entries (search-fallback.js), the link back to the Now list after a merge (handover.js)
  "handover-now": "handover.js", "keep-reminder": "keep.js", "keep-status": "keep.js", "print-said": "item-record.js", "search-fallback": "search-fallback.js",
  "update-notice": "update-notice.js",
  // gb-now.html: the Now list (docs/now.md, issue 26)
  "now-all-done": "gb-now.html", "now-count": "gb-now.html", "now-group": "gb-now.html", "now-list": "gb-now.html",
  "now-next": "gb-now.html", "now-none": "gb-now.html", "now-role": "gb-now.html",
  // gb-start-row.html: "When did it start? Now · 10 · 20 …" (issue 26)
  "start-ago": "gb-start-row.html", "start-error": "gb-start-row.html", "start-other": "gb-start-row.html",
  "start-other-form": "gb-start-row.html", "start-row": "gb-start-row.html", "start-when": "gb-start-row.html",
  // gb-undo.html: Undo that waits (issue 26)
  "undo-dismiss": "gb-undo.html",
};
