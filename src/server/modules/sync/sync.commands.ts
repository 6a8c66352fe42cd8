import { Uuid } from "../../../contracts/common";
import type { Ctx } from "../../platform/context";
import { type AppError, badRequest } from "../../platform/errors";
import { fieldErrorsFromZod } from "../../platform/validation";
import type { Applied, CommandDefinition, StampedChange, SyncRegistry } from "./sync.registry";

/** A command checked against its type, ready to run. */
export interface ParsedCommand {
  type: string;
  definition: CommandDefinition<unknown>;
  recordId: string;
  payload: unknown;
  version: number;
  /** The command's HLC stamp: a versioned change of a draft merges by it (scorecards.stamps.ts). */
  stamp: string;
}

/** Checks a command against its type; a malformed payload or record id is a 400 like the API's. */
export function parseCommand(
  registry: SyncRegistry,
  command: {
    type: string;
    recordId: string;
    payload: unknown;
    baseVersion: number | null;
    stamp: string;
  },
): ParsedCommand {
  const definition = registry.commands.get(command.type);
  if (!definition) throw badRequest("sync_unknown_type", [], { type: command.type });
  const recordId = Uuid.safeParse(command.recordId);
  if (!recordId.success)
    throw badRequest("validation_failed", fieldErrorsFromZod(recordId.error.issues, ["recordId"]));
  const payload = definition.payload.safeParse(command.payload ?? {});
  if (!payload.success)
    throw badRequest("validation_failed", fieldErrorsFromZod(payload.error.issues, ["payload"]));
  if (definition.versioned && command.baseVersion === null) throw badRequest("sync_base_version_required");
  return {
    type: command.type,
    definition,
    recordId: recordId.data,
    payload: payload.data,
    version: command.baseVersion ?? 0,
    stamp: command.stamp,
  };
}

/** Whether the command changes a record (applied with runEdits) rather than making one (runCommand). */
export function isEdit(command: ParsedCommand): boolean {
  return command.definition.edit !== undefined;
}

/** Runs a command that makes a record through its service; a refusal is thrown. */
export async function runCommand(ctx: Ctx, command: ParsedCommand): Promise<{ version: number }> {
  return command.definition.run!(ctx, command.recordId, command.payload, command.version);
}

/**
 * Applies commands that change one record (isEdit), one after the other with its kind's
 * applyChanges, a run of one type with editMany as one change. Answers each as it would be answered
 * alone: the record's version after it (with the fields a later write held), or its refusal.
 */
export async function runEdits(ctx: Ctx, commands: ParsedCommand[]): Promise<(Applied | AppError)[]> {
  const steps: StampedChange<unknown>[] = [];
  for (let start = 0; start < commands.length; ) {
    const { definition, type, recordId, payload, version, stamp } = commands[start]!;
    let end = start + 1;
    if (definition.editMany) while (commands[end]?.type === type) end++;
    const together = commands.slice(start, end).map((command) => command.payload);
    // A run (editMany) is of unversioned commands, which name no fields: their stamps are not used.
    const edit =
      end - start > 1
        ? definition.editMany!(ctx, recordId, together)
        : definition.edit!(ctx, recordId, payload, version);
    steps.push({ edit, stamp });
    start = end;
  }
  return commands[0]!.definition.applyChanges!(ctx, commands[0]!.recordId, steps);
}
