/**
 * `npm start` runs this first: it builds the web app when dist/web is missing or older than any
 * source file it is made from, so that a fresh clone needs only `npm install` and `npm start`.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const builtIndex = path.join(root, "dist", "web", "index.html");
const sources = [
  path.join(root, "src", "web"),
  path.join(root, "src", "contracts"),
  path.join(root, "src", "domain"),
  path.join(root, "vite.config.ts"),
];

function newestChange(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, name) => Math.max(newest, newestChange(path.join(target, name))),
    stat.mtimeMs,
  );
}

const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const changedAt = Math.max(...sources.filter(existsSync).map(newestChange));
if (changedAt > builtAt) {
  console.log("Building the web app (first start, or the web sources changed)…");
  // Imported only when a build is needed: loading Vite costs a restart half a second.
  const { build } = await import("vite");
  await build({ configFile: path.join(root, "vite.config.ts"), logLevel: "warn" });
}
