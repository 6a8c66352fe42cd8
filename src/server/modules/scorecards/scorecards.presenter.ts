import type { z } from "zod";
import type { CycleRef, Scorecard, ScorecardSummary } from "../../../contracts/scorecards";
import { lineageOf } from "../../../domain/places";
import type { Db } from "../../db/database";
import { can } from "../../platform/access";
import type { Ctx } from "../../platform/context";
import { message } from "../../platform/messages";
import { summariesOf } from "../facilities/facilities.service";
import { cycleRefsOf } from "../isaf/cycles.service";
import { isafPolicy } from "../isaf/isaf.policy";
import * as places from "../places/places.service";
import { presentSummary } from "../places/places.service";
import {
  type Content,
  loadContents,
  missingForSubmit,
  participantCount,
  scoredBy,
  tallyDistributions,
} from "./scorecards.content";
import { type CardInScope, editAbility, isLocked } from "./scorecards.edit";
import * as who from "./scorecards.people";
import type * as repo from "./scorecards.repo";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentSummaryOf(
  card: repo.ScorecardRow,
  size: { participants: number; priorities: number },
): z.infer<typeof ScorecardSummary> {
  return {
    id: card.id,
    cycleId: card.cycleId,
    kind: card.kind,
    mode: card.mode,
    status: card.status,
    heldOn: card.heldOn,
    participantCount: size.participants,
    priorityCount: size.priorities,
    submittedAt: iso(card.submittedAt),
    version: card.version,
  };
}

/**
 * Cycles as cards show them (facility, programme, province › district › commune), by id: the cycles
 * from the isaf module, then their facilities and places from theirs, one query each.
 */
export async function cycleRefsById(
  db: Db,
  cycleIds: string[],
): Promise<Map<string, z.infer<typeof CycleRef>>> {
  const rows = await cycleRefsOf(db, [...new Set(cycleIds)]);
  const codes = new Set(rows.flatMap((row) => lineageOf(row.communeCode)));
  const [facilityRows, placeList] = await Promise.all([
    summariesOf(db, [...new Set(rows.map((row) => row.facilityId))]),
    places.findMany(db, [...codes]),
  ]);
  const facilityById = new Map(facilityRows.map((facility) => [facility.id, facility]));
  const placeRows = new Map(placeList.map((place) => [place.code, place]));
  return new Map(
    rows.flatMap(({ facilityId, ...row }) => {
      const facility = facilityById.get(facilityId);
      if (!facility) return [];
      const ref = {
        ...row,
        facility: { id: facility.id, code: facility.code, nameKm: facility.nameKm, nameEn: facility.nameEn },
        path: lineageOf(row.communeCode)
          .map((code) => placeRows.get(code))
          .filter((place) => place !== undefined)
          .map(presentSummary),
      };
      return [[row.id, ref]];
    }),
  );
}

export function presentChangeRequest(entry: who.ChangeRequestEntry) {
  return {
    id: entry.request.id,
    reason: entry.request.reason,
    status: entry.request.status,
    requestedBy: entry.requester,
    requestedAt: entry.request.createdAt.toISOString(),
    decidedBy: entry.decider,
    decidedAt: iso(entry.request.decidedAt),
    decisionNote: entry.request.decisionNote,
  };
}

/**
 * The card's records. Who each participant is and what each one scored only for `records` (those who
 * record or review the card); everyone else gets the priorities and the totals, and reads the results.
 */
function presentContent(card: repo.ScorecardRow, content: Content, records: boolean) {
  const scored = scoredBy(card.mode, content);
  return {
    participants: records
      ? content.participants.map(({ scorecardId: _, ...participant }) => participant)
      : null,
    tallies: records ? content.tallies.map(({ scorecardId: _, ...row }) => row) : null,
    issues: records ? content.issues : content.issues.map((issue) => ({ ...issue, participantNumber: null })),
    priorities: content.priorities.map((priority) => ({
      ...priority,
      scoredBy: scored.get(priority.indicator.id) ?? 0,
    })),
    scores: records ? content.scores : null,
    scoreTallies: [...tallyDistributions(content)].map(([indicatorId, counts]) => ({ indicatorId, counts })),
  };
}

/** Everything the meeting screen needs, with what the caller may do now. */
export async function presentCard(ctx: Ctx, found: CardInScope): Promise<Scorecard> {
  return (await presentCards(ctx, [found]))[0]!;
}

/**
 * Many cards as presentCard presents each one, with one query per kind of record whatever their
 * number (the field app's pull, scorecards.pull.ts).
 */
export async function presentCards(ctx: Ctx, found: CardInScope[]): Promise<Scorecard[]> {
  const cards = found.map(({ card }) => card);
  const villageCodes = cards.flatMap((card) => (card.villageCode ? [card.villageCode] : []));
  const [contents, refs, allRequests, people, villages] = await Promise.all([
    loadContents(
      ctx.db,
      cards.map((card) => card.id),
    ),
    cycleRefsById(
      ctx.db,
      cards.map((card) => card.cycleId),
    ),
    who.changeRequests(
      ctx.db,
      cards.map((card) => card.id),
    ),
    who.people(
      ctx.db,
      cards.flatMap((card) => [card.submittedBy, card.reviewedBy]),
    ),
    villageCodes.length > 0 ? places.findMany(ctx.db, villageCodes) : Promise.resolve([]),
  ]);
  const villageByCode = new Map(villages.map((place) => [place.code, place]));
  return found.map(({ card, cycle }) =>
    present(ctx, card, cycle, {
      content: contents.get(card.id)!,
      cycleRef: refs.get(card.cycleId)!,
      requests: allRequests.filter((entry) => entry.request.scorecardId === card.id),
      people,
      village: card.villageCode ? villageByCode.get(card.villageCode) : undefined,
    }),
  );
}

function present(
  ctx: Ctx,
  card: repo.ScorecardRow,
  cycle: CardInScope["cycle"],
  loaded: {
    content: Content;
    cycleRef: z.infer<typeof CycleRef>;
    requests: who.ChangeRequestEntry[];
    people: Awaited<ReturnType<typeof who.people>>;
    village: places.PlaceRow | undefined;
  },
): Scorecard {
  const { content, requests, people } = loaded;
  const pending = requests.some((entry) => entry.request.status === "pending");
  const mayEdit = can(isafPolicy, editAbility(card.kind), ctx.actor, cycle);
  const mayReview = can(isafPolicy, "scorecard:review", ctx.actor, cycle);
  const missing = missingForSubmit(card, content);
  return {
    ...presentSummaryOf(card, {
      participants: participantCount(content),
      priorities: content.priorities.length,
    }),
    cycle: loaded.cycleRef,
    village: loaded.village ? presentSummary(loaded.village) : null,
    ...presentContent(card, content, mayEdit || mayReview),
    submittedBy: card.submittedBy ? (people.get(card.submittedBy) ?? null) : null,
    reviewedAt: iso(card.reviewedAt),
    reviewedBy: card.reviewedBy ? (people.get(card.reviewedBy) ?? null) : null,
    reviewComment: card.reviewComment,
    changeRequests: requests.map(presentChangeRequest),
    missing: missing.map((item) => ({
      path: item.path,
      code: item.code,
      message: message(item.code, ctx.locale, item.params),
    })),
    can: {
      edit: mayEdit && !isLocked(card),
      submit: mayEdit && !isLocked(card) && missing.length === 0,
      review: mayReview && card.status === "submitted",
      requestChange:
        can(isafPolicy, "scorecard:request_change", ctx.actor, cycle) &&
        card.status === "approved" &&
        !pending,
      decideChange: mayReview && pending,
    },
  };
}
