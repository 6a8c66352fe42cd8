import { z } from "zod";
import { Uuid } from "../../../contracts/common";
import {
  AddParticipantsBody,
  CreateScorecardBody,
  IssueParams,
  MeetingDetailsBody,
  ParticipantScoresBody,
  PrioritiesBody,
  PriorityNotesBody,
  RaiseIssueBody,
  ReplaceScoresBody,
  ScoreTallyBody,
  TalliesBody,
  UpdateParticipantBody,
} from "../../../contracts/scorecards";
import type { Ctx } from "../../platform/context";
import { type AppError, badRequest } from "../../platform/errors";
import { fieldErrorsFromZod } from "../../platform/validation";
import { type Applied, editCardInSteps, type StampedEdit } from "../scorecards/scorecards.edit";
import * as issues from "../scorecards/scorecards.issues";
import * as meeting from "../scorecards/scorecards.meeting";
import { setPrioritiesEdit } from "../scorecards/scorecards.priorities";
import * as review from "../scorecards/scorecards.review";
import * as scores from "../scorecards/scorecards.scores";
import * as scorecards from "../scorecards/scorecards.service";
import { type CommandDefinition, define } from "./sync.definition";
import { FEEDBACK_COMMANDS } from "./sync.feedback-commands";
import { I4C_COMMANDS } from "./sync.i4c-commands";

/**
 * The commands a field device may push, each run through the same service as the online API (so
 * the same abilities, area checks, validation, locks, audit and rollups apply). A command's payload
 * is the API's request body, plus what the API takes from the URL (a participant's number, an
 * indicator or issue id); `version` comes from the command's baseVersion where the API asks for one.
 * Nothing is overwritten silently: a versioned change of a draft or returned card names its fields
 * and merges with the others' by the command's stamp (editCardInSteps, scorecards.stamps.ts), a
 * submission made on another version is a conflict, a locked card refuses every change.
 *
 * A command that changes a card names the service's change (`…Edit`, what the API's service hands
 * to editCard) rather than calling the service: the push applies a card's changes one after the
 * other with editCardInSteps, which checks and audits each as editCard would but reads, locks and
 * tracks the card's counters once for them all, and answers with versions, not presented cards.
 */
/** A participant's number in a payload (a JSON number, as in addScores; the API has it in the URL). */
const ParticipantNumber = ParticipantScoresBody.shape.participantNumber;

