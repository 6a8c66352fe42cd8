import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importCrossings, normalise, partCycles, sourcesOf, tableCrossings, unownedTables } from "./rules";
import { SERVER, schemaTables, serverFiles } from "./scan";

/**
 * Issue 12, part 4: a module reads and writes only its own tables (db/schema/owners.ts) and reaches
 * another module only through its services; the layers below the modules (db, platform) import
 * nothing above them; no two parts of the server import each other. No crossing is allowed: the list
 * of those that remained while the modules were moved is gone with the last of them. See
 * docs/mechanisms/boundaries.md.
 */
const sources = sourcesOf(
  Object.fromEntries(
    serverFiles().map((file) => [normalise(file), readFileSync(path.join(SERVER, file), "utf8")]),
  ),
);
const schema = schemaTables();

describe("module boundaries", () => {
  it("reads the whole server", () => {
    expect(sources.length).toBeGreaterThan(200);
    expect(schema.size).toBeGreaterThan(50);
  });

  it("gives every table one owner", () => {
    expect(unownedTables(schema)).toEqual([]);
  });

  it("lets no module name another's table, import another's internals, or close a ring", () => {
    const found = [...tableCrossings(sources, schema), ...importCrossings(sources), ...partCycles(sources)];
    expect(found).toEqual([]);
  });
});

describe("the boundary rules fail when broken", () => {
  const made = sourcesOf({
    "modules/alpha/alpha.repo.ts": `
      import { users, places } from "../../db/schema";
      import * as other from "../beta/beta.repo";
      export const q = sql\`select * from feedback_messages m join alpha_things a on true\`;`,
    "modules/alpha/alpha.service.ts": `import * as beta from "../beta/beta.service"; import "../../seeding/demo-data";`,
    "modules/beta/beta.service.ts": `import * as alpha from "../alpha/alpha.service";`,
    "platform/thing.ts": `import { x } from "../modules/alpha/alpha.service"; const q = sql\`update users set a = 1\`;`,
    "db/database.ts": `import { y } from "../platform/thing";`,
  });
  const madeSchema = new Map([
    ["users", "users"],
    ["places", "places"],
    ["feedbackMessages", "feedback_messages"],
  ]);

  it("finds a table of another module named in Drizzle or in SQL", () => {
    expect(tableCrossings(made, madeSchema)).toEqual([
      "modules/alpha/alpha.repo.ts names feedback_messages (owned by feedback)",
      "modules/alpha/alpha.repo.ts names places (owned by places)",
      "modules/alpha/alpha.repo.ts names users (owned by users)",
      "platform/thing.ts names users (owned by users)",
    ]);
  });

  it("finds an import of another module's internals and an import that runs back up", () => {
    expect(importCrossings(made)).toEqual([
      "db/database.ts imports platform/thing.ts, above db",
      "modules/alpha/alpha.repo.ts imports modules/beta/beta.repo.ts, not a service, policy, facts or messages file",
      "modules/alpha/alpha.service.ts imports seeding/demo-data.ts, above the modules",
      "platform/thing.ts imports modules/alpha/alpha.service.ts, above platform",
    ]);
  });

  it("finds two modules that import each other", () => {
    expect(partCycles(made)).toEqual(["db ⇄ modules/alpha ⇄ modules/beta ⇄ platform import each other"]);
  });
});
