import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../db/database";
import { importGazetteer } from "../modules/places/places.import";
import { seedReferenceData } from "../seeding/reference-data";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: path of a dumped, migrated and seeded data directory. */
    pgliteDump: string;
    /** PostgreSQL: name of a migrated and seeded template database. */
    pgTemplate: string;
  }
}

/**
 * Migrates and seeds ONE database before the suite (ARCHITECTURE.md: migrate once, clone per test
 * file): a PGlite dump, or a PostgreSQL template database when TEST_DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `samleng_test_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const database = openPostgres(withDatabase(url, template), 2);
    await database.migrate();
    await importGazetteer(database.db);
    await seedReferenceData(database.db);
    await database.close();
    project.provide("pgTemplate", template);
    project.provide("pgliteDump", "");
    return async () => {
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    };
  }
  const database = await openPglite(undefined);
  await database.migrate();
  await importGazetteer(database.db);
  await seedReferenceData(database.db);
  const client = (database.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("none");
  await database.close();
  const dir = mkdtempSync(path.join(os.tmpdir(), "samleng-test-"));
  const file = path.join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteDump", file);
  project.provide("pgTemplate", "");
  return () => rmSync(dir, { recursive: true, force: true });
}

/** The same connection string pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
