// Which checklists belong to an incident (scope.js), from the whole manifest or from a summary.
import { test } from "node:test";
import assert from "node:assert/strict";
import { incidentTest, scopes } from "../../overrides/assets/javascripts/guidebook/scope.js";
import { BOOK } from "./support.mjs";

test("the whole manifest: each checklist's scope, incident unless it says preparation", () => {
  assert.deepEqual(scopes(BOOK), {
    incident: ["police-first-hours", "police-first-day"], preparation: [{ id: "stakeholders", title: "Stakeholders" }] });
  const isIncident = incidentTest(BOOK);
  assert.ok(isIncident("police-first-day") && !isIncident("stakeholders") && !isIncident("unknown"));
});

test("a summary manifest gives the two lists as they are", () => {
  const summary = { checklists: [], incident: ["a"], preparation: [{ id: "b", title: "B" }] };
  assert.deepEqual(scopes(summary), { incident: ["a"], preparation: [{ id: "b", title: "B" }] });
});
