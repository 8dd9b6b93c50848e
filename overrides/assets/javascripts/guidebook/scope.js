/* Which checklists belong to an incident (cleared when the incident is archived) and which
 * prepare for one (their checks are kept across incidents): each checklist's `scope` in the
 * data (data/checklists/*.yml; "incident" unless it says "preparation"). */

/** `checklist` from the manifest: { id, scope, ... }. */
export const isIncidentChecklist = (checklist) => checklist.scope !== "preparation";

/** checklist id -> whether it belongs to an incident, for the checklists of `book` (the manifest). */
export function incidentTest(book) {
  const incident = new Set(book.checklists.filter(isIncidentChecklist).map((c) => c.id));
  return (id) => incident.has(id);
}
