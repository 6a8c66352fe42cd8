import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root (where package.json is), found by walking up from this code's place: from
 * src/server/platform when run from source (tsx), from dist/server when run compiled (`npm run build`,
 * then `node dist/server/main.js`, where every module shares the one bundled file's place).
 */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json in ${start} or any folder above it`);
    dir = parent;
  }
  return dir;
}

export const ROOT_DIR = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Seed data shipped with the product (gazetteer, boundaries), with its attribution notices. */
export const SEED_DIR = path.join(ROOT_DIR, "seed");

/** The built web app. */
export const WEB_DIST_DIR = path.join(ROOT_DIR, "dist", "web");
