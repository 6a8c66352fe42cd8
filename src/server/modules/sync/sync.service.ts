import { createHash } from "node:crypto";
import type { CommandResult, SyncCommand } from "../../../contracts/sync";
import { answerEach, inDeliveryOrder, newCommands, type OrderedCommand } from "../../../domain/sync/commands";
import type { Db } from "../../db/database";
import type { Ctx } from "../../platform/context";
import { AppError } from "../../platform/errors";
import type { MessageCode } from "../../platform/messages";
import { describeError, refusalOf } from "../../platform/problem";
import { isEdit, type ParsedCommand, parseCommand, runCommand, runEdits } from "./sync.commands";
import type { SyncRegistry } from "./sync.registry";
import * as repo from "./sync.repo";

/** What a module needs to offer the field app its streams and commands (its `<module>.sync.ts`). */
export {
  type Applied,
  type ChangeMark,
  type Changes,
  type CommandDefinition,
  changesOf,
  define,
  type StreamDefinition,
  type SyncContribution,
} from "./sync.registry";

/** A command's recorded answer (the id is added when answering). */
type Outcome =
  | { status: "applied"; result: { version: number | null; overtaken?: string[] } }
  | ({ status: "rejected" | "conflict" } & ReturnType<typeof describeError>);

/** What answering needs of a ledger entry: whose command it was, its body, its first outcome. */
type Entry = Pick<repo.LedgerRow, "id" | "userId" | "fingerprint"> & { outcome: Outcome };

/** A command of the batch with what its type made of it (parseCommand). */
type Parsed = OrderedCommand & { parsed: ParsedCommand };

/** Thrown inside a savepoint when another push recorded one of its commands first. */
class AlreadyRecorded extends Error {}

/**
 * POST /api/v1/sync/push: applies a device's queued commands and answers each one (the rules of
 * src/domain/sync/commands.ts `deliver`, with the database as the ledger). Commands are applied in
 * stamp order, each through its service together with its ledger entry, so a command is applied
 * exactly once even when the connection is cut after it (the device sends the batch again and gets
 * the recorded answers back). A business refusal is an answer, recorded too.
 *
 * For speed, consecutive commands of one record (a meeting's 73) share one transaction, and a card's
 * changes are applied one after the other by runEdits (editCardInSteps: each change in its own
 * savepoint, so a refused one is rolled back alone and still gets its own answer and ledger entry;
 * the card read, locked and its counters tracked once). An unexpected error fails the request: the
 * commands of the record it hit are rolled back with it and, like those after it, left for the next
 * push.
 */
export async function push(
  ctx: Ctx,
  registry: SyncRegistry,
  input: { deviceId: string; commands: SyncCommand[] },
): Promise<{ results: CommandResult[] }> {
  const results: CommandResult[] = new Array(input.commands.length);
  const { valid, invalid } = inDeliveryOrder(input.commands);
  for (const { index, outcome } of invalid) {
    const code: MessageCode =
      outcome.status === "rejected" && outcome.code === "invalid_id"
        ? "sync_invalid_id"
        : "sync_invalid_command";
    const reason = outcome.status === "rejected" ? outcome.reason : "";
    results[index] = {
      id: String(input.commands[index]!.id),
      ...refusal(ctx, new AppError(400, code, { reason })),
    };
  }
  // The decisions are the domain core's (src/domain/sync/commands.ts, `deliver`, property-tested):
  // which commands are new, and what each command is answered; the database is the ledger.
  const ledger = new Map<string, Entry>();
  const found = await repo.findMany(
    ctx.db,
    valid.map(({ command }) => command.id),
  );
  for (const [id, row] of found) ledger.set(id, entryFromLedger(row));
  for (const run of runsOfOneRecord(newCommands(valid, (id) => ledger.has(id)))) {
    const entries = await ctx.db.transaction((tx) => applyRun(ctx, registry, tx, input.deviceId, run));
    for (const entry of entries) ledger.set(entry.id, entry);
  }
  const outcomes: Outcome[] = new Array(input.commands.length);
  answerEach(valid, ledger, outcomes, {
    // The first answer to a command sent again — if it is the same command, from the same user.
    isSameCommand: (entry, { fingerprint }) =>
      entry.userId === ctx.actor.id && entry.fingerprint === storedFingerprint(fingerprint),
    idReused: () => refusal(ctx, new AppError(409, "sync_id_reused")),
  });
  for (const { index, command } of valid) results[index] = { id: command.id, ...outcomes[index]! };
  return { results };
}

/** Consecutive commands of the same record. */
function runsOfOneRecord(commands: OrderedCommand[]): OrderedCommand[][] {
  const runs: OrderedCommand[][] = [];
  for (const entry of commands) {
    const last = runs.at(-1);
    if (last && last[0]!.command.recordId === entry.command.recordId) last.push(entry);
    else runs.push([entry]);
  }
  return runs;
}

