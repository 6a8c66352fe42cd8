import { sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { expect } from "vitest";
import type { CommandResult, SyncCommand } from "../../../contracts/sync";
import { type Clock, createClock, formatTimestamp, tick } from "../../../domain/sync/hlc";
import type { Db } from "../../db/database";
import { queryRows } from "../../db/sql";
import type { Caller } from "../../test/harness";

/** Test helpers of the sync module: a phone's outbox, a push, the ledger's size. */

/** A phone's outbox: each command gets a new UUIDv7 and the next stamp of the phone's clock. */
export function outbox(node: string) {
  let clock: Clock = createClock(node);
  let now = Date.parse("2026-11-20T02:00:00Z");
  return (
    type: string,
    recordId: string,
    payload: unknown,
    baseVersion: number | null = null,
  ): SyncCommand => {
    now += 1000;
    clock = tick(clock, now);
    return { id: uuidv7(), type, recordId, payload, baseVersion, stamp: formatTimestamp(clock) };
  };
}

/** Pushes the commands and returns the answers (the request itself must succeed). */
export async function push(caller: Caller, commands: SyncCommand[], deviceId = "phone1") {
  const response = await caller.post("/api/v1/sync/push", { deviceId, commands });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { results: CommandResult[] }).results;
}

export async function ledgerSize(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from sync_commands`);
  return row!.n;
}
