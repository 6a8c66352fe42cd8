import { uuidv7 } from "uuidv7";
import type { RecordName } from "../../../contracts/audit-actions";
import { cambodiaToday } from "../../../domain/isaf-cycle";
import type { IndicatorResult } from "../../../domain/scorecard-result";
import { medianGap } from "../../../domain/scorecard-result";
import type { Db } from "../../db/database";
import { authorize, can } from "../../platform/access";
import { diff } from "../../platform/audit";
import { command, requires } from "../../platform/command";
import type { Ctx } from "../../platform/context";
import { badRequest, conflict } from "../../platform/errors";
import * as rollups from "../../platform/rollups/rollups.engine";
import {
  type CycleInScope,
  recordNamesOf as cycleNamesOf,
  cyclesInScope,
  findCycleInScope,
  getCycleInScope,
} from "../isaf/cycles.service";
import { isafPolicy } from "../isaf/isaf.policy";
import * as places from "../places/places.service";
import { isEmpty, loadContent, loadContents, participantCount, resultsOf } from "./scorecards.content";
import { type Edit, editAbility, editCard, loadCard, loadCards, singleEdit } from "./scorecards.edit";
import { SCORECARD_FACT } from "./scorecards.facts";
import { KIND_NAMES } from "./scorecards.messages";
import { presentCard, presentCards, presentSummaryOf } from "./scorecards.presenter";
import * as repo from "./scorecards.repo";
import { FIELD } from "./scorecards.stamps";
import * as store from "./scorecards.store";

// ---- for other modules -----------------------------------------------------------------------

/** An approved score card's results per prioritised indicator, as other modules receive them. */
export interface ApprovedCard {
  year: number;
  kind: "community" | "self";
  indicators: Array<{
    indicatorId: string;
    code: string;
    nameKm: string;
    nameEn: string;
    rank: number;
    result: IndicatorResult;
  }>;
}

/** Results of a facility's approved score cards, newest year first (for the public pages). */
export async function approvedResultsOfFacility(db: Db, facilityId: string): Promise<ApprovedCard[]> {
  const cards = await store.approvedCardsOfFacility(db, facilityId);
  const contents = await loadContents(
    db,
    cards.map(({ card }) => card.id),
  );
  return cards.map(({ card, year }) => ({
    year,
    kind: card.kind,
    indicators: resultsOf(card.mode, contents.get(card.id)!).map(({ indicator, rank, result }) => ({
      indicatorId: indicator.id,
      code: indicator.code,
      nameKm: indicator.nameKm,
      nameEn: indicator.nameEn,
      rank,
      result,
    })),
  }));
}

/** Whether a submitted or approved community card of the commune and year has an ethnic-minority participant. */
export function communeHasMinorityParticipants(db: Db, communeCode: string, year: number): Promise<boolean> {
  return store.minorityParticipantsIn(db, communeCode, year);
}

/** The indicators the cycle's community card prioritised, in rank order. */
export function prioritisedIndicatorIds(db: Db, cycleId: string): Promise<string[]> {
  return store.communityPriorityIds(db, cycleId);
}

// ---- the cycle's cards ----------------------------------------------------------------------------

async function summaries(db: Db, cards: repo.ScorecardRow[]) {
  const sizes = await repo.sizes(
    db,
    cards.map((card) => card.id),
  );
  return cards.map((card) => presentSummaryOf(card, sizes.get(card.id)!));
}

export async function listForCycle(ctx: Ctx, cycleId: string) {
  const cycle = await getCycleInScope(ctx.db, ctx.actor, cycleId);
  authorize(isafPolicy, "cycle:read", ctx.actor, cycle);
  return cardsOfCycle(ctx, cycle, await summaries(ctx.db, await repo.ofCycle(ctx.db, cycleId)));
}

/** listForCycle of many cycles at once (the field app's pull), by cycle id; cycles out of scope are left out. */
export async function listForCycles(ctx: Ctx, cycleIds: readonly string[]) {
  const cycles = await cyclesInScope(ctx.db, ctx.actor, cycleIds);
  for (const cycle of cycles.values()) authorize(isafPolicy, "cycle:read", ctx.actor, cycle);
  const items = await summaries(ctx.db, await repo.ofCycles(ctx.db, [...cycles.keys()]));
  return new Map(
    [...cycles.values()].map((cycle) => [
      cycle.id,
      cardsOfCycle(
        ctx,
        cycle,
        items.filter((item) => item.cycleId === cycle.id),
      ),
    ]),
  );
}

