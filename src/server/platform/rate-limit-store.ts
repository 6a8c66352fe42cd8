import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor, RateLimitOptions } from "@fastify/rate-limit";
import { lt, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { rateLimitHits } from "../db/schema";

type RouteLimitOptions = RateLimitOptions & { routeInfo: { method: string | string[]; url: string } };

/**
 * A store for @fastify/rate-limit that counts in the database (table rate_limit_hits), so that a
 * limit holds across every server process behind a load balancer: the plugin's default store counts
 * in each process's memory, and two processes would let twice the limit through.
 *
 * It counts like the default store: a fixed window that starts with a key's first request; the
 * request that makes the count pass `max` is refused until the window ends. Times are the database's
 * (`now()`), so that processes whose clocks differ agree on when a window ends.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly #prefix: string;

    constructor(options: RateLimitOptions, prefix = "") {
      // Both change how a window is extended; nothing here uses them, so no code supports them.
      if (options.continueExceeding || options.exponentialBackoff)
        throw new Error(
          "the database rate-limit store supports neither continueExceeding nor exponentialBackoff",
        );
      this.#prefix = prefix;
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      increment(db, `${this.#prefix}${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    /** One store per rate-limited route, as the plugin asks: the route is part of every key. */
    child(routeOptions: Parameters<FastifyRateLimitStore["child"]>[0]) {
      // The plugin's types say route options; what it passes is the route's merged limit options,
      // with the route under `routeInfo` (as its own Redis store reads them).
      const merged = routeOptions as unknown as RouteLimitOptions;
      const { method, url } = merged.routeInfo;
      return new DatabaseRateLimitStore(merged, `${this.#prefix}${String(method)} ${url} `);
    }
  };
}

/** Counts one request of this key; a window that has ended starts again at 1. */
async function increment(db: Db, key: string, windowMs: number) {
  const ended = sql`${rateLimitHits.resetsAt} <= now()`;
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key, hits: 1, resetsAt: sql`now() + ${windowMs}::double precision * interval '1 millisecond'` })
    .onConflictDoUpdate({
      target: rateLimitHits.key,
      set: {
        hits: sql`case when ${ended} then 1 else ${rateLimitHits.hits} + 1 end`,
        resetsAt: sql`case when ${ended} then excluded.resets_at else ${rateLimitHits.resetsAt} end`,
      },
    })
    .returning({
      hits: rateLimitHits.hits,
      ttl: sql<number>`ceil(extract(epoch from ${rateLimitHits.resetsAt} - now()) * 1000)::integer`,
    });
  // A new window: the moment to drop windows that ended (clients that never came back), so that the
  // table stays as small as the number of clients seen in the last window.
  if (row.hits === 1) await db.delete(rateLimitHits).where(lt(rateLimitHits.resetsAt, sql`now()`));
  return { current: row.hits, ttl: row.ttl };
}
