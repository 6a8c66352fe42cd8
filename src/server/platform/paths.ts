import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (where package.json is), found from this file's place in src/server/platform. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Seed data shipped with the product (gazetteer, boundaries), with its attribution notices. */
export const SEED_DIR = path.join(ROOT_DIR, "seed");

/** The built web app. */
export const WEB_DIST_DIR = path.join(ROOT_DIR, "dist", "web");
