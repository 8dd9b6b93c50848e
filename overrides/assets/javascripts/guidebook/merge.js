/* Another device's incident, replaced or merged into this one (handover.js), and a checklist listed twice
 * in one file (transfer.js). Nothing is lost: whatever a merge replaces goes to the log. Loaded with the
 * parts that need it, not on every page: the progress itself is store.js's. */
import * as store from "./store.js";

/** Replace the current incident (its checks, log and incident) with `incoming` ({ checks, incident, log });
 * checks of preparation checklists stay. */
export function replaceIncident(incoming, isIncident) {
  const kept = [...store.allChecks()].filter(([id]) => !isIncident(id));
  const taken = [...incoming.checks].filter(([id]) => isIncident(id));
  store.replaceAll(new Map([...kept, ...taken]), incoming.incident, [...incoming.log]);
}

const timeOf = (iso) => (iso ? Date.parse(iso) : -Infinity);

function lastUndone(log, checklist, item) {
  return log.reduce((last, e) => (e.checklist === checklist && e.item === item && !e.replaced
    ? Math.max(last, timeOf(e.undone)) : last), -Infinity);
}

const FIELDS = ["who", "note"];

/** When a field of a check was last edited: its own edit time, else the check's time. */
const fieldTime = (check, field) => timeOf(check[`${field}_at`] ?? check.at);

/** One field of two checks of the same item: the value of the later edit (a cleared field counts as an edit
 * once it has an edit time). Returns { value, at } where at is the edit time to keep, or null. */
function laterField(mine, theirs, field) {
  const sides = [mine, theirs].filter((c) => c && (c[field] !== undefined || c[`${field}_at`] !== undefined));
  if (!sides.length) return null;
  const best = sides.reduce((a, b) => (fieldTime(b, field) > fieldTime(a, field) ? b : a));
  return { value: best[field], at: best[`${field}_at`] };
}

/** Two checks of one item -> one: the later check time, and per field (who, note) the later edit. */
export function mergeChecks(mine, theirs) {
  if (!mine || !theirs) return { ...(mine ?? theirs) };
  const merged = { at: timeOf(theirs.at) > timeOf(mine.at) ? theirs.at : mine.at };
  for (const field of FIELDS) {
    const kept = laterField(mine, theirs, field);
    if (kept?.value !== undefined) merged[field] = kept.value;
    if (kept?.at !== undefined) merged[`${field}_at`] = kept.at;
  }
  return merged;
}

/** Whether `check` holds something the merged check lost: another check time, or a who or a note replaced. */
const lostIn = (check, merged) => Boolean(check)
  && (check.at !== merged.at || FIELDS.some((f) => check[f] !== undefined && check[f] !== merged[f]));

/** The check of a device still standing after the item's last undoing (on either device), or null. */
const standing = (check, undone) => (check && timeOf(check.at) >= undone ? check : null);

// Two log entries are the same only with the same who and note too: an entry that carries a note the
// other lacks (a note written after the other device's copy was made) is never taken for a duplicate.
const logKey = (e) => [e.checklist, e.item, e.at, e.undone, e.replaced ? "replaced" : "", e.who ?? "", e.note ?? ""].join("|");

function mergeLogs(mine, theirs) {
  const seen = new Set(mine.map(logKey));
  return [...mine, ...theirs.filter((e) => !seen.has(logKey(e)))].sort((a, b) => timeOf(a.undone) - timeOf(b.undone));
}

function keepUndone(log, entry) {
  if (!log.some((e) => logKey(e) === logKey(entry))) log.push(entry);
}

/** A check as a log entry: its time, who and note (not the fields' edit times). */
const logged = (checklist, item, check, fields) => ({
  checklist, item, at: check.at, ...(check.who ? { who: check.who } : {}), ...(check.note ? { note: check.note } : {}), ...fields,
});

function mergeIncidentFields(mine, theirs) {
  if (!theirs) return mine;
  const roles = [...new Set([...(mine?.roles ?? []), ...(theirs.roles ?? [])])];
  const merged = { start: mine?.start ?? theirs.start ?? null };
  const name = mine?.name ?? theirs.name;
  if (name) merged.name = name;
  if (roles.length) merged.roles = roles;
  return merged;
}

/** One item of a merge: the check to keep (or null), and into the log every check of either device that
 * a later undoing removed or that the result replaced (an earlier check time, a who or note edited earlier). */
function mergeItem(log, key, mine, theirs, undone, mergedAt) {
  const last = Math.max(...undone);
  const live = [standing(mine, last), standing(theirs, last)];
  const kept = live[0] || live[1] ? mergeChecks(...live) : null;
  const { checklist, item } = key;
  [mine, theirs].forEach((check, side) => {
    if (!check) return;
    if (!live[side]) keepUndone(log, logged(checklist, item, check, { undone: new Date(last).toISOString() }));
    else if (lostIn(check, kept)) keepUndone(log, logged(checklist, item, check, { undone: mergedAt, replaced: true }));
  });
  return kept;
}

/** Merge `incoming` into the current incident: per item, the latest change (a check or its undoing) wins;
 * when both devices checked an item, the later check time and, field by field, the later edit of who and
 * note are kept. Nothing is lost: whatever the result replaced goes to the log. */
export function mergeIncident(incoming, isIncident, mergedAt = new Date().toISOString()) {
  const checks = new Map(store.allChecks());
  const myLog = store.undoneLog();
  const log = mergeLogs(myLog, incoming.log);
  const ids = new Set([...checks.keys(), ...incoming.checks.keys()].filter(isIncident));
  for (const checklist of ids) {
    const mine = checks.get(checklist) ?? new Map();
    const theirs = incoming.checks.get(checklist) ?? new Map();
    const result = new Map();
    for (const item of new Set([...mine.keys(), ...theirs.keys()])) {
      const undone = [lastUndone(myLog, checklist, item), lastUndone(incoming.log, checklist, item)];
      const kept = mergeItem(log, { checklist, item }, mine.get(item), theirs.get(item), undone, mergedAt);
      if (kept) result.set(item, kept);
    }
    if (result.size) checks.set(checklist, result);
    else checks.delete(checklist);
  }
  store.replaceAll(checks, mergeIncidentFields(store.incident(), incoming.incident), log);
}
