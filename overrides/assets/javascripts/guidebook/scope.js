/* Which checklists belong to an incident (cleared when the incident is archived) and which
 * prepare for one (their checks are kept across incidents): each checklist's `scope` in the
 * data (data/checklists/*.yml; "incident" unless it says "preparation"). */

/** The ids of the checklists an incident clears, and those it keeps ({ id, title }), from the page's
 * manifest (dom.js manifest()): a summary lists them, the whole manifest gives each checklist's scope. */
export function scopes(book) {
  if (book.incident) return { incident: book.incident, preparation: book.preparation };
  const kept = (c) => c.scope === "preparation";
  return {
    incident: book.checklists.filter((c) => !kept(c)).map((c) => c.id),
    preparation: book.checklists.filter(kept).map(({ id, title }) => ({ id, title })),
  };
}

/** checklist id -> whether it belongs to an incident. */
export function incidentTest(book) {
  const incident = new Set(scopes(book).incident);
  return (id) => incident.has(id);
}
