/* Which checklists belong to an incident (cleared when the incident is archived) and which
 * prepare for one (their checks are kept across incidents): each checklist's `scope` in the
 * data (data/checklists/*.yml; "incident" unless it says "preparation"). */

/** checklist id -> whether it belongs to an incident (the manifest's `incident` ids: dom.js manifest()). */
export function incidentTest(book) {
  const incident = new Set(book.incident);
  return (id) => incident.has(id);
}
