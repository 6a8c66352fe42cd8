import type { Database } from "../db/database";
import { gazetteerLoaded, importGazetteer } from "../modules/places/places.import";
import { seedDemoData } from "./demo-data";
import { countRows, seedReferenceData } from "./reference-data";

export interface PrepareReport {
  gazetteer: Record<string, number> | null;
  demo: { users: string[]; facilities: number } | null;
}

/**
 * Brings a database to a usable state: migrations, the gazetteer (first time), reference lists,
 * and, when asked and the database has no users yet, the demo data.
 */
export async function prepareDatabase(
  database: Database,
  options: { demoData: boolean },
): Promise<PrepareReport> {
  await database.migrate();
  const gazetteer = (await gazetteerLoaded(database.db)) ? null : await importGazetteer(database.db);
  await seedReferenceData(database.db);
  const demo =
    options.demoData && (await countRows(database.db, "users")) === 0
      ? await seedDemoData(database.db)
      : null;
  return { gazetteer, demo };
}
