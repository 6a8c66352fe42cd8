/**
 * CSV for people who open it in Excel or LibreOffice: UTF-8 with a byte-order mark (so that Khmer
 * reads right), CRLF line ends, quoted cells where needed (RFC 4180).
 */
export type CsvCell = string | number | boolean | null | undefined;

/** Text that a spreadsheet would run as a formula (citizens' words can start with "=" or "+"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // A leading apostrophe keeps the text as text; numbers are left as they are.
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole document: the header, then the rows. */
export function csvDocument(rows: readonly (readonly CsvCell[])[]): Buffer {
  const lines = rows.map((row) => row.map(csvCell).join(","));
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}
