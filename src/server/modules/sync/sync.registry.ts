import type { z } from "zod";
import type { SyncStream } from "../../../contracts/sync";
import type { Ctx } from "../../platform/context";
import type { AppError } from "../../platform/errors";

/**
 * The sync registry (issue 12, part 6; docs/mechanisms/sync.md): what each module offers the field
 * app. A module declares its streams (what a phone pulls) and its commands (what a phone pushes) in
 * a `<module>.sync.ts` file; `src/server/sync.ts` lists them, and the push and the pull
 * (sync.service.ts, sync.pull.ts) run any registered kind the same way. Nothing here knows a score
 * card, an I4C session or a citizen's message.
 */

/** What a change answers when applied: the record's version, and the fields a later write held. */
export interface Applied {
  version: number;
  overtaken?: string[];
}

/** A change of a record and the stamp of the command that carried it (per-field merge, lww.ts). */
export interface StampedChange<Change> {
  edit: Change;
  stamp: string;
}

/**
 * Applies one record's changes one after the other, each as its own online request would (checks,
 * audit, rollups), reading and locking the record once: each answered with the record's version
 * after it, or its refusal (the change rolled back alone).
 */
export type ApplyChanges<Change> = (
  ctx: Ctx,
  recordId: string,
  steps: StampedChange<Change>[],
) => Promise<(Applied | AppError)[]>;

/** One command type. */
export interface CommandDefinition<Payload, Change = unknown> {
  payload: z.ZodType<Payload>;
  /**
   * The API needs the record's version: the command must carry baseVersion. A change that names its
   * fields merges by stamp on a draft instead of checking it (scorecards.stamps.ts).
   */
  versioned: boolean;
  /** A command run by its service (making a record), answering with the record's version. */
  run?(ctx: Ctx, recordId: string, payload: Payload, version: number): Promise<{ version: number }>;
  /** A change of an existing record: the service's change, applied with its kind's `applyChanges`. */
  edit?(ctx: Ctx, recordId: string, payload: Payload, version: number): Change;
  /** Several commands of this (unversioned) type in a row as one change: a meeting's 60 participants' scores. */
  editMany?(ctx: Ctx, recordId: string, payloads: Payload[]): Change;
  /** How the changes of this command's record kind are applied (set by `changesOf`). */
  applyChanges?: ApplyChanges<Change>;
}

export function define<Payload, Change = unknown>(
  definition: CommandDefinition<Payload, Change>,
): CommandDefinition<unknown, Change> {
  return definition as CommandDefinition<unknown, Change>;
}

/** Commands that change one kind of record, with how that kind applies a run of changes. */
export function changesOf<Change>(
  applyChanges: ApplyChanges<Change>,
  commands: Record<string, CommandDefinition<unknown, Change>>,
): Record<string, CommandDefinition<unknown>> {
  return Object.fromEntries(
    Object.entries(commands).map(([type, definition]) => [
      type,
      { ...definition, applyChanges } as CommandDefinition<unknown>,
    ]),
  );
}

/** Where a record sits in its stream: the id of the transaction that last changed it (as text) and its id. */
export interface ChangeMark {
  marker: string;
  id: string;
}

/** Before every record. */
export const FIRST_MARK: ChangeMark = { marker: "0", id: "00000000-0000-0000-0000-000000000000" };

/**
 * Up to `limit` changed records after a mark, each with its mark; `more` when others follow; `last`,
 * the mark of the last record read, sent or not (a record that left the user's reach between two
 * reads is not sent, and the next page must still start after it).
 */
export interface Changes<Item> {
  entries: Array<{ mark: ChangeMark; item: Item }>;
  more: boolean;
  last: ChangeMark | null;
}

/** One stream a phone pulls: the records the user may see, in the order of their last change. */
export interface StreamDefinition<Item = unknown> {
  name: SyncStream;
  changedAfter(ctx: Ctx, after: ChangeMark, limit: number): Promise<Changes<Item>>;
  /** Every record of the stream the user may see now (the phone deletes the others). */
  idsInReach(ctx: Ctx): Promise<string[]>;
}

/** What one module offers the field app. */
export interface SyncContribution {
  streams?: StreamDefinition[];
  commands?: Record<string, CommandDefinition<unknown>>;
}

export interface SyncRegistry {
  streams: ReadonlyMap<SyncStream, StreamDefinition>;
  commands: ReadonlyMap<string, CommandDefinition<unknown>>;
}

/** The registry of the modules' contributions; a stream or command type offered twice is a mistake. */
export function syncRegistry(contributions: SyncContribution[]): SyncRegistry {
  const streams = new Map<SyncStream, StreamDefinition>();
  const commands = new Map<string, CommandDefinition<unknown>>();
  for (const contribution of contributions) {
    for (const stream of contribution.streams ?? []) {
      if (streams.has(stream.name)) throw new Error(`sync stream "${stream.name}" registered twice`);
      streams.set(stream.name, stream);
    }
    for (const [type, definition] of Object.entries(contribution.commands ?? {})) {
      if (commands.has(type)) throw new Error(`sync command "${type}" registered twice`);
      if (!definition.run === !definition.edit) throw new Error(`sync command "${type}" needs run or edit`);
      if (definition.edit && !definition.applyChanges)
        throw new Error(`sync command "${type}" edits without changesOf`);
      commands.set(type, definition);
    }
  }
  return { streams, commands };
}
