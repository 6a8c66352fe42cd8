import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { csvDocument } from "../../platform/csv";
import { chromiumPath, exportHtml, printPdf } from "./exports.pdf";
import { type Cell, chunkSink, writeCsv, writeXlsx } from "./exports.writers";

/** The writers alone: CSV bytes, XLSX streamed as rows come, PDF printed with Khmer shaped. */

const noProgress = async () => {};

async function collect(write: (sink: ReturnType<typeof chunkSink>) => Promise<void>, size = 64 * 1024) {
  const chunks: Buffer[] = [];
  const sink = chunkSink(size, async (index, chunk) => {
    expect(index).toBe(chunks.length);
    chunks.push(chunk);
  });
  await write(sink);
  return { file: Buffer.concat(chunks), chunks };
}

describe("export writers", () => {
  it("write CSV byte for byte as the synchronous exports, in chunks, reporting progress", async () => {
    const rows: Cell[][] = Array.from({ length: 1234 }, (_, index) => [
      index,
      `=text ${index}, ក`,
      null,
      true,
    ]);
    const reported: number[] = [];
    const { file, chunks } = await collect(
      (sink) =>
        writeCsv(sink.stream, { name: "", header: ["n", "text", "none", "flag"], rows }, async (done) => {
          reported.push(done);
        }),
      4096,
    );
    expect(file).toEqual(csvDocument([["n", "text", "none", "flag"], ...rows]));
    expect(chunks.length).toBeGreaterThan(1);
    expect(reported).toEqual([500, 1000, 1234]);
  });

  it("streams XLSX: the file leaves in chunks while rows are still being produced", async () => {
    const total = 30_000;
    let produced = 0;
    const producedAtChunk: number[] = [];
    async function* rows() {
      for (; produced < total; produced++) yield [produced, `row ${produced} ខ្មែរ`, produced * 1.5];
    }
    const chunks: Buffer[] = [];
    const sink = chunkSink(64 * 1024, async (_index, chunk) => {
      producedAtChunk.push(produced);
      chunks.push(chunk);
    });
    await writeXlsx(
      sink.stream,
      [{ name: "Rows", header: ["n", "text", "value"], rows: rows() }],
      noProgress,
    );
    // A writer that kept every row (exceljs's Workbook + writeBuffer) would hand nothing over
    // before the last row; this one sends its first chunk early and keeps sending as rows come.
    expect(producedAtChunk[0]).toBeLessThan(total / 2);
    expect(producedAtChunk.filter((at) => at < total).length).toBeGreaterThanOrEqual(3);

    const { default: Excel } = await import("exceljs");
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Rows")!;
    expect(sheet.rowCount).toBe(total + 1);
    expect(sheet.getRow(total + 1).values).toEqual([
      undefined,
      total - 1,
      `row ${total - 1} ខ្មែរ`,
      (total - 1) * 1.5,
    ]);
  }, 60_000);

  it.skipIf(!existsSync(chromiumPath()))(
    "prints a PDF with Khmer text in the bundled Khmer font",
    async () => {
      const html = await exportHtml(
        "សំឡេង — មតិយោបល់",
        [{ name: "តារាង", header: ["ឃុំ", "ចំនួន"], rows: [["ព្រែកព្នៅ", 3]] }],
        noProgress,
      );
      const pdf = await printPdf(html);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // Chromium embeds (a subset of) each font it drew with: the Khmer text was set in Noto Sans Khmer.
      expect(pdf.toString("latin1")).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSansKhmer/);
    },
    60_000,
  );
});
