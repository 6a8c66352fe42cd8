import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";

/** A data row of a spreadsheet: values by lower-cased header, and the row number a person sees. */
export interface SheetRow {
  row: number;
  values: Record<string, string>;
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

/** Reads the first sheet of an XLSX file, or a CSV file (UTF-8, with or without BOM). */
export async function readSheet(fileName: string, data: Buffer): Promise<Sheet> {
  return fileName.toLowerCase().endsWith(".xlsx") ? readXlsx(data) : readCsv(data);
}

function readCsv(data: Buffer): Sheet {
  const records = parse(data, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  const [header = [], ...body] = records;
  const headers = header.map(normaliseHeader);
  const rows: SheetRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === "")) return;
    rows.push({
      row: index + 2,
      values: Object.fromEntries(headers.map((h, i) => [h, (cells[i] ?? "").trim()])),
    });
  });
  return { headers, rows };
}

async function readXlsx(data: Buffer): Promise<Sheet> {
  // Loaded on first use: exceljs takes a quarter of a second to import, which every start would pay.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  // exceljs declares its own Buffer type; a Node Buffer is what it reads.
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    headers[column - 1] = normaliseHeader(cellText(cell.value));
  });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    headers.forEach((header, i) => {
      values[header] = cellText(row.getCell(i + 1).value).trim();
    });
    if (Object.values(values).some((value) => value !== "")) rows.push({ row: rowNumber, values });
  });
  return { headers: headers.filter(Boolean), rows };
}

function normaliseHeader(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, "_");
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return value.result === undefined ? "" : String(value.result);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}
