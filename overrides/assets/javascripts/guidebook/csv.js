/* Spreadsheet (CSV) files: cells quoted, and text from the reader or the data never read as a formula.
 * A cell is guarded (a leading apostrophe, which spreadsheets show as text) when it starts with a tab, a
 * carriage return or a line feed, or when, after any leading white space (spaces, no-break and ideographic
 * spaces too), it starts with = + - @ or their full-width forms ＝ ＋ － ＠ (or the minus sign −), which
 * some spreadsheets read as formulas. The guidebook's own values (times, elapsed times such as "0:20" or
 * "-0:10") are written unguarded with `safe`. */

const FORMULA = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\u2212])/;

/** Whether a spreadsheet could read the text as a formula. */
export const needsGuard = (text) => FORMULA.test(text);

const quoted = (text) => `"${text.replaceAll('"', '""')}"`;

/** A cell of text from the reader or the data: quoted, and guarded when it could be read as a formula. */
export function csvCell(value) {
  const text = String(value ?? "");
  return quoted(needsGuard(text) ? `'${text}` : text);
}

/** A cell that the guidebook wrote itself (a time, an elapsed time): quoted, not guarded. */
export const safe = (value) => ({ safe: String(value ?? "") });

/** Rows of cells (text, or safe(...)) -> the CSV's text, lines ended by CRLF. */
export function csvText(rows) {
  const cell = (value) => (value !== null && typeof value === "object" ? quoted(value.safe) : csvCell(value));
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
