/* Durations as people say them: "40 minutes", "30 hours", "5 days 18 hours",
 * never "137 h 59 min". Pure: the words come from `say` (words.js), so that
 * tests/js/duration.test.mjs can run it in Node with the catalogue's words. */

const count = (say, unit, n) => say(n === 1 ? `duration.${unit}` : `duration.${unit}s`, { count: n });

const pair = (say, first, second) => say("duration.pair", { first, second });

/** `ms` milliseconds in words: "less than a minute", then minutes under an hour; hours and minutes under ten hours; then whole
 * hours (rounded) under two days; then days and hours. */
export function duration(ms, say) {
  const minutes = Math.max(0, Math.round(ms / 60000));
  if (minutes < 1) return say("duration.under_minute"); // just begun
  if (minutes < 60) return count(say, "minute", minutes);
  if (minutes < 600) {
    const [hours, rest] = [Math.floor(minutes / 60), minutes % 60];
    return rest ? pair(say, count(say, "hour", hours), count(say, "minute", rest)) : count(say, "hour", hours);
  }
  const hours = Math.round(minutes / 60);
  if (hours < 48) return count(say, "hour", hours);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? pair(say, count(say, "day", days), count(say, "hour", rest)) : count(say, "day", days);
}
