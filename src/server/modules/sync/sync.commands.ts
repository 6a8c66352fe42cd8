import { z } from "zod";
import { Uuid } from "../../../contracts/common";
import {
  AddParticipantsBody,
  CreateScorecardBody,
  MeetingDetailsBody,
  ParticipantScoresBody,
  PrioritiesBody,
  PriorityNotesBody,
  RaiseIssueBody,
} from "../../../contracts/scorecards";
import type { Ctx } from "../../platform/context";
import { badRequest } from "../../platform/errors";
import { fieldErrorsFromZod } from "../../platform/validation";
import * as meeting from "../scorecards/scorecards.meeting";
import { setPriorities } from "../scorecards/scorecards.priorities";
import * as review from "../scorecards/scorecards.review";
import * as scores from "../scorecards/scorecards.scores";
import * as scorecards from "../scorecards/scorecards.service";

/**
 * The commands a field device may push, each run through the same service as the online API (so
 * the same abilities, area checks, validation, locks, audit and rollups apply). A command's payload
 * is the API's request body; `version` comes from the command's baseVersion where the API asks for
 * one, so that a change made offline on a record someone else changed meanwhile is a conflict, not a
 * silent overwrite.
 */
interface CommandDefinition<Payload> {
  payload: z.ZodType<Payload>;
  /** The API needs the record's version: the command must carry baseVersion. */
  versioned: boolean;
  run(ctx: Ctx, recordId: string, payload: Payload, version: number): Promise<{ version: number }>;
}

function define<Payload>(definition: CommandDefinition<Payload>): CommandDefinition<unknown> {
  return definition as CommandDefinition<unknown>;
}

export const COMMANDS: Record<string, CommandDefinition<unknown>> = {
  "scorecard.create": define({
    payload: CreateScorecardBody.extend({ cycleId: Uuid }),
    versioned: false,
    run: (ctx, id, { cycleId, kind, mode }) => scorecards.create(ctx, cycleId, { kind, mode, id }),
  }),
  "scorecard.updateDetails": define({
    payload: MeetingDetailsBody.omit({ version: true }),
    versioned: true,
    run: (ctx, id, details, version) => scorecards.updateDetails(ctx, id, { ...details, version }),
  }),
  "scorecard.addParticipants": define({
    payload: AddParticipantsBody.extend({ firstNumber: z.number().int().min(1) }),
    versioned: false,
    run: (ctx, id, { participants, firstNumber }) =>
      meeting.addParticipants(ctx, id, participants, firstNumber),
  }),
  "scorecard.raiseIssue": define({
    payload: RaiseIssueBody,
    versioned: false,
    run: (ctx, id, issue) => meeting.raiseIssue(ctx, id, issue),
  }),
  "scorecard.setPriorities": define({
    payload: PrioritiesBody.omit({ version: true }),
    versioned: true,
    run: (ctx, id, input, version) => setPriorities(ctx, id, { ...input, version }),
  }),
  "scorecard.addScores": define({
    payload: ParticipantScoresBody,
    versioned: false,
    run: (ctx, id, input) => scores.addScores(ctx, id, input),
  }),
  "scorecard.setNotes": define({
    payload: PriorityNotesBody.omit({ version: true }).extend({ indicatorId: Uuid }),
    versioned: true,
    run: (ctx, id, { indicatorId, ...notes }, version) =>
      meeting.setNotes(ctx, id, indicatorId, notes, version),
  }),
  "scorecard.submit": define({
    payload: z.object({}),
    versioned: true,
    run: (ctx, id, _payload, version) => review.submit(ctx, id, version),
  }),
};

/** Runs one command through its service; a malformed payload or record id is a 400 like the API's. */
export async function runCommand(
  ctx: Ctx,
  command: { type: string; recordId: string; payload: unknown; baseVersion: number | null },
): Promise<{ version: number }> {
  // hasOwn: a type such as "constructor" must not find Object's own properties.
  const definition = Object.hasOwn(COMMANDS, command.type) ? COMMANDS[command.type] : undefined;
  if (!definition) throw badRequest("sync_unknown_type", [], { type: command.type });
  const recordId = Uuid.safeParse(command.recordId);
  if (!recordId.success)
    throw badRequest("validation_failed", fieldErrorsFromZod(recordId.error.issues, ["recordId"]));
  const payload = definition.payload.safeParse(command.payload ?? {});
  if (!payload.success)
    throw badRequest("validation_failed", fieldErrorsFromZod(payload.error.issues, ["payload"]));
  if (definition.versioned && command.baseVersion === null) throw badRequest("sync_base_version_required");
  const card = await definition.run(ctx, recordId.data, payload.data, command.baseVersion ?? 0);
  return { version: card.version };
}
