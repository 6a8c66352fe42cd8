import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { ROOT_DIR } from "../paths";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The Drizzle handle every repository takes: the database or an open transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Applies the committed migrations that have not run yet. */
  migrate(): Promise<void>;
  /** Plain SQL with $1… parameters, for pg-boss (platform/jobs.ts), which runs its own queries. */
  sqlExecutor: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
  /**
   * Runs `work` while no other server process runs its own: on PostgreSQL under an advisory lock, so
   * that processes started at once migrate and seed one after the other (drizzle's migrator takes no
   * lock, and two would both apply a new migration). PGlite serves one process: it just runs.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** True when a trivial query answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The committed SQL migrations (drizzle-kit), found from the repository root: see src/server/paths.ts. */
export const MIGRATIONS_FOLDER = path.join(ROOT_DIR, "src", "server", "db", "migrations");

/** The advisory lock of Database.exclusive (any fixed number that nothing else locks). */
const STARTUP_LOCK = 731_905_001;

/** PostgreSQL through node-postgres. */
export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its connection must not crash the process.
  pool.on("error", () => {});
  pool.on("connect", oneQueryAtATime);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    sqlExecutor: { executeSql: (text, values) => pool.query(text, values) },
    exclusive: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [STARTUP_LOCK]);
        return await work();
      } finally {
        // Ending the connection would free the lock too: released, it goes back to the pool unlocked.
        await client.query("select pg_advisory_unlock($1)", [STARTUP_LOCK]).finally(() => client.release());
      }
    },
    ping: () => pingWith(() => pool.query("select 1")),
    close: () => pool.end(),
  };
}

/**
 * Sends a client's queries one after the other. A transaction holds one client, and a service may ask
 * it for several things at once (`Promise.all` over `tx`); node-postgres queues such queries itself
 * but warns that pg 9 will stop doing so. Chaining them here keeps their order and meaning, whatever
 * the driver's version. Calls with a callback or a submittable (a cursor) keep the driver's own handling.
 */
function oneQueryAtATime(client: pg.PoolClient) {
  const send = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  let previous: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args.at(-1) === "function" || typeof first?.submit === "function") return send(...args);
    const sent = previous.then(() => send(...args));
    previous = sent.catch(() => {});
    return sent;
  }) as typeof client.query;
}

/** Embedded PostgreSQL (PGlite), data in `dataDir`, or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm }, loadDataDir });
  return wrapPglite(client);
}

/** Wraps an open PGlite instance (tests clone one migrated template per file). */
export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    sqlExecutor: {
      // PGlite runs several statements in one call only without parameters (pg-boss's schema set-up).
      executeSql: async (text, values) => {
        if (values && values.length > 0) return client.query(text, values);
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
    },
    exclusive: (work) => work(),
    ping: () => pingWith(() => client.query("select 1")),
    close: () => client.close(),
  };
}

async function pingWith(query: () => Promise<unknown>): Promise<boolean> {
  try {
    await query();
    return true;
  } catch {
    return false;
  }
}

/** Opens the database the configuration names: PostgreSQL when a URL is set, PGlite otherwise. */
export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openPglite(path.join(config.dataDir, "pglite"));
}
