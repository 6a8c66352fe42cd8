import { z } from "zod";
import { CYCLE_STEPS } from "../domain/isaf-cycle";
import { Uuid } from "./common";
import { CycleRef, Scorecard } from "./scorecards";

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

/**
 * One command's answer: applied (with the record's new version), rejected, or in conflict. An
 * applied change of a draft merges per field by stamp: `overtaken` lists the fields (e.g.
 * "participant.3.sex") where a later write on another phone or online was kept instead of it.
 */
export const CommandResult = z.discriminatedUnion("status", [
  z.object({
    id: z.string(),
    status: z.literal("applied"),
    result: z.object({
      version: z.number().int().nullable(),
      overtaken: z.array(z.string()).optional(),
    }),
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

// ---- pull ----------------------------------------------------------------------------------------

/** What a device keeps offline: the cycles it may record score cards for, and their cards. */
export const SyncStream = z.enum(["cycles", "scorecards"]);
export type SyncStream = z.infer<typeof SyncStream>;

export const PullQuery = z.object({
  stream: SyncStream,
  /** A `next` or `position` of an earlier answer of the same stream; absent: from the start. */
  after: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

/**
 * A cycle the user may record a score card for: the cycle as cards show it, its step (`status`), its
 * version, and which card the user may start now — as GET /api/v1/cycles/:cycleId/scorecards says.
 */
export const SyncCycle = CycleRef.extend({
  /** The cycle's step; a closed cycle leaves the stream. */
  status: z.enum(CYCLE_STEPS),
  version: z.number().int(),
  can: z.object({ createCommunity: z.boolean(), createSelf: z.boolean() }),
});
export type SyncCycle = z.infer<typeof SyncCycle>;

const pullPage = <S extends SyncStream, T extends z.ZodType>(stream: S, item: T) =>
  z.object({
    stream: z.literal(stream),
    /** Changed records, oldest change first; each as the API's own GET answers it to this user. */
    items: z.array(item),
    /** Pass as `after` for the next page; null on the last page. */
    next: z.string().nullable(),
    /** What the device stores once it has every page, and sends as `after` next time. */
    position: z.string(),
    /**
     * On the last page only (null on the others): the id of every record of the stream the user may
     * see now, changed or not. The device deletes every record it holds that is not listed: that is
     * how a loss of access (the cycle reassigned or closed, the user's area or roles changed) arrives.
     */
    inScope: z.array(Uuid).nullable(),
  });

/**
 * GET /api/v1/sync/pull: one page of a stream's changes since `after`. The cursors are opaque; one
 * made before the user's roles or area changed starts the stream again from the beginning.
 */
export const PullResponse = z.discriminatedUnion("stream", [
  pullPage("cycles", SyncCycle),
  pullPage("scorecards", Scorecard),
]);
export type PullResponse = z.infer<typeof PullResponse>;
