/* Which checklists belong to an incident (cleared when the incident is archived) and which
 * prepare for one (their checks are kept across incidents). One function, so that it can
 * follow the checklists' own `scope` field (issue 11) as soon as the data has it. */

const POLICE = "part-2-police-officials";
const INCIDENT_CHECKLISTS = new Set(["municipal-crisis-response", "public-and-media-communication"]);

/** `checklist` from the manifest: { id, part, phase, scope? }. */
export function isIncidentChecklist(checklist) {
  if (checklist.scope) return checklist.scope === "incident";
  if (checklist.part === POLICE) return checklist.phase !== "before-incident";
  return INCIDENT_CHECKLISTS.has(checklist.id);
}

/** checklist id -> whether it belongs to an incident, for the checklists of `book` (the manifest). */
export function incidentTest(book) {
  const incident = new Set(book.checklists.filter(isIncidentChecklist).map((c) => c.id));
  return (id) => incident.has(id);
}
