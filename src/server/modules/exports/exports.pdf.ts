import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { AppError } from "../../platform/errors";
import type { ExportTable, Progress } from "./exports.writers";

/**
 * PDF exports: the tables as an HTML page, printed by headless Chromium (playwright-core with the
 * system browser), which shapes Khmer right and keeps the text searchable. The page embeds the
 * bundled Noto Sans Khmer (Debian has no Khmer font, and nothing is loaded from the internet).
 */

/** The browser: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Refuses at once, with a clear message code, where no browser exists to print the PDF. */
export function assertChromium(env: NodeJS.ProcessEnv = process.env): void {
  if (!existsSync(chromiumPath(env))) throw new AppError(503, "export_pdf_unavailable");
}

const require = createRequire(import.meta.url);

async function khmerFontFace(): Promise<string> {
  const file = require.resolve("@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2");
  const data = (await readFile(file)).toString("base64");
  return `@font-face{font-family:"Noto Sans Khmer";font-weight:400;src:url(data:font/woff2;base64,${data}) format("woff2");}`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The page: a title, then each table under its name. Rows are read once, as they come. */
export async function exportHtml(title: string, tables: ExportTable[], progress: Progress): Promise<string> {
  const parts = [
    `<!doctype html><html><head><meta charset="utf-8"><style>${await khmerFontFace()}`,
    'body{font-family:"Noto Sans Khmer",sans-serif;font-size:10pt}table{border-collapse:collapse;width:100%;margin-bottom:16pt}',
    "th,td{border:1px solid #999;padding:2pt 4pt;text-align:left}th{background:#eee}</style></head><body>",
    `<h1>${escapeHtml(title)}</h1>`,
  ];
  let done = 0;
  for (const table of tables) {
    parts.push(`<h2>${escapeHtml(table.name)}</h2><table><thead><tr>`);
    parts.push(...table.header.map((cell) => `<th>${escapeHtml(cell)}</th>`), "</tr></thead><tbody>");
    for await (const row of table.rows) {
      parts.push(`<tr>${row.map((cell) => `<td>${escapeHtml(String(cell ?? ""))}</td>`).join("")}</tr>`);
      done += 1;
    }
    parts.push("</tbody></table>");
  }
  parts.push("</body></html>");
  await progress(done);
  return parts.join("");
}

/** Prints the page to PDF bytes; an export_pdf_unavailable error where there is no Chromium. */
export async function printPdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  assertChromium(env);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumPath(env), args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    return await page.pdf({ format: "A4", landscape: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