function cardsOfCycle(ctx: Ctx, cycle: CycleInScope, items: Awaited<ReturnType<typeof summaries>>) {
  const community = items.find((item) => item.kind === "community") ?? null;
  const self = items.find((item) => item.kind === "self") ?? null;
  return {
    community,
    self,
    can: {
      createCommunity: !community && can(isafPolicy, "cycle:facilitate", ctx.actor, cycle),
      createSelf:
        !self &&
        (community?.priorityCount ?? 0) > 0 &&
        can(isafPolicy, "scorecard:self_assess", ctx.actor, cycle),
    },
  };
}

/**
 * Creates the cycle's community card or self-assessment; the self-assessment takes the community's
 * priorities. A card started offline keeps the id its device gave it (`id`). Answers with the new card
 * and its cycle, like every change of a card (editCard).
 */
export async function create(
  ctx: Ctx,
  cycleId: string,
  input: { kind: "community" | "self"; mode: "individual" | "tally"; id?: string },
) {
  const id = input.id ?? uuidv7();
  // A card is created under its cycle: a command on the cycle (404 out of scope, 403 without the ability).
  let priorityIds: string[] = [];
  return command(ctx, {
    entity: "cycle",
    load: (db) => findCycleInScope(db, ctx.actor, cycleId),
    requires: requires(isafPolicy, editAbility(input.kind), (cycle: CycleInScope) => cycle),
    rollup: (tx, _cycle, write) => rollups.tracked(tx, SCORECARD_FACT, id, write),
    write: async (tx, cycle) => {
      const existing = await repo.ofCycle(tx, cycleId);
      if (existing.some((card) => card.kind === input.kind)) throw conflict("scorecard_exists");
      if (input.kind === "self") {
        priorityIds = await store.communityPriorityIds(tx, cycleId);
        if (priorityIds.length === 0) throw conflict("community_priorities_missing");
      }
      const row = await repo.insert(tx, {
        id,
        cycleId,
        kind: input.kind,
        mode: input.mode,
        facilitatorId: ctx.actor.id,
      });
      await store.replacePriorities(tx, id, priorityIds);
      return { card: row, cycle };
    },
    audit: (cycle) => ({
      action: "scorecard.created",
      entityType: "scorecard",
      entityId: id,
      placeCode: cycle.communeCode,
      changes: { kind: input.kind, mode: input.mode, cycleId, priorities: priorityIds },
    }),
  });
}

export async function get(ctx: Ctx, id: string) {
  const found = await loadCard(ctx, id);
  authorize(isafPolicy, "cycle:read", ctx.actor, found.cycle);
  return presentCard(ctx, found);
}

/** get of many cards at once (the field app's pull), in the order of `ids`; cards out of scope are left out. */
export async function getMany(ctx: Ctx, ids: readonly string[]) {
  const found = await loadCards(ctx, ids);
  for (const { cycle } of found) authorize(isafPolicy, "cycle:read", ctx.actor, cycle);
  const order = new Map(ids.map((id, index) => [id, index]));
  found.sort((a, b) => order.get(a.card.id)! - order.get(b.card.id)!);
  return presentCards(ctx, found);
}

/** The meeting's date, village and mode (the mode only while the card is empty). */
export function updateDetails(ctx: Ctx, id: string, input: MeetingDetails) {
  return editCard(ctx, id, updateDetailsEdit(id, input));
}

type MeetingDetails = {
  heldOn: string | null;
  villageCode?: string | null;
  mode: "individual" | "tally";
  version: number;
};

/**
 * The change behind updateDetails; the field app's push applies it too (scorecards.sync.ts). Its fields
 * are the date, the village and the mode: merged, it writes only those whose stamp won.
 */
