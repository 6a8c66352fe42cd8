import type { Db } from "../../db/database";
import { authorize } from "../../platform/access";
import { audit } from "../../platform/audit";
import type { Ctx } from "../../platform/context";
import { AppError, conflict, notFound } from "../../platform/errors";
import { MODE_NAMES } from "../../platform/messages-scorecards";
import { type CycleInScope, getCycleInScope } from "../isaf/cycles.service";
import { isafPolicy } from "../isaf/isaf.policy";
import * as rollups from "../rollups/rollups.service";
import * as repo from "./scorecards.repo";

export type ScorecardRow = repo.ScorecardRow;

export interface CardInScope {
  card: ScorecardRow;
  cycle: CycleInScope;
}

/** Who records a card: the community's by those who facilitate the cycle, the self-assessment also by the provider. */
export function editAbility(kind: "community" | "self") {
  return kind === "community" ? ("cycle:facilitate" as const) : ("scorecard:self_assess" as const);
}

/** The card and its cycle, when they lie in the actor's area; 404 otherwise. */
export async function loadCard(ctx: Ctx, id: string): Promise<CardInScope> {
  const card = await repo.findInScope(ctx.db, ctx.actor, id);
  if (!card) throw notFound("scorecard");
  const cycle = await getCycleInScope(ctx.db, ctx.actor, card.cycleId);
  return { card, cycle };
}

/** Submitted and approved cards are locked: every edit is refused until the card is returned or a change is granted. */
export function isLocked(card: Pick<ScorecardRow, "status">): boolean {
  return card.status === "submitted" || card.status === "approved";
}

export function assertEditable(
  card: Pick<ScorecardRow, "status">,
  code: "scorecard_locked" | "self_scorecard_locked" = "scorecard_locked",
) {
  if (isLocked(card)) throw conflict(code);
}

export function assertMode(card: Pick<ScorecardRow, "mode">, mode: "individual" | "tally") {
  if (card.mode !== mode) throw new AppError(409, "scorecard_mode_mismatch", { mode: MODE_NAMES[card.mode] });
}

export interface EditOptions {
  /** The audit action after "scorecard.". */
  action: string;
  /** When given, the card's version must still be this one. */
  version?: number;
  /** Which ability the change needs (the card kind's edit ability unless told). */
  ability?: "cycle:facilitate" | "scorecard:self_assess" | "scorecard:review" | "scorecard:request_change";
  /** Changes allowed on a locked card (the review's own steps). */
  whileLocked?: boolean;
}

/** What a change did: the audit's changes, and columns of the card itself to set. */
export interface Changed {
  changes?: Record<string, unknown>;
  set?: Parameters<typeof repo.touch>[2];
}
export type Change = (tx: Db, card: ScorecardRow, cycle: CycleInScope) => Promise<Changed>;

/**
 * The one way a card changes: in the caller's area, with the ability, in one transaction that locks
 * the card, refuses a locked or stale card, moves the dashboard counters (rollups.tracked), moves the
 * version on and writes the audit event. Any refusal inside `change` rolls everything back.
 */
export async function editCard(
  ctx: Ctx,
  id: string,
  options: EditOptions,
  change: Change,
): Promise<CardInScope> {
  const { card, cycle } = await loadCard(ctx, id);
  authorize(isafPolicy, options.ability ?? editAbility(card.kind), ctx.actor, cycle);
  const updated = await ctx.db.transaction(async (tx) => {
    const current = await repo.lock(tx, id);
    if (!options.whileLocked) assertEditable(current);
    if (options.version !== undefined && options.version !== current.version)
      throw conflict("version_conflict");
    return rollups.tracked(tx, "scorecard", id, async () => {
      const { changes, set } = await change(tx, current, cycle);
      const row = await repo.touch(tx, id, set);
      await audit(tx, ctx, {
        action: `scorecard.${options.action}`,
        entityType: "scorecard",
        entityId: id,
        placeCode: cycle.communeCode,
        changes: { kind: current.kind, ...(changes ?? {}) },
      });
      return row;
    });
  });
  return { card: updated, cycle };
}