/** Applies one record's run in the caller's transaction and returns every command's ledger entry. */
async function applyRun(
  ctx: Ctx,
  registry: SyncRegistry,
  tx: Db,
  deviceId: string,
  run: OrderedCommand[],
): Promise<Entry[]> {
  const entries: Entry[] = [];
  const units: Parsed[][] = [];
  for (const entry of run) {
    let parsed: ParsedCommand;
    try {
      parsed = parseCommand(registry, entry.command);
    } catch (error) {
      const refused = refusalOf(error);
      if (!refused) throw error;
      entries.push(await recordOrFind(tx, entryOf(ctx, deviceId, entry, refusal(ctx, refused))));
      continue;
    }
    // The record's changes form one unit (a malformed command between them changes nothing); a
    // command that makes a record is a unit of its own.
    const unit = units.at(-1);
    const sameKind = unit && unit[0]!.parsed.definition.applyChanges === parsed.definition.applyChanges;
    if (unit && sameKind && isEdit(unit[0]!.parsed) && isEdit(parsed)) unit.push({ ...entry, parsed });
    else units.push([{ ...entry, parsed }]);
  }
  for (const unit of units) entries.push(...(await applyUnit(ctx, tx, deviceId, unit)));
  return entries;
}

/**
 * Applies a unit in its own savepoint together with its ledger entries: a command that makes a
 * record through its service, or a card's changes through runEdits (each refused change rolled back
 * alone there, and answered with its refusal).
 */
async function applyUnit(ctx: Ctx, tx: Db, deviceId: string, unit: Parsed[]): Promise<Entry[]> {
  try {
    return await tx.transaction(async (savepoint) => {
      const inSavepoint = { ...ctx, db: savepoint };
      const answers = isEdit(unit[0]!.parsed)
        ? await runEdits(
            inSavepoint,
            unit.map((command) => command.parsed),
          )
        : [await runCommand(inSavepoint, unit[0]!.parsed)];
      const entries = unit.map((command, index) => {
        const answer = answers[index]!;
        const outcome: Outcome =
          answer instanceof AppError ? refusal(ctx, answer) : { status: "applied", result: answer };
        return entryOf(ctx, deviceId, command, outcome);
      });
      if (!(await repo.record(savepoint, entries))) throw new AlreadyRecorded();
      return entries;
    });
  } catch (error) {
    if (error instanceof AlreadyRecorded) {
      // Another push is applying the same commands: one by one, each answered from its ledger entry.
      if (unit.length === 1) return [entryFromLedger((await repo.find(tx, unit[0]!.command.id))!)];
      const entries: Entry[] = [];
      for (const command of unit) entries.push(...(await applyUnit(ctx, tx, deviceId, [command])));
      return entries;
    }
    const refused = refusalOf(error);
    if (!refused) throw error;
    const entries: Entry[] = [];
    for (const command of unit) {
      entries.push(await recordOrFind(tx, entryOf(ctx, deviceId, command, refusal(ctx, refused))));
    }
    return entries;
  }
}

/**
 * What the ledger keeps of a command's body: a SHA-256 of its fingerprint, never the body itself. A
 * payload can be a citizen's report of harm to a child (feedback.write); the ledger only needs to
 * tell the same body from another.
 */
function storedFingerprint(fingerprint: string): string {
  return createHash("sha256").update(fingerprint).digest("hex");
}

function entryOf(ctx: Ctx, deviceId: string, { command, fingerprint }: OrderedCommand, outcome: Outcome) {
  return {
    id: command.id,
    userId: ctx.actor.id,
    deviceId,
    type: command.type,
    recordId: command.recordId,
    fingerprint: storedFingerprint(fingerprint),
    outcome,
  };
}

/** Records a refusal; when a concurrent push recorded the command first, its entry instead. */
async function recordOrFind(tx: Db, entry: ReturnType<typeof entryOf>): Promise<Entry> {
  if (await repo.record(tx, [entry])) return entry;
  return entryFromLedger((await repo.find(tx, entry.id))!);
}

/** A ledger row as an entry: the ledger holds only what entryOf recorded, so its outcome is an Outcome. */
function entryFromLedger(row: repo.LedgerRow): Entry {
  return { id: row.id, userId: row.userId, fingerprint: row.fingerprint, outcome: row.outcome as Outcome };
}

/** A refusal as an answer: 409s are conflicts (the device must look again), the rest rejections. */
function refusal(ctx: Ctx, error: AppError): Outcome {
  return { status: error.status === 409 ? "conflict" : "rejected", ...describeError(error, ctx.locale) };
}
