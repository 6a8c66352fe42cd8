import { once } from "node:events";
import { Writable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { type CsvCell, csvCell } from "../../platform/csv";

/**
 * The file writers of exports: CSV, XLSX and (exports.pdf.ts) PDF. Each takes tables whose rows
 * arrive one at a time and writes to a stream as it goes, so that a large export never holds its
 * rows, nor its whole file, in memory. The synchronous exports (feedback, dashboards) use the same
 * CSV bytes (platform/csv.ts).
 */
export type Cell = CsvCell;

export interface ExportTable {
  /** A sheet's name in XLSX, a heading in PDF; CSV has one table and no name. */
  name: string;
  header: string[];
  rows: AsyncIterable<Cell[]> | Iterable<Cell[]>;
}

/** Called as rows are written (rows done so far). */
export type Progress = (rowsDone: number) => Promise<void>;

/** Rows between progress reports, and between turns of the event loop that let the file flow out. */
const STEP = 500;

/** UTF-8 with a byte-order mark and CRLF, byte for byte as platform/csv.ts csvDocument writes it. */
export async function writeCsv(out: Writable, table: ExportTable, progress: Progress): Promise<void> {
  await write(out, `\uFEFF${table.header.map(csvCell).join(",")}\r\n`);
  let done = 0;
  for await (const row of table.rows) {
    await write(out, `${row.map(csvCell).join(",")}\r\n`);
    done += 1;
    if (done % STEP === 0) await progress(done);
  }
  await progress(done);
  await end(out);
}

/**
 * One sheet per table, through exceljs's streaming writer: each row is committed (serialised into
 * the zip stream) as soon as it is added, and inline strings (no shared-string table, which would
 * keep every text until the end).
 */
export async function writeXlsx(out: Writable, tables: ExportTable[], progress: Progress): Promise<void> {
  // Loaded on first use: exceljs takes a quarter of a second to import, which every start would pay.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Samleng";
  let done = 0;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    const header = sheet.addRow(table.header);
    header.font = { bold: true };
    header.commit();
    for await (const row of table.rows) {
      sheet.addRow(row.map((cell) => (typeof cell === "boolean" ? String(cell) : cell))).commit();
      done += 1;
      if (done % STEP === 0) {
        await progress(done);
        // Lets the compressor and the sink take what was committed before more rows come.
        await nextTurn();
      }
    }
    sheet.commit();
  }
  await workbook.commit();
  await progress(done);
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

async function end(out: Writable): Promise<void> {
  out.end();
  await once(out, "finish");
}

/**
 * A Writable that hands the bytes on in chunks of `size` (the last one shorter), one at a time: the
 * file goes to the database as it is written, with at most one chunk in memory.
 */
export function chunkSink(size: number, store: (index: number, chunk: Buffer) => Promise<void>) {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  let bytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const chunk = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await store(index++, chunk);
  };
  const stream = new Writable({
    write(data: Buffer, _encoding, done) {
      pending.push(data);
      pendingBytes += data.length;
      bytes += data.length;
      if (pendingBytes < size) return done();
      flush().then(() => done(), done);
    },
    final(done) {
      flush().then(() => done(), done);
    },
  });
  return { stream, written: () => bytes };
}
