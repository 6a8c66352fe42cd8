import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The field app's first load (issue 4): the JavaScript and CSS that index.html loads before the
 * first screen (its module script and the chunks it preloads), each gzipped as a server or a
 * service worker would send it. Target: JavaScript ≤ 300 KB gzipped.
 */
const DIST = path.resolve(import.meta.dirname, "..", "dist", "web");
const TARGET_KB = 300;

export async function bundleRows(): Promise<string[][]> {
  // Builds the web app first when it is missing or older than its sources (as `npm start` does).
  await import("../scripts/build-web-if-stale");
  const html = readFileSync(path.join(DIST, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const rows = files.map((file) => {
    const bytes = readFileSync(path.join(DIST, file));
    return { file, raw: statSync(path.join(DIST, file)).size, gzip: gzipSync(bytes).length };
  });
  const js = rows.filter((row) => row.file.endsWith(".js")).reduce((sum, row) => sum + row.gzip, 0);
  const kb = (n: number) => (n / 1024).toFixed(1);
  return [
    ...rows.map((row) => [row.file.replace("/assets/", ""), kb(row.raw), kb(row.gzip), "", ""]),
    ["first-load JavaScript", "", kb(js), `${TARGET_KB}`, js / 1024 <= TARGET_KB ? "met" : "MISSED"],
  ];
}

export const BUNDLE_HEADER = ["file", "KB", "KB gzipped", "target KB", ""];
