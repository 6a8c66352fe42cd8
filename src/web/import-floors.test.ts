import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The floors of the web app, bottom first (docs/mechanisms/web-floors.md). A file may import from its
 * own floor or from a floor below it, never from one above, and nothing from src/server. A file's floor
 * is the entry with the longest matching path; paths are written without their extension.
 */
const FLOORS: { name: string; paths: string[] }[] = [
  { name: "shared", paths: ["src/domain", "src/contracts"] },
  { name: "i18n", paths: ["src/web/i18n"] },
  { name: "api", paths: ["src/web/api"] },
  { name: "components", paths: ["src/web/components"] },
  { name: "offline", paths: ["src/web/offline"] },
  // The shell's interface: the one module of app/ that the features may import.
  { name: "shell interface", paths: ["src/web/app/shell"] },
  { name: "features", paths: ["src/web/features"] },
  { name: "app", paths: ["src/web/app"] },
  { name: "entry", paths: ["src/web/main", "src/web/import-floors.test"] },
];

/** The folders whose files the check reads: the web app and the two folders it shares with the server. */
const SCANNED = ["src/web", "src/domain", "src/contracts"];

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The index in FLOORS of the floor a repository path ("/"-separated) sits on, or -1 when it sits on none. */
function floorOf(file: string): number {
  const key = file.replace(/\.(tsx?|jsx?)$/, "");
  let found = -1;
  let longest = -1;
  FLOORS.forEach((floor, index) => {
    for (const prefix of floor.paths) {
      const matches = key === prefix || key.startsWith(`${prefix}/`);
      if (matches && prefix.length > longest) [found, longest] = [index, prefix.length];
    }
  });
  return found;
}

/** Every module specifier a source imports: static and type imports, re-exports, import() and side-effect imports. */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

/** Why `importer` (a repository path) may not import `specifier`, or null when it may. Packages are not checked. */
function violation(importer: string, specifier: string): string | null {
  const bare = specifier.split("?")[0];
  if (!bare.startsWith(".") && !bare.startsWith("/")) return null;
  // Vite resolves "/src/…" from the project root.
  const target = bare.startsWith("/") ? bare.slice(1) : path.posix.join(path.posix.dirname(importer), bare);
  if (target === "src/server" || target.startsWith("src/server/")) return "reaches into src/server";
  const from = floorOf(importer);
  const to = floorOf(target);
  if (from === -1) return "comes from a file on no floor (add its folder to FLOORS)";
  if (to === -1) return "lands on no floor (add its folder to FLOORS)";
  if (to > from) return `runs up from ${FLOORS[from].name} to ${FLOORS[to].name}`;
  return null;
}

/** The .ts and .tsx files under the scanned folders, as repository paths. */
function scannedFiles(): string[] {
  return SCANNED.flatMap((folder) =>
    readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
      .filter((entry) => /\.tsx?$/.test(entry))
      .map((entry) => path.join(folder, entry).split(path.sep).join("/")),
  );
}

describe("the web app's floors", () => {
  const files = scannedFiles();

  it("reads the whole web app", () => {
    expect(files).toContain("src/web/main.tsx");
    expect(files.length).toBeGreaterThan(200);
  });

  it("puts every file on a floor", () => {
    expect(files.filter((file) => floorOf(file) === -1)).toEqual([]);
  });

  it("has no import that runs up a floor or into the server", () => {
    const found: string[] = [];
    for (const file of files) {
      for (const specifier of importsOf(readFileSync(path.join(ROOT, file), "utf8"))) {
        const reason = violation(file, specifier);
        if (reason) found.push(`${file} imports ${specifier}: ${reason}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe("the floor check itself", () => {
  it("sees every kind of import", () => {
    const source = [
      'import { a } from "./a";',
      'import type { B } from "../b";',
      'export * from "./c";',
      'import "./d.css";',
      'const e = () => import("../e");',
    ].join("\n");
    expect(importsOf(source)).toEqual(["./a", "../b", "./c", "./d.css", "../e"]);
  });

  it("refuses an import that runs up or reaches the server", () => {
    const refused: [string, string][] = [
      ["src/web/components/PlacePicker.tsx", "../features/places/places.api"],
      ["src/web/components/ErrorAlert.tsx", "../offline/field-store"],
      ["src/web/api/client.ts", "../components/ErrorAlert"],
      ["src/web/i18n/index.ts", "../api/client"],
      ["src/web/offline/sync-engine.ts", "../features/field/field.api"],
      ["src/web/features/admin/routes.tsx", "../../app/router"],
      ["src/web/app/shell.tsx", "./RequireSession"],
      ["src/web/app/router.tsx", "../main"],
      ["src/domain/places.ts", "../web/i18n"],
      ["src/web/features/admin/admin.api.ts", "../../../server/db/schema"],
      ["src/web/main.tsx", "/src/server/app"],
      ["src/web/main.tsx", "../../seed/places.json?url"],
      ["src/web/lib/dates.ts", "../i18n"],
    ];
    for (const [importer, specifier] of refused)
      expect(violation(importer, specifier), specifier).not.toBeNull();
  });

  it("allows an import to its own floor, a floor below, the shell interface and packages", () => {
    const allowed: [string, string][] = [
      ["src/web/components/PlacePicker.tsx", "../api/places"],
      ["src/web/features/admin/routes.tsx", "../../app/shell"],
      ["src/web/features/admin/UserForm.tsx", "../auth/session"],
      ["src/web/features/field/routes.tsx", "../../offline/field-store"],
      ["src/web/app/router.tsx", "../features/home/HomePage"],
      ["src/web/offline/card-reducer.ts", "../../domain/scorecard-content"],
      ["src/contracts/places.ts", "../domain/places"],
      ["src/web/main.tsx", "react"],
    ];
    for (const [importer, specifier] of allowed) expect(violation(importer, specifier), specifier).toBeNull();
  });
});
