/**
 * One CSV cell. A value a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a
 * tab or a carriage return) gets a leading `'`, so it opens as text; quotes, commas and line breaks
 * are quoted as RFC 4180 says.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV with a header line, CRLF between lines (RFC 4180). */
export function csvLines(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return `${[header.join(","), ...rows.map((row) => row.map(csvCell).join(","))].join("\r\n")}\r\n`;
}
