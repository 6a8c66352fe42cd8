import type { CommandResult, SyncCommand } from "../../../contracts/sync";
import { inDeliveryOrder } from "../../../domain/sync/commands";
import type { Ctx } from "../../platform/context";
import { AppError } from "../../platform/errors";
import type { MessageCode } from "../../platform/messages";
import { databaseInputError, describeError } from "../../platform/problem";
import { runCommand } from "./sync.commands";
import * as repo from "./sync.repo";

/** A command's recorded answer (the id is added when answering). */
type Outcome =
  | { status: "applied"; result: { version: number | null } }
  | ({ status: "rejected" | "conflict" } & ReturnType<typeof describeError>);

/** Thrown inside a command's transaction when another push recorded the same id first. */
class AlreadyRecorded extends Error {}

/**
 * POST /api/v1/sync/push: applies a device's queued commands and answers each one (the rules of
 * src/domain/sync/commands.ts `deliver`, with the database as the ledger). Commands are applied in
 * stamp order; each runs through its service in its own transaction together with its ledger entry,
 * so a command is applied exactly once even when the connection is cut after it (the device sends
 * the batch again and gets the recorded answers back). A business refusal is an answer, recorded
 * too; an unexpected error fails the request and leaves the commands after it for the next push.
 */
export async function push(
  ctx: Ctx,
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
  for (const { index, command, fingerprint } of valid) {
    const outcome = await answer(ctx, input.deviceId, command, fingerprint);
    results[index] = { id: command.id, ...outcome };
  }
  return { results };
}

async function answer(
  ctx: Ctx,
  deviceId: string,
  command: SyncCommand,
  fingerprint: string,
): Promise<Outcome> {
  const known = await repo.find(ctx.db, command.id);
  if (known) return recorded(ctx, known, fingerprint);
  const entry = {
    id: command.id,
    userId: ctx.actor.id,
    deviceId,
    type: command.type,
    recordId: command.recordId,
    fingerprint,
  };
  try {
    return await ctx.db.transaction(async (tx) => {
      const result = await runCommand({ ...ctx, db: tx }, command);
      const outcome: Outcome = { status: "applied", result };
      if (!(await repo.record(tx, { ...entry, outcome }))) throw new AlreadyRecorded();
      return outcome;
    });
  } catch (error) {
    if (error instanceof AlreadyRecorded)
      return recorded(ctx, (await repo.find(ctx.db, command.id))!, fingerprint);
    const appError = error instanceof AppError ? error : databaseInputError(error);
    if (!appError || appError.status >= 500) throw error;
    const outcome = refusal(ctx, appError);
    if (await repo.record(ctx.db, { ...entry, outcome })) return outcome;
    return recorded(ctx, (await repo.find(ctx.db, command.id))!, fingerprint);
  }
}

/** The first answer to a command sent again — if it is the same command, from the same user. */
function recorded(ctx: Ctx, row: repo.LedgerRow, fingerprint: string): Outcome {
  if (row.userId !== ctx.actor.id || row.fingerprint !== fingerprint) {
    return refusal(ctx, new AppError(409, "sync_id_reused"));
  }
  return row.outcome as Outcome;
}

/** A refusal as an answer: 409s are conflicts (the device must look again), the rest rejections. */
function refusal(ctx: Ctx, error: AppError): Outcome {
  return { status: error.status === 409 ? "conflict" : "rejected", ...describeError(error, ctx.locale) };
}