export const COMMANDS: Record<string, CommandDefinition<unknown>> = {
  "scorecard.create": define({
    payload: CreateScorecardBody.extend({ cycleId: Uuid }),
    versioned: false,
    run: async (ctx, id, { cycleId, kind, mode }) => {
      const { card } = await scorecards.create(ctx, cycleId, { kind, mode, id });
      return { version: card.version };
    },
  }),
  "scorecard.updateDetails": define({
    payload: MeetingDetailsBody.omit({ version: true }),
    versioned: true,
    edit: (_ctx, id, details, version) => scorecards.updateDetailsEdit(id, { ...details, version }),
  }),
  "scorecard.addParticipants": define({
    payload: AddParticipantsBody.extend({ firstNumber: z.number().int().min(1) }),
    versioned: false,
    edit: (_ctx, id, { participants, firstNumber }) =>
      meeting.addParticipantsEdit(id, participants, firstNumber),
  }),
  "scorecard.updateParticipant": define({
    // Only the attributes the phone changed (no defaults): each merges by itself.
    payload: z.object({
      number: ParticipantNumber,
      sex: UpdateParticipantBody.shape.sex.optional(),
      age: UpdateParticipantBody.shape.age.optional(),
      disability: z.boolean().optional(),
      ethnicMinority: z.boolean().optional(),
      idPoor: z.boolean().optional(),
    }),
    versioned: true,
    edit: (_ctx, id, { number, ...person }, version) =>
      meeting.updateParticipantEdit(id, number, person, version),
  }),
  "scorecard.removeParticipant": define({
    payload: z.object({ number: ParticipantNumber }),
    versioned: false,
    edit: (_ctx, id, { number }) => meeting.removeParticipantEdit(id, number),
  }),
  "scorecard.setTallies": define({
    payload: TalliesBody.omit({ version: true }),
    versioned: true,
    edit: (_ctx, id, { rows }, version) => meeting.setTalliesEdit(id, rows, version),
  }),
  "scorecard.raiseIssue": define({
    // The device names the issue (`id`), so that a later removeIssue made offline can say which.
    payload: RaiseIssueBody.extend({ id: Uuid.optional() }),
    versioned: false,
    edit: (ctx, id, issue) => issues.raiseIssueEdit(ctx, id, issue),
  }),
  "scorecard.removeIssue": define({
    payload: IssueParams.pick({ issueId: true }),
    versioned: false,
    edit: (_ctx, id, { issueId }) => issues.removeIssueEdit(id, issueId),
  }),
  "scorecard.setPriorities": define({
    payload: PrioritiesBody.omit({ version: true }),
    versioned: true,
    edit: (ctx, id, input, version) => setPrioritiesEdit(ctx, id, { ...input, version }),
  }),
  "scorecard.addScores": define({
    payload: ParticipantScoresBody,
    versioned: false,
    edit: (_ctx, id, input) => scores.addScoresEdit(id, [input]),
    editMany: (_ctx, id, inputs) => scores.addScoresEdit(id, inputs),
  }),
  "scorecard.replaceScores": define({
    payload: ReplaceScoresBody.omit({ version: true }).extend({ participantNumber: ParticipantNumber }),
    versioned: true,
    edit: (_ctx, id, { participantNumber, scores: given }, version) =>
      scores.replaceScoresEdit(id, participantNumber, given, version),
  }),
  "scorecard.scoreTally": define({
    payload: ScoreTallyBody.omit({ version: true }).extend({ indicatorId: Uuid }),
    versioned: true,
    edit: (_ctx, id, { indicatorId, counts }, version) =>
      scores.setScoreTallyEdit(id, indicatorId, counts, version),
  }),
  "scorecard.setNotes": define({
    payload: PriorityNotesBody.omit({ version: true }).extend({ indicatorId: Uuid }),
    versioned: true,
    edit: (_ctx, id, { indicatorId, ...notes }, version) =>
      meeting.setNotesEdit(id, indicatorId, notes, version, "given"),
  }),
  "scorecard.submit": define({
    payload: z.object({}),
    versioned: true,
    edit: (ctx, id, _payload, version) => review.submitEdit(ctx, id, version),
  }),
  // Outreach sessions recorded offline, with their photos (sync.i4c-commands.ts).
  ...I4C_COMMANDS,
  // Citizens' messages written down by facilitators (sync.feedback-commands.ts).
  ...FEEDBACK_COMMANDS,
};

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
export function parseCommand(command: {
  type: string;
  recordId: string;
  payload: unknown;
  baseVersion: number | null;
  stamp: string;
}): ParsedCommand {
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
  return {
    type: command.type,
    definition,
    recordId: recordId.data,
    payload: payload.data,
    version: command.baseVersion ?? 0,
    stamp: command.stamp,
  };
}

/** Whether the command changes a card (applied with runEdits) rather than making a record (runCommand). */
export function isEdit(command: ParsedCommand): boolean {
  return command.definition.edit !== undefined;
}

/** Runs a command that makes a record through its service; a refusal is thrown. */
export async function runCommand(ctx: Ctx, command: ParsedCommand): Promise<{ version: number }> {
  return command.definition.run!(ctx, command.recordId, command.payload, command.version);
}

/**
 * Applies commands that change one card (isEdit), one after the other (editCardInSteps), a run of
 * one type with editMany as one change. Answers each as it would be answered alone: the card's
 * version after it (with the fields a later write held), or its refusal.
 */
export async function runEdits(ctx: Ctx, commands: ParsedCommand[]): Promise<(Applied | AppError)[]> {
  const steps: StampedEdit[] = [];
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
  return editCardInSteps(ctx, commands[0]!.recordId, steps);
}
