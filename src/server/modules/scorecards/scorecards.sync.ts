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
import { changesOf, define, type SyncContribution } from "../sync/sync.service";
import { editCardInSteps } from "./scorecards.edit";
import * as issues from "./scorecards.issues";
import * as meeting from "./scorecards.meeting";
import { setPrioritiesEdit } from "./scorecards.priorities";
import { cycleStream, scorecardStream } from "./scorecards.pull";
import * as review from "./scorecards.review";
import * as scores from "./scorecards.scores";
import * as scorecards from "./scorecards.service";

/**
 * The score-card module's part of the field app (docs/mechanisms/sync.md): the streams of the cycles
 * a user may record a card for and of their cards (scorecards.pull.ts), and the commands a phone may
 * push for a card. The commands are each run through the same service as the online API (so
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

const CREATE = {
  "scorecard.create": define({
    payload: CreateScorecardBody.extend({ cycleId: Uuid }),
    versioned: false,
    run: async (ctx, id, { cycleId, kind, mode }) => {
      const { card } = await scorecards.create(ctx, cycleId, { kind, mode, id });
      return { version: card.version };
    },
  }),
};

/** The changes of a card, applied one after the other with editCardInSteps. */
const CHANGES = changesOf(editCardInSteps, {
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
});

export const SCORECARD_SYNC: SyncContribution = {
  streams: [cycleStream, scorecardStream],
  commands: { ...CREATE, ...CHANGES },
};