export function updateDetailsEdit(id: string, input: MeetingDetails): Edit {
  const villageCode = input.villageCode ?? null;
  // Today in Cambodia, so that a morning meeting is not in the future.
  const check = (now: Date) => {
    if (input.heldOn && input.heldOn > cambodiaToday(now)) {
      throw badRequest("validation_failed", [{ path: "heldOn", code: "held_on_future" }]);
    }
  };
  return singleEdit(
    { action: "details_updated", version: input.version, fields: FIELD.details },
    async (tx, card, cycle, written) => {
      if (villageCode && written.has("villageCode")) {
        const [village] = await places.findMany(tx, [villageCode]);
        if (village?.level !== "village" || village.parentCode !== cycle.communeCode) {
          throw badRequest("validation_failed", [
            { path: "villageCode", code: "village_not_in_commune", params: { code: villageCode } },
          ]);
        }
      }
      const mode = written.has("mode") ? input.mode : card.mode;
      if (mode !== card.mode && !isEmpty(await loadContent(tx, id))) throw conflict("mode_locked");
      const set = {
        heldOn: written.has("heldOn") ? input.heldOn : card.heldOn,
        villageCode: written.has("villageCode") ? villageCode : card.villageCode,
        mode,
      };
      return {
        set,
        changes: diff({ heldOn: card.heldOn, villageCode: card.villageCode, mode: card.mode }, set, [
          "heldOn",
          "villageCode",
          "mode",
        ]),
      };
    },
    check,
  );
}

// ---- results ----------------------------------------------------------------------------------------

export async function results(ctx: Ctx, id: string) {
  const { card, cycle } = await loadCard(ctx, id);
  authorize(isafPolicy, "cycle:read", ctx.actor, cycle);
  const content = await loadContent(ctx.db, id);
  return {
    id,
    kind: card.kind,
    mode: card.mode,
    status: card.status,
    participantCount: participantCount(content),
    indicators: resultsOf(card.mode, content),
  };
}

/** Community against self-assessment, indicator by indicator, in the community's order. */
export async function comparison(ctx: Ctx, cycleId: string) {
  const cycle = await getCycleInScope(ctx.db, ctx.actor, cycleId);
  authorize(isafPolicy, "cycle:read", ctx.actor, cycle);
  const cards = await repo.ofCycle(ctx.db, cycleId);
  const [community, self] = (["community", "self"] as const).map((kind) =>
    cards.find((card) => card.kind === kind),
  );
  const [communityResults, selfResults] = await Promise.all(
    [community, self].map(async (card) =>
      card ? resultsOf(card.mode, await loadContent(ctx.db, card.id)) : [],
    ),
  );
  const selfById = new Map(selfResults!.map((entry) => [entry.indicator.id, entry]));
  const order = communityResults!.length ? communityResults! : selfResults!;
  const [communitySummary, selfSummary] = await summaries(
    ctx.db,
    [community, self].filter((card) => card !== undefined),
  ).then((list) => [
    list.find((s) => s.kind === "community") ?? null,
    list.find((s) => s.kind === "self") ?? null,
  ]);
  return {
    community: communitySummary ?? null,
    self: selfSummary ?? null,
    indicators: order.map((entry) => {
      const communityEntry = communityResults!.find((c) => c.indicator.id === entry.indicator.id);
      const selfEntry = selfById.get(entry.indicator.id);
      return {
        indicator: entry.indicator,
        rank: entry.rank,
        community: communityEntry?.result ?? null,
        self: selfEntry?.result ?? null,
        medianGap: medianGap(communityEntry?.result ?? null, selfEntry?.result ?? null),
      };
    }),
  };
}

/** Cards as the audit log names them: their cycle's facility and year, and the kind of card. */
export async function recordNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, RecordName>> {
  const cards = await repo.cyclesOfCards(db, [...new Set(ids)]);
  const cycles = await cycleNamesOf(db, [...new Set(cards.map((card) => card.cycleId))]);
  return new Map(
    cards.flatMap((card) => {
      const cycle = cycles.get(card.cycleId);
      const kind = KIND_NAMES[card.kind];
      return cycle ? [[card.id, { km: `${cycle.km} · ${kind.km}`, en: `${cycle.en} · ${kind.en}` }]] : [];
    }),
  );
}
