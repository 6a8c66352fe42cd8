import { z } from "zod";

/**
 * The field app's command push (issue 4; ARCHITECTURE.md "Offline"): the device sends the changes it
 * queued as commands, the server answers each one. Commands are checked in full by the sync core
 * (src/domain/sync/commands.ts) and by the command's own payload schema, so the envelope here only
 * bounds sizes.
 */
export const SyncCommand = z.object({
  /** UUIDv7 made on the device; a command sent again with the same id gets its first answer back. */
  id: z.string().max(64),
  /** e.g. "scorecard.addScores" (src/server/modules/sync/sync.commands.ts lists them). */
  type: z.string().min(1).max(64),
  /** The record the command changes (for a new record, the id the device gave it). */
  recordId: z.string().min(1).max(64),
  payload: z.unknown(),
  /** The record's version the device edited, or null where the command does not need one. */
  baseVersion: z.number().int().min(0).nullable(),
  /** The device's hybrid-logical-clock stamp (src/domain/sync/hlc.ts). */
  stamp: z.string().max(64),
});
export type SyncCommand = z.infer<typeof SyncCommand>;

export const PushBody = z.object({
  deviceId: z.string().regex(/^[0-9a-z]{1,16}$/),
  commands: z.array(SyncCommand).min(1).max(100),
});

const FieldProblem = z.object({ path: z.string(), code: z.string(), message: z.string() });

/** One command's answer: applied (with the record's new version), rejected, or in conflict. */
export const CommandResult = z.discriminatedUnion("status", [
  z.object({
    id: z.string(),
    status: z.literal("applied"),
    result: z.object({ version: z.number().int().nullable() }),
  }),
  z.object({
    id: z.string(),
    status: z.enum(["rejected", "conflict"]),
    code: z.string(),
    message: z.string(),
    errors: z.array(FieldProblem),
  }),
]);
export type CommandResult = z.infer<typeof CommandResult>;

export const PushResponse = z.object({ results: z.array(CommandResult) });
