/**
 * `npm run build` runs this after the web build: it compiles the server into one JavaScript file,
 * dist/server/main.js, that `node dist/server/main.js serve` runs without tsx. Packages stay in
 * node_modules (external); the repository's own modules (src/server, src/domain, src/contracts) are
 * bundled. Migrations and seed files are read from the repository at run time (src/server/paths.ts),
 * so the build runs from a checkout with `npm install` done, like `npm start`.
 */
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");

/** Compiles src/server/main.ts to `<outDir>/main.js` (the two-process test builds into a folder of its own). */
export async function buildServer(outDir = path.join(root, "dist", "server")) {
  await build({
    entryPoints: [path.join(root, "src", "server", "main.ts")],
    outfile: path.join(outDir, "main.js"),
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
  });
}

if (import.meta.filename === process.argv[1]) await buildServer();
